//! The shared rules: one table per rule, drafts as users type them, and properties.

use jtel_core::crm_url::UrlError;
use jtel_core::email::EmailError;
use jtel_core::model::{CockpitVariable, CreateAcdEvent};
use jtel_core::numbering_plan::Region;
use jtel_core::phone::PhoneError;
use jtel_core::validation::{
    check_cockpit_value, parse_cockpit_value, validate_create_event, EventDraft, BODY_MAX_LEN,
    SUBJECT_MAX_LEN, USER_DATA_MAX_LEN,
};
use jtel_core::{ErrorCode, EventKind, Field, FieldError};
use proptest::prelude::*;

fn callback() -> CreateAcdEvent {
    CreateAcdEvent {
        acd_event_types_id: 3,
        acd_groups_id: 235,
        users_id: None,
        sender: "49199123456789".into(),
        receiver: Some("4919900112233".into()),
        subject: "Callback request".into(),
        body: Some("Please call back".into()),
        crm_url: Some("https://www.jtel.de".into()),
        user_data: Some("987654".into()),
    }
}

/// One edit of the valid callback.
type Change = Box<dyn FnOnce(&mut CreateAcdEvent)>;

fn errors_of(change: impl FnOnce(&mut CreateAcdEvent)) -> Vec<(Field, ErrorCode)> {
    let mut event = callback();
    change(&mut event);
    validate_create_event(&event)
        .into_iter()
        .map(|e| (e.field, e.code))
        .collect()
}

#[test]
fn a_complete_callback_is_valid() {
    assert_eq!(validate_create_event(&callback()), vec![]);
}

#[test]
fn each_rule_reports_its_field_and_code() {
    use ErrorCode::*;
    let cases: Vec<(Change, Vec<(Field, ErrorCode)>)> = vec![
        (
            Box::new(|e| e.acd_event_types_id = 0),
            vec![(Field::AcdEventTypesId, NotPositiveInteger)],
        ),
        (
            Box::new(|e| e.acd_groups_id = -5),
            vec![(Field::AcdGroupsId, NotPositiveInteger)],
        ),
        (
            Box::new(|e| e.users_id = Some(0)),
            vec![(Field::UsersId, NotPositiveInteger)],
        ),
        (
            Box::new(|e| e.sender = "  ".into()),
            vec![(Field::Sender, Required)],
        ),
        (
            Box::new(|e| e.sender = "+49199123456789".into()),
            vec![(Field::Sender, Phone(PhoneError::InvalidCharacters))],
        ),
        (
            Box::new(|e| e.receiver = Some("0199".into())),
            vec![(Field::Receiver, Phone(PhoneError::TooShort))],
        ),
        (
            Box::new(|e| e.subject = String::new()),
            vec![(Field::Subject, Required)],
        ),
        (
            Box::new(|e| e.subject = "s".repeat(SUBJECT_MAX_LEN + 1)),
            vec![(
                Field::Subject,
                TooLong {
                    max: SUBJECT_MAX_LEN,
                },
            )],
        ),
        (
            Box::new(|e| e.body = Some("b".repeat(BODY_MAX_LEN + 1))),
            vec![(Field::Body, TooLong { max: BODY_MAX_LEN })],
        ),
        (
            Box::new(|e| e.crm_url = Some("javascript:alert(1)".into())),
            vec![(Field::CrmUrl, Url(UrlError::NotHttp))],
        ),
        (
            Box::new(|e| e.crm_url = Some("https://a b".into())),
            vec![(Field::CrmUrl, Url(UrlError::Malformed))],
        ),
        (
            Box::new(|e| e.user_data = Some("u".repeat(USER_DATA_MAX_LEN + 1))),
            vec![(
                Field::UserData,
                TooLong {
                    max: USER_DATA_MAX_LEN,
                },
            )],
        ),
        (
            Box::new(|e| {
                e.acd_event_types_id = 6;
                e.sender = "info@example.com".into();
                e.receiver = None;
            }),
            vec![(Field::Body, BodyOnlyForCallbacks)],
        ),
        (
            Box::new(|e| {
                e.acd_event_types_id = 5;
                e.body = None;
                e.sender = "not an address".into();
                e.receiver = Some("support@jtel".into());
            }),
            vec![
                (Field::Sender, Email(EmailError::Invalid)),
                (Field::Receiver, Email(EmailError::Invalid)),
            ],
        ),
    ];
    for (change, expected) in cases {
        assert_eq!(errors_of(change), expected);
    }
}

#[test]
fn every_problem_is_reported_at_once() {
    let errors = validate_create_event(&CreateAcdEvent::default());
    let fields: Vec<Field> = errors.iter().map(|e| e.field).collect();
    assert_eq!(
        fields,
        vec![
            Field::AcdEventTypesId,
            Field::AcdGroupsId,
            Field::Sender,
            Field::Subject
        ]
    );
}

#[test]
fn kinds_decide_the_sender_rule() {
    let with = |kind: i64, sender: &str| {
        let mut event = callback();
        event.acd_event_types_id = kind;
        event.sender = sender.into();
        event.receiver = None;
        event.body = None;
        validate_create_event(&event)
    };
    for kind in EventKind::KNOWN.into_iter().filter(|k| k.is_telephone()) {
        assert_eq!(with(kind.type_id(), "49199123456789"), vec![], "{kind:?}");
        assert!(
            !with(kind.type_id(), "info@example.com").is_empty(),
            "{kind:?} needs a phone number"
        );
    }
    assert_eq!(with(5, "info@example.com"), vec![]);
    assert!(
        !with(5, "49199123456789").is_empty(),
        "e-mail needs an address"
    );
    assert_eq!(
        with(6, "Any system, user 4711"),
        vec![],
        "tickets take any sender"
    );
    assert_eq!(
        with(42, "chat-session-77"),
        vec![],
        "other kinds take any sender"
    );
}

#[test]
fn email_addresses() {
    let check = |sender: &str| {
        let mut event = callback();
        event.acd_event_types_id = 5;
        event.body = None;
        event.receiver = None;
        event.sender = sender.into();
        validate_create_event(&event).is_empty()
    };
    for good in [
        "info@example.com",
        "first.last+tag@sub.example.co.uk",
        "o'neil@example.ie",
    ] {
        assert!(check(good), "{good}");
    }
    for bad in [
        "",
        "info",
        "@example.com",
        "info@",
        "info@example",
        "in fo@example.com",
        "a..b@example.com",
        "x@1.2.3.4",
        "a@-x.com",
        "Name <a@example.com>",
    ] {
        assert!(!check(bad), "{bad}");
    }
}

#[test]
fn a_draft_typed_by_a_user_becomes_the_documented_body() {
    let draft = EventDraft::from_pairs([
        (Field::AcdEventTypesId, "3"),
        (Field::AcdGroupsId, " 235 "),
        (Field::UsersId, ""),
        (Field::Sender, "(0199) 123 456 789"),
        (Field::Receiver, "+49 199 00112233"),
        (Field::Subject, "  Callback request  "),
        (Field::Body, "Please call back"),
        (Field::CrmUrl, "https://www.jtel.de"),
        (Field::UserData, "987654"),
    ]);
    let request = draft.to_request(Region::DE).expect("valid");
    let mut expected = callback();
    expected.subject = "Callback request".into();
    assert_eq!(request, expected);
}

#[test]
fn a_draft_reports_each_field_once_with_the_most_specific_code() {
    let draft = EventDraft::from_pairs([
        (Field::AcdEventTypesId, "3"),
        (Field::AcdGroupsId, "abc"),
        (Field::UsersId, "x"),
        (Field::Sender, "0199 1"),
        (Field::Receiver, "call me"),
        (Field::Subject, ""),
        (Field::CrmUrl, "javascript:alert(1)"),
    ]);
    let errors = draft.to_request(Region::DE).unwrap_err();
    assert_eq!(
        errors,
        vec![
            FieldError::new(Field::AcdGroupsId, ErrorCode::NotPositiveInteger),
            FieldError::new(Field::UsersId, ErrorCode::NotPositiveInteger),
            FieldError::new(Field::Sender, ErrorCode::Phone(PhoneError::TooShort)),
            FieldError::new(Field::Receiver, ErrorCode::Phone(PhoneError::Letters)),
            FieldError::new(Field::Subject, ErrorCode::Required),
            FieldError::new(Field::CrmUrl, ErrorCode::Url(UrlError::NotHttp)),
        ]
    );
}

#[test]
fn a_draft_drops_body_for_kinds_that_do_not_send_one() {
    let draft = EventDraft::from_pairs([
        (Field::AcdEventTypesId, "6"),
        (Field::AcdGroupsId, "235"),
        (Field::Sender, "info@example.com"),
        (Field::Subject, "Ticket"),
        (Field::Body, "typed while it was a callback"),
    ]);
    assert_eq!(draft.to_request(Region::DE).expect("valid").body, None);
}

#[test]
fn cockpit_values_respect_kind_and_bounds() {
    let number = CockpitVariable {
        cockpit_variable_types_id: Some(2),
        min_value: Some(0),
        max_value: Some(100),
        ..Default::default()
    };
    let switch = CockpitVariable {
        cockpit_variable_types_id: Some(1),
        ..Default::default()
    };
    let percent = CockpitVariable {
        cockpit_variable_types_id: Some(3),
        ..Default::default()
    };
    let open = CockpitVariable::default();
    assert_eq!(check_cockpit_value(&number, 100), Ok(()));
    assert_eq!(
        check_cockpit_value(&number, 101),
        Err(ErrorCode::OutOfRange {
            min: Some(0),
            max: Some(100)
        })
    );
    assert_eq!(
        check_cockpit_value(&switch, 2),
        Err(ErrorCode::OutOfRange {
            min: Some(0),
            max: Some(1)
        })
    );
    assert_eq!(
        check_cockpit_value(&percent, -1),
        Err(ErrorCode::OutOfRange {
            min: Some(0),
            max: Some(100)
        })
    );
    assert_eq!(check_cockpit_value(&open, i64::MIN), Ok(()));
    assert_eq!(parse_cockpit_value(&number, " 42 "), Ok(42));
    assert_eq!(
        parse_cockpit_value(&number, "4.5"),
        Err(FieldError::new(Field::Value, ErrorCode::NotAnInteger))
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn validation_never_panics(
        kind in any::<i64>(), group in any::<i64>(), sender in any::<String>(), receiver in proptest::option::of(any::<String>()),
        subject in any::<String>(), body in proptest::option::of(any::<String>()), crm in proptest::option::of(any::<String>()),
    ) {
        let event = CreateAcdEvent { acd_event_types_id: kind, acd_groups_id: group, users_id: None, sender, receiver, subject, body, crm_url: crm, user_data: None };
        let _ = validate_create_event(&event);
    }

    #[test]
    fn a_valid_draft_gives_a_request_the_server_accepts(
        kind in 1i64..8, sender in "(\\+49|0049|0)[ ]?17[0-9][ -]?[0-9]{7,8}", subject in "[A-Za-z][A-Za-z0-9 ]{0,50}",
    ) {
        let kind_text = kind.to_string();
        let draft = EventDraft::from_pairs([
            (Field::AcdEventTypesId, kind_text.as_str()),
            (Field::AcdGroupsId, "235"),
            (Field::Sender, sender.as_str()),
            (Field::Subject, subject.as_str()),
        ]);
        if let Ok(request) = draft.to_request(Region::DE) {
            prop_assert_eq!(validate_create_event(&request), vec![]);
        }
        if EventKind::from_type_id(kind).is_telephone() {
            prop_assert!(draft.to_request(Region::DE).is_ok(), "telephone kinds take a typed number: {:?}", draft);
        }
    }
}

#[test]
fn every_field_sits_at_its_index_so_a_draft_keeps_texts_apart() {
    for (position, field) in Field::ALL.into_iter().enumerate() {
        assert_eq!(field.index(), position, "{field:?}");
    }
    let draft = EventDraft::from_pairs(Field::ALL.map(|field| (field, field.json_name())));
    for field in Field::ALL {
        assert_eq!(draft.text(field), field.json_name());
    }
    assert_eq!(draft.texts().count(), Field::ALL.len());
}
