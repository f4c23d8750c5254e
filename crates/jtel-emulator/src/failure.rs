//! Error answers: an HTTP status with jtel's `{status, error}` JSON body.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use jtel_core::messages::error_message;
use jtel_core::model::ErrorBody;
use jtel_core::outcome::invalid_text;
use jtel_core::{FieldError, Language};
use std::io;

/// A failed request: the status and the reason sent in the body.
#[derive(Debug)]
pub struct Failure {
    status: StatusCode,
    reason: String,
}

impl Failure {
    /// 400 with a free reason (unreadable body, malformed URL parameter).
    pub fn bad_request(reason: impl Into<String>) -> Self {
        Self {
            status: StatusCode::BAD_REQUEST,
            reason: reason.into(),
        }
    }

    /// 400 for validation problems, worded exactly as the forms word them:
    /// `Field: message; Field: message` with the English messages of `jtel_core`.
    pub fn invalid(errors: &[FieldError]) -> Self {
        Self::bad_request(invalid_text(errors, |error| {
            error_message(error.code, Language::English)
        }))
    }

    /// 401: wrong or missing token, or wrong ClientsID.
    pub fn unauthorized(reason: impl Into<String>) -> Self {
        Self {
            status: StatusCode::UNAUTHORIZED,
            reason: reason.into(),
        }
    }

    /// 404 with a JSON body: the route exists, the object does not.
    pub fn not_found(reason: impl Into<String>) -> Self {
        Self {
            status: StatusCode::NOT_FOUND,
            reason: reason.into(),
        }
    }

    /// Any error status, answered by a `status` fault instead of the jtel route.
    pub fn injected(status: StatusCode) -> Self {
        let name = status.canonical_reason().unwrap_or("Error");
        Self {
            status,
            reason: format!("{name} (fault injected by the jtel emulator)."),
        }
    }

    /// 500: the state file could not be saved; the change was not made.
    pub fn storage(error: io::Error) -> Self {
        eprintln!("jtel-emulator: {error}");
        Self {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            reason: format!("The change was not saved: {error}"),
        }
    }
}

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            status: Some(self.status.as_u16()),
            error: Some(self.reason),
        };
        (self.status, Json(body)).into_response()
    }
}
