//! Browser tests of the cockpit variable form and list: mounted in headless Chromium, driven
//! through DOM events, with the jtel server's answers canned by a stand-in for `window.fetch`
//! (only for URLs under `https://jtel.test/`), which also records every request sent.
#![cfg(target_arch = "wasm32")]

mod dom;

use dom::{install_canned_fetch, sent_requests, serve, Mounted};
use gloo_timers::future::sleep;
use jtel_widgets::components::cockpit_variable_form::{
    CockpitVariableForm, CockpitVariableFormProps,
};
use jtel_widgets::components::cockpit_variable_list::{
    CockpitVariableList, CockpitVariableListProps,
};
use jtel_widgets::jtel_core::{Field, Language};
use jtel_widgets::settings::WidgetSettings;
use serde_json::json;
use std::time::Duration;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use web_sys::HtmlInputElement;
use yew::{AttrValue, BaseComponent};

wasm_bindgen_test_configure!(run_in_browser);

const BASE: &str = "https://jtel.test/jtel";

fn variable_url(id: i64) -> String {
    format!("{BASE}/cockpitVariables/cockpitVariable/{id}")
}

/// setValue in its path form, the form the widgets send by default.
fn set_value_url(id: i64, value: i64) -> String {
    format!("{}/setValue/{value}", variable_url(id))
}

/// Serves `variable` (a JSON object) at its get-by-id URL.
fn serve_variable(id: i64, variable: serde_json::Value) {
    let body = json!({ "records": [variable], "count": 1, "status": 200 });
    serve("GET", &variable_url(id), 200, &body.to_string(), 0);
}

fn serve_result(id: i64, value: i64, result: i64) {
    let body = json!({ "result": result, "error": "", "status": 200 });
    serve(
        "PATCH",
        &set_value_url(id, value),
        200,
        &body.to_string(),
        0,
    );
}

fn number_variable(id: i64, value: i64) -> serde_json::Value {
    json!({
        "ID": id, "Name": "Overflow share", "Description": "Share routed to <b>overflow</b>",
        "CockpitVariableTypesID": 2, "Value": value, "MinValue": 0, "MaxValue": 100,
        "MinBGColor": "#000000", "MaxBGColor": "#FFFFFF; background: url(x)",
        "bWritable": true, "bVisibleInCockpit": true
    })
}

/// The PATCH requests sent for variable `id`.
fn patches_for(id: i64) -> Vec<String> {
    let prefix = format!("PATCH {}/", variable_url(id));
    sent_requests()
        .lines()
        .filter(|line| line.starts_with(&prefix))
        .map(str::to_owned)
        .collect()
}

/// Mounts `C` with the canned `fetch` in place.
async fn mounted<C: BaseComponent>(props: C::Properties) -> Mounted<C> {
    install_canned_fetch();
    Mounted::new(props).await
}

fn form_props(id: i64, language: Language) -> CockpitVariableFormProps {
    yew::props!(CockpitVariableFormProps {
        variable_id: id,
        widget: WidgetSettings {
            base_url: AttrValue::Static(BASE),
            language,
            ..WidgetSettings::default()
        },
    })
}

type Form = Mounted<CockpitVariableForm>;

/// A loaded number form for variable `id` (value 25) after typing `typed` and pressing "Set
/// value".
async fn proposed(id: i64, typed: &str) -> Form {
    serve_variable(id, number_variable(id, 25));
    let form = mounted::<CockpitVariableForm>(form_props(id, Language::English)).await;
    form.wait_for("input[name=value]").await;
    form.type_into(Field::Value, typed).await;
    form.click("button[type=submit]").await;
    form
}

#[wasm_bindgen_test]
async fn the_form_says_it_is_loading_until_the_variable_arrives() {
    let body = json!({ "records": [number_variable(1, 25)], "count": 1, "status": 200 });
    serve("GET", &variable_url(1), 200, &body.to_string(), 400);
    let form = mounted::<CockpitVariableForm>(form_props(1, Language::English)).await;
    assert_eq!(
        form.text("[role=status]").as_deref(),
        Some("Loading the cockpit variable…")
    );
    assert_eq!(
        form.find("section")
            .unwrap()
            .get_attribute("aria-busy")
            .as_deref(),
        Some("true")
    );
    form.wait_for("h2").await;
    assert_eq!(
        form.find("section").unwrap().get_attribute("aria-busy"),
        None
    );
}

#[wasm_bindgen_test]
async fn the_loaded_view_shows_name_description_value_bounds_type_and_colour() {
    serve_variable(2, number_variable(2, 25));
    let form = mounted::<CockpitVariableForm>(form_props(2, Language::English)).await;
    form.wait_for("h2").await;
    assert_eq!(form.text("h2").as_deref(), Some("Overflow share"));
    assert_eq!(
        form.text(".jtel-cockpit-description").as_deref(),
        Some("Share routed to <b>overflow</b>"),
        "server text is shown as text"
    );
    assert!(form.find(".jtel-cockpit-description b").is_none());
    let facts = form.text("dl").unwrap();
    for expected in ["Current value25", "Minimum0", "Maximum100", "TypeNumber"] {
        assert!(facts.contains(expected), "{expected} in {facts}");
    }
    let swatch: web_sys::HtmlElement = form.find(".jtel-swatch").expect("swatch").unchecked_into();
    assert_eq!(
        swatch
            .style()
            .get_property_value("background-color")
            .as_deref(),
        Ok("rgb(0, 0, 0)"),
        "the unreadable max colour is ignored, the min colour used (set through the CSSOM, \
         which a strict Content-Security-Policy allows)"
    );
    let input = form.input(Field::Value);
    assert_eq!(input.value(), "25");
    assert_eq!(input.type_(), "number");
    assert_eq!(input.get_attribute("min").as_deref(), Some("0"));
    assert_eq!(input.get_attribute("max").as_deref(), Some("100"));
    let label = form
        .find(&format!("label[for=\"{}\"]", input.id()))
        .expect("label for the input");
    assert_eq!(label.text_content().as_deref(), Some("New value"));
}

#[wasm_bindgen_test]
async fn an_invalid_value_is_explained_at_the_field_and_nothing_is_sent() {
    let form = proposed(3, "150").await;
    assert_eq!(
        form.error_of(Field::Value).as_deref(),
        Some("Enter a value from 0 to 100.")
    );
    assert_eq!(
        form.input(Field::Value)
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );
    assert!(form.find(".jtel-confirm").is_none(), "no confirmation");
    form.type_into(Field::Value, "2.5").await;
    assert_eq!(
        form.error_of(Field::Value).as_deref(),
        Some("Enter a whole number.")
    );
    form.click("button[type=submit]").await;
    sleep(Duration::from_millis(100)).await;
    assert!(patches_for(3).is_empty(), "sent: {:?}", patches_for(3));
    form.type_into(Field::Value, "50").await;
    assert_eq!(form.error_of(Field::Value), None);
    assert_eq!(form.input(Field::Value).get_attribute("aria-invalid"), None);
}

#[wasm_bindgen_test]
async fn a_value_is_sent_only_after_confirmation_and_cancel_keeps_it() {
    let form = proposed(4, "60").await;
    let question = form.text(".jtel-confirm-text").expect("a confirmation");
    assert_eq!(question, "Set 'Overflow share' to 60?");
    let focused = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .expect("focus");
    assert_eq!(focused.text_content().as_deref(), Some("Confirm"));
    form.click_button("Cancel").await;
    assert!(form.find(".jtel-confirm").is_none());
    assert_eq!(
        form.input(Field::Value).value(),
        "60",
        "the typed value is kept"
    );
    assert!(patches_for(4).is_empty());

    serve_result(4, 60, 0);
    form.click("button[type=submit]").await;
    form.click_button("Confirm").await;
    let status = form.wait_for(".jtel-success").await;
    assert_eq!(status.get_attribute("role").as_deref(), Some("status"));
    assert_eq!(status.text_content().as_deref(), Some("The value was set."));
    assert_eq!(
        patches_for(4),
        vec![format!("PATCH {}", set_value_url(4, 60))]
    );
}

#[wasm_bindgen_test]
async fn every_set_value_result_is_explained_in_words() {
    let cases = [
        (0, "status", "The value was set."),
        (
            1,
            "alert",
            "This variable cannot be changed (it is read-only).",
        ),
        (
            2,
            "alert",
            "This variable does not exist or is not visible in the cockpit.",
        ),
        (
            3,
            "status",
            "Nothing changed: the variable already has this value.",
        ),
        (
            4,
            "alert",
            "Nothing changed: the value is outside the allowed range.",
        ),
    ];
    for (code, role, message) in cases {
        let id = 10 + code;
        serve_result(id, 70, code);
        let form = proposed(id, "70").await;
        form.click_button("Confirm").await;
        let shown = form
            .wait_for(&format!(
                "[role={role}] .jtel-alert-text, [role={role}].jtel-success"
            ))
            .await;
        assert_eq!(
            shown.text_content().as_deref(),
            Some(message),
            "result {code}"
        );
        if role == "alert" {
            assert_eq!(
                form.input(Field::Value).value(),
                "70",
                "result {code} keeps the input"
            );
        }
    }
}

#[wasm_bindgen_test]
async fn a_failed_request_keeps_the_value_and_offers_a_retry() {
    serve("PATCH", &set_value_url(20, 80), 0, "", 0);
    let form = proposed(20, "80").await;
    form.click_button("Confirm").await;
    let alert = form.wait_for_text("[role=alert]").await;
    assert!(alert.contains("could not be reached"), "{alert}");
    assert_eq!(form.input(Field::Value).value(), "80");

    serve_result(20, 80, 0);
    form.click_button("Try again").await;
    form.wait_for(".jtel-success").await;
    assert_eq!(patches_for(20).len(), 2, "sent once more");
}

#[wasm_bindgen_test]
async fn an_on_off_variable_is_a_switch_that_asks_before_switching() {
    serve_variable(
        30,
        json!({ "ID": 30, "Name": "Emergency mode", "CockpitVariableTypesID": 1, "Value": 0,
                "bWritable": true }),
    );
    serve_result(30, 1, 0);
    let form = mounted::<CockpitVariableForm>(form_props(30, Language::English)).await;
    let switch = form.wait_for("button[role=switch]").await;
    assert_eq!(
        switch.get_attribute("aria-checked").as_deref(),
        Some("false")
    );
    assert_eq!(switch.text_content().as_deref(), Some("Off"));
    let label_id = switch.get_attribute("aria-labelledby").unwrap();
    assert_eq!(
        form.text(&format!("#{label_id}")).as_deref(),
        Some("Emergency mode")
    );
    assert!(form.find("input[name=value]").is_none());
    form.click("button[role=switch]").await;
    assert_eq!(
        form.text(".jtel-confirm-text").as_deref(),
        Some("Set 'Emergency mode' to On?")
    );
    assert!(patches_for(30).is_empty());
    form.click_button("Confirm").await;
    form.wait_for(".jtel-success").await;
    assert_eq!(
        patches_for(30),
        vec![format!("PATCH {}", set_value_url(30, 1))]
    );
}

/// The element that has the keyboard focus (in these tests the forms live in the document).
fn focused() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.active_element()
}

/// Waits (up to five seconds) until `holds` holds for the form.
async fn until(form: &Form, holds: impl Fn(&Form) -> bool) {
    for _ in 0..100 {
        if holds(form) {
            return;
        }
        sleep(Duration::from_millis(50)).await;
        yew::scheduler::flush().await;
    }
    panic!(
        "never happened; the form shows {:?}",
        form.root.text_content()
    );
}

#[wasm_bindgen_test]
async fn a_refused_value_is_said_once_by_the_alert_which_takes_the_focus() {
    // Result 1, the variable made read-only meanwhile: the reload after the answer shows it
    // read-only, and its note would say the same again. Result 4, the maximum lowered
    // meanwhile: the field's own range error would say the same again.
    let mut read_only = number_variable(51, 25);
    read_only["bWritable"] = json!(false);
    let mut narrowed = number_variable(52, 25);
    narrowed["MaxValue"] = json!(10);
    for (id, result, now) in [(51, 1, read_only), (52, 4, narrowed)] {
        serve_result(id, 70, result);
        let form = proposed(id, "70").await;
        serve_variable(id, now);
        form.click_button("Confirm").await;
        let alert = form.wait_for("[role=alert]").await;
        // Until the reload after the answer shows the variable as jtel has it now.
        until(&form, |form| match result {
            1 => form.find("input[name=value]").is_none(),
            _ => form
                .text("dl")
                .is_some_and(|facts| facts.contains("Maximum10") && !facts.contains("Maximum100")),
        })
        .await;
        let messages = form.find_all("[role=alert], .jtel-note, .jtel-error, .jtel-success");
        assert_eq!(
            messages.len(),
            1,
            "result {result}: one message, not {:?}",
            form.root.text_content()
        );
        assert_eq!(
            focused(),
            Some(alert),
            "result {result}: the alert has the focus"
        );
    }
}

#[wasm_bindgen_test]
async fn the_focus_follows_the_request_and_never_falls_to_the_page() {
    serve("PATCH", &set_value_url(53, 40), 0, "", 0);
    let form = proposed(53, "40").await;
    assert_eq!(
        focused().and_then(|f| f.text_content()).as_deref(),
        Some("Confirm")
    );
    form.click_button("Confirm").await;
    let alert = form.wait_for("[role=alert]").await;
    assert_eq!(focused(), Some(alert), "a failure: on the alert");
    serve_result(53, 40, 0);
    form.click_button("Try again").await;
    form.wait_for(".jtel-success").await;
    assert_eq!(
        focused(),
        Some(form.input(Field::Value).into()),
        "set: back on the value (the live region says it was set)"
    );
}

#[wasm_bindgen_test]
async fn the_title_takes_the_heading_level_given() {
    serve_variable(54, number_variable(54, 25));
    let mut props = form_props(54, Language::English);
    props.widget.heading_level = 4;
    let form = mounted::<CockpitVariableForm>(props).await;
    form.wait_for("h4").await;
    assert_eq!(form.text("h4").as_deref(), Some("Overflow share"));
}

#[wasm_bindgen_test]
async fn a_read_only_variable_shows_its_value_without_an_edit_control() {
    let mut variable = number_variable(40, 3);
    variable["bWritable"] = json!(false);
    serve_variable(40, variable);
    let form = mounted::<CockpitVariableForm>(form_props(40, Language::German)).await;
    form.wait_for("h2").await;
    assert!(form.find("input").is_none() && form.find("[role=switch]").is_none());
    assert!(form.text("dl").unwrap().contains("Aktueller Wert3"));
    assert_eq!(
        form.text(".jtel-note").as_deref(),
        Some(
            "Diese Variable ist schreibgeschützt: Sie können ihren Wert sehen, aber nicht ändern."
        )
    );
}

#[wasm_bindgen_test]
async fn a_load_failure_is_explained_with_a_retry() {
    serve(
        "GET",
        &variable_url(50),
        500,
        r#"{"status":500,"error":"database down"}"#,
        0,
    );
    let form = mounted::<CockpitVariableForm>(form_props(50, Language::English)).await;
    let alert = form.wait_for("[role=alert]").await;
    assert_eq!(
        alert
            .query_selector("p")
            .unwrap()
            .unwrap()
            .text_content()
            .as_deref(),
        Some("The server had a problem (HTTP 500); please try again: database down")
    );
    serve_variable(50, number_variable(50, 25));
    form.click_button("Try again").await;
    form.wait_for("h2").await;
    assert_eq!(form.input(Field::Value).value(), "25");
}

#[wasm_bindgen_test]
async fn the_list_filters_by_name_or_description_and_opens_a_variable() {
    let rows: Vec<serde_json::Value> = [
        (60, "Calls waiting", "Callers in the hotline queue"),
        (61, "Emergency mode", "Plays the emergency announcement"),
        (62, "Overflow share", "Share routed to overflow"),
    ]
    .into_iter()
    .map(|(id, name, description)| {
        json!({ "ID": id, "Name": name, "Description": description,
                "CockpitVariableTypesID": 2, "Value": id, "bWritable": true })
    })
    .collect();
    let body = json!({ "records": rows, "count": 3, "status": 200 });
    serve(
        "GET",
        &format!("{BASE}/cockpitVariables"),
        200,
        &body.to_string(),
        0,
    );
    serve_variable(61, rows[1].clone());
    let list = mounted::<CockpitVariableList>(yew::props!(CockpitVariableListProps {
        widget: WidgetSettings {
            base_url: AttrValue::Static(BASE),
            ..WidgetSettings::default()
        },
    }))
    .await;
    list.wait_for(".jtel-cockpit-row").await;
    assert_eq!(list.find_all(".jtel-cockpit-row").len(), 3);
    let filter: HtmlInputElement = list.find("input[type=search]").unwrap().unchecked_into();
    let label = list
        .find(&format!("label[for=\"{}\"]", filter.id()))
        .expect("label");
    assert_eq!(
        label.text_content().as_deref(),
        Some("Filter by name or description")
    );

    list.type_into_selector("input[type=search]", "HOTLINE")
        .await;
    assert_eq!(
        list.text(".jtel-cockpit-row-name").as_deref(),
        Some("Calls waiting")
    );
    assert_eq!(
        list.text("[role=status]").as_deref(),
        Some("1 of 3 variables shown")
    );
    list.type_into_selector("input[type=search]", "emergency")
        .await;
    assert_eq!(list.find_all(".jtel-cockpit-row").len(), 1);
    let row = list.find(".jtel-cockpit-row-button").unwrap();
    assert_eq!(
        row.text_content().as_deref(),
        Some("Emergency mode61Number")
    );
    assert_eq!(row.get_attribute("aria-expanded").as_deref(), Some("false"));

    list.click(".jtel-cockpit-row-button").await;
    assert_eq!(row.get_attribute("aria-expanded").as_deref(), Some("true"));
    let panel_id = row.get_attribute("aria-controls").unwrap();
    list.wait_for(&format!("#{panel_id} input[name=value]"))
        .await;
    assert_eq!(
        list.text("h2").as_deref(),
        Some("Cockpit variables"),
        "the list's title"
    );
    assert_eq!(
        list.text(&format!("#{panel_id} h3")).as_deref(),
        Some("Emergency mode"),
        "the opened variable's title is one level below the list's"
    );
    assert!(list.find(&format!("#{panel_id} h2")).is_none());
    list.click(".jtel-cockpit-row-button").await;
    assert!(list.find(".jtel-cockpit-panel").is_none(), "closed again");
}

#[wasm_bindgen_test]
async fn the_shown_value_refreshes_periodically_when_asked_to() {
    serve_variable(90, number_variable(90, 25));
    let mut props = form_props(90, Language::English);
    props.refresh_seconds = Some(1);
    let form = mounted::<CockpitVariableForm>(props).await;
    form.wait_for(".jtel-cockpit-value").await;
    assert_eq!(form.text(".jtel-cockpit-value").as_deref(), Some("25"));
    // Another supervisor changes it; within the refresh interval the page shows the new value.
    serve_variable(90, number_variable(90, 60));
    for _ in 0..30 {
        sleep(Duration::from_millis(100)).await;
        yew::scheduler::flush().await;
        if form.text(".jtel-cockpit-value").as_deref() == Some("60") {
            break;
        }
    }
    assert_eq!(
        form.text(".jtel-cockpit-value").as_deref(),
        Some("60"),
        "refreshed within 3 s"
    );
    assert!(
        sent_requests()
            .lines()
            .filter(|line| line.ends_with("/cockpitVariable/90"))
            .count()
            >= 2,
        "the value was loaded again"
    );
}
