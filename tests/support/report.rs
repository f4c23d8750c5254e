//! Reports the end-to-end tests write for people (the fault matrix, the axe-core summary):
//! `target/reports/{name}`, printed by scripts/test.sh after the tests ran.

use std::path::PathBuf;

/// Writes `text` as the report `name`.
pub fn write(name: &str, text: &str) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/reports");
    std::fs::create_dir_all(&dir).expect("target/reports can be created");
    std::fs::write(dir.join(name), text)
        .unwrap_or_else(|e| panic!("cannot write report {name}: {e}"));
}
