//! End to end from real host apps built from the npm package: the release build is packed by
//! `scripts/npm-package.sh`, and the tarball is installed (`npm install --no-save`, after `npm
//! ci` from each app's lock file) into three TypeScript apps in `tests/hosts/`: React 19 and
//! Vue 3 built with Vite, and a plain DOM app built with webpack 5 that uses `mount()` from the
//! one-widget entry. Each app is type-checked with `tsc --noEmit` against the package's
//! declarations and built by its bundler, which copies the wasm. The agent then switches
//! between two CRM records and changes group, event type, agent and language before and after
//! typing; after every switch the event the jtel emulator created is checked (type, group,
//! agent, sender, subject, user data), the app's own `jtel-created` listener shows its id, and
//! a typed but unsent draft follows its record. The webpack app also frames the iframe page
//! (`frame.html`, served beside it with a deployment that lists the app's origin) and imports
//! the package's host helper (`jtel-widgets/frame-host`): the iframe is sized to the page's
//! content, which the app's typed `jtel-resize` listener shows.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use fantoccini::{Client, Locator};
use jtel_emulator::{Config, RunningEmulator, DEFAULT_TOKEN};
use jtel_widgets::jtel_core::model::AcdEvent;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::time::Duration;
use support::browser::with_browser;
use support::deployment::{add_page, deploy, MetaCsp};
use support::widget::{all_in_widget, in_widget, type_into, wait_for_text};
use support::{dist::dist_dir, gateway, jtel, report};

const FORM: &str = "#crm-form";

/// The npm package packed from the release build, once per test binary.
fn tarball() -> &'static Path {
    static TARBALL: OnceLock<PathBuf> = OnceLock::new();
    TARBALL.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let output = Command::new(root.join("scripts/npm-package.sh"))
            .arg(dist_dir())
            .output()
            .expect("scripts/npm-package.sh runs");
        assert!(
            output.status.success(),
            "scripts/npm-package.sh failed:\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let stdout = String::from_utf8(output.stdout).expect("a UTF-8 path");
        PathBuf::from(stdout.lines().last().expect("the tarball's path").trim())
    })
}

/// The host app `name` (`react`, `vue`, `webpack`) with the packed package installed,
/// type-checked and built into `target/hosts/{name}`. Installs its other npm packages with
/// `npm ci` when missing.
fn host_site(name: &str) -> PathBuf {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let app = root.join("tests/hosts").join(name);
    if !app.join("node_modules").exists() {
        npm(&app, &["ci", "--no-audit", "--no-fund"]);
    }
    // Not saved: the lock file stays as committed, so `npm ci` stays reproducible. The old
    // copy goes first: npm may keep an installed package of the same name and version.
    let _ = std::fs::remove_dir_all(app.join("node_modules/jtel-widgets"));
    let tarball = tarball().to_str().expect("a UTF-8 path");
    npm(
        &app,
        &["install", "--no-save", "--no-audit", "--no-fund", tarball],
    );
    let site = root.join("target/hosts").join(name);
    // `tsc --noEmit`, then the bundler.
    npm(
        &app,
        &[
            "run",
            "build",
            "--",
            "--outDir",
            site.to_str().expect("a UTF-8 path"),
        ],
    );
    site
}

fn npm(dir: &Path, args: &[&str]) {
    let status = Command::new("npm")
        .args(args)
        .current_dir(dir)
        .status()
        .expect("npm is on PATH (scripts/install-tools.sh installs Node.js tools)");
    assert!(status.success(), "npm {args:?} failed in {}", dir.display());
}

/// What one created event must hold.
#[derive(Debug, Clone, PartialEq)]
struct Expected {
    kind: i64,
    group: i64,
    agent: Option<i64>,
    sender: &'static str,
    subject: &'static str,
    user_data: &'static str,
}

impl Expected {
    fn matches(&self, event: &AcdEvent) -> bool {
        event.acd_event_types_id == Some(self.kind)
            && event.acd_groups_id == Some(self.group)
            && event.users_id == self.agent
            && event.sender.as_deref() == Some(self.sender)
            && event.subject.as_deref() == Some(self.subject)
            && event.user_data.as_deref() == Some(self.user_data)
    }
}

/// The app in a browser and the emulator behind it.
struct Run<'a> {
    client: &'a Client,
    emulator_url: String,
    /// One line per step: what was switched and what was created.
    log: Vec<String>,
}

impl Run<'_> {
    async fn click(&self, id: &str) {
        self.client
            .find(Locator::Id(id))
            .await
            .unwrap_or_else(|e| panic!("no #{id}: {e}"))
            .click()
            .await
            .unwrap();
    }

    async fn choose(&self, select: &str, value: &str) {
        self.client
            .find(Locator::Id(select))
            .await
            .unwrap_or_else(|e| panic!("no #{select}: {e}"))
            .select_by_value(value)
            .await
            .unwrap_or_else(|e| panic!("cannot choose {value:?} in #{select}: {e}"));
    }

    async fn field(&self, name: &str) -> String {
        in_widget(self.client, FORM, &format!("[name={name}]"))
            .await
            .prop("value")
            .await
            .unwrap()
            .unwrap_or_default()
    }

    async fn events(&self) -> Vec<AcdEvent> {
        jtel::records(&self.emulator_url, "acd/events").await
    }

    /// Waits (up to ten seconds) until the app's own `jtel-created` listener shows `expected`.
    async fn app_saw_created(&self, expected: &str) {
        let mut shown = String::new();
        for _ in 0..100 {
            shown = self
                .client
                .find(Locator::Id("created"))
                .await
                .expect("the app shows what it heard in #created")
                .text()
                .await
                .unwrap_or_default();
            if shown == expected {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("the app's jtel-created listener should show {expected:?}, shows {shown:?}");
    }

    /// Submits, waits for the confirmation, checks the one new event and starts a new request.
    async fn submit_and_check(&mut self, step: &str, expected: Expected) {
        let before = self.events().await.len();
        in_widget(self.client, FORM, "button[type=submit]")
            .await
            .click()
            .await
            .unwrap();
        in_widget(self.client, FORM, ".jtel-success-text").await;
        let events = self.events().await;
        let created = &events[before..];
        assert_eq!(created.len(), 1, "{step}: exactly one event: {created:?}");
        assert!(
            expected.matches(&created[0]),
            "{step}: expected {expected:?}, created {:?}",
            created[0]
        );
        let id = created[0].id.expect("jtel gives the event an id");
        self.app_saw_created(&format!("Created event {id}")).await;
        self.log.push(format!(
            "| {step} | type {}, group {}, agent {:?}, sender {}, subject \"{}\", user data {} | correct |",
            expected.kind, expected.group, expected.agent, expected.sender, expected.subject, expected.user_data
        ));
        in_widget(self.client, FORM, ".jtel-success button")
            .await
            .click()
            .await
            .unwrap();
    }
}

/// Drives the CRM app at `url` through every switch; returns the report lines.
async fn drive(client: &Client, url: String, emulator_url: String) -> Vec<String> {
    client.goto(&url).await.expect("the host app loads");
    let mut run = Run {
        client,
        emulator_url,
        log: Vec::new(),
    };
    in_widget(client, FORM, "[name=Subject]").await;
    assert_eq!(
        run.field("Sender").await,
        "0199 1111111",
        "record A's prefill"
    );

    // Record A: typed first, then the host moves the callback to group 236.
    type_into(client, FORM, "Subject", "A: first call").await;
    run.choose("group", "236").await;
    run.submit_and_check(
        "A, group 235 → 236 after typing",
        Expected {
            kind: 3,
            group: 236,
            agent: None,
            sender: "491991111111",
            subject: "A: first call",
            user_data: "CUST-A",
        },
    )
    .await;

    // Record B: ticket to agent 3, set before typing.
    run.click("record-B").await;
    run.choose("eventType", "ticket").await;
    run.choose("agent", "3").await;
    wait_for_text(client, FORM, "h2", "New ticket").await;
    assert_eq!(
        run.field("Sender").await,
        "0199 2222222",
        "record B's prefill"
    );
    type_into(client, FORM, "Subject", "B: ticket").await;
    run.submit_and_check(
        "switch to B, ticket + agent 3 before typing",
        Expected {
            kind: 6,
            group: 236,
            agent: Some(3),
            sender: "0199 2222222",
            subject: "B: ticket",
            user_data: "CUST-B",
        },
    )
    .await;

    // Record A again: an unsent draft stays with A while the agent looks at B.
    run.click("record-A").await;
    type_into(client, FORM, "Subject", "A: unsent").await;
    run.click("record-B").await;
    assert_eq!(run.field("Sender").await, "0199 2222222");
    assert_eq!(
        run.field("Subject").await,
        "",
        "nothing typed for A shows on B"
    );
    run.click("record-A").await;
    assert_eq!(run.field("Subject").await, "A: unsent", "A's draft is back");
    run.choose("lang", "de").await;
    run.choose("agent", "4").await;
    run.choose("eventType", "callback").await;
    wait_for_text(client, FORM, "h2", "Rückruf anfordern").await;
    assert_eq!(
        run.field("Subject").await,
        "A: unsent",
        "typed text survives"
    );
    run.submit_and_check(
        "back to A (draft restored), German + agent 4 + callback after typing",
        Expected {
            kind: 3,
            group: 236,
            agent: Some(4),
            sender: "491991111111",
            subject: "A: unsent",
            user_data: "CUST-A",
        },
    )
    .await;

    // Record B: group queue 235 in English, set before typing.
    run.click("record-B").await;
    run.choose("group", "235").await;
    run.choose("agent", "").await;
    run.choose("lang", "en").await;
    wait_for_text(client, FORM, "h2", "Request a callback").await;
    type_into(client, FORM, "Subject", "B: callback").await;
    run.submit_and_check(
        "switch to B, group 235 + queue + English before typing",
        Expected {
            kind: 3,
            group: 235,
            agent: None,
            sender: "491992222222",
            subject: "B: callback",
            user_data: "CUST-B",
        },
    )
    .await;
    run.log
}

/// Waits (up to 20 s) until the webpack app's iframe is as tall as the form the iframe page
/// shows, as the app's `jtel-resize` listener reports it; returns the report line.
async fn frame_fits(client: &Client) -> String {
    let mut last = (String::new(), None, None);
    for _ in 0..400 {
        let shown = client
            .find(Locator::Id("frame-height"))
            .await
            .expect("the app shows the frame's height in #frame-height")
            .text()
            .await
            .unwrap_or_default();
        let inner = client
            .execute(
                "return document.getElementById('crm-frame').clientHeight;",
                vec![],
            )
            .await
            .expect("the iframe's height")
            .as_f64();
        client
            .find(Locator::Id("crm-frame"))
            .await
            .expect("the app's iframe")
            .enter_frame()
            .await
            .expect("the iframe can be entered");
        let rendered = !all_in_widget(client, "jtel-acd-event-form", "[name=Sender]")
            .await
            .is_empty();
        let content = client
            .execute(
                "return Math.ceil(document.documentElement.getBoundingClientRect().height);",
                vec![],
            )
            .await
            .expect("the frame's content height")
            .as_f64();
        client.enter_parent_frame().await.expect("back to the app");
        if let (true, Some(height)) = (rendered, content) {
            if inner == content && shown == format!("Frame content {height} px") {
                return format!(
                    "| the iframe page beside the form, host helper from the package | iframe {height} px, its content {height} px, the app heard \"{shown}\" | correct |"
                );
            }
        }
        last = (shown, inner, content);
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the app's iframe never fitted the iframe page: (shown, iframe, content) = {last:?}");
}

async fn host_app_follows_every_switch(name: &'static str) {
    let site = tokio::task::spawn_blocking(move || host_site(name))
        .await
        .expect("the host app builds");
    let emulator: RunningEmulator = jtel_emulator::spawn(Config::default())
        .await
        .expect("emulator starts");
    let framed = name == "webpack";
    // The site holds only the app's own files: the bundler copied the widget's. The webpack
    // app's iframe page comes from the release build, listing the app's origin (known once
    // the site listens) in its deployment's parent-origins.
    let page = if framed {
        let release = deploy(r#"{"base-url": "/jtel"}"#, MetaCsp::Kept);
        let (page, _) = gateway::start_logged(
            release.clone(),
            site,
            emulator.base_url(),
            DEFAULT_TOKEN.to_owned(),
            None,
        )
        .await;
        let deployment = format!(r#"{{"base-url": "/jtel", "parent-origins": ["http://{page}"]}}"#);
        add_page(&release, "frame.html", &deployment);
        page
    } else {
        gateway::start(site, emulator.base_url(), DEFAULT_TOKEN.to_owned()).await
    };
    let (url, emulator_url) = (format!("http://{page}/"), emulator.base_url());
    let log = with_browser(move |client| async move {
        let mut log = drive(&client, url, emulator_url).await;
        if framed {
            log.push(frame_fits(&client).await);
        }
        log
    })
    .await;
    report::write(
        &format!("host-{name}.md"),
        &format!(
            "{name} host (from the npm package): one event per switch\n\n| switch | created | verdict |\n|---|---|---|\n{}\n",
            log.join("\n")
        ),
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_react_19_app_drives_the_form_through_record_and_routing_switches() {
    host_app_follows_every_switch("react").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_vue_3_app_drives_the_form_through_record_and_routing_switches() {
    host_app_follows_every_switch("vue").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_webpack_app_drives_mount_through_record_and_routing_switches() {
    host_app_follows_every_switch("webpack").await;
}
