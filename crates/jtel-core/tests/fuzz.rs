//! Hostile input: large randomised runs of every function that reads outside input —
//! normalisation, validation, URL and e-mail checks, timestamps, templates and the reading
//! of server answers. A panic in wasm kills the widget for the whole page, so none may panic.
//! `JTEL_FUZZ_CASES` sets the cases per target (default 20,000); each target prints its count.

use jtel_core::callback_time::{decide_preferred_time, parse_gmt_offset};
use jtel_core::crm_url::check_crm_url;
use jtel_core::model::{AcdEvent, CockpitVariable, CreateAcdEvent, ListEnvelope};
use jtel_core::numbering_plan::Region;
use jtel_core::outcome::{
    interpret_created_event, interpret_records, interpret_set_value, split_invalid_text,
};
use jtel_core::phone::normalize_phone;
use jtel_core::service_hours::ServiceHours;
use jtel_core::subject_template::fill_template;
use jtel_core::timestamp::Timestamp;
use jtel_core::validation::{parse_cockpit_value, validate_create_event, EventDraft};
use jtel_core::Field;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

fn cases() -> u32 {
    std::env::var("JTEL_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(20_000)
}

/// Runs `check` on `cases()` values of `strategy` and prints how many ran.
fn fuzz<S: Strategy>(name: &str, strategy: S, check: impl Fn(S::Value)) {
    let cases = cases();
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&strategy, |value| {
            check(value);
            Ok(())
        })
        .unwrap_or_else(|failure| panic!("{name}: {failure}"));
    println!("fuzz {name}: {cases} cases, no panic");
}

/// Text that looks like what the functions expect often enough to reach deep branches:
/// digits, separators, URL and JSON punctuation, non-ASCII and control characters.
fn nasty_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[0-9 +()./-]{0,30}",
        "(https?|javascript|HTTP)://[a-zA-Z0-9.:@\\[\\]%/?#_-]{0,40}",
        "[{}\":,\\[\\]0-9a-zA-Z ]{0,80}",
        "[\\x00-\\x1f\u{7f}\u{200b}\u{feff}ä€😀{}]{0,20}",
    ]
}

#[test]
fn typed_input_never_panics() {
    fuzz(
        "normalize_phone",
        (
            nasty_text(),
            proptest::sample::select(Region::all().collect::<Vec<_>>()),
        ),
        |(text, region)| {
            let _ = normalize_phone(&text, region);
        },
    );
    fuzz("check_crm_url", nasty_text(), |text| {
        let _ = check_crm_url(&text);
    });
    fuzz(
        "EventDraft::to_request",
        proptest::collection::vec(nasty_text(), 11),
        |texts| {
            let draft = EventDraft::from_pairs(
                Field::ALL.into_iter().zip(texts.iter().map(String::as_str)),
            );
            if let Ok(request) = draft.to_request(Region::DE) {
                assert_eq!(
                    validate_create_event(&request),
                    vec![],
                    "a request the draft accepts passes the server's rules"
                );
            }
        },
    );
    fuzz(
        "decide_preferred_time / ServiceHours::parse / parse_gmt_offset / fill_template / parse_cockpit_value",
        (nasty_text(), nasty_text()),
        |(a, b)| {
            // A zone that changes its offset every hour, far more often than any real one.
            let restless = |at: i64| ((at / 3_600_000).rem_euclid(27) as i32 - 12) * 60;
            let _ = decide_preferred_time(&a, b.len() as i64 * 1_000_000_007, restless);
            let _ = ServiceHours::parse(&a);
            let _ = parse_gmt_offset(&b);
            let _ = fill_template(&a, |name| (name == "Sender").then_some(b.as_str()));
            let _ = parse_cockpit_value(&CockpitVariable::default(), &a);
        },
    );
}

#[test]
fn server_answers_never_panic() {
    fuzz(
        "interpret_* on any status and body",
        (any::<u16>(), nasty_text()),
        |(status, body)| {
            let _ = interpret_created_event(status, &body);
            let _ = interpret_set_value(status, &body);
            let _ = interpret_records::<CockpitVariable>(status, &body);
            let _ = split_invalid_text(&body);
        },
    );
    let record = prop::collection::btree_map(
        prop::sample::select(vec![
            "ID",
            "AcdGroupsID",
            "Sender",
            "Subject",
            "dtCreated",
            "dtLastModified",
            "Value",
            "MinValue",
            "bWritable",
            "records",
        ]),
        prop_oneof![
            any::<i64>().prop_map(|n| n.to_string()),
            nasty_text().prop_map(|s| serde_json::to_string(&s).unwrap()),
            Just("null".to_owned()),
            Just("true".to_owned()),
            Just("[]".to_owned()),
            Just("{}".to_owned()),
        ],
        0..6,
    );
    fuzz("JSON records with odd field values", record, |fields| {
        let body = format!(
            "{{\"records\":[{{{}}}],\"count\":1}}",
            fields
                .iter()
                .map(|(k, v)| format!("\"{k}\":{v}"))
                .collect::<Vec<_>>()
                .join(",")
        );
        let _ = serde_json::from_str::<ListEnvelope<AcdEvent>>(&body);
        let _ = serde_json::from_str::<ListEnvelope<CockpitVariable>>(&body);
        let _ = serde_json::from_str::<CreateAcdEvent>(&body);
        // The browser's codec reads the same bodies.
        let _ = interpret_records::<AcdEvent>(200, &body);
        let _ = interpret_records::<CockpitVariable>(200, &body);
    });
    fuzz("Timestamp::parse", nasty_text(), |text| {
        if let Ok(stamp) = Timestamp::parse(&text) {
            let _ = stamp.to_unix_millis();
        }
    });
}
