//! The open shadow root a widget renders into, with the widget stylesheet adopted inside it:
//! host CSS cannot reach the form, and the form's CSS cannot leak out. Theming passes through
//! CSS custom properties (`--jtel-accent`, …) and `::part()` names.
//!
//! Until the widget has rendered, the shadow root shows the host element's own children
//! (a `<slot>` after the widget's root, hidden by the stylesheet once the root holds anything):
//! the page's fallback text (for example "Call us: +49 …") stays in view while the widget
//! starts, instead of an empty box.

use web_sys::{CssStyleSheet, Element, ShadowRoot, ShadowRootInit, ShadowRootMode};

/// The widget stylesheet (`static/jtel-widgets.css`, minified by `build.rs`), built into the
/// bundle.
const STYLESHEET: &str = include_str!(concat!(env!("OUT_DIR"), "/jtel-widgets.min.css"));

thread_local! {
    /// The stylesheet, parsed once per page and adopted by every widget's shadow root.
    static SHEET: Option<CssStyleSheet> = {
        let sheet = CssStyleSheet::new().ok()?;
        sheet.replace_sync(STYLESHEET).ok()?;
        Some(sheet)
    };
}

/// `host`'s shadow root (attached on first use) with the widget stylesheet adopted. A
/// constructable stylesheet is adopted, so no inline `<style>` is needed and a strict
/// Content-Security-Policy without `'unsafe-inline'` still works.
pub fn open(host: &Element) -> Option<ShadowRoot> {
    if let Some(root) = host.shadow_root() {
        return Some(root);
    }
    let root = host
        .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
        .ok()?;
    let sheet = SHEET.with(Clone::clone)?;
    root.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
    Some(root)
}

/// Puts a `<slot>` at the end of `root`, so the host element's children show until the
/// widget rendered before it holds anything (the rule `.jtel-root:not(:empty) ~ slot` in the
/// stylesheet).
pub fn show_host_children(root: &ShadowRoot) {
    if let Some(slot) = root
        .owner_document()
        .and_then(|document| document.create_element("slot").ok())
    {
        let _ = root.append_child(&slot);
    }
}
