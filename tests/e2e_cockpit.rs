//! End to end: a supervisor changes cockpit variables on the served page in a real Chromium,
//! through a gateway that holds the token, and reads every setValue result (0 to 4) the jtel
//! server (the emulator) gives. Results 1 and 4 need the server to change under the page; the
//! emulator's control route does that. Every assertion reads what the user sees, in the widget
//! or in the host page's event log, and checks the server's value past the page.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use fantoccini::{Client, Locator};
use jtel_emulator::{Config, RunningEmulator, DEFAULT_TOKEN};
use jtel_widgets::jtel_core::model::CockpitVariable;
use serde_json::{json, Value};
use std::net::SocketAddr;
use std::time::Duration;
use support::browser::{fetched_paths, with_browser};
use support::cockpit_steps::{
    confirm, open_in_list, propose, retype, wait_for_form_value, FORM, LIST,
};
use support::dist::{dist_dir, file_name, versioned_path};
use support::widget::{all_in_widget, click, in_widget, wait_for_text};
use support::{gateway, jtel};

/// What the page says about a read-only variable instead of offering an edit control.
const READ_ONLY_NOTE: &str = "This variable is read-only: you can see its value but not change it.";

/// The jtel server behind the page, reached past the page and the gateway: to read what it
/// has, and to change it under the page with the emulator's control route.
#[derive(Clone)]
struct Jtel {
    base_url: String,
    control_url: String,
    http: reqwest::Client,
}

impl Jtel {
    fn of(emulator: &RunningEmulator) -> Self {
        Self {
            base_url: emulator.base_url(),
            control_url: emulator.control_url(),
            http: reqwest::Client::new(),
        }
    }

    /// Variable `id`'s value as the server has it now.
    async fn value(&self, id: i64) -> Option<i64> {
        let path = format!("cockpitVariables/cockpitVariable/{id}");
        let single: Vec<CockpitVariable> = jtel::records(&self.base_url, &path).await;
        single.into_iter().next().expect("one record").value
    }

    /// Overwrites `fields` of variable `id` on the server; the page is not told.
    async fn change(&self, id: i64, fields: Value) {
        let answer = self
            .http
            .patch(format!("{}/cockpitVariables/{id}", self.control_url))
            .bearer_auth(DEFAULT_TOKEN)
            .json(&fields)
            .send()
            .await
            .expect("emulator answers");
        assert_eq!(answer.status(), 200, "control change {fields}");
    }
}

/// A setValue result as the user reads it: the code and the words the page shows.
struct Answer {
    result: i64,
    text: &'static str,
}

impl Answer {
    const fn new(result: i64, text: &'static str) -> Self {
        Self { result, text }
    }
}

const SET: Answer = Answer::new(0, "The value was set.");
const NOT_WRITABLE: Answer = Answer::new(1, "This variable cannot be changed (it is read-only).");
const NOT_VISIBLE: Answer = Answer::new(
    2,
    "This variable does not exist or is not visible in the cockpit.",
);
const UNCHANGED: Answer = Answer::new(3, "Nothing changed: the variable already has this value.");
const OUT_OF_RANGE: Answer = Answer::new(
    4,
    "Nothing changed: the value is outside the allowed range.",
);

/// Waits until the widget in `scope` explains `answer` (as a status when the request was
/// fulfilled, as an alert otherwise) and the host page's event log reports it for
/// `variable_id` and `value`.
async fn expect_answer(
    client: &Client,
    scope: &str,
    answer: &Answer,
    variable_id: i64,
    value: i64,
) {
    let place = match answer.result {
        0 | 3 => ".jtel-success",
        _ => "[role=alert] .jtel-alert-text",
    };
    wait_for_text(client, scope, place, answer.text).await;
    let detail = json!({
        "variableId": variable_id,
        "value": value,
        "result": answer.result,
        "message": answer.text,
    });
    wait_for_host_event(client, "jtel-value-set", &detail).await;
}

/// Waits (up to ten seconds) until the host page's `#events` paragraph reads `NAME: detail`.
async fn wait_for_host_event(client: &Client, name: &str, detail: &Value) {
    let prefix = format!("{name}: ");
    let mut shown = String::new();
    for _ in 0..100 {
        let log = client.find(Locator::Css("#events")).await.expect("#events");
        shown = log.text().await.unwrap_or_default();
        let heard = shown.strip_prefix(&prefix);
        if heard
            .and_then(|json| serde_json::from_str::<Value>(json).ok())
            .as_ref()
            == Some(detail)
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("#events should report {prefix}{detail} but reads {shown:?}");
}

/// Loads the demo page afresh and waits until the form shows variable 192 with `value` and
/// an input for a new one. A fresh page also restarts its 30-second refresh, so a change made
/// on the server right after stays unseen by the page for the next steps.
async fn open_page(client: &Client, page: SocketAddr, value: &str) {
    client
        .goto(&format!("http://{page}/"))
        .await
        .expect("page loads");
    wait_for_form_value(client, value).await;
    in_widget(client, FORM, "input[name=value]").await;
}

/// Sets `value` for variable 192 in the single form, answering its question with "Confirm".
async fn set_in_form(client: &Client, value: i64) {
    let question = format!("Set 'Test Cockpit Variable' to {value}?");
    propose(client, FORM, &value.to_string(), &question).await;
    confirm(client, FORM).await;
}

/// Result 0: the value is set, the page says so and shows the new value.
async fn a_new_value_is_set(client: &Client, jtel: &Jtel) {
    set_in_form(client, 42).await;
    expect_answer(client, FORM, &SET, 192, 42).await;
    assert_eq!(jtel.value(192).await, Some(42));
    wait_for_form_value(client, "42").await;
}

/// Result 3: the same value again changes nothing, and the page says that.
async fn the_same_value_changes_nothing(client: &Client) {
    set_in_form(client, 42).await;
    expect_answer(client, FORM, &UNCHANGED, 192, 42).await;
}

/// Result 1: the server made 192 read-only while the page still offers to change it.
async fn a_variable_made_read_only_meanwhile_is_explained(
    client: &Client,
    jtel: &Jtel,
    page: SocketAddr,
) {
    open_page(client, page, "42").await;
    jtel.change(192, json!({"bWritable": false})).await;
    set_in_form(client, 7).await;
    expect_answer(client, FORM, &NOT_WRITABLE, 192, 7).await;
    assert_eq!(jtel.value(192).await, Some(42));
    // The form reloads the variable after the answer and now shows it read-only: no edit
    // control, and the answer is said once, by the alert (not again by the read-only note).
    for _ in 0..100 {
        if all_in_widget(client, FORM, "input[name=value]")
            .await
            .is_empty()
        {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(all_in_widget(client, FORM, "input[name=value]")
        .await
        .is_empty());
    let messages = all_in_widget(client, FORM, "[role=alert], .jtel-note, .jtel-error").await;
    assert_eq!(messages.len(), 1, "one message for result 1");
}

/// Result 4: writable again, but the server's maximum for 192 drops to 10 while the page
/// still allows 0 to 100.
async fn bounds_narrowed_meanwhile_are_explained(client: &Client, jtel: &Jtel, page: SocketAddr) {
    jtel.change(192, json!({"bWritable": true})).await;
    open_page(client, page, "42").await;
    jtel.change(192, json!({"MaxValue": 10})).await;
    set_in_form(client, 50).await;
    expect_answer(client, FORM, &OUT_OF_RANGE, 192, 50).await;
    assert_eq!(jtel.value(192).await, Some(42));
}

/// A read-only variable is shown without an edit control, and the page says why.
async fn a_read_only_variable_has_no_edit_control(client: &Client) {
    open_in_list(client, "calls waiting").await;
    wait_for_text(
        client,
        LIST,
        ".jtel-cockpit-panel .jtel-note",
        READ_ONLY_NOTE,
    )
    .await;
    let controls = all_in_widget(
        client,
        LIST,
        ".jtel-cockpit-panel input, .jtel-cockpit-panel [role=switch]",
    )
    .await;
    assert!(
        controls.is_empty(),
        "no edit control for a read-only variable"
    );
}

/// Result 2: the night service switch is not visible for the cockpit.
async fn an_invisible_variable_is_explained(client: &Client, jtel: &Jtel) {
    open_in_list(client, "night service").await;
    click(client, LIST, "[role=switch][aria-checked=false]").await;
    wait_for_text(
        client,
        LIST,
        ".jtel-confirm-text",
        "Set 'Night Service' to On?",
    )
    .await;
    confirm(client, LIST).await;
    expect_answer(client, LIST, &NOT_VISIBLE, 196, 1).await;
    assert_eq!(jtel.value(196).await, Some(0));
}

/// Outside the bounds the form knows: refused at the field, nothing sent.
async fn a_value_outside_the_bounds_is_refused_at_the_field(client: &Client) {
    open_in_list(client, "overflow").await;
    retype(client, LIST, "input[name=value]", "150").await;
    click(client, LIST, "button[type=submit]").await;
    wait_for_text(
        client,
        LIST,
        ".jtel-cockpit-panel .jtel-error",
        "Enter a value from 0 to 100.",
    )
    .await;
    let input = in_widget(client, LIST, "input[name=value]").await;
    assert_eq!(
        input.attr("aria-invalid").await.unwrap().as_deref(),
        Some("true")
    );
    assert!(all_in_widget(client, LIST, ".jtel-confirm")
        .await
        .is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn a_supervisor_sets_cockpit_variables_and_reads_every_answer() {
    let emulator = jtel_emulator::spawn(Config::default())
        .await
        .expect("emulator starts");
    let jtel = Jtel::of(&emulator);
    let page = gateway::start(dist_dir(), emulator.base_url(), DEFAULT_TOKEN.to_owned()).await;
    assert_eq!(jtel.value(192).await, Some(0));

    let browser_jtel = jtel.clone();
    with_browser(move |client| async move {
        let jtel = browser_jtel;
        open_page(&client, page, "0").await;
        a_new_value_is_set(&client, &jtel).await;
        the_same_value_changes_nothing(&client).await;
        a_variable_made_read_only_meanwhile_is_explained(&client, &jtel, page).await;
        bounds_narrowed_meanwhile_are_explained(&client, &jtel, page).await;
        a_read_only_variable_has_no_edit_control(&client).await;
        an_invisible_variable_is_explained(&client, &jtel).await;
        a_value_outside_the_bounds_is_refused_at_the_field(&client).await;
    })
    .await;

    assert_eq!(
        jtel.value(195).await,
        Some(25),
        "the refused value never reached jtel"
    );
    assert_eq!(jtel.value(193).await, Some(3));
}

#[tokio::test(flavor = "multi_thread")]
async fn the_cockpit_bundle_alone_serves_a_supervisor_panel() {
    let emulator = jtel_emulator::spawn(Config::default())
        .await
        .expect("emulator starts");
    let jtel = Jtel::of(&emulator);
    let page = gateway::start(dist_dir(), emulator.base_url(), DEFAULT_TOKEN.to_owned()).await;
    let loaded = with_browser(move |client| async move {
        client
            .goto(&format!("http://{page}/supervisor.html"))
            .await
            .expect("page loads");
        open_in_list(&client, "Test Cockpit Variable").await;
        propose(&client, LIST, "7", "Set 'Test Cockpit Variable' to 7?").await;
        confirm(&client, LIST).await;
        wait_for_text(&client, LIST, ".jtel-success", SET.text).await;
        fetched_paths(&client).await
    })
    .await;
    assert_eq!(jtel.value(192).await, Some(7));
    assert!(
        loaded
            .iter()
            .any(|path| *path == versioned_path("jtel-cockpit_bg.wasm")),
        "the cockpit wasm was loaded: {loaded:?}"
    );
    assert!(
        !loaded
            .iter()
            .any(|path| file_name(path).starts_with("jtel-widgets")),
        "nothing of the full bundle was loaded: {loaded:?}"
    );
}
