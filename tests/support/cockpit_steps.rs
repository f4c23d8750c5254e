//! What a user does with the demo page's cockpit widgets, shared by the end-to-end files that
//! drive them (e2e_cockpit, e2e_accessibility).

use super::widget::{click, in_widget, press, wait_for_text};
use fantoccini::key::Key;
use fantoccini::Client;

/// The single-variable form the demo page mounts for variable 192.
pub const FORM: &str = "#variable";
/// The supervisor list the demo page mounts.
pub const LIST: &str = "#variables";

/// Waits until the single form has loaded variable 192 and shows `value` as its value.
pub async fn wait_for_form_value(client: &Client, value: &str) {
    wait_for_text(client, FORM, ".jtel-cockpit-value", value).await;
}

/// Replaces the text of the input matching `css` in `host` as a user would: select all, delete, type.
/// (WebDriver's clear would empty the field without an `input` event, so the form would never
/// hear of it.) Control is released by ending the first key sequence, as geckodriver does not
/// at a NULL key; the rest is pressed on the focused field.
pub async fn retype(client: &Client, host: &str, css: &str, text: &str) {
    let input = in_widget(client, host, css).await;
    let select_all = format!("{}a", Key::Control);
    input.send_keys(&select_all).await.expect("typing works");
    press(client, &format!("{}{text}", Key::Backspace)).await;
}

/// Types `text` as the new value in the form inside `scope`, presses "Set value" and waits
/// for the confirmation to ask `question`.
pub async fn propose(client: &Client, scope: &str, text: &str, question: &str) {
    retype(client, scope, "input[name=value]", text).await;
    click(client, scope, "button[type=submit]").await;
    wait_for_text(client, scope, ".jtel-confirm-text", question).await;
}

/// Presses "Confirm" in the confirmation open in `scope`.
pub async fn confirm(client: &Client, scope: &str) {
    click(client, scope, ".jtel-confirm .jtel-button--primary").await;
}

/// Narrows the demo page's list to `filter` and opens the only row left.
pub async fn open_in_list(client: &Client, filter: &str) {
    open_row(client, LIST, filter).await;
}

/// Narrows the list widget `list` to `filter` and opens the only row left.
pub async fn open_row(client: &Client, list: &str, filter: &str) {
    retype(client, list, "input[name=filter]", filter).await;
    wait_for_text(
        client,
        list,
        ".jtel-cockpit-list > [role=status]",
        "1 of 5 variables shown",
    )
    .await;
    click(client, list, ".jtel-cockpit-row-button").await;
}
