//! HTTP status + body → typed outcomes, and the words for them in both languages.

use jtel_core::messages::{
    api_error_message, error_message, field_label, for_every_text, set_value_message, Text,
};
use jtel_core::model::AcdEvent;
use jtel_core::outcome::{
    interpret_created_event, interpret_records, interpret_set_value, invalid_text,
    split_invalid_text, ApiError, FieldMessage, SetValueForm, SetValueResult,
};
use jtel_core::phone::PhoneError;
use jtel_core::wire::{Records, UnreadableRow};
use jtel_core::{ErrorCode, Field, FieldError, Language};
use proptest::prelude::*;

#[test]
fn a_created_event_is_read_from_the_records() {
    let body = r#"{"records":[{"ID":1001,"AcdGroupsID":235,"Sender":"49199123456789"}],"count":1,"status":200}"#;
    let event = interpret_created_event(200, body).expect("created");
    assert_eq!((event.id, event.acd_groups_id), (Some(1001), Some(235)));
}

#[test]
fn statuses_and_bodies_map_to_distinct_errors() {
    let cases = [
        (
            400,
            r#"{"status":400,"error":"Sender: This field is required."}"#,
            ApiError::Invalid {
                problems: vec![FieldMessage {
                    field: Some(Field::Sender),
                    text: "This field is required.".into(),
                }],
            },
        ),
        (400, "", ApiError::Invalid { problems: vec![] }),
        (
            401,
            r#"{"status":401,"error":"Unauthorized"}"#,
            ApiError::Unauthorized,
        ),
        (
            429,
            r#"{"status":429,"error":"too many requests from this address"}"#,
            ApiError::TooManyRequests {
                retry_after_seconds: None,
            },
        ),
        (404, "", ApiError::RouteMissing),
        (404, "<html>Not Found</html>", ApiError::RouteMissing),
        (
            404,
            r#"{"status":404,"error":"AcdEvent not found"}"#,
            ApiError::NotFound {
                message: "AcdEvent not found".into(),
            },
        ),
        (
            409,
            r#"{"status":409,"error":"exists"}"#,
            ApiError::Conflict {
                message: "exists".into(),
            },
        ),
        (
            500,
            r#"{"status":500,"error":"db down"}"#,
            ApiError::Server {
                status: 500,
                message: Some("db down".into()),
            },
        ),
        (
            502,
            "<html>Bad gateway</html>",
            ApiError::Server {
                status: 502,
                message: None,
            },
        ),
        (
            418,
            "",
            ApiError::UnexpectedStatus {
                status: 418,
                message: None,
            },
        ),
    ];
    for (status, body, expected) in cases {
        assert_eq!(
            interpret_created_event(status, body),
            Err(expected),
            "{status} {body}"
        );
    }
}

#[test]
fn a_429_takes_the_delay_of_its_retry_after_header() {
    let limited = || interpret_created_event(429, "").unwrap_err();
    let with = |value| limited().with_retry_after(value);
    let after = |seconds| ApiError::TooManyRequests {
        retry_after_seconds: seconds,
    };
    assert_eq!(with(Some("30")), after(Some(30)));
    assert_eq!(with(Some(" 7 ")), after(Some(7)));
    assert_eq!(with(None), after(None));
    // An HTTP date (or anything else) is left out rather than read wrongly.
    assert_eq!(with(Some("Wed, 21 Oct 2026 07:28:00 GMT")), after(None));
    assert_eq!(with(Some("-1")), after(None));
    assert_eq!(
        ApiError::Unauthorized.with_retry_after(Some("30")),
        ApiError::Unauthorized,
        "only a 429 takes a delay"
    );
    assert_eq!(limited().code(), "too-many-requests");
}

#[test]
fn a_success_status_with_a_bad_body_is_undecodable() {
    for body in ["", "<html>", r#"{"records": 5}"#, r#"{"records": []}"#] {
        assert!(
            matches!(
                interpret_created_event(200, body),
                Err(ApiError::Undecodable { .. })
            ),
            "{body}"
        );
    }
    assert_eq!(
        interpret_records::<AcdEvent>(200, r#"{"records": [], "count": 0}"#),
        Ok(Records::default())
    );
    assert!(matches!(
        interpret_created_event(200, r#"{"records": [{"ID": "first"}], "count": 1}"#),
        Err(ApiError::Undecodable { detail }) if detail == "`ID` is not a whole number"
    ));
}

#[test]
fn an_unreadable_row_is_skipped_and_named_and_the_rest_is_read() {
    let body = r#"{"records": [{"ID": 1}, {"ID": 2, "UsersID": "agent"}, [], {"ID": "4"}]}"#;
    let records = interpret_records::<AcdEvent>(200, body).expect("a list");
    let ids: Vec<_> = records.read.iter().map(|event| event.id).collect();
    assert_eq!(ids, [Some(1), Some(4)]);
    assert_eq!(
        records.unreadable,
        [
            UnreadableRow {
                index: 1,
                reason: "`UsersID` is not a whole number".to_owned()
            },
            UnreadableRow {
                index: 2,
                reason: "expected a JSON object".to_owned()
            },
        ]
    );
    assert_eq!(records.total(), 4);
    assert_eq!(
        records.summary("acd/events").as_deref(),
        Some(
            "2 of 4 rows of acd/events could not be read and are not shown \
             (row 2: `UsersID` is not a whole number)"
        )
    );
    assert_eq!(Records::<AcdEvent>::default().summary("acd/events"), None);
}

#[test]
fn set_value_goes_in_the_path_by_default_and_the_query_on_request() {
    assert_eq!(SetValueForm::default(), SetValueForm::Path);
    assert_eq!(
        SetValueForm::Path.route(192, -5),
        (
            "cockpitVariables/cockpitVariable/192/setValue/-5".to_owned(),
            None
        )
    );
    assert_eq!(
        SetValueForm::Query.route(192, 7),
        (
            "cockpitVariables/cockpitVariable/192/setValue".to_owned(),
            Some(("value", "7".to_owned()))
        )
    );
    for form in [SetValueForm::Path, SetValueForm::Query] {
        assert_ne!(form.other(), form);
        assert_eq!(form.other().other(), form);
        assert_eq!(SetValueForm::from_setting(form.name()), Some(form));
    }
    assert_eq!(
        SetValueForm::from_setting(" Query "),
        Some(SetValueForm::Query)
    );
    assert_eq!(SetValueForm::from_setting("body"), None);
}

#[test]
fn only_an_empty_404_calls_for_the_other_set_value_form() {
    let other_form =
        |status, body| SetValueForm::is_unknown_route(&interpret_set_value(status, body));
    assert!(other_form(404, ""));
    assert!(other_form(404, "<html>Not Found</html>"));
    assert!(!other_form(
        404,
        r#"{"status": 404, "error": "Cockpit variable 9 not found."}"#
    ));
    assert!(!other_form(
        200,
        r#"{"result": 2, "error": "", "status": 200}"#
    ));
    assert!(!other_form(
        400,
        r#"{"status": 400, "error": "value: Enter a whole number."}"#
    ));
    assert!(!other_form(405, ""));
}

#[test]
fn set_value_results_are_read_from_a_200_answer() {
    for code in 0..=5 {
        let body = format!(r#"{{"result":{code},"error":"why","status":200}}"#);
        let outcome = interpret_set_value(200, &body).expect("200");
        assert_eq!(outcome.result.code(), code);
        assert_eq!(outcome.server_text.as_deref(), Some("why"));
    }
    assert_eq!(
        interpret_set_value(200, r#"{"result":3}"#).unwrap().result,
        SetValueResult::Unchanged
    );
    assert!(matches!(
        interpret_set_value(200, r#"{"status":200}"#),
        Err(ApiError::Undecodable { .. })
    ));
    assert_eq!(interpret_set_value(401, ""), Err(ApiError::Unauthorized));
}

#[test]
fn unchanged_after_an_ambiguous_retry_means_the_first_attempt_set_it() {
    let unchanged = interpret_set_value(200, r#"{"result":3,"error":"same value"}"#).unwrap();
    assert_eq!(
        unchanged.clone().after_retry(true).result,
        SetValueResult::Set
    );
    assert_eq!(
        unchanged.after_retry(false).result,
        SetValueResult::Unchanged
    );
    let refused = interpret_set_value(200, r#"{"result":4}"#).unwrap();
    assert_eq!(refused.after_retry(true).result, SetValueResult::OutOfRange);
}

#[test]
fn failures_that_may_hide_a_carried_out_request_are_ambiguous() {
    let ambiguous = [
        ApiError::Timeout { seconds: 5 },
        ApiError::Network {
            detail: "reset".into(),
        },
        ApiError::Server {
            status: 502,
            message: None,
        },
        ApiError::Undecodable {
            detail: "eof".into(),
        },
    ];
    for error in ambiguous {
        assert!(error.is_ambiguous(), "{error:?}");
    }
    let clear = [
        ApiError::Offline,
        ApiError::Invalid { problems: vec![] },
        ApiError::Unauthorized,
        ApiError::TooManyRequests {
            retry_after_seconds: Some(30),
        },
        ApiError::RouteMissing,
        ApiError::Conflict {
            message: String::new(),
        },
    ];
    for error in clear {
        assert!(!error.is_ambiguous(), "{error:?} created nothing");
    }
}

#[test]
fn server_texts_split_back_into_fields() {
    let errors = [
        FieldError::new(Field::Sender, ErrorCode::Phone(PhoneError::TooShort)),
        FieldError::new(Field::CrmUrl, ErrorCode::Required),
    ];
    let text = invalid_text(&errors, |e| error_message(e.code, Language::English));
    let parts = split_invalid_text(&text);
    assert_eq!(
        parts.iter().map(|p| p.field).collect::<Vec<_>>(),
        vec![Some(Field::Sender), Some(Field::CrmUrl)]
    );
    assert_eq!(parts[1].text, "Fill in this field.");
    let foreign = split_invalid_text("Parameter AcdGroupsID missing");
    assert_eq!(
        foreign,
        vec![FieldMessage {
            field: None,
            text: "Parameter AcdGroupsID missing".into()
        }]
    );
}

#[test]
fn messages_exist_in_both_languages_and_differ() {
    // Every code, from the visitor that walks every text.
    let mut codes = Vec::new();
    for_every_text(|text| {
        if let Text::Error(code) = text {
            codes.push(*code);
        }
    });
    assert!(codes.len() > 30, "only {} codes visited", codes.len());
    let mut english_seen = std::collections::HashSet::new();
    for code in codes {
        let (en, de) = (
            error_message(code, Language::English),
            error_message(code, Language::German),
        );
        assert!(!en.is_empty() && !de.is_empty());
        assert_ne!(en, de, "{code:?} is not translated");
        assert!(!en.contains("; "), "'; ' separates server problems: {en}");
        assert!(
            english_seen.insert(en.clone()),
            "two codes share the text {en}"
        );
    }
    assert_eq!(
        error_message(ErrorCode::TooLong { max: 255 }, Language::German),
        "Verwenden Sie höchstens 255 Zeichen."
    );
    for field in Field::ALL {
        assert!(!field_label(field, Language::German).is_empty());
    }
    for code in 0..5 {
        let result = SetValueResult::from_code(code);
        assert_ne!(
            set_value_message(result, Language::English),
            set_value_message(result, Language::German)
        );
    }
    let network = ApiError::Network {
        detail: "TypeError: Failed to fetch".into(),
    };
    assert!(api_error_message(&network, Language::English).contains("could not be reached"));
    assert!(api_error_message(&network, Language::German).contains("nicht erreichbar"));
}

#[test]
fn language_tags() {
    assert_eq!(Language::from_tag("de-AT"), Ok(Language::German));
    assert_eq!(Language::from_tag("DE"), Ok(Language::German));
    assert_eq!(Language::from_tag("en-GB"), Ok(Language::English));
    // An unknown language is no longer English in silence: the caller is told which tag.
    assert_eq!(
        Language::from_tag(" fr "),
        Err(jtel_core::messages::UnknownLanguage("fr".into()))
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn interpreting_arbitrary_answers_never_panics(status in 0u16..1000, body in any::<String>()) {
        let _ = interpret_created_event(status, &body);
        let _ = interpret_set_value(status, &body);
        let _ = split_invalid_text(&body);
    }
}
