//! End to end: what the two forms look like in every state they have, at 320 px and 1024 px,
//! in English and German, compared with the reference images in `tests/visual/` (see
//! [`support::visual`] for the tolerance). The public callback form (the ACD event form as a
//! customer sees it): empty, invalid, sending, created, failed; the cockpit variable form as a
//! supervisor sees it: loading, editing, invalid, confirming, set, failed, read-only. And one
//! letter of a title changed must count as a difference.
//!
//! Rendering is made deterministic: a host page with a fixed font (DejaVu Sans, installed by
//! scripts/install-tools.sh), the viewport's width and scale fixed through the DevTools
//! protocol, no caret and no transitions in the screenshots, each taken once fonts are loaded,
//! and a fresh jtel emulator for each width and language, so the references' numbers repeat.
//! Neither form captured shows the callback time picker, so no clock or time zone is involved.
//! `JTEL_UPDATE_VISUAL=1` rewrites the references (docs/visual-check.md).
#![cfg(not(target_arch = "wasm32"))]

mod support;

use fantoccini::Client;
use jtel_emulator::{Config, RunningEmulator, DEFAULT_TOKEN};
use serde_json::{json, Value};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use support::browser::{devtools, with_browser};
use support::cockpit_steps::{confirm, propose, retype};
use support::deployment::{deploy, MetaCsp, LINKS_SET_FORMS};
use support::visual::{changed_pixels, check, element_png, Verdict, CHANGED_PIXELS_ALLOWED};
use support::widget::{click, in_widget, type_into, wait_for_text};
use support::{gateway, report};

/// The widths the forms are checked at: a small phone and a desktop CRM column.
const WIDTHS: [u32; 2] = [320, 1024];
const LANGUAGES: [&str; 2] = ["en", "de"];
const FORM: &str = "jtel-acd-event-form";
const VARIABLE: &str = "jtel-cockpit-variable";
/// The widget's own root inside its shadow root: what is captured.
const WIDGET: &str = ".jtel-widget";

/// A host page holding `element`: the iframe page's stylesheet and a fixed font.
fn host_page(lang: &str, element: &str) -> String {
    format!(
        r#"<!doctype html>
<html lang="{lang}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <link rel="stylesheet" href="frame.css" />
    <style>
      html {{ --jtel-font: "DejaVu Sans"; font-family: "DejaVu Sans"; }}
    </style>
    <script type="module" src="jtel-widgets-loader.js"></script>
  </head>
  <body><main>{element}</main></body>
</html>
"#
    )
}

/// The pages of one language: the public callback form and two cockpit variables (195, a
/// writable percentage; 193, read-only), written into the deployed folder `dir`.
fn write_pages(dir: &Path, lang: &str) {
    let mut pages = vec![
        (
            "event",
            format!(
                r#"<jtel-acd-event-form base-url="/jtel" event-type="callback" group="235" receiver="4919900112233" heading-level="2" lang="{lang}"></jtel-acd-event-form>"#
            ),
        ),
        (
            "variable",
            format!(
                r#"<jtel-cockpit-variable base-url="/jtel" variable="195" lang="{lang}"></jtel-cockpit-variable>"#
            ),
        ),
        (
            "read-only",
            format!(
                r#"<jtel-cockpit-variable base-url="/jtel" variable="193" lang="{lang}"></jtel-cockpit-variable>"#
            ),
        ),
    ];
    // The empty callback form with one letter of its title changed ("callbeck"): the check
    // must tell it from the reference.
    let one_letter = match lang {
        "de" => "Rückrof anfordern",
        _ => "Request a callbeck",
    };
    pages.push((
        "one-letter",
        format!(
            r#"<jtel-acd-event-form base-url="/jtel" event-type="callback" group="235" receiver="4919900112233" heading-level="2" lang="{lang}" texts='{{"form-title.callback": "{one_letter}"}}'></jtel-acd-event-form>"#
        ),
    ));
    for (name, element) in pages {
        std::fs::write(
            dir.join(format!("visual-{name}-{lang}.html")),
            host_page(lang, &element),
        )
        .expect("the page can be written");
    }
}

/// A fresh emulator and a gateway in front of it serving the pages.
struct Stand {
    emulator: RunningEmulator,
    page: SocketAddr,
    lang: &'static str,
}

impl Stand {
    async fn start(dir: PathBuf, lang: &'static str) -> Self {
        let emulator = jtel_emulator::spawn(Config::default())
            .await
            .expect("emulator starts");
        let page = gateway::start(dir, emulator.base_url(), DEFAULT_TOKEN.to_owned()).await;
        Self {
            emulator,
            page,
            lang,
        }
    }

    fn url(&self, page: &str) -> String {
        format!("http://{}/visual-{page}-{}.html", self.page, self.lang)
    }

    /// Arms `fault` for the next jtel request on `route` (`create`, `setValue`, `list`).
    async fn arm(&self, route: &str, fault: Value) {
        let answer = reqwest::Client::new()
            .post(format!("{}/faults", self.emulator.control_url()))
            .bearer_auth(DEFAULT_TOKEN)
            .json(&json!({ "route": route, "fault": fault, "times": 1 }))
            .send()
            .await
            .expect("emulator answers");
        assert_eq!(answer.status(), 200, "arming {fault}");
    }
}

/// Fixes the viewport at `width` CSS pixels, scale 1.
async fn set_width(client: &Client, width: u32) {
    devtools(
        client,
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": width, "height": 1200, "deviceScaleFactor": 1, "mobile": false }),
    )
    .await;
}

/// The screenshots taken so far: name and verdict.
type Shots = Vec<(String, Verdict)>;

/// Captures the widget `host` as `{widget}-{state}-{width}-{lang}`.
async fn shoot(client: &Client, shots: &mut Shots, host: &str, name: String) {
    let png = element_png(client, host, WIDGET).await;
    let verdict = check(&name, &png);
    shots.push((name, verdict));
}

/// Fills the callback form as a customer does.
async fn fill_callback(client: &Client) {
    type_into(client, FORM, "Sender", "0199 123456789").await;
    type_into(client, FORM, "Subject", "Question about my contract").await;
}

/// The public callback form's states.
async fn event_form(client: &Client, stand: &Stand, width: u32, shots: &mut Shots) {
    let name = |state: &str| format!("event-form-{state}-{width}-{}", stand.lang);

    client.goto(&stand.url("event")).await.unwrap();
    in_widget(client, FORM, "button[type=submit]").await;
    shoot(client, shots, FORM, name("empty")).await;

    click(client, FORM, "button[type=submit]").await;
    in_widget(client, FORM, ".jtel-error").await;
    shoot(client, shots, FORM, name("invalid")).await;

    client.goto(&stand.url("event")).await.unwrap();
    fill_callback(client).await;
    click(client, FORM, "button[type=submit]").await;
    in_widget(client, FORM, ".jtel-success").await;
    shoot(client, shots, FORM, name("created")).await;

    stand
        .arm(
            "create",
            json!({ "kind": "status", "status": 503, "body": "json" }),
        )
        .await;
    client.goto(&stand.url("event")).await.unwrap();
    fill_callback(client).await;
    click(client, FORM, "button[type=submit]").await;
    in_widget(client, FORM, ".jtel-alert").await;
    shoot(client, shots, FORM, name("failed")).await;

    stand.arm("create", json!({ "kind": "hang" })).await;
    client.goto(&stand.url("event")).await.unwrap();
    fill_callback(client).await;
    click(client, FORM, "button[type=submit]").await;
    in_widget(client, FORM, "form[aria-busy=true]").await;
    shoot(client, shots, FORM, name("sending")).await;
}

/// The cockpit variable form's states.
async fn variable_form(client: &Client, stand: &Stand, width: u32, shots: &mut Shots) {
    let name = |state: &str| format!("cockpit-variable-{state}-{width}-{}", stand.lang);
    let (thirty, question) = match stand.lang {
        "de" => ("30 %", "„Overflow Share“ auf 30 % setzen?"),
        _ => ("30%", "Set 'Overflow Share' to 30%?"),
    };

    stand.arm("list", json!({ "kind": "hang" })).await;
    client.goto(&stand.url("variable")).await.unwrap();
    in_widget(client, VARIABLE, ".jtel-widget[aria-busy=true]").await;
    shoot(client, shots, VARIABLE, name("loading")).await;

    client.goto(&stand.url("variable")).await.unwrap();
    in_widget(client, VARIABLE, "input[name=value]").await;
    shoot(client, shots, VARIABLE, name("editing")).await;

    retype(client, VARIABLE, "input[name=value]", "150").await;
    click(client, VARIABLE, "button[type=submit]").await;
    in_widget(client, VARIABLE, ".jtel-error").await;
    shoot(client, shots, VARIABLE, name("invalid")).await;

    propose(client, VARIABLE, "30", question).await;
    shoot(client, shots, VARIABLE, name("confirming")).await;

    confirm(client, VARIABLE).await;
    wait_for_text(client, VARIABLE, ".jtel-cockpit-value", thirty).await;
    shoot(client, shots, VARIABLE, name("set")).await;

    stand
        .arm(
            "setValue",
            json!({ "kind": "status", "status": 503, "body": "json" }),
        )
        .await;
    client.goto(&stand.url("variable")).await.unwrap();
    propose(client, VARIABLE, "40", &question.replace("30", "40")).await;
    confirm(client, VARIABLE).await;
    in_widget(client, VARIABLE, ".jtel-alert").await;
    shoot(client, shots, VARIABLE, name("failed")).await;

    client.goto(&stand.url("read-only")).await.unwrap();
    in_widget(client, VARIABLE, ".jtel-note").await;
    shoot(client, shots, VARIABLE, name("read-only")).await;
}

/// How many pixels one changed letter in the title alters, at the last width checked (the
/// reference is the empty form's).
async fn one_letter_changed(client: &Client, stand: &Stand, width: u32) -> usize {
    client.goto(&stand.url("one-letter")).await.unwrap();
    in_widget(client, FORM, "button[type=submit]").await;
    let png = element_png(client, FORM, WIDGET).await;
    changed_pixels(&format!("event-form-empty-{width}-{}", stand.lang), &png)
}

#[tokio::test(flavor = "multi_thread")]
async fn every_state_of_both_forms_looks_as_its_reference() {
    let dir = deploy(LINKS_SET_FORMS, MetaCsp::Kept);
    for lang in LANGUAGES {
        write_pages(&dir, lang);
    }
    let (shots, one_letter) = with_browser(move |client| async move {
        let mut shots = Shots::new();
        for width in WIDTHS {
            set_width(&client, width).await;
            for lang in LANGUAGES {
                let stand = Stand::start(dir.clone(), lang).await;
                event_form(&client, &stand, width, &mut shots).await;
                variable_form(&client, &stand, width, &mut shots).await;
            }
        }
        let width = WIDTHS[WIDTHS.len() - 1];
        let stand = Stand::start(dir.clone(), "en").await;
        let one_letter = one_letter_changed(&client, &stand, width).await;
        (shots, one_letter)
    })
    .await;

    let mut lines = vec![format!(
        "{} screenshots (2 forms: 5 + 7 states × {} widths × {} languages)",
        shots.len(),
        WIDTHS.len(),
        LANGUAGES.len()
    )];
    lines.push(format!(
        "one letter of the title changed: {one_letter} pixels differ (allowed {CHANGED_PIXELS_ALLOWED})"
    ));
    let mut failures = Vec::new();
    for (name, verdict) in &shots {
        lines.push(format!("{name}: {verdict:?}"));
        if let Verdict::Differs(why) = verdict {
            failures.push(why.clone());
        }
    }
    report::write("visual.txt", &lines.join("\n"));
    assert_eq!(shots.len(), 12 * WIDTHS.len() * LANGUAGES.len());
    assert!(
        one_letter > CHANGED_PIXELS_ALLOWED,
        "one changed letter ({one_letter} pixels) passes as the reference"
    );
    assert!(
        failures.is_empty(),
        "{} of {} screenshots differ from their references:\n{}",
        failures.len(),
        shots.len(),
        failures.join("\n")
    );
}
