//! The snippets of the README and of docs/install.md are the code the tests run, and every one
//! of them is accounted for here ([`SNIPPETS`]). The plain-HTML and iframe snippets of the
//! README are served as CRM pages by `e2e_any_origin`; docs/install.md's custom elements with
//! every option and its `mount()` call are run by `e2e_event_forms`; here: the npm and
//! TypeScript snippets are what the host apps of `e2e_hosts` hold (type-checked with `tsc`,
//! built and driven in Chromium), the tarball the README installs is the one
//! `scripts/npm-package.sh` writes, the Rust / Yew snippets are `examples/yew_app.rs`, which
//! scripts/test.sh builds for wasm32, and the README's two commands are what CI runs.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::collections::BTreeSet;
use std::path::Path;
use support::readme::{blocks, snippet, snippet_in, snippets_in, Page, INSTALL, MOUNT, OWN_ORIGIN};

const COMMANDS: &str = "## Two commands";
const NPM: &str = "## npm and a bundler";
const YEW: &str = "## Yew";

/// Every snippet of the two pages: (page, heading, fence language, a marker that picks it, the
/// test that runs it).
const SNIPPETS: &[(Page, &str, &str, &str, &str)] = &[
    (
        Page::Readme,
        COMMANDS,
        "sh",
        "scripts/test.sh",
        "readme_install: .ci/run runs it",
    ),
    (
        Page::Readme,
        INSTALL,
        "html",
        "<jtel-acd-event-form",
        "e2e_any_origin",
    ),
    (
        Page::Readme,
        INSTALL,
        "sh",
        "npm install",
        "readme_install: the tarball",
    ),
    (
        Page::Readme,
        INSTALL,
        "ts",
        "jtel-widgets",
        "readme_install: the host apps",
    ),
    (
        Page::Readme,
        INSTALL,
        "rust",
        "AcdEventForm",
        "readme_install: examples/yew_app.rs",
    ),
    (Page::Readme, INSTALL, "html", "<iframe", "e2e_any_origin"),
    (
        Page::Install,
        OWN_ORIGIN,
        "html",
        "jtel-widgets-loader.js",
        "e2e_event_forms",
    ),
    (
        Page::Install,
        OWN_ORIGIN,
        "html",
        "<jtel-acd-event-form",
        "e2e_event_forms",
    ),
    (Page::Install, MOUNT, "js", "mount(", "e2e_event_forms"),
    (
        Page::Install,
        NPM,
        "ts",
        "jtel-created",
        "readme_install: the host apps",
    ),
    (
        Page::Install,
        NPM,
        "ts",
        "jtel-widgets/frame-host",
        "readme_install: the host apps",
    ),
    (
        Page::Install,
        YEW,
        "rust",
        "AcdEventForm",
        "readme_install: examples/yew_app.rs",
    ),
];

#[test]
fn every_snippet_of_the_readme_and_the_install_page_is_one_a_test_runs() {
    for page in [Page::Readme, Page::Install] {
        let listed: BTreeSet<String> = SNIPPETS
            .iter()
            .filter(|(of, ..)| of.path() == page.path())
            .map(|(_, heading, lang, marker, _)| snippet_in(page, heading, lang, marker))
            .collect();
        for block in blocks(page) {
            assert!(
                listed.contains(&block.text),
                "{}: no test runs this ```{} snippet under {:?}; add one and list it in SNIPPETS:\n{}",
                page.path(),
                block.lang,
                block.headings,
                block.text
            );
        }
    }
}

#[test]
fn the_readme_test_command_is_what_ci_runs() {
    let commands = snippet(COMMANDS, "sh", "scripts/test.sh");
    let ci = include_str!("../.ci/run");
    assert!(
        ci.contains("exec scripts/test.sh\n"),
        ".ci/run runs scripts/test.sh"
    );
    for line in commands.lines() {
        let script = line.split_whitespace().next().unwrap();
        assert!(
            Path::new(env!("CARGO_MANIFEST_DIR")).join(script).is_file(),
            "the README's command {script} exists"
        );
    }
}

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
fn the_yew_snippets_are_the_example_that_is_built() {
    let example =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/yew_app.rs"))
            .expect("examples/yew_app.rs");
    let built = code_lines(&example);
    for (page, heading) in [(Page::Readme, INSTALL), (Page::Install, YEW)] {
        let shown = snippet_in(page, heading, "rust", "AcdEventForm");
        let shown_lines = code_lines(&shown);
        assert!(
            built
                .windows(shown_lines.len())
                .any(|window| window == shown_lines),
            "{}'s Rust / Yew snippet must be examples/yew_app.rs's code:\n{shown}",
            page.path()
        );
    }
    let whole = snippet_in(Page::Install, YEW, "rust", "AcdEventForm");
    assert!(
        whole.contains("use yew::prelude::*;") && whole.contains("fn Crm() -> Html"),
        "docs/install.md shows the whole component, imports included"
    );
}

#[test]
fn the_npm_snippets_are_what_the_host_apps_run() {
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
    for (page, heading, marker) in [
        (Page::Readme, INSTALL, "jtel-widgets"),
        (Page::Install, NPM, "jtel-created"),
        (Page::Install, NPM, "jtel-widgets/frame-host"),
    ] {
        for line in snippet_in(page, heading, "ts", marker).lines() {
            let statement = line.split("//").next().unwrap().trim();
            if statement.is_empty() {
                continue;
            }
            assert!(
                sources.iter().any(|source| source.contains(statement)),
                "no host app in tests/hosts runs {}'s {statement:?}",
                page.path()
            );
        }
    }
}

#[test]
fn the_install_section_covers_every_host_kind() {
    let text = snippets_in(Page::Readme, INSTALL, "html").join("\n");
    assert!(text.contains("jtel-widgets-loader.js") && text.contains("base-url=\"https://"));
    assert_eq!(snippets_in(Page::Readme, INSTALL, "ts").len(), 1);
    let readme = Page::Readme.text();
    let section = &readme[readme.find(INSTALL).unwrap()..];
    let section = &section[..section[INSTALL.len()..].find("\n## ").unwrap()];
    for kind in [
        "**Plain HTML",
        "**npm and a bundler**",
        "**Yew.**",
        "**iframe**",
    ] {
        assert!(section.contains(kind), "the Install section names {kind}");
    }
}
