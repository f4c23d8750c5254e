//! Browser tests: no option is ignored in silence. A value of a shape an option does not take —
//! by attribute, property or `update()`, at mount or later — replaces the form with a
//! configuration notice, writes one console error naming the option and what it accepts, and
//! fires a bubbling, composed `jtel-config-error` event with `{ option, value, accepted }`.
//! The accepted shapes (booleans or on/off, arrays or comma lists, numbers or numeric strings)
//! are taken as they are. `credentials` is taken from a property or option only, and its
//! value is never repeated.
#![cfg(target_arch = "wasm32")]

mod dom;

use dom::embedded::{camel, document, form, Way, Widget, WAYS};
use dom::{install_canned_fetch, last_sent, sent_requests, serve};
use js_sys::{Array, Reflect};
use jtel_widgets::embed::custom_elements;
use jtel_widgets::jtel_core::Field;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::CustomEvent;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = r#"
export function capture_console_errors() {
  if (window.__jtelConsoleErrors) return;
  window.__jtelConsoleErrors = [];
  const original = console.error;
  console.error = (...args) => { window.__jtelConsoleErrors.push(args.join(" ")); original(...args); };
}
export function console_errors() { return window.__jtelConsoleErrors.splice(0).join("\n"); }
"#)]
extern "C" {
    fn capture_console_errors();
    /// The console errors since the last call, one per line.
    fn console_errors() -> String;
}

/// Every `jtel-config-error` that reaches the document: its target and its `detail`.
type Heard = Rc<RefCell<Vec<(JsValue, JsValue)>>>;

/// Records every `jtel-config-error` that reaches the document.
fn config_errors() -> Heard {
    let seen = Rc::new(RefCell::new(Vec::new()));
    let sink = seen.clone();
    let listener = Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
        assert!(event.bubbles() && event.composed());
        let target = event.target().map(JsValue::from).unwrap_or_default();
        sink.borrow_mut()
            .push((target, event.unchecked_into::<CustomEvent>().detail()));
    });
    document()
        .add_event_listener_with_callback("jtel-config-error", listener.as_ref().unchecked_ref())
        .unwrap();
    listener.forget();
    seen
}

/// The details of the events `widget`'s element sent.
fn details_from(heard: &Heard, widget: &Widget) -> Vec<JsValue> {
    let host: JsValue = widget.host.clone().into();
    heard
        .borrow()
        .iter()
        .filter(|(target, _)| *target == host)
        .map(|(_, detail)| detail.clone())
        .collect()
}

fn get(value: &JsValue, key: &str) -> String {
    Reflect::get(value, &key.into())
        .unwrap()
        .as_string()
        .unwrap_or_default()
}

/// A value an option does not take: the attribute text and the property / `update()` value.
struct Bad {
    key: &'static str,
    text: &'static str,
    value: fn() -> JsValue,
    /// A word of what the option accepts.
    accepted: &'static str,
}

fn bad_values() -> Vec<Bad> {
    vec![
        Bad {
            key: "lang",
            text: "fr",
            value: || "fr".into(),
            accepted: "en, de",
        },
        Bad {
            key: "event-type",
            text: "nonsense",
            value: || "nonsense".into(),
            accepted: "callback",
        },
        Bad {
            key: "group",
            text: "abc",
            value: || "abc".into(),
            accepted: "group id",
        },
        Bad {
            key: "agent",
            text: "-3",
            value: || (-3).into(),
            accepted: "agent id",
        },
        Bad {
            key: "store-draft",
            text: "maybe",
            value: || "maybe".into(),
            accepted: "true, false, on, off",
        },
        Bad {
            key: "heading-level",
            text: "9",
            value: || 9.into(),
            accepted: "1 to 6",
        },
        Bad {
            key: "timeout",
            text: "soon",
            value: || "soon".into(),
            accepted: "seconds",
        },
        Bad {
            key: "loading",
            text: "later",
            value: || "later".into(),
            accepted: "eager, lazy",
        },
        Bad {
            key: "read-only",
            text: "Sender,Nope",
            value: || Array::of2(&"Sender".into(), &"Nope".into()).into(),
            accepted: "field names",
        },
        Bad {
            key: "hidden-fields",
            text: "CrmURL,Reference",
            value: || Array::of2(&"CrmURL".into(), &"Reference".into()).into(),
            accepted: "field names",
        },
    ]
}

#[wasm_bindgen_test]
async fn an_unknown_value_replaces_the_form_with_a_notice_and_is_announced_once() {
    capture_console_errors();
    let heard = config_errors();
    for bad in bad_values() {
        for way in WAYS {
            let base = format!("https://jtel.test/bad-{}-{way:?}", bad.key);
            let mut widget = form(way, &base, &[]).await;
            let view = widget.view();
            view.type_into(Field::Body, "typed before").await;
            console_errors();
            heard.borrow_mut().clear();
            widget.set(way, bad.key, bad.text, (bad.value)()).await;
            let what = format!("{} by {way:?}", bad.key);

            let notice = view
                .text(".jtel-config-notice [role=alert]")
                .unwrap_or_else(|| panic!("{what}: no notice"));
            assert!(notice.contains(bad.key), "{what}: {notice}");
            assert!(
                view.find(".jtel-root[hidden]").is_some(),
                "{what}: the form is not shown"
            );
            let logged = console_errors();
            assert_eq!(logged.lines().count(), 1, "{what}: {logged}");
            assert!(
                logged.contains(&format!("\"{}\"", bad.key)) && logged.contains(bad.accepted),
                "{what}: {logged}"
            );
            let events = details_from(&heard, &widget);
            assert_eq!(events.len(), 1, "{what}");
            assert_eq!(get(&events[0], "option"), bad.key, "{what}");
            assert_eq!(get(&events[0], "property"), camel(bad.key), "{what}");
            assert!(get(&events[0], "accepted").contains(bad.accepted), "{what}");
            assert!(!get(&events[0], "value").is_empty(), "{what}");

            // Another change that leaves the bad value in place says nothing new.
            widget.set(way, "subject", "Still", "Still".into()).await;
            assert_eq!(console_errors(), "", "{what}: announced once");

            // Put right, the form is back with what the user typed.
            widget.set(way, bad.key, "", "".into()).await;
            assert!(view.find(".jtel-config-notice").is_none(), "{what}");
            assert!(view.find(".jtel-root[hidden]").is_none(), "{what}");
            assert_eq!(view.input(Field::Body).value(), "typed before", "{what}");
        }
    }
}

#[wasm_bindgen_test]
async fn a_bad_value_at_mount_shows_the_notice_instead_of_a_form() {
    capture_console_errors();
    let heard = config_errors();
    for way in WAYS {
        heard.borrow_mut().clear();
        let widget = Widget::mount_unready(
            way,
            "jtel-acd-event-form",
            &[("group", "235"), ("event-type", "nonsense"), ("lang", "fr")],
        )
        .await;
        let view = widget.view();
        assert!(
            view.find("form").is_none(),
            "{way:?}: no form that would send"
        );
        let notice = view.text(".jtel-config-notice").unwrap();
        assert!(
            notice.contains("event-type") && notice.contains("lang"),
            "{way:?}: {notice}"
        );
        assert_eq!(details_from(&heard, &widget).len(), 2, "{way:?}");
        assert_eq!(console_errors().lines().count(), 2, "{way:?}");
    }
}

#[wasm_bindgen_test]
async fn booleans_lists_and_numbers_are_taken_in_every_accepted_shape() {
    capture_console_errors();
    /// An option and a value of an accepted shape.
    type Shape = (&'static str, fn() -> JsValue);
    let shapes: [Shape; 10] = [
        ("store-draft", || false.into()),
        ("store-draft", || "off".into()),
        ("store-draft", || "on".into()),
        ("store-draft", || true.into()),
        ("read-only", || {
            Array::of2(&"Sender".into(), &"Body".into()).into()
        }),
        ("read-only", || "Sender, Body".into()),
        ("hidden-fields", || {
            Array::of2(&"CrmURL".into(), &"UserData".into()).into()
        }),
        ("hidden-fields", || "CrmURL UserData".into()),
        ("group", || 236.into()),
        ("group", || "236".into()),
    ];
    for (key, value) in shapes {
        for way in [Way::Property, Way::Update] {
            let mut widget =
                form(way, &format!("https://jtel.test/shape-{key}-{way:?}"), &[]).await;
            console_errors();
            widget.set(way, key, "", value()).await;
            assert_eq!(console_errors(), "", "{key} by {way:?}");
            assert!(
                widget.view().find(".jtel-config-notice").is_none(),
                "{key} by {way:?}"
            );
        }
    }
}

/// A cockpit list at `base` (nothing canned: its load fails with 404) whose `credentials`
/// property is set to `value` before it is put into the page.
async fn list_with_credentials(base: &str, value: &JsValue) -> Widget {
    install_canned_fetch();
    custom_elements::register();
    let host = document().create_element("jtel-cockpit-variables").unwrap();
    host.set_attribute("base-url", base).unwrap();
    Reflect::set(&host, &"credentials".into(), value).unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    yew::scheduler::flush().await;
    Widget::from_element(host)
}

#[wasm_bindgen_test]
async fn credentials_come_only_from_a_property_or_option_and_are_never_echoed() {
    capture_console_errors();
    let heard = config_errors();
    let secret = "staff-token-never-echoed";
    // An attribute (markup, or a link to the iframe page) is never read; nor a number, nor
    // credentials beside a token.
    let refused = [
        (
            Widget::mount_unready(
                Way::Attribute,
                "jtel-cockpit-variables",
                &[("credentials", secret)],
            )
            .await,
            "an attribute",
        ),
        (
            list_with_credentials("https://jtel.test/credentials-number", &7.into()).await,
            "number",
        ),
        (
            Widget::mount_unready(
                Way::Update,
                "jtel-cockpit-variables",
                &[("token", "direct"), ("credentials", secret)],
            )
            .await,
            "beside token",
        ),
    ];
    for (widget, why) in &refused {
        let notice = widget
            .view()
            .text(".jtel-config-notice")
            .unwrap_or_default();
        assert!(notice.contains("credentials"), "{why}: {notice}");
        let events = details_from(&heard, widget);
        assert_eq!(events.len(), 1, "{why}");
        assert_eq!(get(&events[0], "value"), format!("({why})"));
        assert!(get(&events[0], "accepted").contains("never an attribute"));
    }
    let logged = console_errors();
    assert_eq!(logged.lines().count(), 3, "{logged}");
    assert!(!logged.contains(secret), "{logged}");

    // A function as the property: asked when the first request needs a token, its answer sent;
    // the property is not readable back and no attribute appears. A 401 asks once more and
    // sends once more, then the error stays (the canned jtel refuses every token).
    let base = "https://jtel.test/credentials-function";
    serve("GET", &format!("{base}/cockpitVariables"), 401, "", 0);
    let calls = js_sys::Function::new_no_args(
        "window.__jtelCredentialCalls = (window.__jtelCredentialCalls || 0) + 1; \
         return Promise.resolve('token-' + window.__jtelCredentialCalls);",
    );
    let widget = list_with_credentials(base, &calls.into()).await;
    let key = format!("GET {base}/cockpitVariables");
    for _ in 0..100 {
        if widget.view().find("[role=alert]").is_some() {
            break;
        }
        gloo_timers::future::sleep(std::time::Duration::from_millis(20)).await;
    }
    let sent: Vec<_> = sent_requests()
        .lines()
        .filter(|line| *line == key)
        .map(str::to_owned)
        .collect();
    assert_eq!(sent.len(), 2, "sent once, and once more after the 401");
    let last: serde_json::Value = serde_json::from_str(&last_sent(&key).unwrap()).unwrap();
    assert_eq!(last["authorization"], "Bearer token-2");
    let window = web_sys::window().unwrap();
    assert_eq!(
        Reflect::get(&window, &"__jtelCredentialCalls".into()).unwrap(),
        2
    );
    assert!(Reflect::get(&widget.host, &"credentials".into())
        .unwrap()
        .is_undefined());
    assert!(!widget.host.has_attribute("credentials"));
    assert!(widget
        .view()
        .text("[role=alert]")
        .unwrap()
        .contains("you may be signed out"));
}
