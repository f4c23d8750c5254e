//! The fault route `/_emulator/faults`: every fault kind as a client sees it, which requests a
//! fault hits and how often, and the route's own checks.

use crate::support::{callback_body, send, Answer, Api, TOKEN};
use reqwest::header::CONTENT_TYPE;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use std::time::{Duration, Instant};

/// The URL of the fault route.
fn faults_url(api: &Api) -> String {
    format!("{}/faults", api.emulator.control_url())
}

/// `POST /_emulator/faults` with the token; the raw answer.
async fn try_arm(api: &Api, body: &Value) -> Answer {
    send(
        api.raw(Method::POST, &faults_url(api))
            .bearer_auth(TOKEN)
            .json(body),
    )
    .await
}

/// Arms `fault` for `times` requests matching `route`; returns what is armed then.
async fn arm(api: &Api, route: &str, fault: Value, times: u32) -> Vec<Value> {
    let body = json!({"route": route, "fault": fault, "times": times});
    let answer = try_arm(api, &body).await;
    assert_eq!(answer.status, StatusCode::OK, "{body}: {}", answer.text);
    array(&answer)
}

/// What `GET /_emulator/faults` lists as still armed.
async fn armed(api: &Api) -> Vec<Value> {
    let answer = send(api.raw(Method::GET, &faults_url(api)).bearer_auth(TOKEN)).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
    array(&answer)
}

/// The body as a JSON array.
fn array(answer: &Answer) -> Vec<Value> {
    answer
        .json()
        .as_array()
        .cloned()
        .unwrap_or_else(|| panic!("not an array: {}", answer.text))
}

/// How many events `GET acd/events` lists (with no fault armed for it).
async fn event_count(api: &Api) -> usize {
    api.events().await.len()
}

/// Sends `request` and asserts that the connection ended without any HTTP answer.
async fn assert_no_answer(request: reqwest::RequestBuilder) {
    match request.send().await {
        Ok(response) => panic!("an answer came: {}", response.status()),
        Err(error) => {
            assert!(error.status().is_none(), "{error:?}");
            assert!(!error.is_timeout(), "a timeout, not a closed connection");
        }
    }
}

/// The create request with the docs' callback body.
fn create_request(api: &Api) -> reqwest::RequestBuilder {
    api.request(Method::POST, "acd/events/create")
        .json(&callback_body())
}

#[tokio::test]
async fn with_nothing_armed_the_jtel_routes_answer_as_always() {
    let api = Api::start().await;
    assert_eq!(armed(&api).await, Vec::<Value>::new());
    assert_eq!(api.create(&callback_body()).await.status, StatusCode::OK);
    assert_eq!(api.get("users").await.status, StatusCode::OK);
    assert_eq!(api.set_value(192, "?value=5").await.status, StatusCode::OK);
    let unknown = api.get("acd/nothing").await;
    assert_eq!((unknown.status.as_u16(), unknown.text.as_str()), (404, ""));
}

#[tokio::test]
async fn status_faults_answer_the_status_with_a_jtel_error_body_and_store_nothing() {
    let api = Api::start().await;
    let events = event_count(&api).await;
    for status in [400, 401, 404, 409, 500, 502, 503] {
        arm(
            &api,
            "create",
            json!({"kind": "status", "status": status}),
            1,
        )
        .await;
        let reason = api.create(&callback_body()).await.error(status);
        assert!(reason.contains("fault injected"), "{status}: {reason}");
    }
    assert_eq!(event_count(&api).await, events, "no event was created");
    assert_eq!(armed(&api).await, Vec::<Value>::new());
}

#[tokio::test]
async fn a_404_fault_has_an_empty_or_a_json_body_as_asked() {
    let api = Api::start().await;
    let empty = json!({"kind": "status", "status": 404, "body": "empty"});
    arm(&api, "create", empty, 1).await;
    let answer = api.create(&callback_body()).await;
    assert_eq!((answer.status.as_u16(), answer.text.as_str()), (404, ""));

    let with_json = json!({"kind": "status", "status": 404, "body": "json"});
    arm(&api, "create", with_json, 1).await;
    api.create(&callback_body()).await.error(404);
}

#[tokio::test]
async fn malformed_and_html_answer_200_with_a_body_that_is_no_jtel_json() {
    let api = Api::start().await;
    let events = event_count(&api).await;
    for (kind, content_type) in [("malformed", "application/json"), ("html", "text/html")] {
        arm(&api, "create", json!({"kind": kind}), 1).await;
        let response = create_request(&api).send().await.expect("an answer");
        assert_eq!(response.status(), StatusCode::OK, "{kind}");
        let header = response.headers()[CONTENT_TYPE]
            .to_str()
            .unwrap()
            .to_owned();
        assert!(header.starts_with(content_type), "{kind}: {header}");
        let text = response.text().await.expect("a whole body");
        assert!(!text.is_empty(), "{kind}");
        assert!(
            serde_json::from_str::<Value>(&text).is_err(),
            "{kind}: {text}"
        );
    }
    assert_eq!(event_count(&api).await, events, "no event was created");
}

#[tokio::test]
async fn latency_delays_a_normal_answer() {
    let api = Api::start().await;
    arm(&api, "create", json!({"kind": "latency", "ms": 300}), 1).await;
    let started = Instant::now();
    let answer = api.create(&callback_body()).await;
    let elapsed = started.elapsed();
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
    assert!(elapsed >= Duration::from_millis(300), "{elapsed:?}");
    assert!(elapsed < Duration::from_secs(5), "{elapsed:?}");
    assert_eq!(
        api.events().await.last(),
        Some(&answer.json()["records"][0])
    );
}

#[tokio::test]
async fn drop_before_closes_the_connection_and_creates_nothing() {
    let api = Api::start().await;
    let events = event_count(&api).await;
    arm(&api, "create", json!({"kind": "drop_before"}), 1).await;
    assert_no_answer(create_request(&api)).await;
    assert_eq!(event_count(&api).await, events);
    assert_eq!(api.create(&callback_body()).await.status, StatusCode::OK);
}

#[tokio::test]
async fn drop_after_creates_the_event_but_closes_the_connection() {
    let api = Api::start().await;
    let events = api.events().await;
    arm(&api, "create", json!({"kind": "drop_after"}), 1).await;
    assert_no_answer(create_request(&api)).await;
    let after = api.events().await;
    assert_eq!(after.len(), events.len() + 1, "the event was created");
    assert_eq!(
        after.last().unwrap()["UserData"],
        callback_body()["UserData"]
    );
}

#[tokio::test]
async fn hang_leaves_the_client_waiting_while_other_requests_are_served() {
    let api = Api::start().await;
    arm(&api, "create", json!({"kind": "hang"}), 1).await;
    let hanging = create_request(&api).timeout(Duration::from_millis(300));
    let (hung, users) = tokio::join!(hanging.send(), async {
        // Once the hanging request has taken its fault, another one is answered.
        while !armed(&api).await.is_empty() {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        api.get("users").await
    });
    let error = hung.expect_err("no answer while hanging");
    assert!(error.is_timeout(), "{error:?}");
    assert_eq!(users.status, StatusCode::OK);
}

#[tokio::test]
async fn hang_with_ms_closes_the_connection_after_that_time_and_creates_nothing() {
    let api = Api::start().await;
    let events = event_count(&api).await;
    arm(&api, "create", json!({"kind": "hang", "ms": 300}), 1).await;
    let started = Instant::now();
    assert_no_answer(create_request(&api).timeout(Duration::from_secs(5))).await;
    assert!(started.elapsed() >= Duration::from_millis(300));
    assert_eq!(event_count(&api).await, events);
}

#[tokio::test]
async fn stopping_the_emulator_ends_a_hanging_request() {
    let api = Api::start().await;
    arm(&api, "list", json!({"kind": "hang"}), 1).await;
    let hanging = tokio::spawn(api.request(Method::GET, "users").send());
    while !armed(&api).await.is_empty() {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    drop(api);
    let ended = tokio::time::timeout(Duration::from_secs(2), hanging)
        .await
        .expect("the request ends when the emulator stops")
        .unwrap();
    assert!(ended.is_err(), "no answer: {ended:?}");
}

#[tokio::test]
async fn a_fault_applies_times_times_and_the_list_shows_what_is_left() {
    let api = Api::start().await;
    let fault = json!({"kind": "status", "status": 503});
    let listed = arm(&api, "create", fault.clone(), 2).await;
    assert_eq!(
        listed,
        [
            json!({"route": "create", "fault": {"kind": "status", "status": 503, "body": "json"}, "times": 2})
        ]
    );
    api.create(&callback_body()).await.error(503);
    assert_eq!(armed(&api).await[0]["times"], 1);
    api.create(&callback_body()).await.error(503);
    assert_eq!(armed(&api).await, Vec::<Value>::new());
    assert_eq!(api.create(&callback_body()).await.status, StatusCode::OK);

    let default_once = json!({"route": "create", "fault": fault});
    assert_eq!(array(&try_arm(&api, &default_once).await)[0]["times"], 1);
}

#[tokio::test]
async fn each_request_takes_the_first_armed_fault_that_matches_it() {
    let api = Api::start().await;
    arm(&api, "create", json!({"kind": "html"}), 1).await;
    let listed = arm(&api, "any", json!({"kind": "status", "status": 500}), 1).await;
    assert_eq!(listed.len(), 2);
    assert_eq!(listed[0]["fault"]["kind"], "html", "first armed first");
    api.get("users").await.error(500);
    let html = api.create(&callback_body()).await;
    assert!(html.text.starts_with("<!DOCTYPE html>"), "{}", html.text);
    assert_eq!(api.create(&callback_body()).await.status, StatusCode::OK);
}

#[tokio::test]
async fn route_matches_its_requests_only() {
    let api = Api::start().await;
    let fault = json!({"kind": "status", "status": 502});
    arm(&api, "list", fault.clone(), 2).await;
    assert_eq!(api.create(&callback_body()).await.status, StatusCode::OK);
    assert_eq!(api.set_value(192, "?value=1").await.status, StatusCode::OK);
    api.get("cockpitVariables/cockpitVariable/192")
        .await
        .error(502);
    api.get("acd/groups").await.error(502);

    arm(&api, "setValue", fault.clone(), 1).await;
    assert_eq!(api.get("users").await.status, StatusCode::OK);
    assert_eq!(api.create(&callback_body()).await.status, StatusCode::OK);
    api.set_value(192, "?value=2").await.error(502);

    arm(&api, "any", fault, 3).await;
    api.get("acd/events").await.error(502);
    api.create(&callback_body()).await.error(502);
    api.set_value(192, "?value=3").await.error(502);
    assert_eq!(api.get("users").await.status, StatusCode::OK);
    assert_eq!(api.cockpit_variable(192).await["Value"], 1);
}

#[tokio::test]
async fn only_jtel_routes_are_faulted_and_a_fault_comes_before_the_credentials() {
    let api = Api::start().await;
    arm(&api, "any", json!({"kind": "status", "status": 503}), 1).await;
    let unknown = api.get("acd/nothing").await;
    assert_eq!((unknown.status.as_u16(), unknown.text.as_str()), (404, ""));
    let control = api.control(192, &json!({"bWritable": false})).await;
    assert_eq!(control.status, StatusCode::OK, "{}", control.text);
    assert_eq!(armed(&api).await.len(), 1, "still armed");
    let no_token = send(api.raw(Method::GET, &api.url("users"))).await;
    no_token.error(503);
    assert_eq!(api.get("users").await.status, StatusCode::OK);
}

#[tokio::test]
async fn delete_disarms_every_fault() {
    let api = Api::start().await;
    arm(&api, "create", json!({"kind": "drop_before"}), 3).await;
    arm(&api, "any", json!({"kind": "html"}), 1).await;
    let cleared = send(
        api.raw(Method::DELETE, &faults_url(&api))
            .bearer_auth(TOKEN),
    )
    .await;
    assert_eq!(cleared.status, StatusCode::OK, "{}", cleared.text);
    assert_eq!(array(&cleared), Vec::<Value>::new());
    assert_eq!(armed(&api).await, Vec::<Value>::new());
    assert_eq!(api.create(&callback_body()).await.status, StatusCode::OK);
    assert_eq!(api.get("users").await.status, StatusCode::OK);
}

#[tokio::test]
async fn the_fault_route_wants_the_token() {
    let api = Api::start().await;
    let url = faults_url(&api);
    let body = json!({"route": "any", "fault": {"kind": "drop_before"}});
    for method in [Method::GET, Method::POST, Method::DELETE] {
        let no_header = send(api.raw(method.clone(), &url).json(&body)).await;
        assert!(no_header.error(401).contains("Authorization"), "{method}");
        let wrong = send(
            api.raw(method.clone(), &url)
                .bearer_auth("nope")
                .json(&body),
        )
        .await;
        assert_eq!(wrong.error(401), "The bearer token is wrong.", "{method}");
    }
    assert_eq!(armed(&api).await, Vec::<Value>::new(), "nothing armed");
    assert_eq!(api.get("users").await.status, StatusCode::OK);
}

#[tokio::test]
async fn bad_fault_bodies_are_refused_and_arm_nothing() {
    let api = Api::start().await;
    for body in [
        json!({"route": "create", "fault": {"kind": "html"}, "times": 0}),
        json!({"route": "create", "fault": {"kind": "status", "status": 200}}),
        json!({"route": "create", "fault": {"kind": "status", "status": 404, "body": "xml"}}),
        json!({"route": "delete", "fault": {"kind": "html"}}),
        json!({"route": "create", "fault": {"kind": "explode"}}),
        json!({"route": "create"}),
        json!([]),
    ] {
        try_arm(&api, &body).await.error(400);
    }
    let reason = try_arm(
        &api,
        &json!({"route": "list", "fault": {"kind": "status", "status": 302}}),
    )
    .await
    .error(400);
    assert!(reason.contains("400 to 599"), "{reason}");
    assert_eq!(armed(&api).await, Vec::<Value>::new());
    let put = send(api.raw(Method::PUT, &faults_url(&api)).bearer_auth(TOKEN)).await;
    assert_eq!((put.status.as_u16(), put.text.as_str()), (404, ""));
}
