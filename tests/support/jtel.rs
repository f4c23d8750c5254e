//! Reading the jtel server (the emulator) directly, past the page and the gateway, and an
//! emulator that notes every request it receives.

use axum::extract::Request;
use axum::middleware::{from_fn, Next};
use axum::response::Response;
use jtel_emulator::{Config, Emulator, RunningEmulator, DEFAULT_TOKEN};
use jtel_widgets::jtel_core::model::ListEnvelope;
use serde::de::DeserializeOwned;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use tokio::task::JoinHandle;

/// The records of `GET {base_url}/{path}` (a list or get-by-id route), with the demo token.
pub async fn records<T: DeserializeOwned>(base_url: &str, path: &str) -> Vec<T> {
    records_with_token(base_url, path, DEFAULT_TOKEN).await
}

/// Like [`records`], for a server that wants `token`.
pub async fn records_with_token<T: DeserializeOwned>(
    base_url: &str,
    path: &str,
    token: &str,
) -> Vec<T> {
    let envelope: ListEnvelope<T> = reqwest::Client::new()
        .get(format!("{base_url}/{path}"))
        .bearer_auth(token)
        .send()
        .await
        .expect("emulator answers")
        .json()
        .await
        .expect("a jtel list envelope");
    envelope.records
}

/// Arms `fault` (the emulator's JSON form, e.g. `{"kind": "status", "status": 503}`) for the
/// next jtel request of `route` (`create`, `setValue`, `list`, `any`).
pub async fn arm_fault(emulator: &RunningEmulator, route: &str, fault: &serde_json::Value) {
    let answer = reqwest::Client::new()
        .post(format!("{}/faults", emulator.control_url()))
        .bearer_auth(DEFAULT_TOKEN)
        .json(&serde_json::json!({ "route": route, "fault": fault }))
        .send()
        .await
        .expect("emulator answers");
    assert_eq!(answer.status(), 200, "arming {fault}");
}

/// One request as the jtel server received it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Received {
    /// `GET /rest/v1.0/1/users` and the like, with the query.
    pub request: String,
    /// The `Authorization` header it came with.
    pub authorization: Option<String>,
}

/// An emulator that notes every request (see [`RecordingJtel::received`]); dropping it stops
/// the server.
pub struct RecordingJtel {
    addr: SocketAddr,
    clients_id: u64,
    received: Arc<Mutex<Vec<Received>>>,
    server: JoinHandle<()>,
}

impl RecordingJtel {
    /// Starts the emulator with the default setup and a jtel token no other run uses (`prefix`,
    /// the time and the process id), so a test can search a page for it; returns the token too.
    pub async fn with_unique_token(prefix: &str) -> (Self, String) {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap();
        let token = format!("{prefix}-{:x}-{}", nanos.as_nanos(), std::process::id());
        let jtel = Self::spawn(Config {
            token: token.clone(),
            ..Config::default()
        })
        .await;
        (jtel, token)
    }

    /// Starts the emulator set up by `config` on a free loopback port.
    pub async fn spawn(config: Config) -> Self {
        let clients_id = config.clients_id;
        let received = Arc::new(Mutex::new(Vec::new()));
        let noted = Arc::clone(&received);
        let app = jtel_emulator::router(Emulator::open(config).await.expect("emulator opens"))
            .layer(from_fn(move |request: Request, next: Next| {
                let noted = Arc::clone(&noted);
                async move {
                    noted.lock().unwrap().push(Received {
                        request: format!("{} {}", request.method(), request.uri()),
                        authorization: request
                            .headers()
                            .get("authorization")
                            .and_then(|value| value.to_str().ok())
                            .map(str::to_owned),
                    });
                    let response: Response = next.run(request).await;
                    response
                }
            }));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind emulator");
        let addr = listener.local_addr().expect("emulator address");
        let server = tokio::spawn(async move { axum::serve(listener, app).await.expect("serves") });
        Self {
            addr,
            clients_id,
            received,
            server,
        }
    }

    /// `http://127.0.0.1:{port}`, what a gateway forwards to.
    pub fn origin(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The jtel `{baseURL}`: [`Self::origin`] with `/rest/v1.0/{ClientsID}`.
    pub fn base_url(&self) -> String {
        format!("{}/rest/v1.0/{}", self.origin(), self.clients_id)
    }

    /// Every request received so far, oldest first.
    pub fn received(&self) -> Vec<Received> {
        self.received.lock().unwrap().clone()
    }
}

impl Drop for RecordingJtel {
    fn drop(&mut self) {
        self.server.abort();
    }
}
