//! Browser tests of the ACD event form under faults: timeouts, dropped connections, offline,
//! a page reload with a half-filled form — nothing typed is lost and nothing is sent twice.
//! The jtel server's answers are canned (see `dom::serve`); each test uses its own base URL.
#![cfg(target_arch = "wasm32")]

mod dom;

use dom::{install_canned_fetch, sent_idempotency_keys, sent_requests, serve, Mounted};
use jtel_widgets::components::acd_event_form::{AcdEventForm, AcdEventFormProps};
use jtel_widgets::jtel_core::event_form::{EventFormSettings, Setting};
use jtel_widgets::jtel_core::{Field, Language};
use jtel_widgets::settings::WidgetSettings;
use serde_json::json;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use yew::AttrValue;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = r#"
export function set_online(online) {
  Object.defineProperty(navigator, "onLine", { configurable: true, get: () => online });
  window.dispatchEvent(new Event(online ? "online" : "offline"));
}
export function now_utc() { return new Date().toISOString(); }
export function stored_draft(key) { return sessionStorage.getItem("jtel-widgets:draft:" + key); }
"#)]
extern "C" {
    fn set_online(online: bool);
    fn now_utc() -> String;
    fn stored_draft(key: &str) -> Option<String>;
}

fn base(test: &str) -> String {
    format!("https://jtel.test/{test}")
}

fn props(base_url: &str) -> AcdEventFormProps {
    yew::props!(AcdEventFormProps {
        widget: WidgetSettings {
            base_url: AttrValue::from(base_url.to_owned()),
            language: Language::English,
            timeout_seconds: 1,
            ..WidgetSettings::default()
        },
        form: EventFormSettings {
            event_type: Setting::Fixed("3".into()),
            group: Setting::Fixed("235".into()),
            ..EventFormSettings::default()
        },
    })
}

/// The event the canned server stores for the request the tests type.
fn stored_event(id: i64) -> serde_json::Value {
    json!({
        "ID": id, "AcdEventTypesID": 3, "AcdGroupsID": 235, "UsersID": null,
        "Sender": "49199123456789", "Receiver": null, "Subject": "Please call me", "Body": null,
        "dtCreated": now_utc()
    })
}

fn created(id: i64) -> String {
    json!({ "records": [stored_event(id)], "count": 1, "status": 200 }).to_string()
}

async fn form_with_request(base_url: &str) -> Mounted<AcdEventForm> {
    install_canned_fetch();
    let form = Mounted::new(props(base_url)).await;
    form.type_into(Field::Sender, "0199 123456789").await;
    form.type_into(Field::Subject, "Please call me").await;
    form
}

fn count_sent(line: &str) -> usize {
    sent_requests().lines().filter(|sent| *sent == line).count()
}

#[wasm_bindgen_test]
async fn a_hanging_server_ends_in_a_clear_message_with_the_input_kept() {
    let base_url = base("timeout");
    serve(
        "POST",
        &format!("{base_url}/acd/events/create"),
        200,
        &created(1),
        3000,
    );
    let form = form_with_request(&base_url).await;
    form.click("button[type=submit]").await;
    let alert = form.wait_for_text("[role=alert]").await;
    assert!(alert.contains("did not answer within 1 seconds"), "{alert}");
    assert_eq!(form.input(Field::Sender).value(), "0199 123456789");
    assert_eq!(
        form.text("button[type=submit]").as_deref(),
        Some("Try again")
    );
}

/// What happened when the first submit got `status` and `body` (0: the connection dropped)
/// and the user tried again, the gateway then answering with event `created_id`.
struct Retried {
    alert: String,
    confirmation: String,
    creates: usize,
    /// The `Idempotency-Key` of each create sent, oldest first.
    keys: Vec<String>,
    /// `GET acd/events` sent: the browser never reads the event list.
    lookups: usize,
}

async fn first_fails_then_retry(test: &str, status: u16, body: &str, created_id: i64) -> Retried {
    let base_url = base(test);
    let create = format!("{base_url}/acd/events/create");
    serve("POST", &create, status, body, 0);
    let keys_before = sent_idempotency_keys().lines().count();
    let form = form_with_request(&base_url).await;
    form.click("button[type=submit]").await;
    let alert = form.wait_for_text("[role=alert]").await;
    serve("POST", &create, 200, &created(created_id), 0);
    form.click("button[type=submit]").await;
    let confirmation = form.wait_for_text(".jtel-success-text").await;
    Retried {
        alert,
        confirmation,
        creates: count_sent(&format!("POST {create}")),
        keys: sent_idempotency_keys()
            .lines()
            .skip(keys_before)
            .map(str::to_owned)
            .collect(),
        lookups: count_sent(&format!("GET {base_url}/acd/events")),
    }
}

/// Asserts that both creates of `retried` carried one and the same plain key.
fn one_intent(retried: &Retried) {
    assert_eq!(retried.creates, 2, "sent, then sent again");
    assert_eq!(retried.keys.len(), 2, "{:?}", retried.keys);
    assert_eq!(
        retried.keys[0], retried.keys[1],
        "a retry is the same intent"
    );
    assert!(
        retried.keys[0].len() == 32 && retried.keys[0].bytes().all(|b| b.is_ascii_hexdigit()),
        "{:?}",
        retried.keys
    );
    assert_eq!(retried.lookups, 0, "the browser never reads the event list");
}

#[wasm_bindgen_test]
async fn a_retry_after_a_dropped_connection_sends_the_same_idempotency_key() {
    // The gateway remembers the key and answers the retry with the event it created.
    let retried = first_fails_then_retry("dropped-but-stored", 0, "", 4711).await;
    assert!(
        retried.alert.contains("could not be reached"),
        "{}",
        retried.alert
    );
    assert!(
        retried.confirmation.contains("(reference 4711)"),
        "{}",
        retried.confirmation
    );
    one_intent(&retried);
}

#[wasm_bindgen_test]
async fn a_retry_after_a_refusal_or_a_gateway_error_is_the_same_intent() {
    let refused =
        first_fails_then_retry("refused", 409, r#"{"status":409,"error":"try later"}"#, 13).await;
    assert!(refused.alert.contains("try later"), "{}", refused.alert);
    one_intent(&refused);
    let bad_gateway =
        first_fails_then_retry("bad-gateway", 502, "<html>Bad Gateway</html>", 77).await;
    assert!(
        bad_gateway.alert.contains("HTTP 502"),
        "{}",
        bad_gateway.alert
    );
    one_intent(&bad_gateway);
    assert_ne!(
        refused.keys[0], bad_gateway.keys[0],
        "each form's intent has its own key"
    );
}

#[wasm_bindgen_test]
async fn a_changed_request_or_a_new_one_after_success_is_a_new_intent() {
    let base_url = base("new-intent");
    let create = format!("{base_url}/acd/events/create");
    serve("POST", &create, 0, "", 0);
    let keys_before = sent_idempotency_keys().lines().count();
    let form = form_with_request(&base_url).await;
    form.click("button[type=submit]").await;
    form.wait_for_text("[role=alert]").await;
    form.type_into(Field::Subject, "Please call me today").await;
    serve("POST", &create, 200, &created(5), 0);
    form.click("button[type=submit]").await;
    form.wait_for(".jtel-success-text").await;
    form.click_button("New request").await;
    form.type_into(Field::Sender, "0199 123456789").await;
    form.type_into(Field::Subject, "Please call me today").await;
    form.click("button[type=submit]").await;
    form.wait_for(".jtel-success-text").await;
    let keys: Vec<String> = sent_idempotency_keys()
        .lines()
        .skip(keys_before)
        .map(str::to_owned)
        .collect();
    assert_eq!(keys.len(), 3, "{keys:?}");
    assert!(
        keys[0] != keys[1] && keys[1] != keys[2],
        "three intents: {keys:?}"
    );
}

#[wasm_bindgen_test]
async fn offline_keeps_the_draft_and_offers_to_send_when_back() {
    let base_url = base("offline");
    let create = format!("{base_url}/acd/events/create");
    serve("POST", &create, 200, &created(21), 0);
    let form = form_with_request(&base_url).await;
    set_online(false);
    form.click("button[type=submit]").await;
    let alert = form.wait_for_text("[role=alert]").await;
    assert!(alert.starts_with("You are offline"), "{alert}");
    assert_eq!(
        count_sent(&format!("POST {create}")),
        0,
        "nothing is sent while offline"
    );
    set_online(true);
    yew::scheduler::flush().await;
    assert!(form
        .text("[role=alert]")
        .unwrap()
        .starts_with("You are back online"));
    form.click_button("Send now").await;
    form.wait_for(".jtel-success-text").await;
    assert_eq!(count_sent(&format!("POST {create}")), 1);
}

#[wasm_bindgen_test]
async fn a_draft_survives_a_reload_and_is_forgotten_after_success() {
    install_canned_fetch();
    let base_url = base("draft");
    let mut with_draft = props(&base_url);
    with_draft.draft_key = Some(AttrValue::Static("callback-test"));
    // Drafts are kept per CRM record (issue 9): the host page names this one.
    with_draft.form.record = Some("contact-987654".into());
    let form = Mounted::<AcdEventForm>::new(with_draft.clone()).await;
    form.type_into(Field::Sender, "0199 123456789").await;
    form.type_into(Field::Body, "Evenings are best").await;
    drop(form); // the page goes away

    let reloaded = Mounted::<AcdEventForm>::new(with_draft.clone()).await;
    assert_eq!(reloaded.input(Field::Sender).value(), "0199 123456789");
    assert_eq!(reloaded.input(Field::Body).value(), "Evenings are best");
    assert!(stored_draft("callback-test:contact-987654")
        .unwrap()
        .contains("Evenings are best"));

    reloaded.type_into(Field::Subject, "Please call me").await;
    // The first try is lost; the page is reloaded and the user tries again: same intent.
    let create = format!("{base_url}/acd/events/create");
    serve("POST", &create, 0, "", 0);
    let keys_before = sent_idempotency_keys().lines().count();
    reloaded.click("button[type=submit]").await;
    reloaded.wait_for_text("[role=alert]").await;
    drop(reloaded);
    let reloaded = Mounted::<AcdEventForm>::new(with_draft.clone()).await;
    serve("POST", &create, 200, &created(31), 0);
    reloaded.click("button[type=submit]").await;
    reloaded.wait_for(".jtel-success-text").await;
    let keys: Vec<String> = sent_idempotency_keys()
        .lines()
        .skip(keys_before)
        .map(str::to_owned)
        .collect();
    assert_eq!(keys.len(), 2, "{keys:?}");
    assert_eq!(keys[0], keys[1], "the reload kept the intent's key");
    assert_eq!(
        stored_draft("callback-test:contact-987654"),
        None,
        "a sent request leaves no draft behind"
    );
    drop(reloaded);
    let fresh = Mounted::<AcdEventForm>::new(with_draft).await;
    assert_eq!(fresh.input(Field::Sender).value(), "");
}

#[wasm_bindgen_test]
async fn without_a_draft_key_nothing_is_stored() {
    install_canned_fetch();
    let form = Mounted::<AcdEventForm>::new(props(&base("no-draft"))).await;
    form.type_into(Field::Sender, "0199 123456789").await;
    let storage = web_sys::window()
        .unwrap()
        .session_storage()
        .unwrap()
        .unwrap();
    let keys: Vec<String> = (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).ok().flatten())
        .collect();
    assert!(!keys.iter().any(|key| key.contains("no-draft")), "{keys:?}");
    let sender_value = form.input(Field::Sender).value();
    assert!(
        !keys.iter().any(|key| storage
            .get_item(key)
            .ok()
            .flatten()
            .unwrap_or_default()
            .contains(&sender_value)),
        "{keys:?}"
    );
}

#[wasm_bindgen_test]
async fn server_error_texts_are_shown_as_text_not_markup() {
    let base_url = base("hostile-errors");
    let create = format!("{base_url}/acd/events/create");
    let payload = r#"<img src=x onerror="window.__xss=1">"#;
    let body =
        json!({ "status": 400, "error": format!("Sender: {payload}; Subject: <b>bold</b>") })
            .to_string();
    serve("POST", &create, 400, &body, 0);
    let form = form_with_request(&base_url).await;
    form.click("button[type=submit]").await;
    form.wait_for("[role=alert]").await;
    assert_eq!(
        form.error_of(Field::Sender).as_deref(),
        Some(payload),
        "the server's text, at its field, as text"
    );
    assert_eq!(
        form.error_of(Field::Subject).as_deref(),
        Some("<b>bold</b>")
    );
    let conflict = json!({ "status": 409, "error": payload }).to_string();
    serve("POST", &create, 409, &conflict, 0);
    form.click("button[type=submit]").await;
    form.wait_for("[role=alert]").await;
    assert!(form.text("[role=alert]").unwrap().contains(payload));
    assert!(
        form.find("img, b").is_none(),
        "no markup from the server was rendered"
    );
}

#[wasm_bindgen_test]
async fn a_second_submit_while_the_first_is_on_its_way_sends_nothing() {
    let base_url = base("double-submit");
    let create = format!("{base_url}/acd/events/create");
    serve("POST", &create, 200, &created(41), 400);
    let form = form_with_request(&base_url).await;
    form.click("button[type=submit]").await;
    let button: web_sys::HtmlButtonElement =
        form.find("button[type=submit]").unwrap().unchecked_into();
    assert_eq!(
        button.get_attribute("aria-disabled").as_deref(),
        Some("true"),
        "the button says it is unavailable while sending, and keeps the focus"
    );
    assert_eq!(button.text_content().as_deref(), Some("Sending…"));
    // Enter in a field (implicit submission) and a second click while the first is on its way.
    let form_element: web_sys::HtmlFormElement = form.find("form").unwrap().unchecked_into();
    form_element.request_submit().unwrap();
    form.click("button[type=submit]").await;
    form.wait_for(".jtel-success-text").await;
    assert_eq!(count_sent(&format!("POST {create}")), 1);
}
