//! Paths and methods that are no jtel route answer 404 with an empty body.

use crate::support::{send, Api, TOKEN};
use reqwest::{Method, StatusCode};

async fn assert_no_route(api: &Api, method: Method, url: &str) {
    for request in [
        api.raw(method.clone(), url),
        api.raw(method.clone(), url).bearer_auth(TOKEN),
    ] {
        let answer = send(request).await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND, "{method} {url}");
        assert_eq!(answer.text, "", "{method} {url}");
    }
}

#[tokio::test]
async fn unknown_paths_answer_404_with_an_empty_body() {
    let api = Api::start().await;
    let root = format!("http://{}", api.emulator.addr());
    for path in [
        "acd/nothing",
        "acd/events/event",
        "acd/events/event/1000/more",
        "cockpitVariable/192",
        "Users",
    ] {
        assert_no_route(&api, Method::GET, &api.url(path)).await;
    }
    for url in [
        format!("{root}/"),
        format!("{root}/rest/v2.0/1/users"),
        format!("{root}/rest/v1.0/1"),
        format!("{root}/_emulator/cockpitVariables"),
        format!("{root}/rest/v1.0/1/_emulator/cockpitVariables/192"),
    ] {
        assert_no_route(&api, Method::GET, &url).await;
    }
}

#[tokio::test]
async fn wrong_methods_on_known_paths_answer_404_with_an_empty_body() {
    let api = Api::start().await;
    let cases = [
        (Method::DELETE, "users"),
        (Method::GET, "acd/events/create"),
        (Method::POST, "acd/events"),
        (
            Method::PUT,
            "cockpitVariables/cockpitVariable/192/setValue?value=1",
        ),
        (Method::POST, "cockpitVariables/cockpitVariable/192"),
    ];
    for (method, path) in cases {
        assert_no_route(&api, method, &api.url(path)).await;
    }
    for method in [Method::GET, Method::PUT, Method::POST] {
        assert_no_route(&api, method, &api.control_url("192")).await;
    }
}
