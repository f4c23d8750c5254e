//! The README's install snippets are the code the tests run. The plain-HTML and iframe
//! snippets are served as CRM pages by `e2e_any_origin`; here: the npm snippet is what the host
//! apps of `e2e_hosts` hold (type-checked with `tsc`, built and driven in Chromium), the
//! tarball it installs is the one `scripts/npm-package.sh` writes, and the Rust / Yew snippet is
//! `examples/yew_app.rs`, which scripts/test.sh builds for wasm32.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::path::Path;
use support::readme::{snippet, snippets};

const INSTALL: &str = "## Install";
const YEW: &str = "### Rust / Yew";

/// The lines of Rust `source` that are code: no blank lines, no doc comments, no indentation.
fn code_lines(source: &str) -> Vec<&str> {
    source
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with("//!") && !line.starts_with("///"))
        .collect()
}

/// The sources of the host apps in tests/hosts.
fn host_app_sources() -> Vec<String> {
    let hosts = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hosts");
    let mut sources = Vec::new();
    for app in std::fs::read_dir(&hosts).expect("tests/hosts") {
        for name in ["main.ts", "main.tsx"] {
            if let Ok(source) = std::fs::read_to_string(app.as_ref().unwrap().path().join(name)) {
                sources.push(source);
            }
        }
    }
    assert!(sources.len() >= 3, "the host apps' sources");
    sources
}

#[test]
fn the_yew_snippet_is_the_example_that_is_built() {
    let example =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/yew_app.rs"))
            .expect("examples/yew_app.rs");
    let readme = snippet(YEW, "rust", "AcdEventForm");
    let (shown, built) = (code_lines(&readme), code_lines(&example));
    assert!(
        built.windows(shown.len()).any(|window| window == shown),
        "README's Rust / Yew snippet must be examples/yew_app.rs's code:\n{readme}"
    );
}

#[test]
fn the_npm_snippet_is_what_the_host_apps_run() {
    let install = snippet(INSTALL, "sh", "npm install");
    let tarball = format!(
        "npm install ./target/npm/jtel-widgets-{}.tgz",
        env!("CARGO_PKG_VERSION")
    );
    assert_eq!(
        install.trim(),
        tarball,
        "the tarball scripts/npm-package.sh writes"
    );
    let script = include_str!("../scripts/npm-package.sh");
    assert!(script.contains("out=target/npm") && script.contains("jtel-widgets-$version.tgz"));

    let sources = host_app_sources();
    let code = snippet(INSTALL, "ts", "jtel-widgets");
    for line in code.lines() {
        let statement = line.split("//").next().unwrap().trim();
        if statement.is_empty() {
            continue;
        }
        assert!(
            sources.iter().any(|source| source.contains(statement)),
            "no host app in tests/hosts runs the README's {statement:?}"
        );
    }
}

#[test]
fn the_install_section_covers_every_host_kind() {
    let text = snippets(INSTALL, "html").join("\n");
    assert!(text.contains("jtel-widgets-loader.js") && text.contains("base-url=\"https://"));
    assert_eq!(snippets(INSTALL, "ts").len(), 1);
    let readme = include_str!("../README.md");
    let section = &readme[readme.find(INSTALL).unwrap()..readme.find("## Embedding").unwrap()];
    for kind in [
        "**Plain HTML",
        "**npm and a bundler**",
        "**Yew.**",
        "**iframe.**",
    ] {
        assert!(section.contains(kind), "the Install section names {kind}");
    }
}
