//! Reports the end-to-end tests write for people (the fault matrix, the axe-core summary):
//! `target/reports/{name}` (`{engine}-{name}` from a run in Firefox or WebKit), printed by
//! scripts/test.sh after the tests ran.

use super::browser::Engine;
use std::path::PathBuf;

/// Writes `text` as the report `name` of the engine the tests run in.
pub fn write(name: &str, text: &str) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/reports");
    std::fs::create_dir_all(&dir).expect("target/reports can be created");
    let name = match Engine::current() {
        Engine::Chromium => name.to_owned(),
        Engine::Firefox => format!("firefox-{name}"),
        Engine::WebKit => format!("webkit-{name}"),
    };
    std::fs::write(dir.join(&name), text)
        .unwrap_or_else(|e| panic!("cannot write report {name}: {e}"));
}
