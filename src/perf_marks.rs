//! Performance marks that `scripts/bench.sh` reads to measure the widgets in a real browser.
//!
//! [`INTERACTIVE`] is set once per page, by the first widget whose inputs are rendered and
//! accept typing: an ACD event form on its first render, a cockpit variable form once its
//! variable has loaded. Its `startTime` is the time to interactive from navigation start.
//! [`STARTED`] is set when the bundle's `main` starts (the wasm is compiled and instantiated),
//! which splits that time into loading and compiling the bundle and rendering the widget.

use std::cell::Cell;
use yew::prelude::*;

/// The name of the mark: `performance.getEntriesByName("jtel-interactive")`.
pub const INTERACTIVE: &str = "jtel-interactive";

/// The name of the mark set when the bundle's entry point starts.
pub const STARTED: &str = "jtel-started";

/// Sets the [`STARTED`] mark (the bundle's `main` calls this first).
pub fn mark_started() {
    if let Some(performance) = web_sys::window().and_then(|window| window.performance()) {
        let _ = performance.mark(STARTED);
    }
}

/// Sets the [`INTERACTIVE`] mark unless this page has it already.
pub fn mark_interactive() {
    thread_local! {
        static MARKED: Cell<bool> = const { Cell::new(false) };
    }
    if MARKED.with(|marked| marked.replace(true)) {
        return;
    }
    if let Some(performance) = web_sys::window().and_then(|window| window.performance()) {
        let _ = performance.mark(INTERACTIVE);
    }
}

/// Sets the [`INTERACTIVE`] mark after the component's first render is in the DOM.
#[hook]
pub fn use_interactive_mark() {
    use_effect_with((), |()| mark_interactive());
}
