//! The serde types: the jtel examples round-trip, reading is tolerant, timestamps parse.

use jtel_core::model::{
    AcdEvent, CockpitVariable, CreateAcdEvent, ErrorBody, ListEnvelope, SetValueResponse,
};
use jtel_core::timestamp::{Timestamp, Zone};
use proptest::prelude::*;
use serde_json::{json, Value};

fn docs_callback() -> Value {
    json!({
      "AcdEventTypesID": 3,
      "AcdGroupsID": 235,
      "UsersID": null,
      "Sender": "49199123456789",
      "Receiver": "4919900112233",
      "Subject": "Callback request from 49199123456789 on 2020.08.09 at 09:00",
      "Body": "This is an automatically generated callback request via the REST API.\r\nCongratulations!\r\n",
      "CrmURL": "https://www.jtel.de",
      "UserData": "987654"
    })
}

fn docs_ticket() -> Value {
    json!({
      "AcdEventTypesID": 6,
      "AcdGroupsID": 235,
      "UsersID": null,
      "Sender": "info@example.com",
      "Receiver": "support@jtel.de",
      "Subject": "A new ticket 123456 has been created via the REST API. Congratulations!",
      "CrmURL": "https://www.jtel.de",
      "UserData": "123456"
    })
}

#[test]
fn the_three_documented_create_bodies_round_trip_exactly() {
    let mut for_agent = docs_callback();
    for_agent["UsersID"] = json!(3);
    for example in [docs_callback(), for_agent, docs_ticket()] {
        let parsed: CreateAcdEvent = serde_json::from_value(example.clone()).expect("parses");
        assert_eq!(serde_json::to_value(&parsed).expect("serialises"), example);
    }
    let ticket: CreateAcdEvent = serde_json::from_value(docs_ticket()).unwrap();
    assert_eq!(ticket.body, None);
    assert_eq!(ticket.users_id, None);
}

#[test]
fn missing_required_fields_read_as_empty_for_validation_to_report() {
    let parsed: CreateAcdEvent = serde_json::from_value(json!({"Subject": "x"})).unwrap();
    assert_eq!(parsed.acd_groups_id, 0);
    assert_eq!(parsed.sender, "");
}

#[test]
fn records_ignore_unknown_fields_and_default_missing_ones() {
    let body = json!({
        "filter": "", "limitStart": 0, "limitPageSize": -1, "count": 1, "orderBy": "dtCreated",
        "ascending": true, "status": 200, "somethingNew": {"nested": [1, 2]},
        "records": [{
            "SkillsValue1": null, "SkillsValue2": null, "ChatConnectorsID": 1, "UserData": "123456",
            "AcdEventStatusID": 20, "dtLastModified": "2020-08-09T02:33:50.347", "NotDocumented": "x"
        }]
    });
    let list: ListEnvelope<AcdEvent> = serde_json::from_value(body).unwrap();
    assert_eq!(list.count, Some(1));
    assert_eq!(list.order_by.as_deref(), Some("dtCreated"));
    let event = &list.records[0];
    assert_eq!(event.acd_event_status_id, Some(20));
    assert_eq!(event.user_data.as_deref(), Some("123456"));
    assert_eq!(event.id, None);
    assert_eq!(
        event.dt_last_modified.map(|t| (t.hour, t.minute, t.zone)),
        Some((2, 33, Zone::ServerLocal))
    );
}

#[test]
fn the_documented_cockpit_variable_reads() {
    let row = json!({
        "ID": 192, "Name": "Test Cockpit Variable", "Description": "Test Cockpit Variable",
        "MinValue": null, "MinBGColor": "#DC143C", "CounterAbsolute": 0, "Counter10Minutes": 0,
        "Counter30Minutes": 0, "CounterDay": 0, "dtLastModified": "2022-01-04T13:31:37.477546Z"
    });
    let variable: CockpitVariable = serde_json::from_value(row).unwrap();
    assert_eq!(variable.id, Some(192));
    assert_eq!(variable.min_value, None);
    assert_eq!(variable.min_bg_color.as_deref(), Some("#DC143C"));
    let modified = variable.dt_last_modified.expect("timestamp parsed");
    assert_eq!(
        (modified.nanosecond, modified.zone),
        (477_546_000, Zone::Utc)
    );
}

#[test]
fn an_unreadable_timestamp_does_not_lose_the_record() {
    let event: AcdEvent =
        serde_json::from_value(json!({"ID": 7, "dtCreated": "yesterday"})).unwrap();
    assert_eq!((event.id, event.dt_created), (Some(7), None));
}

#[test]
fn error_and_set_value_bodies_read() {
    let error: ErrorBody =
        serde_json::from_str(r#"{"status": 404, "error": "Dialler campaign not found"}"#).unwrap();
    assert_eq!(error.error.as_deref(), Some("Dialler campaign not found"));
    let answer: SetValueResponse =
        serde_json::from_str(r#"{"result": 4, "error": "out of range", "status": 200}"#).unwrap();
    assert_eq!((answer.result, answer.status), (Some(4), Some(200)));
}

#[test]
fn all_three_timestamp_formats_parse_and_print_back_unchanged() {
    for text in [
        "2020-08-09T02:33:50.347",
        "2022-01-04T13:31:37.477546Z",
        "2022-06-17T15:19:12.484+02:00",
        "2024-02-29T23:59:60-05:30",
    ] {
        let parsed = Timestamp::parse(text).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(parsed.to_string(), text);
    }
    let offset = Timestamp::parse("2022-06-17T15:19:12.484+02:00").unwrap();
    assert_eq!(offset.zone, Zone::OffsetMinutes(120));
    assert_eq!(
        Timestamp::parse("2022-06-17 15:19:12").unwrap().to_string(),
        "2022-06-17T15:19:12"
    );
}

#[test]
fn impossible_timestamps_are_refused() {
    for text in [
        "2023-02-29T00:00:00",
        "2020-13-01T00:00:00",
        "2020-01-01T24:00:00",
        "2020-01-01",
        "2020-01-01T00:00:00.",
        "2020-01-01T00:00:00+2:00",
        "2020-01-01T00:00:00Zjunk",
    ] {
        assert!(Timestamp::parse(text).is_err(), "{text}");
    }
}

#[test]
fn unix_time_converts_to_calendar_time() {
    assert_eq!(
        Timestamp::from_unix_millis(0, Zone::Utc).to_string(),
        "1970-01-01T00:00:00.000Z"
    );
    assert_eq!(
        Timestamp::from_unix_millis(1_596_940_430_347, Zone::ServerLocal).to_string(),
        "2020-08-09T02:33:50.347"
    );
    assert_eq!(
        Timestamp::from_unix_millis(951_782_400_000, Zone::OffsetMinutes(-60)).to_string(),
        "2000-02-28T23:00:00.000-01:00"
    );
}

proptest! {
    #[test]
    fn create_bodies_round_trip(
        kind in 1i64..10, group in 1i64..100_000, user in proptest::option::of(1i64..10_000),
        sender in ".{0,30}", receiver in proptest::option::of(".{0,20}"), subject in ".{0,40}",
        body in proptest::option::of(".{0,40}"), crm in proptest::option::of(".{0,20}"), data in proptest::option::of(".{0,20}"),
    ) {
        let event = CreateAcdEvent { acd_event_types_id: kind, acd_groups_id: group, users_id: user, sender, receiver, subject, body, crm_url: crm, user_data: data };
        let text = serde_json::to_string(&event).unwrap();
        prop_assert_eq!(serde_json::from_str::<CreateAcdEvent>(&text).unwrap(), event);
    }

    #[test]
    fn timestamps_round_trip(millis in -10_000_000_000_000i64..10_000_000_000_000, offset in -900i16..900) {
        for zone in [Zone::Utc, Zone::ServerLocal, Zone::OffsetMinutes(offset)] {
            let stamp = Timestamp::from_unix_millis(millis, zone);
            prop_assert_eq!(Timestamp::parse(&stamp.to_string()), Ok(stamp));
            prop_assert_eq!(stamp.to_unix_millis(), millis);
        }
    }

    #[test]
    fn reading_arbitrary_json_never_panics(text in any::<String>()) {
        let _ = serde_json::from_str::<ListEnvelope<AcdEvent>>(&text);
        let _ = Timestamp::parse(&text);
    }
}

#[test]
fn event_types_are_named_by_their_short_text() {
    use jtel_core::messages::event_type_label;
    use jtel_core::Language::{English, German};
    let cases = [
        (
            3,
            Some("AcdEventTypes.Callback"),
            English,
            "Callback request",
        ),
        (3, Some("AcdEventTypes.Callback"), German, "Rückrufbitte"),
        (5, Some(" AcdEventTypes.Email "), German, "E-Mail"),
        // The key, not the id, names the type: jtel's ids may differ from ours.
        (9, Some("AcdEventTypes.SMS"), English, "SMS"),
        (7, Some("AcdEventTypes.WhatsApp"), English, "WhatsApp"),
        (7, Some("AcdEventTypes.WhatsApp"), German, "WhatsApp"),
        (8, Some("AcdEventTypes.Web_Chat"), English, "Web Chat"),
        (8, Some("Chat"), English, "Chat"),
        (8, None, English, "ACD event (type 8)"),
        (8, Some("  "), German, "ACD-Ereignis (Typ 8)"),
        (1, None, English, "Voice mail"),
    ];
    for (id, key, language, expected) in cases {
        assert_eq!(
            event_type_label(id, key, language),
            expected,
            "{id} {key:?}"
        );
    }
}

#[test]
fn cockpit_variables_read_in_every_spelling_jtel_may_use() {
    let loose = r#"{"ID": "193", "Value": 3.0, "MinValue": "0", "MaxValue": 5e1,
        "CockpitVariableTypesID": " 2 ", "bWritable": 0, "bVisibleInCockpit": "1",
        "CounterDay": "", "ReadWriteMode": 3, "InitialValue": null}"#;
    let variable: CockpitVariable = serde_json::from_str(loose).unwrap();
    assert_eq!(
        variable,
        CockpitVariable {
            id: Some(193),
            value: Some(3),
            min_value: Some(0),
            max_value: Some(50),
            cockpit_variable_types_id: Some(2),
            writable: Some(false),
            visible_in_cockpit: Some(true),
            ..CockpitVariable::default()
        }
    );
    for refused in [
        r#"{"Value": 1.5}"#,
        r#"{"Value": "high"}"#,
        r#"{"Value": true}"#,
        r#"{"bWritable": 2}"#,
        r#"{"bWritable": "yes"}"#,
        r#"{"ID": 9223372036854775808}"#,
    ] {
        assert!(
            serde_json::from_str::<CockpitVariable>(refused).is_err(),
            "{refused}"
        );
    }
}
