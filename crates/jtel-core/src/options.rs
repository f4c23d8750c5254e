//! Reading what a host page configured, from attributes, properties or `mount()` options, with
//! no option ignored in silence: a value of a shape the option does not take becomes a
//! [`ConfigError`] naming the option, the value and what it accepts.
//!
//! Shapes accepted wherever they make sense: yes/no as `true`/`false` or `"on"`/`"off"` (also
//! as strings), lists as arrays or comma lists, numbers as numbers or numeric strings.

use crate::event_form::{kind_named, prefill_fields, EventFormSettings, Setting, HOST_SET_KEYS};
use crate::messages::Language;
use crate::messages::{TextOverrides, TextsError};
use crate::numbering_plan::Region;
use crate::validation::EventDraft;
use crate::Field;

/// A value as the host page gave it.
#[derive(Debug, Clone, PartialEq)]
pub enum OptionValue {
    /// A string (an attribute is always one), or a number written as JavaScript writes it.
    Text(String),
    /// A boolean.
    Flag(bool),
    /// An array, its items written as text.
    List(Vec<String>),
    /// Anything else (an object, a function), described by its JavaScript type.
    Other(String),
}

impl OptionValue {
    /// The value as the integrator wrote it, for messages.
    pub fn describe(&self) -> String {
        match self {
            Self::Text(text) => text.clone(),
            Self::Flag(flag) => flag.to_string(),
            Self::List(items) => format!("[{}]", items.join(", ")),
            Self::Other(kind) => format!("({kind})"),
        }
    }
}

/// Where a widget's options come from; keys are the attribute names (`base-url`).
pub trait Options {
    /// The value of `key`, if set (blank text counts as not set).
    fn get(&self, key: &str) -> Option<OptionValue>;
}

/// An option value the widget does not understand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The attribute name (`event-type`); the property and `mount()` key is its camelCase.
    pub option: String,
    /// The value as given.
    pub value: String,
    /// What the option accepts, in words.
    pub accepted: &'static str,
}

impl ConfigError {
    /// The one line an integrator reads in the console.
    pub fn console_text(&self) -> String {
        format!(
            "jtel-widgets: option \"{}\" does not accept \"{}\"; accepted: {}",
            self.option, self.value, self.accepted
        )
    }
}

/// What each option with a rule accepts, in words (the reference in `docs/options.md` says the
/// same).
pub mod accepted {
    /// Any text.
    pub const TEXT: &str = "text";
    /// `event-type`.
    pub const EVENT_TYPE: &str =
        "callback, voicemail, fax, sms, email, ticket, a type id (a whole number above 0) or choose";
    /// `group`.
    pub const GROUP: &str = "a group id (a whole number above 0) or choose";
    /// `agent`.
    pub const AGENT: &str =
        "an agent id (a whole number above 0), choose, or nothing for the group queue";
    /// `lang`.
    pub const LANGUAGE: &str = "en, de (a language tag such as de-AT)";
    /// `texts`.
    pub const TEXTS: &str =
        "an object of text keys and texts, each key one of docs/texts.md, each text a string";
    /// `read-only` and `hidden-fields`.
    pub const FIELD_NAMES: &str =
        "field names (Sender, Receiver, Subject, Body, CrmURL, UserData) as an array or a comma list";
    /// `heading-level`.
    pub const HEADING_LEVEL: &str = "1 to 6";
    /// `timeout`.
    pub const TIMEOUT: &str = "a whole number of seconds from 1 to 3600";
    /// `store-draft`.
    pub const FLAG: &str = "true, false, on, off";
    /// `variable`.
    pub const VARIABLE: &str = "a cockpit variable id (a whole number above 0)";
    /// `refresh-seconds`.
    pub const REFRESH: &str = "a whole number of seconds, 0 for no refresh";
    /// `set-value-form`.
    pub const SET_VALUE_FORM: &str = "path, query";
    /// `loading` (read by the JS loader, which fetches the widget code at once or when needed).
    pub const LOADING: &str = "eager, lazy";
    /// `credentials`.
    pub const CREDENTIALS: &str = "a string, or a function that returns a string or a promise of \
        one, as a property or mount() option (never an attribute), not together with token";
}

/// Reads options one by one and collects every value it cannot use.
pub struct OptionReader<'a> {
    options: &'a dyn Options,
    errors: Vec<ConfigError>,
}

impl<'a> OptionReader<'a> {
    /// A reader of `options`.
    pub fn new(options: &'a dyn Options) -> Self {
        Self {
            options,
            errors: Vec::new(),
        }
    }

    /// Every value not understood so far, or `Ok` when there is none.
    pub fn finish(self) -> Result<(), Vec<ConfigError>> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(self.errors)
        }
    }

    /// `key` read by `parse` from its text; a value `parse` refuses (or not text at all) is
    /// reported with `accepted`.
    pub fn parse<T>(
        &mut self,
        key: &str,
        accepted: &'static str,
        parse: impl FnOnce(&str) -> Option<T>,
    ) -> Option<T> {
        let value = self.options.get(key)?;
        let parsed = match &value {
            OptionValue::Text(text) => parse(text.trim()),
            _ => None,
        };
        if parsed.is_none() {
            self.refuse(key, &value, accepted);
        }
        parsed
    }

    /// Reports `value` of `key` as not understood, with what the option `accepted`: for an
    /// option whose value the caller reads itself.
    pub fn refuse(&mut self, key: &str, value: &OptionValue, accepted: &'static str) {
        self.errors.push(ConfigError {
            option: key.to_owned(),
            value: value.describe(),
            accepted,
        });
    }

    /// `key` as text.
    pub fn text(&mut self, key: &str) -> Option<String> {
        self.parse(key, accepted::TEXT, |text| Some(text.to_owned()))
    }

    /// `key` as yes or no: `true`/`false`, `on`/`off` (as booleans or text).
    pub fn flag(&mut self, key: &str) -> Option<bool> {
        let value = self.options.get(key)?;
        let flag = match &value {
            OptionValue::Flag(flag) => Some(*flag),
            OptionValue::Text(text) => match text.trim().to_ascii_lowercase().as_str() {
                "true" | "on" => Some(true),
                "false" | "off" => Some(false),
                _ => None,
            },
            _ => None,
        };
        if flag.is_none() {
            self.refuse(key, &value, accepted::FLAG);
        }
        flag
    }

    /// `key` as a list of items read by `item`: an array, or text separated by commas or
    /// spaces. An item `item` refuses makes the whole value refused.
    pub fn list<T>(
        &mut self,
        key: &str,
        accepted: &'static str,
        item: impl Fn(&str) -> Option<T>,
    ) -> Option<Vec<T>> {
        let value = self.options.get(key)?;
        let items: Option<Vec<T>> = match &value {
            OptionValue::List(items) => items.iter().map(|text| item(text.trim())).collect(),
            OptionValue::Text(text) => text
                .split([',', ' '])
                .filter(|part| !part.trim().is_empty())
                .map(|part| item(part.trim()))
                .collect(),
            _ => None,
        };
        if items.is_none() {
            self.refuse(key, &value, accepted);
        }
        items
    }

    /// `key` as a whole number within `range`.
    pub fn number<T: std::str::FromStr + PartialOrd>(
        &mut self,
        key: &str,
        accepted: &'static str,
        range: std::ops::RangeInclusive<T>,
    ) -> Option<T> {
        self.parse(key, accepted, |text| {
            text.parse::<T>()
                .ok()
                .filter(|number| range.contains(number))
        })
    }

    /// `lang` as one of the languages the widgets speak.
    pub fn language(&mut self) -> Option<Language> {
        self.parse("lang", accepted::LANGUAGE, known_language)
    }

    /// `texts`: the integrator's replacement texts, a JSON object of text key → text. The
    /// entries that can be used are kept; when any cannot (not an object, a key no text has, a
    /// value that is not text), `texts` is reported once.
    pub fn texts(&mut self) -> TextOverrides {
        let Some(value) = self.options.get("texts") else {
            return TextOverrides::default();
        };
        let (overrides, errors) = match &value {
            OptionValue::Text(json) => TextOverrides::from_json(json),
            _ => (TextOverrides::default(), vec![TextsError::NotAnObject]),
        };
        if !errors.is_empty() {
            self.refuse("texts", &value, accepted::TEXTS);
        }
        overrides
    }
}

/// The language a BCP 47 tag names, if the widgets speak it (`de`, `de-AT`, `en-GB`).
pub fn known_language(tag: &str) -> Option<Language> {
    Language::from_tag(tag).ok()
}

/// A routing id: a whole number above 0, or `choose`.
fn routing_id(text: &str, unset_allowed: bool) -> Option<Setting> {
    if text.eq_ignore_ascii_case("choose") {
        Some(Setting::Choose)
    } else if text.is_empty() && unset_allowed {
        Some(Setting::Unset)
    } else {
        text.parse::<i64>()
            .ok()
            .filter(|id| *id > 0)
            .map(|_| Setting::Fixed(text.to_owned()))
    }
}

/// An event type: a name, a type id or `choose`.
fn event_type(text: &str) -> Option<Setting> {
    match kind_named(text) {
        Some(kind) => Some(Setting::Fixed(kind.type_id().to_string())),
        None => routing_id(text, false),
    }
}

/// The options of an ACD event form that set no field: those [`EventFormSettings::read`] reads
/// besides the rows' keys.
const EVENT_FORM_SETTING_KEYS: [&str; 9] = [
    "region",
    "country-code",
    "subject-template",
    "subject-template-asap",
    "callback-hours",
    "callback-zone",
    "read-only",
    "hidden-fields",
    "record",
];

/// Every option [`EventFormSettings::read`] reads: the key of each field the host page sets
/// or prefills (from the core table, [`HOST_SET_KEYS`]), then the form's other settings.
pub const EVENT_FORM_KEYS: &[&str] = &joined::<
    { HOST_SET_KEYS.len() + EVENT_FORM_SETTING_KEYS.len() },
>(&[&HOST_SET_KEYS, &EVENT_FORM_SETTING_KEYS]);

/// Lists of keys one after the other, at compile time (`N` is their total length).
pub const fn joined<const N: usize>(parts: &[&[&'static str]]) -> [&'static str; N] {
    let mut out = [""; N];
    let (mut at, mut part) = (0, 0);
    while part < parts.len() {
        let mut item = 0;
        while item < parts[part].len() {
            out[at] = parts[part][item];
            (at, item) = (at + 1, item + 1);
        }
        part += 1;
    }
    assert!(at == N, "N is the parts' total length");
    out
}

impl EventFormSettings {
    /// The settings `reader`'s options give (defaults for options not set); values not
    /// understood are collected in `reader`.
    pub fn read(reader: &mut OptionReader) -> Self {
        let defaults = Self::default();
        let mut prefill = EventDraft::default();
        for row in prefill_fields() {
            if let Some(text) = reader.text(row.key) {
                prefill.set(row.field, text);
            }
        }
        Self {
            event_type: reader
                .parse("event-type", accepted::EVENT_TYPE, event_type)
                .unwrap_or(defaults.event_type),
            group: reader
                .parse("group", accepted::GROUP, |text| routing_id(text, false))
                .unwrap_or(defaults.group),
            agent: reader
                .parse("agent", accepted::AGENT, |text| routing_id(text, true))
                .unwrap_or_default(),
            receiver: Setting::from_attribute(reader.text("receiver").as_deref()),
            // A region the numbering plans do not know is reported at the phone field
            // (see `EventFormSettings::region`).
            region: Region::from_settings(
                reader.text("region").as_deref(),
                reader.text("country-code").as_deref(),
            ),
            subject_template: reader.text("subject-template"),
            // Service hours and their zone are checked where they are used (the preferred
            // time's field says what is wrong with them).
            callback_hours: reader.text("callback-hours"),
            callback_zone: reader.text("callback-zone"),
            subject_template_asap: reader
                .text("subject-template-asap")
                .unwrap_or(defaults.subject_template_asap),
            prefill,
            read_only: reader
                .list("read-only", accepted::FIELD_NAMES, Field::from_json_name)
                .unwrap_or_default(),
            hidden: reader
                .list(
                    "hidden-fields",
                    accepted::FIELD_NAMES,
                    Field::from_json_name,
                )
                .unwrap_or_default(),
            record: reader.text("record"),
        }
    }
}
