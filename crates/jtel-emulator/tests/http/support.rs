//! Starting an emulator and talking to it.

use jtel_emulator::{spawn, Config, RunningEmulator};
use reqwest::{Client, Method, RequestBuilder, StatusCode};
use serde_json::{json, Value};

/// The token the test emulators want.
pub const TOKEN: &str = "test-token-5f1c9e";

/// The test configuration: the default fixtures, [`TOKEN`], ClientsID 1, no state file.
pub fn config() -> Config {
    Config {
        token: TOKEN.to_owned(),
        ..Config::default()
    }
}

/// A running emulator and a client for it.
pub struct Api {
    /// The emulator; dropping the `Api` stops it.
    pub emulator: RunningEmulator,
    client: Client,
}

impl Api {
    /// An emulator with [`config`].
    pub async fn start() -> Self {
        Self::start_with(config()).await
    }

    /// An emulator with `config`.
    pub async fn start_with(config: Config) -> Self {
        let emulator = spawn(config).await.expect("the emulator starts");
        Self {
            emulator,
            client: Client::new(),
        }
    }

    /// The URL of `path` below the base URL (`acd/events`, …).
    pub fn url(&self, path: &str) -> String {
        format!("{}/{path}", self.emulator.base_url())
    }

    /// A request with the right token.
    pub fn request(&self, method: Method, path: &str) -> RequestBuilder {
        self.client
            .request(method, self.url(path))
            .bearer_auth(TOKEN)
    }

    /// A request to any URL, without credentials.
    pub fn raw(&self, method: Method, url: &str) -> RequestBuilder {
        self.client.request(method, url)
    }

    /// `GET {baseURL}/path`.
    pub async fn get(&self, path: &str) -> Answer {
        send(self.request(Method::GET, path)).await
    }

    /// `POST {baseURL}/acd/events/create` with a JSON body.
    pub async fn create(&self, body: &Value) -> Answer {
        send(self.request(Method::POST, "acd/events/create").json(body)).await
    }

    /// `PATCH {baseURL}/cockpitVariables/cockpitVariable/{id}/setValue{query}`.
    pub async fn set_value(&self, id: i64, query: &str) -> Answer {
        send(self.request(
            Method::PATCH,
            &format!("cockpitVariables/cockpitVariable/{id}/setValue{query}"),
        ))
        .await
    }

    /// The URL of the control route for cockpit variable `id` (a string, to test bad ids).
    pub fn control_url(&self, id: &str) -> String {
        format!("{}/cockpitVariables/{id}", self.emulator.control_url())
    }

    /// `PATCH /_emulator/cockpitVariables/{id}` with the right token and a JSON body.
    pub async fn control(&self, id: i64, body: &Value) -> Answer {
        let url = self.control_url(&id.to_string());
        send(self.raw(Method::PATCH, &url).bearer_auth(TOKEN).json(body)).await
    }

    /// Cockpit variable `id` as `GET {baseURL}/cockpitVariables/cockpitVariable/{id}` shows it.
    pub async fn cockpit_variable(&self, id: i64) -> Value {
        let answer = self
            .get(&format!("cockpitVariables/cockpitVariable/{id}"))
            .await;
        assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
        records(&answer.json()).remove(0)
    }

    /// The records of `GET {baseURL}/acd/events`.
    pub async fn events(&self) -> Vec<Value> {
        let answer = self.get("acd/events").await;
        assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
        records(&answer.json())
    }
}

/// A status and the body text.
#[derive(Debug)]
pub struct Answer {
    /// The HTTP status.
    pub status: StatusCode,
    /// The body.
    pub text: String,
}

impl Answer {
    /// The body as JSON.
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.text)
            .unwrap_or_else(|error| panic!("not JSON ({error}): {:?}", self.text))
    }

    /// Asserts a `{status, error}` body with this status and a non-empty reason; returns it.
    pub fn error(&self, status: u16) -> String {
        assert_eq!(self.status.as_u16(), status, "{}", self.text);
        let body = self.json();
        assert_eq!(body["status"], status, "{body}");
        let reason = body["error"].as_str().unwrap_or_default().to_owned();
        assert!(!reason.is_empty(), "{body}");
        reason
    }
}

/// Sends a request and reads the whole answer.
pub async fn send(request: RequestBuilder) -> Answer {
    let response = request.send().await.expect("the emulator answers");
    let status = response.status();
    Answer {
        status,
        text: response.text().await.expect("the body is readable"),
    }
}

/// The `records` of an envelope.
pub fn records(envelope: &Value) -> Vec<Value> {
    envelope["records"]
        .as_array()
        .cloned()
        .unwrap_or_else(|| panic!("no records: {envelope}"))
}

/// The docs' callback request through the group queue (jtel-rest-api.md §4.2a).
pub fn callback_body() -> Value {
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

/// The docs' ticket event (jtel-rest-api.md §4.2a).
pub fn ticket_body() -> Value {
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

/// `body` with `field` set to `value` (`Value::Null` included).
pub fn with(mut body: Value, field: &str, value: Value) -> Value {
    body[field] = value;
    body
}

/// `body` without `field`.
pub fn without(mut body: Value, field: &str) -> Value {
    body.as_object_mut().expect("an object").remove(field);
    body
}
