//! The control route `PATCH /_emulator/cockpitVariables/{id}`: it changes what the jtel routes
//! show and what setValue answers, wants the token, and refuses unknown ids and bad bodies.

use crate::cockpit::set_value;
use crate::support::{records, send, Api, TOKEN};
use reqwest::Method;
use serde_json::{json, Value};

/// The changed variable the control route answers with, after checking the 200.
async fn change(api: &Api, id: i64, body: Value) -> Value {
    let answer = api.control(id, &body).await;
    assert_eq!(answer.status, 200, "{body}: {}", answer.text);
    answer.json()
}

#[tokio::test]
async fn a_change_shows_in_the_jtel_routes_and_keeps_the_other_fields() {
    let api = Api::start().await;
    let before = api.cockpit_variable(192).await;
    let changed = change(&api, 192, json!({"bWritable": false, "MaxValue": 10})).await;
    assert_eq!(changed, api.cockpit_variable(192).await);
    assert_eq!(changed["bWritable"], false);
    assert_eq!(changed["MaxValue"], 10);
    assert_ne!(changed["dtLastModified"], before["dtLastModified"]);
    for field in [
        "ID",
        "Name",
        "Description",
        "Value",
        "MinValue",
        "MinBGColor",
    ] {
        assert_eq!(changed[field], before[field], "{field}");
    }
    let listed = records(&api.get("cockpitVariables").await.json());
    assert!(listed.contains(&changed), "the list shows the change too");

    let cleared = change(&api, 192, json!({"MinValue": null, "Value": 7})).await;
    assert_eq!(
        (cleared["MinValue"].clone(), cleared["Value"].clone()),
        (Value::Null, json!(7))
    );
    assert_eq!(cleared["MaxValue"], 10, "an earlier change stays");
}

#[tokio::test]
async fn set_value_answers_by_the_changed_variable() {
    let api = Api::start().await;
    change(&api, 192, json!({"bWritable": false})).await;
    assert_eq!(set_value(&api, 192, 5).await.0, 1, "read-only now");
    change(&api, 192, json!({"bWritable": true, "MaxValue": 10})).await;
    assert_eq!(set_value(&api, 192, 50).await.0, 4, "above the new maximum");
    assert_eq!(api.cockpit_variable(192).await["Value"], 0);
    assert_eq!(set_value(&api, 192, 10).await.0, 0);
    change(&api, 192, json!({"Value": 3})).await;
    assert_eq!(
        set_value(&api, 192, 3).await.0,
        3,
        "the control value is the value"
    );
    change(&api, 192, json!({"bVisibleInCockpit": false})).await;
    assert_eq!(set_value(&api, 192, 4).await.0, 2, "invisible now");
}

#[tokio::test]
async fn an_unknown_id_is_a_404_and_a_bad_id_or_body_a_400() {
    let api = Api::start().await;
    assert_eq!(
        api.control(4242, &json!({"bWritable": false}))
            .await
            .error(404),
        "Cockpit variable 4242 not found."
    );
    let bad_id = send(
        api.raw(Method::PATCH, &api.control_url("abc"))
            .bearer_auth(TOKEN)
            .json(&json!({"bWritable": false})),
    )
    .await;
    assert!(bad_id.error(400).contains("whole number"), "{bad_id:?}");
    let before = api.cockpit_variable(192).await;
    for body in [
        json!({}),
        json!([]),
        json!({"bWritable": "no"}),
        json!({"Value": 1.5}),
        json!({"MaxValue": 10, "Name": "renamed"}),
    ] {
        api.control(192, &body).await.error(400);
    }
    let not_json = send(
        api.raw(Method::PATCH, &api.control_url("192"))
            .bearer_auth(TOKEN)
            .header("Content-Type", "application/json")
            .body("{not json"),
    )
    .await;
    not_json.error(400);
    assert_eq!(api.cockpit_variable(192).await, before, "nothing changed");
}

#[tokio::test]
async fn the_control_route_wants_the_token() {
    let api = Api::start().await;
    let url = api.control_url("192");
    let body = json!({"bWritable": false});
    let no_header = send(api.raw(Method::PATCH, &url).json(&body)).await;
    assert!(no_header.error(401).contains("Authorization"));
    let wrong = send(api.raw(Method::PATCH, &url).bearer_auth("nope").json(&body)).await;
    assert_eq!(wrong.error(401), "The bearer token is wrong.");
    assert_eq!(api.cockpit_variable(192).await["bWritable"], true);
}
