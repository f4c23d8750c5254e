//! The jtel REST server as the gateway calls it: reqwest over rustls, the token added here and
//! nowhere else, only the headers jtel needs.

use crate::config::JtelConfig;
use crate::token::JtelToken;
use reqwest::{Client, Method};
use std::sync::Arc;
use std::time::Duration;

/// What jtel answered.
#[derive(Debug, Clone)]
pub struct Answer {
    /// The HTTP status.
    pub status: u16,
    /// `Content-Type`, if any.
    pub content_type: Option<String>,
    /// The whole body.
    pub body: String,
}

/// Why there is no answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoAnswer {
    /// No answer within the configured time.
    Timeout,
    /// The connection failed or closed before an answer.
    Network,
}

/// A client for one jtel `{baseURL}`.
#[derive(Debug, Clone)]
pub struct Upstream {
    client: Client,
    base_url: String,
    token: Arc<JtelToken>,
}

impl Upstream {
    /// A client as `config` describes it, sending `token`.
    pub fn new(config: &JtelConfig, token: Arc<JtelToken>) -> Result<Self, String> {
        let mut builder = Client::builder()
            .timeout(Duration::from_millis(config.timeout_ms))
            .connect_timeout(Duration::from_secs(5))
            .redirect(reqwest::redirect::Policy::none());
        if let Some(ca_file) = &config.ca_file {
            let pem = std::fs::read(ca_file)
                .map_err(|error| format!("cannot read {}: {error}", ca_file.display()))?;
            let certificate = reqwest::Certificate::from_pem(&pem)
                .map_err(|error| format!("{}: {error}", ca_file.display()))?;
            builder = builder.add_root_certificate(certificate);
        }
        Ok(Self {
            client: builder.build().map_err(|error| error.to_string())?,
            base_url: config.base_url.trim_end_matches('/').to_owned(),
            token,
        })
    }

    /// Sends `method {baseURL}/{path_and_query}` with a JSON `body` if given.
    pub async fn send(
        &self,
        method: Method,
        path_and_query: &str,
        body: Option<String>,
    ) -> Result<Answer, NoAnswer> {
        let mut request = self
            .client
            .request(method, format!("{}/{path_and_query}", self.base_url))
            .bearer_auth(self.token.current())
            .header("Accept", "application/json");
        if let Some(body) = body {
            request = request
                .header("Content-Type", "application/json")
                .body(body);
        }
        let response = request.send().await.map_err(no_answer)?;
        let status = response.status().as_u16();
        let content_type = response
            .headers()
            .get("content-type")
            .and_then(|value| value.to_str().ok())
            .map(str::to_owned);
        let body = response.text().await.map_err(no_answer)?;
        Ok(Answer {
            status,
            content_type,
            body,
        })
    }
}

fn no_answer(error: reqwest::Error) -> NoAnswer {
    if error.is_timeout() {
        NoAnswer::Timeout
    } else {
        NoAnswer::Network
    }
}
