//! What a screen reader is told about a widget: Chromium's accessibility tree of the widget's
//! host element (its shadow root included), read through the DevTools protocol
//! (`Accessibility.queryAXTree`), and where the keyboard focus is (`document.activeElement`
//! through the shadow root).

use super::browser::devtools;
use fantoccini::Client;
use serde_json::{json, Value};
use std::collections::HashMap;

/// One node of the tree as assistive technology gets it.
#[derive(Debug, Clone, PartialEq)]
pub struct AxNode {
    /// Its role (`heading`, `textbox`, `button`, `status`, …).
    pub role: String,
    /// Its accessible name.
    pub name: String,
    /// Its states and properties that matter to a user (`focused`, `invalid`, `disabled`,
    /// `required`, `readonly`, `busy`, `level`, `checked`, `expanded`, `live`), as `name=value`.
    pub states: Vec<String>,
    /// For live regions (`status`, `alert`): the text they hold, which is what is announced.
    pub text: String,
}

impl AxNode {
    /// Whether the node has the state `state` (`"focused"`, `"invalid=true"`, …).
    pub fn has(&self, state: &str) -> bool {
        self.states.iter().any(|shown| shown == state)
    }

    /// One line: `button "New request" [focused]`, `status (polite) "Sending…"`.
    pub fn line(&self) -> String {
        let mut line = format!("{} \"{}\"", self.role, self.name);
        if self.is_live_region() {
            line.push_str(&format!(" says \"{}\"", self.text));
        }
        if !self.states.is_empty() {
            line.push_str(&format!(" [{}]", self.states.join(", ")));
        }
        line
    }

    /// Whether assistive technology announces changes of this node's text.
    pub fn is_live_region(&self) -> bool {
        self.role == "status"
            || self.role == "alert"
            || self.states.iter().any(|s| s.starts_with("live="))
    }
}

/// The roles a user meets in a form; the rest (text runs, generic containers) only carries them.
const ROLES: [&str; 12] = [
    "heading",
    "textbox",
    "combobox",
    "spinbutton",
    "button",
    "switch",
    "status",
    "alert",
    "group",
    "listbox",
    "option",
    "form",
];

/// The states shown in a node's line, when set.
const STATES: [&str; 10] = [
    "focused", "invalid", "disabled", "required", "readonly", "busy", "level", "checked",
    "expanded", "live",
];

/// The accessibility tree of the widget `host` (a CSS selector of its host element), in
/// document order, with only the nodes a user meets.
pub async fn widget_tree(client: &Client, host: &str) -> Vec<AxNode> {
    let found = devtools(
        client,
        "Runtime.evaluate",
        json!({ "expression": format!("document.querySelector({})", json!(host)) }),
    )
    .await;
    let object_id = found["result"]["objectId"]
        .as_str()
        .unwrap_or_else(|| panic!("no element {host}: {found}"))
        .to_owned();
    let tree = devtools(
        client,
        "Accessibility.queryAXTree",
        json!({ "objectId": object_id }),
    )
    .await;
    let nodes = tree["nodes"].as_array().cloned().unwrap_or_default();
    let by_id: HashMap<String, &Value> = nodes
        .iter()
        .filter_map(|node| Some((node["nodeId"].as_str()?.to_owned(), node)))
        .collect();
    nodes
        .iter()
        .filter(|node| node["ignored"] != true)
        .filter_map(|node| {
            let role = node["role"]["value"].as_str()?.to_owned();
            ROLES.contains(&role.as_str()).then(|| AxNode {
                name: node["name"]["value"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned(),
                states: states(node),
                text: text_within(node, &by_id).trim().to_owned(),
                role,
            })
        })
        .collect()
}

/// The states of `node` worth a line, as `name` (for `true`) or `name=value`.
fn states(node: &Value) -> Vec<String> {
    let mut shown = Vec::new();
    for property in node["properties"].as_array().into_iter().flatten() {
        let name = property["name"].as_str().unwrap_or_default();
        if !STATES.contains(&name) {
            continue;
        }
        match &property["value"]["value"] {
            Value::Bool(true) => shown.push(name.to_owned()),
            // Chromium gives `busy` as a number.
            Value::Number(number) if name == "busy" => {
                if number.as_i64() != Some(0) {
                    shown.push(name.to_owned());
                }
            }
            Value::Bool(false) | Value::Null => {}
            Value::String(text) if text == "false" => {}
            Value::String(text) => shown.push(format!("{name}={text}")),
            other => shown.push(format!("{name}={other}")),
        }
    }
    shown
}

/// The text of the text runs under `node`.
fn text_within(node: &Value, by_id: &HashMap<String, &Value>) -> String {
    if node["role"]["value"] == "StaticText" {
        return node["name"]["value"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
    }
    node["childIds"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|id| by_id.get(id.as_str()?))
        .map(|child| text_within(child, by_id))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Where the keyboard focus is, seen from the widget `host`: `body` when nothing has it,
/// `outside <tag>` when another element of the page has it, else the focused element inside
/// the widget's shadow root as `tag[name=…][role=…] "text"`.
pub async fn focused_element(client: &Client, host: &str) -> String {
    let described = client
        .execute(
            "const host = document.querySelector(arguments[0]);
             const active = host.shadowRoot.activeElement;
             if (!active) {
               const outer = document.activeElement;
               return !outer || outer === document.body ? 'body' : 'outside ' + outer.tagName.toLowerCase();
             }
             let text = active.tagName.toLowerCase();
             for (const attribute of ['name', 'role']) {
               if (active.hasAttribute(attribute)) text += `[${attribute}=${active.getAttribute(attribute)}]`;
             }
             const words = (active.value ?? '') || active.textContent.trim();
             return `${text} \"${words}\"`;",
            vec![json!(host)],
        )
        .await
        .expect("the page answers");
    described.as_str().unwrap_or_default().to_owned()
}
