//! A token-adding proxy as Trunk's proxy is for the demo: serves the built page and forwards
//! `/jtel/…` to the jtel server, adding the token, for the end-to-end tests of the widgets
//! themselves. Like the demo's proxy it passes a public form's route (`/jtel/public/{form}/…`,
//! what `contact.html` sends to) to the same jtel base URL. It decides nothing; the production
//! gateway (`crates/jtel-gateway` behind nginx, [`super::nginx`]) is what e2e_gateway,
//! e2e_gateway_staff and e2e_faults run through. Without a token it passes the browser's own
//! `Authorization` header through, which is what direct mode needs.

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::{from_fn, map_response, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::any;
use axum::Router;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use tower_http::services::ServeDir;

#[derive(Clone)]
struct Upstream {
    base_url: String,
    token: Option<String>,
    client: reqwest::Client,
}

/// Serves `dist` at `/` and proxies `/jtel/{path}` to `{jtel_base_url}/{path}` with
/// `Authorization: Bearer {token}`. Returns the address it listens on.
pub async fn start(dist: PathBuf, jtel_base_url: String, token: String) -> SocketAddr {
    serve(Site::new(dist), jtel_base_url, Some(token)).await
}

/// Like [`start`], sending `Content-Security-Policy: {csp}` with every answer.
pub async fn start_with_csp(
    dist: PathBuf,
    jtel_base_url: String,
    token: String,
    csp: &'static str,
) -> SocketAddr {
    let site = Site {
        csp: Some(csp),
        ..Site::new(dist)
    };
    serve(site, jtel_base_url, Some(token)).await
}

/// Like [`start`], but forwards whatever `Authorization` header the browser sends (direct mode).
pub async fn start_pass_through(dist: PathBuf, jtel_base_url: String) -> SocketAddr {
    serve(Site::new(dist), jtel_base_url, None).await
}

/// The path of every request a gateway received, oldest first (`/jtel-widgets_bg.wasm`, …).
#[derive(Clone, Default)]
pub struct RequestLog(Arc<Mutex<Vec<String>>>);

impl RequestLog {
    /// How many requests so far asked for exactly `path`.
    pub fn count(&self, path: &str) -> usize {
        self.0.lock().unwrap().iter().filter(|p| *p == path).count()
    }

    /// Every path asked for so far.
    pub fn paths(&self) -> Vec<String> {
        self.0.lock().unwrap().clone()
    }
}

/// Like [`start_with_csp`] (`csp` `None`: no policy), also serving the files in `pages` at `/`
/// (before those of `dist`), never letting the browser cache an answer (so every use of a
/// file is a request), and noting the path of each request. Returns the address it listens
/// on and the request log.
pub async fn start_logged(
    dist: PathBuf,
    pages: PathBuf,
    jtel_base_url: String,
    token: String,
    csp: Option<&'static str>,
) -> (SocketAddr, RequestLog) {
    let log = RequestLog::default();
    let site = Site {
        dist,
        pages: Some(pages),
        csp,
        log: Some(log.clone()),
    };
    (serve(site, jtel_base_url, Some(token)).await, log)
}

/// What a gateway serves besides the jtel API, and how.
struct Site {
    dist: PathBuf,
    /// Files served before those of `dist`.
    pages: Option<PathBuf>,
    csp: Option<&'static str>,
    /// Notes every request; also sends `Cache-Control: no-store`.
    log: Option<RequestLog>,
}

impl Site {
    fn new(dist: PathBuf) -> Self {
        Self {
            dist,
            pages: None,
            csp: None,
            log: None,
        }
    }
}

async fn serve(site: Site, jtel_base_url: String, token: Option<String>) -> SocketAddr {
    let upstream = Upstream {
        base_url: jtel_base_url,
        token,
        client: reqwest::Client::new(),
    };
    let files = ServeDir::new(site.dist);
    let router = Router::new()
        .route("/jtel/{*path}", any(forward))
        .with_state(upstream);
    let router = match site.pages {
        Some(pages) => router.fallback_service(ServeDir::new(pages).fallback(files)),
        None => router.fallback_service(files),
    };
    let (csp, log) = (site.csp, site.log);
    let app = router
        .layer(map_response(move |mut response: Response| async move {
            if let Some(csp) = csp {
                let value = HeaderValue::from_static(csp);
                response
                    .headers_mut()
                    .insert(header::CONTENT_SECURITY_POLICY, value);
            }
            response
        }))
        .layer(from_fn(move |request: Request, next: Next| {
            let log = log.clone();
            async move {
                let Some(log) = log else {
                    return next.run(request).await;
                };
                log.0.lock().unwrap().push(request.uri().path().to_owned());
                let mut response = next.run(request).await;
                response
                    .headers_mut()
                    .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
                response
            }
        }));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind gateway");
    let addr = listener.local_addr().expect("gateway address");
    tokio::spawn(async move { axum::serve(listener, app).await.expect("gateway serves") });
    addr
}

async fn forward(
    State(upstream): State<Upstream>,
    Path(path): Path<String>,
    RawQuery(query): RawQuery,
    method: Method,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let path = match path.strip_prefix("public/") {
        Some(form_route) => form_route
            .split_once('/')
            .map_or(String::new(), |(_, route)| route.to_owned()),
        None => path,
    };
    let url = match query {
        Some(query) => format!("{}/{path}?{query}", upstream.base_url),
        None => format!("{}/{path}", upstream.base_url),
    };
    let mut request = upstream.client.request(method, url).body(body);
    match (&upstream.token, headers.get(header::AUTHORIZATION)) {
        (Some(token), _) => request = request.bearer_auth(token),
        (None, Some(from_browser)) => request = request.header(header::AUTHORIZATION, from_browser),
        (None, None) => {}
    }
    if let Some(content_type) = headers.get(header::CONTENT_TYPE) {
        request = request.header(header::CONTENT_TYPE, content_type);
    }
    match request.send().await {
        Ok(answer) => {
            let status = answer.status();
            let content_type = answer.headers().get(header::CONTENT_TYPE).cloned();
            let body = answer.bytes().await.unwrap_or_default();
            let mut response = (status, body).into_response();
            if let Some(content_type) = content_type {
                response
                    .headers_mut()
                    .insert(header::CONTENT_TYPE, content_type);
            }
            response
        }
        Err(_) => StatusCode::BAD_GATEWAY.into_response(),
    }
}
