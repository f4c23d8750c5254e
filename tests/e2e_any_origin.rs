//! Any origin, end to end in Chromium, with four origins on loopback:
//!
//! - the **widget origin** serves the release build under `/jtel-widgets/`, as a CDN does, with
//!   `Access-Control-Allow-Origin: *` (module scripts and the wasm are fetched with CORS);
//! - the **gateway** is the production deployment (nginx and the jtel gateway), its
//!   `[cors] origins` naming the allowed CRM origin and the widget origin (for its iframe page);
//! - the **allowed CRM origin** (`http://localhost:…`) and **another origin**
//!   (`http://127.0.0.1:…`) serve the same CRM page: the README's "Plain HTML" install snippet
//!   with its example origins replaced by these, and the README's iframe snippet.
//!
//! From the allowed origin the callback is created, by the custom element and by the iframe
//! page; from the other origin the gateway refuses the preflight, nothing reaches jtel, the
//! widget shows that the request failed (keeping the input) and `jtel-failed` fires. The same
//! decisions are checked on the wire: the preflight answers per origin.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use axum::http::{header, HeaderValue};
use axum::middleware::map_response;
use axum::response::{Html, Response};
use axum::routing::get;
use axum::Router;
use fantoccini::{Client, Locator};
use jtel_emulator::{Config, DEFAULT_CLIENTS_ID};
use jtel_widgets::jtel_core::model::AcdEvent;
use std::path::PathBuf;
use std::time::Duration;
use support::deployment::{deploy, MetaCsp};
use support::jtel::{records_with_token, RecordingJtel};
use support::nginx::Nginx;
use support::readme::{snippet, INSTALL};
use support::widget::{click, in_widget, type_into};
use support::{browser, report};
use tokio::net::TcpListener;
use tower_http::services::ServeDir;

const FORM: &str = "jtel-acd-event-form";

/// The README's example origins.
const README_WIDGETS: &str = "https://widgets.example.com";
const README_GATEWAY: &str = "https://gateway.example.com";
const README_CRM: &str = "https://crm.example.com";

/// A listener on a free loopback port and the origin a browser reaches it by.
async fn listen(host: &str) -> (TcpListener, String) {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("free port");
    let port = listener.local_addr().expect("address").port();
    (listener, format!("http://{host}:{port}"))
}

/// Serves `app` on `listener` for the rest of the test.
fn serve(listener: TcpListener, app: Router) {
    tokio::spawn(async move { axum::serve(listener, app).await.expect("serves") });
}

/// The release build as a CDN serves it: under `/jtel-widgets/`, readable from any origin.
fn widget_origin(files: PathBuf) -> Router {
    Router::new()
        .nest_service("/jtel-widgets", ServeDir::new(files))
        .layer(map_response(|mut response: Response| async move {
            response.headers_mut().insert(
                header::ACCESS_CONTROL_ALLOW_ORIGIN,
                HeaderValue::from_static("*"),
            );
            response
        }))
}

/// A CRM page holding `snippet` and a log of the widgets' events.
fn crm_page(snippet: &str) -> String {
    format!(
        r#"<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>CRM</title></head>
<body>
{snippet}
<p id="log"></p>
<script>
  for (const name of ["jtel-created", "jtel-failed"]) {{
    document.addEventListener(name, (event) => {{
      document.getElementById("log").textContent += `${{name}}:${{event.detail.code ?? event.detail.ID}} `;
    }});
  }}
</script>
</body>
</html>"#
    )
}

/// The README's `snippet` with its example origins replaced by the test's.
fn localised(snippet: &str, widgets: &str, gateway: &str, crm: &str) -> String {
    snippet
        .replace(README_WIDGETS, widgets)
        .replace(README_GATEWAY, gateway)
        .replace(README_CRM, crm)
}

/// Fills the form on the open page (in the current frame) and submits it.
async fn send(client: &Client, subject: &str) {
    type_into(client, FORM, "Sender", "0199 123456789").await;
    type_into(client, FORM, "Subject", subject).await;
    click(client, FORM, "button[type=submit]").await;
}

/// Waits (up to ten seconds) until the page's event log contains `entry`; returns the log.
async fn logged(client: &Client, entry: &str) -> String {
    let mut log = String::new();
    for _ in 0..100 {
        log = client
            .find(Locator::Id("log"))
            .await
            .expect("the page has its log")
            .text()
            .await
            .unwrap_or_default();
        if log.contains(entry) {
            return log;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the page's log should contain {entry:?}: {log:?}");
}

/// The preflight of a create from `origin`: its status and `Access-Control-Allow-Origin`.
async fn preflight(gateway: &str, origin: &str) -> (u16, Option<String>) {
    let answer = reqwest::Client::new()
        .request(
            reqwest::Method::OPTIONS,
            format!("{gateway}/jtel/public/contact/acd/events/create"),
        )
        .header("Origin", origin)
        .header("Access-Control-Request-Method", "POST")
        .header(
            "Access-Control-Request-Headers",
            "content-type, idempotency-key",
        )
        .send()
        .await
        .expect("the gateway answers");
    let allowed = answer
        .headers()
        .get("access-control-allow-origin")
        .map(|value| value.to_str().unwrap().to_owned());
    (answer.status().as_u16(), allowed)
}

#[tokio::test(flavor = "multi_thread")]
async fn the_readme_snippets_work_from_an_allowed_crm_origin_and_are_refused_from_another() {
    let token = format!("any-origin-{}", std::process::id());
    let jtel = RecordingJtel::spawn(Config {
        token: token.clone(),
        ..Config::default()
    })
    .await;
    let (widgets_listener, widgets) = listen("127.0.0.1").await;
    let (allowed_listener, allowed) = listen("localhost").await;
    let (other_listener, other) = listen("127.0.0.1").await;
    let nginx = Nginx::start_for_origins(
        &support::dist::dist_dir(),
        &jtel.origin(),
        DEFAULT_CLIENTS_ID,
        &token,
        &[allowed.clone(), widgets.clone()],
    )
    .await;
    let gateway = nginx.url("").trim_end_matches('/').to_owned();

    // The iframe page's deployment: the public contact form at the gateway's URL, whose origin
    // joins connect-src (as frame.html's comment says).
    let files = deploy(
        &format!(
            r#"{{ "base-url": "{gateway}/jtel/public/contact", "event-type": "callback", "group": "235",
                 "receiver": "4919900112233",
                 "link-may-set": ["widget", "lang", "heading-level", "region"] }}"#
        ),
        MetaCsp::Kept,
    );
    let frame = files.join("frame.html");
    let page = std::fs::read_to_string(&frame).unwrap();
    assert!(page.contains("connect-src 'self'"), "frame.html's CSP");
    std::fs::write(
        &frame,
        page.replace(
            "connect-src 'self'",
            &format!("connect-src 'self' {gateway}"),
        ),
    )
    .unwrap();
    serve(widgets_listener, widget_origin(files));

    let html = snippet(INSTALL, "html", "<jtel-acd-event-form");
    let iframe = snippet(INSTALL, "html", "<iframe");
    for (listener, crm) in [(allowed_listener, &allowed), (other_listener, &other)] {
        let element_page = crm_page(&localised(&html, &widgets, &gateway, crm));
        let frame_page = crm_page(&localised(&iframe, &widgets, &gateway, crm));
        serve(
            listener,
            Router::new()
                .route("/", get(move || async move { Html(element_page) }))
                .route(
                    "/frame-host.html",
                    get(move || async move { Html(frame_page) }),
                ),
        );
    }
    let before = records_with_token::<AcdEvent>(&jtel.base_url(), "acd/events", &token)
        .await
        .len();
    let seen_before = jtel.received().len();

    let (allowed_url, other_url) = (allowed.clone(), other.clone());
    let (allowed_log, refusal, other_log) = browser::with_browser(move |client| async move {
        client.goto(&format!("{allowed_url}/")).await.unwrap();
        send(&client, "From the allowed CRM").await;
        in_widget(&client, FORM, ".jtel-success-text").await;
        let allowed_log = logged(&client, "jtel-created:").await;

        client
            .goto(&format!("{allowed_url}/frame-host.html"))
            .await
            .unwrap();
        client
            .enter_frame(0)
            .await
            .expect("the page has its iframe");
        send(&client, "From the iframe").await;
        in_widget(&client, FORM, ".jtel-success-text").await;
        client.enter_parent_frame().await.unwrap();

        client.goto(&format!("{other_url}/")).await.unwrap();
        send(&client, "From elsewhere").await;
        let refusal = in_widget(&client, FORM, "[role=alert]")
            .await
            .text()
            .await
            .unwrap();
        let other_log = logged(&client, "jtel-failed:").await;
        let kept = in_widget(&client, FORM, "[name=Subject]")
            .await
            .prop("value")
            .await
            .unwrap();
        assert_eq!(kept.as_deref(), Some("From elsewhere"), "the input is kept");
        (allowed_log, refusal, other_log)
    })
    .await;

    let events = records_with_token::<AcdEvent>(&jtel.base_url(), "acd/events", &token).await;
    let subjects: Vec<_> = events[before..]
        .iter()
        .map(|event| event.subject.clone().unwrap_or_default())
        .collect();
    assert_eq!(
        subjects,
        ["From the allowed CRM", "From the iframe"],
        "created from the allowed origin only"
    );
    let creates = jtel.received()[seen_before..]
        .iter()
        .filter(|received| received.request.contains("acd/events/create"))
        .count();
    assert_eq!(creates, 2, "nothing from the other origin reached jtel");
    assert!(other_log.contains("jtel-failed:network"), "{other_log}");

    let wire_allowed = preflight(&gateway, &allowed).await;
    let wire_other = preflight(&gateway, &other).await;
    assert_eq!(wire_allowed, (204, Some(allowed.clone())));
    assert_eq!(wire_other, (403, None));

    report::write(
        "any-origin.md",
        &format!(
            "Any origin: widget files from {widgets}/jtel-widgets/ (Access-Control-Allow-Origin: *), \
             gateway {gateway} ([cors] origins = {allowed}, {widgets})\n\n\
             | CRM page | what | outcome |\n|---|---|---|\n\
             | {allowed} | README plain-HTML snippet, submit | created; page heard `{}` |\n\
             | {allowed} | README iframe snippet (frame.html from the widget origin), submit | created |\n\
             | {other} | README plain-HTML snippet, submit | refused: nothing reached jtel; widget shows \"{refusal}\"; page heard `{}` |\n\
             | {allowed} | preflight on the wire | {} {:?} |\n\
             | {other} | preflight on the wire | {} {:?} |\n",
            allowed_log.trim(),
            other_log.trim(),
            wire_allowed.0,
            wire_allowed.1,
            wire_other.0,
            wire_other.1,
        ),
    );
}
