//! Focus and what a screen reader is told, in real Chromium on the demo page: the callback
//! form and the cockpit variable form are taken through every state (editing, invalid,
//! sending, failed, created or set, and back), as a keyboard user would. After each transition
//! the test reads where `document.activeElement` is (through the widget's shadow root) and
//! Chromium's accessibility tree of the widget (roles, names, states, the live regions' text,
//! through the DevTools protocol). The jtel emulator holds a request (`hang`) so the sending
//! state can be read, and then drops it, which is the failure. The summary is written to
//! `target/reports/accessibility-tree.md`.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use fantoccini::Client;
use jtel_emulator::{Config, RunningEmulator, DEFAULT_TOKEN};
use serde_json::json;
use std::time::Duration;
use support::accessibility_tree::{focused_element, widget_tree, AxNode};
use support::cockpit_steps::{retype, FORM as VARIABLE};
use support::widget::{click, in_widget, type_into};
use support::{browser::with_browser, dist::dist_dir, gateway, jtel, report};

/// The demo page's callback form.
const CALLBACK: &str = "#callback";

/// One state of one form as the user meets it.
struct Snapshot {
    form: &'static str,
    state: &'static str,
    focus: String,
    tree: Vec<AxNode>,
}

impl Snapshot {
    /// Reads the focus and the tree of `host` now.
    async fn take(client: &Client, host: &str, form: &'static str, state: &'static str) -> Self {
        Self {
            form,
            state,
            focus: focused_element(client, host).await,
            tree: widget_tree(client, host).await,
        }
    }

    /// The one node with `role` for which `holds` holds.
    fn node(&self, role: &str, holds: impl Fn(&AxNode) -> bool) -> &AxNode {
        let found: Vec<&AxNode> = self
            .tree
            .iter()
            .filter(|node| node.role == role && holds(node))
            .collect();
        assert_eq!(
            found.len(),
            1,
            "{} {}: one such {role} expected, the tree is:\n{}",
            self.form,
            self.state,
            self.lines()
        );
        found[0]
    }

    /// The texts the live regions hold now (what has been or is announced).
    fn announced(&self) -> Vec<String> {
        self.tree
            .iter()
            .filter(|node| node.is_live_region() && !node.text.is_empty())
            .map(|node| node.text.clone())
            .collect()
    }

    /// The node that has the focus, as the tree says.
    fn focused(&self) -> &AxNode {
        self.tree
            .iter()
            .find(|node| node.has("focused"))
            .unwrap_or_else(|| {
                panic!(
                    "{} {}: no node has the focus ({}), the tree is:\n{}",
                    self.form,
                    self.state,
                    self.focus,
                    self.lines()
                )
            })
    }

    fn lines(&self) -> String {
        self.tree
            .iter()
            .map(|node| format!("  {}\n", node.line()))
            .collect()
    }
}

/// Waits (up to 30 s: a held request ends after [`hold_next`]'s 6 s) until `inner` shows in
/// `host`.
async fn wait_long(client: &Client, host: &str, inner: &str) {
    for _ in 0..300 {
        if !support::widget::all_in_widget(client, host, inner)
            .await
            .is_empty()
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{inner} never appeared in {host}");
}

/// Holds the next request of `route` for 6 s (long enough to read the sending state), then
/// drops it: the request fails.
async fn hold_next(emulator: &RunningEmulator, route: &str) {
    jtel::arm_fault(emulator, route, &json!({ "kind": "hang", "ms": 6000 })).await;
}

/// A named heading at the widget's default level.
fn titled(node: &AxNode) -> bool {
    !node.name.is_empty() && node.has("level=2")
}

/// The text `inner` shows in `host` (what a sighted user reads).
async fn visible_text(client: &Client, host: &str, inner: &str) -> String {
    in_widget(client, host, inner)
        .await
        .text()
        .await
        .unwrap_or_default()
}

/// The callback form: editing, invalid, sending, failed, created, and a new request.
async fn event_form_states(client: &Client, emulator: &RunningEmulator) -> Vec<Snapshot> {
    const FORM: &str = "event form";
    let mut shots = Vec::new();
    in_widget(client, CALLBACK, "[name=Sender]").await;
    let editing = Snapshot::take(client, CALLBACK, FORM, "editing").await;
    editing.node("heading", titled);
    editing.node("textbox", |node| {
        node.has("required") && !node.name.is_empty()
    });
    assert!(
        editing.announced().is_empty(),
        "editing: nothing announced: {:?}",
        editing.announced()
    );
    shots.push(editing);

    click(client, CALLBACK, "button[type=submit]").await;
    in_widget(client, CALLBACK, ".jtel-error").await;
    let invalid = Snapshot::take(client, CALLBACK, FORM, "invalid").await;
    assert!(
        invalid.focus.starts_with("input[name=Sender]"),
        "invalid: focus on the first invalid field, not {}",
        invalid.focus
    );
    let phone = invalid.focused();
    assert!(
        phone.role == "textbox" && phone.has("invalid=true"),
        "invalid: {}",
        phone.line()
    );
    shots.push(invalid);

    hold_next(emulator, "create").await;
    type_into(client, CALLBACK, "Sender", "0199 123456789").await;
    click(client, CALLBACK, "button[type=submit]").await;
    in_widget(client, CALLBACK, "button[type=submit][aria-disabled=true]").await;
    let sending = Snapshot::take(client, CALLBACK, FORM, "sending").await;
    // The button keeps the focus where the user was (it does not take it on mousedown): here
    // the phone field; a keyboard user who pressed the button keeps it on the button.
    assert!(
        sending.focus.starts_with("input[name=Sender]"),
        "sending: the focus stays where it was, not {}",
        sending.focus
    );
    let button = sending.node("button", |node| node.has("disabled"));
    assert_eq!(
        sending.announced(),
        std::slice::from_ref(&button.name),
        "sending: said once, as the button says"
    );
    assert!(
        sending.node("form", |_| true).has("busy"),
        "sending: the form is busy:\n{}",
        sending.lines()
    );
    shots.push(sending);

    wait_long(client, CALLBACK, ".jtel-failure").await;
    let failed = Snapshot::take(client, CALLBACK, FORM, "failed").await;
    assert!(
        failed.focus.starts_with("div[role=alert]"),
        "failed: focus on the alert, not {}",
        failed.focus
    );
    let alert = failed.focused();
    assert_eq!(alert.role, "alert", "failed: {}", alert.line());
    assert_eq!(
        failed.announced(),
        std::slice::from_ref(&alert.text),
        "failed: one message, the alert's"
    );
    shots.push(failed);

    click(client, CALLBACK, "button[type=submit]").await;
    let confirmation = visible_text(client, CALLBACK, ".jtel-success-text").await;
    let created = Snapshot::take(client, CALLBACK, FORM, "created").await;
    assert!(
        created.focus.starts_with("button"),
        "created: focus on New request, not {}",
        created.focus
    );
    assert_eq!(created.focused().role, "button", "created");
    assert_eq!(
        created.announced(),
        std::slice::from_ref(&confirmation),
        "created: the visible confirmation, said once"
    );
    created.node("status", |node| node.text == confirmation);
    shots.push(created);

    click(client, CALLBACK, ".jtel-success button").await;
    in_widget(client, CALLBACK, "form").await;
    let again = Snapshot::take(client, CALLBACK, FORM, "new request").await;
    assert!(
        again.focus.starts_with("input[name=Sender]"),
        "new request: focus on the first field, not {}",
        again.focus
    );
    assert!(
        again.announced().is_empty(),
        "new request: {:?}",
        again.announced()
    );
    shots.push(again);
    shots
}

/// The cockpit variable form: editing, invalid, confirming, sending, failed, set.
async fn cockpit_form_states(client: &Client, emulator: &RunningEmulator) -> Vec<Snapshot> {
    const FORM: &str = "cockpit variable form";
    let mut shots = Vec::new();
    in_widget(client, VARIABLE, "input[name=value]").await;
    let editing = Snapshot::take(client, VARIABLE, FORM, "editing").await;
    editing.node("heading", titled);
    editing.node("spinbutton", |node| !node.name.is_empty());
    assert!(
        editing.announced().is_empty(),
        "editing: {:?}",
        editing.announced()
    );
    shots.push(editing);

    retype(client, VARIABLE, "input[name=value]", "150").await;
    click(client, VARIABLE, "button[type=submit]").await;
    in_widget(client, VARIABLE, ".jtel-error").await;
    let invalid = Snapshot::take(client, VARIABLE, FORM, "invalid").await;
    assert!(
        invalid.focus.starts_with("input[name=value]"),
        "invalid: focus on the value, not {}",
        invalid.focus
    );
    assert!(
        invalid.focused().has("invalid=true"),
        "invalid: {}",
        invalid.focused().line()
    );
    shots.push(invalid);

    retype(client, VARIABLE, "input[name=value]", "30").await;
    click(client, VARIABLE, "button[type=submit]").await;
    let question = visible_text(client, VARIABLE, ".jtel-confirm-text").await;
    let confirming = Snapshot::take(client, VARIABLE, FORM, "confirming").await;
    assert!(
        confirming.focus.starts_with("button"),
        "confirming: focus on Confirm, not {}",
        confirming.focus
    );
    confirming.node("group", |node| node.name == question);
    shots.push(confirming);

    hold_next(emulator, "setValue").await;
    click(client, VARIABLE, ".jtel-confirm .jtel-button--primary").await;
    in_widget(client, VARIABLE, "input[name=value][readonly]").await;
    let sending = Snapshot::take(client, VARIABLE, FORM, "sending").await;
    assert!(
        sending.focus.starts_with("input[name=value]"),
        "sending: focus back on the value, not {}",
        sending.focus
    );
    assert_eq!(
        sending.focused().role,
        "spinbutton",
        "sending: the value input (read-only while sending)"
    );
    assert_eq!(
        sending.announced().len(),
        1,
        "sending: said once {:?}",
        sending.announced()
    );
    shots.push(sending);

    wait_long(client, VARIABLE, "[role=alert]").await;
    let failed = Snapshot::take(client, VARIABLE, FORM, "failed").await;
    assert!(
        failed.focus.starts_with("div[role=alert]"),
        "failed: focus on the alert, not {}",
        failed.focus
    );
    let alert = failed.focused();
    assert_eq!(
        failed.announced(),
        std::slice::from_ref(&alert.text),
        "failed: one message, the alert's"
    );
    shots.push(failed);

    click(client, VARIABLE, "[role=alert] button").await;
    let said = visible_text(client, VARIABLE, ".jtel-success").await;
    let set = Snapshot::take(client, VARIABLE, FORM, "set").await;
    assert!(
        set.focus.starts_with("input[name=value]"),
        "set: focus on the value, not {}",
        set.focus
    );
    assert_eq!(set.announced(), [said], "set: said once");
    shots.push(set);
    shots
}

/// The report: per form and state, the focus and the tree.
fn summary(shots: &[Snapshot]) -> String {
    let mut text = String::from(
        "# Focus and accessibility tree per state (Chromium, Accessibility.queryAXTree)\n\n\
         | form | state | focus (document.activeElement through the shadow root) | live regions say |\n|---|---|---|---|\n",
    );
    for shot in shots {
        text.push_str(&format!(
            "| {} | {} | `{}` | {} |\n",
            shot.form,
            shot.state,
            shot.focus,
            shot.announced().join(" / ")
        ));
    }
    for shot in shots {
        text.push_str(&format!(
            "\n## {}: {}\n\n```\n{}```\n",
            shot.form,
            shot.state,
            shot.lines()
        ));
    }
    text
}

#[tokio::test(flavor = "multi_thread")]
async fn focus_follows_every_outcome_and_the_tree_tells_every_state() {
    let emulator = jtel_emulator::spawn(Config::default())
        .await
        .expect("emulator starts");
    let page = gateway::start(dist_dir(), emulator.base_url(), DEFAULT_TOKEN.to_owned()).await;
    let shots = with_browser(move |client| async move {
        client
            .goto(&format!("http://{page}/"))
            .await
            .expect("page loads");
        let mut shots = event_form_states(&client, &emulator).await;
        shots.extend(cockpit_form_states(&client, &emulator).await);
        shots
    })
    .await;
    let text = summary(&shots);
    print!("{text}");
    report::write("accessibility-tree.md", &text);
}
