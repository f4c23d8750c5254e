//! Shared pieces of the end-to-end tests: the built widget files, a same-origin gateway in
//! front of the jtel emulator, and a real headless Chromium behind chromedriver.

pub mod browser;
pub mod dist;
pub mod gateway;
