//! The open shadow root a widget renders into, with the widget stylesheet adopted inside it:
//! host CSS cannot reach the form, and the form's CSS cannot leak out. Theming passes through
//! CSS custom properties (`--jtel-accent`, …) and `::part()` names.

use wasm_bindgen::JsCast;
use web_sys::{CssStyleSheet, Element, ShadowRootInit, ShadowRootMode};

/// The widget stylesheet, built into the bundle.
const STYLESHEET: &str = include_str!("../../static/jtel-widgets.css");

/// The element inside `host`'s shadow root that a widget mounts into (created on first use).
/// A constructable stylesheet is adopted, so no inline `<style>` is needed and a strict
/// Content-Security-Policy without `'unsafe-inline'` still works.
pub fn mount_point(host: &Element) -> Option<Element> {
    let root = match host.shadow_root() {
        Some(root) => root,
        None => host
            .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
            .ok()?,
    };
    if let Some(existing) = root.first_element_child() {
        return Some(existing);
    }
    let sheet = CssStyleSheet::new().ok()?;
    sheet.replace_sync(STYLESHEET).ok()?;
    root.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
    let document = host.owner_document()?;
    let container = document.create_element("div").ok()?;
    container.set_class_name("jtel-root");
    root.append_child(&container).ok()?;
    container.dyn_into().ok()
}
