//! The one set of rules that decides whether input is valid, for the browser and the emulator.
//!
//! Problems are reported all at once as [`FieldError`]s, `(field, code)` pairs; the words for a
//! code come from [`crate::messages`]. Two entry points:
//! - [`validate_create_event`] checks a request body as the jtel server receives it.
//! - [`EventDraft::to_request`] turns what a user typed (untrimmed text, national phone numbers)
//!   into such a body, or into the list of problems.

use crate::callback_time::PreferredTimeError;
use crate::crm_url::{check_crm_url, UrlError};
use crate::email::{self, check_email, EmailError};
use crate::event_kind::EventKind;
pub use crate::model::Field;
use crate::model::{CockpitVariable, CreateAcdEvent};
use crate::numbering_plan::{Region, RegionError};
use crate::phone::{check_e164, normalize_phone, PhoneError};

/// The most characters of `Subject`.
pub const SUBJECT_MAX_LEN: usize = 255;
/// The most characters of `Body`.
pub const BODY_MAX_LEN: usize = 4000;
/// The most characters of `UserData`.
pub const USER_DATA_MAX_LEN: usize = 255;
/// The most characters of a free-text `Sender` or `Receiver` (same as an e-mail address).
pub const PARTY_MAX_LEN: usize = email::MAX_LEN;

/// What is wrong with a field. Each code has a message per language in [`crate::messages`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    /// A required field is missing or blank.
    Required,
    /// An id is not a whole number greater than zero.
    NotPositiveInteger,
    /// Longer than `max` characters.
    TooLong {
        /// The most characters allowed.
        max: usize,
    },
    /// Not a phone number.
    Phone(PhoneError),
    /// Not an e-mail address.
    Email(EmailError),
    /// The form's `region` / `country-code` setting names no single region, so phone numbers
    /// cannot be read (a configuration problem for the host page's administrator).
    Region(RegionError),
    /// Not an acceptable `CrmURL`.
    Url(UrlError),
    /// `Body` was given for an event kind other than callback.
    BodyOnlyForCallbacks,
    /// A value is not a whole number.
    NotAnInteger,
    /// The id or number names nothing the jtel server knows (no such group, agent, event type
    /// or service number). Only the server can tell.
    UnknownReference,
    /// A preferred time that is not a date and time, lies in the past, is skipped by the
    /// clocks or lies outside the service hours.
    PreferredTime(PreferredTimeError),
    /// A value is outside the variable's bounds.
    OutOfRange {
        /// Smallest allowed value, if bounded below.
        min: Option<i64>,
        /// Largest allowed value, if bounded above.
        max: Option<i64>,
    },
}

impl ErrorCode {
    /// A stable kebab-case name for host pages and logs (`required`, `phone-too-short`, …).
    pub fn name(&self) -> &'static str {
        match self {
            Self::Required => "required",
            Self::NotPositiveInteger => "not-positive-integer",
            Self::TooLong { .. } => "too-long",
            Self::Phone(PhoneError::Empty) => "phone-empty",
            Self::Phone(PhoneError::InvalidCharacters) => "phone-invalid-characters",
            Self::Phone(PhoneError::TooShort) => "phone-too-short",
            Self::Phone(PhoneError::TooLong) => "phone-too-long",
            Self::Phone(PhoneError::UnknownCountryCode) => "phone-unknown-country-code",
            Self::Phone(PhoneError::Letters) => "phone-letters",
            Self::Phone(PhoneError::Extension) => "phone-extension",
            Self::Phone(PhoneError::TwoNumbers) => "phone-two-numbers",
            Self::Phone(PhoneError::NotPossible) => "phone-not-possible",
            Self::Phone(PhoneError::Ambiguous) => "phone-ambiguous",
            Self::Email(EmailError::Invalid) => "email-invalid",
            Self::Email(EmailError::TooLong) => "email-too-long",
            Self::Email(EmailError::UnicodeDomain) => "email-unicode-domain",
            Self::Region(_) => "region-setting",
            Self::Url(UrlError::NotHttp) => "url-not-http",
            Self::Url(UrlError::Malformed) => "url-malformed",
            Self::Url(UrlError::TooLong) => "url-too-long",
            Self::BodyOnlyForCallbacks => "body-only-for-callbacks",
            Self::NotAnInteger => "not-an-integer",
            Self::UnknownReference => "unknown-reference",
            Self::PreferredTime(PreferredTimeError::Malformed) => "preferred-time-malformed",
            Self::PreferredTime(PreferredTimeError::InThePast) => "preferred-time-in-the-past",
            Self::PreferredTime(PreferredTimeError::Skipped { .. }) => "preferred-time-skipped",
            Self::PreferredTime(PreferredTimeError::OutsideServiceHours) => {
                "preferred-time-outside-service-hours"
            }
            Self::OutOfRange { .. } => "out-of-range",
        }
    }
}

/// One problem: which field, and what is wrong with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FieldError {
    /// The field concerned.
    pub field: Field,
    /// What is wrong.
    pub code: ErrorCode,
}

impl FieldError {
    /// A problem with `field`.
    pub fn new(field: Field, code: ErrorCode) -> Self {
        Self { field, code }
    }
}

/// Checks a create body exactly as the jtel server receives it; empty when it is valid.
pub fn validate_create_event(event: &CreateAcdEvent) -> Vec<FieldError> {
    let kind = EventKind::from_type_id(event.acd_event_types_id);
    let mut errors = Vec::new();
    let mut check = |field, result: Result<(), ErrorCode>| {
        if let Err(code) = result {
            errors.push(FieldError::new(field, code));
        }
    };
    check(
        Field::AcdEventTypesId,
        positive_id(event.acd_event_types_id),
    );
    check(Field::AcdGroupsId, positive_id(event.acd_groups_id));
    check(Field::UsersId, event.users_id.map_or(Ok(()), positive_id));
    check(
        Field::Sender,
        required(&event.sender).and_then(|()| party(kind, &event.sender)),
    );
    check(
        Field::Receiver,
        optional(&event.receiver, |receiver| party(kind, receiver)),
    );
    check(
        Field::Subject,
        required(&event.subject).and_then(|()| max_len(&event.subject, SUBJECT_MAX_LEN)),
    );
    check(
        Field::Body,
        match &event.body {
            // With an invalid type id the kind is unknown; that error is reported already.
            Some(_) if event.acd_event_types_id > 0 && !kind.sends_body() => {
                Err(ErrorCode::BodyOnlyForCallbacks)
            }
            body => optional(body, |body| max_len(body, BODY_MAX_LEN)),
        },
    );
    check(
        Field::CrmUrl,
        optional(&event.crm_url, |url| {
            check_crm_url(url).map_err(ErrorCode::Url)
        }),
    );
    check(
        Field::UserData,
        optional(&event.user_data, |data| max_len(data, USER_DATA_MAX_LEN)),
    );
    errors
}

/// Checks a new value for a cockpit variable against its kind and bounds.
pub fn check_cockpit_value(variable: &CockpitVariable, value: i64) -> Result<(), ErrorCode> {
    let (min, max) = variable.bounds();
    if min.is_some_and(|min| value < min) || max.is_some_and(|max| value > max) {
        Err(ErrorCode::OutOfRange { min, max })
    } else {
        Ok(())
    }
}

/// Parses a typed cockpit value and checks it with [`check_cockpit_value`].
pub fn parse_cockpit_value(variable: &CockpitVariable, typed: &str) -> Result<i64, FieldError> {
    let value = typed
        .trim()
        .parse::<i64>()
        .map_err(|_| FieldError::new(Field::Value, ErrorCode::NotAnInteger))?;
    check_cockpit_value(variable, value).map_err(|code| FieldError::new(Field::Value, code))?;
    Ok(value)
}

/// What a user typed into an ACD event form: raw text per field.
///
/// Blank optional fields mean "not given". Phone numbers may be typed in national or
/// international format; they are normalised with the numbering plan of the form's region.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EventDraft {
    /// One text per field, at the field's [`Field::index`].
    texts: [String; Field::ALL.len()],
}

impl EventDraft {
    /// A draft holding these texts (later pairs win).
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (Field, &'a str)>) -> Self {
        let mut draft = Self::default();
        for (field, text) in pairs {
            draft.set(field, text.to_owned());
        }
        draft
    }

    /// The text typed into `field` (empty if none).
    pub fn text(&self, field: Field) -> &str {
        &self.texts[field.index()]
    }

    /// Every field with its text (empty if none), in form order.
    pub fn texts(&self) -> impl Iterator<Item = (Field, &str)> {
        Field::ALL
            .into_iter()
            .zip(self.texts.iter().map(String::as_str))
    }

    /// Replaces the text of `field`.
    pub fn set(&mut self, field: Field, text: String) {
        self.texts[field.index()] = text;
    }

    /// The create body this draft stands for, or every problem with it.
    pub fn to_request(&self, region: Region) -> Result<CreateAcdEvent, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut id = |field, text: &str| match text.trim() {
            "" => {
                errors.push(FieldError::new(field, ErrorCode::Required));
                None
            }
            text => match text.parse::<i64>() {
                Ok(id) => Some(id),
                Err(_) => {
                    errors.push(FieldError::new(field, ErrorCode::NotPositiveInteger));
                    None
                }
            },
        };
        let event_type = id(Field::AcdEventTypesId, self.text(Field::AcdEventTypesId));
        let group = id(Field::AcdGroupsId, self.text(Field::AcdGroupsId));
        let user = non_blank(self.text(Field::UsersId)).and_then(|user| id(Field::UsersId, user));
        let kind = EventKind::from_type_id(event_type.unwrap_or(0));
        let mut party = |field, text: &str| match normalize_party(kind, field, text, region) {
            Ok(party) => party,
            Err(code) => {
                errors.push(FieldError::new(field, code));
                text.trim().to_owned()
            }
        };
        let sender = party(Field::Sender, self.text(Field::Sender));
        let receiver =
            non_blank(self.text(Field::Receiver)).map(|text| party(Field::Receiver, text));
        let request = CreateAcdEvent {
            acd_event_types_id: event_type.unwrap_or(0),
            acd_groups_id: group.unwrap_or(0),
            users_id: user,
            sender,
            receiver,
            subject: self.text(Field::Subject).trim().to_owned(),
            body: non_blank(self.text(Field::Body))
                .filter(|_| kind.sends_body())
                .map(str::to_owned),
            crm_url: non_blank(self.text(Field::CrmUrl)).map(str::to_owned),
            user_data: non_blank(self.text(Field::UserData)).map(str::to_owned),
        };
        for error in validate_create_event(&request) {
            if !errors
                .iter()
                .any(|known: &FieldError| known.field == error.field)
            {
                errors.push(error);
            }
        }
        if errors.is_empty() {
            Ok(request)
        } else {
            // One error per field, in form order (cheaper in wasm than a general sort).
            Err(Field::ALL
                .iter()
                .filter_map(|field| errors.iter().find(|error| error.field == *field))
                .copied()
                .collect())
        }
    }
}

/// A sender or receiver as it will be sent: phone numbers normalised for telephone kinds
/// (blank stays blank, so `Required` is reported), other kinds trimmed.
///
/// A telephone receiver is one of jtel's own service numbers, from the picker or fixed by the
/// host page, and so already in jtel's form when it is all digits: it is kept as it is (and
/// checked as E.164) rather than read with the region's numbering plan.
fn normalize_party(
    kind: EventKind,
    field: Field,
    text: &str,
    region: Region,
) -> Result<String, ErrorCode> {
    let trimmed = text.trim();
    let stored_service_number =
        field == Field::Receiver && trimmed.bytes().all(|b| b.is_ascii_digit());
    if kind.is_telephone() && !trimmed.is_empty() && !stored_service_number {
        normalize_phone(trimmed, region).map_err(ErrorCode::Phone)
    } else {
        Ok(trimmed.to_owned())
    }
}

fn non_blank(text: &str) -> Option<&str> {
    Some(text.trim()).filter(|text| !text.is_empty())
}

fn positive_id(id: i64) -> Result<(), ErrorCode> {
    if id > 0 {
        Ok(())
    } else {
        Err(ErrorCode::NotPositiveInteger)
    }
}

fn required(text: &str) -> Result<(), ErrorCode> {
    if text.trim().is_empty() {
        Err(ErrorCode::Required)
    } else {
        Ok(())
    }
}

fn optional(
    text: &Option<String>,
    rule: impl FnOnce(&str) -> Result<(), ErrorCode>,
) -> Result<(), ErrorCode> {
    match text.as_deref() {
        Some(text) => rule(text),
        None => Ok(()),
    }
}

fn max_len(text: &str, max: usize) -> Result<(), ErrorCode> {
    if text.chars().count() > max {
        Err(ErrorCode::TooLong { max })
    } else {
        Ok(())
    }
}

/// A sender or receiver: E.164 for telephone kinds, an address for e-mail, short text else.
fn party(kind: EventKind, text: &str) -> Result<(), ErrorCode> {
    if kind.is_telephone() {
        check_e164(text).map_err(ErrorCode::Phone)
    } else if kind.is_email() {
        check_email(text).map_err(ErrorCode::Email)
    } else {
        max_len(text, PARTY_MAX_LEN)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_names_round_trip() {
        for field in Field::ALL {
            assert_eq!(Field::from_json_name(field.json_name()), Some(field));
        }
        assert_eq!(Field::from_json_name("sender"), None);
    }
}
