//! The standalone page for hosts that allow only iframes (Salesforce, HubSpot, Zendesk):
//! `frame.html?widget=acd-event-form&lang=de` renders that widget. Its deployment (the
//! `#jtel-deployment` JSON element in the page, see [`super::link_policy`]) gives the settings
//! and decides which ones a link may choose; the page tells the user and the console which of
//! the link's settings it ignored.

use crate::embed::config;
use crate::embed::link_policy::{
    Deployment, Ignored, IgnoredBecause, LinkDecision, PARENT_ORIGIN, WIDGET,
};
use crate::embed::widget::WidgetKind;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{console, Document, Element, UrlSearchParams};

/// The id of the element that holds the page's deployment.
const DEPLOYMENT_ID: &str = "jtel-deployment";

/// On a page with an element marked `data-jtel-frame` (its `<main>`), creates the widget the
/// deployment and the link choose inside it, configured by the deployment and the settings the
/// link may set; the widget's title becomes the page's `<h1>`. Does nothing elsewhere.
pub fn mount_from_url() {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let Some(frame) = document.query_selector("[data-jtel-frame]").ok().flatten() else {
        return;
    };
    let deployment = read_deployment(&document);
    let link = link_settings(&document);
    let (kind, unusable_widget) = chosen_kind(&deployment, &link);
    let Some(kind) = kind else {
        return;
    };
    let mut decision = deployment.decide(&link, kind.keys());
    decision.ignored.extend(unusable_widget);
    for ignored in &decision.ignored {
        console::warn_1(&JsValue::from_str(&ignored.to_string()));
    }
    let Ok(element) = document.create_element(kind.element_name()) else {
        return;
    };
    for (key, value) in &decision.settings {
        let _ = element.set_attribute(key, value);
    }
    if element.get_attribute("heading-level").is_none() {
        let _ = element.set_attribute("heading-level", "1");
    }
    show_notices(&document, &frame, &decision, kind, &element);
    let _ = frame.append_child(element.unchecked_ref());
}

/// The deployment written into the page; the safe defaults, with a console message, when it
/// is missing or cannot be read.
fn read_deployment(document: &Document) -> Deployment {
    let Some(text) = document
        .get_element_by_id(DEPLOYMENT_ID)
        .and_then(|element| element.text_content())
    else {
        console::warn_1(&JsValue::from_str(
            "frame.html has no #jtel-deployment element: sending to /jtel and letting links set \
             only display settings",
        ));
        return Deployment::default();
    };
    let (deployment, problems) = Deployment::read(&text);
    for problem in problems {
        console::error_1(&JsValue::from_str(&format!("frame.html: {problem}")));
    }
    for key in deployment.keys() {
        if key != WIDGET
            && !WidgetKind::ALL
                .iter()
                .any(|kind| kind.keys().contains(&key))
        {
            console::error_1(&JsValue::from_str(&format!(
                "frame.html: the deployment's \"{key}\" is not a setting of any widget; it is not applied"
            )));
        }
    }
    deployment
}

/// Every `key=value` of the page's query, decoded, in order (repeated keys included), but
/// `parent-origin`, which only `static/jtel-frame.js` reads.
fn link_settings(document: &Document) -> Vec<(String, String)> {
    let Some(params) = document
        .location()
        .and_then(|location| location.search().ok())
        .and_then(|search| UrlSearchParams::new_with_str(&search).ok())
    else {
        return Vec::new();
    };
    let Ok(Some(entries)) = js_sys::try_iter(&params) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|entry| {
            let pair = entry.dyn_into::<js_sys::Array>().ok()?;
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .filter(|(key, _)| key != PARENT_ORIGIN)
        .collect()
}

/// The widget the link names (when it may), else the deployment's, else the first in this
/// bundle; with the link's `widget` as ignored when it names none this page holds.
fn chosen_kind(
    deployment: &Deployment,
    link: &[(String, String)],
) -> (Option<WidgetKind>, Option<Ignored>) {
    let bundled = |name: &str| WidgetKind::from_name(name).filter(|kind| kind.is_bundled());
    let from_link = deployment.link_value(link, WIDGET);
    let unusable = from_link
        .filter(|name| bundled(name).is_none())
        .map(|_| Ignored {
            key: WIDGET.to_owned(),
            reason: IgnoredBecause::NoSuchWidget,
        });
    let kind = from_link
        .and_then(bundled)
        .or_else(|| deployment.value(WIDGET).and_then(bundled))
        .or_else(|| WidgetKind::bundled().next());
    (kind, unusable)
}

/// Puts the notices about the link before the widget: what it set that routes data or speaks
/// for the page, and what the page ignored, in the widget's language.
fn show_notices(
    document: &Document,
    frame: &Element,
    decision: &LinkDecision,
    kind: WidgetKind,
    widget: &Element,
) {
    let texts = config::texts(&config::ElementOptions(widget));
    let notices = [
        decision.marked_notice(&texts),
        decision.ignored_notice(kind.keys(), &texts),
    ];
    for text in notices.into_iter().flatten() {
        let Ok(notice) = document.create_element("p") else {
            continue;
        };
        notice.set_class_name("jtel-frame-notice");
        notice.set_text_content(Some(&text));
        let _ = frame.append_child(&notice);
    }
}
