//! The browser's codec (`json` + `wire`) against serde_json, the emulator's: the same texts
//! are JSON for both, and the jtel types read and write the same way.

use jtel_core::json::{self, Json};
use jtel_core::model::{
    AcdEvent, AcdEventType, AcdGroup, CockpitVariable, CreateAcdEvent, ServiceNumber, User,
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

/// A JSON value jtel might send for a field: every type, and the loose spellings of flags
/// and whole numbers (0/1, whole decimals, numeric strings) next to ones that must be refused.
/// Decimals keep to 15 significant digits, where serde_json's `f64` is exact.
fn any_field_value() -> impl Strategy<Value = String> {
    let small = || -999_999_999_i64..999_999_999;
    prop_oneof![
        any::<i64>().prop_map(|n| n.to_string()),
        prop::sample::select(vec!["0", "1", "2", "-1", "0.0", "1.0", "1e0", "-0"])
            .prop_map(str::to_owned),
        small().prop_map(|n| format!("{n}.0")),
        small().prop_map(|n| format!("{n}.000e2")),
        (small(), 1_u8..10).prop_map(|(n, fraction)| format!("{n}.{fraction}")),
        small().prop_map(|n| format!("\"{n}\"")),
        small().prop_map(|n| format!("\" {n}.0 \"")),
        prop::sample::select(vec![
            "1.5",
            "70000",
            "70000.0",
            "9.2e18",
            "9.3e18",
            "1e19",
            "99999999999999999999",
            "\"0\"",
            "\"1\"",
            "\"\"",
            "\"  \"",
            "\"abc\"",
            "\"1.5\"",
            "\"0x10\"",
            "\"2026-11-27 10:00:00\"",
            "null",
            "true",
            "false",
            "[]",
            "{}",
            "[1]",
        ])
        .prop_map(str::to_owned),
        any::<String>().prop_map(|text| serde_json::to_string(&text).unwrap()),
    ]
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
        "MaxValue",
        "CockpitVariableTypesID",
        "bWritable",
        "bVisibleInCockpit",
        "ShortText",
        "UID",
        "Name2",
        "result",
        "error",
        "status",
        "bUnknownFlag",
    ]);
    // Distinct names: serde refuses a repeated field, we keep the last (as `JSON.parse` does).
    prop::collection::btree_map(name, any_field_value(), 0..6).prop_map(|fields| {
        let members: Vec<String> = fields
            .iter()
            .map(|(name, value)| format!("\"{name}\":{value}"))
            .collect();
        format!("{{{}}}", members.join(","))
    })
}

/// The rows serde reads from a list `body` (each row on its own, as the widgets' reader
/// does), and the indices of those it cannot read.
fn serde_rows<T: DeserializeOwned>(body: &str) -> (Vec<T>, Vec<usize>) {
    let envelope: Value = serde_json::from_str(body).unwrap();
    let mut read = Vec::new();
    let mut unreadable = Vec::new();
    for (index, row) in envelope["records"].as_array().unwrap().iter().enumerate() {
        match serde_json::from_value::<T>(row.clone()) {
            Ok(row) => read.push(row),
            Err(_) => unreadable.push(index),
        }
    }
    (read, unreadable)
}

/// Reads `rows` as a list envelope with both codecs: the same rows read, the same skipped.
fn both<T: FromJson + DeserializeOwned + PartialEq + std::fmt::Debug>(rows: &[String]) {
    let body = format!(
        "{{\"records\":[{}],\"count\":{}}}",
        rows.join(","),
        rows.len()
    );
    let ours = wire::records::<T>(&json::parse(&body).unwrap()).unwrap();
    let ours_skipped: Vec<usize> = ours.unreadable.iter().map(|row| row.index).collect();
    let (theirs, theirs_skipped) = serde_rows::<T>(&body);
    assert_eq!(ours.read, theirs, "{body}");
    assert_eq!(
        ours_skipped, theirs_skipped,
        "{body}: {:?}",
        ours.unreadable
    );
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
    fn records_read_and_skip_the_same_as_with_serde(rows in prop::collection::vec(any_record(), 1..5)) {
        both::<AcdEvent>(&rows);
        both::<CockpitVariable>(&rows);
        both::<AcdGroup>(&rows);
        both::<AcdEventType>(&rows);
        both::<User>(&rows);
        both::<ServiceNumber>(&rows);
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
    assert_eq!(
        wire::set_value_answer(&parsed(r#"{"result": "0", "status": 200.0}"#)),
        Ok((Some(0), None))
    );
    for refused in [
        r#"{"result": "set"}"#,
        r#"{"result": 1.5}"#,
        r#"{"result": true}"#,
    ] {
        assert!(
            wire::set_value_answer(&parsed(refused)).is_err(),
            "{refused}"
        );
    }
}

/// A fixture file of the emulator: each list's rows as JSON texts.
fn fixture_lists(text: &str) -> Vec<(String, Vec<String>)> {
    let lists: serde_json::Map<String, Value> = serde_json::from_str(text).unwrap();
    lists
        .into_iter()
        .map(|(name, rows)| {
            let rows = rows
                .as_array()
                .unwrap()
                .iter()
                .map(Value::to_string)
                .collect();
            (name, rows)
        })
        .collect()
}

/// The indices of the rows of `list` in `text` the widgets' reader skips.
fn skipped(text: &str, list: &str) -> Vec<usize> {
    let body = format!(
        "{{\"records\":{}}}",
        serde_json::from_str::<Value>(text).unwrap()[list]
    );
    let parsed = json::parse(&body).unwrap();
    let indices = |rows: Vec<wire::UnreadableRow>| rows.iter().map(|row| row.index).collect();
    match list {
        "cockpitVariables" => indices(
            wire::records::<CockpitVariable>(&parsed)
                .unwrap()
                .unreadable,
        ),
        "acdGroups" => indices(wire::records::<AcdGroup>(&parsed).unwrap().unreadable),
        "acdEventTypes" => indices(wire::records::<AcdEventType>(&parsed).unwrap().unreadable),
        "users" => indices(wire::records::<User>(&parsed).unwrap().unreadable),
        "serviceNumbers" => indices(wire::records::<ServiceNumber>(&parsed).unwrap().unreadable),
        "acdEvents" => indices(wire::records::<AcdEvent>(&parsed).unwrap().unreadable),
        other => panic!("unknown list {other}"),
    }
}

#[test]
fn every_fixture_set_reads_the_same_with_both_codecs_and_only_broken_rows_are_skipped() {
    let sets = [
        (
            "default",
            include_str!("../../jtel-emulator/fixtures/default.json"),
        ),
        (
            "docs-literal",
            include_str!("../../jtel-emulator/fixtures/docs-literal.json"),
        ),
        (
            "variant",
            include_str!("../../jtel-emulator/fixtures/variant.json"),
        ),
    ];
    for (set, text) in sets {
        for (list, rows) in fixture_lists(text) {
            match list.as_str() {
                "cockpitVariables" => both::<CockpitVariable>(&rows),
                "acdGroups" => both::<AcdGroup>(&rows),
                "acdEventTypes" => both::<AcdEventType>(&rows),
                "users" => both::<User>(&rows),
                "serviceNumbers" => both::<ServiceNumber>(&rows),
                "acdEvents" => both::<AcdEvent>(&rows),
                other => panic!("{set}: unknown list {other}"),
            }
            let expected: Vec<usize> = match (set, list.as_str()) {
                // "Value": "high" and "ID": {"value": 238}.
                ("variant", "cockpitVariables") => vec![6],
                ("variant", "acdGroups") => vec![3],
                _ => vec![],
            };
            assert_eq!(skipped(text, &list), expected, "{set} {list}");
        }
    }
}
