//! Browser tests of the callback form: mounted in headless Chromium, driven through DOM events
//! the way a user's typing and clicking produce them.
#![cfg(target_arch = "wasm32")]

use gloo_timers::future::sleep;
use jtel_widgets::components::callback_form::{CallbackForm, CallbackFormProps};
use jtel_widgets::jtel_core::{Field, Language};
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, FocusEvent, HtmlElement, HtmlInputElement, InputEvent, InputEventInit};
use yew::{AppHandle, AttrValue};

wasm_bindgen_test_configure!(run_in_browser);

/// A mounted form in a fresh element of its own.
struct Mounted {
    host: Element,
    app: Option<AppHandle<CallbackForm>>,
}

impl Mounted {
    async fn new(props: CallbackFormProps) -> Self {
        let document = web_sys::window().unwrap().document().unwrap();
        let host = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&host).unwrap();
        let app = yew::Renderer::<CallbackForm>::with_root_and_props(host.clone(), props).render();
        yew::scheduler::flush().await;
        Self {
            host,
            app: Some(app),
        }
    }

    fn find(&self, selector: &str) -> Option<Element> {
        self.host.query_selector(selector).unwrap()
    }

    fn input(&self, field: Field) -> HtmlInputElement {
        self.find(&format!("[name=\"{}\"]", field.json_name()))
            .unwrap_or_else(|| panic!("no input named {}", field.json_name()))
            .unchecked_into()
    }

    fn text(&self, selector: &str) -> Option<String> {
        self.find(selector)
            .and_then(|element| element.text_content())
    }

    /// Types `text` into a field (replacing what was there) and leaves it.
    async fn type_into(&self, field: Field, text: &str) {
        let input = self.input(field);
        input.set_value(text);
        let init = InputEventInit::new();
        init.set_bubbles(true);
        input
            .dispatch_event(&InputEvent::new_with_event_init_dict("input", &init).unwrap())
            .unwrap();
        input
            .dispatch_event(&FocusEvent::new("blur").unwrap())
            .unwrap();
        yew::scheduler::flush().await;
    }

    async fn submit(&self) {
        self.find("button[type=submit]")
            .unwrap()
            .unchecked_into::<HtmlElement>()
            .click();
        yew::scheduler::flush().await;
    }

    /// Waits (up to five seconds) until `selector` matches, as a user waits for an answer.
    async fn wait_for(&self, selector: &str) -> Element {
        for _ in 0..100 {
            if let Some(element) = self.find(selector) {
                return element;
            }
            sleep(Duration::from_millis(50)).await;
            yew::scheduler::flush().await;
        }
        panic!(
            "{selector} never appeared; the form shows: {:?}",
            self.host.text_content()
        );
    }

    fn error_of(&self, field: Field) -> Option<String> {
        let input = self.input(field);
        let described_by = input.get_attribute("aria-describedby")?;
        described_by
            .split(' ')
            .filter(|id| id.ends_with("-error"))
            .find_map(|id| self.text(&format!("#{id}")))
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        self.host.remove();
    }
}

fn props(base_url: &str, language: Language) -> CallbackFormProps {
    yew::props!(CallbackFormProps {
        base_url: AttrValue::from(base_url.to_owned()),
        group: AttrValue::Static("235"),
        receiver: Some(AttrValue::Static("4919900112233")),
        language,
    })
}

#[wasm_bindgen_test]
async fn every_input_is_labelled_and_named_after_its_jtel_field() {
    let form = Mounted::new(props("/jtel", Language::English)).await;
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
async fn a_bad_phone_number_is_explained_at_its_field_after_leaving_it() {
    let form = Mounted::new(props("/jtel", Language::English)).await;
    assert_eq!(
        form.error_of(Field::Sender),
        None,
        "no error before the user typed"
    );
    form.type_into(Field::Sender, "0199 CALL ME").await;
    let sender = form.input(Field::Sender);
    assert_eq!(
        sender.get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    let error = form.error_of(Field::Sender).expect("error shown");
    assert!(error.contains("only digits"), "{error}");
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
    let hint = form.text("[id$=Sender-hint]").expect("hint");
    assert_eq!(hint, "Will be sent as +49199123456789");
}

#[wasm_bindgen_test]
async fn submitting_an_empty_form_marks_every_missing_field_and_focuses_the_first() {
    let form = Mounted::new(props("/jtel", Language::English)).await;
    form.type_into(Field::CrmUrl, "javascript:alert(1)").await;
    form.submit().await;
    assert_eq!(
        form.error_of(Field::Sender).as_deref(),
        Some("This field is required.")
    );
    assert_eq!(
        form.error_of(Field::Subject).as_deref(),
        Some("This field is required.")
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
    let form = Mounted::new(props("http://127.0.0.1:9/rest/v1.0/1", Language::English)).await;
    form.type_into(Field::Sender, "+49 199 123456789").await;
    form.type_into(Field::Subject, "Please call me").await;
    form.type_into(Field::Body, "About my invoice").await;
    form.submit().await;
    let alert = form.wait_for("[role=alert]").await;
    assert!(
        alert
            .text_content()
            .unwrap()
            .contains("could not be reached"),
        "{:?}",
        alert.text_content()
    );
    assert_eq!(form.input(Field::Sender).value(), "+49 199 123456789");
    assert_eq!(form.input(Field::Subject).value(), "Please call me");
    let body: web_sys::HtmlTextAreaElement = form.find("[name=Body]").unwrap().unchecked_into();
    assert_eq!(body.value(), "About my invoice");
    let button: web_sys::HtmlButtonElement =
        form.find("button[type=submit]").unwrap().unchecked_into();
    assert!(!button.disabled(), "the user can try again");
}

#[wasm_bindgen_test]
async fn a_german_form_speaks_german() {
    let form = Mounted::new(props("/jtel", Language::German)).await;
    assert_eq!(form.text("h2").as_deref(), Some("Rückruf anfordern"));
    form.submit().await;
    assert_eq!(
        form.error_of(Field::Subject).as_deref(),
        Some("Dieses Feld ist ein Pflichtfeld.")
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
async fn a_misconfigured_group_is_reported_instead_of_sending() {
    let mut bad = props("/jtel", Language::English);
    bad.group = AttrValue::Static("sales");
    let form = Mounted::new(bad).await;
    let alert = form
        .text("[role=alert]")
        .expect("configuration problem shown");
    assert!(
        alert.contains("ACD group: Enter a whole number greater than 0."),
        "{alert}"
    );
}

#[wasm_bindgen_test]
async fn prefilled_crm_values_appear_in_their_fields() {
    let mut prefilled = props("/jtel", Language::English);
    prefilled.prefill = vec![
        (Field::Sender, AttrValue::Static("0199 123456789")),
        (Field::UserData, AttrValue::Static("987654")),
    ];
    let form = Mounted::new(prefilled).await;
    assert_eq!(form.input(Field::Sender).value(), "0199 123456789");
    assert_eq!(form.input(Field::UserData).value(), "987654");
}
