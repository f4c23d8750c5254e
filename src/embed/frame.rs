//! The standalone page for hosts that allow only iframes (Salesforce, HubSpot, Zendesk):
//! `frame.html?widget=acd-event-form&group=235&lang=de` renders that widget with the URL's
//! parameters as its configuration (attribute names: `base-url`, `event-type`, …).

use crate::embed::config::ConfigSource;
use crate::embed::widget::WidgetKind;
use wasm_bindgen::JsCast;
use web_sys::UrlSearchParams;

impl ConfigSource for UrlSearchParams {
    fn value(&self, key: &str) -> Option<String> {
        self.get(key).filter(|value| !value.trim().is_empty())
    }
}

/// On a page with an element marked `data-jtel-frame` (its `<main>`), creates the widget
/// element named by the `widget` URL parameter inside it, with the other parameters as
/// attributes; the widget's title becomes the page's `<h1>`. Does nothing elsewhere.
pub fn mount_from_url() {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let Some(frame) = document.query_selector("[data-jtel-frame]").ok().flatten() else {
        return;
    };
    let Some(params) = document
        .location()
        .and_then(|location| location.search().ok())
        .and_then(|search| UrlSearchParams::new_with_str(&search).ok())
    else {
        return;
    };
    let kind = params
        .value("widget")
        .and_then(|name| WidgetKind::from_name(&name))
        .filter(|kind| kind.is_bundled())
        .or_else(|| WidgetKind::bundled().next());
    let Some(kind) = kind else {
        return;
    };
    let Ok(element) = document.create_element(kind.element_name()) else {
        return;
    };
    // Never take a token from the URL: it would end up in logs, history and referrers.
    for key in kind.keys().iter().filter(|key| **key != "token") {
        if let Some(value) = params.value(key) {
            let _ = element.set_attribute(key, &value);
        }
    }
    if params.value("heading-level").is_none() {
        let _ = element.set_attribute("heading-level", "1");
    }
    let _ = frame.append_child(element.unchecked_ref());
}
