//! Browser tests of the embedding contract: custom elements in an open shadow root, attribute
//! updates, DOM events to the host page, theming, and the JS `mount()` call.
#![cfg(target_arch = "wasm32")]

mod dom;

use dom::View;
use jtel_widgets::embed::{custom_elements, js_api};
use jtel_widgets::jtel_core::Field;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CustomEvent, Element};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Adds `<jtel-acd-event-form>` with `attributes` to the page.
async fn element(attributes: &[(&str, &str)]) -> Element {
    custom_elements::register();
    let element = document().create_element("jtel-acd-event-form").unwrap();
    for (name, value) in attributes {
        element.set_attribute(name, value).unwrap();
    }
    document().body().unwrap().append_child(&element).unwrap();
    yew::scheduler::flush().await;
    element
}

fn shadow(element: &Element) -> View {
    View {
        root: element.shadow_root().expect("an open shadow root").into(),
    }
}

/// Records the `detail` of every `name` event that reaches the document.
fn listen(name: &str) -> Rc<RefCell<Vec<JsValue>>> {
    let seen = Rc::new(RefCell::new(Vec::new()));
    let sink = seen.clone();
    let listener = Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
        sink.borrow_mut()
            .push(event.unchecked_into::<CustomEvent>().detail());
    });
    document()
        .add_event_listener_with_callback(name, listener.as_ref().unchecked_ref())
        .unwrap();
    listener.forget();
    seen
}

fn get(value: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(value, &JsValue::from_str(key)).unwrap()
}

#[wasm_bindgen_test]
async fn the_custom_element_renders_in_its_shadow_root_with_its_own_styles() {
    let style = document().create_element("style").unwrap();
    style.set_text_content(Some(
        "input { display: none !important; } h2 { color: rgb(255, 0, 0) !important; }",
    ));
    document().head().unwrap().append_child(&style).unwrap();
    let host = element(&[("group", "235"), ("event-type", "email"), ("lang", "de")]).await;
    let view = shadow(&host);
    assert_eq!(view.text("h2").as_deref(), Some("Neue E-Mail"));
    assert!(
        document()
            .query_selector("[name=Sender]")
            .unwrap()
            .is_none(),
        "the form is not in the light DOM"
    );
    let sender = view.input(Field::Sender);
    let window = web_sys::window().unwrap();
    let computed = window.get_computed_style(&sender).unwrap().unwrap();
    assert_ne!(
        computed.get_property_value("display").unwrap(),
        "none",
        "host CSS does not reach the form"
    );
    let title = window
        .get_computed_style(&view.find("h2").unwrap())
        .unwrap()
        .unwrap();
    assert_ne!(title.get_property_value("color").unwrap(), "rgb(255, 0, 0)");
    let sheets = host.shadow_root().unwrap().adopted_style_sheets();
    assert_eq!(
        sheets.length(),
        1,
        "the widget stylesheet is adopted, not inlined"
    );
    style.remove();
    host.remove();
}

#[wasm_bindgen_test]
async fn custom_properties_theme_the_widget_and_parts_are_exposed() {
    let host = element(&[("group", "235")]).await;
    host.set_attribute("style", "--jtel-accent: rgb(1, 2, 3); --jtel-radius: 0px")
        .unwrap();
    yew::scheduler::flush().await;
    let view = shadow(&host);
    let button = view.find("button[type=submit]").unwrap();
    let computed = web_sys::window()
        .unwrap()
        .get_computed_style(&button)
        .unwrap()
        .unwrap();
    assert_eq!(
        computed.get_property_value("background-color").unwrap(),
        "rgb(1, 2, 3)"
    );
    assert_eq!(
        computed
            .get_property_value("border-top-left-radius")
            .unwrap(),
        "0px"
    );
    for part in ["form", "title", "field", "label", "input", "button"] {
        assert!(
            view.find(&format!("[part~={part}]")).is_some(),
            "no ::part({part})"
        );
    }
    host.remove();
}

/// Whether `element` is rendered (`checkVisibility()`: it has a box, in the light DOM or
/// through a slot).
fn visible(element: &Element) -> bool {
    let check: js_sys::Function = get(element, "checkVisibility").unchecked_into();
    check.call0(element).unwrap().as_bool().unwrap()
}

#[wasm_bindgen_test]
async fn the_elements_own_children_show_until_the_widget_has_rendered() {
    custom_elements::register();
    let host = document().create_element("jtel-acd-event-form").unwrap();
    host.set_attribute("group", "235").unwrap();
    host.set_inner_html("<p>Call us: +49 199 00112233</p>");
    let fallback = host.first_element_child().unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    assert!(host.shadow_root().is_some(), "the widget is mounted");
    assert!(
        visible(&fallback),
        "the page's text shows while the widget starts"
    );
    yew::scheduler::flush().await;
    assert!(
        shadow(&host).find("[name=Sender]").is_some(),
        "the form is there"
    );
    assert!(!visible(&fallback), "and the page's text is out of view");
    assert_eq!(host.first_element_child(), Some(fallback), "but kept");
    host.remove();
}

#[wasm_bindgen_test]
async fn attribute_changes_update_the_form_and_keep_the_input() {
    let host = element(&[("group", "235"), ("lang", "en")]).await;
    let view = shadow(&host);
    view.type_into(Field::Sender, "0199 123456789").await;
    host.set_attribute("lang", "de").unwrap();
    yew::scheduler::flush().await;
    assert_eq!(view.text("h2").as_deref(), Some("Rückruf anfordern"));
    assert_eq!(
        view.input(Field::Sender).value(),
        "0199 123456789",
        "what the user typed stays"
    );
    host.remove();
    yew::scheduler::flush().await;
    assert_eq!(
        host.shadow_root().unwrap().child_element_count(),
        0,
        "removing the element destroys the widget"
    );
}

#[wasm_bindgen_test]
async fn a_refused_submit_is_announced_to_the_host_page() {
    let invalid = listen("jtel-invalid");
    let host = element(&[("group", "235")]).await;
    let view = shadow(&host);
    view.type_into(Field::Sender, "12").await;
    view.click("button[type=submit]").await;
    let events = invalid.borrow();
    let detail = events
        .last()
        .expect("a jtel-invalid event reached the document");
    let fields = js_sys::Array::from(&get(detail, "fields"));
    let names: Vec<String> = fields
        .iter()
        .map(|field| get(&field, "field").as_string().unwrap())
        .collect();
    assert_eq!(names, vec!["Sender", "Subject"]);
    assert_eq!(
        get(&fields.get(0), "code").as_string().unwrap(),
        "phone-too-short"
    );
    assert_eq!(
        get(&fields.get(0), "message").as_string().unwrap(),
        "This phone number is too short (at least 7 digits with the country code)."
    );
    drop(events);
    host.remove();
}

#[wasm_bindgen_test]
async fn a_failed_request_is_announced_with_its_code() {
    let failed = listen("jtel-failed");
    let host = element(&[
        ("group", "235"),
        ("base-url", "http://127.0.0.1:9/rest/v1.0/1"),
    ])
    .await;
    let view = shadow(&host);
    view.type_into(Field::Sender, "0199 123456789").await;
    view.type_into(Field::Subject, "Call me").await;
    view.click("button[type=submit]").await;
    view.wait_for("[role=alert]").await;
    let events = failed.borrow();
    let detail = events.last().expect("a jtel-failed event");
    assert_eq!(get(detail, "code").as_string().as_deref(), Some("network"));
    assert!(get(detail, "message")
        .as_string()
        .unwrap()
        .contains("could not be reached"));
    drop(events);
    host.remove();
}

#[wasm_bindgen_test]
async fn mount_update_and_destroy_from_javascript() {
    let host = dom::fresh_host();
    let options = js_sys::Object::new();
    for (key, value) in [
        ("widget", "acd-event-form"),
        ("eventType", "ticket"),
        ("group", "235"),
        ("userData", "TCK-1"),
    ] {
        js_sys::Reflect::set(&options, &JsValue::from_str(key), &JsValue::from_str(value)).unwrap();
    }
    let Ok(mut handle) = js_api::mount(host.clone(), options.clone()) else {
        panic!("mount() refused a valid widget");
    };
    yew::scheduler::flush().await;
    let view = shadow(&host);
    assert_eq!(view.text("h2").as_deref(), Some("New ticket"));
    assert_eq!(view.input(Field::UserData).value(), "TCK-1");
    js_sys::Reflect::set(
        &options,
        &JsValue::from_str("lang"),
        &JsValue::from_str("de"),
    )
    .unwrap();
    handle.update(options);
    yew::scheduler::flush().await;
    assert_eq!(view.text("h2").as_deref(), Some("Neues Ticket"));
    handle.destroy();
    yew::scheduler::flush().await;
    assert_eq!(host.shadow_root().unwrap().child_element_count(), 0);
    let unknown = js_sys::Object::new();
    js_sys::Reflect::set(
        &unknown,
        &JsValue::from_str("widget"),
        &JsValue::from_str("coffee-machine"),
    )
    .unwrap();
    assert!(
        js_api::mount(dom::fresh_host(), unknown).is_err(),
        "an unknown widget is refused"
    );
    host.remove();
}

#[wasm_bindgen_test]
async fn the_texts_option_replaces_texts_in_the_form_and_in_host_events() {
    let invalid = listen("jtel-invalid");
    let host = element(&[
        ("group", "235"),
        ("lang", "de"),
        (
            "texts",
            r#"{"form-title.callback": "Wir rufen Sie an", "error.phone-too-short": "Mindestens 7 Ziffern, bitte"}"#,
        ),
    ])
    .await;
    let view = shadow(&host);
    assert_eq!(view.text("h2").as_deref(), Some("Wir rufen Sie an"));
    view.type_into(Field::Sender, "12").await;
    view.click("button[type=submit]").await;
    let fields = js_sys::Array::from(&get(
        invalid.borrow().last().expect("jtel-invalid"),
        "fields",
    ));
    assert_eq!(
        get(&fields.get(0), "message").as_string().as_deref(),
        Some("Mindestens 7 Ziffern, bitte")
    );
    // Texts without a replacement keep the language's own words.
    assert_eq!(
        get(&fields.get(1), "message").as_string().as_deref(),
        Some("Füllen Sie dieses Feld aus.")
    );
    host.remove();

    // A key no text has is not dropped in silence: the host hears which option was refused.
    let refused = listen("jtel-config-error");
    let host = element(&[("group", "235"), ("texts", r#"{"no.such.key": "x"}"#)]).await;
    assert_eq!(
        refused
            .borrow()
            .last()
            .map(|detail| get(detail, "option").as_string()),
        Some(Some("texts".to_owned()))
    );
    host.remove();

    // mount() takes the replacements as an object.
    let host = dom::fresh_host();
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"widget".into(), &"acd-event-form".into()).unwrap();
    let texts = js_sys::Object::new();
    js_sys::Reflect::set(&texts, &"submit.callback".into(), &"Call me back".into()).unwrap();
    js_sys::Reflect::set(&options, &"texts".into(), &texts).unwrap();
    let Ok(mut handle) = js_api::mount(host.clone(), options) else {
        panic!("mount() refused a valid widget");
    };
    yew::scheduler::flush().await;
    assert_eq!(
        shadow(&host).text("button[type=submit]").as_deref(),
        Some("Call me back")
    );
    handle.destroy();
    host.remove();
}

#[wasm_bindgen_test]
async fn every_form_fits_a_320_pixel_wide_host() {
    let layouts: [&[(&str, &str)]; 3] = [
        &[
            ("group", "235"),
            ("subject-template", "Callback request from {Sender}"),
            (
                "crm-url",
                "https://crm.example.com/contacts/987654/with/a/long/path",
            ),
        ],
        &[
            ("event-type", "choose"),
            ("group", "choose"),
            ("agent", "choose"),
            ("receiver", "choose"),
            ("lang", "de"),
        ],
        &[("event-type", "email"), ("group", "235"), ("lang", "de")],
    ];
    for attributes in layouts {
        let host = element(attributes).await;
        host.set_attribute("style", "display: block; width: 320px")
            .unwrap();
        yew::scheduler::flush().await;
        let view = shadow(&host);
        let widget = view.find(".jtel-widget").expect("the widget renders");
        assert!(
            widget.scroll_width() <= 320,
            "{attributes:?}: the widget is {} px wide",
            widget.scroll_width()
        );
        let right_edge = host.get_bounding_client_rect().right();
        for control in view.find_all("input, textarea, button:not([aria-hidden])") {
            let right = control.get_bounding_client_rect().right();
            assert!(
                right <= right_edge + 0.5,
                "{attributes:?}: {} sticks out ({right} > {right_edge})",
                control.outer_html()
            );
        }
        host.remove();
    }
}
