//! The open shadow root a widget renders into, with the widget stylesheet adopted inside it:
//! host CSS cannot reach the form, and the form's CSS cannot leak out. Theming passes through
//! CSS custom properties (`--jtel-accent`, …) and `::part()` names.

use web_sys::{CssStyleSheet, Element, ShadowRoot, ShadowRootInit, ShadowRootMode};

/// The widget stylesheet, built into the bundle.
const STYLESHEET: &str = include_str!("../../static/jtel-widgets.css");

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
