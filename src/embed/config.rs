//! A widget's configuration, read the same way from element attributes and JS options.

use crate::settings::WidgetSettings;
use js_sys::{Object, Reflect};
use jtel_core::event_form::{kind_setting, prefill_fields, EventFormSettings, Setting};
use jtel_core::numbering_plan::Region;
use jtel_core::outcome::SetValueForm;
use jtel_core::{Field, Language};
use wasm_bindgen::JsValue;
use web_sys::Element;
use yew::AttrValue;

/// Where configuration values come from. Keys are written in kebab-case (`base-url`); JS
/// options use the camelCase form (`baseUrl`).
pub trait ConfigSource {
    /// The value of `key`, if set and not empty.
    fn value(&self, key: &str) -> Option<String>;
}

impl ConfigSource for Element {
    fn value(&self, key: &str) -> Option<String> {
        self.get_attribute(key)
            .filter(|value| !value.trim().is_empty())
    }
}

/// A JS options object such as `{ baseUrl: "/jtel", group: 235 }`.
pub struct JsOptions(pub Object);

impl ConfigSource for JsOptions {
    fn value(&self, key: &str) -> Option<String> {
        let value = Reflect::get(&self.0, &JsValue::from_str(&camel_case(key))).ok()?;
        // A number (`group: 235`) is written the way JavaScript writes it, with
        // `Number.prototype.toString`: Rust's float formatting would add about 10 KB to the
        // wasm for the same text (they differ only for ±Infinity, -0 and 1e21 or more, which
        // no option accepts either way).
        let text = value.as_string().or_else(|| {
            let number = js_sys::Number::from(value.as_f64()?);
            number.to_string_with_radix(10).ok().map(String::from)
        })?;
        Some(text).filter(|text| !text.trim().is_empty())
    }
}

fn camel_case(key: &str) -> String {
    let mut parts = key.split('-');
    let first = parts.next().unwrap_or_default().to_owned();
    parts.fold(first, |mut out, part| {
        let mut chars = part.chars();
        if let Some(c) = chars.next() {
            out.push(c.to_ascii_uppercase());
            out.push_str(chars.as_str());
        }
        out
    })
}

/// Every attribute an ACD event form reads (custom elements observe these).
pub const ACD_EVENT_FORM_KEYS: &[&str] = &[
    "base-url",
    "token",
    "event-type",
    "group",
    "agent",
    "receiver",
    "lang",
    "region",
    "country-code",
    "subject-template",
    "subject-template-asap",
    "callback-hours",
    "callback-zone",
    "read-only",
    "sender",
    "subject",
    "body",
    "crm-url",
    "user-data",
    "heading-level",
    "timeout",
    "draft-key",
    "store-draft",
    "id",
];

/// Every attribute a single cockpit variable widget reads.
pub const COCKPIT_VARIABLE_KEYS: &[&str] = &[
    "base-url",
    "token",
    "variable",
    "lang",
    "refresh-seconds",
    "timeout",
    "set-value-form",
];

/// Every attribute the cockpit variable list reads.
pub const COCKPIT_VARIABLES_KEYS: &[&str] =
    &["base-url", "token", "lang", "timeout", "set-value-form"];

/// The language of a widget: `lang` if set, else English.
pub fn language(source: &dyn ConfigSource) -> Language {
    source
        .value("lang")
        .map(|tag| Language::from_tag(&tag))
        .unwrap_or_default()
}

/// The settings every widget shares: `base-url`, `token`, `timeout`, `lang`,
/// `set-value-form`.
pub fn widget_settings(source: &dyn ConfigSource) -> WidgetSettings {
    let defaults = WidgetSettings::default();
    WidgetSettings {
        base_url: source
            .value("base-url")
            .map(AttrValue::from)
            .unwrap_or(defaults.base_url),
        token: source.value("token").map(AttrValue::from),
        timeout_seconds: source
            .value("timeout")
            .and_then(|seconds| seconds.trim().parse().ok())
            .unwrap_or(defaults.timeout_seconds),
        language: language(source),
        set_value_form: set_value_form(source).unwrap_or(defaults.set_value_form),
    }
}

/// `set-value-form` (`path` or `query`), if set. Any other value is reported on the console,
/// naming what is accepted, and the default is used.
fn set_value_form(source: &dyn ConfigSource) -> Option<SetValueForm> {
    let text = source.value("set-value-form")?;
    let form = SetValueForm::from_setting(&text);
    if form.is_none() {
        web_sys::console::warn_1(
            &format!(
                "jtel-widgets: set-value-form \"{text}\" is neither \"path\" nor \"query\"; using \"{}\"",
                SetValueForm::default().name()
            )
            .into(),
        );
    }
    form
}

/// Where a form's draft is kept: `draft-key`, else the element's `id`; none when
/// `store-draft="off"` or neither is set (the draft then lives only as long as the page).
pub fn draft_key(source: &dyn ConfigSource) -> Option<AttrValue> {
    if source
        .value("store-draft")
        .is_some_and(|value| value.trim().eq_ignore_ascii_case("off"))
    {
        return None;
    }
    source
        .value("draft-key")
        .or_else(|| source.value("id"))
        .map(AttrValue::from)
}

/// The cockpit variable id (`variable`); a missing or unreadable id becomes 0, which the form
/// reports as not found.
pub fn variable_id(source: &dyn ConfigSource) -> i64 {
    source
        .value("variable")
        .and_then(|id| id.trim().parse::<i64>().ok())
        .unwrap_or_default()
}

/// How often a cockpit variable reloads (`refresh-seconds`), if at all.
pub fn refresh_seconds(source: &dyn ConfigSource) -> Option<u32> {
    source
        .value("refresh-seconds")
        .and_then(|seconds| seconds.trim().parse::<u32>().ok())
}

/// The routing, prefill and field rules of an ACD event form configured by `source`.
pub fn event_form_settings(source: &dyn ConfigSource) -> EventFormSettings {
    let mut settings = EventFormSettings::default();
    for row in prefill_fields() {
        if let Some(text) = source.value(row.key) {
            settings.prefill.set(row.field, text);
        }
    }
    settings.read_only = source
        .value("read-only")
        .map(|names| {
            names
                .split([',', ' '])
                .filter_map(|name| Field::from_json_name(name.trim()))
                .collect()
        })
        .unwrap_or_default();
    settings.agent = Setting::from_attribute(source.value("agent").as_deref());
    settings.receiver = Setting::from_attribute(source.value("receiver").as_deref());
    settings.subject_template = source.value("subject-template");
    settings.callback_hours = source.value("callback-hours");
    settings.callback_zone = source.value("callback-zone");
    if let Some(kind) = source.value("event-type") {
        settings.event_type = kind_setting(Some(&kind));
    }
    if let Some(group) = source.value("group") {
        settings.group = Setting::from_attribute(Some(&group));
    }
    settings.region = Region::from_settings(
        source.value("region").as_deref(),
        source.value("country-code").as_deref(),
    );
    if let Some(level) = source
        .value("heading-level")
        .and_then(|level| level.trim().parse().ok())
    {
        settings.heading_level = level;
    }
    if let Some(template) = source.value("subject-template-asap") {
        settings.subject_template_asap = template;
    }
    settings
}

#[cfg(test)]
mod tests {
    use super::camel_case;

    #[test]
    fn keys_become_camel_case() {
        assert_eq!(camel_case("base-url"), "baseUrl");
        assert_eq!(camel_case("subject-template-asap"), "subjectTemplateAsap");
        assert_eq!(camel_case("group"), "group");
    }
}
