//! English: the words for every [`Text`].

use super::{region_list, Label, Text, UiText};
use crate::callback_time::{clock_text, PreferredTimeError};
use crate::crm_url::{UrlError, MAX_LEN as MAX_URL_LEN};
use crate::email::{EmailError, MAX_LABEL_LEN, MAX_LEN as EMAIL_MAX_LEN, MAX_LOCAL_LEN};
use crate::event_kind::EventKind;
use crate::model::CockpitVariableKind;
use crate::numbering_plan::RegionError;
use crate::outcome::{ApiError, SetValueResult};
use crate::phone::{PhoneError, MAX_DIGITS, MIN_DIGITS};
use crate::service_hours::{CallbackSettingError, ServiceHoursError};
use crate::validation::{ErrorCode, Field};
use std::borrow::Cow;

/// The English words for `text`.
pub(super) fn text(text: &Text<'_>) -> Cow<'static, str> {
    match text {
        Text::Ui(text) => ui(text),
        Text::Label(label) => label_text(*label).into(),
        Text::Error(code) => error(*code),
        Text::Failure(error) => failure(error),
        Text::SetValue(result) => set_value(*result),
    }
}

fn kind(kind: EventKind) -> Cow<'static, str> {
    match kind {
        EventKind::VoiceMail => "voice mail".into(),
        EventKind::Fax => "fax".into(),
        EventKind::Callback => "callback request".into(),
        EventKind::Sms => "SMS".into(),
        EventKind::Email => "e-mail".into(),
        EventKind::Ticket => "ticket".into(),
        EventKind::Other(id) if id > 0 => format!("ACD event (type {id})").into(),
        EventKind::Other(_) => "ACD event".into(),
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

fn ui(text: &UiText) -> Cow<'static, str> {
    match text {
        UiText::KindName(name) => capitalised(&kind(*name)).into(),
        UiText::FormTitle(EventKind::Callback) => "Request a callback".into(),
        UiText::FormTitle(name) => format!("New {}", kind(*name)).into(),
        UiText::Submit(EventKind::Callback) => "Request callback".into(),
        UiText::Submit(name) => format!("Create {}", kind(*name)).into(),
        UiText::Sending => "Sending…".into(),
        UiText::Created {
            kind: EventKind::Callback,
            event_id: Some(id),
        } => format!("Thank you! We have received your callback request (reference {id}).").into(),
        UiText::Created {
            kind: EventKind::Callback,
            event_id: None,
        } => "Thank you! We have received your callback request.".into(),
        UiText::Created {
            kind: name,
            event_id: Some(id),
        } => format!("The {} was created (reference {id}).", kind(*name)).into(),
        UiText::Created {
            kind: name,
            event_id: None,
        } => format!("The {} was created.", kind(*name)).into(),
        UiText::NewRequest => "New request".into(),
        UiText::BackOnline => "You are back online. Your input is still here: send it now.".into(),
        UiText::SendNow => "Send now".into(),
        UiText::TryAgain => "Try again".into(),
        UiText::Optional => "optional".into(),
        UiText::SentAs { number } => format!("Will be sent as {number}").into(),
        UiText::PhoneHint => {
            "With area code, for example 0199 123456789 or +49 199 123456789".into()
        }
        UiText::ConfigurationProblem => "This form is not set up correctly. Please tell the administrator of this page:".into(),
        UiText::TypeToSearch => "Type to search".into(),
        UiText::NoMatches => "No matches".into(),
        UiText::MoreMatches { count } => {
            format!("{count} more: keep typing to narrow the list").into()
        }
        UiText::LoadingOptions => "Loading choices…".into(),
        UiText::OptionsUnavailable => "The choices could not be loaded:".into(),
        UiText::TimeZoneHint { zone } => format!("Your local time: {zone}").into(),
        UiText::AsSoonAsPossible => "As soon as possible".into(),
        UiText::CentreTime { time } => format!("Call centre time: {time}").into(),
        UiText::TimeComesTwice { time, first, offset } => format!(
            "{time} comes twice that day because the clocks go back; taken as the {} {time} (UTC{offset}).",
            if *first { "first" } else { "second" }
        )
        .into(),
        UiText::UseOtherReading { time, first, offset } => format!(
            "Use the {} {time} (UTC{offset}) instead",
            if *first { "first" } else { "second" }
        )
        .into(),
        UiText::NearestTimes => "The nearest possible times:".into(),
        UiText::Weekday(day) => {
            ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][usize::from(*day % 7)].into()
        }
        UiText::SlotText { time, centre } => format!("{time} (call centre {centre})").into(),
        UiText::CallbackSetting { error, value } => callback_setting(*error, value).into(),
        UiText::SubjectPreview { subject } => format!("Subject: {subject}").into(),
        UiText::CockpitVariableLoading => "Loading the cockpit variable…".into(),
        UiText::CockpitVariablesTitle => "Cockpit variables".into(),
        UiText::CockpitVariablesLoading => "Loading the cockpit variables…".into(),
        UiText::CockpitFilter => "Filter by name or description".into(),
        UiText::CockpitShown { shown, total } => {
            format!("{shown} of {total} variables shown").into()
        }
        UiText::Close => "Close".into(),
        UiText::CurrentValue => "Current value".into(),
        UiText::Minimum => "Minimum".into(),
        UiText::Maximum => "Maximum".into(),
        UiText::Kind => "Type".into(),
        UiText::VariableKindName(CockpitVariableKind::OnOff) => "On/off".into(),
        UiText::VariableKindName(CockpitVariableKind::Number) => "Number".into(),
        UiText::VariableKindName(CockpitVariableKind::Percentage) => "Percentage".into(),
        UiText::VariableKindNotSent => "not sent by jtel (treated as a number)".into(),
        UiText::UnreadableVariables { count: 1 } => "1 variable could not be read.".into(),
        UiText::UnreadableVariables { count } => {
            format!("{count} variables could not be read.").into()
        }
        UiText::UnreadableChoices { count: 1 } => "1 choice could not be read.".into(),
        UiText::UnreadableChoices { count } => format!("{count} choices could not be read.").into(),
        UiText::CockpitValue { kind, value } => match (kind, value) {
            (CockpitVariableKind::OnOff, 0) => "Off".into(),
            (CockpitVariableKind::OnOff, 1) => "On".into(),
            (CockpitVariableKind::Percentage, value) => format!("{value}%").into(),
            (_, value) => value.to_string().into(),
        },
        UiText::UnknownValue => "unknown".into(),
        UiText::NewValue => "New value".into(),
        UiText::SetValue => "Set value".into(),
        UiText::ConfirmSetValue { name, value } => format!("Set '{name}' to {value}?").into(),
        UiText::Confirm => "Confirm".into(),
        UiText::Cancel => "Cancel".into(),
        UiText::ReadOnly => {
            "This variable is read-only: you can see its value but not change it.".into()
        }
        UiText::LinkSettingsIgnored { named, unknown } => {
            let mut list = named.clone();
            if *unknown > 0 {
                if !list.is_empty() {
                    list.push_str(" and ");
                }
                match unknown {
                    1 => list.push_str("1 unknown one"),
                    n => list.push_str(&format!("{n} unknown ones")),
                }
            }
            format!("This page ignored settings in the link you followed: {list}.").into()
        }
        UiText::LinkSettingsMarked { list } => {
            format!("Set by the link you followed, not by this website: {list}.").into()
        }
    }
}

fn callback_setting(error: CallbackSettingError, value: &str) -> String {
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

fn label_text(label: Label) -> &'static str {
    match label {
        Label::Field(field) => match field {
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
        Label::PhoneNumber => "Phone number",
        Label::EmailAddress => "E-mail address",
        Label::Sender => "Sender",
        Label::EmailReceiver => "To (e-mail address)",
        Label::Receiver => "Recipient",
        Label::TicketNumber => "Ticket number",
    }
}

fn error(code: ErrorCode) -> Cow<'static, str> {
    match code {
        ErrorCode::Required => "Fill in this field.".into(),
        ErrorCode::NotPositiveInteger => "Enter a whole number greater than 0.".into(),
        ErrorCode::TooLong { max } => format!("Use at most {max} characters.").into(),
        ErrorCode::Phone(PhoneError::Empty) => "Enter a phone number.".into(),
        ErrorCode::Phone(PhoneError::InvalidCharacters) => {
            "A phone number may contain only digits, spaces, dashes, brackets and a leading +."
                .into()
        }
        ErrorCode::Phone(PhoneError::TooShort) => format!(
            "This phone number is too short (at least {MIN_DIGITS} digits with the country code)."
        )
        .into(),
        ErrorCode::Phone(PhoneError::TooLong) => format!(
            "This phone number is too long (at most {MAX_DIGITS} digits with the country code)."
        )
        .into(),
        ErrorCode::Phone(PhoneError::UnknownCountryCode) => {
            "This phone number does not start with a known country code (for example +49).".into()
        }
        ErrorCode::Phone(PhoneError::Letters) => {
            "A phone number cannot contain letters: type the digits (for example 0800 3569377 for 0800-FLOWERS)."
                .into()
        }
        ErrorCode::Phone(PhoneError::Extension) => {
            "Leave out the extension: enter only the number that can be called back.".into()
        }
        ErrorCode::Phone(PhoneError::TwoNumbers) => "Enter only one phone number.".into(),
        ErrorCode::Phone(PhoneError::NotPossible) => {
            "This is not a possible number in its country: check the digits, the area code and the country code."
                .into()
        }
        ErrorCode::Phone(PhoneError::Ambiguous) => {
            "This number can be read in two ways: write it with + and the country code (for example +49 30 1234567) or with the area code as dialled at home."
                .into()
        }
        ErrorCode::Region(RegionError::UnknownRegion) => {
            "This form's region setting is not a region code such as DE or IT. Please tell the administrator of this page."
                .into()
        }
        ErrorCode::Region(RegionError::UnknownCountryCode) => {
            "This form's country-code setting is not a known country code. Please tell the administrator of this page."
                .into()
        }
        ErrorCode::Region(RegionError::SharedCountryCode(code)) => format!(
            "This form's country code +{code} is shared by {}: its region setting must name one. Please tell the administrator of this page.",
            region_list(code)
        )
        .into(),
        ErrorCode::Email(EmailError::Invalid) => {
            "Enter an e-mail address such as name@example.com.".into()
        }
        ErrorCode::Email(EmailError::TooLong) => format!(
            "This e-mail address is too long (at most {MAX_LOCAL_LEN} characters before the @, {MAX_LABEL_LEN} between dots, {EMAIL_MAX_LEN} in all)."
        )
        .into(),
        ErrorCode::Email(EmailError::UnicodeDomain) => {
            "Write the domain of this address in its xn-- form (for example name@xn--mller-kva.de for müller.de)."
                .into()
        }
        ErrorCode::Url(UrlError::NotHttp) => {
            "Enter a web address starting with http:// or https://.".into()
        }
        ErrorCode::Url(UrlError::Malformed) => {
            "This web address is not valid: check it for typing errors.".into()
        }
        ErrorCode::Url(UrlError::TooLong) => {
            format!("This web address is too long (at most {MAX_URL_LEN} characters).").into()
        }
        ErrorCode::BodyOnlyForCallbacks => {
            "Only a callback request can carry a message: leave this field empty.".into()
        }
        ErrorCode::NotAnInteger => "Enter a whole number.".into(),
        ErrorCode::PreferredTime(PreferredTimeError::Malformed) => {
            "Enter a date and a time.".into()
        }
        ErrorCode::PreferredTime(PreferredTimeError::InThePast) => {
            "Choose a time in the future.".into()
        }
        ErrorCode::PreferredTime(PreferredTimeError::Skipped { starts, ends }) => format!(
            "This time does not exist on that day: the clocks jump from {} to {}. Choose another time.",
            clock_text(starts),
            clock_text(ends)
        )
        .into(),
        ErrorCode::PreferredTime(PreferredTimeError::OutsideServiceHours) => {
            "Choose a time within the call centre's service hours.".into()
        }
        ErrorCode::UnknownReference => {
            "jtel has no entry with this id or number: check it or choose another one.".into()
        }
        ErrorCode::OutOfRange { min, max } => match (min, max) {
            (Some(min), Some(max)) => format!("Enter a value from {min} to {max}.").into(),
            (Some(min), None) => format!("Enter a value of at least {min}.").into(),
            (None, Some(max)) => format!("Enter a value of at most {max}.").into(),
            (None, None) => "This value is not allowed.".into(),
        },
    }
}

fn failure(error: &ApiError) -> Cow<'static, str> {
    match error {
        ApiError::Invalid { problems } if problems.is_empty() => "The server refused the request. Check your input and try again.".into(),
        ApiError::Invalid { .. } => "The server refused some of the input: check the marked fields.".into(),
        ApiError::Unauthorized => {
            "The server denied this form access: you may be signed out or not allowed to do this. Sign in again or tell the administrator of this page; your input is kept."
                .into()
        }
        ApiError::TooManyRequests {
            retry_after_seconds: None,
        } => "Too many requests. Please try again later; your input is kept.".into(),
        ApiError::TooManyRequests {
            retry_after_seconds: Some(seconds),
        } => format!(
            "Too many requests. Please try again in {seconds} seconds; your input is kept."
        )
        .into(),
        ApiError::RouteMissing => {
            "The service this form sends to was not found at its address. Please tell the administrator of this page.".into()
        }
        ApiError::NotFound { .. } => "The requested record does not exist".into(),
        ApiError::Conflict { .. } => "The request conflicts with existing data".into(),
        ApiError::Server { status, .. } => {
            format!("The server had a problem (HTTP {status}); please try again").into()
        }
        ApiError::UnexpectedStatus { status, .. } => {
            format!("The server answered unexpectedly (HTTP {status})").into()
        }
        ApiError::Undecodable { .. } => "The server sent an answer that could not be read. Try again; your input is kept.".into(),
        ApiError::Network { .. } => {
            "The server could not be reached. Check your connection and try again; your input is kept."
                .into()
        }
        ApiError::Timeout { seconds } => format!(
            "The server did not answer within {seconds} seconds. Try again; your input is kept, and a request that did arrive is not sent twice."
        )
        .into(),
        ApiError::Offline => {
            "You are offline. Your input is kept; send it when the connection is back.".into()
        }
    }
}

fn set_value(result: SetValueResult) -> Cow<'static, str> {
    match result {
        SetValueResult::Set => "The value was set.".into(),
        SetValueResult::NotWritable => "This variable cannot be changed (it is read-only).".into(),
        SetValueResult::NotFoundOrNotVisible => {
            "This variable does not exist or is not visible in the cockpit.".into()
        }
        SetValueResult::Unchanged => "Nothing changed: the variable already has this value.".into(),
        SetValueResult::OutOfRange => {
            "Nothing changed: the value is outside the allowed range.".into()
        }
        SetValueResult::Unknown(code) => {
            format!("jtel answered with an unknown result ({code}). Reload the page to see the current value.").into()
        }
    }
}
