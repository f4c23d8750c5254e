//! Reading the jtel server (the emulator) directly, past the page and the gateway.

use jtel_emulator::DEFAULT_TOKEN;
use jtel_widgets::jtel_core::model::ListEnvelope;
use serde::de::DeserializeOwned;

/// The records of `GET {base_url}/{path}` (a list or get-by-id route), with the demo token.
pub async fn records<T: DeserializeOwned>(base_url: &str, path: &str) -> Vec<T> {
    let envelope: ListEnvelope<T> = reqwest::Client::new()
        .get(format!("{base_url}/{path}"))
        .bearer_auth(DEFAULT_TOKEN)
        .send()
        .await
        .expect("emulator answers")
        .json()
        .await
        .expect("a jtel list envelope");
    envelope.records
}
