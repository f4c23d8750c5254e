//! The credentials check every jtel route makes: `Authorization: Bearer TOKEN` and the
//! `{ClientsID}` path segment. The emulator's control routes check the token only (their
//! paths have no ClientsID).

use crate::failure::Failure;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, Request, State};
use axum::http::header::AUTHORIZATION;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use std::sync::Arc;

/// What a request must present.
pub struct Credentials {
    token: String,
    clients_id: String,
}

impl Credentials {
    /// Requests must send `token` as bearer token and use `clients_id` in the path.
    pub fn new(token: String, clients_id: u64) -> Self {
        Self {
            token,
            clients_id: clients_id.to_string(),
        }
    }

    /// `Err` with the reason for the 401 answer. The reason never repeats the token.
    fn check(
        &self,
        authorization: Option<&[u8]>,
        clients_id: Option<&str>,
    ) -> Result<(), &'static str> {
        self.check_token(authorization)?;
        if clients_id != Some(self.clients_id.as_str()) {
            return Err("The ClientsID in the URL is wrong.");
        }
        Ok(())
    }

    /// The bearer token part of [`Credentials::check`].
    fn check_token(&self, authorization: Option<&[u8]>) -> Result<(), &'static str> {
        let Some(authorization) = authorization else {
            return Err("The Authorization header is missing; send Authorization: Bearer TOKEN.");
        };
        if authorization.strip_prefix(b"Bearer ") != Some(self.token.as_bytes()) {
            return Err("The bearer token is wrong.");
        }
        Ok(())
    }
}

/// The path parameter this check needs (the routes' other parameters are ignored).
#[derive(Deserialize)]
pub struct ClientsPath {
    clients_id: String,
}

/// Middleware for every matched route: passes the request on, or answers 401 with
/// `{status: 401, error}`.
pub async fn require_credentials(
    State(credentials): State<Arc<Credentials>>,
    path: Result<Path<ClientsPath>, PathRejection>,
    request: Request,
    next: Next,
) -> Response {
    let clients_id = path
        .as_ref()
        .ok()
        .map(|Path(path)| path.clients_id.as_str());
    let checked = credentials.check(authorization(&request), clients_id);
    pass_or_refuse(checked, request, next).await
}

/// Middleware for the control routes: the bearer token only, answering 401 like
/// [`require_credentials`].
pub async fn require_token(
    State(credentials): State<Arc<Credentials>>,
    request: Request,
    next: Next,
) -> Response {
    let checked = credentials.check_token(authorization(&request));
    pass_or_refuse(checked, request, next).await
}

/// The raw `Authorization` header, if any.
fn authorization(request: &Request) -> Option<&[u8]> {
    request
        .headers()
        .get(AUTHORIZATION)
        .map(|value| value.as_bytes())
}

/// Passes `request` on when the check passed, else answers 401 with the reason.
async fn pass_or_refuse(checked: Result<(), &str>, request: Request, next: Next) -> Response {
    match checked {
        Ok(()) => next.run(request).await,
        Err(reason) => Failure::unauthorized(reason).into_response(),
    }
}
