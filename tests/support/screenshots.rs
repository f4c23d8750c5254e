//! Screenshots for the README, taken by the end-to-end tests in headless Chromium.
//!
//! They are written to `docs/screenshots/` only when `JTEL_UPDATE_SCREENSHOTS=1`, so a normal
//! test run leaves the work tree alone, and only by Chromium: the tests that take them run in
//! Firefox and WebKit too (docs/engines.md), whose pictures would replace Chromium's.

use super::browser::Engine;
use fantoccini::elements::Element;
use std::path::PathBuf;

/// Saves a PNG of `element` as `docs/screenshots/{name}.png` when screenshots are being updated.
pub async fn save(element: &Element, name: &str) {
    if std::env::var_os("JTEL_UPDATE_SCREENSHOTS").is_none()
        || Engine::current() != Engine::Chromium
    {
        return;
    }
    let png = element
        .screenshot()
        .await
        .unwrap_or_else(|e| panic!("screenshot {name}: {e}"));
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("docs/screenshots")
        .join(format!("{name}.png"));
    std::fs::write(&path, png).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}
