//! Cross-origin callers: only the configured CRM origins. A request whose `Origin` is neither
//! the gateway's own origin nor on the list is refused (403) before anything else, and so is
//! its preflight; an allowed origin gets its preflight answered and the
//! `Access-Control-Allow-Origin` header on the answer (and `Retry-After` exposed to it).

use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};

/// What the `Origin` header says about a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Caller {
    /// No `Origin`, or the gateway's own (same-origin page).
    SameOrigin,
    /// A configured CRM origin.
    Allowed(HeaderValue),
    /// Any other origin.
    Refused,
}

/// Reads `Origin` against `Host` and the allowed `origins`.
pub fn caller(headers: &HeaderMap, origins: &[String]) -> Caller {
    let Some(origin) = headers.get(header::ORIGIN) else {
        return Caller::SameOrigin;
    };
    let text = origin.to_str().unwrap_or("");
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    let own = text.split_once("://").map(|(_, rest)| rest);
    if own.is_some() && own == host {
        Caller::SameOrigin
    } else if origins.iter().any(|allowed| allowed == text) {
        Caller::Allowed(origin.clone())
    } else {
        Caller::Refused
    }
}

/// The answer to `OPTIONS` (a preflight) from `caller`.
pub fn preflight(caller: &Caller, headers: &HeaderMap) -> Response {
    let asked = headers
        .get(header::ACCESS_CONTROL_REQUEST_METHOD)
        .and_then(|m| m.to_str().ok())
        .and_then(|m| m.parse::<Method>().ok());
    match (caller, asked) {
        (Caller::Allowed(origin), Some(method))
            if [Method::GET, Method::POST, Method::PATCH].contains(&method) =>
        {
            let mut response = StatusCode::NO_CONTENT.into_response();
            let h = response.headers_mut();
            h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin.clone());
            h.insert(
                header::ACCESS_CONTROL_ALLOW_METHODS,
                HeaderValue::from_static("GET, POST, PATCH"),
            );
            h.insert(
                header::ACCESS_CONTROL_ALLOW_HEADERS,
                HeaderValue::from_static("authorization, content-type, idempotency-key"),
            );
            h.insert(
                header::ACCESS_CONTROL_MAX_AGE,
                HeaderValue::from_static("600"),
            );
            h.insert(header::VARY, HeaderValue::from_static("Origin"));
            response
        }
        _ => StatusCode::FORBIDDEN.into_response(),
    }
}

/// Adds the CORS headers an allowed caller's answer needs.
pub fn decorate(caller: &Caller, response: &mut Response) {
    if let Caller::Allowed(origin) = caller {
        let h = response.headers_mut();
        h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin.clone());
        // A 429's delay, readable by the widget on the CRM's page.
        h.insert(
            header::ACCESS_CONTROL_EXPOSE_HEADERS,
            HeaderValue::from_static("Retry-After"),
        );
        h.insert(header::VARY, HeaderValue::from_static("Origin"));
    }
}
