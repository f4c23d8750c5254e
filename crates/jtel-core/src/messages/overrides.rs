//! An integrator's own texts: replacements for any text of one widget, by its stable key.
//!
//! A replacement may place the text's values with `{name}` ([`Text::placeholders`]), e.g.
//! `{"submit.callback": "Call me back", "error.too-long": "At most {max} characters"}`.

use super::{Label, Text, UiText};
use crate::callback_time::PreferredTimeError;
use crate::crm_url::UrlError;
use crate::email::EmailError;
use crate::event_kind::EventKind;
use crate::json::{self, Json};
use crate::model::CockpitVariableKind;
use crate::numbering_plan::RegionError;
use crate::options::joined;
use crate::outcome::{ApiError, FieldMessage, SetValueResult};
use crate::phone::PhoneError;
use crate::service_hours::{CallbackSettingError, ServiceHoursError};
use crate::validation::{ErrorCode, Field};
use std::rc::Rc;

/// Replacement texts by key, cheap to clone (one widget's `texts` option).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TextOverrides(Rc<[(String, String)]>);

/// Why an entry of a `texts` option was not used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextsError {
    /// The option is not a JSON object of texts.
    NotAnObject,
    /// No text has this key.
    UnknownKey(String),
    /// The value for this key is not a string.
    NotAString(String),
}

impl TextOverrides {
    /// The replacements of `pairs` (key, text) whose key names a text, and an error for each
    /// other one.
    pub fn from_pairs(
        pairs: impl IntoIterator<Item = (String, String)>,
    ) -> (Self, Vec<TextsError>) {
        let (mut kept, mut errors) = (Vec::new(), Vec::new());
        for (key, text) in pairs {
            if KEYS.contains(&key.as_str()) {
                kept.push((key, text));
            } else {
                errors.push(TextsError::UnknownKey(key));
            }
        }
        (Self(kept.into()), errors)
    }

    /// The replacements of a JSON object of texts such as `{"sending": "One moment…"}`, and an
    /// error for each entry (or the whole text) that could not be used.
    pub fn from_json(text: &str) -> (Self, Vec<TextsError>) {
        let Ok(Json::Object(members)) = json::parse(text) else {
            return (Self::default(), vec![TextsError::NotAnObject]);
        };
        let mut errors = Vec::new();
        let pairs: Vec<(String, String)> = members
            .into_iter()
            .filter_map(|(key, value)| match value {
                Json::String(text) => Some((key, text)),
                _ => {
                    errors.push(TextsError::NotAString(key));
                    None
                }
            })
            .collect();
        let (overrides, unknown) = Self::from_pairs(pairs);
        errors.extend(unknown);
        (overrides, errors)
    }

    /// Whether there is no replacement.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The replacement for `text` with its placeholders filled in, if there is one.
    pub(super) fn get(&self, text: &Text<'_>) -> Option<String> {
        if self.0.is_empty() {
            return None;
        }
        let (_, template) = self.0.iter().find(|(key, _)| text.has_key(key))?;
        Some(fill(template, &text.placeholders()))
    }
}

/// `template` with each `{name}` of `values` replaced by its value; other braces stay.
fn fill(template: &str, values: &[(&'static str, String)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            let (_, value) = values.iter().find(|(candidate, _)| *candidate == name)?;
            Some((value, close))
        });
        match value {
            Some((value, close)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Every text key, as a list the browser build can check `texts` against without building
/// every text ([`every_key`] builds them; a test keeps both equal): the fixed texts', the
/// field labels' (one per [`Field`], from its declaration) and the others'.
pub const KEYS: &[&str] =
    &joined::<{ UI_KEYS.len() + Field::LABEL_KEYS.len() + OTHER_KEYS.len() }>(&[
        UI_KEYS,
        &Field::LABEL_KEYS,
        OTHER_KEYS,
    ]);

/// The keys of the fixed texts ([`UiText`]).
const UI_KEYS: &[&str] = &[
    "sending",
    "back-online",
    "send-now",
    "new-request",
    "try-again",
    "optional",
    "sent-as",
    "phone-hint",
    "configuration-problem",
    "type-to-search",
    "no-matches",
    "more-matches",
    "loading-options",
    "options-unavailable",
    "time-zone-hint",
    "subject-preview",
    "centre-time",
    "time-comes-twice.first",
    "time-comes-twice.second",
    "use-other-reading.first",
    "use-other-reading.second",
    "nearest-times",
    "slot",
    "as-soon-as-possible",
    "cockpit-variable-loading",
    "cockpit-variables-title",
    "cockpit-variables-loading",
    "cockpit-filter",
    "cockpit-shown",
    "close",
    "current-value",
    "minimum",
    "maximum",
    "kind",
    "cockpit-value.off",
    "cockpit-value.on",
    "cockpit-value.percentage",
    "cockpit-value.number",
    "unknown-value",
    "new-value",
    "set-value",
    "confirm-set-value",
    "confirm",
    "cancel",
    "read-only",
    "link-settings-ignored",
    "link-settings-marked",
    "variable-kind.on-off",
    "variable-kind.number",
    "variable-kind.percentage",
    "weekday.mon",
    "weekday.tue",
    "weekday.wed",
    "weekday.thu",
    "weekday.fri",
    "weekday.sat",
    "weekday.sun",
    "callback-setting.hours-empty",
    "callback-setting.hours-incomplete",
    "callback-setting.hours-unknown-day",
    "callback-setting.hours-bad-time",
    "callback-setting.hours-closes-before-opens",
    "callback-setting.unknown-zone",
    "callback-setting.hours-without-zone",
    "variable-kind-not-sent",
    "unreadable-variables",
    "unreadable-choices",
    "kind-name.voicemail",
    "form-title.voicemail",
    "submit.voicemail",
    "created.voicemail",
    "created-without-reference.voicemail",
    "kind-name.fax",
    "form-title.fax",
    "submit.fax",
    "created.fax",
    "created-without-reference.fax",
    "kind-name.callback",
    "form-title.callback",
    "submit.callback",
    "created.callback",
    "created-without-reference.callback",
    "kind-name.sms",
    "form-title.sms",
    "submit.sms",
    "created.sms",
    "created-without-reference.sms",
    "kind-name.email",
    "form-title.email",
    "submit.email",
    "created.email",
    "created-without-reference.email",
    "kind-name.ticket",
    "form-title.ticket",
    "submit.ticket",
    "created.ticket",
    "created-without-reference.ticket",
    "kind-name.other",
    "form-title.other",
    "submit.other",
    "created.other",
    "created-without-reference.other",
];

/// The keys of the other texts: labels that are not a field's own, errors, failures and
/// setValue results.
const OTHER_KEYS: &[&str] = &[
    "label.phone-number",
    "label.email-address",
    "label.sender",
    "label.email-receiver",
    "label.receiver",
    "label.ticket-number",
    "error.required",
    "error.not-positive-integer",
    "error.too-long",
    "error.phone-empty",
    "error.phone-invalid-characters",
    "error.phone-too-short",
    "error.phone-too-long",
    "error.phone-unknown-country-code",
    "error.phone-letters",
    "error.phone-extension",
    "error.phone-two-numbers",
    "error.phone-not-possible",
    "error.phone-ambiguous",
    "error.email-invalid",
    "error.email-too-long",
    "error.email-unicode-domain",
    "error.region-unknown",
    "error.region-unknown-country-code",
    "error.region-shared-country-code",
    "error.url-not-http",
    "error.url-malformed",
    "error.url-too-long",
    "error.body-only-for-callbacks",
    "error.not-an-integer",
    "error.unknown-reference",
    "error.preferred-time-malformed",
    "error.preferred-time-in-the-past",
    "error.preferred-time-skipped",
    "error.preferred-time-outside-service-hours",
    "error.out-of-range",
    "error.out-of-range-at-least",
    "error.out-of-range-at-most",
    "error.out-of-range-unbounded",
    "failure.refused",
    "failure.invalid",
    "failure.unauthorized",
    "failure.too-many-requests",
    "failure.too-many-requests-wait",
    "failure.route-missing",
    "failure.not-found",
    "failure.conflict",
    "failure.server-error",
    "failure.unexpected-status",
    "failure.undecodable",
    "failure.network",
    "failure.timeout",
    "failure.offline",
    "set-value.set",
    "set-value.not-writable",
    "set-value.not-found-or-not-visible",
    "set-value.unchanged",
    "set-value.out-of-range",
    "set-value.unknown",
];

/// Every text key, in the order [`for_every_text`] visits them.
pub fn every_key() -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    for_every_text(|text| {
        let key = text.key();
        if !keys.contains(&key) {
            keys.push(key);
        }
    });
    keys
}

/// Calls `visit` with every text the widgets can show, each key at least once, with sample
/// values: for the documentation, for checking `texts` keys and for the test that every
/// language has every text.
pub fn for_every_text(mut visit: impl FnMut(&Text<'_>)) {
    let kinds = [
        EventKind::VoiceMail,
        EventKind::Fax,
        EventKind::Callback,
        EventKind::Sms,
        EventKind::Email,
        EventKind::Ticket,
        EventKind::Other(7),
    ];
    let variable_kinds = [
        CockpitVariableKind::OnOff,
        CockpitVariableKind::Number,
        CockpitVariableKind::Percentage,
    ];
    let mut ui = vec![
        UiText::Sending,
        UiText::BackOnline,
        UiText::SendNow,
        UiText::NewRequest,
        UiText::TryAgain,
        UiText::Optional,
        UiText::SentAs {
            number: "+49 199 123456789".into(),
        },
        UiText::PhoneHint,
        UiText::ConfigurationProblem,
        UiText::TypeToSearch,
        UiText::NoMatches,
        UiText::MoreMatches { count: 12 },
        UiText::LoadingOptions,
        UiText::OptionsUnavailable,
        UiText::TimeZoneHint {
            zone: "Europe/Berlin (UTC+01:00)".into(),
        },
        UiText::SubjectPreview {
            subject: "Callback request".into(),
        },
        UiText::CentreTime {
            time: "2027-07-15 08:30 America/New_York (UTC-04:00)".into(),
        },
        UiText::TimeComesTwice {
            time: "02:30".into(),
            first: true,
            offset: "+02:00".into(),
        },
        UiText::TimeComesTwice {
            time: "02:30".into(),
            first: false,
            offset: "+01:00".into(),
        },
        UiText::UseOtherReading {
            time: "02:30".into(),
            first: true,
            offset: "+02:00".into(),
        },
        UiText::UseOtherReading {
            time: "02:30".into(),
            first: false,
            offset: "+01:00".into(),
        },
        UiText::NearestTimes,
        UiText::SlotText {
            time: "14:30".into(),
            centre: "08:30".into(),
        },
        UiText::AsSoonAsPossible,
        UiText::CockpitVariableLoading,
        UiText::CockpitVariablesTitle,
        UiText::CockpitVariablesLoading,
        UiText::CockpitFilter,
        UiText::CockpitShown { shown: 3, total: 5 },
        UiText::Close,
        UiText::CurrentValue,
        UiText::Minimum,
        UiText::Maximum,
        UiText::Kind,
        UiText::CockpitValue {
            kind: CockpitVariableKind::OnOff,
            value: 0,
        },
        UiText::CockpitValue {
            kind: CockpitVariableKind::OnOff,
            value: 1,
        },
        UiText::CockpitValue {
            kind: CockpitVariableKind::Percentage,
            value: 25,
        },
        UiText::CockpitValue {
            kind: CockpitVariableKind::Number,
            value: 7,
        },
        UiText::UnknownValue,
        UiText::NewValue,
        UiText::SetValue,
        UiText::ConfirmSetValue {
            name: "Emergency mode".into(),
            value: "On".into(),
        },
        UiText::Confirm,
        UiText::Cancel,
        UiText::ReadOnly,
        UiText::LinkSettingsIgnored {
            named: "group".into(),
            unknown: 2,
        },
        UiText::LinkSettingsMarked {
            list: "group “236”".into(),
        },
    ];
    ui.extend(variable_kinds.map(UiText::VariableKindName));
    ui.extend((0..7).map(UiText::Weekday));
    ui.extend(
        [
            CallbackSettingError::Hours(ServiceHoursError::Empty),
            CallbackSettingError::Hours(ServiceHoursError::Incomplete),
            CallbackSettingError::Hours(ServiceHoursError::UnknownDay),
            CallbackSettingError::Hours(ServiceHoursError::BadTime),
            CallbackSettingError::Hours(ServiceHoursError::ClosesBeforeOpens),
            CallbackSettingError::UnknownZone,
            CallbackSettingError::HoursWithoutZone,
        ]
        .map(|error| UiText::CallbackSetting {
            error,
            value: "Mo-Fr 8-18".into(),
        }),
    );
    ui.extend([
        UiText::VariableKindNotSent,
        UiText::UnreadableVariables { count: 2 },
        UiText::UnreadableChoices { count: 2 },
    ]);
    for kind in kinds {
        ui.extend([
            UiText::KindName(kind),
            UiText::FormTitle(kind),
            UiText::Submit(kind),
            UiText::Created {
                kind,
                event_id: Some(1001),
            },
            UiText::Created {
                kind,
                event_id: None,
            },
        ]);
    }
    ui.iter().for_each(|text| visit(&Text::Ui(text)));

    Field::ALL
        .map(Label::Field)
        .into_iter()
        .chain([
            Label::PhoneNumber,
            Label::EmailAddress,
            Label::Sender,
            Label::EmailReceiver,
            Label::Receiver,
            Label::TicketNumber,
        ])
        .for_each(|label| visit(&Text::Label(label)));

    [
        ErrorCode::Required,
        ErrorCode::NotPositiveInteger,
        ErrorCode::TooLong { max: 255 },
        ErrorCode::Phone(PhoneError::Empty),
        ErrorCode::Phone(PhoneError::InvalidCharacters),
        ErrorCode::Phone(PhoneError::TooShort),
        ErrorCode::Phone(PhoneError::TooLong),
        ErrorCode::Phone(PhoneError::UnknownCountryCode),
        ErrorCode::Phone(PhoneError::Letters),
        ErrorCode::Phone(PhoneError::Extension),
        ErrorCode::Phone(PhoneError::TwoNumbers),
        ErrorCode::Phone(PhoneError::NotPossible),
        ErrorCode::Phone(PhoneError::Ambiguous),
        ErrorCode::Email(EmailError::Invalid),
        ErrorCode::Email(EmailError::TooLong),
        ErrorCode::Email(EmailError::UnicodeDomain),
        ErrorCode::Region(RegionError::UnknownRegion),
        ErrorCode::Region(RegionError::UnknownCountryCode),
        ErrorCode::Region(RegionError::SharedCountryCode(1)),
        ErrorCode::Url(UrlError::NotHttp),
        ErrorCode::Url(UrlError::Malformed),
        ErrorCode::Url(UrlError::TooLong),
        ErrorCode::BodyOnlyForCallbacks,
        ErrorCode::NotAnInteger,
        ErrorCode::UnknownReference,
        ErrorCode::PreferredTime(PreferredTimeError::Malformed),
        ErrorCode::PreferredTime(PreferredTimeError::InThePast),
        ErrorCode::PreferredTime(PreferredTimeError::Skipped {
            starts: 120,
            ends: 180,
        }),
        ErrorCode::PreferredTime(PreferredTimeError::OutsideServiceHours),
        ErrorCode::OutOfRange {
            min: Some(0),
            max: Some(100),
        },
        ErrorCode::OutOfRange {
            min: Some(0),
            max: None,
        },
        ErrorCode::OutOfRange {
            min: None,
            max: Some(100),
        },
        ErrorCode::OutOfRange {
            min: None,
            max: None,
        },
    ]
    .into_iter()
    .for_each(|code| visit(&Text::Error(code)));

    let reason = || "no such record".to_owned();
    [
        ApiError::Invalid { problems: vec![] },
        ApiError::Invalid {
            problems: vec![FieldMessage {
                field: Some(Field::Sender),
                text: "This field is required.".into(),
            }],
        },
        ApiError::Unauthorized,
        ApiError::TooManyRequests {
            retry_after_seconds: None,
        },
        ApiError::TooManyRequests {
            retry_after_seconds: Some(30),
        },
        ApiError::RouteMissing,
        ApiError::NotFound { message: reason() },
        ApiError::Conflict { message: reason() },
        ApiError::Server {
            status: 503,
            message: None,
        },
        ApiError::UnexpectedStatus {
            status: 302,
            message: Some(reason()),
        },
        ApiError::Undecodable {
            detail: "expected a value".into(),
        },
        ApiError::Network {
            detail: "connection refused".into(),
        },
        ApiError::Timeout { seconds: 20 },
        ApiError::Offline,
    ]
    .iter()
    .for_each(|error| visit(&Text::Failure(error)));

    [
        SetValueResult::Set,
        SetValueResult::NotWritable,
        SetValueResult::NotFoundOrNotVisible,
        SetValueResult::Unchanged,
        SetValueResult::OutOfRange,
        SetValueResult::Unknown(9),
    ]
    .into_iter()
    .for_each(|result| visit(&Text::SetValue(result)));
}

#[cfg(test)]
mod tests {
    use super::fill;

    #[test]
    fn placeholders_are_filled_and_other_braces_stay() {
        let values = [("max", "255".to_owned())];
        assert_eq!(
            fill("At most {max} characters", &values),
            "At most 255 characters"
        );
        assert_eq!(fill("{max}{max}", &values), "255255");
        assert_eq!(fill("{min} {unclosed", &values), "{min} {unclosed");
        assert_eq!(fill("plain", &values), "plain");
    }
}
