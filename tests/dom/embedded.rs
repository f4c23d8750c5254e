//! Widgets embedded the ways a host page embeds them — a custom element with attributes or
//! properties, or `mount()` — and the host page's side of them: changing a setting, `ready`,
//! `submit()`, `setValues()`, against the canned jtel (see [`super::serve`]).

use super::{install_canned_fetch, last_sent, sent_requests, serve, View};
use js_sys::{Function, Object, Promise, Reflect};
use jtel_widgets::embed::custom_elements;
use jtel_widgets::embed::js_api::{self, WidgetHandle};
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Element;

/// How the host page changes a setting after mount.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Way {
    /// `element.setAttribute("event-type", "ticket")`.
    Attribute,
    /// `element.eventType = "ticket"` (numbers, booleans and arrays as such).
    Property,
    /// `handle.update({ eventType: "ticket" })` on the handle `mount()` returned.
    Update,
}

pub const WAYS: [Way; 3] = [Way::Attribute, Way::Property, Way::Update];

pub fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

pub fn camel(key: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in key.chars() {
        match (c, upper) {
            ('-', _) => upper = true,
            (c, true) => {
                out.push(c.to_ascii_uppercase());
                upper = false;
            }
            (c, false) => out.push(c),
        }
    }
    out
}

pub fn object(pairs: &[(&str, JsValue)]) -> Object {
    let object = Object::new();
    for (key, value) in pairs {
        Reflect::set(&object, &JsValue::from_str(key), value).unwrap();
    }
    object
}

/// A widget mounted one of the three ways, in a fresh host element.
pub struct Widget {
    /// The element the widget renders into.
    pub host: Element,
    handle: Option<WidgetHandle>,
}

impl Widget {
    /// `tag` with `settings` (attribute names and texts): a custom element for
    /// [`Way::Attribute`] and [`Way::Property`], `mount()` into a `div` for [`Way::Update`].
    pub async fn mount(way: Way, tag: &str, settings: &[(&str, &str)]) -> Self {
        let widget = Self::mount_unready(way, tag, settings).await;
        widget.ready().await;
        widget
    }

    /// Like [`Widget::mount`], without waiting for `ready` (a misconfigured widget never is).
    pub async fn mount_unready(way: Way, tag: &str, settings: &[(&str, &str)]) -> Self {
        custom_elements::register();
        let widget = if way == Way::Update {
            let host = super::fresh_host();
            let mut options: Vec<(String, JsValue)> = settings
                .iter()
                .map(|(key, value)| (camel(key), JsValue::from_str(value)))
                .collect();
            options.push(("widget".into(), tag.trim_start_matches("jtel-").into()));
            let pairs: Vec<(&str, JsValue)> = options
                .iter()
                .map(|(key, value)| (key.as_str(), value.clone()))
                .collect();
            let Ok(handle) = js_api::mount(host.clone(), object(&pairs)) else {
                panic!("mount() refused {settings:?}");
            };
            Self {
                host,
                handle: Some(handle),
            }
        } else {
            let host = document().create_element(tag).unwrap();
            for (key, value) in settings {
                host.set_attribute(key, value).unwrap();
            }
            document().body().unwrap().append_child(&host).unwrap();
            Self { host, handle: None }
        };
        yew::scheduler::flush().await;
        widget
    }

    /// A custom element the test put into the page itself.
    pub fn from_element(host: Element) -> Self {
        Self { host, handle: None }
    }

    pub fn view(&self) -> View {
        View {
            root: self.host.shadow_root().expect("an open shadow root").into(),
        }
    }

    /// `ready`: the element's property, or the handle's.
    pub async fn ready(&self) {
        let promise: Promise = match &self.handle {
            Some(handle) => handle.ready().unwrap_or_else(|_| panic!("no ready")),
            None => Reflect::get(&self.host, &"ready".into())
                .unwrap()
                .unchecked_into(),
        };
        JsFuture::from(promise).await.expect("ready resolves");
    }

    /// Changes `key` the `way` given: `text` as the attribute, `value` as the property and
    /// in `update()`.
    pub async fn set(&mut self, way: Way, key: &str, text: &str, value: JsValue) {
        match way {
            Way::Attribute => self.host.set_attribute(key, text).unwrap(),
            Way::Property => {
                Reflect::set(&self.host, &camel(key).into(), &value).unwrap();
            }
            Way::Update => {
                let handle = self.handle.as_mut().expect("mounted with mount()");
                handle.update(object(&[(&camel(key), value)]));
            }
        }
        yew::scheduler::flush().await;
    }

    /// Calls the method `name` of the element (or the handle) with `argument`.
    fn call(&self, name: &str, argument: JsValue) -> JsValue {
        let refused = |_| panic!("{name}() threw");
        match (&self.handle, name) {
            (Some(handle), "submit") => handle.submit().unwrap_or_else(refused),
            (Some(handle), "reset") => handle
                .reset()
                .map(|()| JsValue::UNDEFINED)
                .unwrap_or_else(refused),
            (Some(handle), _) => handle
                .set_values(argument)
                .map(|()| JsValue::UNDEFINED)
                .unwrap_or_else(refused),
            (None, _) => Reflect::get(&self.host, &name.into())
                .unwrap()
                .unchecked_into::<Function>()
                .call1(&self.host, &argument)
                .unwrap_or_else(|error| panic!("{name}() threw {error:?}")),
        }
    }

    /// `submit()`, and the outcome it resolves to.
    pub async fn submit(&self) -> Value {
        self.submit_started().await.finish().await
    }

    /// `submit()`, once the request (if any) is on its way.
    pub async fn submit_started(&self) -> Submitted {
        let promise: Promise = self.call("submit", JsValue::UNDEFINED).unchecked_into();
        yew::scheduler::flush().await;
        Submitted(promise)
    }

    /// `reset()`.
    pub async fn reset(&self) {
        self.call("reset", JsValue::UNDEFINED);
        yew::scheduler::flush().await;
    }

    /// `setValues({ … })`.
    pub async fn set_values(&self, values: &[(&str, &str)]) {
        let values: Vec<(&str, JsValue)> = values
            .iter()
            .map(|(key, value)| (*key, JsValue::from_str(value)))
            .collect();
        self.call("setValues", object(&values).into());
        yew::scheduler::flush().await;
    }
}

/// A submit whose request is on its way.
pub struct Submitted(Promise);

impl Submitted {
    /// The outcome, once the answer is in.
    pub async fn finish(self) -> Value {
        let outcome = JsFuture::from(self.0).await.expect("submit resolves");
        serde_json::from_str(
            &js_sys::JSON::stringify(&outcome)
                .unwrap()
                .as_string()
                .unwrap(),
        )
        .unwrap()
    }
}

impl Drop for Widget {
    fn drop(&mut self) {
        if let Some(mut handle) = self.handle.take() {
            handle.destroy();
        }
        self.host.remove();
    }
}

/// A created event as the canned jtel answers it.
pub fn created(id: i64) -> String {
    json!({ "records": [{ "ID": id }], "count": 1, "status": 200 }).to_string()
}

/// A callback form against the canned jtel at `base`, ready to submit (sender and subject
/// prefilled), plus `extra` settings.
pub async fn form(way: Way, base: &str, extra: &[(&str, &str)]) -> Widget {
    install_canned_fetch();
    serve(
        "POST",
        &format!("{base}/acd/events/create"),
        200,
        &created(7),
        0,
    );
    let mut settings = vec![
        ("base-url", base),
        ("group", "235"),
        ("sender", "0199 123456789"),
        ("subject", "Please call"),
    ];
    settings.extend_from_slice(extra);
    Widget::mount(way, "jtel-acd-event-form", &settings).await
}

/// The body and `Authorization` of the latest create request sent to `base`.
pub fn last_create(base: &str) -> (Value, Option<String>) {
    let sent = last_sent(&format!("POST {base}/acd/events/create"))
        .unwrap_or_else(|| panic!("nothing was sent to {base}: {}", sent_requests()));
    let sent: Value = serde_json::from_str(&sent).unwrap();
    let body = serde_json::from_str(sent["body"].as_str().unwrap()).unwrap();
    (body, sent["authorization"].as_str().map(str::to_owned))
}
