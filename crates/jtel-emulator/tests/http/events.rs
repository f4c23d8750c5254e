//! Creating ACD events, reading them back, and every way a create is refused.

use crate::support::{callback_body, records, send, ticket_body, with, without, Api};
use jtel_core::messages::error_message;
use jtel_core::model::CreateAcdEvent;
use jtel_core::outcome::invalid_text;
use jtel_core::timestamp::Timestamp;
use jtel_core::validation::validate_create_event;
use jtel_core::Language;
use reqwest::Method;
use serde_json::{json, Value};

/// Creates `body`, checks the answer echoes it as a new event, and that the event is then
/// listed and readable by id. Returns the created record.
async fn create_and_read_back(api: &Api, body: &Value) -> Value {
    let answer = api.create(body).await;
    assert_eq!(answer.status, 200, "{}", answer.text);
    let envelope = answer.json();
    assert_eq!(
        (&envelope["count"], &envelope["status"]),
        (&json!(1), &json!(200)),
        "{envelope}"
    );
    let [event] = <[Value; 1]>::try_from(records(&envelope)).expect("one created record");
    for (field, value) in body.as_object().unwrap() {
        assert_eq!(&event[field], value, "{field} is not echoed");
    }
    assert_eq!(event["AcdEventStatusID"], 20);
    let created = event["dtCreated"].as_str().expect("dtCreated");
    assert!(Timestamp::parse(created).is_ok(), "{created}");
    assert_eq!(event["dtLastModified"], event["dtCreated"]);

    let id = event["ID"].as_i64().expect("an ID");
    assert_eq!(
        api.events().await.last(),
        Some(&event),
        "the new event is listed last"
    );
    let by_id = api.get(&format!("acd/events/event/{id}")).await.json();
    assert_eq!(records(&by_id), std::slice::from_ref(&event));
    assert_eq!(
        (&by_id["count"], &by_id["status"]),
        (&json!(1), &json!(200))
    );
    event
}

#[tokio::test]
async fn the_docs_callback_for_the_queue_is_created() {
    let api = Api::start().await;
    let event = create_and_read_back(&api, &callback_body()).await;
    assert_eq!(event["ID"], 1001, "ids start after the fixture event 1000");
    assert_eq!(event["UsersID"], Value::Null);
}

#[tokio::test]
async fn the_docs_callback_for_agent_3_is_created() {
    let api = Api::start().await;
    let event = create_and_read_back(&api, &with(callback_body(), "UsersID", json!(3))).await;
    assert_eq!(event["UsersID"], 3);
}

#[tokio::test]
async fn the_docs_ticket_is_created() {
    let api = Api::start().await;
    let event = create_and_read_back(&api, &ticket_body()).await;
    assert_eq!(event["Body"], Value::Null);
}

#[tokio::test]
async fn ids_increase_and_the_list_stays_in_creation_order() {
    let api = Api::start().await;
    let mut ids = Vec::new();
    for body in [
        callback_body(),
        ticket_body(),
        without(callback_body(), "UsersID"),
    ] {
        ids.push(create_and_read_back(&api, &body).await["ID"].as_i64());
    }
    assert_eq!(ids, [Some(1001), Some(1002), Some(1003)]);
    let listed: Vec<_> = api
        .events()
        .await
        .iter()
        .map(|event| event["ID"].as_i64())
        .collect();
    assert_eq!(listed, [Some(1000), Some(1001), Some(1002), Some(1003)]);
}

#[tokio::test]
async fn invalid_bodies_are_refused_naming_the_fields() {
    let api = Api::start().await;
    let cases = [
        (without(callback_body(), "Sender"), vec!["Sender"]),
        (
            with(callback_body(), "CrmURL", json!("javascript:alert(1)")),
            vec!["CrmURL"],
        ),
        (
            with(callback_body(), "Sender", json!("0199 123456789")),
            vec!["Sender"],
        ),
        (
            with(callback_body(), "Sender", json!("+49199123456789")),
            vec!["Sender"],
        ),
        (
            with(ticket_body(), "Body", json!("not for tickets")),
            vec!["Body"],
        ),
        (
            with(
                without(ticket_body(), "Subject"),
                "CrmURL",
                json!("ftp://x"),
            ),
            vec!["Subject", "CrmURL"],
        ),
    ];
    for (body, fields) in cases {
        let reason = api.create(&body).await.error(400);
        let named: Vec<_> = reason
            .split("; ")
            .map(|part| part.split_once(": ").map(|(field, _)| field))
            .collect();
        assert_eq!(
            named,
            fields.iter().map(|field| Some(*field)).collect::<Vec<_>>(),
            "{reason}"
        );
        // The words are exactly those of jtel-core, which the forms show too.
        let request: CreateAcdEvent = serde_json::from_value(body).unwrap();
        let errors = validate_create_event(&request);
        assert_eq!(
            reason,
            invalid_text(&errors, |error| error_message(
                error.code,
                Language::English
            ))
        );
    }
    assert_eq!(api.events().await.len(), 1, "nothing was created");
}

#[tokio::test]
async fn ids_and_numbers_that_name_nothing_are_refused() {
    let api = Api::start().await;
    let cases = [
        (
            with(callback_body(), "AcdGroupsID", json!(999)),
            "AcdGroupsID: jtel has no entry with this id or number: check it or choose another one.",
        ),
        (
            with(callback_body(), "UsersID", json!(99)),
            "UsersID: jtel has no entry with this id or number: check it or choose another one.",
        ),
        (
            with(ticket_body(), "AcdEventTypesID", json!(77)),
            "AcdEventTypesID: jtel has no entry with this id or number: check it or choose another one.",
        ),
        (
            with(callback_body(), "Receiver", json!("4930123456789")),
            "Receiver: jtel has no entry with this id or number: check it or choose another one.",
        ),
        (
            with(
                with(ticket_body(), "AcdGroupsID", json!(1)),
                "UsersID",
                json!(2),
            ),
            "AcdGroupsID: jtel has no entry with this id or number: check it or choose another one.; UsersID: jtel has no entry with this id or number: check it or choose another one.",
        ),
    ];
    for (body, expected) in cases {
        assert_eq!(api.create(&body).await.error(400), expected);
    }
    assert_eq!(api.events().await.len(), 1, "nothing was created");
}

#[tokio::test]
async fn bodies_that_are_not_a_json_object_of_the_right_types_are_refused() {
    let api = Api::start().await;
    let post = || api.request(Method::POST, "acd/events/create");
    let json_text =
        |text: &'static str| post().header("Content-Type", "application/json").body(text);
    let cases = [
        (json_text("{\"AcdEventTypesID\": 3,"), "Failed to parse"),
        (
            json_text("[3, 235, null, \"49199123456789\", \"4919900112233\", \"Hi\"]"),
            "must be a JSON object",
        ),
        (json_text("\"callback\""), "must be a JSON object"),
        (json_text(""), "Failed to parse"),
        (
            post().json(&with(callback_body(), "AcdGroupsID", json!("235"))),
            "AcdGroupsID: invalid type",
        ),
        (
            post().json(&with(callback_body(), "Sender", json!(49199123456789_i64))),
            "Sender: invalid type",
        ),
        (
            post().json(&with(callback_body(), "Subject", Value::Null)),
            "Subject: invalid type",
        ),
        (post().body(callback_body().to_string()), "Content-Type"),
    ];
    for (request, expected) in cases {
        let reason = send(request).await.error(400);
        assert!(
            reason.contains(expected),
            "{reason:?} should contain {expected:?}"
        );
    }
    assert_eq!(api.events().await.len(), 1, "nothing was created");
}

#[tokio::test]
async fn a_missing_event_is_a_404_with_a_reason() {
    let api = Api::start().await;
    assert!(api
        .get("acd/events/event/4242")
        .await
        .error(404)
        .contains("4242"));
    assert!(api
        .get("acd/events/event/1e3")
        .await
        .error(400)
        .contains("AcdEventsID"));
}
