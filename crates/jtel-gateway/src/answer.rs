//! The gateway's own answers: jtel's `{status, error}` JSON (so the widgets read them as they
//! read jtel's), plus `codes` for validation problems, and an empty 404 for routes that are
//! not on the allow-list (as jtel answers an unknown route).

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use jtel_core::messages::error_message;
use jtel_core::outcome::invalid_text;
use jtel_core::{FieldError, Language};
use serde_json::json;
use std::time::Duration;

/// A request the gateway answers itself, without jtel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// The status.
    pub status: StatusCode,
    /// The reason in the body; empty for the bare 404.
    pub reason: String,
    /// Validation problems as `(field, code name)`.
    pub codes: Vec<(&'static str, &'static str)>,
    /// For a 429: when to try again (`Retry-After`, whole seconds).
    pub retry_after: Option<Duration>,
}

impl Refusal {
    /// Any status with a reason.
    pub fn new(status: StatusCode, reason: impl Into<String>) -> Self {
        Self {
            status,
            reason: reason.into(),
            codes: Vec::new(),
            retry_after: None,
        }
    }

    /// 429: a limit is reached; the answer's `Retry-After` says when it frees up again.
    pub fn too_many(reason: impl Into<String>, retry_after: Duration) -> Self {
        Self {
            retry_after: Some(retry_after),
            ..Self::new(StatusCode::TOO_MANY_REQUESTS, reason)
        }
    }

    /// Not on the allow-list: 404 with an empty body.
    pub fn no_route() -> Self {
        Self::new(StatusCode::NOT_FOUND, "")
    }

    /// 400 for values the `jtel-core` rules refuse, worded as the emulator and the forms word
    /// them (`Field: message; …`), with the code names beside.
    pub fn invalid(errors: &[FieldError]) -> Self {
        Self {
            codes: errors
                .iter()
                .map(|error| (error.field.json_name(), error.code.name()))
                .collect(),
            ..Self::new(
                StatusCode::BAD_REQUEST,
                invalid_text(errors, |error| error_message(error.code, Language::English)),
            )
        }
    }

    /// 401 for a missing or refused staff token.
    pub fn unauthorized(reason: impl std::fmt::Display) -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            format!("staff token refused: {reason}"),
        )
    }

    /// 403: authenticated (or a known public form), but not allowed this.
    pub fn forbidden(reason: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, reason)
    }
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        if self.reason.is_empty() {
            return self.status.into_response();
        }
        let mut body = json!({ "status": self.status.as_u16(), "error": self.reason });
        if !self.codes.is_empty() {
            body["codes"] = self
                .codes
                .iter()
                .map(|(field, code)| json!({ "field": field, "code": code }))
                .collect();
        }
        let mut response = (self.status, axum::Json(body)).into_response();
        if let Some(wait) = self.retry_after {
            // Whole seconds, rounded up, at least one: a client never tries too early.
            let seconds = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds.max(1)));
        }
        if self.status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer error=\"invalid_token\""),
            );
        }
        response
    }
}
