//! The words for every code, one table per language, and the integrator's own texts.
//!
//! Every text the widgets show is a [`Text`]: a fixed text of the forms ([`UiText`]), a field
//! label ([`Label`]), a validation problem ([`ErrorCode`]), a failed request ([`ApiError`]) or a
//! setValue result ([`SetValueResult`]). Each language is one file under `messages/` with one
//! exhaustive `match` from [`Text`] to its words, so a new text does not compile until every
//! language has it. Each text also has a stable key ([`Text::key`], e.g. `submit.callback`,
//! `error.required`), by which an integrator replaces it for one widget ([`TextOverrides`]).
//! The emulator uses the English texts in its `{status, error}` bodies.
//!
//! Adding a language: a file `messages/xx.rs` with its `text` function (copy `en.rs` and
//! translate), and a [`Language`] variant with its arms in [`Language::tag`] and in `table`.

mod de;
mod en;
mod overrides;

pub use overrides::{every_key, for_every_text, TextOverrides, TextsError, KEYS};

use crate::callback_time::{clock_text, PreferredTimeError};
use crate::event_kind::{EventKind, SHORT_TEXT_PREFIX};
use crate::model::{CockpitVariable, CockpitVariableKind};
use crate::numbering_plan::{Region, RegionError};
use crate::outcome::{ApiError, SetValueResult};
use crate::service_hours::{CallbackSettingError, ServiceHoursError};
use crate::validation::{ErrorCode, Field};
use std::borrow::Cow;

/// A language the widgets speak.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Language {
    /// English (the default).
    #[default]
    English,
    /// German.
    German,
}

/// A language tag no [`Language`] answers to, e.g. `fr`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownLanguage(pub String);

impl Language {
    /// Every language, in the order the documentation lists them.
    pub const ALL: [Language; 2] = [Self::English, Self::German];

    /// The language for a BCP 47 tag such as `de`, `de-AT` or `en-GB` (its primary subtag, in
    /// any case); an error naming the tag when no language has it, so the caller can say so.
    pub fn from_tag(tag: &str) -> Result<Self, UnknownLanguage> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        Self::ALL
            .into_iter()
            .find(|language| language.tag().eq_ignore_ascii_case(primary))
            .ok_or_else(|| UnknownLanguage(tag.trim().to_owned()))
    }

    /// The BCP 47 tag, for `lang` attributes.
    pub fn tag(self) -> &'static str {
        match self {
            Self::English => "en",
            Self::German => "de",
        }
    }

    /// This language's table: the words for every [`Text`].
    fn table(self) -> fn(&Text<'_>) -> Cow<'static, str> {
        match self {
            Self::English => en::text,
            Self::German => de::text,
        }
    }
}

/// Fixed texts of the forms (titles, buttons, confirmations).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UiText {
    /// The name of an event kind ("Callback request").
    KindName(EventKind),
    /// Title of an ACD event form of this kind.
    FormTitle(EventKind),
    /// Its submit button.
    Submit(EventKind),
    /// Shown while the request is on its way.
    Sending,
    /// Confirmation with the id of the created event.
    Created {
        /// The kind of event created.
        kind: EventKind,
        /// The created event's id, if the server returned one.
        event_id: Option<i64>,
    },
    /// Said after an offline failure once the connection is back.
    BackOnline,
    /// Button that sends a request held back while offline.
    SendNow,
    /// Button that starts a new, empty request.
    NewRequest,
    /// Button that sends a failed request again.
    TryAgain,
    /// Marks an optional field.
    Optional,
    /// Hint under a phone field: the number as it will be sent.
    SentAs {
        /// The normalised number in international format (`+39 02 1234 5678`).
        number: String,
    },
    /// Hint under an empty phone field.
    PhoneHint,
    /// Heading of a problem with the form's own configuration (fields the host page fixed).
    ConfigurationProblem,
    /// Placeholder of a picker.
    TypeToSearch,
    /// A picker's filter matches nothing.
    NoMatches,
    /// A picker shows only the first matches.
    MoreMatches {
        /// How many more match.
        count: usize,
    },
    /// A picker's options are loading.
    LoadingOptions,
    /// A picker's options could not be loaded; the reason follows.
    OptionsUnavailable,
    /// Hint under the preferred time: the zone it is meant in.
    TimeZoneHint {
        /// The user's time zone, e.g. `Europe/Berlin (UTC+01:00)`.
        zone: String,
    },
    /// Hint under the preferred time: the call centre's clock at that time.
    CentreTime {
        /// The centre's date, time and zone, e.g. `2027-07-15 08:30 America/New_York (UTC-04:00)`.
        time: String,
    },
    /// A time that comes twice (the clocks go back) and which of the two the form took.
    TimeComesTwice {
        /// The wall-clock time, `02:30`.
        time: String,
        /// Whether the first of the two was taken.
        first: bool,
        /// The taken reading's offset, `+02:00`.
        offset: String,
    },
    /// Button that switches to the other reading of a time that comes twice.
    UseOtherReading {
        /// The wall-clock time, `02:30`.
        time: String,
        /// Whether the other reading is the first.
        first: bool,
        /// Its offset, `+01:00`.
        offset: String,
    },
    /// Introduces the valid times offered instead of a time the clocks skip.
    NearestTimes,
    /// A day of the week, short (0 Monday … 6 Sunday).
    Weekday(u8),
    /// An offered callback time with the call centre's clock beside it.
    SlotText {
        /// On the user's clock, `14:30`.
        time: String,
        /// On the centre's clock, `08:30`.
        centre: String,
    },
    /// A callback-time setting of the form that cannot be applied.
    CallbackSetting {
        /// What is wrong.
        error: CallbackSettingError,
        /// The setting's value as given.
        value: String,
    },
    /// What a callback without a preferred time asks for.
    AsSoonAsPossible,
    /// Hint under the subject: what will be sent when it comes from a template.
    SubjectPreview {
        /// The composed subject.
        subject: String,
    },
    /// Shown while one cockpit variable loads.
    CockpitVariableLoading,
    /// Title of the cockpit variable list.
    CockpitVariablesTitle,
    /// Shown while the cockpit variable list loads.
    CockpitVariablesLoading,
    /// Label of the list's filter input.
    CockpitFilter,
    /// How many variables the filter lets through.
    CockpitShown {
        /// Rows shown.
        shown: usize,
        /// Rows loaded.
        total: usize,
    },
    /// Button that closes the opened variable.
    Close,
    /// Label of a variable's current value.
    CurrentValue,
    /// Label of a variable's lower bound.
    Minimum,
    /// Label of a variable's upper bound.
    Maximum,
    /// Label of a variable's type.
    Kind,
    /// The name of a variable type.
    VariableKindName(CockpitVariableKind),
    /// The type of a variable whose type the server did not send (it is treated as a number).
    VariableKindNotSent,
    /// How many rows of the cockpit variable list could not be read (and are not shown).
    UnreadableVariables {
        /// Rows skipped.
        count: usize,
    },
    /// How many rows of a picker's list could not be read (and are not offered).
    UnreadableChoices {
        /// Rows skipped.
        count: usize,
    },
    /// A variable's value as a user reads it (`On`, `25 %`, `7`).
    CockpitValue {
        /// The variable's type.
        kind: CockpitVariableKind,
        /// The value.
        value: i64,
    },
    /// Stands for a value the server did not send.
    UnknownValue,
    /// Label of the input for a new value.
    NewValue,
    /// Button that asks to set the typed value.
    SetValue,
    /// The question before a value is sent.
    ConfirmSetValue {
        /// The variable's name.
        name: String,
        /// The new value as [`UiText::CockpitValue`] writes it.
        value: String,
    },
    /// Button that sends the confirmed value.
    Confirm,
    /// Button that returns to editing without sending.
    Cancel,
    /// Said instead of an edit control for a read-only variable.
    ReadOnly,
    /// On the iframe page: which settings of the link the page ignored.
    LinkSettingsIgnored {
        /// The ignored settings the page knows, comma-separated.
        named: String,
        /// How many other (unknown) settings it ignored.
        unknown: usize,
    },
    /// On the iframe page: which routing and page texts the link set.
    LinkSettingsMarked {
        /// `key “value”` for each, comma-separated.
        list: String,
    },
}

/// The label of an input: the field's own, or the one its event kind gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// The field's general label (a callback's sender is "your phone number").
    Field(Field),
    /// The sender of a telephone kind other than callback.
    PhoneNumber,
    /// The sender of an e-mail.
    EmailAddress,
    /// The sender of a kind that is neither telephone nor e-mail.
    Sender,
    /// The receiver of an e-mail.
    EmailReceiver,
    /// The receiver of a kind that is neither telephone nor e-mail.
    Receiver,
    /// A ticket's user data.
    TicketNumber,
}

impl Label {
    /// The label of `field` in a form for `kind`: the sender of a callback is "your phone
    /// number", of an e-mail an "e-mail address", and a ticket's user data is its "ticket number".
    pub fn for_field(field: Field, kind: EventKind) -> Self {
        match (field, kind) {
            (Field::Sender, EventKind::Callback) => Self::Field(field),
            (Field::Sender, kind) if kind.is_telephone() => Self::PhoneNumber,
            (Field::Sender, EventKind::Email) => Self::EmailAddress,
            (Field::Sender, _) => Self::Sender,
            (Field::Receiver, EventKind::Email) => Self::EmailReceiver,
            (Field::Receiver, kind) if !kind.is_telephone() => Self::Receiver,
            (Field::UserData, EventKind::Ticket) => Self::TicketNumber,
            _ => Self::Field(field),
        }
    }
}

/// Any text the widgets show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text<'a> {
    /// A fixed text of the forms.
    Ui(&'a UiText),
    /// The label of an input.
    Label(Label),
    /// A validation problem.
    Error(ErrorCode),
    /// A failed request. For the failures that carry the server's reason (`not-found`,
    /// `conflict`, `server-error`, `unexpected-status`) this is the summary the reason follows.
    Failure(&'a ApiError),
    /// A setValue result.
    SetValue(SetValueResult),
}

/// The words in `language` for every text, with an integrator's replacements.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Texts {
    language: Language,
    overrides: TextOverrides,
}

impl From<Language> for Texts {
    fn from(language: Language) -> Self {
        Self::new(language, TextOverrides::default())
    }
}

impl Texts {
    /// The texts of `language`, each replaced where `overrides` has one for its key.
    pub fn new(language: Language, overrides: TextOverrides) -> Self {
        Self {
            language,
            overrides,
        }
    }

    /// The language the texts are in.
    pub fn language(&self) -> Language {
        self.language
    }

    /// The words for `text`: the integrator's replacement for its key with the placeholders
    /// filled in, else the language's own.
    pub fn text(&self, text: &Text<'_>) -> String {
        let words = match self.overrides.get(text) {
            Some(words) => words,
            None => self.language.table()(text).into_owned(),
        };
        match text {
            Text::Failure(error) => match error.reason() {
                Some(reason) => with_reason(&words, reason),
                None => words,
            },
            _ => words,
        }
    }

    /// A fixed text of the forms.
    pub fn ui(&self, text: &UiText) -> String {
        self.text(&Text::Ui(text))
    }

    /// The label of `field` in a form for `kind` ([`Label::for_field`]).
    pub fn label(&self, field: Field, kind: EventKind) -> String {
        self.text(&Text::Label(Label::for_field(field, kind)))
    }

    /// The text for a validation problem.
    pub fn error(&self, code: ErrorCode) -> String {
        self.text(&Text::Error(code))
    }

    /// The text for a failed request, with the server's reason where it gave one.
    pub fn failure(&self, error: &ApiError) -> String {
        self.text(&Text::Failure(error))
    }

    /// The text for a setValue result.
    pub fn set_value(&self, result: SetValueResult) -> String {
        self.text(&Text::SetValue(result))
    }

    /// The name of the event type `id` as jtel's `ShortText` key names it: a known key in
    /// the language ("Callback request"), an unknown key readably (`AcdEventTypes.WhatsApp` →
    /// "WhatsApp"), and without a key the name of the kind `id` stands for.
    pub fn event_type_label(&self, id: i64, short_text: Option<&str>) -> String {
        let key = short_text.map(str::trim).filter(|key| !key.is_empty());
        let kind = match key {
            Some(key) => match EventKind::from_short_text(key) {
                Some(kind) => kind,
                None => {
                    let name = key.strip_prefix(SHORT_TEXT_PREFIX).unwrap_or(key);
                    return name.replace(['_', '.'], " ").trim().to_owned();
                }
            },
            None => EventKind::from_type_id(id),
        };
        self.ui(&UiText::KindName(kind))
    }

    /// A variable's current value as a user reads it ([`UiText::CockpitValue`]), or
    /// [`UiText::UnknownValue`] when the server sent none.
    pub fn variable_value(&self, variable: &CockpitVariable) -> String {
        self.ui(&match variable.value {
            Some(value) => UiText::CockpitValue {
                kind: variable.kind(),
                value,
            },
            None => UiText::UnknownValue,
        })
    }
}

/// A fixed text of the forms.
pub fn ui_text(text: &UiText, language: Language) -> String {
    Texts::from(language).ui(text)
}

/// The label of `field` in a form for `kind` ([`Label::for_field`]).
pub fn field_label_for(field: Field, kind: EventKind, language: Language) -> String {
    Texts::from(language).label(field, kind)
}

/// The general label of a form field.
pub fn field_label(field: Field, language: Language) -> String {
    Texts::from(language).text(&Text::Label(Label::Field(field)))
}

/// The name of the event type `id` as jtel's `ShortText` key names it
/// ([`Texts::event_type_label`]).
pub fn event_type_label(id: i64, short_text: Option<&str>, language: Language) -> String {
    Texts::from(language).event_type_label(id, short_text)
}

/// A variable's current value as a user reads it ([`Texts::variable_value`]).
pub fn variable_value_text(variable: &CockpitVariable, language: Language) -> String {
    Texts::from(language).variable_value(variable)
}

/// The text for a validation problem.
pub fn error_message(code: ErrorCode, language: Language) -> String {
    Texts::from(language).error(code)
}

/// The text for a failed request.
pub fn api_error_message(error: &ApiError, language: Language) -> String {
    Texts::from(language).failure(error)
}

/// The text for a setValue result.
pub fn set_value_message(result: SetValueResult, language: Language) -> String {
    Texts::from(language).set_value(result)
}

/// The regions sharing calling code `code`, as `US, AG, AI, …`.
fn region_list(code: u16) -> String {
    Region::with_country_code(code)
        .map(Region::id)
        .collect::<Vec<_>>()
        .join(", ")
}

/// `summary.` or `summary: reason.` when the server gave a reason.
fn with_reason(summary: &str, reason: &str) -> String {
    match reason.trim() {
        "" => format!("{summary}."),
        reason => format!("{summary}: {reason}"),
    }
}

/// The slug of an event kind in text keys, as the `event-type` option names it.
fn kind_slug(kind: EventKind) -> &'static str {
    match kind {
        EventKind::VoiceMail => "voicemail",
        EventKind::Fax => "fax",
        EventKind::Callback => "callback",
        EventKind::Sms => "sms",
        EventKind::Email => "email",
        EventKind::Ticket => "ticket",
        EventKind::Other(_) => "other",
    }
}

impl Text<'_> {
    /// The stable key an integrator replaces this text by, e.g. `submit.callback`,
    /// `label.Sender`, `error.too-long`, `failure.timeout`, `set-value.unchanged`.
    pub fn key(&self) -> String {
        match self.key_parts() {
            (group, "") => group.to_owned(),
            (group, item) => format!("{group}.{item}"),
        }
    }

    /// Whether `key` is this text's key, without building it.
    pub(crate) fn has_key(&self, key: &str) -> bool {
        let (group, item) = self.key_parts();
        match key.strip_prefix(group) {
            Some("") => item.is_empty(),
            Some(rest) => !item.is_empty() && rest.strip_prefix('.') == Some(item),
            None => false,
        }
    }

    /// The key as its group and item (`("submit", "callback")`; `("sending", "")`).
    fn key_parts(&self) -> (&'static str, &'static str) {
        match self {
            Text::Ui(text) => ui_key(text),
            Text::Label(label) => ("label", label_item(*label)),
            Text::Error(ErrorCode::OutOfRange { min, max }) => (
                "error",
                match (min, max) {
                    (Some(_), Some(_)) => "out-of-range",
                    (Some(_), None) => "out-of-range-at-least",
                    (None, Some(_)) => "out-of-range-at-most",
                    (None, None) => "out-of-range-unbounded",
                },
            ),
            Text::Error(ErrorCode::Region(error)) => (
                "error",
                match error {
                    RegionError::UnknownRegion => "region-unknown",
                    RegionError::UnknownCountryCode => "region-unknown-country-code",
                    RegionError::SharedCountryCode(_) => "region-shared-country-code",
                },
            ),
            Text::Error(code) => ("error", code.name()),
            Text::Failure(ApiError::Invalid { problems }) if problems.is_empty() => {
                ("failure", "refused")
            }
            Text::Failure(ApiError::TooManyRequests {
                retry_after_seconds: Some(_),
            }) => ("failure", "too-many-requests-wait"),
            Text::Failure(error) => ("failure", error.code()),
            Text::SetValue(result) => (
                "set-value",
                match result {
                    SetValueResult::Set => "set",
                    SetValueResult::NotWritable => "not-writable",
                    SetValueResult::NotFoundOrNotVisible => "not-found-or-not-visible",
                    SetValueResult::Unchanged => "unchanged",
                    SetValueResult::OutOfRange => "out-of-range",
                    SetValueResult::Unknown(_) => "unknown",
                },
            ),
        }
    }

    /// The values a replacement may place with `{name}`: the same ones the language tables use.
    pub fn placeholders(&self) -> Vec<(&'static str, String)> {
        match self {
            Text::Ui(text) => match text {
                UiText::KindName(EventKind::Other(id))
                | UiText::FormTitle(EventKind::Other(id))
                | UiText::Submit(EventKind::Other(id)) => vec![("type", id.to_string())],
                UiText::Created { kind, event_id } => {
                    let mut values = vec![(
                        "reference",
                        event_id.map(|id| id.to_string()).unwrap_or_default(),
                    )];
                    if let EventKind::Other(id) = kind {
                        values.push(("type", id.to_string()));
                    }
                    values
                }
                UiText::SentAs { number } => vec![("number", number.clone())],
                UiText::MoreMatches { count }
                | UiText::UnreadableVariables { count }
                | UiText::UnreadableChoices { count } => vec![("count", count.to_string())],
                UiText::TimeZoneHint { zone } => vec![("zone", zone.clone())],
                UiText::SubjectPreview { subject } => vec![("subject", subject.clone())],
                UiText::CentreTime { time } => vec![("time", time.clone())],
                UiText::TimeComesTwice {
                    time,
                    first: _,
                    offset,
                }
                | UiText::UseOtherReading {
                    time,
                    first: _,
                    offset,
                } => vec![("time", time.clone()), ("offset", offset.clone())],
                UiText::SlotText { time, centre } => {
                    vec![("time", time.clone()), ("centre", centre.clone())]
                }
                UiText::CallbackSetting { value, .. } => vec![("value", value.clone())],
                UiText::CockpitShown { shown, total } => {
                    vec![("shown", shown.to_string()), ("total", total.to_string())]
                }
                UiText::CockpitValue { value, .. } => vec![("value", value.to_string())],
                UiText::ConfirmSetValue { name, value } => {
                    vec![("name", name.clone()), ("value", value.clone())]
                }
                UiText::LinkSettingsIgnored { named, unknown } => {
                    vec![("named", named.clone()), ("unknown", unknown.to_string())]
                }
                UiText::LinkSettingsMarked { list } => vec![("list", list.clone())],
                _ => Vec::new(),
            },
            Text::Label(_) => Vec::new(),
            Text::Error(code) => match code {
                ErrorCode::TooLong { max } => vec![("max", max.to_string())],
                ErrorCode::PreferredTime(PreferredTimeError::Skipped { starts, ends }) => {
                    vec![("starts", clock_text(*starts)), ("ends", clock_text(*ends))]
                }
                ErrorCode::Region(RegionError::SharedCountryCode(code)) => {
                    vec![("code", code.to_string()), ("regions", region_list(*code))]
                }
                ErrorCode::OutOfRange { min, max } => min
                    .map(|min| ("min", min.to_string()))
                    .into_iter()
                    .chain(max.map(|max| ("max", max.to_string())))
                    .collect(),
                _ => Vec::new(),
            },
            Text::Failure(error) => match error {
                ApiError::Server { status, .. } | ApiError::UnexpectedStatus { status, .. } => {
                    vec![("status", status.to_string())]
                }
                ApiError::Timeout { seconds }
                | ApiError::TooManyRequests {
                    retry_after_seconds: Some(seconds),
                } => vec![("seconds", seconds.to_string())],
                _ => Vec::new(),
            },
            Text::SetValue(SetValueResult::Unknown(code)) => vec![("result", code.to_string())],
            Text::SetValue(_) => Vec::new(),
        }
    }
}

/// The item of a label's key: the jtel name for a field's own (`label.Sender`), else
/// `phone-number`, ….
fn label_item(label: Label) -> &'static str {
    match label {
        Label::Field(field) => field.json_name(),
        Label::PhoneNumber => "phone-number",
        Label::EmailAddress => "email-address",
        Label::Sender => "sender",
        Label::EmailReceiver => "email-receiver",
        Label::Receiver => "receiver",
        Label::TicketNumber => "ticket-number",
    }
}

/// The key of a fixed text: `("kind-name", "callback")`, `("sending", "")`, ….
fn ui_key(text: &UiText) -> (&'static str, &'static str) {
    match text {
        UiText::KindName(kind) => ("kind-name", kind_slug(*kind)),
        UiText::FormTitle(kind) => ("form-title", kind_slug(*kind)),
        UiText::Submit(kind) => ("submit", kind_slug(*kind)),
        UiText::Created {
            kind,
            event_id: Some(_),
        } => ("created", kind_slug(*kind)),
        UiText::Created {
            kind,
            event_id: None,
        } => ("created-without-reference", kind_slug(*kind)),
        UiText::Sending => ("sending", ""),
        UiText::BackOnline => ("back-online", ""),
        UiText::SendNow => ("send-now", ""),
        UiText::NewRequest => ("new-request", ""),
        UiText::TryAgain => ("try-again", ""),
        UiText::Optional => ("optional", ""),
        UiText::SentAs { .. } => ("sent-as", ""),
        UiText::PhoneHint => ("phone-hint", ""),
        UiText::ConfigurationProblem => ("configuration-problem", ""),
        UiText::TypeToSearch => ("type-to-search", ""),
        UiText::NoMatches => ("no-matches", ""),
        UiText::MoreMatches { .. } => ("more-matches", ""),
        UiText::LoadingOptions => ("loading-options", ""),
        UiText::OptionsUnavailable => ("options-unavailable", ""),
        UiText::TimeZoneHint { .. } => ("time-zone-hint", ""),
        UiText::SubjectPreview { .. } => ("subject-preview", ""),
        UiText::CentreTime { .. } => ("centre-time", ""),
        UiText::TimeComesTwice { first, .. } => {
            ("time-comes-twice", if *first { "first" } else { "second" })
        }
        UiText::UseOtherReading { first, .. } => {
            ("use-other-reading", if *first { "first" } else { "second" })
        }
        UiText::NearestTimes => ("nearest-times", ""),
        UiText::Weekday(day) => (
            "weekday",
            ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][usize::from(*day % 7)],
        ),
        UiText::SlotText { .. } => ("slot", ""),
        UiText::CallbackSetting { error, .. } => (
            "callback-setting",
            match error {
                CallbackSettingError::Hours(ServiceHoursError::Empty) => "hours-empty",
                CallbackSettingError::Hours(ServiceHoursError::Incomplete) => "hours-incomplete",
                CallbackSettingError::Hours(ServiceHoursError::UnknownDay) => "hours-unknown-day",
                CallbackSettingError::Hours(ServiceHoursError::BadTime) => "hours-bad-time",
                CallbackSettingError::Hours(ServiceHoursError::ClosesBeforeOpens) => {
                    "hours-closes-before-opens"
                }
                CallbackSettingError::UnknownZone => "unknown-zone",
                CallbackSettingError::HoursWithoutZone => "hours-without-zone",
            },
        ),
        UiText::AsSoonAsPossible => ("as-soon-as-possible", ""),
        UiText::CockpitVariableLoading => ("cockpit-variable-loading", ""),
        UiText::CockpitVariablesTitle => ("cockpit-variables-title", ""),
        UiText::CockpitVariablesLoading => ("cockpit-variables-loading", ""),
        UiText::CockpitFilter => ("cockpit-filter", ""),
        UiText::CockpitShown { .. } => ("cockpit-shown", ""),
        UiText::Close => ("close", ""),
        UiText::CurrentValue => ("current-value", ""),
        UiText::Minimum => ("minimum", ""),
        UiText::Maximum => ("maximum", ""),
        UiText::Kind => ("kind", ""),
        UiText::VariableKindNotSent => ("variable-kind-not-sent", ""),
        UiText::UnreadableVariables { .. } => ("unreadable-variables", ""),
        UiText::UnreadableChoices { .. } => ("unreadable-choices", ""),
        UiText::VariableKindName(kind) => (
            "variable-kind",
            match kind {
                CockpitVariableKind::OnOff => "on-off",
                CockpitVariableKind::Number => "number",
                CockpitVariableKind::Percentage => "percentage",
            },
        ),
        UiText::CockpitValue { kind, value } => (
            "cockpit-value",
            match (kind, value) {
                (CockpitVariableKind::OnOff, 0) => "off",
                (CockpitVariableKind::OnOff, 1) => "on",
                (CockpitVariableKind::Percentage, _) => "percentage",
                _ => "number",
            },
        ),
        UiText::UnknownValue => ("unknown-value", ""),
        UiText::NewValue => ("new-value", ""),
        UiText::SetValue => ("set-value", ""),
        UiText::ConfirmSetValue { .. } => ("confirm-set-value", ""),
        UiText::Confirm => ("confirm", ""),
        UiText::Cancel => ("cancel", ""),
        UiText::ReadOnly => ("read-only", ""),
        UiText::LinkSettingsIgnored { .. } => ("link-settings-ignored", ""),
        UiText::LinkSettingsMarked { .. } => ("link-settings-marked", ""),
    }
}
