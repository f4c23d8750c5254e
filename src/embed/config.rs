//! A widget's configuration, read the same way from element attributes, element properties
//! and JS options, strictly: what is not understood is reported (see [`jtel_core::options`]).
//! The `credentials` are read apart from the other options: a JavaScript value (a string or a
//! function) taken only from a property or a `mount()` option, never as text from an attribute.

use crate::credentials::Credentials;
use crate::embed::custom_elements::host_only_property;
use crate::settings::WidgetSettings;
use js_sys::{Array, Object, Reflect};
use jtel_core::messages::{TextOverrides, Texts};
use jtel_core::options::{
    accepted, joined, known_language, OptionReader, OptionValue, Options, EVENT_FORM_KEYS,
};
use jtel_core::outcome::SetValueForm;
use jtel_core::Language;
use wasm_bindgen::JsValue;
use web_sys::Element;
use yew::AttrValue;

/// The name of the object in which a custom element keeps the settings set as rich
/// properties (arrays, objects), by camelCase key; written by the element's JS class.
const RICH_PROPERTIES: &str = "jtelRich";

/// The key of the credentials option (the property and `mount()` option `credentials`).
pub const CREDENTIALS: &str = "credentials";

/// Where a widget's configuration comes from: its options, and the credentials.
pub trait WidgetSource: Options {
    /// The `credentials` the host gave.
    fn credentials(&self) -> GivenCredentials;
}

/// What a host page gave as `credentials`.
pub enum GivenCredentials {
    /// Nothing.
    None,
    /// An attribute, which is never read (a link to the iframe page or any markup could set it).
    Attribute,
    /// A property or `mount()` option.
    Value(JsValue),
}

/// A custom element's settings: its attributes, and the rich properties set on it (those win).
pub struct ElementOptions<'a>(pub &'a Element);

impl WidgetSource for ElementOptions<'_> {
    fn credentials(&self) -> GivenCredentials {
        match host_only_property(self.0, CREDENTIALS) {
            value if !value.is_undefined() && !value.is_null() => GivenCredentials::Value(value),
            _ if self.0.has_attribute(CREDENTIALS) => GivenCredentials::Attribute,
            _ => GivenCredentials::None,
        }
    }
}

impl Options for ElementOptions<'_> {
    fn get(&self, key: &str) -> Option<OptionValue> {
        let rich = Reflect::get(self.0, &JsValue::from_str(RICH_PROPERTIES))
            .ok()
            .filter(JsValue::is_object)
            .and_then(|rich| {
                option_value(Reflect::get(&rich, &JsValue::from_str(&camel_case(key))).ok()?)
            });
        rich.or_else(|| {
            self.0
                .get_attribute(key)
                .filter(|value| !value.trim().is_empty())
                .map(OptionValue::Text)
        })
    }
}

/// A JS options object such as `{ baseUrl: "/jtel", group: 235, readOnly: ["Sender"] }`.
pub struct JsOptions(pub Object);

impl Options for JsOptions {
    fn get(&self, key: &str) -> Option<OptionValue> {
        option_value(Reflect::get(&self.0, &JsValue::from_str(&camel_case(key))).ok()?)
    }
}

impl WidgetSource for JsOptions {
    fn credentials(&self) -> GivenCredentials {
        match Reflect::get(&self.0, &JsValue::from_str(CREDENTIALS)) {
            Ok(value) if !value.is_undefined() && !value.is_null() => {
                GivenCredentials::Value(value)
            }
            _ => GivenCredentials::None,
        }
    }
}

/// A JS value as an option value; `undefined`, `null` and blank text count as not set.
fn option_value(value: JsValue) -> Option<OptionValue> {
    if value.is_undefined() || value.is_null() {
        return None;
    }
    if let Some(flag) = value.as_bool() {
        return Some(OptionValue::Flag(flag));
    }
    if Array::is_array(&value) {
        let items = Array::from(&value)
            .iter()
            .map(|item| text_of(&item).unwrap_or_else(|| "?".to_owned()))
            .collect();
        return Some(OptionValue::List(items));
    }
    // An object (`texts: { sending: "…" }`) is read as its JSON text, like the attribute.
    let text = text_of(&value).or_else(|| {
        (value.is_object() && !value.is_function())
            .then(|| js_sys::JSON::stringify(&value).ok().map(String::from))
            .flatten()
    });
    match text {
        Some(text) if text.trim().is_empty() => None,
        Some(text) => Some(OptionValue::Text(text)),
        None => Some(OptionValue::Other(
            value.js_typeof().as_string().unwrap_or_default(),
        )),
    }
}

/// A string, or a number written the way JavaScript writes it (`Number.prototype.toString`):
/// Rust's float formatting would add about 10 KB to the wasm for the same text (they differ
/// only for ±Infinity, -0 and 1e21 or more, which no option accepts either way).
pub fn text_of(value: &JsValue) -> Option<String> {
    value.as_string().or_else(|| {
        let number = js_sys::Number::from(value.as_f64()?);
        number.to_string_with_radix(10).ok().map(String::from)
    })
}

/// The camelCase form of an attribute name (`base-url` → `baseUrl`): the property and
/// `mount()` option.
pub fn camel_case(key: &str) -> String {
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

/// The settings of [`widget_settings`] an ACD event form reads.
const ACD_EVENT_FORM_WIDGET_KEYS: [&str; 8] = [
    "base-url",
    "token",
    CREDENTIALS,
    "lang",
    "timeout",
    "texts",
    "loading",
    "heading-level",
];

/// The settings of [`draft_key`].
const DRAFT_KEYS: [&str; 3] = ["draft-key", "store-draft", "id"];

/// Every attribute an ACD event form reads (custom elements observe these): the shared widget
/// settings, the form's own from the core's table ([`EVENT_FORM_KEYS`]) and where its draft
/// is kept.
pub const ACD_EVENT_FORM_KEYS: &[&str] =
    &joined::<{ ACD_EVENT_FORM_WIDGET_KEYS.len() + EVENT_FORM_KEYS.len() + DRAFT_KEYS.len() }>(&[
        &ACD_EVENT_FORM_WIDGET_KEYS,
        EVENT_FORM_KEYS,
        &DRAFT_KEYS,
    ]);

/// Every attribute a single cockpit variable widget reads.
pub const COCKPIT_VARIABLE_KEYS: &[&str] = &[
    "base-url",
    "token",
    CREDENTIALS,
    "variable",
    "lang",
    "refresh-seconds",
    "timeout",
    "set-value-form",
    "texts",
    "loading",
    "heading-level",
];

/// Every attribute the cockpit variable list reads.
pub const COCKPIT_VARIABLES_KEYS: &[&str] = &[
    "base-url",
    "token",
    CREDENTIALS,
    "lang",
    "timeout",
    "set-value-form",
    "texts",
    "loading",
    "heading-level",
];

/// The language of a widget's texts: `lang` if the widgets speak it, else English (a `lang`
/// they do not speak is reported by [`widget_settings`]).
pub fn language(source: &dyn Options) -> Language {
    match source.get("lang") {
        Some(OptionValue::Text(tag)) => known_language(&tag).unwrap_or_default(),
        _ => Language::default(),
    }
}

/// A widget's texts as far as `source` gives them, even while other options cannot be read:
/// `lang` ([`language`]) and the usable entries of `texts` (what is wrong with either is
/// reported by [`widget_settings`]). For what a widget says outside its form: the
/// configuration notice, `submit()`'s messages, the frame page's notices.
pub fn texts(source: &dyn Options) -> Texts {
    let overrides = match source.get("texts") {
        Some(OptionValue::Text(json)) => TextOverrides::from_json(&json).0,
        _ => TextOverrides::default(),
    };
    Texts::new(language(source), overrides)
}

/// The settings every widget shares: `base-url`, `token`, `credentials`, `timeout`, `lang`,
/// `texts`, `set-value-form`, `heading-level`; `loading` is checked here (the JS loader acts on it before the
/// widget code runs, and takes any value but `lazy` as `eager`).
pub fn widget_settings(reader: &mut OptionReader, source: &dyn WidgetSource) -> WidgetSettings {
    reader.parse("loading", accepted::LOADING, |loading| {
        ["eager", "lazy"]
            .contains(&loading.to_ascii_lowercase().as_str())
            .then_some(())
    });
    let defaults = WidgetSettings::default();
    let token = reader.text("token").map(AttrValue::from);
    let credentials = credentials(reader, source, token.is_some());
    WidgetSettings {
        base_url: reader
            .text("base-url")
            .map(AttrValue::from)
            .unwrap_or(defaults.base_url),
        token,
        credentials,
        timeout_seconds: reader
            .number("timeout", accepted::TIMEOUT, 1..=3600)
            .unwrap_or(defaults.timeout_seconds),
        language: reader.language().unwrap_or_default(),
        texts: reader.texts(),
        set_value_form: reader
            .parse(
                "set-value-form",
                accepted::SET_VALUE_FORM,
                SetValueForm::from_setting,
            )
            .unwrap_or(defaults.set_value_form),
        heading_level: reader
            .number("heading-level", accepted::HEADING_LEVEL, 1..=6)
            .unwrap_or(defaults.heading_level),
    }
}

/// The `credentials` of `source`; an attribute, a value of another type or credentials beside
/// a `token` are reported to `reader`, described by their kind, never by their text.
fn credentials(
    reader: &mut OptionReader,
    source: &dyn WidgetSource,
    with_token: bool,
) -> Option<Credentials> {
    let refused = match source.credentials() {
        GivenCredentials::None => return None,
        GivenCredentials::Attribute => "an attribute".to_owned(),
        GivenCredentials::Value(_) if with_token => "beside token".to_owned(),
        GivenCredentials::Value(value) => match Credentials::from_js(&value) {
            Ok(credentials) => return Some(credentials),
            Err(kind) => kind,
        },
    };
    reader.refuse(
        CREDENTIALS,
        &OptionValue::Other(refused),
        accepted::CREDENTIALS,
    );
    None
}

/// Where a form's drafts are kept: `draft-key`, else the element's `id`; none when
/// `store-draft` is off or neither is set (the draft then lives only as long as the form).
pub fn draft_key(reader: &mut OptionReader) -> Option<AttrValue> {
    let store = reader.flag("store-draft").unwrap_or(true);
    let key = reader.text("draft-key").or_else(|| reader.text("id"));
    key.filter(|_| store).map(AttrValue::from)
}

/// The cockpit variable id (`variable`); a missing id becomes 0, which the form reports as
/// not found.
pub fn variable_id(reader: &mut OptionReader) -> i64 {
    reader
        .number("variable", accepted::VARIABLE, 1..=i64::MAX)
        .unwrap_or_default()
}

/// How often a cockpit variable reloads (`refresh-seconds`), if at all.
pub fn refresh_seconds(reader: &mut OptionReader) -> Option<u32> {
    reader.number("refresh-seconds", accepted::REFRESH, 0..=u32::MAX)
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
