//! The fault matrix: every fault the emulator can inject, against the ACD event form (a
//! public form) and the cockpit variable form (a staff token), driven in real Chromium the way
//! a user reacts — submit, read what the page says, try again once — through the production
//! deployment (nginx and the jtel gateway, `scripts/gateway.sh`) with one gateway instance and
//! with two behind round robin sharing Redis. It prints a table (instances, fault, what the
//! user saw, input kept, what reached jtel) and fails unless every row ends with the input
//! kept and exactly one event (or the value set once) after the retry.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use fantoccini::Client;
use jtel_emulator::{Config, RunningEmulator, DEFAULT_CLIENTS_ID, DEFAULT_TOKEN};
use jtel_widgets::jtel_core::model::{AcdEvent, CockpitVariable};
use serde_json::{json, Value};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use support::cockpit_steps::{confirm, propose};
use support::deployment::{add_page, deploy, MetaCsp, LINKS_SET_FORMS};
use support::nginx::Nginx;
use support::widget::{all_in_widget, click, in_widget, type_into};
use support::{browser::with_browser, jtel, report};

/// The faults, named as the table shows them.
fn faults() -> Vec<(&'static str, Value)> {
    let status = |code: u16, body: &str| json!({ "kind": "status", "status": code, "body": body });
    vec![
        ("latency 1.5 s", json!({ "kind": "latency", "ms": 1500 })),
        ("400", status(400, "json")),
        ("401", status(401, "json")),
        ("404 empty body", status(404, "empty")),
        ("404 JSON body", status(404, "json")),
        ("409", status(409, "json")),
        ("500", status(500, "json")),
        ("502", status(502, "json")),
        ("503", status(503, "json")),
        ("malformed JSON", json!({ "kind": "malformed" })),
        ("HTML page", json!({ "kind": "html" })),
        ("dropped before storing", json!({ "kind": "drop_before" })),
        ("dropped after storing", json!({ "kind": "drop_after" })),
        ("hang", json!({ "kind": "hang" })),
    ]
}

/// One row of the printed table.
struct Row {
    instances: u32,
    form: &'static str,
    fault: &'static str,
    saw: String,
    kept: bool,
    after_retry: String,
    reached_jtel: usize,
}

/// The emulator and the deployment (`scripts/gateway.sh`: nginx, gateway instances, Redis)
/// in front of it: `frame.html` is a public form, `staff-frame.html` the same page
/// with a staff token for the cockpit widgets.
struct Stand {
    emulator: RunningEmulator,
    nginx: Nginx,
    instances: u32,
}

impl Stand {
    async fn arm(&self, route: &str, fault: &Value) {
        jtel::arm_fault(&self.emulator, route, fault).await;
    }

    /// `page` with `query`; the browser gives up after 4 s, the gateway (which answers the
    /// browser first) after 3 s.
    fn frame(&self, page: &str, query: &str) -> String {
        self.nginx.url(&format!("{page}?{query}&timeout=4"))
    }
}

const WIDGET: &str = "jtel-acd-event-form";
const VARIABLE: &str = "jtel-cockpit-variable";

/// The first of `selectors` that appears in `host`, and its text (waits up to 10 s).
async fn first_of(client: &Client, host: &str, selectors: &[&str]) -> (usize, String) {
    for _ in 0..100 {
        for (index, selector) in selectors.iter().enumerate() {
            if let Some(found) = all_in_widget(client, host, selector)
                .await
                .into_iter()
                .next()
            {
                return (index, found.text().await.unwrap_or_default());
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("none of {selectors:?} appeared in {host}");
}

/// First sentence of a message, for the table.
fn gist(text: &str) -> String {
    let first = text.split(['.', ':']).next().unwrap_or(text).trim();
    first.chars().take(70).collect()
}

async fn event_form_row(client: &Client, stand: &Stand, fault: &'static str, spec: &Value) -> Row {
    stand.arm("create", spec).await;
    client
        .goto(&stand.frame(
            "frame.html",
            "widget=acd-event-form&event-type=callback&group=235",
        ))
        .await
        .unwrap();
    let subject = format!("Fault matrix: {fault}");
    type_into(client, WIDGET, "Sender", "0199 123456789").await;
    type_into(client, WIDGET, "Subject", &subject).await;
    click(client, WIDGET, "button[type=submit]").await;
    let outcome = [".jtel-success-text", "[role=alert]"];
    let (first, saw) = first_of(client, WIDGET, &outcome).await;
    let mut kept = true;
    let mut after_retry = "not needed".to_owned();
    if first == 1 {
        let sender = in_widget(client, WIDGET, "[name=Sender]")
            .await
            .prop("value")
            .await
            .unwrap();
        let subject_now = in_widget(client, WIDGET, "[name=Subject]")
            .await
            .prop("value")
            .await
            .unwrap();
        kept = sender.as_deref() == Some("0199 123456789")
            && subject_now.as_deref() == Some(subject.as_str());
        click(client, WIDGET, "button[type=submit]").await;
        let (second, text) = first_of(client, WIDGET, &outcome).await;
        after_retry = if second == 0 {
            gist(&text)
        } else {
            format!("still failing: {}", gist(&text))
        };
    }
    let events: Vec<AcdEvent> = jtel::records(&stand.emulator.base_url(), "acd/events").await;
    let reached_jtel = events
        .iter()
        .filter(|event| event.subject.as_deref() == Some(subject.as_str()))
        .count();
    Row {
        instances: stand.instances,
        form: "ACD event",
        fault,
        saw: gist(&saw),
        kept,
        after_retry,
        reached_jtel,
    }
}

async fn cockpit_row(
    client: &Client,
    stand: &Stand,
    fault: &'static str,
    spec: &Value,
    value: i64,
) -> Row {
    client
        .goto(&stand.frame("staff-frame.html", "widget=cockpit-variable&variable=192"))
        .await
        .unwrap();
    in_widget(client, VARIABLE, ".jtel-cockpit-value").await;
    stand.arm("setValue", spec).await;
    let typed = value.to_string();
    propose(
        client,
        VARIABLE,
        &typed,
        &format!("Set 'Test Cockpit Variable' to {value}?"),
    )
    .await;
    confirm(client, VARIABLE).await;
    let outcome = [".jtel-success", "[role=alert] .jtel-alert-text"];
    let (first, saw) = first_of(client, VARIABLE, &outcome).await;
    let mut kept = true;
    let mut after_retry = "not needed".to_owned();
    if first == 1 {
        let input = in_widget(client, VARIABLE, "input[name=value]")
            .await
            .prop("value")
            .await
            .unwrap();
        kept = input.as_deref() == Some(typed.as_str());
        click(client, VARIABLE, "[role=alert] button").await;
        let (second, text) = first_of(client, VARIABLE, &outcome).await;
        after_retry = if second == 0 {
            gist(&text)
        } else {
            format!("still failing: {}", gist(&text))
        };
    }
    let path = "cockpitVariables/cockpitVariable/192";
    let now: Vec<CockpitVariable> = jtel::records(&stand.emulator.base_url(), path).await;
    let reached_jtel = usize::from(now.first().and_then(|variable| variable.value) == Some(value));
    Row {
        instances: stand.instances,
        form: "cockpit variable",
        fault,
        saw: gist(&saw),
        kept,
        after_retry,
        reached_jtel,
    }
}

/// The deployment of a public callback form, `/jtel/public/fault-matrix` (its rate limit lets
/// the many creates of the matrix from one address through).
fn public_deployment() -> String {
    LINKS_SET_FORMS.replace(
        r#""base-url": "/jtel""#,
        r#""base-url": "/jtel/public/fault-matrix""#,
    )
}

/// The cockpit widgets' deployment: the staff gateway path with a staff token.
fn staff_deployment(token: &str) -> String {
    LINKS_SET_FORMS.replace(
        r#""base-url": "/jtel""#,
        &format!(r#""base-url": "/jtel", "token": "{token}""#),
    )
}

/// Runs every fault against both forms through `instances` gateway instances.
async fn matrix(instances: u32, rows: &Arc<Mutex<Vec<Row>>>) {
    let emulator = jtel_emulator::spawn(Config::default())
        .await
        .expect("emulator starts");
    let origin = format!("http://{}", emulator.addr());
    let dist = deploy(&public_deployment(), MetaCsp::Kept);
    let nginx = Nginx::start_instances(
        &dist,
        &origin,
        DEFAULT_CLIENTS_ID,
        DEFAULT_TOKEN,
        instances,
        3000,
    )
    .await;
    let token = nginx.staff_token("cockpit:read cockpit:write");
    add_page(&dist, "staff-frame.html", &staff_deployment(&token));
    let stand = Arc::new(Stand {
        emulator,
        nginx,
        instances,
    });
    let (stand_in_browser, rows_in_browser) = (stand.clone(), rows.clone());
    with_browser(move |client| async move {
        for (index, (fault, spec)) in faults().into_iter().enumerate() {
            let row = event_form_row(&client, &stand_in_browser, fault, &spec).await;
            rows_in_browser.lock().unwrap().push(row);
            let value = 10 + index as i64;
            let row = cockpit_row(&client, &stand_in_browser, fault, &spec, value).await;
            rows_in_browser.lock().unwrap().push(row);
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn every_fault_ends_with_the_input_kept_and_exactly_one_result() {
    let rows = Arc::new(Mutex::new(Vec::new()));
    matrix(1, &rows).await;
    matrix(2, &rows).await;

    let rows = rows.lock().unwrap();
    let mut table = String::from(
        "| gateway instances | form | fault | what the user saw | input kept | after one retry | reached jtel |\n|---|---|---|---|---|---|---|\n",
    );
    for row in rows.iter() {
        table += &format!(
            "| {} | {} | {} | {} | {} | {} | {} |\n",
            row.instances,
            row.form,
            row.fault,
            row.saw,
            if row.kept { "yes" } else { "NO" },
            row.after_retry,
            row.reached_jtel
        );
    }
    println!("{table}");
    report::write("fault-matrix.md", &table);
    let broken: Vec<String> = rows
        .iter()
        .filter(|row| {
            !row.kept || row.reached_jtel != 1 || row.after_retry.starts_with("still failing")
        })
        .map(|row| {
            format!(
                "{} instance(s) / {} / {}",
                row.instances, row.form, row.fault
            )
        })
        .collect();
    assert!(
        broken.is_empty(),
        "rows that lost input, failed twice or did not end with exactly one result: {broken:?}"
    );
}
