//! One event per intent through one gateway instance: replays, lost answers looked up on the
//! server, a browser that goes away mid-request, refusals that may be retried, and a jtel
//! token rotated without a restart.

mod support;

use serde_json::json;
use std::time::Duration;
use support::{callback, claims, fresh_key, sign, Raw, Stand};

fn staff_create(subject: &str, key: &str) -> Raw {
    Raw::new("POST", "/jtel/acd/events/create")
        .json(&callback(subject), key)
        .bearer(&sign("hs-1", &claims("events:create")))
}

#[tokio::test(flavor = "multi_thread")]
async fn a_retry_gets_the_first_outcome_and_creates_nothing() {
    let stand = Stand::start("").await;
    let key = fresh_key();
    let first = stand.send(&staff_create("replayed", &key)).await;
    let again = stand.send(&staff_create("replayed", &key)).await;
    assert_eq!((first.status, again.status), (200, 200));
    assert_eq!(
        first.json()["records"][0]["ID"],
        again.json()["records"][0]["ID"]
    );
    assert!(again
        .head
        .to_lowercase()
        .contains("idempotent-replayed: true"));
    assert_eq!(stand.events_with_subject("replayed").await, 1);

    // The same key for another request is refused, not replayed.
    let other = stand.send(&staff_create("something else", &key)).await;
    assert_eq!(other.status, 422, "{}", other.body);
    // Keys are per user: another user's same key is their own intent.
    let mut theirs = claims("events:create");
    theirs["sub"] = json!("agent-8");
    let their_create = Raw::new("POST", "/jtel/acd/events/create")
        .json(&callback("replayed"), &key)
        .bearer(&sign("hs-1", &theirs));
    assert_eq!(stand.send(&their_create).await.status, 200);
    assert_eq!(stand.events_with_subject("replayed").await, 2);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_lost_answer_is_looked_up_before_creating_again() {
    let stand = Stand::start("").await;
    for (fault, subject) in [
        (json!({ "kind": "drop_after" }), "dropped after storing"),
        (json!({ "kind": "drop_before" }), "dropped before storing"),
        (json!({ "kind": "malformed" }), "malformed answer"),
        (json!({ "kind": "status", "status": 503 }), "503"),
        (json!({ "kind": "hang" }), "hang"),
    ] {
        stand.arm("create", fault).await;
        let key = fresh_key();
        let first = stand.send(&staff_create(subject, &key)).await;
        assert!(
            first.status >= 500 || first.json()["records"].is_null(),
            "{subject}: {}",
            first.status
        );
        let retry = stand.send(&staff_create(subject, &key)).await;
        assert_eq!(retry.status, 200, "{subject}: {}", retry.body);
        assert_eq!(stand.events_with_subject(subject).await, 1, "{subject}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_refusal_by_jtel_may_be_retried() {
    let stand = Stand::start("").await;
    stand
        .arm("create", json!({ "kind": "status", "status": 409 }))
        .await;
    let key = fresh_key();
    assert_eq!(
        stand.send(&staff_create("refused once", &key)).await.status,
        409
    );
    assert_eq!(
        stand.send(&staff_create("refused once", &key)).await.status,
        200
    );
    assert_eq!(stand.events_with_subject("refused once").await, 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_create_finishes_when_the_browser_goes_away_and_a_retry_waits_for_it() {
    let stand = Stand::start("").await;
    stand
        .arm("create", json!({ "kind": "latency", "ms": 800 }))
        .await;
    let key = fresh_key();
    let request = staff_create("browser went away", &key);
    // The browser gives up long before jtel answers, closing the connection.
    let gone = tokio::time::timeout(Duration::from_millis(100), stand.send(&request)).await;
    assert!(gone.is_err(), "no answer within 100 ms");
    // Its retry waits for the first create, which went on, and gets its outcome.
    let retry = stand.send(&request).await;
    assert_eq!(retry.status, 200, "{}", retry.body);
    assert!(retry
        .head
        .to_lowercase()
        .contains("idempotent-replayed: true"));
    assert_eq!(stand.events_with_subject("browser went away").await, 1);

    // Two at once with one key: one event, the same answer.
    stand
        .arm("create", json!({ "kind": "latency", "ms": 500 }))
        .await;
    let key = fresh_key();
    let twice = staff_create("twice at once", &key);
    let (one, two) = tokio::join!(stand.send(&twice), stand.send(&twice));
    assert_eq!((one.status, two.status), (200, 200));
    assert_eq!(
        one.json()["records"][0]["ID"],
        two.json()["records"][0]["ID"]
    );
    assert_eq!(stand.events_with_subject("twice at once").await, 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_jtel_token_is_rotated_without_a_restart() {
    let stand = Stand::start("").await;
    let users = || Raw::new("GET", "/jtel/users").bearer(&sign("es-1", &claims("directory:read")));
    assert_eq!(stand.send(&users()).await.status, 200);
    let token_file = stand.dir.path().join("jtel-token");
    std::fs::write(&token_file, "a-revoked-token").unwrap();
    // A different modification time even on coarse clocks.
    let later = std::time::SystemTime::now() + Duration::from_secs(5);
    std::fs::File::options()
        .write(true)
        .open(&token_file)
        .unwrap()
        .set_modified(later)
        .unwrap();
    let refused = stand.send(&users()).await;
    assert_eq!(
        refused.status, 401,
        "jtel refuses the old token: {}",
        refused.body
    );
    assert!(!refused.body.contains("a-revoked-token"));
    std::fs::write(&token_file, jtel_emulator::DEFAULT_TOKEN).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&token_file)
        .unwrap()
        .set_modified(later + Duration::from_secs(5))
        .unwrap();
    assert_eq!(stand.send(&users()).await.status, 200);
}
