//! The npm package's hand-written TypeScript declarations (`npm/index.d.ts`) against what the
//! widgets really read and say: each widget's option interface holds exactly the camelCase
//! names of the keys its element observes (`src/embed/config.rs`), and the unions of
//! `jtel-failed` and `jtel-invalid` codes hold exactly the codes docs/events.md lists. A new
//! option or code without its declaration (or a declaration of one that is gone) fails here.
//! (`tsc --noEmit` in the host apps checks that the declarations themselves are sound.)
#![cfg(not(target_arch = "wasm32"))]

use jtel_widgets::embed::config::{
    camel_case, ACD_EVENT_FORM_KEYS, COCKPIT_VARIABLES_KEYS, COCKPIT_VARIABLE_KEYS,
};
use std::collections::{BTreeMap, BTreeSet};

const DECLARATIONS: &str = include_str!("../npm/index.d.ts");
const EVENTS: &str = include_str!("../docs/events.md");

/// An interface of the declarations: the interfaces it extends and its own property names.
struct Interface {
    extends: Vec<String>,
    properties: BTreeSet<String>,
}

/// Every `export interface Name extends A, B { name?: …; }` of `source`. Properties are the
/// lines that start (after indentation) with `name:` or `name?:`.
fn interfaces(source: &str) -> BTreeMap<String, Interface> {
    let mut found = BTreeMap::new();
    let mut current: Option<(String, Interface)> = None;
    for line in source.lines() {
        if let Some(rest) = line.strip_prefix("export interface ") {
            let head = rest.trim_end_matches('{').trim();
            let (name, extends) = head.split_once(" extends ").unwrap_or((head, ""));
            let interface = Interface {
                extends: extends
                    .split(',')
                    .map(|parent| parent.trim().to_owned())
                    .filter(|parent| !parent.is_empty())
                    .collect(),
                properties: BTreeSet::new(),
            };
            current = Some((name.trim().to_owned(), interface));
        } else if line.starts_with('}') {
            if let Some((name, interface)) = current.take() {
                found.insert(name, interface);
            }
        } else if let Some((_, interface)) = &mut current {
            let trimmed = line.trim_start();
            let name: String = trimmed
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            let after = &trimmed[name.len()..];
            if !name.is_empty() && (after.starts_with(':') || after.starts_with("?:")) {
                interface.properties.insert(name);
            }
        }
    }
    found
}

/// The properties of interface `name` with those of every interface it extends.
fn properties(all: &BTreeMap<String, Interface>, name: &str) -> BTreeSet<String> {
    let interface = all
        .get(name)
        .unwrap_or_else(|| panic!("npm/index.d.ts declares no interface {name}"));
    let mut properties = interface.properties.clone();
    for parent in &interface.extends {
        properties.extend(properties_of_known(all, parent));
    }
    properties
}

/// Like [`properties`], for a parent that may be a DOM interface (which adds nothing here).
fn properties_of_known(all: &BTreeMap<String, Interface>, name: &str) -> BTreeSet<String> {
    if all.contains_key(name) {
        properties(all, name)
    } else {
        BTreeSet::new()
    }
}

/// The camelCase names of `keys`.
fn camel(keys: &[&str]) -> BTreeSet<String> {
    keys.iter().map(|key| camel_case(key)).collect()
}

/// The members of `export type Name = | "a" | "b";`.
fn string_union(source: &str, name: &str) -> BTreeSet<String> {
    let start = source
        .find(&format!("export type {name} ="))
        .unwrap_or_else(|| panic!("npm/index.d.ts declares no type {name}"));
    let body = &source[start..start + source[start..].find(';').expect("the type ends")];
    quoted(body, '"')
}

/// Every `quote`-delimited word in `text`.
fn quoted(text: &str, quote: char) -> BTreeSet<String> {
    text.split(quote)
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

/// The codes in the `event` row of docs/events.md's table: the backticked kebab-case words
/// after "`code`" (not `'wasm-unsafe-eval'` or other quoted text).
fn documented_codes(event: &str) -> BTreeSet<String> {
    let row = EVENTS
        .lines()
        .find(|line| line.starts_with(&format!("| `{event}`")))
        .unwrap_or_else(|| panic!("docs/events.md has no row for {event}"));
    let codes = &row[row.find("`code`").expect("the row lists codes") + "`code`".len()..];
    quoted(codes, '`')
        .into_iter()
        .filter(|code| {
            code.split('-')
                .all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_lowercase()))
        })
        .collect()
}

#[test]
fn each_widgets_options_are_declared_exactly() {
    let all = interfaces(DECLARATIONS);
    for (interface, keys) in [
        ("AcdEventFormOptions", ACD_EVENT_FORM_KEYS),
        ("CockpitVariableOptions", COCKPIT_VARIABLE_KEYS),
        ("CockpitVariablesOptions", COCKPIT_VARIABLES_KEYS),
    ] {
        assert_eq!(
            properties(&all, interface),
            camel(keys),
            "{interface} in npm/index.d.ts must declare exactly the options of src/embed/config.rs"
        );
    }
}

#[test]
fn mount_options_add_only_the_widget_name() {
    let all = interfaces(DECLARATIONS);
    for (mount, options) in [
        ("AcdEventFormMountOptions", "AcdEventFormOptions"),
        ("CockpitVariableMountOptions", "CockpitVariableOptions"),
        ("CockpitVariablesMountOptions", "CockpitVariablesOptions"),
    ] {
        let mut expected = properties(&all, options);
        expected.insert("widget".to_owned());
        assert_eq!(properties(&all, mount), expected, "{mount}");
    }
}

#[test]
fn failure_and_invalid_codes_are_those_the_docs_list() {
    assert_eq!(
        string_union(DECLARATIONS, "FailureCode"),
        documented_codes("jtel-failed")
    );
    assert_eq!(
        string_union(DECLARATIONS, "InvalidCode"),
        documented_codes("jtel-invalid")
    );
}

#[test]
fn every_event_has_its_detail_type() {
    let all = interfaces(DECLARATIONS);
    let declared = &all["JtelEventMap"].properties;
    let events: BTreeSet<String> = quoted(
        &DECLARATIONS[DECLARATIONS.find("export interface JtelEventMap").unwrap()..]
            .split('}')
            .next()
            .unwrap()
            .lines()
            .filter(|line| line.contains("CustomEvent<"))
            .collect::<String>(),
        '"',
    );
    assert!(declared.is_empty(), "event names are quoted: {declared:?}");
    let documented: BTreeSet<String> = EVENTS
        .lines()
        .filter_map(|line| line.strip_prefix("| `jtel-"))
        .map(|rest| format!("jtel-{}", rest.split('`').next().unwrap()))
        .collect();
    assert_eq!(events, documented, "JtelEventMap against docs/events.md");
}

/// The `"jtel-…"` names in `source` other than the message source and the deployment's id.
fn jtel_names(source: &str) -> BTreeSet<String> {
    quoted(source, '"')
        .into_iter()
        .filter(|name| {
            name.starts_with("jtel-") && name != "jtel-widgets" && name != "jtel-deployment"
        })
        .collect()
}

#[test]
fn the_frame_messages_are_those_the_page_posts_and_the_helper_dispatches() {
    const POSTER: &str = include_str!("../static/jtel-frame.js");
    const HELPER: &str = include_str!("../static/jtel-frame-host.js");
    const FRAME_DOC: &str = include_str!("../docs/frame.md");
    let map = &DECLARATIONS[DECLARATIONS
        .find("export interface JtelFrameEventMap")
        .expect("npm/index.d.ts declares JtelFrameEventMap")..];
    let declared = jtel_names(map.split('}').next().unwrap());
    assert_eq!(declared, jtel_names(POSTER), "static/jtel-frame.js posts");
    assert_eq!(
        declared,
        jtel_names(HELPER),
        "static/jtel-frame-host.js dispatches"
    );
    let documented: BTreeSet<String> = FRAME_DOC
        .lines()
        .filter(|line| line.starts_with("| `jtel-"))
        .flat_map(|line| quoted(line.split(" | ").next().unwrap(), '`'))
        .collect();
    assert_eq!(declared, documented, "docs/frame.md's table of messages");
    // The shape: { source: "jtel-widgets", type, detail }, as both scripts read and write it.
    let message = &DECLARATIONS[DECLARATIONS.find("export type FrameMessage =").unwrap()..];
    let message = message.split("}[").next().unwrap();
    for member in ["source: \"jtel-widgets\";", "type: T;", "detail: "] {
        assert!(message.contains(member), "FrameMessage lacks {member}");
    }
    assert!(POSTER.contains(r#"postMessage({ source: "jtel-widgets", type, detail }"#));
    assert!(HELPER.contains(r#"data?.source !== "jtel-widgets""#));
    assert!(HELPER.contains("new CustomEvent(data.type, { detail: data.detail"));
}

#[test]
fn the_frame_host_entry_is_the_helper_with_its_event_types() {
    const PACKAGE: &str = include_str!("../npm/package.json");
    const ENTRY: &str = include_str!("../npm/frame-host.d.ts");
    let exports: serde_json::Value = serde_json::from_str(PACKAGE).expect("package.json");
    assert_eq!(
        exports["exports"]["./frame-host"],
        serde_json::json!({ "types": "./frame-host.d.ts", "default": "./jtel-frame-host.js" })
    );
    assert!(include_str!("../scripts/npm-package.sh").contains("jtel-frame-host.js"));
    for map in ["HTMLElementEventMap", "DocumentEventMap", "WindowEventMap"] {
        assert!(
            ENTRY.contains(&format!("interface {map} extends JtelFrameEventMap {{}}")),
            "npm/frame-host.d.ts adds the iframe's events to {map}"
        );
    }
}
