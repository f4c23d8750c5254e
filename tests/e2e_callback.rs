//! End to end: a user fills in the callback form on the served page in a real Chromium, and the
//! event arrives at the jtel server (the emulator), through a gateway that holds the token.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use fantoccini::{Client, Locator};
use jtel_emulator::{Config, DEFAULT_TOKEN};
use jtel_widgets::jtel_core::model::{AcdEvent, ListEnvelope};
use std::time::Duration;
use support::{browser::with_browser, dist::dist_dir, gateway};

async fn events(base_url: &str) -> Vec<AcdEvent> {
    let list: ListEnvelope<AcdEvent> = reqwest::Client::new()
        .get(format!("{base_url}/acd/events"))
        .bearer_auth(DEFAULT_TOKEN)
        .send()
        .await
        .expect("emulator answers")
        .json()
        .await
        .expect("list envelope");
    list.records
}

async fn type_into(client: &Client, name: &str, text: &str) {
    let input = client
        .wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::Css(&format!("[name={name}]")))
        .await
        .unwrap_or_else(|e| panic!("no {name} input: {e}"));
    input.send_keys(text).await.expect("typing works");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_callback_typed_into_the_page_is_created_in_jtel() {
    let emulator = jtel_emulator::spawn(Config::default())
        .await
        .expect("emulator starts");
    let base_url = emulator.base_url();
    let page = gateway::start(dist_dir(), base_url.clone(), DEFAULT_TOKEN.to_owned()).await;
    let before = events(&base_url).await.len();

    with_browser(move |client| async move {
        client
            .goto(&format!("http://{page}/"))
            .await
            .expect("page loads");
        type_into(&client, "Sender", "(0199) 123 456 789").await;
        type_into(&client, "Subject", "Please call me about my invoice").await;
        type_into(&client, "Body", "Tomorrow before noon").await;
        client
            .find(Locator::Css("button[type=submit]"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        let confirmation = client
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::Css(".jtel-success-text"))
            .await
            .expect("a confirmation appears");
        let text = confirmation.text().await.unwrap();
        assert!(
            text.contains("(reference 1"),
            "the created event's id is shown: {text}"
        );
    })
    .await;

    let events = events(&base_url).await;
    assert_eq!(events.len(), before + 1, "exactly one event was created");
    let created = events.last().unwrap();
    assert_eq!(created.acd_event_types_id, Some(3));
    assert_eq!(created.acd_groups_id, Some(235));
    assert_eq!(created.users_id, None);
    assert_eq!(
        created.sender.as_deref(),
        Some("49199123456789"),
        "normalised with country code 49"
    );
    assert_eq!(created.receiver.as_deref(), Some("4919900112233"));
    assert_eq!(
        created.subject.as_deref(),
        Some("Please call me about my invoice")
    );
    assert_eq!(created.body.as_deref(), Some("Tomorrow before noon"));
    assert_eq!(
        created.crm_url.as_deref(),
        Some("https://crm.example.com/contacts/987654"),
        "prefilled by the host page"
    );
    assert_eq!(created.user_data.as_deref(), Some("987654"));
}

#[tokio::test(flavor = "multi_thread")]
async fn invalid_input_never_reaches_jtel_and_stays_on_the_page() {
    let emulator = jtel_emulator::spawn(Config::default())
        .await
        .expect("emulator starts");
    let base_url = emulator.base_url();
    let page = gateway::start(dist_dir(), base_url.clone(), DEFAULT_TOKEN.to_owned()).await;
    let before = events(&base_url).await.len();

    with_browser(move |client| async move {
        client
            .goto(&format!("http://{page}/"))
            .await
            .expect("page loads");
        type_into(&client, "Sender", "call me maybe").await;
        client
            .find(Locator::Css("button[type=submit]"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        let sender = client.find(Locator::Css("[name=Sender]")).await.unwrap();
        assert_eq!(
            sender.attr("aria-invalid").await.unwrap().as_deref(),
            Some("true")
        );
        assert_eq!(
            sender.prop("value").await.unwrap().as_deref(),
            Some("call me maybe")
        );
        let errors = client.find_all(Locator::Css(".jtel-error")).await.unwrap();
        assert_eq!(errors.len(), 2, "Sender and Subject are marked");
    })
    .await;

    assert_eq!(events(&base_url).await.len(), before, "nothing was sent");
}

#[test]
fn the_built_page_does_not_contain_the_token() {
    let dist = dist_dir();
    let mut checked = 0;
    for entry in std::fs::read_dir(&dist).expect("dist exists") {
        let path = entry.unwrap().path();
        if path.is_file() {
            let bytes = std::fs::read(&path).unwrap();
            assert!(
                !bytes
                    .windows(DEFAULT_TOKEN.len())
                    .any(|w| w == DEFAULT_TOKEN.as_bytes()),
                "{} contains the token",
                path.display()
            );
            checked += 1;
        }
    }
    assert!(
        checked >= 3,
        "only {checked} files checked in {}",
        dist.display()
    );
}
