//! A destroyed widget leaves nothing behind. In real Chromium, through the gateway, every
//! widget is mounted and destroyed in a loop, by `mount()` / `handle.destroy()` and by adding
//! and removing the custom element, as a single-page CRM does all day. After a warm-up, 1,000
//! more cycles must leave the DOM nodes and JS event listeners (`Memory.getDOMCounters`) within
//! a few of the baseline, and the JS heap after a forced GC and the wasm memory within 256 KB.
//! The same holds with a request in flight at each destroy (the emulator adds latency; the
//! answer must never reach the destroyed widget: no console error, no event), with a cockpit
//! widget refreshing every second beside the loop, and for a custom element moved around the
//! DOM (it keeps its widget and what the user typed).
//!
//! `JTEL_LIFECYCLE_CYCLES` and `JTEL_LIFECYCLE_WARMUP` change the counts (1,000 and 100) for
//! measuring by hand; the table is printed and written to `target/reports/lifecycle.md`.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use fantoccini::Client;
use jtel_emulator::{Config, DEFAULT_TOKEN};
use serde_json::{json, Value};
use std::time::Duration;
use support::lifecycle::{self, kb, Sample, WAYS, WIDGETS};
use support::{browser::with_browser, dist::dist_dir, gateway, report};

/// How many DOM nodes or listeners more than the baseline count as "a few".
const FEW: i64 = 5;
/// How much more JS heap or wasm memory than the baseline is allowed.
const BYTES: i64 = 256 * 1024;
/// The latency the emulator adds to every list request in the in-flight cases.
const LATENCY_MS: u64 = 1500;

fn count(variable: &str, default: usize) -> usize {
    std::env::var(variable)
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(default)
}

/// One line of the table.
struct Row {
    case: String,
    cycles: usize,
    ms_per_cycle: f64,
    grown: Sample,
    problems: Vec<String>,
}

impl Row {
    fn new(case: String, cycles: usize, ms: f64, before: Sample, after: Sample) -> Self {
        let grown = after.minus(&before);
        let mut problems = Vec::new();
        if grown.nodes > FEW {
            problems.push(format!("{} DOM nodes more", grown.nodes));
        }
        if grown.listeners > FEW {
            problems.push(format!("{} listeners more", grown.listeners));
        }
        if grown.js_heap > BYTES {
            problems.push(format!("JS heap {}", kb(grown.js_heap)));
        }
        if grown.wasm > BYTES {
            problems.push(format!("wasm memory {}", kb(grown.wasm)));
        }
        Self {
            case,
            cycles,
            ms_per_cycle: ms / cycles.max(1) as f64,
            grown,
            problems,
        }
    }

    fn line(&self) -> String {
        let per_cycle = |value: i64| value as f64 / self.cycles.max(1) as f64;
        format!(
            "| {} | {} | {:+} ({:+.2}/cycle) | {:+} ({:+.2}/cycle) | {} ({:+.0} B/cycle) | {} ({:+.0} B/cycle) | {:.1} ms | {} |",
            self.case,
            self.cycles,
            self.grown.nodes,
            per_cycle(self.grown.nodes),
            self.grown.listeners,
            per_cycle(self.grown.listeners),
            kb(self.grown.js_heap),
            per_cycle(self.grown.js_heap),
            kb(self.grown.wasm),
            per_cycle(self.grown.wasm),
            self.ms_per_cycle,
            if self.problems.is_empty() { "ok".to_owned() } else { self.problems.join(", ") },
        )
    }
}

/// What the page saw go wrong (console errors, uncaught errors) and the widget events heard on
/// destroyed widgets' hosts.
async fn page_trouble(client: &Client) -> Vec<String> {
    let seen = lifecycle::call(client, "() => window.jtelLifecycle.seen", json!(null)).await;
    let list = |key: &str| -> Vec<String> {
        seen[key]
            .as_array()
            .map(|items| {
                items
                    .iter()
                    .map(|item| item.as_str().unwrap_or_default().to_owned())
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut trouble = list("errors");
    trouble.extend(
        list("eventsAfterDestroy")
            .into_iter()
            .map(|event| format!("event after destroy: {event}")),
    );
    trouble.truncate(5);
    trouble
}

/// A warm-up, the baseline, `cycles` more and the row; `resident` keeps a refreshing cockpit
/// variable on the page meanwhile; `in_flight` destroys each widget with its request on its way.
#[allow(clippy::too_many_arguments)]
async fn cycle_case(
    client: &Client,
    origin: &str,
    widget: &str,
    way: &str,
    in_flight: bool,
    settings: Value,
    resident: bool,
    (warmup, cycles): (usize, usize),
) -> Row {
    lifecycle::open(client, origin).await;
    if resident {
        lifecycle::call(
            client,
            "() => window.jtelLifecycle.keep('cockpit-variable', 'element', { 'refresh-seconds': '1' })",
            json!(null),
        )
        .await;
    }
    lifecycle::cycles(client, widget, way, warmup, in_flight, settings.clone()).await;
    if in_flight {
        // Let the warm-up's late answers arrive (or not) before the baseline.
        tokio::time::sleep(Duration::from_millis(LATENCY_MS + 500)).await;
    }
    let before = lifecycle::sample(client).await;
    let ms = lifecycle::cycles(client, widget, way, cycles, in_flight, settings).await;
    if in_flight {
        tokio::time::sleep(Duration::from_millis(LATENCY_MS + 500)).await;
    }
    let after = lifecycle::sample(client).await;
    let mut case = format!("{widget}, {way}");
    if in_flight {
        case += ", request in flight";
    }
    if resident {
        case += ", refreshing every second (and one resident)";
    }
    let mut row = Row::new(case, cycles, ms, before, after);
    row.problems.extend(page_trouble(client).await);
    if in_flight {
        // Every request was still on its way when its widget went (a widget destroyed before
        // its first effect ran sent none): each must have been aborted, none answered.
        let requests = lifecycle::call(
            client,
            "() => window.jtelLifecycle.seen.requests",
            json!(null),
        )
        .await;
        if requests["started"] == json!(0)
            || requests["aborted"] != requests["started"]
            || requests["answered"] != json!(0)
        {
            row.problems
                .push(format!("requests not aborted: {requests}"));
        }
    }
    row
}

/// A custom element moved between two parents `moves` times (each a disconnect and a reconnect
/// in the same task) after the user typed into it.
async fn move_case(client: &Client, origin: &str, (warmup, moves): (usize, usize)) -> Row {
    lifecycle::open(client, origin).await;
    let run = |count: usize| {
        lifecycle::call(
            client,
            "(spec) => window.jtelLifecycle.moves(spec)",
            json!({ "widget": "acd-event-form", "count": count }),
        )
    };
    run(warmup).await;
    let before = lifecycle::sample(client).await;
    let started = std::time::Instant::now();
    let moved = run(moves).await;
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    let after = lifecycle::sample(client).await;
    let mut row = Row::new(
        "acd-event-form, element moved in the DOM".to_owned(),
        moves,
        ms,
        before,
        after,
    );
    if moved["typedKept"] != json!(true) {
        row.problems.push("what the user typed was lost".to_owned());
    }
    if moved["sameTree"] != json!(true) || moved["roots"] != json!(1) {
        row.problems
            .push(format!("the widget was rendered anew: {moved}"));
    }
    row.problems.extend(page_trouble(client).await);
    row
}

#[tokio::test(flavor = "multi_thread")]
async fn a_destroyed_widget_leaves_nothing_behind() {
    let counts = (
        count("JTEL_LIFECYCLE_WARMUP", 100),
        count("JTEL_LIFECYCLE_CYCLES", 1000),
    );
    let emulator = jtel_emulator::spawn(Config::default())
        .await
        .expect("emulator starts");
    let site = lifecycle::site(&dist_dir());
    let page = gateway::start(site.clone(), emulator.base_url(), DEFAULT_TOKEN.to_owned()).await;
    let origin = format!("http://{page}");
    let control_url = emulator.control_url();

    let rows = with_browser(move |client| async move {
        let mut rows = Vec::new();
        for widget in WIDGETS {
            for way in WAYS {
                let row = cycle_case(&client, &origin, widget, way, false, json!({}), false, counts).await;
                println!("{}", row.line());
                rows.push(row);
            }
        }
        let latency = json!({ "route": "list", "fault": { "kind": "latency", "ms": LATENCY_MS }, "times": 1_000_000 });
        lifecycle::arm_fault(&control_url, DEFAULT_TOKEN, latency).await;
        for widget in WIDGETS {
            for way in WAYS {
                let row = cycle_case(&client, &origin, widget, way, true, json!({}), false, counts).await;
                println!("{}", row.line());
                rows.push(row);
            }
        }
        lifecycle::clear_faults(&control_url, DEFAULT_TOKEN).await;
        for way in WAYS {
            let refresh = json!({ "refresh-seconds": "1" });
            let row = cycle_case(&client, &origin, "cockpit-variable", way, false, refresh, true, counts).await;
            println!("{}", row.line());
            rows.push(row);
        }
        let row = move_case(&client, &origin, counts).await;
        println!("{}", row.line());
        rows.push(row);
        rows
    })
    .await;

    let _ = std::fs::remove_dir_all(&site);
    let mut table = String::from(
        "| widget, way | cycles | DOM nodes | JS event listeners | JS heap | wasm memory | time per cycle | verdict |\n|---|---:|---:|---:|---:|---:|---:|---|\n",
    );
    for row in &rows {
        table += &row.line();
        table.push('\n');
    }
    println!("{table}");
    report::write("lifecycle.md", &table);
    let failed: Vec<String> = rows
        .iter()
        .filter(|row| !row.problems.is_empty())
        .map(|row| format!("{}: {}", row.case, row.problems.join(", ")))
        .collect();
    assert!(
        failed.is_empty(),
        "widgets left something behind:\n{}",
        failed.join("\n")
    );
}
