//! `mount(element, options)` for host pages that prefer code to custom elements:
//!
//! ```js
//! import { ready, mount } from "/jtel/jtel-widgets-loader.js";
//! await ready;
//! const form = mount(document.querySelector("#callback"), { widget: "acd-event-form", group: 235 });
//! await form.ready;
//! form.update({ group: 236, sender: "0199 123456789" }); // merged into the options; null removes one
//! const outcome = await form.submit();                     // { status: "created", event } …
//! form.destroy();
//! ```
//!
//! Options use the attribute names in camelCase (`baseUrl`, `eventType`, `crmUrl`, …).

use crate::embed::commands;
use crate::embed::config::JsOptions;
use crate::embed::widget::{MountedWidget, WidgetKind};
use js_sys::{Object, Promise};
use jtel_core::options::{OptionValue, Options};
use wasm_bindgen::prelude::*;
use web_sys::Element;

/// A widget mounted with [`mount`].
#[wasm_bindgen]
pub struct WidgetHandle {
    widget: Option<MountedWidget>,
    /// The options so far: `mount()`'s, with every `update()` merged in.
    options: Object,
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Merges `options` into the widget's options and applies them; what the user typed
    /// stays. A key set to `null` or `undefined` goes back to its default.
    pub fn update(&mut self, options: Object) {
        Object::assign(&self.options, &options);
        if let Some(widget) = &mut self.widget {
            widget.update(&JsOptions(self.options.clone()));
        }
    }

    /// Resolved once the form accepts input.
    #[wasm_bindgen(getter)]
    pub fn ready(&self) -> Result<Promise, JsError> {
        Ok(commands::ready(self.mounted()?))
    }

    /// Starts over: what the user typed is dropped, the host page's prefill shows.
    pub fn reset(&self) -> Result<(), JsError> {
        commands::run(self.mounted()?, "reset", JsValue::UNDEFINED).map(drop)
    }

    /// Sets fields as if the user had typed them: `{ Sender: "…", Subject: "…" }`.
    #[wasm_bindgen(js_name = setValues)]
    pub fn set_values(&self, values: JsValue) -> Result<(), JsError> {
        commands::run(self.mounted()?, "setValues", values).map(drop)
    }

    /// Submits as the submit button does: a promise of the outcome (`{ status, … }`).
    pub fn submit(&self) -> Result<JsValue, JsError> {
        commands::run(self.mounted()?, "submit", JsValue::UNDEFINED)
    }

    /// Removes the widget; later calls do nothing.
    pub fn destroy(&mut self) {
        if let Some(widget) = self.widget.take() {
            widget.destroy();
        }
    }

    fn mounted(&self) -> Result<&MountedWidget, JsError> {
        self.widget
            .as_ref()
            .ok_or_else(|| JsError::new("the widget was destroyed"))
    }
}

/// Renders the widget named by `options.widget` (default `acd-event-form`) into `element`'s
/// shadow root.
#[wasm_bindgen]
pub fn mount(element: Element, options: Object) -> Result<WidgetHandle, JsError> {
    let options = JsOptions(Object::assign(&Object::new(), &options));
    let name = match options.get("widget") {
        Some(OptionValue::Text(name)) => name,
        None => "acd-event-form".to_owned(),
        Some(other) => other.describe(),
    };
    let kind = WidgetKind::from_name(&name)
        .ok_or_else(|| JsError::new(&format!("unknown widget \"{name}\"")))?;
    if !kind.is_bundled() {
        return Err(JsError::new(&format!(
            "this bundle does not hold the widget \"{name}\"; load jtel-widgets-loader.js for every widget"
        )));
    }
    let widget = MountedWidget::mount(&element, kind, &options)
        .ok_or_else(|| JsError::new("the element cannot hold a shadow root"))?;
    Ok(WidgetHandle {
        widget: Some(widget),
        options: options.0,
    })
}
