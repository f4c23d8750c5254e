//! Shared pieces of the end-to-end tests: the built widget files, a same-origin gateway in
//! front of the jtel emulator, a real headless Chromium behind chromedriver, and screenshots.

// Each end-to-end test file includes this module and uses its own part of it.
#![allow(dead_code)]

pub mod browser;
pub mod dist;
pub mod gateway;
pub mod screenshots;
pub mod widget;
