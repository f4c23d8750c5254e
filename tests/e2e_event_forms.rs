//! End to end: users fill in the served demo page in a real Chromium — a custom element, a
//! form mounted from JavaScript, pickers and the iframe page — and one ACD event of every kind
//! arrives at the jtel server (the emulator), through a gateway that holds the token.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use fantoccini::{Client, Locator};
use jtel_emulator::{Config, RunningEmulator, DEFAULT_TOKEN};
use jtel_widgets::jtel_core::model::AcdEvent;
use std::net::SocketAddr;
use support::browser::{fetched_paths, run_page_module, with_browser, Engine};
use support::deployment::{deploy, MetaCsp, LINKS_SET_FORMS};
use support::dist::{dist_dir, file_name, versioned_path};
use support::readme::{snippet_in, Page, MOUNT, OWN_ORIGIN};
use support::widget::{all_in_widget, choose, in_widget, type_into, widget_text};
use support::{gateway, jtel, screenshots};

/// The emulator and the demo page in front of it.
struct Stand {
    emulator: RunningEmulator,
    page: SocketAddr,
}

impl Stand {
    async fn start() -> Self {
        let emulator = jtel_emulator::spawn(Config::default())
            .await
            .expect("emulator starts");
        let page = gateway::start(
            deploy(LINKS_SET_FORMS, MetaCsp::Kept),
            emulator.base_url(),
            DEFAULT_TOKEN.to_owned(),
        )
        .await;
        Self { emulator, page }
    }

    fn url(&self, path: &str) -> String {
        format!("http://{}/{path}", self.page)
    }

    async fn events(&self) -> Vec<AcdEvent> {
        Self::events_at(&self.emulator.base_url()).await
    }

    /// The events the emulator at `base_url` holds.
    async fn events_at(base_url: &str) -> Vec<AcdEvent> {
        jtel::records(base_url, "acd/events").await
    }
}

async fn submit_and_confirm(client: &Client, host: &str) -> String {
    in_widget(client, host, "button[type=submit]")
        .await
        .click()
        .await
        .expect("click submit");
    in_widget(client, host, ".jtel-success-text")
        .await
        .text()
        .await
        .expect("confirmation text")
}

#[tokio::test(flavor = "multi_thread")]
async fn one_event_of_every_kind_is_created_from_the_demo_page() {
    let stand = Stand::start().await;
    let before = stand.events().await.len();
    let (index, frame) = (
        stand.url(""),
        stand.url(
            "frame.html?widget=acd-event-form&event-type=sms&group=235&receiver=4919900112233",
        ),
    );

    with_browser(move |client| async move {
        client.goto(&index).await.expect("page loads");
        in_widget(&client, "#agent-form", "[name=AcdGroupsID]").await;
        in_widget(&client, "#ticket", "[name=Subject]").await;
        in_widget(&client, "#variable", ".jtel-cockpit-value").await;
        in_widget(&client, "#variables", ".jtel-cockpit-row-button").await;
        for (host, name) in [
            ("#callback", "callback-form"),
            ("#ticket", "ticket-form-de"),
            ("#agent-form", "pickers-form"),
            ("#variable", "cockpit-variable"),
            ("#variables", "cockpit-variables"),
        ] {
            screenshots::save(&client.find(Locator::Css(host)).await.unwrap(), name).await;
        }
        screenshots::save(
            &client.find(Locator::Css("body")).await.unwrap(),
            "demo-page",
        )
        .await;

        // A callback through the custom element, its subject composed from the template.
        type_into(&client, "#callback", "Sender", "(0199) 123 456 789").await;
        type_into(&client, "#callback", "Body", "About my invoice").await;
        let confirmation = submit_and_confirm(&client, "#callback").await;
        assert!(
            confirmation.contains("(reference 1"),
            "the created event's id is shown: {confirmation}"
        );
        screenshots::save(
            &client.find(Locator::Css("#callback")).await.unwrap(),
            "callback-created",
        )
        .await;
        let log = client
            .find(Locator::Id("events"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            log.starts_with("jtel-created: {\"ID\":1"),
            "the host page heard of it: {log}"
        );

        // A ticket through the form mounted from JavaScript (German, sender read-only).
        type_into(&client, "#ticket", "Subject", "Rechnung 4711 falsch").await;
        let confirmation = submit_and_confirm(&client, "#ticket").await;
        assert!(
            confirmation.starts_with("Das Ticket wurde angelegt"),
            "{confirmation}"
        );

        // Voice mail, fax and e-mail through the pickers, routed to agent 3.
        for (kind, sender, receiver) in [
            ("Voice", "0199 2223334", Some("Hotline")),
            ("Fax", "+49 199 5556667", Some("Sales")),
            ("E-mail", "kunde@example.com", None),
        ] {
            choose(&client, "#agent-form", "AcdEventTypesID", kind).await;
            if kind == "Voice" {
                type_into(&client, "#agent-form", "AcdGroupsID", "s").await;
                screenshots::save(
                    &client.find(Locator::Css("#agent-form")).await.unwrap(),
                    "picker-open",
                )
                .await;
                type_into(&client, "#agent-form", "AcdGroupsID", "\u{E00C}").await;
                // Escape
            }
            choose(&client, "#agent-form", "AcdGroupsID", "Customer").await;
            choose(&client, "#agent-form", "UsersID", "jdoe").await;
            type_into(&client, "#agent-form", "Sender", sender).await;
            match receiver {
                Some(service) => choose(&client, "#agent-form", "Receiver", service).await,
                None => type_into(&client, "#agent-form", "Receiver", "support@example.com").await,
            }
            type_into(
                &client,
                "#agent-form",
                "Subject",
                &format!("{kind} from the CRM"),
            )
            .await;
            submit_and_confirm(&client, "#agent-form").await;
            in_widget(&client, "#agent-form", ".jtel-success button")
                .await
                .click()
                .await
                .unwrap();
        }

        // An SMS through the standalone iframe page.
        client.goto(&frame).await.expect("frame page loads");
        in_widget(&client, "jtel-acd-event-form", "[name=Sender]").await;
        screenshots::save(
            &client.find(Locator::Css("body")).await.unwrap(),
            "iframe-sms",
        )
        .await;
        type_into(&client, "jtel-acd-event-form", "Sender", "0199 7778889").await;
        type_into(&client, "jtel-acd-event-form", "Subject", "SMS reply").await;
        submit_and_confirm(&client, "jtel-acd-event-form").await;
    })
    .await;

    let events = stand.events().await;
    let created = &events[before..];
    let kinds: Vec<Option<i64>> = created
        .iter()
        .map(|event| event.acd_event_types_id)
        .collect();
    assert_eq!(
        kinds,
        vec![Some(3), Some(6), Some(1), Some(2), Some(5), Some(4)],
        "one event of every kind, in order"
    );

    let callback = &created[0];
    assert_eq!(
        callback.sender.as_deref(),
        Some("49199123456789"),
        "normalised with country code 49"
    );
    assert_eq!(
        callback.subject.as_deref(),
        Some("Callback request from 49199123456789")
    );
    assert_eq!(callback.receiver.as_deref(), Some("4919900112233"));
    assert_eq!(callback.body.as_deref(), Some("About my invoice"));
    assert_eq!(
        callback.crm_url.as_deref(),
        Some("https://crm.example.com/contacts/987654")
    );
    assert_eq!(callback.users_id, None, "the group queue");

    let ticket = &created[1];
    assert_eq!(
        (ticket.sender.as_deref(), ticket.user_data.as_deref()),
        (Some("erika@example.com"), Some("TCK-4711"))
    );
    assert_eq!(ticket.body, None);

    for picked in &created[2..5] {
        assert_eq!(
            (picked.acd_groups_id, picked.users_id),
            (Some(235), Some(3)),
            "{picked:?}"
        );
    }
    assert_eq!(created[2].receiver.as_deref(), Some("4919900112233"));
    assert_eq!(created[3].sender.as_deref(), Some("491995556667"));
    assert_eq!(created[3].receiver.as_deref(), Some("4919900445566"));
    assert_eq!(created[4].receiver.as_deref(), Some("support@example.com"));
    assert_eq!(created[5].sender.as_deref(), Some("491997778889"));
}

#[tokio::test(flavor = "multi_thread")]
async fn invalid_input_never_reaches_jtel_and_stays_on_the_page() {
    let stand = Stand::start().await;
    let before = stand.events().await.len();
    let index = stand.url("");

    with_browser(move |client| async move {
        client.goto(&index).await.expect("page loads");
        type_into(&client, "#callback", "Sender", "call me maybe").await;
        in_widget(&client, "#callback", "button[type=submit]")
            .await
            .click()
            .await
            .unwrap();
        in_widget(&client, "#callback", ".jtel-error").await;
        screenshots::save(
            &client.find(Locator::Css("#callback")).await.unwrap(),
            "callback-errors",
        )
        .await;
        let sender = in_widget(&client, "#callback", "[name=Sender]").await;
        assert_eq!(
            sender.attr("aria-invalid").await.unwrap().as_deref(),
            Some("true")
        );
        assert_eq!(
            sender.prop("value").await.unwrap().as_deref(),
            Some("call me maybe")
        );
        let error = in_widget(&client, "#callback", ".jtel-error")
            .await
            .text()
            .await
            .unwrap();
        assert!(error.contains("cannot contain letters"), "{error}");
    })
    .await;

    assert_eq!(stand.events().await.len(), before, "nothing was sent");
}

#[tokio::test(flavor = "multi_thread")]
async fn direct_mode_sends_the_token_the_host_page_gives() {
    let emulator = jtel_emulator::spawn(Config::default())
        .await
        .expect("emulator starts");
    let base_url = emulator.base_url();
    // This gateway adds no token: only what the widget itself sends reaches jtel.
    let page = gateway::start_pass_through(dist_dir(), base_url.clone()).await;
    let before = Stand::events_at(&base_url).await.len();

    with_browser(move |client| async move {
        client
            .goto(&format!("http://{page}/"))
            .await
            .expect("page loads");
        type_into(&client, "#callback", "Sender", "0199 123456789").await;

        let set_token = |token: &'static str| {
            let client = client.clone();
            async move {
                let script =
                    format!("document.getElementById('callback').setAttribute('token', '{token}')");
                client
                    .execute(&script, vec![])
                    .await
                    .expect("the host page sets the token");
            }
        };
        set_token("wrong-token").await;
        in_widget(&client, "#callback", "button[type=submit]")
            .await
            .click()
            .await
            .unwrap();
        let alert = in_widget(&client, "#callback", "[role=alert]")
            .await
            .text()
            .await
            .unwrap();
        assert!(alert.contains("denied this form access"), "{alert}");
        assert_eq!(
            in_widget(&client, "#callback", "[name=Sender]")
                .await
                .prop("value")
                .await
                .unwrap()
                .as_deref(),
            Some("0199 123456789"),
            "the input survives a refused request"
        );

        set_token(DEFAULT_TOKEN).await;
        let confirmation = submit_and_confirm(&client, "#callback").await;
        assert!(confirmation.contains("(reference 1"), "{confirmation}");
    })
    .await;

    assert_eq!(
        Stand::events_at(&base_url).await.len(),
        before + 1,
        "only the request with the right token created an event"
    );
}

#[test]
fn the_built_page_does_not_contain_the_token() {
    let dist = dist_dir();
    let mut checked = 0;
    for entry in walk(&dist) {
        let bytes = std::fs::read(&entry).unwrap();
        assert!(
            !bytes
                .windows(DEFAULT_TOKEN.len())
                .any(|w| w == DEFAULT_TOKEN.as_bytes()),
            "{} contains the token",
            entry.display()
        );
        checked += 1;
    }
    assert!(
        checked >= 5,
        "only {checked} files checked in {}",
        dist.display()
    );
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(dir)
        .expect("dist exists")
        .flat_map(|entry| {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path)
            } else {
                vec![path]
            }
        })
        .collect()
}

/// `bundle-check.js`, a module of the contact page: which elements the one-form bundle
/// defines, and what mounting a cockpit widget from it says.
const BUNDLE_CHECK: (&str, &str) = (
    "bundle-check.js",
    r#"
import * as bundle from "/jtel-acd-event-form-loader.js";
await bundle.ready;
let error = "";
try { bundle.mount(document.createElement("div"), { widget: "cockpit-variable" }); }
catch (e) { error = String(e.message); }
window.bundleCheck = [!!customElements.get("jtel-acd-event-form"),
                      !!customElements.get("jtel-cockpit-variable"), error];
window.jtelModuleDone = true;
"#,
);

#[tokio::test(flavor = "multi_thread")]
async fn the_one_form_bundle_creates_a_callback_and_loads_nothing_else() {
    let stand = Stand::start().await;
    let served = deploy(LINKS_SET_FORMS, MetaCsp::Kept);
    std::fs::write(served.join(BUNDLE_CHECK.0), BUNDLE_CHECK.1).expect("the module is written");
    let before = stand.events().await.len();
    let page = stand.url("contact.html");
    with_browser(move |client| async move {
        client.goto(&page).await.expect("contact page loads");
        // A public page: the visitor sees no CRM link or CRM reference (hidden-fields).
        in_widget(&client, "#contact-callback", "[name=Sender]").await;
        let mut shown = Vec::new();
        for field in all_in_widget(&client, "#contact-callback", "[name]").await {
            shown.push(field.attr("name").await.unwrap().unwrap_or_default());
        }
        assert_eq!(shown, ["Sender", "Subject", "Body"]);
        type_into(&client, "#contact-callback", "Sender", "0199 3334445").await;
        type_into(&client, "#contact-callback", "Subject", "Question about my order").await;
        let confirmation = submit_and_confirm(&client, "#contact-callback").await;
        assert!(confirmation.contains("(reference 1"), "{confirmation}");

        let loaded = fetched_paths(&client).await;
        // Once each: the page's preload hints are what the loader then uses. Except in WebKit,
        // whose fetch() never takes a `preload as="fetch"` response: the wasm comes twice
        // there (docs/engines.md).
        let wasm_fetches = if Engine::current() == Engine::WebKit { 2 } else { 1 };
        for (file, times) in [
            ("jtel-acd-event-form.js", 1),
            ("jtel-acd-event-form_bg.wasm", wasm_fetches),
        ] {
            let file = versioned_path(file);
            assert_eq!(
                loaded.iter().filter(|path| **path == file).count(),
                times,
                "{file} is fetched {times} time(s): {loaded:?}"
            );
        }
        assert!(
            !loaded
                .iter()
                .any(|path| file_name(path).starts_with("jtel-widgets")),
            "nothing of the full bundle was loaded: {loaded:?}"
        );

        // Only the event form is defined; mounting another widget says why it cannot.
        run_page_module(&client, BUNDLE_CHECK.0, serde_json::Value::Null).await;
        let answer = client
            .execute("return window.bundleCheck;", vec![])
            .await
            .unwrap();
        assert_eq!(
            answer,
            serde_json::json!([
                true,
                false,
                "this bundle does not hold the widget \"cockpit-variable\"; load jtel-widgets-loader.js for every widget"
            ])
        );
    })
    .await;
    let events = stand.events().await;
    let created = &events[before..];
    assert_eq!(created.len(), 1, "exactly one event: {created:?}");
    assert_eq!(created[0].acd_event_types_id, Some(3));
    assert_eq!(created[0].sender.as_deref(), Some("491993334445"));
}

/// A CRM page holding docs/install.md's snippets for the page's own origin as they are: the
/// loader tag, the custom elements with every option in use and their staff credentials, and
/// the `mount()` call; with the CRM objects they name, and a log of configuration notices.
fn install_page() -> String {
    let loader = snippet_in(Page::Install, OWN_ORIGIN, "html", "jtel-widgets-loader.js");
    let elements = snippet_in(Page::Install, OWN_ORIGIN, "html", "<jtel-acd-event-form");
    let mount = snippet_in(Page::Install, MOUNT, "js", "mount(");
    format!(
        r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>CRM</title></head><body>
<script>
  const crm = {{ jtelToken: () => "staff-token-of-the-crm" }};
  const crmRecord = {{ email: "erika@example.com", ticketNumber: "TCK-4711" }};
  window.configErrors = [];
  document.addEventListener("jtel-config-error", (event) => configErrors.push(event.detail));
</script>
{loader}
{elements}
<div id="ticket"></div>
<script type="module">
{mount}
window.mountOutcome = outcome;
</script>
</body></html>"#
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn the_install_pages_snippets_run_in_a_crm_page() {
    let emulator = jtel_emulator::spawn(Config::default())
        .await
        .expect("emulator starts");
    let pages = std::env::temp_dir().join(format!("jtel-install-page-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&pages);
    std::fs::create_dir_all(&pages).unwrap();
    std::fs::write(pages.join("crm.html"), install_page()).unwrap();
    // The snippets load the widgets from /jtel-widgets/, as docs/install.md serves them.
    std::os::unix::fs::symlink(dist_dir(), pages.join("jtel-widgets")).unwrap();
    let (page, _) = gateway::start_logged(
        dist_dir(),
        pages,
        emulator.base_url(),
        DEFAULT_TOKEN.to_owned(),
        None,
    )
    .await;
    let before = Stand::events_at(&emulator.base_url()).await.len();
    let form = "jtel-acd-event-form";

    with_browser(move |client| async move {
        client
            .goto(&format!("http://{page}/crm.html"))
            .await
            .expect("page loads");
        // The mount() snippet submits a ticket without a subject, then destroys its form.
        let outcome = wait_for_script(&client, "return window.mountOutcome ?? null").await;
        assert_eq!(
            (&outcome["status"], &outcome["fields"][0]["field"]),
            (&serde_json::json!("invalid"), &serde_json::json!("Subject")),
            "{outcome}"
        );
        assert!(
            all_in_widget(&client, "#ticket", "input").await.is_empty(),
            "destroy() removed the mounted form: {:?}",
            widget_text(&client, "#ticket").await
        );

        in_widget(&client, "jtel-cockpit-variable", ".jtel-cockpit-value").await;
        in_widget(
            &client,
            "jtel-cockpit-variables",
            ".jtel-cockpit-row-button",
        )
        .await;
        let sender = in_widget(&client, form, "[name=Sender]").await;
        assert_eq!(
            sender.prop("value").await.unwrap().as_deref(),
            Some("0199 123456789")
        );
        assert!(
            sender.attr("readonly").await.unwrap().is_some(),
            "read-only=\"Sender\""
        );
        let confirmation = submit_and_confirm(&client, form).await;
        assert!(
            confirmation.contains("(Referenz 1"),
            "German: {confirmation}"
        );
        assert_eq!(
            client
                .execute("return window.configErrors", vec![])
                .await
                .unwrap(),
            serde_json::json!([]),
            "every option in the snippets is one the widgets take"
        );
    })
    .await;

    let events = Stand::events_at(&emulator.base_url()).await;
    let created = &events[before..];
    assert_eq!(created.len(), 1, "only the callback was sent: {created:?}");
    let callback = &created[0];
    assert_eq!(callback.acd_event_types_id, Some(3));
    assert_eq!(callback.sender.as_deref(), Some("49199123456789"));
    assert_eq!(callback.receiver.as_deref(), Some("4919900112233"));
    assert_eq!(callback.acd_groups_id, Some(235));
    assert_eq!(callback.user_data.as_deref(), Some("987654"));
    assert_eq!(
        callback.subject.as_deref(),
        Some("Callback request from 49199123456789")
    );
}

/// Runs `script` until it returns something other than `null` (up to ten seconds).
async fn wait_for_script(client: &Client, script: &str) -> serde_json::Value {
    for _ in 0..100 {
        let value = client.execute(script, vec![]).await.expect("script runs");
        if !value.is_null() {
            return value;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("{script} stayed null");
}
