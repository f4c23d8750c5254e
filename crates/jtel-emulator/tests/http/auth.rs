//! Every jtel route checks the bearer token and the ClientsID.

use crate::support::{send, ticket_body, Api, TOKEN};
use reqwest::{Method, StatusCode};

/// Every route, with ids and values that exist.
const ROUTES: [(Method, &str); 10] = [
    (Method::GET, "acd/events"),
    (Method::GET, "acd/events/event/1000"),
    (Method::POST, "acd/events/create"),
    (Method::GET, "acd/events/types"),
    (Method::GET, "acd/groups"),
    (Method::GET, "users"),
    (Method::GET, "serviceNumbers"),
    (Method::GET, "cockpitVariables"),
    (Method::GET, "cockpitVariables/cockpitVariable/192"),
    (
        Method::PATCH,
        "cockpitVariables/cockpitVariable/192/setValue?value=1",
    ),
];

#[tokio::test]
async fn every_route_refuses_a_missing_or_wrong_token() {
    let api = Api::start().await;
    for (method, path) in ROUTES {
        let url = api.url(path);
        let no_header = send(api.raw(method.clone(), &url)).await;
        assert!(
            no_header.error(401).contains("Authorization"),
            "{method} {path}"
        );
        let wrong_token = send(api.raw(method.clone(), &url).bearer_auth("not-the-token")).await;
        assert_eq!(
            wrong_token.error(401),
            "The bearer token is wrong.",
            "{method} {path}"
        );
        let not_bearer = send(api.raw(method.clone(), &url).header("Authorization", TOKEN)).await;
        not_bearer.error(401);
    }
    assert_eq!(
        api.events().await.len(),
        1,
        "a refused create must not create anything"
    );
}

#[tokio::test]
async fn every_route_refuses_another_clients_id() {
    let api = Api::start().await;
    for (method, path) in ROUTES {
        for clients_id in ["2", "01", "abc"] {
            let url = format!(
                "http://{}/rest/v1.0/{clients_id}/{path}",
                api.emulator.addr()
            );
            let answer = send(api.raw(method.clone(), &url).bearer_auth(TOKEN)).await;
            assert!(answer.error(401).contains("ClientsID"), "{method} {url}");
        }
    }
}

#[tokio::test]
async fn the_right_credentials_pass_on_every_route() {
    let api = Api::start().await;
    for (method, path) in ROUTES {
        let request = api.request(method.clone(), path);
        let request = if method == Method::POST {
            request.json(&ticket_body())
        } else {
            request
        };
        let answer = send(request).await;
        assert_eq!(
            answer.status,
            StatusCode::OK,
            "{method} {path}: {}",
            answer.text
        );
    }
}
