//! End to end through the production gateway: real Chromium → nginx (`scripts/gateway.sh`,
//! `gateway/nginx.conf.template`) → the jtel emulator. The page works under the strict
//! Content-Security-Policy nginx sends, nginx forwards only the routes the forms use, adds the
//! token itself, limits bodies and the create rate, and the token reaches nothing a browser
//! can read.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use fantoccini::Client;
use jtel_emulator::{Config, DEFAULT_CLIENTS_ID};
use jtel_widgets::jtel_core::model::AcdEvent;
use serde_json::{json, Value};
use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use support::cockpit_steps::{confirm, propose, wait_for_form_value, FORM};
use support::deployment::{deploy, MetaCsp, LINKS_SET_FORMS};
use support::jtel::{records_with_token, RecordingJtel};
use support::nginx::Nginx;
use support::widget::{in_widget, type_into, wait_for_text};
use support::{browser, dist::dist_dir};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// The Content-Security-Policy nginx sends with every answer (`frame-ancestors` as configured
/// by `FRAME_ANCESTORS`, `'self'` by default).
const CSP: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
    connect-src 'self'; img-src 'self' data:; frame-src 'self'; frame-ancestors 'self'; \
    base-uri 'none'; form-action 'none'";

/// A callback request as the documentation's example has it.
fn callback() -> Value {
    json!({
        "AcdEventTypesID": 3,
        "AcdGroupsID": 235,
        "Sender": "49199123456789",
        "Receiver": "4919900112233",
        "Subject": "Callback request from 49199123456789",
    })
}

/// The emulator, holding a token made for this test, and nginx in front of it.
struct Stand {
    jtel: RecordingJtel,
    nginx: Nginx,
    token: String,
    http: reqwest::Client,
}

impl Stand {
    async fn start() -> Self {
        let nanos = SystemTime::now().duration_since(UNIX_EPOCH).unwrap();
        let token = format!("gw-secret-{:x}-{}", nanos.as_nanos(), std::process::id());
        let jtel = RecordingJtel::spawn(Config {
            token: token.clone(),
            ..Config::default()
        })
        .await;
        let nginx = Nginx::start(
            &deploy(LINKS_SET_FORMS, MetaCsp::Kept),
            &jtel.origin(),
            DEFAULT_CLIENTS_ID,
            &token,
        )
        .await;
        Self {
            jtel,
            nginx,
            token,
            http: reqwest::Client::new(),
        }
    }

    /// The events jtel holds, read past nginx.
    async fn events(&self) -> Vec<AcdEvent> {
        records_with_token(&self.jtel.base_url(), "acd/events", &self.token).await
    }

    /// `GET {path}` through nginx.
    async fn get(&self, path: &str) -> reqwest::Response {
        self.http
            .get(self.nginx.url(path))
            .send()
            .await
            .expect("nginx answers")
    }

    async fn create_through_nginx(&self, body: String) -> reqwest::Response {
        self.http
            .post(self.nginx.url("jtel/acd/events/create"))
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .expect("nginx answers")
    }
}

/// An answer read off the wire: status, headers as text, body.
struct RawAnswer {
    status: u16,
    head: String,
    body: Vec<u8>,
}

/// Sends `method target` exactly as written (no URL normalising, unlike reqwest) with
/// `headers`, and reads the whole answer.
async fn raw(nginx: &Nginx, method: &str, target: &str, headers: &str) -> RawAnswer {
    let host = nginx.url("");
    let host = host.trim_start_matches("http://").trim_end_matches('/');
    let mut stream = tokio::net::TcpStream::connect(host).await.expect("connect");
    let request = format!(
        "{method} {target} HTTP/1.1\r\nHost: {host}\r\n{headers}Content-Length: 0\r\nConnection: close\r\n\r\n"
    );
    stream.write_all(request.as_bytes()).await.expect("send");
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).await.expect("read");
    let split = answer
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("an HTTP answer");
    let head = String::from_utf8_lossy(&answer[..split]).into_owned();
    let status = head[9..12].parse().expect("a status code");
    RawAnswer {
        status,
        head,
        body: answer[split + 4..].to_vec(),
    }
}

/// Fails if `token` is anywhere in `text`, saying where.
fn assert_no_token(token: &str, place: &str, text: &str) {
    assert!(!text.contains(token), "the token is in {place}");
}

/// Every file below `dir`, as paths relative to it with `/`.
fn files_below(dir: &Path) -> Vec<String> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).expect("dist readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            let name = entry.file_name().to_string_lossy().into_owned();
            files.extend(
                files_below(&path)
                    .into_iter()
                    .map(|f| format!("{name}/{f}")),
            );
        } else {
            files.push(entry.file_name().to_string_lossy().into_owned());
        }
    }
    files
}

/// Requests a callback in the demo page's custom element and waits for the confirmation.
async fn request_callback(client: &Client) {
    type_into(client, "#callback", "Sender", "(0199) 123 456 789").await;
    type_into(client, "#callback", "Body", "Through nginx").await;
    in_widget(client, "#callback", "button[type=submit]")
        .await
        .click()
        .await
        .expect("click submit");
    in_widget(client, "#callback", ".jtel-success-text").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_demo_and_iframe_pages_served_by_nginx_create_events() {
    let stand = Stand::start().await;
    let before = stand.events().await.len();
    let (index, frame) = (
        stand.nginx.url(""),
        stand.nginx.url(
            "frame.html?widget=acd-event-form&event-type=sms&group=235&receiver=4919900112233",
        ),
    );
    browser::with_browser(move |client| async move {
        client.goto(&index).await.expect("page loads");
        request_callback(&client).await;
        client.goto(&frame).await.expect("frame page loads");
        type_into(&client, "jtel-acd-event-form", "Sender", "0199 7778889").await;
        type_into(&client, "jtel-acd-event-form", "Subject", "SMS reply").await;
        in_widget(&client, "jtel-acd-event-form", "button[type=submit]")
            .await
            .click()
            .await
            .expect("click submit");
        in_widget(&client, "jtel-acd-event-form", ".jtel-success-text").await;
    })
    .await;

    let events = stand.events().await;
    let created: Vec<_> = events[before..]
        .iter()
        .map(|e| (e.acd_event_types_id, e.sender.as_deref(), e.body.as_deref()))
        .collect();
    assert_eq!(
        created,
        vec![
            (Some(3), Some("49199123456789"), Some("Through nginx")),
            (Some(4), Some("491997778889"), None),
        ]
    );
    let received = stand.jtel.received();
    assert!(
        received
            .iter()
            .all(|r| r.authorization.as_deref() == Some(&*format!("Bearer {}", stand.token))),
        "nginx added the token to every request: {received:?}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn routes_the_forms_do_not_use_are_refused_at_nginx_and_never_reach_jtel() {
    let stand = Stand::start().await;
    let events_before = stand.events().await.len();
    let seen_before = stand.jtel.received().len();

    // Refused inside /jtel/: 404 with an empty body, as jtel answers an unknown route.
    for (method, target) in [
        ("GET", "/jtel/dialler/campaigns"),
        ("GET", "/jtel/dialler/contacts?diallerCampaignsID=1"),
        ("GET", "/jtel/calls"),
        ("GET", "/jtel/calls/4711/hangup"),
        ("DELETE", "/jtel/acd/events/1"),
        ("DELETE", "/jtel/acd/events"),
        ("POST", "/jtel/acd/events"),
        ("GET", "/jtel/acd/events/create"),
        ("GET", "/jtel/acd/events/event/1"),
        ("POST", "/jtel/users"),
        ("GET", "/jtel/users/user/3"),
        ("PUT", "/jtel/users/user/3"),
        ("DELETE", "/jtel/users/user/3"),
        ("HEAD", "/jtel/users"),
        ("OPTIONS", "/jtel/users"),
        ("GET", "/jtel/acd/groups/group/235"),
        ("GET", "/jtel/serviceNumbers/serviceNumber/1"),
        (
            "PATCH",
            "/jtel/cockpitVariables/cockpitVariable/192/setValue",
        ),
        (
            "PATCH",
            "/jtel/cockpitVariables/cockpitVariable/192/setValue?value=x",
        ),
        (
            "PATCH",
            "/jtel/cockpitVariables/cockpitVariable/192/setValue?value=1&x=2",
        ),
        (
            "GET",
            "/jtel/cockpitVariables/cockpitVariable/192/setValue?value=1",
        ),
        (
            "PATCH",
            "/jtel/cockpitVariables/cockpitVariable/192/setValue/x",
        ),
        (
            "PATCH",
            "/jtel/cockpitVariables/cockpitVariable/192/setValue/1/2",
        ),
        (
            "PATCH",
            "/jtel/cockpitVariables/cockpitVariable/192/setValue/1?value=1",
        ),
        (
            "GET",
            "/jtel/cockpitVariables/cockpitVariable/192/setValue/1",
        ),
        ("PATCH", "/jtel/cockpitVariables/cockpitVariable/abc"),
        ("GET", "/jtel/users?limitPageSize=-1"),
        ("GET", "/jtel/unknown"),
        ("GET", "/jtel/"),
        ("GET", "/jtel//calls"),
        ("GET", "/jtel/users/../calls"),
        ("GET", "/jtel/users/%2e%2e/calls"),
        ("GET", "/jtel/acd/events%2f..%2f..%2fcalls"),
    ] {
        let answer = raw(&stand.nginx, method, target, "").await;
        assert_eq!(answer.status, 404, "{method} {target}: {}", answer.head);
        assert!(answer.body.is_empty(), "{method} {target}: an empty body");
    }
    // Leaving /jtel/ by a path traversal only reaches the static files (or is a bad request).
    for target in [
        "/jtel/../rest/v1.0/1/users",
        "/jtel/%2e%2e/rest/v1.0/1/users",
        "/jtel/..%2frest/v1.0/1/calls",
        "/rest/v1.0/1/users",
        "/jtel/../../rest/v1.0/1/users",
    ] {
        let answer = raw(&stand.nginx, "GET", target, "").await;
        assert!(
            [400, 404].contains(&answer.status),
            "GET {target}: {}",
            answer.head
        );
    }
    let reached = &stand.jtel.received()[seen_before..];
    assert!(
        reached.is_empty(),
        "nothing refused reaches jtel: {reached:?}"
    );

    // A wrong token from the browser is not passed on: nginx sends its own.
    let answer = raw(
        &stand.nginx,
        "GET",
        "/jtel/users",
        "Authorization: Bearer stolen-or-wrong\r\nCookie: session=1\r\n",
    )
    .await;
    assert_eq!(answer.status, 200, "{}", answer.head);
    let received = stand.jtel.received();
    let last = received.last().expect("the allowed request reached jtel");
    assert_eq!(last.request, "GET /rest/v1.0/1/users");
    assert_eq!(
        last.authorization.as_deref(),
        Some(&*format!("Bearer {}", stand.token))
    );
    assert_eq!(stand.events().await.len(), events_before);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_token_reaches_nothing_a_browser_receives() {
    let stand = Stand::start().await;
    let token = stand.token.clone();

    // Every file nginx serves, a missing one and a refused route, with their headers.
    let mut targets: Vec<String> = files_below(&dist_dir())
        .into_iter()
        .map(|file| format!("/{file}"))
        .collect();
    targets.extend(["/", "/missing.js", "/jtel/calls"].map(str::to_owned));
    assert!(targets.contains(&"/jtel-widgets_bg.wasm".to_owned()));
    for target in &targets {
        let answer = raw(&stand.nginx, "GET", target, "").await;
        assert_no_token(&token, target, &answer.head);
        assert_no_token(&token, target, &String::from_utf8_lossy(&answer.body));
    }
    let wasm = stand.get("jtel-widgets_bg.wasm").await;
    assert_eq!(wasm.headers()["content-type"], "application/wasm");

    // Every API answer the forms can get.
    let created = stand.create_through_nginx(callback().to_string()).await;
    assert_eq!(created.status(), 200);
    let mut answers = vec![(
        "create".to_owned(),
        format!("{:?}", created.headers()),
        created.text().await.unwrap(),
    )];
    for path in [
        "acd/events",
        "acd/events/types",
        "acd/groups",
        "users",
        "serviceNumbers",
        "cockpitVariables",
        "cockpitVariables/cockpitVariable/192",
        "cockpitVariables/cockpitVariable/99999",
    ] {
        let answer = stand.get(&format!("jtel/{path}")).await;
        answers.push((
            path.to_owned(),
            format!("{:?}", answer.headers()),
            answer.text().await.unwrap(),
        ));
    }
    // setValue in both forms jtel may use: the value in the path, then in the query.
    for route in ["setValue/4", "setValue?value=5"] {
        let url = stand.nginx.url(&format!(
            "jtel/cockpitVariables/cockpitVariable/192/{route}"
        ));
        let set = stand.http.patch(url).send().await.unwrap();
        assert_eq!(set.status(), 200, "{route}");
        answers.push((
            route.to_owned(),
            format!("{:?}", set.headers()),
            set.text().await.unwrap(),
        ));
    }
    for (place, headers, body) in &answers {
        assert_no_token(&token, place, headers);
        assert_no_token(&token, place, body);
    }

    // Everything the page can read in Chromium, after using it.
    let index = stand.nginx.url("");
    let seen: Value = browser::with_browser(move |client| async move {
        client.goto(&index).await.expect("page loads");
        wait_for_form_value(&client, "5").await;
        request_callback(&client).await;
        let readable = client
            .execute(
                r#"
                const shadows = (root) => [...root.querySelectorAll("*")]
                    .filter((e) => e.shadowRoot)
                    .map((e) => e.shadowRoot.innerHTML + shadows(e.shadowRoot).join(""));
                const frames = [...document.querySelectorAll("iframe")]
                    .map((f) => f.contentDocument.documentElement.outerHTML
                        + shadows(f.contentDocument).join(""));
                const storage = (s) => JSON.stringify(Object.entries(s));
                return {
                    html: document.documentElement.outerHTML,
                    shadows: shadows(document).join("\n"),
                    frames: frames.join("\n"),
                    localStorage: storage(localStorage),
                    sessionStorage: storage(sessionStorage),
                    cookie: document.cookie,
                    resources: performance.getEntries().map((e) => e.name).join("\n"),
                    url: location.href,
                };
                "#,
                vec![],
            )
            .await
            .expect("the page can be read");
        readable
    })
    .await;
    let seen = seen.as_object().expect("an object");
    assert!(seen["resources"]
        .as_str()
        .unwrap()
        .contains("/jtel/acd/events/create"));
    assert!(seen["shadows"].as_str().unwrap().contains("jtel-success"));
    for (place, text) in seen {
        assert_no_token(&token, place, text.as_str().unwrap_or_default());
    }
}

/// Notes every Content-Security-Policy violation of a document in `window.cspViolations`.
const WATCH_CSP: &str = r#"
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
    window.cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber} (${e.sample})`);
});
"#;

/// The violations noted in the page and in its iframes.
async fn csp_violations(client: &Client) -> Vec<String> {
    let noted = client
        .execute(
            r#"return [window, ...[...document.querySelectorAll("iframe")].map((f) => f.contentWindow)]
                .flatMap((w) => w.cspViolations ?? ["not watched: " + w.location.href]);"#,
            vec![],
        )
        .await
        .expect("violations readable");
    serde_json::from_value(noted).expect("a list of texts")
}

#[tokio::test(flavor = "multi_thread")]
async fn the_page_works_under_the_strict_content_security_policy() {
    let stand = Stand::start().await;
    let before = stand.events().await.len();
    for target in [
        "/",
        "/frame.html",
        "/jtel-widgets.js",
        "/jtel/users",
        "/jtel/calls",
    ] {
        let answer = raw(&stand.nginx, "GET", target, "").await;
        let head = answer.head.to_ascii_lowercase();
        assert!(
            answer
                .head
                .contains(&format!("Content-Security-Policy: {CSP}\r\n")),
            "{target}: {}",
            answer.head
        );
        assert!(
            head.contains("x-content-type-options: nosniff\r\n"),
            "{target}"
        );
        assert!(
            head.contains("referrer-policy: no-referrer\r\n"),
            "{target}"
        );
    }

    let index = stand.nginx.url("");
    let violations = browser::with_browser(move |client| async move {
        browser::on_every_new_document(&client, WATCH_CSP).await;
        client.goto(&index).await.expect("page loads");
        // The wasm module is compiled, every widget renders its stylesheet and the iframe loads.
        wait_for_form_value(&client, "0").await;
        let swatch_colour = client
            .execute(
                r##"const swatch = document.querySelector("#variable").shadowRoot.querySelector(".jtel-swatch");
                   return getComputedStyle(swatch).backgroundColor;"##,
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(swatch_colour, "rgb(220, 20, 60)", "the swatch is coloured");
        let frame_loaded = "return document.querySelector('iframe').contentDocument\
            ?.querySelector('jtel-acd-event-form')?.shadowRoot?.querySelector('[name=Sender]') != null";
        for _ in 0..100 {
            if client.execute(frame_loaded, vec![]).await.unwrap() == true {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }

        request_callback(&client).await;
        propose(&client, FORM, "42", "Set 'Test Cockpit Variable' to 42?").await;
        confirm(&client, FORM).await;
        wait_for_text(&client, FORM, ".jtel-success", "The value was set.").await;
        wait_for_form_value(&client, "42").await;
        let violations = csp_violations(&client).await;

        // The watch works: a style attribute inside a widget's shadow root, as the swatch
        // had before it was coloured through the CSSOM, is blocked and reported.
        client
            .execute(
                r##"document.querySelector("#variable").shadowRoot.querySelector(".jtel-swatch")
                    .setAttribute("style", "background-color: #000")"##,
                vec![],
            )
            .await
            .unwrap();
        let mut control = Vec::new();
        for _ in 0..50 {
            control = csp_violations(&client).await;
            if !control.is_empty() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert!(
            control.iter().any(|v| v.starts_with("style-src-attr")),
            "the watch notes violations: {control:?}"
        );
        violations
    })
    .await;
    assert_eq!(violations, Vec::<String>::new(), "no CSP violation");
    assert_eq!(
        stand.events().await.len(),
        before + 1,
        "the callback arrived"
    );
    let set: Vec<Value> = records_with_token(
        &stand.jtel.base_url(),
        "cockpitVariables/cockpitVariable/192",
        &stand.token,
    )
    .await;
    assert_eq!(set[0]["Value"], 42);
}

#[tokio::test(flavor = "multi_thread")]
async fn large_bodies_and_fast_creates_are_refused_with_413_and_429() {
    let stand = Stand::start().await;
    let before = stand.events().await.len();
    let seen_before = stand.jtel.received().len();

    let mut large = callback();
    large["Body"] = "x".repeat(17 * 1024).into();
    let answer = stand.create_through_nginx(large.to_string()).await;
    assert_eq!(answer.status(), 413);
    assert_eq!(stand.jtel.received().len(), seen_before, "not forwarded");

    let mut statuses = Vec::new();
    let started = std::time::Instant::now();
    for _ in 0..12 {
        let answer = stand.create_through_nginx(callback().to_string()).await;
        statuses.push(answer.status().as_u16());
    }
    let passed = statuses.iter().filter(|&&s| s == 200).count();
    let limited = statuses.iter().filter(|&&s| s == 429).count();
    assert_eq!(passed + limited, statuses.len(), "{statuses:?}");
    // 1 + a burst of 4 pass at once, then 2 per second: on a slow machine the loop takes
    // longer and a few more may pass, but never more than the rate allows.
    let allowed = 5 + (started.elapsed().as_secs_f64() * 2.0).ceil() as usize;
    assert!(
        (5..=allowed).contains(&passed) && limited > 0,
        "1 + burst 4 pass, then 2/s (at most {allowed} in this run): {statuses:?}"
    );
    assert_eq!(
        stand.events().await.len() - before,
        passed,
        "only those reached jtel"
    );

    // Reading is not limited, and creating works again a moment later.
    let users = stand.get("jtel/users").await;
    assert_eq!(users.status(), 200);
    tokio::time::sleep(Duration::from_millis(600)).await;
    let again = stand.create_through_nginx(callback().to_string()).await;
    assert_eq!(again.status(), 200);
}
