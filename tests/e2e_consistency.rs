//! Widgets on one page never disagree, in real Chromium, and tell each other without asking
//! jtel again: every request is counted where jtel (the emulator) receives it.
//!
//! - The supervisor panel (`supervisor.html`, `<jtel-cockpit-variables>`) with a
//!   `<jtel-cockpit-variable variable="192">` added: a value set in the single widget shows in
//!   the list at once, and one set in the list's row shows in the single widget; each costs
//!   exactly the setValue request.
//! - Two callback forms for the same CRM record with the same `draft-key` (`contact.html` with
//!   the forms added) are one request shown twice: what is typed in one shows in the other, and
//!   the event one creates is the other's confirmation too (quietly: it is announced once). A
//!   third form with another draft key for the same record is another request and keeps its
//!   own input. One create request in all.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use fantoccini::Client;
use jtel_emulator::{Config, DEFAULT_TOKEN};
use support::cockpit_steps::{confirm, open_row, propose, retype};
use support::jtel::RecordingJtel;
use support::widget::{all_in_widget, click, in_widget, type_into, wait_for_text};
use support::{browser::with_browser, dist::dist_dir, gateway, report};

/// The list on the supervisor page.
const LIST: &str = "#variables";
/// The single variable widget the test adds to it.
const SINGLE: &str = "#single";

/// Adds `html` at the end of the page's `<main>`, as a host page adds widgets.
async fn add_to_page(client: &Client, html: &str) {
    client
        .execute(
            "document.querySelector('main').insertAdjacentHTML('beforeend', arguments[0]);",
            vec![serde_json::json!(html)],
        )
        .await
        .expect("the page takes the widgets");
}

/// The requests jtel received after the first `since` ones, as `METHOD path`.
fn received_since(jtel: &RecordingJtel, since: usize) -> Vec<String> {
    jtel.received()
        .into_iter()
        .skip(since)
        .map(|received| received.request)
        .collect()
}

/// The value the list's only shown row has.
async fn list_row_value(client: &Client, value: &str) {
    wait_for_text(client, LIST, ".jtel-cockpit-row-value", value).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_value_set_in_one_cockpit_widget_shows_in_the_other_without_a_request() {
    let jtel = RecordingJtel::spawn(Config::default()).await;
    let page = gateway::start(dist_dir(), jtel.base_url(), DEFAULT_TOKEN.to_owned()).await;
    let report_lines = with_browser(move |client| async move {
        let mut lines = Vec::new();
        client
            .goto(&format!("http://{page}/supervisor.html"))
            .await
            .expect("page loads");
        add_to_page(
            &client,
            r#"<jtel-cockpit-variable id="single" base-url="/jtel" variable="192" lang="en"></jtel-cockpit-variable>"#,
        )
        .await;
        wait_for_text(&client, SINGLE, ".jtel-cockpit-value", "0").await;
        retype(&client, LIST, "input[name=filter]", "Test Cockpit Variable").await;
        list_row_value(&client, "0").await;

        // Set in the single widget: the list shows it.
        let before = jtel.received().len();
        propose(&client, SINGLE, "30", "Set 'Test Cockpit Variable' to 30?").await;
        confirm(&client, SINGLE).await;
        wait_for_text(&client, SINGLE, ".jtel-success", "The value was set.").await;
        list_row_value(&client, "30").await;
        wait_for_text(&client, SINGLE, ".jtel-cockpit-value", "30").await;
        let sent = received_since(&jtel, before);
        assert_eq!(
            sent,
            ["PATCH /rest/v1.0/1/cockpitVariables/cockpitVariable/192/setValue/30"],
            "only the setValue request"
        );
        lines.push(format!(
            "| set 30 in `<jtel-cockpit-variable variable=\"192\">` | the list's row shows 30 | {} | {} |",
            sent.len(),
            sent.join("<br>")
        ));

        // Set in the list's row: the single widget shows it.
        let before = jtel.received().len();
        open_row(&client, LIST, "Test Cockpit Variable").await;
        in_widget(&client, LIST, ".jtel-cockpit-panel input[name=value]").await;
        let opened = received_since(&jtel, before);
        let before = jtel.received().len();
        propose(&client, LIST, "55", "Set 'Test Cockpit Variable' to 55?").await;
        confirm(&client, LIST).await;
        wait_for_text(&client, LIST, ".jtel-success", "The value was set.").await;
        wait_for_text(&client, SINGLE, ".jtel-cockpit-value", "55").await;
        list_row_value(&client, "55").await;
        let sent = received_since(&jtel, before);
        assert_eq!(
            sent,
            ["PATCH /rest/v1.0/1/cockpitVariables/cockpitVariable/192/setValue/55"],
            "only the setValue request"
        );
        lines.push(format!(
            "| open the row (loads the variable) | the row's form | {} | {} |",
            opened.len(),
            opened.join("<br>")
        ));
        lines.push(format!(
            "| set 55 in the list's row | the single widget and the row show 55 | {} | {} |",
            sent.len(),
            sent.join("<br>")
        ));
        lines
    })
    .await;
    write_report("cockpit", &report_lines);
}

/// A callback form for CRM record 4711 with `draft-key`.
fn callback_form(id: &str, draft_key: &str, event_type: &str) -> String {
    format!(
        r#"<jtel-acd-event-form id="{id}" base-url="/jtel" event-type="{event_type}" group="235" lang="en" record="crm-4711" draft-key="{draft_key}"></jtel-acd-event-form>"#
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn two_forms_sharing_a_draft_are_one_request() {
    let jtel = RecordingJtel::spawn(Config::default()).await;
    let page = gateway::start(dist_dir(), jtel.base_url(), DEFAULT_TOKEN.to_owned()).await;
    let report_lines = with_browser(move |client| async move {
        client
            .goto(&format!("http://{page}/contact.html"))
            .await
            .expect("page loads");
        let forms = [
            callback_form("first", "contact-callback", "callback"),
            callback_form("second", "contact-callback", "callback"),
            callback_form("other", "contact-ticket", "ticket"),
        ];
        add_to_page(&client, &forms.concat()).await;
        for host in ["#first", "#second", "#other"] {
            in_widget(&client, host, "[name=Sender]").await;
        }
        let before = jtel.received().len();

        // Typed in the first form: the second shows it, the ticket form does not.
        type_into(&client, "#first", "Sender", "0199 123456789").await;
        type_into(&client, "#first", "Subject", "Invoice 2026-11").await;
        type_into(&client, "#other", "Subject", "Ticket kept").await;
        for (field, text) in [("Sender", "0199 123456789"), ("Subject", "Invoice 2026-11")] {
            let shown = in_widget(&client, "#second", &format!("[name={field}]"))
                .await
                .prop("value")
                .await
                .unwrap();
            assert_eq!(shown.as_deref(), Some(text), "the second form shows {field}");
        }

        // Sent from the first: both confirm the same event, the second quietly.
        click(&client, "#first", "button[type=submit]").await;
        let first = in_widget(&client, "#first", ".jtel-success-text").await.text().await.unwrap();
        let second = in_widget(&client, "#second", ".jtel-success-text").await.text().await.unwrap();
        assert_eq!(first, second, "one event, one confirmation");
        assert!(first.contains("(reference "), "{first}");
        assert!(
            all_in_widget(&client, "#second", "[role=status]").await.is_empty(),
            "the second form's confirmation is not announced again"
        );
        let kept = in_widget(&client, "#other", "[name=Subject]")
            .await
            .prop("value")
            .await
            .unwrap();
        assert_eq!(kept.as_deref(), Some("Ticket kept"), "the ticket form is another request");
        let sent = received_since(&jtel, before);
        assert_eq!(sent, ["POST /rest/v1.0/1/acd/events/create"], "one create request");
        vec![
            "| type in form 1 of 2 sharing `draft-key` and record | form 2 shows the text; the ticket form (other draft key) does not | 0 | |"
                .to_owned(),
            format!(
                "| submit form 1 | both confirm `{first}`; form 2 quietly | {} | {} |",
                sent.len(),
                sent.join("<br>")
            ),
        ]
    })
    .await;
    write_report("event", &report_lines);
}

/// Writes the rows of one test into `target/reports/consistency-{name}.md`.
fn write_report(name: &str, rows: &[String]) {
    let text = format!(
        "| step | what the other widgets show | requests jtel received | which |\n|---|---|---|---|\n{}\n",
        rows.join("\n")
    );
    print!("{text}");
    report::write(&format!("consistency-{name}.md"), &text);
}
