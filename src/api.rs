//! The jtel REST client used by the forms: browser `fetch` through gloo-net.
//!
//! By default the client talks to a same-origin gateway path (for example `/jtel`) that adds
//! the `Authorization` header itself, so the browser never holds the jtel token. Direct mode
//! ([`JtelClient::with_token`]) sends the token from the page and is the less safe choice.

use gloo_net::http::{Request, RequestBuilder};
use jtel_core::model::{AcdEvent, CreateAcdEvent};
use jtel_core::outcome::{interpret_created_event, ApiError};

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

    /// `POST {base}/acd/events/create`: the created event, or why there is none.
    pub async fn create_event(&self, event: &CreateAcdEvent) -> Result<AcdEvent, ApiError> {
        let request = self
            .authorized(Request::post(&self.url("acd/events/create")))
            .json(event)
            .map_err(|error| ApiError::Network {
                detail: error.to_string(),
            })?;
        let (status, body) = send(request).await?;
        interpret_created_event(status, &body)
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
    let response = request.send().await.map_err(|error| ApiError::Network {
        detail: error.to_string(),
    })?;
    let status = response.status();
    let body = response.text().await.map_err(|error| ApiError::Network {
        detail: error.to_string(),
    })?;
    Ok((status, body))
}
