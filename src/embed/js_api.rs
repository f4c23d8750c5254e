//! `mount(element, options)` for host pages that prefer code to custom elements:
//!
//! ```js
//! import { ready, mount } from "/jtel/jtel-widgets-loader.js";
//! await ready;
//! const form = mount(document.querySelector("#callback"), { widget: "acd-event-form", group: 235 });
//! form.update({ group: 235, sender: "0199 123456789" });
//! form.destroy();
//! ```
//!
//! Options use the attribute names in camelCase (`baseUrl`, `eventType`, `crmUrl`, …).

use crate::embed::config::{ConfigSource, JsOptions};
use crate::embed::widget::{MountedWidget, WidgetKind};
use wasm_bindgen::prelude::*;
use web_sys::Element;

/// A widget mounted with [`mount`].
#[wasm_bindgen]
pub struct WidgetHandle {
    widget: Option<MountedWidget>,
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Applies new options; what the user typed stays.
    pub fn update(&mut self, options: js_sys::Object) {
        if let Some(widget) = &mut self.widget {
            widget.update(&JsOptions(options));
        }
    }

    /// Removes the widget; later calls do nothing.
    pub fn destroy(&mut self) {
        if let Some(widget) = self.widget.take() {
            widget.destroy();
        }
    }
}

/// Renders the widget named by `options.widget` (default `acd-event-form`) into `element`'s
/// shadow root.
#[wasm_bindgen]
pub fn mount(element: Element, options: js_sys::Object) -> Result<WidgetHandle, JsError> {
    let options = JsOptions(options);
    let name = options
        .value("widget")
        .unwrap_or_else(|| "acd-event-form".to_owned());
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
    })
}
