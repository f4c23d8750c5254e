//! The widget's CSS holds on any host, in real Chromium: the same event form on a plain page
//! and on a page with Bootstrap 5, the Salesforce Lightning Design System and Tailwind's
//! preflight (their CSS files from the npm registry, `tests/hosts/css`) and
//! `html { font-size: 62.5% }`. Headings, labels, inputs, hints, errors and buttons must have
//! the same computed sizes within 1 px; a read-only field looks read-only; a hidden field is
//! not shown and its prefill is still sent. Prints the sizes
//! (`target/reports/host-css.txt`); with `JTEL_UPDATE_SCREENSHOTS=1` saves both pages'
//! forms for the README.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use fantoccini::{Client, Locator};
use jtel_emulator::{Config, DEFAULT_TOKEN};
use jtel_widgets::jtel_core::model::AcdEvent;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;
use support::widget::{click, in_widget, type_into};
use support::{browser, dist::dist_dir, gateway, jtel, report, screenshots};

const FORM: &str = "jtel-acd-event-form";

/// The CSS files of the frameworks, below `tests/hosts/css/node_modules`.
const FRAMEWORKS: [&str; 3] = [
    "bootstrap/dist/css/bootstrap.min.css",
    "@salesforce-ux/design-system/assets/styles/salesforce-lightning-design-system.min.css",
    "tailwindcss/preflight.css",
];

/// The form on both pages: a public callback form whose CRM link is hidden and whose
/// reference is shown read-only.
const WIDGET: &str = r#"<jtel-acd-event-form base-url="/jtel" group="235" lang="en"
  crm-url="https://crm.example.com/contacts/987654" user-data="987654"
  hidden-fields="CrmURL" read-only="UserData"></jtel-acd-event-form>"#;

/// What is measured: a name and the element inside the form's shadow root.
const MEASURED: [(&str, &str); 9] = [
    ("heading", ".jtel-title"),
    ("label", ".jtel-label"),
    ("input", "[name=Sender]"),
    ("read-only input", "[name=UserData]"),
    ("text area", "[name=Body]"),
    ("hint", ".jtel-hint"),
    ("error", ".jtel-error"),
    ("button", "button[type=submit]"),
    ("form", ".jtel-widget"),
];

/// A page with `head` (stylesheets) holding the form in a 480 px column.
fn page(title: &str, head: &str) -> String {
    format!(
        r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>
{head}
<style>.column {{ width: 480px; }}</style>
<script type="module" src="/jtel-widgets/jtel-widgets-loader.js"></script></head>
<body><main class="column">{WIDGET}</main></body></html>"#
    )
}

/// `tests/hosts/css/node_modules`, installed from the lock file when missing (scripts/test.sh
/// installs it first).
fn frameworks() -> PathBuf {
    let host = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/hosts/css");
    if !host.join("node_modules").exists() {
        let status = Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&host)
            .status()
            .expect("npm is on PATH (scripts/install-tools.sh)");
        assert!(status.success(), "npm ci failed in {}", host.display());
    }
    host.join("node_modules")
}

/// A folder with both pages, the frameworks' CSS and the release build at `/jtel-widgets/`.
fn site(dir: &Path) -> PathBuf {
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir.join("css")).expect("the site's folder");
    std::os::unix::fs::symlink(dist_dir(), dir.join("jtel-widgets")).expect("link the build");
    let modules = frameworks();
    let mut links = String::new();
    for (index, file) in FRAMEWORKS.iter().enumerate() {
        std::fs::copy(modules.join(file), dir.join(format!("css/{index}.css")))
            .unwrap_or_else(|e| panic!("{file}: {e}"));
        links.push_str(&format!(
            r#"<link rel="stylesheet" href="/css/{index}.css">"#
        ));
    }
    let hostile = format!("{links}<style>html {{ font-size: 62.5%; }}</style>");
    std::fs::write(dir.join("plain.html"), page("Plain page", "")).unwrap();
    std::fs::write(dir.join("hostile.html"), page("Hostile CSS", &hostile)).unwrap();
    dir.to_path_buf()
}

/// Per measured element: font size, width and height in CSS pixels (`null` when absent).
async fn sizes(client: &Client) -> Vec<Value> {
    let selectors: Vec<&str> = MEASURED.iter().map(|(_, selector)| *selector).collect();
    let measured = client
        .execute(
            r#"const root = document.querySelector("jtel-acd-event-form").shadowRoot;
               return arguments[0].map((selector) => {
                 const element = root.querySelector(selector);
                 if (!element) return null;
                 const box = element.getBoundingClientRect();
                 return [parseFloat(getComputedStyle(element).fontSize), box.width, box.height];
               });"#,
            vec![serde_json::json!(selectors)],
        )
        .await
        .expect("the form can be measured");
    serde_json::from_value(measured).expect("a list")
}

/// The read-only field's look against an editable one's, and whether the hidden one is there.
async fn looks(client: &Client) -> Value {
    client
        .execute(
            r#"const root = document.querySelector("jtel-acd-event-form").shadowRoot;
               const style = (name) => getComputedStyle(root.querySelector(`[name=${name}]`));
               return {
                 editable: [style("Sender").backgroundColor, style("Sender").borderTopStyle],
                 readOnly: [style("UserData").backgroundColor, style("UserData").borderTopStyle],
                 readOnlyProperty: root.querySelector("[name=UserData]").readOnly,
                 crmUrlShown: root.querySelector("[name=CrmURL]") !== null,
               };"#,
            vec![],
        )
        .await
        .expect("the form can be read")
}

/// Opens `url`, submits the empty form (so errors show) and returns its sizes and looks.
async fn measure(client: &Client, url: &str, screenshot: &str) -> (Vec<Value>, Value) {
    client.goto(url).await.expect("page loads");
    click(client, FORM, "button[type=submit]").await;
    in_widget(client, FORM, ".jtel-error").await;
    let column = client.find(Locator::Css("main")).await.expect("the column");
    screenshots::save(&column, screenshot).await;
    (sizes(client).await, looks(client).await)
}

#[tokio::test(flavor = "multi_thread")]
async fn the_form_keeps_its_sizes_under_bootstrap_slds_tailwind_and_a_small_root_font() {
    let emulator = jtel_emulator::spawn(Config::default())
        .await
        .expect("emulator starts");
    let dir = site(&std::env::temp_dir().join(format!("jtel-host-css-{}", std::process::id())));
    let addr = gateway::start(dir.clone(), emulator.base_url(), DEFAULT_TOKEN.to_owned()).await;
    let (plain, hostile) = (
        format!("http://{addr}/plain.html"),
        format!("http://{addr}/hostile.html"),
    );
    let (plain_sizes, plain_looks, hostile_sizes, hostile_looks) =
        browser::with_browser(move |client| async move {
            let (plain_sizes, plain_looks) = measure(&client, &plain, "host-css-plain").await;
            let (hostile_sizes, hostile_looks) =
                measure(&client, &hostile, "host-css-hostile").await;
            // The hidden CRM link's prefill is still sent.
            type_into(&client, FORM, "Sender", "0199 123456789").await;
            type_into(&client, FORM, "Subject", "Sent from a hostile page").await;
            click(&client, FORM, "button[type=submit]").await;
            in_widget(&client, FORM, ".jtel-success-text").await;
            (plain_sizes, plain_looks, hostile_sizes, hostile_looks)
        })
        .await;
    let _ = std::fs::remove_dir_all(&dir);

    let mut table = vec![format!(
        "{:<16} {:>22} {:>22} {:>9}",
        "element", "plain (font w h)", "hostile (font w h)", "max diff"
    )];
    let mut worst = 0.0_f64;
    for (((name, _), plain), hostile) in MEASURED.iter().zip(&plain_sizes).zip(&hostile_sizes) {
        let numbers = |value: &Value| -> Vec<f64> {
            value
                .as_array()
                .unwrap_or_else(|| panic!("{name} is missing"))
                .iter()
                .map(|number| number.as_f64().unwrap())
                .collect()
        };
        let (plain, hostile) = (numbers(plain), numbers(hostile));
        let diff = plain
            .iter()
            .zip(&hostile)
            .map(|(a, b)| (a - b).abs())
            .fold(0.0, f64::max);
        worst = worst.max(diff);
        let shown = |v: &[f64]| format!("{:.1} {:.1} {:.1}", v[0], v[1], v[2]);
        table.push(format!(
            "{name:<16} {:>22} {:>22} {diff:>9.2}",
            shown(&plain),
            shown(&hostile)
        ));
    }
    let text = format!(
        "Computed sizes (CSS px) of the event form after an empty submit, on a plain page and on \
         one with Bootstrap 5, SLDS, Tailwind's preflight and html {{ font-size: 62.5% }}:\n{}\n",
        table.join("\n")
    );
    print!("{text}");
    report::write("host-css.txt", &text);
    assert!(worst <= 1.0, "sizes differ by up to {worst} px:\n{text}");

    for looks in [&plain_looks, &hostile_looks] {
        assert_eq!(looks["readOnlyProperty"], true, "{looks}");
        assert_eq!(looks["readOnly"][1], "dashed", "{looks}");
        assert_eq!(looks["editable"][1], "solid", "{looks}");
        assert_ne!(looks["readOnly"][0], looks["editable"][0], "{looks}");
        assert_eq!(looks["crmUrlShown"], false, "{looks}");
    }
    let events: Vec<AcdEvent> = jtel::records(&emulator.base_url(), "acd/events").await;
    let sent = events
        .iter()
        .find(|event| event.subject.as_deref() == Some("Sent from a hostile page"))
        .expect("the event was created");
    assert_eq!(
        sent.crm_url.as_deref(),
        Some("https://crm.example.com/contacts/987654")
    );
    assert_eq!(sent.user_data.as_deref(), Some("987654"));
}
