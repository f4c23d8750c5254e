//! One stdout line per request: method, path with query, status, elapsed milliseconds, and
//! the injected fault if any.
//!
//! Headers are never logged, so neither is the bearer token.

use crate::faults::InjectedFault;
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use std::io::Write;
use std::time::Instant;

/// Middleware that logs the request after the answer is ready, e.g.
/// `GET /rest/v1.0/1/users 200 0ms`, `GET /rest/v1.0/1/users 503 0ms (fault status)` or
/// `GET /rest/v1.0/1/users - 0ms (fault drop_before: no answer, connection closed)`.
pub async fn log_request(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let target = request
        .uri()
        .path_and_query()
        .map_or_else(|| request.uri().path().to_owned(), ToString::to_string);
    let response = next.run(request).await;
    let status = response.status().as_u16().to_string();
    let (status, fault) = match response.extensions().get::<InjectedFault>() {
        None => (status, String::new()),
        Some(fault) if fault.closes_connection => (
            "-".to_owned(),
            format!(" (fault {}: no answer, connection closed)", fault.kind),
        ),
        Some(fault) => (status, format!(" (fault {})", fault.kind)),
    };
    let elapsed = started.elapsed().as_millis();
    // Never a panic: a log that cannot be written (a full disk) must not cost the answer.
    let _ = writeln!(
        std::io::stdout().lock(),
        "{method} {target} {status} {elapsed}ms{fault}"
    );
    response
}
