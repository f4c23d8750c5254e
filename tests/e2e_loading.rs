//! End to end: the widgets before and without their code. In a real Chromium, against the
//! one-form release bundle and the jtel emulator, with the pages of `tests/pages/loading/`:
//!
//! - A Content-Security-Policy without `'wasm-unsafe-eval'` keeps WebAssembly from running: the
//!   elements' own children (the page's "Call us" text) stay in view, every form (elements,
//!   one added later, one mounted by code) fires `jtel-failed` with the code `unsupported`, the
//!   `ready` promises reject with it, and the wasm is never downloaded. With a policy that
//!   allows WebAssembly the same page runs its forms and their fallback text leaves the view.
//! - `loading="lazy"`: a form far below the fold downloads nothing of the widget code until it
//!   is scrolled near the viewport (the server's request log and Resource Timing), or until its
//!   fallback link gets focus; then it works. A `mount()` with `loading: "lazy"` likewise.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use fantoccini::Client;
use jtel_emulator::{Config, RunningEmulator, DEFAULT_TOKEN};
use serde_json::{json, Value};
use std::net::SocketAddr;
use std::path::PathBuf;
use support::browser::{fetched_paths, with_browser};
use support::dist::{dist_dir, versioned_path};
use support::gateway::{self, RequestLog};
use support::widget::{click, in_widget, type_into, widget_text};
use support::{jtel, report};

/// The one-form bundle's code: what a lazy form must not fetch before it is needed.
const CODE: [&str; 2] = ["jtel-acd-event-form.js", "jtel-acd-event-form_bg.wasm"];

/// The URL paths of [`CODE`] in the release build.
fn code_paths() -> [String; 2] {
    CODE.map(versioned_path)
}

/// A policy that lets scripts of the page's origin run, but not WebAssembly.
const NO_WASM: &str = "default-src 'self'; script-src 'self'";
/// The same with WebAssembly allowed, as docs/security.md asks of host pages.
const WASM: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";

/// The emulator and the test pages (with the release build) in front of it.
struct Stand {
    emulator: RunningEmulator,
    page: SocketAddr,
    requests: RequestLog,
}

impl Stand {
    async fn start(csp: Option<&'static str>) -> Self {
        let emulator = jtel_emulator::spawn(Config::default())
            .await
            .expect("emulator starts");
        let pages = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/pages/loading");
        let (page, requests) = gateway::start_logged(
            dist_dir(),
            pages,
            emulator.base_url(),
            DEFAULT_TOKEN.to_owned(),
            csp,
        )
        .await;
        Self {
            emulator,
            page,
            requests,
        }
    }

    fn url(&self, path: &str) -> String {
        format!("http://{}/{path}", self.page)
    }

    /// How often the server was asked for each file of the widget code.
    fn code_requests(&self) -> [usize; 2] {
        code_paths().map(|path| self.requests.count(&path))
    }
}

/// Runs `script` (its last argument is the callback) and returns what it passes back.
async fn run(client: &Client, script: &str) -> Value {
    client
        .execute_async(script, vec![])
        .await
        .unwrap_or_else(|e| panic!("the page runs {script}: {e}"))
}

/// Whether the element `id` is in view now (rendered, in the light DOM or through a slot).
async fn shown(client: &Client, id: &str) -> bool {
    let script = format!("arguments[0](document.getElementById('{id}').checkVisibility())");
    run(client, &script).await == json!(true)
}

/// Waits until `window.outcome` (tests/pages/loading/fallback.js) says how `ready`, the
/// mounted form's and the element's `ready` ended, and returns it.
async fn settled_outcome(client: &Client) -> Value {
    for _ in 0..200 {
        let outcome = run(client, "arguments[0](window.outcome ?? null)").await;
        let settled = |key: &str| outcome[key] != json!("pending");
        if !outcome.is_null() && settled("ready") && settled("mounted") && settled("elementReady") {
            return outcome;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("the page never learnt whether the widgets run");
}

#[tokio::test(flavor = "multi_thread")]
async fn without_webassembly_the_fallback_stays_and_every_form_says_unsupported() {
    let stand = Stand::start(Some(NO_WASM)).await;
    let url = stand.url("fallback.html");
    let events = with_browser(move |client| async move {
        client.goto(&url).await.expect("page loads");
        let outcome = settled_outcome(&client).await;
        assert_eq!(outcome["ready"], json!("unsupported"), "{outcome}");
        assert_eq!(outcome["mounted"], json!("unsupported"), "{outcome}");
        assert_eq!(outcome["elementReady"], json!("unsupported"), "{outcome}");
        for fallback in [
            "form-fallback",
            "mounted-fallback",
            "misconfigured-fallback",
        ] {
            assert!(shown(&client, fallback).await, "#{fallback} stays in view");
        }
        // An element added later is told as well.
        run(
            &client,
            r#"const later = document.createElement("jtel-acd-event-form");
               later.id = "later";
               document.body.append(later);
               arguments[0]()"#,
        )
        .await;
        let events = run(&client, "arguments[0](window.outcome.events)").await;
        let loaded = fetched_paths(&client).await;
        assert!(
            !loaded.iter().any(|path| code_paths().contains(path)),
            "the widget code is not downloaded where it cannot run: {loaded:?}"
        );
        events
    })
    .await;
    assert_eq!(
        stand.code_requests(),
        [0, 0],
        "{:?}",
        stand.requests.paths()
    );
    let message = |lang: &str| {
        match lang {
        "de" => "Dieser Browser kann das Formular hier nicht ausführen (WebAssembly ist nicht verfügbar oder gesperrt).",
        _ => "This browser cannot run the form here (WebAssembly is unavailable or blocked).",
    }
    };
    let told: Vec<Value> = ["form", "misconfigured", "mounted", "later"]
        .iter()
        .map(|target| {
            let lang = if *target == "form" { "de" } else { "en" };
            json!({ "target": target, "code": "unsupported", "message": message(lang) })
        })
        .collect();
    let mut events = events.as_array().expect("a list of events").clone();
    events.sort_by_key(|event| event["target"].as_str().map(str::to_owned));
    let mut expected = told;
    expected.sort_by_key(|event| event["target"].as_str().map(str::to_owned));
    assert_eq!(
        events, expected,
        "one jtel-failed per form, in its language"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn with_webassembly_the_fallback_leaves_once_the_form_runs() {
    let stand = Stand::start(Some(WASM)).await;
    let url = stand.url("fallback.html");
    with_browser(move |client| async move {
        client.goto(&url).await.expect("page loads");
        let outcome = settled_outcome(&client).await;
        assert_eq!(
            (
                &outcome["ready"],
                &outcome["mounted"],
                &outcome["elementReady"]
            ),
            (&json!("running"), &json!("running"), &json!("running")),
            "{outcome}"
        );
        in_widget(&client, "#form", "[name=Sender]").await;
        in_widget(&client, "#mounted", "[name=Sender]").await;
        for fallback in ["form-fallback", "mounted-fallback"] {
            assert!(
                !shown(&client, fallback).await,
                "#{fallback} leaves the view"
            );
        }
        // A form that cannot run its configuration shows the notice, and the page's text too.
        let notice = widget_text(&client, "#misconfigured").await;
        assert!(notice.contains("group"), "{notice}");
        assert!(shown(&client, "misconfigured-fallback").await);
        assert_eq!(outcome["events"], json!([]), "nothing failed");
    })
    .await;
}

/// Loads `lazy.html` and waits until its scripts ran and the browser has laid out and
/// rendered the page twice (intersection observers report after rendering), then checks that
/// nothing of the widget code was asked for.
async fn open_lazy_page(client: &Client, stand_url: &str, requests: &RequestLog) {
    client.goto(stand_url).await.expect("page loads");
    run(
        client,
        r#"const done = arguments[0];
           const settle = () => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done)));
           if (window.mounted) settle(); else addEventListener("load", settle);"#,
    )
    .await;
    let before = code_paths().map(|path| requests.count(&path));
    assert_eq!(
        before,
        [0, 0],
        "nothing of the widget code yet: {:?}",
        requests.paths()
    );
    let loaded = fetched_paths(client).await;
    assert!(
        !loaded.iter().any(|path| code_paths().contains(path)),
        "{loaded:?}"
    );
    assert!(
        shown(client, "lazy-fallback").await,
        "the fallback shows meanwhile"
    );
    let defined = run(
        client,
        "arguments[0](!!customElements.get('jtel-acd-event-form'))",
    )
    .await;
    assert_eq!(defined, json!(false));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_lazy_form_loads_its_code_when_scrolled_near_and_then_works() {
    let stand = Stand::start(None).await;
    let url = stand.url("lazy.html");
    let requests = stand.requests.clone();
    let before = jtel::records::<Value>(&stand.emulator.base_url(), "acd/events").await;
    let mounted = with_browser(move |client| async move {
        open_lazy_page(&client, &url, &requests).await;
        let paths_before = requests.paths();
        run(
            &client,
            "document.getElementById('lazy-form').scrollIntoView(); arguments[0]()",
        )
        .await;
        type_into(&client, "#lazy-form", "Sender", "0199 3334445").await;
        type_into(&client, "#lazy-form", "Subject", "Lazy but working").await;
        click(&client, "#lazy-form", "button[type=submit]").await;
        in_widget(&client, "#lazy-form", ".jtel-success-text").await;
        assert!(!shown(&client, "lazy-fallback").await);
        // The lazy mount below shares the code that is now running.
        let mounted = run(
            &client,
            r#"const done = arguments[0];
               const wait = () => window.mounted === "pending" ? setTimeout(wait, 50) : done(window.mounted);
               wait();"#,
        )
        .await;
        (paths_before, mounted)
    })
    .await;
    assert_eq!(mounted.1, json!("running"));
    let after = jtel::records::<Value>(&stand.emulator.base_url(), "acd/events").await;
    assert_eq!(
        after.len(),
        before.len() + 1,
        "the lazy form created one event"
    );
    assert_eq!(
        stand.code_requests(),
        [1, 1],
        "{:?}",
        stand.requests.paths()
    );
    report::write(
        "lazy-loading.md",
        &format!(
            "Lazy form below the fold (tests/pages/loading/lazy.html), requests the server received:\n\
             - before scrolling: {} requests ({}); widget JS glue 0, wasm 0\n\
             - after scrolling it into view and submitting: widget JS glue {}, wasm {}; all requests: {:?}\n",
            mounted.0.len(),
            mounted.0.join(", "),
            stand.code_requests()[0],
            stand.code_requests()[1],
            stand.requests.paths(),
        ),
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_lazy_form_loads_its_code_when_its_fallback_gets_focus() {
    let stand = Stand::start(None).await;
    let url = stand.url("lazy.html");
    let requests = stand.requests.clone();
    with_browser(move |client| async move {
        open_lazy_page(&client, &url, &requests).await;
        // Focus without scrolling: the form stays far below the viewport.
        run(
            &client,
            "document.getElementById('lazy-fallback').focus({ preventScroll: true }); arguments[0]()",
        )
        .await;
        in_widget(&client, "#lazy-form", "[name=Sender]").await;
        let place = run(
            &client,
            r#"arguments[0]([scrollY, document.getElementById("lazy-form").getBoundingClientRect().top - innerHeight])"#,
        )
        .await;
        assert_eq!(place[0], json!(0), "the page did not scroll");
        assert!(place[1].as_f64().unwrap() > 600.0, "the form is far below the viewport: {place}");
    })
    .await;
    assert_eq!(
        stand.code_requests(),
        [1, 1],
        "{:?}",
        stand.requests.paths()
    );
}
