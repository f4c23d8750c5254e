//! German: the words for every [`Text`].

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

/// The German words for `text`.
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
        EventKind::VoiceMail => "Voicemail".into(),
        EventKind::Fax => "Fax".into(),
        EventKind::Callback => "Rückrufbitte".into(),
        EventKind::Sms => "SMS".into(),
        EventKind::Email => "E-Mail".into(),
        EventKind::Ticket => "Ticket".into(),
        EventKind::Other(id) if id > 0 => format!("ACD-Ereignis (Typ {id})").into(),
        EventKind::Other(_) => "ACD-Ereignis".into(),
    }
}

/// Whether the name of `kind` is a feminine noun (die Voicemail, die SMS, die E-Mail, die
/// Rückrufbitte); the others are neuter (das Fax, das Ticket, das ACD-Ereignis).
fn feminine(kind: EventKind) -> bool {
    matches!(
        kind,
        EventKind::VoiceMail | EventKind::Callback | EventKind::Sms | EventKind::Email
    )
}

/// The definite article of the name of `kind`.
fn article(kind: EventKind) -> &'static str {
    if feminine(kind) {
        "Die"
    } else {
        "Das"
    }
}

fn ui(text: &UiText) -> Cow<'static, str> {
    match text {
        UiText::KindName(name) => kind(*name),
        UiText::FormTitle(EventKind::Callback) => "Rückruf anfordern".into(),
        UiText::FormTitle(name) => {
            let new = if feminine(*name) { "Neue" } else { "Neues" };
            format!("{new} {}", kind(*name)).into()
        }
        UiText::Submit(EventKind::Callback) => "Rückruf anfordern".into(),
        UiText::Submit(name) => format!("{} anlegen", kind(*name)).into(),
        UiText::Sending => "Wird gesendet…".into(),
        UiText::Created {
            kind: EventKind::Callback,
            event_id: Some(id),
        } => format!("Vielen Dank! Wir haben Ihre Rückrufbitte erhalten (Referenz {id}).").into(),
        UiText::Created {
            kind: EventKind::Callback,
            event_id: None,
        } => "Vielen Dank! Wir haben Ihre Rückrufbitte erhalten.".into(),
        UiText::Created {
            kind: name,
            event_id: Some(id),
        } => format!("{} {} wurde angelegt (Referenz {id}).", article(*name), kind(*name)).into(),
        UiText::Created {
            kind: name,
            event_id: None,
        } => format!("{} {} wurde angelegt.", article(*name), kind(*name)).into(),
        UiText::NewRequest => "Neue Anfrage".into(),
        UiText::BackOnline => {
            "Sie sind wieder online. Ihre Eingaben sind noch da: Senden Sie sie jetzt.".into()
        }
        UiText::SendNow => "Jetzt senden".into(),
        UiText::TryAgain => "Erneut versuchen".into(),
        UiText::Optional => "optional".into(),
        UiText::SentAs { number } => format!("Wird als {number} gesendet").into(),
        UiText::PhoneHint => {
            "Mit Vorwahl, zum Beispiel 0199 123456789 oder +49 199 123456789".into()
        }
        UiText::ConfigurationProblem => "Dieses Formular ist nicht richtig eingerichtet. Bitte informieren Sie die Administration dieser Seite:".into(),
        UiText::TypeToSearch => "Zum Suchen tippen".into(),
        UiText::NoMatches => "Keine Treffer".into(),
        UiText::MoreMatches { count } => {
            format!("{count} weitere: Tippen Sie weiter, um die Liste einzugrenzen").into()
        }
        UiText::LoadingOptions => "Auswahl wird geladen…".into(),
        UiText::OptionsUnavailable => "Die Auswahl konnte nicht geladen werden:".into(),
        UiText::TimeZoneHint { zone } => format!("Ihre Ortszeit: {zone}").into(),
        UiText::AsSoonAsPossible => "So bald wie möglich".into(),
        UiText::CentreTime { time } => format!("Zeit im Callcenter: {time}").into(),
        UiText::TimeComesTwice { time, first, offset } => format!(
            "{time} gibt es an diesem Tag zweimal, weil die Uhren zurückgestellt werden; verwendet wird die {} {time} (UTC{offset}).",
            if *first { "erste" } else { "zweite" }
        )
        .into(),
        UiText::UseOtherReading { time, first, offset } => format!(
            "Stattdessen die {} {time} verwenden (UTC{offset})",
            if *first { "erste" } else { "zweite" }
        )
        .into(),
        UiText::NearestTimes => "Die nächsten möglichen Uhrzeiten:".into(),
        UiText::Weekday(day) => {
            ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"][usize::from(*day % 7)].into()
        }
        UiText::SlotText { time, centre } => format!("{time} (Callcenter {centre})").into(),
        UiText::CallbackSetting { error, value } => callback_setting(*error, value).into(),
        UiText::SubjectPreview { subject } => format!("Betreff: {subject}").into(),
        UiText::CockpitVariableLoading => "Die Cockpit-Variable wird geladen…".into(),
        UiText::CockpitVariablesTitle => "Cockpit-Variablen".into(),
        UiText::CockpitVariablesLoading => "Die Cockpit-Variablen werden geladen…".into(),
        UiText::CockpitFilter => "Nach Name oder Beschreibung filtern".into(),
        UiText::CockpitShown { shown, total } => {
            format!("{shown} von {total} Variablen angezeigt").into()
        }
        UiText::Close => "Schließen".into(),
        UiText::CurrentValue => "Aktueller Wert".into(),
        UiText::Minimum => "Minimum".into(),
        UiText::Maximum => "Maximum".into(),
        UiText::Kind => "Typ".into(),
        UiText::VariableKindName(CockpitVariableKind::OnOff) => "Ein/Aus".into(),
        UiText::VariableKindName(CockpitVariableKind::Number) => "Zahl".into(),
        UiText::VariableKindName(CockpitVariableKind::Percentage) => "Prozent".into(),
        UiText::VariableKindNotSent => "von jtel nicht gesendet (als Zahl behandelt)".into(),
        UiText::UnreadableVariables { count: 1 } => {
            "1 Variable konnte nicht gelesen werden.".into()
        }
        UiText::UnreadableVariables { count } => {
            format!("{count} Variablen konnten nicht gelesen werden.").into()
        }
        UiText::UnreadableChoices { count: 1 } => "1 Eintrag konnte nicht gelesen werden.".into(),
        UiText::UnreadableChoices { count } => {
            format!("{count} Einträge konnten nicht gelesen werden.").into()
        }
        UiText::CockpitValue { kind, value } => match (kind, value) {
            (CockpitVariableKind::OnOff, 0) => "Aus".into(),
            (CockpitVariableKind::OnOff, 1) => "Ein".into(),
            (CockpitVariableKind::Percentage, value) => format!("{value} %").into(),
            (_, value) => value.to_string().into(),
        },
        UiText::UnknownValue => "unbekannt".into(),
        UiText::NewValue => "Neuer Wert".into(),
        UiText::SetValue => "Wert setzen".into(),
        UiText::ConfirmSetValue { name, value } => format!("„{name}“ auf {value} setzen?").into(),
        UiText::Confirm => "Bestätigen".into(),
        UiText::Cancel => "Abbrechen".into(),
        UiText::ReadOnly => {
            "Diese Variable ist schreibgeschützt: Sie können ihren Wert sehen, aber nicht ändern."
                .into()
        }
        UiText::LinkSettingsIgnored { named, unknown } => {
            let mut list = named.clone();
            if *unknown > 0 {
                if !list.is_empty() {
                    list.push_str(" und ");
                }
                list.push_str(&format!("{unknown} unbekannte"));
            }
            format!("Diese Seite hat Einstellungen aus dem aufgerufenen Link ignoriert: {list}.")
                .into()
        }
        UiText::LinkSettingsMarked { list } => {
            format!("Vom aufgerufenen Link gesetzt, nicht von dieser Website: {list}.").into()
        }
    }
}

fn callback_setting(error: CallbackSettingError, value: &str) -> String {
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

fn label_text(label: Label) -> &'static str {
    match label {
        Label::Field(field) => match field {
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
        Label::PhoneNumber => "Telefonnummer",
        Label::EmailAddress => "E-Mail-Adresse",
        Label::Sender => "Absender",
        Label::EmailReceiver => "An (E-Mail-Adresse)",
        Label::Receiver => "Empfänger",
        Label::TicketNumber => "Ticketnummer",
    }
}

fn error(code: ErrorCode) -> Cow<'static, str> {
    match code {
        ErrorCode::Required => "Füllen Sie dieses Feld aus.".into(),
        ErrorCode::NotPositiveInteger => "Geben Sie eine ganze Zahl größer als 0 ein.".into(),
        ErrorCode::TooLong { max } => format!("Verwenden Sie höchstens {max} Zeichen.").into(),
        ErrorCode::Phone(PhoneError::Empty) => "Geben Sie eine Telefonnummer ein.".into(),
        ErrorCode::Phone(PhoneError::InvalidCharacters) => {
            "Eine Telefonnummer darf nur Ziffern, Leerzeichen, Bindestriche, Klammern und ein führendes + enthalten."
                .into()
        }
        ErrorCode::Phone(PhoneError::TooShort) => format!(
            "Diese Telefonnummer ist zu kurz (mindestens {MIN_DIGITS} Ziffern mit Ländervorwahl)."
        )
        .into(),
        ErrorCode::Phone(PhoneError::TooLong) => format!(
            "Diese Telefonnummer ist zu lang (höchstens {MAX_DIGITS} Ziffern mit Ländervorwahl)."
        )
        .into(),
        ErrorCode::Phone(PhoneError::UnknownCountryCode) => {
            "Diese Telefonnummer beginnt nicht mit einer bekannten Ländervorwahl (zum Beispiel +49).".into()
        }
        ErrorCode::Phone(PhoneError::Letters) => {
            "Eine Telefonnummer kann keine Buchstaben enthalten: Geben Sie die Ziffern ein (zum Beispiel 0800 3569377 für 0800-FLOWERS)."
                .into()
        }
        ErrorCode::Phone(PhoneError::Extension) => {
            "Lassen Sie die Durchwahl weg: Geben Sie nur die Nummer ein, unter der zurückgerufen werden kann.".into()
        }
        ErrorCode::Phone(PhoneError::TwoNumbers) => "Geben Sie nur eine Telefonnummer ein.".into(),
        ErrorCode::Phone(PhoneError::NotPossible) => {
            "Diese Nummer ist in ihrem Land nicht möglich: Prüfen Sie die Ziffern, die Vorwahl und die Ländervorwahl."
                .into()
        }
        ErrorCode::Phone(PhoneError::Ambiguous) => {
            "Diese Nummer lässt sich auf zwei Arten lesen: Schreiben Sie sie mit + und Ländervorwahl (zum Beispiel +49 30 1234567) oder mit der Vorwahl, wie man sie im Inland wählt."
                .into()
        }
        ErrorCode::Region(RegionError::UnknownRegion) => {
            "Die Region dieses Formulars ist kein Regionscode wie DE oder IT. Bitte informieren Sie die Administration dieser Seite."
                .into()
        }
        ErrorCode::Region(RegionError::UnknownCountryCode) => {
            "Die Ländervorwahl dieses Formulars ist unbekannt. Bitte informieren Sie die Administration dieser Seite."
                .into()
        }
        ErrorCode::Region(RegionError::SharedCountryCode(code)) => format!(
            "Die Ländervorwahl +{code} dieses Formulars teilen sich {}: Die Einstellung region muss eine davon nennen. Bitte informieren Sie die Administration dieser Seite.",
            region_list(code)
        )
        .into(),
        ErrorCode::Email(EmailError::Invalid) => {
            "Geben Sie eine E-Mail-Adresse wie name@example.com ein.".into()
        }
        ErrorCode::Email(EmailError::TooLong) => format!(
            "Diese E-Mail-Adresse ist zu lang (höchstens {MAX_LOCAL_LEN} Zeichen vor dem @, {MAX_LABEL_LEN} zwischen Punkten, {EMAIL_MAX_LEN} insgesamt)."
        )
        .into(),
        ErrorCode::Email(EmailError::UnicodeDomain) => {
            "Schreiben Sie die Domain dieser Adresse in ihrer xn---Form (zum Beispiel name@xn--mller-kva.de für müller.de)."
                .into()
        }
        ErrorCode::Url(UrlError::NotHttp) => {
            "Geben Sie eine Webadresse ein, die mit http:// oder https:// beginnt.".into()
        }
        ErrorCode::Url(UrlError::Malformed) => {
            "Diese Webadresse ist ungültig: Prüfen Sie sie auf Tippfehler.".into()
        }
        ErrorCode::Url(UrlError::TooLong) => {
            format!("Diese Webadresse ist zu lang (höchstens {MAX_URL_LEN} Zeichen).").into()
        }
        ErrorCode::BodyOnlyForCallbacks => {
            "Nur eine Rückrufbitte kann eine Nachricht enthalten: Lassen Sie dieses Feld leer.".into()
        }
        ErrorCode::NotAnInteger => "Geben Sie eine ganze Zahl ein.".into(),
        ErrorCode::PreferredTime(PreferredTimeError::Malformed) => {
            "Geben Sie Datum und Uhrzeit ein.".into()
        }
        ErrorCode::PreferredTime(PreferredTimeError::InThePast) => {
            "Wählen Sie einen Zeitpunkt in der Zukunft.".into()
        }
        ErrorCode::PreferredTime(PreferredTimeError::Skipped { starts, ends }) => format!(
            "Diese Uhrzeit gibt es an diesem Tag nicht, denn die Uhren springen von {} auf {}. Wählen Sie eine andere Uhrzeit.",
            clock_text(starts),
            clock_text(ends)
        )
        .into(),
        ErrorCode::PreferredTime(PreferredTimeError::OutsideServiceHours) => {
            "Wählen Sie eine Zeit innerhalb der Servicezeiten des Callcenters.".into()
        }
        ErrorCode::UnknownReference => {
            "jtel kennt keinen Eintrag mit dieser Kennung oder Nummer: Prüfen Sie sie oder wählen Sie eine andere.".into()
        }
        ErrorCode::OutOfRange { min, max } => match (min, max) {
            (Some(min), Some(max)) => format!("Geben Sie einen Wert von {min} bis {max} ein.").into(),
            (Some(min), None) => format!("Geben Sie einen Wert von mindestens {min} ein.").into(),
            (None, Some(max)) => format!("Geben Sie einen Wert von höchstens {max} ein.").into(),
            (None, None) => "Dieser Wert ist nicht erlaubt.".into(),
        },
    }
}

fn failure(error: &ApiError) -> Cow<'static, str> {
    match error {
        ApiError::Invalid { problems } if problems.is_empty() => "Der Server hat die Anfrage abgelehnt. Prüfen Sie Ihre Eingaben und versuchen Sie es erneut.".into(),
        ApiError::Invalid { .. } => {
            "Der Server hat einige Eingaben abgelehnt: Prüfen Sie die markierten Felder.".into()
        }
        ApiError::Unauthorized => {
            "Der Server hat diesem Formular den Zugang verweigert: Sie sind vielleicht abgemeldet oder dazu nicht berechtigt. Melden Sie sich erneut an oder informieren Sie die Administration dieser Seite; Ihre Eingaben bleiben erhalten."
                .into()
        }
        ApiError::TooManyRequests {
            retry_after_seconds: None,
        } => "Zu viele Anfragen. Bitte versuchen Sie es später erneut; Ihre Eingaben bleiben erhalten."
            .into(),
        ApiError::TooManyRequests {
            retry_after_seconds: Some(seconds),
        } => format!(
            "Zu viele Anfragen. Bitte versuchen Sie es in {seconds} Sekunden erneut; Ihre Eingaben bleiben erhalten."
        )
        .into(),
        ApiError::RouteMissing => {
            "Der Dienst, an den dieses Formular sendet, wurde unter seiner Adresse nicht gefunden. Bitte informieren Sie die Administration dieser Seite."
                .into()
        }
        ApiError::NotFound { .. } => "Der angefragte Datensatz existiert nicht".into(),
        ApiError::Conflict { .. } => "Die Anfrage steht im Konflikt mit vorhandenen Daten".into(),
        ApiError::Server { status, .. } => format!(
            "Der Server hatte ein Problem (HTTP {status}); bitte versuchen Sie es erneut"
        )
        .into(),
        ApiError::UnexpectedStatus { status, .. } => {
            format!("Der Server hat unerwartet geantwortet (HTTP {status})").into()
        }
        ApiError::Undecodable { .. } => "Der Server hat eine unlesbare Antwort gesendet. Versuchen Sie es erneut; Ihre Eingaben bleiben erhalten.".into(),
        ApiError::Network { .. } => {
            "Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut; Ihre Eingaben bleiben erhalten."
                .into()
        }
        ApiError::Timeout { seconds } => format!(
            "Der Server hat nicht innerhalb von {seconds} Sekunden geantwortet. Versuchen Sie es erneut; Ihre Eingaben bleiben erhalten, und eine angekommene Anfrage wird nicht doppelt gesendet."
        )
        .into(),
        ApiError::Offline => {
            "Sie sind offline. Ihre Eingaben bleiben erhalten; senden Sie sie, sobald die Verbindung wieder besteht."
                .into()
        }
    }
}

fn set_value(result: SetValueResult) -> Cow<'static, str> {
    match result {
        SetValueResult::Set => "Der Wert wurde gesetzt.".into(),
        SetValueResult::NotWritable => {
            "Diese Variable ist schreibgeschützt und kann nicht geändert werden.".into()
        }
        SetValueResult::NotFoundOrNotVisible => {
            "Diese Variable existiert nicht oder ist im Cockpit nicht sichtbar.".into()
        }
        SetValueResult::Unchanged => "Keine Änderung: Die Variable hat bereits diesen Wert.".into(),
        SetValueResult::OutOfRange => {
            "Keine Änderung: Der Wert liegt außerhalb des erlaubten Bereichs.".into()
        }
        SetValueResult::Unknown(code) => {
            format!("jtel hat mit einem unbekannten Ergebnis geantwortet ({code}). Laden Sie die Seite neu, um den aktuellen Wert zu sehen.").into()
        }
    }
}
