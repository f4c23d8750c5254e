//! The browser's codec (`json` + `wire`) against serde_json, the emulator's: the same texts
//! are JSON for both, and the jtel types read and write the same way.

use jtel_core::json::{self, Json};
use jtel_core::model::{
    AcdEvent, AcdEventType, AcdGroup, CockpitVariable, CreateAcdEvent, ListEnvelope, ServiceNumber,
    User,
};
use jtel_core::timestamp::Timestamp;
use jtel_core::wire::{self, FromJson};
use proptest::prelude::*;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// serde_json's value as our tree (numbers compared by value, not spelling).
fn same_tree(ours: &Json, theirs: &Value) -> bool {
    match (ours, theirs) {
        (Json::Null, Value::Null) => true,
        (Json::Bool(a), Value::Bool(b)) => a == b,
        (Json::Number(literal), Value::Number(number)) => {
            if let (Ok(ours), Some(theirs)) = (literal.parse::<i64>(), number.as_i64()) {
                ours == theirs
            } else {
                // serde_json rounds large literals a little differently from `str::parse`.
                let (ours, theirs) = (literal.parse::<f64>().unwrap(), number.as_f64().unwrap());
                ours == theirs || ((ours - theirs) / theirs).abs() < 1e-15
            }
        }
        (Json::String(a), Value::String(b)) => a == b,
        (Json::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(a, b)| same_tree(a, b))
        }
        (Json::Object(members), Value::Object(map)) => {
            // serde_json keeps the last of repeated names, like `JSON.parse`.
            map.iter().all(|(name, value)| {
                members
                    .iter()
                    .rfind(|(key, _)| key == name)
                    .is_some_and(|(_, ours)| same_tree(ours, value))
            }) && members.iter().all(|(key, _)| map.contains_key(key))
        }
        _ => false,
    }
}

/// Asserts that `text` is JSON for both parsers or for neither, and the same tree.
fn agree(text: &str) -> Result<(), String> {
    match (json::parse(text), serde_json::from_str::<Value>(text)) {
        (Ok(ours), Ok(theirs)) if same_tree(&ours, &theirs) => Ok(()),
        (Err(_), Err(_)) => Ok(()),
        (ours, theirs) => Err(format!("{text:?}: ours {ours:?}, serde_json {theirs:?}")),
    }
}

#[test]
fn the_parser_agrees_with_serde_json_on_tricky_texts() {
    let deep = |n| format!("{}{}", "[".repeat(n), "]".repeat(n));
    let texts = [
        "null",
        " true ",
        "false",
        "0",
        "-0",
        "12",
        "-12",
        "1.5",
        "1e3",
        "1E-3",
        "-1.25e+2",
        "01",
        "1.",
        ".5",
        "-",
        "+1",
        "1e",
        "0x10",
        "\"\"",
        "\"a\\\"b\"",
        "\"\\u00e4\\u20AC\"",
        "\"\\ud83d\\ude00\"",
        "\"\\ud83d\"",
        "\"\\ude00\"",
        "\"\\ud83dx\"",
        "\"\\u12\"",
        "\"\\x\"",
        "\"tab\there\"",
        "\"line\nbreak\"",
        "\"\\/\\b\\f\\n\\r\\t\"",
        "\"ä€😀\"",
        "[]",
        "[1,2]",
        "[1,]",
        "[,1]",
        "[1 2]",
        "{}",
        "{\"a\":1}",
        "{\"a\":1,}",
        "{a:1}",
        "{\"a\" 1}",
        "{\"a\":1,\"a\":2}",
        "{\"records\":[{\"ID\":1}],\"count\":1}",
        "nul",
        "truex",
        "[1]]",
        "{\"a\":[{}]}",
        "",
        "   ",
        "\u{feff}{}",
        "[\"\u{7f}\"]",
        "<html></html>",
        "{\"a\":1}x",
    ];
    for text in texts
        .iter()
        .map(|text| text.to_string())
        .chain([deep(100), deep(127)])
    {
        agree(&text).unwrap();
    }
    assert!(
        json::parse(&deep(100_000)).is_err(),
        "deep nesting is refused"
    );
}

/// Any JSON value serde_json can write, nested a few levels.
fn any_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<String>().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 40, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map("[A-Za-z]{1,6}", inner, 0..6)
                .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

/// A jtel-looking record: fields the widgets read, with values of any type.
fn any_record() -> impl Strategy<Value = String> {
    let name = prop::sample::select(vec![
        "ID",
        "Name",
        "Sender",
        "Subject",
        "UsersID",
        "dtCreated",
        "Value",
        "bWritable",
        "ShortText",
        "UID",
        "Name2",
        "result",
        "error",
        "status",
    ]);
    let value = prop_oneof![
        any::<i64>().prop_map(|n| n.to_string()),
        Just("1.5".to_owned()),
        Just("70000".to_owned()),
        Just("99999999999999999999".to_owned()),
        any::<String>().prop_map(|text| serde_json::to_string(&text).unwrap()),
        Just("\"2026-11-27 10:00:00\"".to_owned()),
        Just("null".to_owned()),
        any::<bool>().prop_map(|flag| flag.to_string()),
        Just("[]".to_owned()),
        Just("{}".to_owned()),
    ];
    // Distinct names: serde refuses a repeated field, we keep the last (as `JSON.parse` does).
    prop::collection::btree_map(name, value, 0..6).prop_map(|fields| {
        let members: Vec<String> = fields
            .iter()
            .map(|(name, value)| format!("\"{name}\":{value}"))
            .collect();
        format!("{{{}}}", members.join(","))
    })
}

/// Reads `text` as a one-record envelope with both codecs.
fn both<T: FromJson + DeserializeOwned + PartialEq + std::fmt::Debug>(record: &str) {
    let body = format!("{{\"records\":[{record}],\"count\":1}}");
    let ours = wire::records::<T>(&json::parse(&body).unwrap());
    let theirs = serde_json::from_str::<ListEnvelope<T>>(&body).map(|envelope| envelope.records);
    match (ours, theirs) {
        (Ok(ours), Ok(theirs)) => assert_eq!(ours, theirs, "{body}"),
        (Err(_), Err(_)) => {}
        (ours, theirs) => panic!("{body}: ours {ours:?}, serde {theirs:?}"),
    }
}

fn timestamps() -> impl Strategy<Value = Option<Timestamp>> {
    prop::option::of(
        prop::sample::select(vec![
            "2017-03-08 13:48:08",
            "2026-11-27T10:00:00.5+01:00",
            "2019-12-31T23:59:59.123Z",
        ])
        .prop_map(|text| Timestamp::parse(text).unwrap()),
    )
}

fn acd_events() -> impl Strategy<Value = AcdEvent> {
    let ids = || prop::option::of(any::<i64>());
    let texts = || prop::option::of(any::<String>());
    (
        (ids(), ids(), ids(), ids(), ids(), ids(), ids(), ids()),
        (texts(), texts(), texts(), texts(), texts(), texts()),
        (timestamps(), timestamps()),
    )
        .prop_map(|(ids, texts, times)| AcdEvent {
            id: ids.0,
            acd_event_types_id: ids.1,
            acd_groups_id: ids.2,
            users_id: ids.3,
            acd_event_status_id: ids.4,
            chat_connectors_id: ids.5,
            skills_value1: ids.6,
            skills_value2: ids.7,
            sender: texts.0,
            receiver: texts.1,
            subject: texts.2,
            body: texts.3,
            crm_url: texts.4,
            user_data: texts.5,
            dt_created: times.0,
            dt_last_modified: times.1,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn the_parser_reads_whatever_serde_json_writes(value in any_value()) {
        agree(&serde_json::to_string(&value).unwrap()).unwrap();
        agree(&serde_json::to_string_pretty(&value).unwrap()).unwrap();
    }

    #[test]
    fn the_parser_agrees_on_mangled_json(value in any_value(), at in any::<prop::sample::Index>(),
                                         insert in prop::sample::select(vec!["", ",", "]", "}", "\"", "\\", ":", "0", "-", "\u{1}"])) {
        let text = serde_json::to_string(&value).unwrap();
        let cut = (0..=text.len()).filter(|i| text.is_char_boundary(*i)).collect::<Vec<_>>();
        let i = cut[at.index(cut.len())];
        // One character inserted or, for "", the text cut short there.
        let mangled = if insert.is_empty() { text[..i].to_owned() } else { format!("{}{insert}{}", &text[..i], &text[i..]) };
        agree(&mangled).unwrap();
    }

    #[test]
    fn records_read_the_same_as_with_serde(record in any_record()) {
        both::<AcdEvent>(&record);
        both::<CockpitVariable>(&record);
        both::<AcdGroup>(&record);
        both::<AcdEventType>(&record);
        both::<User>(&record);
        both::<ServiceNumber>(&record);
    }

    #[test]
    fn acd_events_round_trip_through_both_codecs(event in acd_events()) {
        let ours = event.to_json();
        prop_assert_eq!(serde_json::from_str::<AcdEvent>(&ours).unwrap(), event.clone());
        let theirs = serde_json::to_string(&event).unwrap();
        prop_assert_eq!(AcdEvent::from_json(&json::parse(&theirs).unwrap()).unwrap(), event);
    }

    #[test]
    fn create_bodies_are_written_byte_for_byte_as_serde_writes_them(
        types in any::<i64>(), group in any::<i64>(), user in prop::option::of(any::<i64>()),
        sender in any::<String>(), receiver in prop::option::of(any::<String>()),
        subject in any::<String>(), body in prop::option::of(any::<String>()),
        crm_url in prop::option::of(any::<String>()), user_data in prop::option::of(any::<String>()),
    ) {
        let event = CreateAcdEvent {
            acd_event_types_id: types, acd_groups_id: group, users_id: user, sender, receiver,
            subject, body, crm_url, user_data,
        };
        prop_assert_eq!(event.to_json(), serde_json::to_string(&event).unwrap());
    }
}

#[test]
fn error_and_set_value_bodies_read_like_the_serde_types() {
    let parsed = |text| json::parse(text).unwrap();
    assert_eq!(
        wire::error_text(&parsed(
            r#"{"status": 404, "error": "Dialler campaign not found"}"#
        )),
        Ok(Some("Dialler campaign not found".to_owned()))
    );
    assert_eq!(wire::error_text(&parsed(r#"{"status": 404}"#)), Ok(None));
    assert!(wire::error_text(&parsed(r#"{"status": 70000}"#)).is_err());
    assert!(wire::error_text(&parsed("[]")).is_err());
    assert_eq!(
        wire::set_value_answer(&parsed(
            r#"{"result": 4, "error": "out of range", "status": 200}"#
        )),
        Ok((Some(4), Some("out of range".to_owned())))
    );
    assert!(wire::set_value_answer(&parsed(r#"{"result": "0"}"#)).is_err());
}
