//! The jtel REST client used by the forms: browser `fetch` through gloo-net.
//!
//! By default the client talks to a same-origin gateway path (for example `/jtel`) that adds
//! the `Authorization` header itself, so the browser never holds the jtel token. Direct mode
//! ([`JtelClient::with_token`]) sends the token from the page and is the less safe choice.

use gloo_net::http::{Request, RequestBuilder};
use jtel_core::model::{
    AcdEvent, AcdEventType, AcdGroup, CockpitVariable, CreateAcdEvent, ServiceNumber, User,
};
use jtel_core::outcome::{
    interpret_created_event, interpret_records, interpret_set_value, ApiError, SetValueOutcome,
};
use serde::de::DeserializeOwned;

/// A client for one jtel base URL: the gateway path, or `…/rest/v1.0/{ClientsID}` in direct mode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JtelClient {
    base_url: String,
    token: Option<String>,
}

impl JtelClient {
    /// A client for `base_url` (trailing slashes are ignored) that sends no credentials.
    pub fn new(base_url: &str) -> Self {
        Self {
            base_url: base_url.trim_end_matches('/').to_owned(),
            token: None,
        }
    }

    /// Direct mode: send `Authorization: Bearer {token}` from the browser.
    ///
    /// Anyone who can open the page's developer tools can read the token, and a jtel token
    /// opens the whole client account. Prefer a gateway.
    pub fn with_token(mut self, token: &str) -> Self {
        self.token = Some(token.to_owned());
        self
    }

    /// [`JtelClient::with_token`] when a token is given, else the client unchanged: what a
    /// form's optional `token` property asks for.
    pub fn with_optional_token(self, token: Option<&str>) -> Self {
        match token {
            Some(token) => self.with_token(token),
            None => self,
        }
    }

    /// `POST {base}/acd/events/create`: the created event, or why there is none.
    pub async fn create_event(&self, event: &CreateAcdEvent) -> Result<AcdEvent, ApiError> {
        let request = self
            .authorized(Request::post(&self.url("acd/events/create")))
            .json(event)
            .map_err(network)?;
        let (status, body) = send(request).await?;
        interpret_created_event(status, &body)
    }

    /// `GET {base}/acd/events/types`: the event types of the client account.
    pub async fn event_types(&self) -> Result<Vec<AcdEventType>, ApiError> {
        self.records("acd/events/types").await
    }

    /// `GET {base}/acd/groups`: every ACD group.
    pub async fn groups(&self) -> Result<Vec<AcdGroup>, ApiError> {
        self.records("acd/groups").await
    }

    /// `GET {base}/users`: every user (agent).
    pub async fn users(&self) -> Result<Vec<User>, ApiError> {
        self.records("users").await
    }

    /// `GET {base}/serviceNumbers`: every service number.
    pub async fn service_numbers(&self) -> Result<Vec<ServiceNumber>, ApiError> {
        self.records("serviceNumbers").await
    }

    /// `GET {base}/cockpitVariables`: every cockpit variable.
    pub async fn cockpit_variables(&self) -> Result<Vec<CockpitVariable>, ApiError> {
        self.records("cockpitVariables").await
    }

    /// `GET {base}/cockpitVariables/cockpitVariable/{id}`: one cockpit variable.
    pub async fn cockpit_variable(&self, id: i64) -> Result<CockpitVariable, ApiError> {
        let path = format!("cockpitVariables/cockpitVariable/{id}");
        self.records(&path)
            .await?
            .into_iter()
            .next()
            .ok_or_else(|| ApiError::NotFound {
                message: format!("cockpit variable {id}"),
            })
    }

    /// `PATCH {base}/cockpitVariables/cockpitVariable/{id}/setValue?value={value}`: what the
    /// server did (`result` 0–4 arrive with HTTP 200 and are not errors here).
    pub async fn set_cockpit_value(
        &self,
        id: i64,
        value: i64,
    ) -> Result<SetValueOutcome, ApiError> {
        let url = self.url(&format!("cockpitVariables/cockpitVariable/{id}/setValue"));
        // Through `query`, not in the URL: gloo-net would append its own (empty) query to a
        // URL that has one, sending `?value=7&`.
        let request = self
            .authorized(Request::patch(&url))
            .query([("value", value.to_string())])
            .build()
            .map_err(network)?;
        let (status, body) = send(request).await?;
        interpret_set_value(status, &body)
    }

    /// A list or get-by-id route's records.
    async fn records<T: DeserializeOwned>(&self, path: &str) -> Result<Vec<T>, ApiError> {
        let request = self
            .authorized(Request::get(&self.url(path)))
            .build()
            .map_err(network)?;
        let (status, body) = send(request).await?;
        interpret_records(status, &body)
    }

    fn url(&self, path: &str) -> String {
        format!("{}/{path}", self.base_url)
    }

    fn authorized(&self, builder: RequestBuilder) -> RequestBuilder {
        match &self.token {
            Some(token) => builder.header("Authorization", &format!("Bearer {token}")),
            None => builder,
        }
    }
}

/// Sends a request and reads the whole answer; only a missing answer is an error here.
async fn send(request: Request) -> Result<(u16, String), ApiError> {
    let response = request.send().await.map_err(network)?;
    let status = response.status();
    let body = response.text().await.map_err(network)?;
    Ok((status, body))
}

/// A request that got no answer (or could not be built) is a network failure for the user.
fn network(error: gloo_net::Error) -> ApiError {
    ApiError::Network {
        detail: error.to_string(),
    }
}
