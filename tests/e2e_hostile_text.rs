//! Hostile text in real Chromium: XSS payloads in every string that comes from the jtel
//! server (group, agent and service-number names, cockpit variable names, descriptions and
//! colours) and from the host page (attributes and iframe URL parameters) render as inert
//! text: no script runs, no element is injected, and the payload is readable as written.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use fantoccini::Client;
use jtel_emulator::{Config, Fixtures, DEFAULT_TOKEN};
use support::deployment::{deploy, MetaCsp, LINKS_SET_FORMS};
use support::hostile::{INJECTED, PAYLOADS};
use support::widget::{all_in_widget, in_widget, type_into, widget_text};
use support::{browser::with_browser, gateway};

/// The default fixtures with a payload in every displayed string.
fn hostile_fixtures() -> Fixtures {
    let mut fixtures = Fixtures::default();
    let payload = |index: usize| PAYLOADS[index % PAYLOADS.len()].to_owned();
    for (index, group) in fixtures.acd_groups.iter_mut().enumerate() {
        group.name = Some(format!("Group {} {}", index, payload(index)));
    }
    for (index, user) in fixtures.users.iter_mut().enumerate() {
        user.first_name = Some(payload(index + 3));
        user.last_name = Some(payload(index + 4));
        user.uid = Some(payload(index + 5));
    }
    for (index, number) in fixtures.service_numbers.iter_mut().enumerate() {
        number.name2 = Some(payload(index + 6));
    }
    for (index, variable) in fixtures.cockpit_variables.iter_mut().enumerate() {
        variable.name = Some(format!("Variable {} {}", index, payload(index + 7)));
        variable.description = Some(payload(index + 8));
        variable.min_bg_color = Some(payload(index + 9));
        variable.max_bg_color = Some(format!(
            "#fff; background:url(javascript:window.__xss=1) {}",
            payload(index)
        ));
    }
    fixtures
}

/// The number of payload runs (`window.__xss`) and injected elements in every widget on the page.
async fn damage(client: &Client, hosts: &[&str]) -> (i64, usize) {
    let ran = client
        .execute("return window.__xss || 0", vec![])
        .await
        .unwrap()
        .as_i64()
        .unwrap_or(-1);
    let mut injected = 0;
    for host in hosts {
        injected += all_in_widget(client, host, INJECTED).await.len();
    }
    (ran, injected)
}

fn encoded(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn payloads_from_the_server_and_the_host_page_render_as_text() {
    let config = Config {
        fixtures: hostile_fixtures(),
        ..Config::default()
    };
    let emulator = jtel_emulator::spawn(config).await.expect("emulator starts");
    let page = gateway::start(
        deploy(LINKS_SET_FORMS, MetaCsp::Kept),
        emulator.base_url(),
        DEFAULT_TOKEN.to_owned(),
    )
    .await;

    with_browser(move |client| async move {
        // Server strings: the pickers (groups, agents, service numbers) and the cockpit widgets.
        client.goto(&format!("http://{page}/")).await.unwrap();
        for (field, typed) in [("AcdGroupsID", "Group"), ("UsersID", "<"), ("Receiver", "<")] {
            if field == "Receiver" {
                type_into(&client, "#agent-form", "AcdEventTypesID", "Callback\u{E007}").await;
            }
            type_into(&client, "#agent-form", field, typed).await;
            in_widget(&client, "#agent-form", "[role=option]").await;
            let shown = widget_text(&client, "#agent-form").await;
            assert!(PAYLOADS.iter().any(|payload| shown.contains(payload)), "{field}: a payload is shown as text: {shown}");
            type_into(&client, "#agent-form", field, "\u{E00C}").await; // Escape
        }
        in_widget(&client, "#variables", ".jtel-cockpit-row-button").await.click().await.unwrap();
        in_widget(&client, "#variables", ".jtel-cockpit-panel").await;
        in_widget(&client, "#variable", ".jtel-cockpit-value").await;
        let shown = widget_text(&client, "#variables").await;
        assert!(PAYLOADS.iter().any(|payload| shown.contains(payload)), "cockpit names show as text: {shown}");
        let (ran, injected) = damage(&client, &["#agent-form", "#variables", "#variable", "#callback", "#ticket"]).await;
        assert_eq!((ran, injected), (0, 0), "server strings ran or injected something");

        // Host-page strings: every prefill and the subject template, through the iframe URL.
        for (index, payload) in PAYLOADS.iter().enumerate() {
            let query: String = ["subject", "user-data", "crm-url", "sender", "body", "subject-template"]
                .iter()
                .map(|key| format!("&{key}={}", encoded(payload)))
                .collect();
            let url = format!("http://{page}/frame.html?widget=acd-event-form&group=235&lang=de&id=x{index}{query}");
            client.goto(&url).await.unwrap();
            let value = in_widget(&client, "jtel-acd-event-form", "[name=UserData]").await.prop("value").await.unwrap();
            assert_eq!(value.as_deref(), Some(*payload), "the attribute arrives unchanged, as text");
            in_widget(&client, "jtel-acd-event-form", "button[type=submit]").await.click().await.unwrap();
            in_widget(&client, "jtel-acd-event-form", ".jtel-error").await;
            let (ran, injected) = damage(&client, &["jtel-acd-event-form"]).await;
            assert_eq!((ran, injected), (0, 0), "payload {index} from the host page ran or injected something");
            // The page's notice of what the link set shows the link's texts as text too.
            let notices = format!(
                "const notices = [...document.querySelectorAll('.jtel-frame-notice')]; \
                 return [notices.map((p) => p.textContent).join(' '), \
                 notices.flatMap((p) => [...p.querySelectorAll('{INJECTED}')]).length];"
            );
            let (text, injected): (String, usize) =
                serde_json::from_value(client.execute(&notices, vec![]).await.unwrap()).unwrap();
            assert!(text.contains(payload), "the notice shows payload {index} as text: {text}");
            assert_eq!(injected, 0, "payload {index} injected something into the notice");
        }
    })
    .await;
    println!(
        "hostile text: {} payloads in 12 server fields and 6 host-page attributes rendered inert",
        PAYLOADS.len()
    );
}
