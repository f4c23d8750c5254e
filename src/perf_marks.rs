//! Performance marks that `scripts/bench.sh` reads to measure the widgets in a real browser.
//!
//! [`INTERACTIVE`] is set once per page, by the first widget whose inputs are rendered and
//! accept typing: an ACD event form on its first render, a cockpit variable form once its
//! variable has loaded. Its `startTime` is the time to interactive from navigation start.

use std::cell::Cell;
use yew::prelude::*;

/// The name of the mark: `performance.getEntriesByName("jtel-interactive")`.
pub const INTERACTIVE: &str = "jtel-interactive";

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
