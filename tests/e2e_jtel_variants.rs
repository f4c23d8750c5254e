//! End to end: the cockpit widgets in a real Chromium against every emulator setValue mode
//! (`path`, `query`, `both`) and fixture set (`default`, `docs-literal`, `variant`), through a
//! gateway that holds the token. For each pair, a supervisor sets variable 192 in the list
//! (`supervisor.html`) and in the single-variable widget (the demo page); the test checks the server's value past the page, prints a
//! table of what the user saw and writes it to `target/reports/jtel-variants.md`.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use fantoccini::Client;
use jtel_emulator::{Config, Fixtures, SetValueForms, DEFAULT_TOKEN};
use jtel_widgets::jtel_core::model::CockpitVariable;
use std::net::SocketAddr;
use support::browser::with_browser;
use support::cockpit_steps::{confirm, propose, retype, FORM, LIST};
use support::widget::{all_in_widget, click, wait_for_text};
use support::{dist::dist_dir, gateway, jtel, report};

/// A fixture set: its name, how many variables the list shows, and the list's note on rows
/// it could not read.
const SETS: [(&str, usize, Option<&str>); 3] = [
    ("default", 5, None),
    ("docs-literal", 1, None),
    ("variant", 6, Some("1 variable could not be read.")),
];

const MODES: [(&str, SetValueForms); 3] = [
    ("path", SetValueForms::Path),
    ("query", SetValueForms::Query),
    ("both", SetValueForms::Both),
];

/// What one mode and set gave.
struct Row {
    mode: &'static str,
    set: &'static str,
    list: String,
    note: String,
    via_list: String,
    via_widget: String,
}

/// Variable 192's value on the server, past the page and the gateway.
async fn server_value(base_url: &str) -> Option<i64> {
    let path = "cockpitVariables/cockpitVariable/192";
    let single: Vec<CockpitVariable> = jtel::records(base_url, path).await;
    single
        .into_iter()
        .next()
        .and_then(|variable| variable.value)
}

/// The supervisor panel: checks what the list shows, then sets 192 to `value` in it.
async fn through_the_list(
    client: &Client,
    page: SocketAddr,
    shown: usize,
    note: Option<&str>,
    value: i64,
) -> (String, String, String) {
    client
        .goto(&format!("http://{page}/supervisor.html"))
        .await
        .expect("page loads");
    let status = ".jtel-cockpit-list > [role=status]";
    let all = format!("{shown} of {shown} variables shown");
    wait_for_text(client, LIST, status, &all).await;
    let notes = all_in_widget(client, LIST, ".jtel-cockpit-unreadable").await;
    let note_shown = match notes.first() {
        Some(element) => Some(element.text().await.unwrap_or_default()),
        None => None,
    };
    assert_eq!(note_shown.as_deref(), note, "the list's note");
    retype(client, LIST, "input[name=filter]", "test cockpit").await;
    wait_for_text(
        client,
        LIST,
        status,
        &format!("1 of {shown} variables shown"),
    )
    .await;
    click(client, LIST, ".jtel-cockpit-row-button").await;
    let question = format!("Set 'Test Cockpit Variable' to {value}?");
    propose(client, LIST, &value.to_string(), &question).await;
    confirm(client, LIST).await;
    wait_for_text(client, LIST, ".jtel-success", "The value was set.").await;
    (
        all,
        note_shown.unwrap_or_else(|| "none".to_owned()),
        "set".to_owned(),
    )
}

/// The single-variable widget on the demo page (variable 192): sets it to `value`.
async fn through_the_widget(client: &Client, page: SocketAddr, value: i64) -> String {
    client
        .goto(&format!("http://{page}/"))
        .await
        .expect("page loads");
    let question = format!("Set 'Test Cockpit Variable' to {value}?");
    propose(client, FORM, &value.to_string(), &question).await;
    confirm(client, FORM).await;
    wait_for_text(client, FORM, ".jtel-success", "The value was set.").await;
    "set".to_owned()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_cockpit_widgets_work_against_every_set_value_mode_and_fixture_set() {
    let mut stands = Vec::new();
    for (mode, forms) in MODES {
        for (set, shown, note) in SETS {
            let config = Config {
                fixtures: Fixtures::named_or_file(set).expect("a built-in set"),
                set_value_forms: forms,
                ..Config::default()
            };
            let emulator = jtel_emulator::spawn(config).await.expect("emulator starts");
            let page =
                gateway::start(dist_dir(), emulator.base_url(), DEFAULT_TOKEN.to_owned()).await;
            stands.push((mode, set, shown, note, emulator, page));
        }
    }
    let plan: Vec<_> = stands
        .iter()
        .enumerate()
        .map(|(index, (mode, set, shown, note, _, page))| {
            (index as i64, *mode, *set, *shown, *note, *page)
        })
        .collect();
    let rows = with_browser(move |client| async move {
        let mut rows = Vec::new();
        for (index, mode, set, shown, note, page) in plan {
            let (list, note, via_list) =
                through_the_list(&client, page, shown, note, 10 + index).await;
            let via_widget = through_the_widget(&client, page, 50 + index).await;
            rows.push(Row {
                mode,
                set,
                list,
                note,
                via_list,
                via_widget,
            });
        }
        rows
    })
    .await;

    let mut table = String::from(
        "| emulator setValue mode | fixture set | list shows | note on unreadable rows | set in the list | set in the single widget | value on the server |\n|---|---|---|---|---|---|---|\n",
    );
    for (index, (row, (_, _, _, _, emulator, _))) in rows.iter().zip(&stands).enumerate() {
        let value = server_value(&emulator.base_url()).await;
        assert_eq!(value, Some(50 + index as i64), "{} / {}", row.mode, row.set);
        table += &format!(
            "| {} | {} | {} | {} | {} | {} | {} |\n",
            row.mode,
            row.set,
            row.list,
            row.note,
            row.via_list,
            row.via_widget,
            value.map_or("none".to_owned(), |value| value.to_string())
        );
    }
    println!("{table}");
    report::write("jtel-variants.md", &table);
}
