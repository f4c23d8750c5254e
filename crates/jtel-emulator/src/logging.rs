//! One stdout line per request: method, path with query, status, elapsed milliseconds.
//!
//! Headers are never logged, so neither is the bearer token.

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use std::time::Instant;

/// Middleware that logs the request after the answer is ready, e.g.
/// `GET /rest/v1.0/1/users 200 0ms`.
pub async fn log_request(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let target = request
        .uri()
        .path_and_query()
        .map_or_else(|| request.uri().path().to_owned(), ToString::to_string);
    let response = next.run(request).await;
    println!(
        "{method} {target} {} {}ms",
        response.status().as_u16(),
        started.elapsed().as_millis()
    );
    response
}
