//! The attacker's server: answers every request as a permissive jtel would (any origin, any
//! method, a created event) and notes each one, so a test can count what reached it.

use axum::extract::Request;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::Router;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use tokio::task::JoinHandle;

/// A running attacker server; dropping it stops the server.
pub struct Attacker {
    addr: SocketAddr,
    received: Arc<Mutex<Vec<String>>>,
    server: JoinHandle<()>,
}

impl Attacker {
    /// Starts the server on a free loopback port.
    pub async fn start() -> Self {
        let received = Arc::new(Mutex::new(Vec::new()));
        let noted = Arc::clone(&received);
        let app = Router::new().fallback(move |request: Request| {
            let noted = Arc::clone(&noted);
            async move {
                noted
                    .lock()
                    .unwrap()
                    .push(format!("{} {}", request.method(), request.uri()));
                answer_like_jtel()
            }
        });
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind attacker");
        let addr = listener.local_addr().expect("attacker address");
        let server = tokio::spawn(async move { axum::serve(listener, app).await.expect("serves") });
        Self {
            addr,
            received,
            server,
        }
    }

    /// The port it listens on (on 127.0.0.1).
    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    /// Every request received so far (`POST /collect/acd/events/create`), oldest first.
    pub fn received(&self) -> Vec<String> {
        self.received.lock().unwrap().clone()
    }
}

impl Drop for Attacker {
    fn drop(&mut self) {
        self.server.abort();
    }
}

/// `200` with a created event, allowed for every origin, method and header.
fn answer_like_jtel() -> Response {
    let mut response = (
        [(header::CONTENT_TYPE, "application/json")],
        r#"{"ID":9999,"AcdEventTypesID":3,"Sender":"49199123456789"}"#,
    )
        .into_response();
    let headers = response.headers_mut();
    for name in [
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        header::ACCESS_CONTROL_ALLOW_METHODS,
        header::ACCESS_CONTROL_ALLOW_HEADERS,
    ] {
        headers.insert(name, HeaderValue::from_static("*"));
    }
    response
}
