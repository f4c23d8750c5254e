//! `--state`: created events and set values survive a restart; a bad state file is refused.

use crate::support::{callback_body, config, records, ticket_body, Api};
use jtel_emulator::{spawn, Config};
use serde_json::json;
use std::io;
use std::path::Path;

fn with_state(path: &Path) -> Config {
    Config {
        state_file: Some(path.to_owned()),
        ..config()
    }
}

#[tokio::test]
async fn created_events_and_set_values_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state.json");
    let api = Api::start_with(with_state(&state)).await;
    let created = records(&api.create(&callback_body()).await.json()).remove(0);
    assert_eq!(api.set_value(192, "?value=7").await.json()["result"], 0);
    let control = json!({"bWritable": false, "MaxValue": 10});
    assert_eq!(api.control(193, &control).await.status, 200);
    drop(api);

    let api = Api::start_with(with_state(&state)).await;
    let event = records(&api.get("acd/events/event/1001").await.json()).remove(0);
    assert_eq!(event, created);
    assert_eq!(api.cockpit_variable(192).await["Value"], 7);
    let changed = api.cockpit_variable(193).await;
    assert_eq!(
        (&changed["bWritable"], &changed["MaxValue"]),
        (&json!(false), &json!(10))
    );
    assert_eq!(
        records(&api.create(&ticket_body()).await.json())[0]["ID"],
        1002,
        "ids continue"
    );
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name())
        .collect();
    assert_eq!(names, ["state.json"], "no temporary file is left behind");
}

#[tokio::test]
async fn without_a_state_file_a_restart_starts_over() {
    let api = Api::start().await;
    assert_eq!(api.create(&callback_body()).await.status, 200);
    drop(api);
    let api = Api::start().await;
    assert_eq!(api.events().await.len(), 1);
}

#[tokio::test]
async fn a_corrupt_state_file_is_refused_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state.json");
    std::fs::write(&state, "{\"acdEvents\": [").unwrap();
    let error = spawn(with_state(&state))
        .await
        .expect_err("a corrupt state file must not be used");
    assert_eq!(error.kind(), io::ErrorKind::InvalidData);
    assert!(
        error.to_string().contains(&state.display().to_string()),
        "{error}"
    );
    assert_eq!(
        std::fs::read_to_string(&state).unwrap(),
        "{\"acdEvents\": ["
    );
}

#[tokio::test]
async fn a_change_that_cannot_be_saved_is_not_made() {
    let dir = tempfile::tempdir().unwrap();
    let api = Api::start_with(with_state(&dir.path().join("missing-dir/state.json"))).await;
    assert!(api
        .create(&callback_body())
        .await
        .error(500)
        .contains("not saved"));
    assert_eq!(api.events().await.len(), 1);
    assert!(api
        .set_value(192, "?value=7")
        .await
        .error(500)
        .contains("not saved"));
    assert!(api
        .control(192, &json!({"Value": 7}))
        .await
        .error(500)
        .contains("not saved"));
    assert_eq!(api.cockpit_variable(192).await["Value"], 0);
}
