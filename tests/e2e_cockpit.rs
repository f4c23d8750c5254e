//! End to end: a supervisor changes cockpit variables on the served page in a real Chromium,
//! through a gateway that holds the token, and the jtel server (the emulator) has the values
//! the page says it has. Every assertion reads what the user sees.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use fantoccini::key::Key;
use fantoccini::Client;
use jtel_emulator::{Config, DEFAULT_TOKEN};
use jtel_widgets::jtel_core::model::{CockpitVariable, ListEnvelope};
use support::widget::{all_in_widget, click, in_widget, wait_for_text};
use support::{browser::with_browser, dist::dist_dir, gateway};

/// The single-variable form the demo page mounts for variable 192.
const FORM: &str = "#variable";
/// The supervisor list the demo page mounts.
const LIST: &str = "#variables";

/// Variable `id` as the emulator has it now, read past the page and the gateway.
async fn emulator_variable(base_url: &str, id: i64) -> CockpitVariable {
    let single: ListEnvelope<CockpitVariable> = reqwest::Client::new()
        .get(format!("{base_url}/cockpitVariables/cockpitVariable/{id}"))
        .bearer_auth(DEFAULT_TOKEN)
        .send()
        .await
        .expect("emulator answers")
        .json()
        .await
        .expect("get-by-id envelope");
    single.records.into_iter().next().expect("one record")
}

/// Replaces the text of the input matching `css` in `host` as a user would: select all, delete, type.
/// (WebDriver's clear would empty the field without an `input` event, so the form would never
/// hear of it.)
async fn retype(client: &Client, host: &str, css: &str, text: &str) {
    let input = in_widget(client, host, css).await;
    let replace = format!("{}a{}{}{text}", Key::Control, Key::Null, Key::Backspace);
    input.send_keys(&replace).await.expect("typing works");
}

/// Sets `text` in the form inside `scope`: type, "Set value", check the question, "Confirm".
async fn set_number(client: &Client, scope: &str, text: &str, question: &str) {
    retype(client, scope, "input[name=value]", text).await;
    click(client, scope, "button[type=submit]").await;
    wait_for_text(client, scope, ".jtel-confirm-text", question).await;
    click(client, scope, ".jtel-confirm .jtel-button--primary").await;
}

/// Narrows the list to `filter` and opens the only row left.
async fn open_in_list(client: &Client, filter: &str) {
    retype(client, LIST, "input[name=filter]", filter).await;
    wait_for_text(
        client,
        LIST,
        ".jtel-cockpit-list > [role=status]",
        "1 of 5 variables shown",
    )
    .await;
    click(client, LIST, ".jtel-cockpit-row-button").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_supervisor_sets_cockpit_variables_and_reads_every_answer() {
    let emulator = jtel_emulator::spawn(Config::default())
        .await
        .expect("emulator starts");
    let base_url = emulator.base_url();
    let page = gateway::start(dist_dir(), base_url.clone(), DEFAULT_TOKEN.to_owned()).await;
    assert_eq!(emulator_variable(&base_url, 192).await.value, Some(0));

    let browser_base = base_url.clone();
    with_browser(move |client| async move {
        let base_url = browser_base;
        client
            .goto(&format!("http://{page}/"))
            .await
            .expect("page loads");

        // Result 0: the value is set, the page says so and shows the new value.
        set_number(&client, FORM, "42", "Set 'Test Cockpit Variable' to 42?").await;
        wait_for_text(&client, FORM, ".jtel-success", "The value was set.").await;
        assert_eq!(emulator_variable(&base_url, 192).await.value, Some(42));
        wait_for_text(&client, FORM, ".jtel-cockpit-value", "42").await;

        // Result 3: the same value again changes nothing, and the page says that.
        set_number(&client, FORM, "42", "Set 'Test Cockpit Variable' to 42?").await;
        wait_for_text(
            &client,
            FORM,
            ".jtel-success",
            "Nothing changed: the variable already has this value.",
        )
        .await;

        // A read-only variable is shown without an edit control, and the page says why.
        open_in_list(&client, "calls waiting").await;
        wait_for_text(
            &client,
            LIST,
            ".jtel-cockpit-panel .jtel-note",
            "This variable is read-only: its value can be viewed but not changed.",
        )
        .await;
        let controls = all_in_widget(
            &client,
            LIST,
            ".jtel-cockpit-panel input, .jtel-cockpit-panel [role=switch]",
        )
        .await;
        assert!(
            controls.is_empty(),
            "no edit control for a read-only variable"
        );

        // Result 2: the night service switch is not visible for the cockpit.
        open_in_list(&client, "night service").await;
        click(&client, LIST, "[role=switch][aria-checked=false]").await;
        wait_for_text(
            &client,
            LIST,
            ".jtel-confirm-text",
            "Set 'Night Service' to On?",
        )
        .await;
        click(&client, LIST, ".jtel-confirm .jtel-button--primary").await;
        wait_for_text(
            &client,
            LIST,
            "[role=alert] .jtel-alert-text",
            "This variable does not exist or is not visible for the cockpit.",
        )
        .await;
        assert_eq!(emulator_variable(&base_url, 196).await.value, Some(0));

        // Outside the bounds the form knows: refused at the field, nothing sent.
        open_in_list(&client, "overflow").await;
        retype(&client, LIST, "input[name=value]", "150").await;
        click(&client, LIST, "button[type=submit]").await;
        wait_for_text(
            &client,
            LIST,
            ".jtel-cockpit-panel .jtel-error",
            "Enter a value from 0 to 100.",
        )
        .await;
        let input = in_widget(&client, LIST, "input[name=value]").await;
        assert_eq!(
            input.attr("aria-invalid").await.unwrap().as_deref(),
            Some("true")
        );
        assert!(all_in_widget(&client, LIST, ".jtel-confirm")
            .await
            .is_empty());
    })
    .await;

    assert_eq!(
        emulator_variable(&base_url, 195).await.value,
        Some(25),
        "the refused value never reached jtel"
    );
    assert_eq!(emulator_variable(&base_url, 193).await.value, Some(3));
}
