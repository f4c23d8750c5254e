//! End to end through the production deployment (real Chromium → nginx → the jtel gateway →
//! the jtel emulator, started by `scripts/gateway.sh`), as a CRM embeds the staff widgets: the
//! pickers, the ACD event form, a cockpit variable and the cockpit panel take their staff token
//! from the host's `credentials` function. Its first token has expired: the gateway answers
//! 401, the widgets ask the function once more and go on with the new token. A function that
//! keeps giving an expired (or stolen and expired) token ends in one clear error per user
//! action, never a loop, and what the user typed stays. Counted at both ends: the calls in the
//! page, the requests in nginx's access log, the requests that reached jtel. The page never
//! sees the jtel token, and the staff token is never stored or put in an attribute.
//! Also the public contact page (`static/contact.html`) through its public form route.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use fantoccini::Client;
use jtel_emulator::DEFAULT_CLIENTS_ID;
use jtel_widgets::jtel_core::model::AcdEvent;
use serde_json::{json, Value};
use std::path::PathBuf;
use support::browser;
use support::cockpit_steps::{confirm, open_row, propose};
use support::deployment::{deploy, MetaCsp, LINKS_SET_FORMS};
use support::jtel::{records_with_token, RecordingJtel};
use support::nginx::Nginx;
use support::page_reader::everything_the_page_can_read;
use support::widget::{all_in_widget, choose, click, in_widget, type_into, wait_for_text};

/// A CRM page on the deployment's origin that loads the widgets and nothing else (nginx's
/// Content-Security-Policy allows no inline script); the test mounts the widgets from it by
/// one of the module scripts below, served beside it.
const CRM_PAGE: &str = r#"<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>CRM contact record</title>
    <script type="module" src="jtel-widgets-loader.js"></script>
  </head>
  <body><main></main></body>
</html>
"#;

/// `crm-staff-widgets.js`: mounts the staff widgets with the credentials function
/// `window.crm.credentials`, which counts its calls in `window.crm.calls` and answers, after a
/// moment (as a CRM backend does), the tokens it is given in turn, the last one again and
/// again: the event form with pickers and the single cockpit variable by `mount()`, the panel
/// as a custom element with the `credentials` property.
const MOUNT: (&str, &str) = (
    "crm-staff-widgets.js",
    r#"
import * as widgets from "/jtel-widgets-loader.js";
const tokens = window.jtelModuleArguments;
delete window.jtelModuleArguments; // the CRM's own code keeps them to itself
await widgets.ready;
const crm = { calls: 0 };
crm.credentials = () => {
  const token = tokens[Math.min(crm.calls, tokens.length - 1)];
  crm.calls += 1;
  return new Promise((resolve) => setTimeout(() => resolve(token), 20));
};
window.crm = crm;
const main = document.querySelector("main");
const box = (id) => main.appendChild(Object.assign(document.createElement("div"), { id }));
widgets.mount(box("event"), {
  widget: "acd-event-form", eventType: "choose", group: "choose", agent: "choose",
  receiver: "choose", draftKey: "crm-record-987654", credentials: crm.credentials,
});
widgets.mount(box("variable"), { widget: "cockpit-variable", variable: 192, credentials: crm.credentials });
const panel = document.createElement("jtel-cockpit-variables");
panel.id = "panel";
panel.credentials = crm.credentials;
main.appendChild(panel);
window.jtelModuleDone = true;
"#,
);

/// `crm-fixed-form.js`: mounts one event form with fixed routing (it reads nothing before its
/// create) whose credentials function always gives the first token it is given;
/// `window.crm.failed` collects the codes of its `jtel-failed` events.
const MOUNT_FIXED_FORM: (&str, &str) = (
    "crm-fixed-form.js",
    r#"
import * as widgets from "/jtel-widgets-loader.js";
const tokens = window.jtelModuleArguments;
delete window.jtelModuleArguments; // the CRM's own code keeps them to itself
await widgets.ready;
const crm = { calls: 0, failed: [] };
crm.credentials = async () => { crm.calls += 1; return tokens[0]; };
window.crm = crm;
const box = document.querySelector("main").appendChild(document.createElement("div"));
box.id = "event";
box.addEventListener("jtel-failed", (event) => crm.failed.push(event.detail.code));
widgets.mount(box, { widget: "acd-event-form", eventType: "callback", group: 235, credentials: crm.credentials });
window.jtelModuleDone = true;
"#,
);

/// The deployment in front of an emulator holding a token made for this test.
struct Stand {
    jtel: RecordingJtel,
    nginx: Nginx,
    token: String,
    dist: PathBuf,
}

impl Stand {
    async fn start() -> Self {
        let (jtel, token) = RecordingJtel::with_unique_token("gw-staff").await;
        let dist: PathBuf = deploy(LINKS_SET_FORMS, MetaCsp::Kept);
        for (name, text) in [("crm.html", CRM_PAGE), MOUNT, MOUNT_FIXED_FORM] {
            std::fs::write(dist.join(name), text).expect("the CRM page is written");
        }
        let nginx = Nginx::start(&dist, &jtel.origin(), DEFAULT_CLIENTS_ID, &token).await;
        Self {
            jtel,
            nginx,
            token,
            dist,
        }
    }

    /// The events jtel holds, read past the gateway.
    async fn events(&self) -> Vec<AcdEvent> {
        records_with_token(&self.jtel.base_url(), "acd/events", &self.token).await
    }

    /// The requests to `/jtel/` in nginx's access log so far: `(request line, status)`.
    fn gateway_requests(&self) -> Vec<(String, u16)> {
        self.nginx
            .access_log()
            .lines()
            .filter_map(|line| {
                let (_, rest) = line.split_once('"')?;
                let (request, rest) = rest.split_once('"')?;
                let status = rest.split_whitespace().next()?.parse().ok()?;
                request
                    .contains(" /jtel/")
                    .then(|| (request.to_owned(), status))
            })
            .collect()
    }
}

/// How often the page's credentials function was called.
async fn provider_calls(client: &Client) -> u64 {
    client
        .execute("return window.crm.calls;", vec![])
        .await
        .expect("the count is readable")
        .as_u64()
        .expect("a number")
}

/// Waits (up to twenty seconds) until the form has announced `count` failures; their codes.
async fn failures(client: &Client, count: usize) -> Vec<String> {
    let mut codes = Vec::new();
    for _ in 0..200 {
        let seen = client
            .execute("return window.crm.failed;", vec![])
            .await
            .expect("the failures are readable");
        codes = serde_json::from_value(seen).expect("a list of codes");
        if codes.len() >= count {
            return codes;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("{count} failures were never announced, only {codes:?}");
}

/// The value of the input `name` in `host`.
async fn value_of(client: &Client, host: &str, name: &str) -> String {
    in_widget(client, host, &format!("[name={name}]"))
        .await
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_staff_widgets_refresh_an_expired_token_once_and_work_through_the_gateway() {
    let stand = Stand::start().await;
    let scope = "events:create directory:read cockpit:read cockpit:write";
    // The first token expired a minute ago (beyond the gateway's 30 s of leeway).
    let tokens = vec![
        stand.nginx.staff_token_expiring(scope, -90),
        stand.nginx.staff_token(scope),
    ];
    let before = stand.events().await.len();
    let reached_before = stand.jtel.received().len();
    let page = stand.nginx.url("crm.html");
    let jtel_token = stand.token.clone();
    let staff_tokens = tokens.clone();
    let (calls, seen, property) = browser::with_browser(move |client| async move {
        client.goto(&page).await.expect("the CRM page loads");
        browser::run_page_module(&client, MOUNT.0, json!(tokens)).await;
        // The pickers (directory:read), through the refreshed token.
        choose(&client, "#event", "AcdEventTypesID", "Voice").await;
        choose(&client, "#event", "AcdGroupsID", "Customer").await;
        choose(&client, "#event", "UsersID", "jdoe").await;
        choose(&client, "#event", "Receiver", "Hotline").await;
        type_into(&client, "#event", "Sender", "0199 2223334").await;
        type_into(&client, "#event", "Subject", "Voice mail from the CRM").await;
        let calls_before_create = provider_calls(&client).await;
        // The event form (events:create).
        click(&client, "#event", "button[type=submit]").await;
        in_widget(&client, "#event", ".jtel-success-text").await;
        // The single cockpit variable (cockpit:read, cockpit:write).
        in_widget(&client, "#variable", ".jtel-cockpit-value").await;
        propose(
            &client,
            "#variable",
            "42",
            "Set 'Test Cockpit Variable' to 42?",
        )
        .await;
        confirm(&client, "#variable").await;
        wait_for_text(&client, "#variable", ".jtel-success", "The value was set.").await;
        // The panel (the list, then a row's form).
        open_row(&client, "#panel", "Test Cockpit Variable").await;
        propose(&client, "#panel", "7", "Set 'Test Cockpit Variable' to 7?").await;
        confirm(&client, "#panel").await;
        wait_for_text(&client, "#panel", ".jtel-success", "The value was set.").await;
        let calls = (calls_before_create, provider_calls(&client).await);
        let seen = everything_the_page_can_read(&client).await;
        let property = client
            .execute(
                r##"return String(document.querySelector("#panel").credentials);"##,
                vec![],
            )
            .await
            .expect("readable");
        (calls, seen, property)
    })
    .await;

    assert_eq!(
        calls,
        (2, 2),
        "asked once for the first token and once more after the 401, by every widget together"
    );
    let requests = stand.gateway_requests();
    let refused: Vec<_> = requests
        .iter()
        .filter(|(_, status)| *status == 401)
        .collect();
    // The six first reads (four pickers, the variable, the panel) may all meet the expired
    // token, or some may start after the new one came.
    assert!(
        (1..=6).contains(&refused.len())
            && refused
                .iter()
                .all(|(request, _)| request.starts_with("GET ")),
        "the first reads met the expired token: {requests:?}"
    );
    for (request, _) in &refused {
        assert!(
            requests
                .iter()
                .any(|(other, status)| other == request && *status == 200),
            "{request} was sent once more after its 401: {requests:?}"
        );
    }
    assert!(
        requests
            .iter()
            .all(|(_, status)| [200, 401].contains(status)),
        "{requests:?}"
    );
    assert_eq!(
        requests
            .iter()
            .filter(
                |(request, status)| request.starts_with("POST /jtel/acd/events/create")
                    && *status == 200
            )
            .count(),
        1
    );
    let events = stand.events().await;
    let created: Vec<_> = events[before..]
        .iter()
        .map(|e| {
            (
                e.acd_event_types_id,
                e.acd_groups_id,
                e.users_id,
                e.subject.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        created,
        [(Some(1), Some(235), Some(3), Some("Voice mail from the CRM"))]
    );
    let reached = &stand.jtel.received()[reached_before..];
    assert!(
        reached
            .iter()
            .all(|r| r.authorization.as_deref() == Some(&*format!("Bearer {}", stand.token))),
        "jtel saw only the gateway's token: {reached:?}"
    );

    for (place, text) in seen.as_object().expect("an object") {
        let text = text.as_str().unwrap_or_default();
        assert!(!text.contains(&jtel_token), "the jtel token is in {place}");
        for staff_token in &staff_tokens {
            assert!(
                !text.contains(staff_token),
                "the staff token is kept in {place}"
            );
        }
    }
    assert_eq!(property, "undefined");
}

#[tokio::test(flavor = "multi_thread")]
async fn an_expired_token_that_stays_expired_ends_in_one_clear_error_per_action() {
    let stand = Stand::start().await;
    let expired = stand
        .nginx
        .staff_token_expiring("events:create directory:read", -90);
    let before = stand.events().await.len();
    let reached_before = stand.jtel.received().len();
    let page = stand.nginx.url("crm.html");
    let rounds = browser::with_browser(move |client| async move {
        client.goto(&page).await.expect("the CRM page loads");
        browser::run_page_module(&client, MOUNT_FIXED_FORM.0, json!([expired])).await;
        type_into(&client, "#event", "Sender", "0199 123456789").await;
        type_into(&client, "#event", "Subject", "Call me about my contract").await;
        let mut rounds = Vec::new();
        for round in 1..=2 {
            click(&client, "#event", "button[type=submit]").await;
            let codes = failures(&client, round).await;
            let alert = in_widget(&client, "#event", "[role=alert]").await;
            let kept = (
                value_of(&client, "#event", "Sender").await,
                value_of(&client, "#event", "Subject").await,
            );
            rounds.push((
                codes,
                alert.text().await.unwrap(),
                provider_calls(&client).await,
                kept,
            ));
        }
        rounds
    })
    .await;

    for (round, (codes, text, calls, kept)) in rounds.iter().enumerate() {
        assert_eq!(
            codes,
            &vec!["unauthorized"; round + 1],
            "one failure per submit"
        );
        assert!(
            text.contains("you may be signed out"),
            "round {round}: {text}"
        );
        // The first submit asks for a token and once more after the 401; the next one starts
        // with the token it has and asks once more after its 401.
        assert_eq!(*calls, 2 + round as u64, "calls after submit {}", round + 1);
        assert_eq!(
            kept,
            &(
                "0199 123456789".to_owned(),
                "Call me about my contract".to_owned()
            ),
            "nothing typed is lost"
        );
    }
    let requests = stand.gateway_requests();
    println!("after each submit (failures, alert, calls, kept): {rounds:#?}");
    println!("requests at the gateway: {requests:#?}");
    assert_eq!(
        requests,
        vec![("POST /jtel/acd/events/create HTTP/1.1".to_owned(), 401); 4],
        "two requests per submit, each refused, then nothing: no loop"
    );
    assert!(
        stand.jtel.received()[reached_before..].is_empty(),
        "nothing reached jtel"
    );
    assert_eq!(stand.events().await.len(), before);
}

/// Sends the callback form of the page open in `client` (`#contact-callback`) and waits for
/// its confirmation or its alert; the text shown.
async fn send_callback(client: &Client, subject: &str) -> String {
    type_into(client, "#contact-callback", "Sender", "0199 3334445").await;
    type_into(client, "#contact-callback", "Subject", subject).await;
    click(client, "#contact-callback", "button[type=submit]").await;
    for _ in 0..200 {
        for shown in [".jtel-success-text", "[role=alert]"] {
            if let Some(element) = all_in_widget(client, "#contact-callback", shown)
                .await
                .into_iter()
                .next()
            {
                return element.text().await.unwrap();
            }
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("the form showed neither a confirmation nor an alert");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_public_contact_page_sends_through_its_public_form_and_says_when_it_is_limited() {
    let stand = Stand::start().await;
    let before = stand.events().await.len();
    // The contact page as released, and a copy on a form that allows one create a minute.
    let contact = std::fs::read_to_string(stand.dist.join("contact.html")).unwrap();
    std::fs::write(
        stand.dist.join("contact-limited.html"),
        contact.replace("/jtel/public/contact\"", "/jtel/public/one-a-minute\""),
    )
    .unwrap();
    let (contact, limited) = (
        stand.nginx.url("contact.html"),
        stand.nginx.url("contact-limited.html"),
    );
    let (created, refused, kept) = browser::with_browser(move |client| async move {
        client.goto(&contact).await.expect("the contact page loads");
        let created = send_callback(&client, "Question about my order").await;
        client.goto(&limited).await.expect("the copy loads");
        send_callback(&client, "First").await;
        click(&client, "#contact-callback", ".jtel-success button").await;
        let refused = send_callback(&client, "Second").await;
        let kept = (
            value_of(&client, "#contact-callback", "Sender").await,
            value_of(&client, "#contact-callback", "Subject").await,
        );
        (created, refused, kept)
    })
    .await;
    assert!(created.contains("(reference 1"), "{created}");
    let wait: u64 = refused
        .strip_prefix("Too many requests. Please try again in ")
        .and_then(|rest| rest.strip_suffix(" seconds; your input is kept."))
        .and_then(|seconds| seconds.parse().ok())
        .unwrap_or_else(|| panic!("not the rate limit's message: {refused}"));
    assert!((1..=60).contains(&wait), "{refused}");
    assert_eq!(kept, ("0199 3334445".to_owned(), "Second".to_owned()));
    assert_eq!(
        stand.gateway_requests(),
        vec![
            (
                "POST /jtel/public/contact/acd/events/create HTTP/1.1".to_owned(),
                200
            ),
            (
                "POST /jtel/public/one-a-minute/acd/events/create HTTP/1.1".to_owned(),
                200
            ),
            (
                "POST /jtel/public/one-a-minute/acd/events/create HTTP/1.1".to_owned(),
                429
            ),
        ]
    );
    let events = stand.events().await;
    let created: Vec<Value> = events[before..]
        .iter()
        .map(|e| json!([e.acd_event_types_id, e.acd_groups_id, e.receiver, e.subject]))
        .collect();
    assert_eq!(
        created,
        [
            json!([3, 235, "4919900112233", "Question about my order"]),
            json!([3, 235, "4919900112233", "First"]),
        ]
    );
}
