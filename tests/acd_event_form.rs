//! Browser tests of the ACD event form: mounted in headless Chromium, driven through DOM events.
#![cfg(target_arch = "wasm32")]

mod dom;

use dom::{install_canned_fetch, sent_bodies, serve};
use jtel_widgets::components::acd_event_form::{AcdEventForm, AcdEventFormProps};
use jtel_widgets::jtel_core::event_form::{EventFormSettings, Setting};
use jtel_widgets::jtel_core::numbering_plan::Region;
use jtel_widgets::jtel_core::validation::EventDraft;
use jtel_widgets::jtel_core::{Field, Language};
use jtel_widgets::settings::WidgetSettings;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use yew::AttrValue;

wasm_bindgen_test_configure!(run_in_browser);

type Mounted = dom::Mounted<AcdEventForm>;

fn fixed(value: &'static str) -> Setting {
    Setting::Fixed(value.to_owned())
}

fn props(kind: &'static str, language: Language) -> AcdEventFormProps {
    yew::props!(AcdEventFormProps {
        widget: WidgetSettings {
            base_url: AttrValue::Static("/jtel"),
            language,
            ..WidgetSettings::default()
        },
        form: EventFormSettings {
            event_type: fixed(kind),
            group: fixed("235"),
            receiver: fixed("4919900112233"),
            ..EventFormSettings::default()
        },
    })
}

#[wasm_bindgen_test]
async fn every_input_is_labelled_and_named_after_its_jtel_field() {
    let form = Mounted::new(props("3", Language::English)).await;
    for field in [
        Field::Sender,
        Field::Subject,
        Field::Body,
        Field::CrmUrl,
        Field::UserData,
    ] {
        let input = form.input(field);
        let label = form
            .find(&format!("label[for=\"{}\"]", input.id()))
            .expect("label for input");
        assert!(!label.text_content().unwrap().trim().is_empty());
    }
    assert_eq!(form.input(Field::Sender).type_(), "tel");
    assert!(
        form.find("[name=AcdGroupsID]").is_none(),
        "the host page fixes the group"
    );
}

#[wasm_bindgen_test]
async fn the_kind_decides_fields_labels_and_input_types() {
    let email = Mounted::new(props("5", Language::English)).await;
    assert_eq!(email.text("h2").as_deref(), Some("New e-mail"));
    assert_eq!(email.input(Field::Sender).type_(), "email");
    assert!(email
        .text(&format!(
            "label[for=\"{}\"]",
            email.input(Field::Sender).id()
        ))
        .unwrap()
        .contains("E-mail address"));
    assert!(
        email.find("[name=Body]").is_none(),
        "only callbacks send a body"
    );
    drop(email);

    let ticket = Mounted::new(props("6", Language::German)).await;
    let user_data = ticket.input(Field::UserData);
    assert!(ticket
        .text(&format!("label[for=\"{}\"]", user_data.id()))
        .unwrap()
        .contains("Ticketnummer"));
    assert_eq!(ticket.input(Field::Sender).type_(), "text");
    drop(ticket);

    let fax = Mounted::new(props("2", Language::English)).await;
    assert_eq!(fax.input(Field::Sender).type_(), "tel");
    assert_eq!(
        fax.text("button[type=submit]").as_deref(),
        Some("Create fax")
    );
}

#[wasm_bindgen_test]
async fn a_bad_phone_number_is_explained_at_its_field_after_leaving_it() {
    let form = Mounted::new(props("3", Language::English)).await;
    assert_eq!(
        form.error_of(Field::Sender),
        None,
        "no error before the user typed"
    );
    form.type_into(Field::Sender, "0199 CALL ME").await;
    assert_eq!(
        form.input(Field::Sender)
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );
    let error = form.error_of(Field::Sender).expect("error shown");
    assert!(error.contains("cannot contain letters"), "{error}");
    assert_eq!(
        form.error_of(Field::Subject),
        None,
        "untouched fields stay quiet"
    );

    form.type_into(Field::Sender, "(0199) 123 456 789").await;
    assert_eq!(form.error_of(Field::Sender), None);
    assert_eq!(
        form.input(Field::Sender).get_attribute("aria-invalid"),
        None
    );
    assert_eq!(
        form.text("[id$=Sender-hint]").as_deref(),
        Some("Will be sent as +49 199 12 3456789")
    );
}

#[wasm_bindgen_test]
async fn submitting_an_empty_form_marks_every_missing_field_and_focuses_the_first() {
    let form = Mounted::new(props("3", Language::English)).await;
    form.type_into(Field::CrmUrl, "javascript:alert(1)").await;
    form.click("button[type=submit]").await;
    assert_eq!(
        form.error_of(Field::Sender).as_deref(),
        Some("Fill in this field.")
    );
    assert_eq!(
        form.error_of(Field::Subject).as_deref(),
        Some("Fill in this field.")
    );
    assert_eq!(
        form.error_of(Field::CrmUrl).as_deref(),
        Some("Enter a web address starting with http:// or https://.")
    );
    let focused = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .expect("focus");
    assert_eq!(focused.get_attribute("name").as_deref(), Some("Sender"));
    assert_eq!(
        form.input(Field::CrmUrl).value(),
        "javascript:alert(1)",
        "nothing typed is lost"
    );
}

#[wasm_bindgen_test]
async fn a_network_failure_keeps_the_input_and_offers_a_retry() {
    // Port 9 (discard) is closed on the test machine: fetch fails without an answer.
    let mut unreachable = props("3", Language::English);
    unreachable.widget.base_url = AttrValue::Static("http://127.0.0.1:9/rest/v1.0/1");
    let form = Mounted::new(unreachable).await;
    form.type_into(Field::Sender, "+49 199 123456789").await;
    form.type_into(Field::Subject, "Please call me").await;
    form.type_into(Field::Body, "About my invoice").await;
    form.click("button[type=submit]").await;
    let alert = form.wait_for_text("[role=alert]").await;
    assert!(alert.contains("could not be reached"), "{alert}");
    assert_eq!(form.input(Field::Sender).value(), "+49 199 123456789");
    assert_eq!(form.input(Field::Subject).value(), "Please call me");
    assert_eq!(form.input(Field::Body).value(), "About my invoice");
    let button: web_sys::HtmlButtonElement =
        form.find("button[type=submit]").unwrap().unchecked_into();
    assert!(!button.disabled(), "the user can try again");
    assert_eq!(button.text_content().as_deref(), Some("Try again"));
}

/// The element that has the keyboard focus (the forms of these tests live in the document).
fn focused() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.active_element()
}

#[wasm_bindgen_test]
async fn the_focus_follows_every_outcome_and_each_is_said_once() {
    install_canned_fetch();
    let base = "https://jtel.test/focus";
    let create = format!("{base}/acd/events/create");
    serve("POST", &create, 503, r#"{"status":503,"error":"busy"}"#, 0);
    let mut settings = props("3", Language::English);
    settings.widget.base_url = AttrValue::from(base);
    let form = Mounted::new(settings).await;
    form.type_into(Field::Sender, "+49 199 123456789").await;
    form.type_into(Field::Subject, "Please call me").await;
    form.click("button[type=submit]").await;
    let alert = form.wait_for(".jtel-failure").await;
    assert_eq!(alert.get_attribute("role").as_deref(), Some("alert"));
    assert_eq!(focused(), Some(alert), "a failure: on the alert");

    let created = r#"{"records":[{"ID":7}],"count":1,"status":200}"#;
    serve("POST", &create, 200, created, 0);
    form.click("button[type=submit]").await;
    let new_request = form.wait_for(".jtel-success button").await;
    assert_eq!(focused(), Some(new_request), "a success: on New request");
    let said: Vec<String> = form
        .find_all("[aria-live], [role=alert], [role=status]")
        .into_iter()
        .filter_map(|region| region.text_content())
        .filter(|text| !text.is_empty())
        .collect();
    assert_eq!(
        said,
        [form.text(".jtel-success-text").unwrap()],
        "one live region says it, once: the visible confirmation"
    );
    assert!(
        said[0].contains('7'),
        "with the event's reference: {said:?}"
    );

    form.click(".jtel-success button").await;
    assert_eq!(
        focused()
            .and_then(|field| field.get_attribute("name"))
            .as_deref(),
        Some("Sender"),
        "a new request: on the first field"
    );
}

#[wasm_bindgen_test]
async fn a_german_form_speaks_german() {
    let form = Mounted::new(props("3", Language::German)).await;
    assert_eq!(form.text("h2").as_deref(), Some("Rückruf anfordern"));
    form.click("button[type=submit]").await;
    assert_eq!(
        form.error_of(Field::Subject).as_deref(),
        Some("Füllen Sie dieses Feld aus.")
    );
    assert_eq!(
        form.find("section")
            .unwrap()
            .get_attribute("lang")
            .as_deref(),
        Some("de")
    );
}

#[wasm_bindgen_test]
async fn a_misconfigured_group_is_reported_on_submit_instead_of_sending() {
    let mut bad = props("3", Language::English);
    bad.form.group = fixed("sales");
    let form = Mounted::new(bad).await;
    form.click("button[type=submit]").await;
    let alert = form
        .text("[role=alert]")
        .expect("configuration problem shown");
    assert!(
        alert.contains("ACD group: Enter a whole number greater than 0."),
        "{alert}"
    );
}

#[wasm_bindgen_test]
async fn prefilled_and_read_only_crm_values_appear_in_their_fields() {
    let mut prefilled = props("3", Language::English);
    prefilled.form.prefill = EventDraft::from_pairs([
        (Field::Sender, "0199 123456789"),
        (Field::UserData, "987654"),
    ]);
    prefilled.form.read_only = vec![Field::UserData];
    let form = Mounted::new(prefilled).await;
    assert_eq!(form.input(Field::Sender).value(), "0199 123456789");
    assert_eq!(form.input(Field::UserData).value(), "987654");
    assert!(form.input(Field::UserData).read_only());
    assert!(!form.input(Field::Sender).read_only());
}

#[wasm_bindgen_test]
async fn a_subject_template_composes_the_subject_and_offers_a_preferred_time() {
    let mut templated = props("3", Language::English);
    templated.form.subject_template =
        Some("Callback request from {Sender} on {date} at {time}".to_owned());
    let form = Mounted::new(templated).await;
    assert!(
        form.find("[name=Subject]").is_none(),
        "the subject is composed, not typed"
    );
    assert_eq!(form.input(Field::PreferredTime).type_(), "datetime-local");
    assert!(form
        .text("[id$=PreferredTime-hint]")
        .unwrap()
        .starts_with("Your local time: "));
    form.type_into(Field::Sender, "0199 123456789").await;
    assert_eq!(
        form.text(".jtel-subject-preview").as_deref(),
        Some("Subject: Callback request from 49199123456789")
    );
    form.type_into(Field::PreferredTime, "2999-01-02T09:30")
        .await;
    // The default template prints no zone, so the instant with its offset is added.
    let preview = form.text(".jtel-subject-preview").unwrap();
    assert!(
        preview.starts_with(
            "Subject: Callback request from 49199123456789 on 2999-01-02 at 09:30 (2999-01-02T09:30"
        ),
        "{preview}"
    );
    form.type_into(Field::PreferredTime, "2001-01-02T09:30")
        .await;
    assert_eq!(
        form.error_of(Field::PreferredTime).as_deref(),
        Some("Choose a time in the future.")
    );
}

#[wasm_bindgen_test]
async fn an_italian_number_keeps_its_zero_in_the_hint_and_in_the_request() {
    install_canned_fetch();
    let create = "https://jtel.test/italy/acd/events/create";
    let created = r#"{"records":[{"ID":77,"AcdEventTypesID":3,"AcdGroupsID":235,"UsersID":null,"Sender":"390212345678","Receiver":null,"Subject":"Richiamata","Body":null,"dtCreated":"2026-11-28T04:00:00Z"}],"count":1,"status":200}"#;
    serve("POST", create, 200, created, 0);
    let mut props = props("3", Language::English);
    props.widget.base_url = AttrValue::Static("https://jtel.test/italy");
    props.form.receiver = Setting::Unset;
    props.form.region = Ok(Region::from_id("IT").expect("Italy"));
    let form = Mounted::new(props).await;

    form.type_into(Field::Sender, "02 1234 5678").await;
    assert_eq!(
        form.text("[id$=Sender-hint]").as_deref(),
        Some("Will be sent as +39 02 1234 5678"),
        "Milan's 0 belongs to the number"
    );
    form.type_into(Field::Subject, "Richiamata").await;
    form.click("button[type=submit]").await;
    form.wait_for_text(".jtel-success-text").await;
    let body = sent_bodies();
    assert!(body.contains(r#""Sender":"390212345678""#), "{body}");
}

#[wasm_bindgen_test]
async fn a_shared_country_code_is_a_configuration_problem_not_a_guess() {
    let mut props = props("3", Language::English);
    props.form.region = Region::from_settings(None, Some("1"));
    let form = Mounted::new(props).await;
    form.type_into(Field::Sender, "(201) 555-0123").await;
    let hint = form.text("[id$=Sender-hint]").unwrap_or_default();
    assert!(hint.contains("+1 is shared by US, AG"), "{hint}");
    form.click("button[type=submit]").await;
    let error = form.error_of(Field::Sender).unwrap_or_default();
    assert!(error.contains("region setting must name one"), "{error}");
}
