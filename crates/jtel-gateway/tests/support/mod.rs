//! A gateway in front of the jtel emulator for the tests: configuration files in a temp
//! dir, staff tokens signed with the test keys in `tests/keys` (made for these tests only),
//! raw HTTP exchanges (no client-side URL normalising), and the report file.
#![allow(dead_code)] // Each test file uses part of this.

use jsonwebtoken::{Algorithm, EncodingKey};
use jtel_emulator::{Config as EmulatorConfig, RunningEmulator};
use jtel_gateway::test_support::{self, CallbackForm, StaffKey, TestConfig};
use jtel_gateway::{Config, Gateway};
use serde_json::{json, Value};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

pub use jtel_gateway::test_support::now;

/// The CRM origin allowed by CORS.
pub const CRM_ORIGIN: &str = "https://crm.example.com";
/// The HS256 secret (test only).
pub const HS_SECRET: &str = "test-only-hs256-secret-of-at-least-32-bytes";

/// The test keys' folder.
pub fn keys() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/keys")
}

/// The configuration the tests use: forms `contact` (callbacks to group 235), `limited`
/// (2 at once, then 1 a minute), `capped` (2 a day); staff keys HS256, RS256, ES256;
/// the jtel token in `dir/jtel-token`. `extra` is appended.
pub fn config_text(jtel_base_url: &str, dir: &Path, extra: &str) -> String {
    std::fs::write(dir.join("hs-secret"), HS_SECRET).unwrap();
    let public_key = |name: &str| format!("public_key_file = \"{}\"", keys().join(name).display());
    let form = |name, per_address_per_minute, burst, daily_cap| CallbackForm {
        name,
        per_address_per_minute,
        burst,
        daily_cap,
        receiver: None,
    };
    let config = TestConfig {
        jtel_base_url,
        timeout_ms: 3000,
        cors_origins: &[CRM_ORIGIN],
        staff_limits: Some((900, 5)),
        keys: &[
            StaffKey {
                kid: "hs-1",
                algorithm: "HS256",
                file: "secret_file = \"hs-secret\"".into(),
            },
            StaffKey {
                kid: "rs-1",
                algorithm: "RS256",
                file: public_key("rs256-public.pem"),
            },
            StaffKey {
                kid: "es-1",
                algorithm: "ES256",
                file: public_key("es256-public.pem"),
            },
        ],
        forms: &[
            form("contact", Some(600), 600, None),
            form("limited", Some(1), 2, None),
            form("capped", None, 100, Some(2)),
        ],
    };
    format!("{}{extra}", config.toml())
}

/// The emulator and one in-process gateway in front of it.
pub struct Stand {
    /// The jtel emulator.
    pub jtel: RunningEmulator,
    /// Where the gateway listens.
    pub gateway: SocketAddr,
    /// The temp dir with the configuration and the token file.
    pub dir: tempfile::TempDir,
}

impl Stand {
    /// Starts both; the gateway with [`config_text`] plus `extra`.
    pub async fn start(extra: &str) -> Self {
        let jtel = jtel_emulator::spawn(EmulatorConfig::default())
            .await
            .expect("emulator");
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("jtel-token"), jtel_emulator::DEFAULT_TOKEN).unwrap();
        let path = dir.path().join("gateway.toml");
        std::fs::write(&path, config_text(&jtel.base_url(), dir.path(), extra)).unwrap();
        let gateway = Gateway::open(Config::load(&path).unwrap())
            .await
            .expect("gateway opens");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap();
        tokio::spawn(jtel_gateway::serve(
            gateway,
            listener,
            std::future::pending(),
        ));
        Self {
            jtel,
            gateway: address,
            dir,
        }
    }

    /// Sends a raw request to the gateway.
    pub async fn send(&self, request: &Raw) -> Answer {
        send(self.gateway, request).await
    }

    /// Arms an emulator fault (`route`: create, setValue, list, any).
    pub async fn arm(&self, route: &str, fault: Value) {
        let answer = reqwest::Client::new()
            .post(format!("{}/faults", self.jtel.control_url()))
            .bearer_auth(jtel_emulator::DEFAULT_TOKEN)
            .json(&json!({ "route": route, "fault": fault }))
            .send()
            .await
            .unwrap();
        assert_eq!(answer.status(), 200);
    }

    /// The events whose subject is `subject`, read past the gateway.
    pub async fn events_with_subject(&self, subject: &str) -> usize {
        let list: Value = reqwest::Client::new()
            .get(format!("{}/acd/events", self.jtel.base_url()))
            .bearer_auth(jtel_emulator::DEFAULT_TOKEN)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        list["records"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|event| event["Subject"] == subject)
            .count()
    }
}

/// A request written exactly as it goes on the wire.
#[derive(Debug, Clone, Default)]
pub struct Raw {
    /// `GET`, `POST`, …
    pub method: String,
    /// The request target as sent.
    pub target: String,
    /// Header lines `Name: value`.
    pub headers: Vec<String>,
    /// The body.
    pub body: Vec<u8>,
}

impl Raw {
    /// `method target` without headers or body.
    pub fn new(method: &str, target: &str) -> Self {
        Self {
            method: method.into(),
            target: target.into(),
            ..Self::default()
        }
    }

    /// With a header line.
    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.push(format!("{name}: {value}"));
        self
    }

    /// With `Authorization: Bearer {token}`.
    pub fn bearer(self, token: &str) -> Self {
        self.header("Authorization", &format!("Bearer {token}"))
    }

    /// With a JSON body, its content type and an idempotency key.
    pub fn json(mut self, body: &Value, key: &str) -> Self {
        self.body = body.to_string().into_bytes();
        self.header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
    }
}

/// An answer read off the wire.
#[derive(Debug, Clone)]
pub struct Answer {
    /// The status code.
    pub status: u16,
    /// The header block as text.
    pub head: String,
    /// The body as text.
    pub body: String,
}

impl Answer {
    /// The body as JSON (`null` when it is not).
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or(Value::Null)
    }
}

/// Sends `request` to `address` on a fresh connection and reads the whole answer.
pub async fn send(address: SocketAddr, request: &Raw) -> Answer {
    let mut stream = tokio::net::TcpStream::connect(address)
        .await
        .expect("connect");
    let mut head = format!(
        "{} {} HTTP/1.1\r\nHost: {address}\r\n",
        request.method, request.target
    );
    for line in &request.headers {
        head += &format!("{line}\r\n");
    }
    head += &format!(
        "Content-Length: {}\r\nConnection: close\r\n\r\n",
        request.body.len()
    );
    stream.write_all(head.as_bytes()).await.expect("send head");
    // A refused large body may be answered before it is all sent; that is fine.
    let _ = stream.write_all(&request.body).await;
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer).await;
    let split = answer
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("an HTTP answer");
    let head = String::from_utf8_lossy(&answer[..split]).into_owned();
    Answer {
        status: head[9..12].parse().expect("a status code"),
        head,
        body: String::from_utf8_lossy(&answer[split + 4..]).into_owned(),
    }
}

/// Valid claims for `scope`, good for five minutes.
pub fn claims(scope: &str) -> Value {
    test_support::claims("agent-7", scope)
}

/// `claims` signed with the test key `kid` (`hs-1`, `rs-1` or `es-1`).
pub fn sign(kid: &str, claims: &Value) -> String {
    let (algorithm, key) = match kid {
        "hs-1" => (
            Algorithm::HS256,
            EncodingKey::from_secret(HS_SECRET.as_bytes()),
        ),
        "rs-1" => (
            Algorithm::RS256,
            EncodingKey::from_rsa_pem(&std::fs::read(keys().join("rs256-private.pem")).unwrap())
                .unwrap(),
        ),
        _ => (
            Algorithm::ES256,
            EncodingKey::from_ec_pem(&std::fs::read(keys().join("es256-private.pem")).unwrap())
                .unwrap(),
        ),
    };
    test_support::sign(kid, algorithm, &key, claims)
}

/// A callback request to group 235 as the contact form sends it.
pub fn callback(subject: &str) -> Value {
    json!({
        "AcdEventTypesID": 3,
        "AcdGroupsID": 235,
        "UsersID": null,
        "Sender": "49199123456789",
        "Subject": subject,
        "Body": "Please call me back",
    })
}

/// A fresh idempotency key.
pub fn fresh_key() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    format!(
        "key-{}-{}-{}",
        std::process::id(),
        now(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    )
}

/// Writes `text` to `target/reports/{name}` (printed by scripts/test.sh).
pub fn report(name: &str, text: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/reports");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(name), text).unwrap();
}
