//! Shared pieces of the end-to-end tests: the built widget files (and deployments of the
//! iframe page), an attacker's server, a same-origin gateway in front of the jtel emulator (a
//! token-adding proxy in axum, or the production deployment: nginx and the jtel gateway), a
//! real browser (headless Chromium, or Firefox ESR or WebKitGTK by `JTEL_BROWSER`), reading the
//! emulator directly, what users do with the widgets, what a screen reader is told,
//! screenshots, the snippets of the README and docs/install.md, the visual check's reference
//! images, other origins' pages, and what a script in a page can read.

// Each end-to-end test file includes this module and uses its own part of it.
#![allow(dead_code)]

pub mod accessibility_tree;
pub mod attacker;
pub mod browser;
pub mod cockpit_steps;
pub mod deployment;
pub mod dist;
pub mod gateway;
pub mod hostile;
pub mod jtel;
pub mod lifecycle;
pub mod nginx;
pub mod page_reader;
pub mod readme;
pub mod report;
pub mod screenshots;
pub mod site;
pub mod visual;
pub mod widget;
