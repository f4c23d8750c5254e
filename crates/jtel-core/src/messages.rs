//! The words for every code, in English and German.
//!
//! Each language is one exhaustive `match`, so a new code does not compile until both
//! languages have its text. The emulator uses the English texts in its `{status, error}` bodies.

use crate::callback_time::{clock_text, PreferredTimeError};
use crate::crm_url::UrlError;
use crate::email::{EmailError, MAX_LABEL_LEN, MAX_LEN as EMAIL_MAX_LEN, MAX_LOCAL_LEN};
use crate::event_kind::{EventKind, SHORT_TEXT_PREFIX};
use crate::model::{CockpitVariable, CockpitVariableKind};
use crate::numbering_plan::{Region, RegionError};
use crate::outcome::{ApiError, SetValueResult};
use crate::phone::{PhoneError, MAX_DIGITS, MIN_DIGITS};
use crate::service_hours::{CallbackSettingError, ServiceHoursError};
use crate::validation::{ErrorCode, Field};

/// A language the widgets speak.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Language {
    /// English (the default).
    #[default]
    English,
    /// German.
    German,
}

impl Language {
    /// The language for a BCP 47 tag such as `de`, `de-AT` or `en-GB`; English when unknown.
    pub fn from_tag(tag: &str) -> Self {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("de") {
            Self::German
        } else {
            Self::English
        }
    }

    /// The BCP 47 tag, for `lang` attributes.
    pub fn tag(self) -> &'static str {
        match self {
            Self::English => "en",
            Self::German => "de",
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
    /// Hint under the subject: what will be sent when it comes from a template.
    SubjectPreview {
        /// The composed subject.
        subject: String,
    },
    /// What a callback without a preferred time asks for.
    AsSoonAsPossible,
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
}

/// A fixed text of the forms.
pub fn ui_text(text: &UiText, language: Language) -> String {
    match language {
        Language::English => english_ui(text),
        Language::German => german_ui(text),
    }
}

/// The label of `field` in a form for `kind`: the sender of a callback is "your phone number",
/// of an e-mail an "e-mail address", and a ticket's user data is its "ticket number".
pub fn field_label_for(field: Field, kind: EventKind, language: Language) -> &'static str {
    let english = language == Language::English;
    match (field, kind) {
        (Field::Sender, EventKind::Callback) => field_label(field, language),
        (Field::Sender, kind) if kind.is_telephone() => {
            if english {
                "Phone number"
            } else {
                "Telefonnummer"
            }
        }
        (Field::Sender, EventKind::Email) => {
            if english {
                "E-mail address"
            } else {
                "E-Mail-Adresse"
            }
        }
        (Field::Sender, _) => {
            if english {
                "Sender"
            } else {
                "Absender"
            }
        }
        (Field::Receiver, EventKind::Email) => {
            if english {
                "To (e-mail address)"
            } else {
                "An (E-Mail-Adresse)"
            }
        }
        (Field::Receiver, kind) if !kind.is_telephone() => {
            if english {
                "Receiver"
            } else {
                "Empfänger"
            }
        }
        (Field::UserData, EventKind::Ticket) => {
            if english {
                "Ticket number"
            } else {
                "Ticketnummer"
            }
        }
        _ => field_label(field, language),
    }
}

fn english_kind(kind: EventKind) -> String {
    match kind {
        EventKind::VoiceMail => "voice mail".to_owned(),
        EventKind::Fax => "fax".to_owned(),
        EventKind::Callback => "callback request".to_owned(),
        EventKind::Sms => "SMS".to_owned(),
        EventKind::Email => "e-mail".to_owned(),
        EventKind::Ticket => "ticket".to_owned(),
        EventKind::Other(id) if id > 0 => format!("ACD event (type {id})"),
        EventKind::Other(_) => "ACD event".to_owned(),
    }
}

fn german_kind(kind: EventKind) -> String {
    match kind {
        EventKind::VoiceMail => "Voicemail".to_owned(),
        EventKind::Fax => "Fax".to_owned(),
        EventKind::Callback => "Rückrufbitte".to_owned(),
        EventKind::Sms => "SMS".to_owned(),
        EventKind::Email => "E-Mail".to_owned(),
        EventKind::Ticket => "Ticket".to_owned(),
        EventKind::Other(id) if id > 0 => format!("ACD-Ereignis (Typ {id})"),
        EventKind::Other(_) => "ACD-Ereignis".to_owned(),
    }
}

/// `text` with its first letter in upper case (the English kind names are ASCII).
fn capitalised(text: &str) -> String {
    let mut text = text.to_owned();
    if let Some(first) = text.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    text
}

fn english_ui(text: &UiText) -> String {
    match text {
        UiText::KindName(kind) => capitalised(&english_kind(*kind)),
        UiText::FormTitle(EventKind::Callback) => "Request a callback".to_owned(),
        UiText::FormTitle(kind) => format!("New {}", english_kind(*kind)),
        UiText::Submit(EventKind::Callback) => "Request callback".to_owned(),
        UiText::Submit(kind) => format!("Create {}", english_kind(*kind)),
        UiText::Sending => "Sending…".to_owned(),
        UiText::Created {
            kind: EventKind::Callback,
            event_id: Some(id),
        } => {
            format!("Thank you! Your callback request was created (reference {id}).")
        }
        UiText::Created {
            kind: EventKind::Callback,
            event_id: None,
        } => "Thank you! Your callback request was created.".to_owned(),
        UiText::Created {
            kind,
            event_id: Some(id),
        } => format!("The {} was created (reference {id}).", english_kind(*kind)),
        UiText::Created {
            kind,
            event_id: None,
        } => format!("The {} was created.", english_kind(*kind)),
        UiText::NewRequest => "New request".to_owned(),
        UiText::BackOnline => {
            "You are back online: your input is still here, send it now.".to_owned()
        }
        UiText::SendNow => "Send now".to_owned(),
        UiText::TryAgain => "Try again".to_owned(),
        UiText::Optional => "optional".to_owned(),
        UiText::SentAs { number } => format!("Will be sent as {number}"),
        UiText::PhoneHint => {
            "With area code, for example 0199 123456789 or +49 199 123456789".to_owned()
        }
        UiText::ConfigurationProblem => "This form is not set up correctly:".to_owned(),
        UiText::TypeToSearch => "Type to search".to_owned(),
        UiText::NoMatches => "No matches".to_owned(),
        UiText::MoreMatches { count } => format!("{count} more: keep typing to narrow the list"),
        UiText::LoadingOptions => "Loading choices…".to_owned(),
        UiText::OptionsUnavailable => "The choices could not be loaded:".to_owned(),
        UiText::TimeZoneHint { zone } => format!("Your local time: {zone}"),
        UiText::SubjectPreview { subject } => format!("Subject: {subject}"),
        UiText::AsSoonAsPossible => "As soon as possible".to_owned(),
        UiText::CentreTime { time } => format!("Call centre time: {time}"),
        UiText::TimeComesTwice { time, first, offset } => format!(
            "{time} comes twice that day because the clocks go back; taken as the {} {time} (UTC{offset}).",
            if *first { "first" } else { "second" }
        ),
        UiText::UseOtherReading { time, first, offset } => format!(
            "Take the {} {time} (UTC{offset})",
            if *first { "first" } else { "second" }
        ),
        UiText::NearestTimes => "Nearest times that exist:".to_owned(),
        UiText::Weekday(day) => ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][usize::from(*day % 7)].to_owned(),
        UiText::SlotText { time, centre } => format!("{time} (call centre {centre})"),
        UiText::CallbackSetting { error, value } => english_callback_setting(*error, value),
        UiText::CockpitVariableLoading => "Loading the cockpit variable…".to_owned(),
        UiText::CockpitVariablesTitle => "Cockpit variables".to_owned(),
        UiText::CockpitVariablesLoading => "Loading the cockpit variables…".to_owned(),
        UiText::CockpitFilter => "Filter by name or description".to_owned(),
        UiText::CockpitShown { shown, total } => format!("{shown} of {total} variables shown"),
        UiText::Close => "Close".to_owned(),
        UiText::CurrentValue => "Current value".to_owned(),
        UiText::Minimum => "Minimum".to_owned(),
        UiText::Maximum => "Maximum".to_owned(),
        UiText::Kind => "Type".to_owned(),
        UiText::VariableKindName(CockpitVariableKind::OnOff) => "On/off".to_owned(),
        UiText::VariableKindName(CockpitVariableKind::Number) => "Number".to_owned(),
        UiText::VariableKindName(CockpitVariableKind::Percentage) => "Percentage".to_owned(),
        UiText::VariableKindNotSent => "not sent by jtel (treated as a number)".to_owned(),
        UiText::UnreadableVariables { count: 1 } => "1 variable could not be read.".to_owned(),
        UiText::UnreadableVariables { count } => format!("{count} variables could not be read."),
        UiText::UnreadableChoices { count: 1 } => "1 choice could not be read.".to_owned(),
        UiText::UnreadableChoices { count } => format!("{count} choices could not be read."),
        UiText::CockpitValue { kind, value } => match (kind, value) {
            (CockpitVariableKind::OnOff, 0) => "Off".to_owned(),
            (CockpitVariableKind::OnOff, 1) => "On".to_owned(),
            (CockpitVariableKind::Percentage, value) => format!("{value}%"),
            (_, value) => value.to_string(),
        },
        UiText::UnknownValue => "unknown".to_owned(),
        UiText::NewValue => "New value".to_owned(),
        UiText::SetValue => "Set value".to_owned(),
        UiText::ConfirmSetValue { name, value } => format!("Set '{name}' to {value}?"),
        UiText::Confirm => "Confirm".to_owned(),
        UiText::Cancel => "Cancel".to_owned(),
        UiText::ReadOnly => {
            "This variable is read-only: its value can be viewed but not changed.".to_owned()
        }
    }
}

fn german_ui(text: &UiText) -> String {
    match text {
        UiText::KindName(kind) => german_kind(*kind),
        UiText::FormTitle(EventKind::Callback) => "Rückruf anfordern".to_owned(),
        UiText::FormTitle(kind) => format!("Neu: {}", german_kind(*kind)),
        UiText::Submit(EventKind::Callback) => "Rückruf anfordern".to_owned(),
        UiText::Submit(kind) => format!("{} anlegen", german_kind(*kind)),
        UiText::Sending => "Wird gesendet…".to_owned(),
        UiText::Created {
            kind: EventKind::Callback,
            event_id: Some(id),
        } => {
            format!("Vielen Dank! Ihre Rückrufbitte wurde angelegt (Referenz {id}).")
        }
        UiText::Created {
            kind: EventKind::Callback,
            event_id: None,
        } => "Vielen Dank! Ihre Rückrufbitte wurde angelegt.".to_owned(),
        UiText::Created {
            kind,
            event_id: Some(id),
        } => format!("{} wurde angelegt (Referenz {id}).", german_kind(*kind)),
        UiText::Created {
            kind,
            event_id: None,
        } => format!("{} wurde angelegt.", german_kind(*kind)),
        UiText::NewRequest => "Neue Anfrage".to_owned(),
        UiText::BackOnline => {
            "Sie sind wieder online: Ihre Eingaben sind noch da, senden Sie sie jetzt.".to_owned()
        }
        UiText::SendNow => "Jetzt senden".to_owned(),
        UiText::TryAgain => "Erneut versuchen".to_owned(),
        UiText::Optional => "optional".to_owned(),
        UiText::SentAs { number } => format!("Wird gesendet als {number}"),
        UiText::PhoneHint => {
            "Mit Vorwahl, zum Beispiel 0199 123456789 oder +49 199 123456789".to_owned()
        }
        UiText::ConfigurationProblem => {
            "Dieses Formular ist nicht richtig eingerichtet:".to_owned()
        }
        UiText::TypeToSearch => "Zum Suchen tippen".to_owned(),
        UiText::NoMatches => "Keine Treffer".to_owned(),
        UiText::MoreMatches { count } => {
            format!("{count} weitere: weitertippen, um die Liste einzugrenzen")
        }
        UiText::LoadingOptions => "Auswahl wird geladen…".to_owned(),
        UiText::OptionsUnavailable => "Die Auswahl konnte nicht geladen werden:".to_owned(),
        UiText::TimeZoneHint { zone } => format!("Ihre Ortszeit: {zone}"),
        UiText::SubjectPreview { subject } => format!("Betreff: {subject}"),
        UiText::AsSoonAsPossible => "So bald wie möglich".to_owned(),
        UiText::CentreTime { time } => format!("Zeit im Callcenter: {time}"),
        UiText::TimeComesTwice { time, first, offset } => format!(
            "{time} gibt es an dem Tag zweimal, weil die Uhren zurückgestellt werden; genommen ist die {} {time} (UTC{offset}).",
            if *first { "erste" } else { "zweite" }
        ),
        UiText::UseOtherReading { time, first, offset } => format!(
            "Die {} {time} nehmen (UTC{offset})",
            if *first { "erste" } else { "zweite" }
        ),
        UiText::NearestTimes => "Nächste Uhrzeiten, die es gibt:".to_owned(),
        UiText::Weekday(day) => ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"][usize::from(*day % 7)].to_owned(),
        UiText::SlotText { time, centre } => format!("{time} (Callcenter {centre})"),
        UiText::CallbackSetting { error, value } => german_callback_setting(*error, value),
        UiText::CockpitVariableLoading => "Die Cockpit-Variable wird geladen…".to_owned(),
        UiText::CockpitVariablesTitle => "Cockpit-Variablen".to_owned(),
        UiText::CockpitVariablesLoading => "Die Cockpit-Variablen werden geladen…".to_owned(),
        UiText::CockpitFilter => "Nach Name oder Beschreibung filtern".to_owned(),
        UiText::CockpitShown { shown, total } => {
            format!("{shown} von {total} Variablen angezeigt")
        }
        UiText::Close => "Schließen".to_owned(),
        UiText::CurrentValue => "Aktueller Wert".to_owned(),
        UiText::Minimum => "Minimum".to_owned(),
        UiText::Maximum => "Maximum".to_owned(),
        UiText::Kind => "Typ".to_owned(),
        UiText::VariableKindName(CockpitVariableKind::OnOff) => "Ein/Aus".to_owned(),
        UiText::VariableKindName(CockpitVariableKind::Number) => "Zahl".to_owned(),
        UiText::VariableKindName(CockpitVariableKind::Percentage) => "Prozent".to_owned(),
        UiText::VariableKindNotSent => "von jtel nicht gesendet (als Zahl behandelt)".to_owned(),
        UiText::UnreadableVariables { count: 1 } => {
            "1 Variable konnte nicht gelesen werden.".to_owned()
        }
        UiText::UnreadableVariables { count } => {
            format!("{count} Variablen konnten nicht gelesen werden.")
        }
        UiText::UnreadableChoices { count: 1 } => {
            "1 Eintrag konnte nicht gelesen werden.".to_owned()
        }
        UiText::UnreadableChoices { count } => {
            format!("{count} Einträge konnten nicht gelesen werden.")
        }
        UiText::CockpitValue { kind, value } => match (kind, value) {
            (CockpitVariableKind::OnOff, 0) => "Aus".to_owned(),
            (CockpitVariableKind::OnOff, 1) => "Ein".to_owned(),
            (CockpitVariableKind::Percentage, value) => format!("{value} %"),
            (_, value) => value.to_string(),
        },
        UiText::UnknownValue => "unbekannt".to_owned(),
        UiText::NewValue => "Neuer Wert".to_owned(),
        UiText::SetValue => "Wert setzen".to_owned(),
        UiText::ConfirmSetValue { name, value } => format!("„{name}“ auf {value} setzen?"),
        UiText::Confirm => "Bestätigen".to_owned(),
        UiText::Cancel => "Abbrechen".to_owned(),
        UiText::ReadOnly => {
            "Diese Variable ist nur lesbar: Ihr Wert kann angezeigt, aber nicht geändert werden."
                .to_owned()
        }
    }
}

/// The name of the event type `id` as jtel's `ShortText` key names it: a known key in
/// `language` ("Callback request"), an unknown key readably (`AcdEventTypes.WhatsApp` →
/// "WhatsApp"), and without a key the name of the kind `id` stands for.
pub fn event_type_label(id: i64, short_text: Option<&str>, language: Language) -> String {
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
    ui_text(&UiText::KindName(kind), language)
}

/// A variable's current value as a user reads it ([`UiText::CockpitValue`]), or
/// [`UiText::UnknownValue`] when the server sent none.
pub fn variable_value_text(variable: &CockpitVariable, language: Language) -> String {
    let text = match variable.value {
        Some(value) => UiText::CockpitValue {
            kind: variable.kind(),
            value,
        },
        None => UiText::UnknownValue,
    };
    ui_text(&text, language)
}

fn english_callback_setting(error: CallbackSettingError, value: &str) -> String {
    let example = "for example Mo-Fr 08:00-18:00; Sa 09:00-13:00";
    match error {
        CallbackSettingError::Hours(error) => {
            let reason = match error {
                ServiceHoursError::Empty => "it names no hours",
                ServiceHoursError::Incomplete => "each rule needs days, a space and times",
                ServiceHoursError::UnknownDay => {
                    "days are Mo Tu We Th Fr Sa Su (or Mo Di Mi Do Fr Sa So)"
                }
                ServiceHoursError::BadTime => "times are HH:MM-HH:MM from 00:00 to 24:00",
                ServiceHoursError::ClosesBeforeOpens => "each range must close after it opens",
            };
            format!("callback-hours \"{value}\" is not understood: {reason} ({example}).")
        }
        CallbackSettingError::UnknownZone => format!(
            "callback-zone \"{value}\" is not a time zone this browser knows; use an IANA name such as Europe/Berlin."
        ),
        CallbackSettingError::HoursWithoutZone => format!(
            "callback-hours \"{value}\" needs callback-zone, the call centre's time zone (for example Europe/Berlin)."
        ),
    }
}

fn german_callback_setting(error: CallbackSettingError, value: &str) -> String {
    let example = "zum Beispiel Mo-Fr 08:00-18:00; Sa 09:00-13:00";
    match error {
        CallbackSettingError::Hours(error) => {
            let reason = match error {
                ServiceHoursError::Empty => "es nennt keine Zeiten",
                ServiceHoursError::Incomplete => "jede Regel braucht Tage, ein Leerzeichen und Zeiten",
                ServiceHoursError::UnknownDay => {
                    "Tage sind Mo Di Mi Do Fr Sa So (oder Mo Tu We Th Fr Sa Su)"
                }
                ServiceHoursError::BadTime => "Zeiten sind HH:MM-HH:MM von 00:00 bis 24:00",
                ServiceHoursError::ClosesBeforeOpens => "jeder Bereich muss nach seinem Beginn enden",
            };
            format!("callback-hours \"{value}\" ist nicht verständlich: {reason} ({example}).")
        }
        CallbackSettingError::UnknownZone => format!(
            "callback-zone \"{value}\" ist keine Zeitzone, die dieser Browser kennt; verwenden Sie einen IANA-Namen wie Europe/Berlin."
        ),
        CallbackSettingError::HoursWithoutZone => format!(
            "callback-hours \"{value}\" braucht callback-zone, die Zeitzone des Callcenters (zum Beispiel Europe/Berlin)."
        ),
    }
}

/// The text for a validation problem.
pub fn error_message(code: ErrorCode, language: Language) -> String {
    match language {
        Language::English => english_error(code),
        Language::German => german_error(code),
    }
}

/// The label of a form field.
pub fn field_label(field: Field, language: Language) -> &'static str {
    match language {
        Language::English => match field {
            Field::AcdEventTypesId => "Request type",
            Field::AcdGroupsId => "ACD group",
            Field::UsersId => "Agent",
            Field::Sender => "Your phone number",
            Field::Receiver => "Service number",
            Field::Subject => "Subject",
            Field::Body => "Message",
            Field::CrmUrl => "CRM link",
            Field::UserData => "Reference",
            Field::Value => "Value",
            Field::PreferredTime => "Preferred time",
        },
        Language::German => match field {
            Field::AcdEventTypesId => "Art der Anfrage",
            Field::AcdGroupsId => "ACD-Gruppe",
            Field::UsersId => "Agent",
            Field::Sender => "Ihre Telefonnummer",
            Field::Receiver => "Servicenummer",
            Field::Subject => "Betreff",
            Field::Body => "Nachricht",
            Field::CrmUrl => "CRM-Link",
            Field::UserData => "Referenz",
            Field::Value => "Wert",
            Field::PreferredTime => "Wunschtermin",
        },
    }
}

/// The text for a failed request.
pub fn api_error_message(error: &ApiError, language: Language) -> String {
    match language {
        Language::English => english_api_error(error),
        Language::German => german_api_error(error),
    }
}

/// The text for a setValue result.
pub fn set_value_message(result: SetValueResult, language: Language) -> String {
    match language {
        Language::English => match result {
            SetValueResult::Set => "The value was set.".to_owned(),
            SetValueResult::NotWritable => {
                "This variable cannot be changed (it is read-only).".to_owned()
            }
            SetValueResult::NotFoundOrNotVisible => {
                "This variable does not exist or is not visible for the cockpit.".to_owned()
            }
            SetValueResult::Unchanged => {
                "Nothing changed: the variable already has this value.".to_owned()
            }
            SetValueResult::OutOfRange => {
                "Nothing changed: the value is outside the allowed range.".to_owned()
            }
            SetValueResult::Unknown(code) => {
                format!("The server answered with the unknown result {code}.")
            }
        },
        Language::German => match result {
            SetValueResult::Set => "Der Wert wurde gesetzt.".to_owned(),
            SetValueResult::NotWritable => {
                "Diese Variable kann nicht geändert werden (nur lesbar).".to_owned()
            }
            SetValueResult::NotFoundOrNotVisible => {
                "Diese Variable existiert nicht oder ist für das Cockpit nicht sichtbar.".to_owned()
            }
            SetValueResult::Unchanged => {
                "Keine Änderung: Die Variable hat bereits diesen Wert.".to_owned()
            }
            SetValueResult::OutOfRange => {
                "Keine Änderung: Der Wert liegt außerhalb des erlaubten Bereichs.".to_owned()
            }
            SetValueResult::Unknown(code) => {
                format!("Der Server antwortete mit dem unbekannten Ergebnis {code}.")
            }
        },
    }
}

fn english_error(code: ErrorCode) -> String {
    match code {
        ErrorCode::Required => "This field is required.".to_owned(),
        ErrorCode::NotPositiveInteger => "Enter a whole number greater than 0.".to_owned(),
        ErrorCode::TooLong { max } => format!("Use at most {max} characters."),
        ErrorCode::Phone(PhoneError::Empty) => "Enter a phone number.".to_owned(),
        ErrorCode::Phone(PhoneError::InvalidCharacters) => {
            "A phone number may contain only digits, spaces, dashes, brackets and a leading +."
                .to_owned()
        }
        ErrorCode::Phone(PhoneError::TooShort) => {
            format!("This phone number is too short (at least {MIN_DIGITS} digits with the country code).")
        }
        ErrorCode::Phone(PhoneError::TooLong) => {
            format!("This phone number is too long (at most {MAX_DIGITS} digits with the country code).")
        }
        ErrorCode::Phone(PhoneError::UnknownCountryCode) => {
            "This phone number does not start with a known country code (for example +49)."
                .to_owned()
        }
        ErrorCode::Phone(PhoneError::Letters) => {
            "A phone number cannot contain letters: type the digits (for example 0800 3569377 for 0800-FLOWERS)."
                .to_owned()
        }
        ErrorCode::Phone(PhoneError::Extension) => {
            "Leave out the extension: enter only the number that can be called back.".to_owned()
        }
        ErrorCode::Phone(PhoneError::TwoNumbers) => {
            "Enter only one phone number.".to_owned()
        }
        ErrorCode::Phone(PhoneError::NotPossible) => {
            "This is not a possible number in its country: check the digits, the area code and the country code."
                .to_owned()
        }
        ErrorCode::Phone(PhoneError::Ambiguous) => {
            "This number can be read in two ways: write it with + and the country code (for example +49 30 1234567) or with the area code as dialled at home."
                .to_owned()
        }
        ErrorCode::Region(RegionError::UnknownRegion) => {
            "This form's region setting is not a region code such as DE or IT. Please tell your administrator."
                .to_owned()
        }
        ErrorCode::Region(RegionError::UnknownCountryCode) => {
            "This form's country-code setting is not a known country code. Please tell your administrator."
                .to_owned()
        }
        ErrorCode::Region(RegionError::SharedCountryCode(code)) => format!(
            "This form's country code +{code} is shared by {}: its region setting must name one. Please tell your administrator.",
            region_list(code)
        ),
        ErrorCode::Email(EmailError::Invalid) => "Enter an e-mail address such as name@example.com.".to_owned(),
        ErrorCode::Email(EmailError::TooLong) => format!(
            "This e-mail address is too long (at most {MAX_LOCAL_LEN} characters before the @, {MAX_LABEL_LEN} between dots, {EMAIL_MAX_LEN} in all)."
        ),
        ErrorCode::Email(EmailError::UnicodeDomain) => {
            "Write the domain of this address in its xn-- form (for example name@xn--mller-kva.de for müller.de)."
                .to_owned()
        }
        ErrorCode::Url(UrlError::NotHttp) => {
            "Enter a web address starting with http:// or https://.".to_owned()
        }
        ErrorCode::Url(UrlError::Malformed) => "This web address is not valid.".to_owned(),
        ErrorCode::Url(UrlError::TooLong) => {
            format!(
                "This web address is too long (at most {} characters).",
                crate::crm_url::MAX_LEN
            )
        }
        ErrorCode::BodyOnlyForCallbacks => {
            "A message can only be sent with a callback request.".to_owned()
        }
        ErrorCode::NotAnInteger => "Enter a whole number.".to_owned(),
        ErrorCode::PreferredTime(PreferredTimeError::Malformed) => {
            "Enter a date and a time.".to_owned()
        }
        ErrorCode::PreferredTime(PreferredTimeError::InThePast) => {
            "Choose a time in the future.".to_owned()
        }
        ErrorCode::PreferredTime(PreferredTimeError::Skipped { starts, ends }) => format!(
            "This time does not exist on that day: the clocks jump from {} to {}.",
            clock_text(starts),
            clock_text(ends)
        ),
        ErrorCode::PreferredTime(PreferredTimeError::OutsideServiceHours) => {
            "Choose a time within the call centre's service hours.".to_owned()
        }
        ErrorCode::UnknownReference => {
            "The jtel server knows nothing by this id or number.".to_owned()
        }
        ErrorCode::OutOfRange { min, max } => match (min, max) {
            (Some(min), Some(max)) => format!("Enter a value from {min} to {max}."),
            (Some(min), None) => format!("Enter a value of at least {min}."),
            (None, Some(max)) => format!("Enter a value of at most {max}."),
            (None, None) => "This value is not allowed.".to_owned(),
        },
    }
}

fn german_error(code: ErrorCode) -> String {
    match code {
        ErrorCode::Required => "Dieses Feld ist ein Pflichtfeld.".to_owned(),
        ErrorCode::NotPositiveInteger => "Geben Sie eine ganze Zahl größer als 0 ein.".to_owned(),
        ErrorCode::TooLong { max } => format!("Verwenden Sie höchstens {max} Zeichen."),
        ErrorCode::Phone(PhoneError::Empty) => "Geben Sie eine Telefonnummer ein.".to_owned(),
        ErrorCode::Phone(PhoneError::InvalidCharacters) => {
            "Eine Telefonnummer darf nur Ziffern, Leerzeichen, Bindestriche, Klammern und ein führendes + enthalten."
                .to_owned()
        }
        ErrorCode::Phone(PhoneError::TooShort) => {
            format!("Diese Telefonnummer ist zu kurz (mindestens {MIN_DIGITS} Ziffern mit Ländervorwahl).")
        }
        ErrorCode::Phone(PhoneError::TooLong) => {
            format!("Diese Telefonnummer ist zu lang (höchstens {MAX_DIGITS} Ziffern mit Ländervorwahl).")
        }
        ErrorCode::Phone(PhoneError::UnknownCountryCode) => {
            "Diese Telefonnummer beginnt nicht mit einer bekannten Ländervorwahl (zum Beispiel +49).".to_owned()
        }
        ErrorCode::Phone(PhoneError::Letters) => {
            "Eine Telefonnummer kann keine Buchstaben enthalten: Geben Sie die Ziffern ein (zum Beispiel 0800 3569377 für 0800-FLOWERS)."
                .to_owned()
        }
        ErrorCode::Phone(PhoneError::Extension) => {
            "Lassen Sie die Durchwahl weg: Geben Sie nur die Nummer ein, unter der zurückgerufen werden kann.".to_owned()
        }
        ErrorCode::Phone(PhoneError::TwoNumbers) => "Geben Sie nur eine Telefonnummer ein.".to_owned(),
        ErrorCode::Phone(PhoneError::NotPossible) => {
            "Diese Nummer ist in ihrem Land nicht möglich: Prüfen Sie die Ziffern, die Vorwahl und die Ländervorwahl."
                .to_owned()
        }
        ErrorCode::Phone(PhoneError::Ambiguous) => {
            "Diese Nummer lässt sich auf zwei Arten lesen: Schreiben Sie sie mit + und Ländervorwahl (zum Beispiel +49 30 1234567) oder mit der Vorwahl, wie man sie im Inland wählt."
                .to_owned()
        }
        ErrorCode::Region(RegionError::UnknownRegion) => {
            "Die Region dieses Formulars ist kein Regionscode wie DE oder IT. Bitte informieren Sie Ihre Administration."
                .to_owned()
        }
        ErrorCode::Region(RegionError::UnknownCountryCode) => {
            "Die Ländervorwahl dieses Formulars ist unbekannt. Bitte informieren Sie Ihre Administration.".to_owned()
        }
        ErrorCode::Region(RegionError::SharedCountryCode(code)) => format!(
            "Die Ländervorwahl +{code} dieses Formulars teilen sich {}: Die Einstellung region muss eine davon nennen. Bitte informieren Sie Ihre Administration.",
            region_list(code)
        ),
        ErrorCode::Email(EmailError::Invalid) => "Geben Sie eine E-Mail-Adresse wie name@example.com ein.".to_owned(),
        ErrorCode::Email(EmailError::TooLong) => format!(
            "Diese E-Mail-Adresse ist zu lang (höchstens {MAX_LOCAL_LEN} Zeichen vor dem @, {MAX_LABEL_LEN} zwischen Punkten, {EMAIL_MAX_LEN} insgesamt)."
        ),
        ErrorCode::Email(EmailError::UnicodeDomain) => {
            "Schreiben Sie die Domain dieser Adresse in ihrer xn---Form (zum Beispiel name@xn--mller-kva.de für müller.de)."
                .to_owned()
        }
        ErrorCode::Url(UrlError::NotHttp) => {
            "Geben Sie eine Webadresse ein, die mit http:// oder https:// beginnt.".to_owned()
        }
        ErrorCode::Url(UrlError::Malformed) => "Diese Webadresse ist ungültig.".to_owned(),
        ErrorCode::Url(UrlError::TooLong) => {
            format!("Diese Webadresse ist zu lang (höchstens {} Zeichen).", crate::crm_url::MAX_LEN)
        }
        ErrorCode::BodyOnlyForCallbacks => "Eine Nachricht kann nur mit einer Rückrufbitte gesendet werden.".to_owned(),
        ErrorCode::NotAnInteger => "Geben Sie eine ganze Zahl ein.".to_owned(),
        ErrorCode::PreferredTime(PreferredTimeError::Malformed) => "Geben Sie Datum und Uhrzeit ein.".to_owned(),
        ErrorCode::PreferredTime(PreferredTimeError::InThePast) => "Wählen Sie einen Zeitpunkt in der Zukunft.".to_owned(),
        ErrorCode::PreferredTime(PreferredTimeError::Skipped { starts, ends }) => format!(
            "Diese Uhrzeit gibt es an dem Tag nicht: die Uhren springen von {} auf {}.",
            clock_text(starts),
            clock_text(ends)
        ),
        ErrorCode::PreferredTime(PreferredTimeError::OutsideServiceHours) => "Wählen Sie eine Zeit innerhalb der Servicezeiten des Callcenters.".to_owned(),
        ErrorCode::UnknownReference => "Unter dieser Kennung oder Nummer kennt der jtel-Server nichts.".to_owned(),
        ErrorCode::OutOfRange { min, max } => match (min, max) {
            (Some(min), Some(max)) => format!("Geben Sie einen Wert von {min} bis {max} ein."),
            (Some(min), None) => format!("Geben Sie einen Wert von mindestens {min} ein."),
            (None, Some(max)) => format!("Geben Sie einen Wert von höchstens {max} ein."),
            (None, None) => "Dieser Wert ist nicht erlaubt.".to_owned(),
        },
    }
}

fn english_api_error(error: &ApiError) -> String {
    match error {
        ApiError::Invalid { problems } if problems.is_empty() => "The server refused the request.".to_owned(),
        ApiError::Invalid { .. } => "The server refused some of the input; see the marked fields.".to_owned(),
        ApiError::Unauthorized => {
            "The jtel server did not accept the credentials (token or client id). Please tell your administrator."
                .to_owned()
        }
        ApiError::RouteMissing => {
            "The jtel service was not found at the configured address. Please tell your administrator.".to_owned()
        }
        ApiError::NotFound { message } => with_reason("The requested record does not exist", message),
        ApiError::Conflict { message } => with_reason("The request conflicts with existing data", message),
        ApiError::Server { status, message } => {
            with_reason(&format!("The jtel server had a problem (HTTP {status}); please try again"), opt(message))
        }
        ApiError::UnexpectedStatus { status, message } => {
            with_reason(&format!("The jtel server answered unexpectedly (HTTP {status})"), opt(message))
        }
        ApiError::Undecodable { .. } => "The jtel server sent an answer that could not be read.".to_owned(),
        ApiError::Network { .. } => {
            "The jtel service could not be reached. Check the connection and try again; your input is kept."
                .to_owned()
        }
        ApiError::Timeout { seconds } => format!(
            "The jtel service did not answer within {seconds} seconds. Try again; your input is kept, and a request that did arrive is not sent twice."
        ),
        ApiError::Offline => {
            "You are offline. Your input is kept; send it when the connection is back.".to_owned()
        }
    }
}

fn german_api_error(error: &ApiError) -> String {
    match error {
        ApiError::Invalid { problems } if problems.is_empty() => "Der Server hat die Anfrage abgelehnt.".to_owned(),
        ApiError::Invalid { .. } => {
            "Der Server hat Eingaben abgelehnt; bitte prüfen Sie die markierten Felder.".to_owned()
        }
        ApiError::Unauthorized => {
            "Der jtel-Server hat die Zugangsdaten (Token oder Mandant) nicht akzeptiert. Bitte informieren Sie Ihre Administration."
                .to_owned()
        }
        ApiError::RouteMissing => {
            "Der jtel-Dienst wurde unter der eingestellten Adresse nicht gefunden. Bitte informieren Sie Ihre Administration."
                .to_owned()
        }
        ApiError::NotFound { message } => with_reason("Der angefragte Datensatz existiert nicht", message),
        ApiError::Conflict { message } => with_reason("Die Anfrage steht im Konflikt mit vorhandenen Daten", message),
        ApiError::Server { status, message } => with_reason(
            &format!("Der jtel-Server hatte ein Problem (HTTP {status}); bitte versuchen Sie es erneut"),
            opt(message),
        ),
        ApiError::UnexpectedStatus { status, message } => {
            with_reason(&format!("Der jtel-Server antwortete unerwartet (HTTP {status})"), opt(message))
        }
        ApiError::Undecodable { .. } => "Der jtel-Server sandte eine unlesbare Antwort.".to_owned(),
        ApiError::Network { .. } => {
            "Der jtel-Dienst ist nicht erreichbar. Prüfen Sie die Verbindung und versuchen Sie es erneut; Ihre Eingaben bleiben erhalten."
                .to_owned()
        }
        ApiError::Timeout { seconds } => format!(
            "Der jtel-Dienst hat nicht innerhalb von {seconds} Sekunden geantwortet. Versuchen Sie es erneut; Ihre Eingaben bleiben erhalten, und eine angekommene Anfrage wird nicht doppelt gesendet."
        ),
        ApiError::Offline => {
            "Sie sind offline. Ihre Eingaben bleiben erhalten; senden Sie sie, sobald die Verbindung wieder besteht."
                .to_owned()
        }
    }
}

/// The regions sharing calling code `code`, as `US, AG, AI, …`.
fn region_list(code: u16) -> String {
    Region::with_country_code(code)
        .map(Region::id)
        .collect::<Vec<_>>()
        .join(", ")
}

fn opt(message: &Option<String>) -> &str {
    message.as_deref().unwrap_or("")
}

/// `summary.` or `summary: reason.` when the server gave a reason.
fn with_reason(summary: &str, reason: &str) -> String {
    match reason.trim() {
        "" => format!("{summary}."),
        reason => format!("{summary}: {reason}"),
    }
}
