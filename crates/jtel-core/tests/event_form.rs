//! The ACD event form described once: which fields each kind shows, which are required, how
//! each is entered, and the request `prepare` builds (clocks passed in).

use jtel_core::callback_clock::{CallbackClocks, ClockZone};
use jtel_core::callback_time::PreferredTimeError;
use jtel_core::event_form::{
    input_kind, is_required, kind_setting, prefill_fields, EventFormSettings, InputKind, Setting,
    FIELDS,
};
use jtel_core::service_hours::ServiceHours;
use jtel_core::timestamp::Timestamp;
use jtel_core::validation::EventDraft;
use jtel_core::{ErrorCode, EventKind, Field, FieldError};

/// Europe/Berlin as a table: winter time until the end of March 2027, then summer time.
struct Berlin;

impl ClockZone for Berlin {
    fn name(&self) -> Option<&str> {
        Some("Europe/Berlin")
    }

    fn offset_at(&self, utc_millis: i64) -> i32 {
        let summer = Timestamp::parse("2027-03-28T01:00:00Z")
            .unwrap()
            .to_unix_millis();
        if utc_millis < summer {
            60
        } else {
            120
        }
    }
}

/// The clocks at 2026-11-27 21:30 in Berlin, with the centre in Berlin open `hours`.
fn clocks(hours: Option<&ServiceHours>) -> CallbackClocks<'_> {
    CallbackClocks {
        now_millis: Timestamp::parse("2026-11-27T20:30:00Z")
            .unwrap()
            .to_unix_millis(),
        user: &Berlin,
        centre: hours.map(|_| &Berlin as &dyn ClockZone),
        hours,
    }
}

fn fixed(value: &str) -> Setting {
    Setting::Fixed(value.to_owned())
}

fn settings(kind: EventKind) -> EventFormSettings {
    EventFormSettings {
        event_type: fixed(&kind.type_id().to_string()),
        group: fixed("235"),
        ..EventFormSettings::default()
    }
}

fn draft(settings: &EventFormSettings, typed: &[(Field, &str)]) -> EventDraft {
    let mut draft = settings.initial_draft();
    for (field, text) in typed {
        draft.set(*field, (*text).to_owned());
    }
    draft
}

#[test]
fn every_field_is_described_once_in_form_order() {
    let fields: Vec<Field> = FIELDS.iter().map(|row| row.field).collect();
    let in_order: Vec<Field> = Field::ALL
        .into_iter()
        .filter(|field| fields.contains(field))
        .collect();
    assert_eq!(fields.len(), in_order.len(), "no field twice");
    assert!(
        !fields.contains(&Field::Value),
        "the cockpit value is not an event field"
    );
    let keys: Vec<&str> = prefill_fields().map(|row| row.key).collect();
    assert_eq!(keys, ["sender", "subject", "body", "crm-url", "user-data"]);
    let required: Vec<Field> = Field::ALL.into_iter().filter(|f| is_required(*f)).collect();
    assert_eq!(
        required,
        [
            Field::AcdEventTypesId,
            Field::AcdGroupsId,
            Field::Sender,
            Field::Subject
        ]
    );
}

#[test]
fn kind_names_ids_and_choose_are_read() {
    let cases = [
        (Some("callback"), fixed("3")),
        (Some(" Voice-Mail "), fixed("1")),
        (Some("fax"), fixed("2")),
        (Some("SMS"), fixed("4")),
        (Some("e_mail"), fixed("5")),
        (Some("workflow"), fixed("6")),
        (Some("7"), fixed("7")),
        (Some("choose"), Setting::Choose),
        (Some("  "), Setting::Unset),
        (None, Setting::Unset),
    ];
    for (written, expected) in cases {
        assert_eq!(kind_setting(written), expected, "{written:?}");
    }
}

#[test]
fn the_kind_and_the_settings_decide_the_visible_fields() {
    use Field::*;
    let chooser = EventFormSettings {
        event_type: Setting::Choose,
        group: Setting::Choose,
        agent: Setting::Choose,
        receiver: Setting::Choose,
        ..EventFormSettings::default()
    };
    let templated = EventFormSettings {
        subject_template: Some("Callback from {Sender}".into()),
        ..settings(EventKind::Callback)
    };
    let cases: [(&EventFormSettings, EventKind, Vec<Field>); 6] = [
        (
            &settings(EventKind::Callback),
            EventKind::Callback,
            vec![Sender, Subject, Body, CrmUrl, UserData],
        ),
        (
            &settings(EventKind::Email),
            EventKind::Email,
            vec![Sender, Subject, CrmUrl, UserData],
        ),
        (
            &chooser,
            EventKind::Callback,
            vec![
                AcdEventTypesId,
                AcdGroupsId,
                UsersId,
                Sender,
                Receiver,
                Subject,
                Body,
                CrmUrl,
                UserData,
            ],
        ),
        (
            &templated,
            EventKind::Callback,
            vec![Sender, PreferredTime, Body, CrmUrl, UserData],
        ),
        (
            &templated,
            EventKind::Ticket,
            vec![Sender, CrmUrl, UserData],
        ),
        (
            &settings(EventKind::Sms),
            EventKind::Sms,
            vec![Sender, Subject, CrmUrl, UserData],
        ),
    ];
    for (settings, kind, expected) in cases {
        assert_eq!(settings.visible_fields(kind), expected, "{kind:?}");
    }
}

#[test]
fn hidden_fields_are_not_shown_and_their_prefill_is_still_sent() {
    let mut public = settings(EventKind::Callback);
    public.hidden = vec![Field::CrmUrl, Field::UserData];
    public
        .prefill
        .set(Field::CrmUrl, "https://crm.example.com/c/9".into());
    public.prefill.set(Field::UserData, "987654".into());
    assert_eq!(
        public.visible_fields(EventKind::Callback),
        [Field::Sender, Field::Subject, Field::Body]
    );
    let typed = draft(
        &public,
        &[
            (Field::Sender, "0199 123456789"),
            (Field::Subject, "Call me"),
        ],
    );
    let request = public.prepare(&typed, &clocks(None)).unwrap();
    assert_eq!(
        request.crm_url.as_deref(),
        Some("https://crm.example.com/c/9")
    );
    assert_eq!(request.user_data.as_deref(), Some("987654"));

    // A hidden required field without its prefill is still checked: the form names it.
    public.hidden.push(Field::Sender);
    let problems = public
        .prepare(&draft(&public, &[(Field::Subject, "x")]), &clocks(None))
        .unwrap_err();
    assert_eq!(
        problems,
        [FieldError::new(Field::Sender, ErrorCode::Required)]
    );
}

#[test]
fn the_kind_decides_how_each_field_is_entered() {
    let plain = settings(EventKind::Callback);
    let chooser = EventFormSettings {
        receiver: Setting::Choose,
        group: Setting::Choose,
        ..settings(EventKind::Callback)
    };
    let cases = [
        (Field::Sender, EventKind::Callback, &plain, InputKind::Tel),
        (Field::Sender, EventKind::Email, &plain, InputKind::Email),
        (Field::Sender, EventKind::Ticket, &plain, InputKind::Text),
        (Field::Receiver, EventKind::Fax, &chooser, InputKind::Picker),
        (
            Field::Receiver,
            EventKind::Email,
            &chooser,
            InputKind::Email,
        ),
        (
            Field::Receiver,
            EventKind::Ticket,
            &chooser,
            InputKind::Text,
        ),
        (
            Field::AcdGroupsId,
            EventKind::Ticket,
            &chooser,
            InputKind::Picker,
        ),
        (Field::CrmUrl, EventKind::Callback, &plain, InputKind::Url),
        (
            Field::Body,
            EventKind::Callback,
            &plain,
            InputKind::Multiline,
        ),
        (
            Field::PreferredTime,
            EventKind::Callback,
            &plain,
            InputKind::DateTime,
        ),
        (Field::UserData, EventKind::Ticket, &plain, InputKind::Text),
    ];
    for (field, kind, settings, expected) in cases {
        assert_eq!(
            input_kind(field, kind, settings),
            expected,
            "{field:?} {kind:?}"
        );
    }
    assert_eq!(InputKind::Tel.html_type(), "tel");
    assert_eq!(InputKind::Email.autocomplete(), Some("email"));
    assert_eq!(InputKind::Multiline.html_type(), "text");
}

#[test]
fn the_initial_draft_holds_fixed_routing_and_prefill() {
    let mut settings = EventFormSettings {
        agent: fixed("42"),
        receiver: Setting::Choose,
        ..settings(EventKind::Ticket)
    };
    settings.prefill.set(Field::UserData, "TCK-1".into());
    let draft = settings.initial_draft();
    assert_eq!(draft.text(Field::AcdEventTypesId), "6");
    assert_eq!(draft.text(Field::AcdGroupsId), "235");
    assert_eq!(draft.text(Field::UsersId), "42");
    assert_eq!(draft.text(Field::Receiver), "");
    assert_eq!(draft.text(Field::UserData), "TCK-1");
    assert!(settings.fixes(Field::UsersId) && !settings.fixes(Field::Receiver));
}

#[test]
fn prepare_builds_the_request_from_what_was_typed() {
    let settings = settings(EventKind::Callback);
    let request = settings
        .prepare(
            &draft(
                &settings,
                &[
                    (Field::Sender, " 0199 123456789 "),
                    (Field::Subject, "Call me"),
                    (Field::Body, "Evenings"),
                    (Field::UserData, "987654"),
                ],
            ),
            &clocks(None),
        )
        .unwrap();
    assert_eq!(request.acd_event_types_id, 3);
    assert_eq!(request.acd_groups_id, 235);
    assert_eq!(request.sender, "49199123456789");
    assert_eq!(request.subject, "Call me");
    assert_eq!(request.body.as_deref(), Some("Evenings"));
    assert_eq!(request.user_data.as_deref(), Some("987654"));
}

#[test]
fn a_subject_template_composes_subject_and_body_with_the_preferred_time() {
    let settings = EventFormSettings {
        subject_template: Some("Callback request from {Sender} on {date} at {time} {zone}".into()),
        ..settings(EventKind::Callback)
    };
    /// The subject and body sent, or the problems.
    type Sent = Result<(&'static str, Option<&'static str>), Vec<FieldError>>;
    let cases: [(&str, Sent); 6] = [
        (
            "2026-11-28T09:00",
            Ok((
                "Callback request from 49199123456789 on 2026-11-28 at 09:00 Europe/Berlin (UTC+01:00)",
                Some("Preferred callback time: 2026-11-28 09:00 Europe/Berlin (UTC+01:00) = 2026-11-28T09:00+01:00"),
            )),
        ),
        (
            "2027-07-15T14:30",
            Ok((
                "Callback request from 49199123456789 on 2027-07-15 at 14:30 Europe/Berlin (UTC+02:00)",
                Some("Preferred callback time: 2027-07-15 14:30 Europe/Berlin (UTC+02:00) = 2027-07-15T14:30+02:00"),
            )),
        ),
        (
            "2027-03-28T02:30",
            Err(vec![FieldError::new(
                Field::PreferredTime,
                ErrorCode::PreferredTime(PreferredTimeError::Skipped {
                    starts: 120,
                    ends: 180,
                }),
            )]),
        ),
        ("", Ok(("Callback request from 49199123456789", None))),
        (
            "2026-11-27T21:29",
            Err(vec![FieldError::new(
                Field::PreferredTime,
                ErrorCode::PreferredTime(PreferredTimeError::InThePast),
            )]),
        ),
        (
            "soon",
            Err(vec![FieldError::new(
                Field::PreferredTime,
                ErrorCode::PreferredTime(PreferredTimeError::Malformed),
            )]),
        ),
    ];
    for (preferred, expected) in cases {
        let typed = draft(
            &settings,
            &[
                (Field::Sender, "0199 123456789"),
                (Field::PreferredTime, preferred),
            ],
        );
        let prepared = settings.prepare(&typed, &clocks(None));
        match expected {
            Ok((subject, body)) => {
                let request = prepared.unwrap();
                assert_eq!(request.subject, subject, "{preferred}");
                assert_eq!(request.body.as_deref(), body, "{preferred}");
            }
            Err(errors) => assert_eq!(prepared.unwrap_err(), errors, "{preferred}"),
        }
    }
}

#[test]
fn service_hours_refuse_a_time_outside_them_and_the_body_shows_the_centres_clock() {
    let settings = EventFormSettings {
        subject_template: Some("Callback {instant}".into()),
        ..settings(EventKind::Callback)
    };
    let hours = ServiceHours::parse("Mo-Fr 08:00-18:00").unwrap();
    // 2026-11-30 is a Monday.
    let typed = |time: &str| {
        draft(
            &settings,
            &[
                (Field::Sender, "0199 123456789"),
                (Field::PreferredTime, time),
            ],
        )
    };
    let request = settings
        .prepare(&typed("2026-11-30T08:00"), &clocks(Some(&hours)))
        .unwrap();
    assert_eq!(request.subject, "Callback 2026-11-30T08:00+01:00");
    assert_eq!(
        request.body.as_deref(),
        Some("Preferred callback time: 2026-11-30 08:00 Europe/Berlin (UTC+01:00) = 2026-11-30T08:00+01:00\nCall centre time: 2026-11-30 08:00 Europe/Berlin (UTC+01:00)")
    );
    for closed in ["2026-11-30T07:59", "2026-11-30T18:00", "2026-11-28T10:00"] {
        assert_eq!(
            settings.prepare(&typed(closed), &clocks(Some(&hours))),
            Err(vec![FieldError::new(
                Field::PreferredTime,
                ErrorCode::PreferredTime(PreferredTimeError::OutsideServiceHours),
            )]),
            "{closed}"
        );
    }
}

#[test]
fn prepare_reports_every_problem_in_form_order() {
    let settings = EventFormSettings {
        group: Setting::Choose,
        ..settings(EventKind::Callback)
    };
    let errors = settings
        .prepare(&draft(&settings, &[(Field::Sender, "12")]), &clocks(None))
        .unwrap_err();
    let fields: Vec<Field> = errors.iter().map(|error| error.field).collect();
    assert_eq!(fields, [Field::AcdGroupsId, Field::Sender, Field::Subject]);
}
