//! The browser half of `scripts/bench.sh`. Serves a release build of the widgets (with the
//! pages of `bench/pages/` copied into `bench/` inside it) in front of the jtel emulator, and
//! measures in headless Chromium:
//!
//! - time to interactive ([`network`]): navigation start to the `jtel-interactive` performance
//!   mark, through the documented deployment (`scripts/gateway.sh`: nginx, compression and
//!   caching) on a fast and a slow mobile network profile, cold and warm, widget and plain
//!   HTML/JS baseline alternating so both see the same machine load;
//! - keystroke to feedback: a real key press (WebDriver) in the phone field until its
//!   validation message appears in or leaves the DOM (timed inside the page);
//! - the agent picker with 100, 1,000 and 10,000 rows: open and filter (event to DOM updated
//!   and laid out), JS heap used and wasm memory;
//!
//! The rest runs through the same axum stand-in the end-to-end tests use (loopback: the network
//! plays no part in it):
//!
//! - the lifecycle soak: each widget added and removed as a custom element 10,000 times, with
//!   the DOM nodes, listeners, JS heap (after a forced GC) and wasm memory every 1,000 cycles.
//!
//! Writes Markdown tables to `--out` (the emulator logs its requests to stdout). Usage:
//! `jtel-bench --dist target/bench-dist --out FILE [--loads 30] [--keystrokes 50] [--picker-samples 20]
//! [--soak-cycles 10000] [--pages cockpit]`; a count of 0 leaves its part out, `--pages` keeps
//! only the network benchmark's widget pages whose path contains it (with their baselines).

#[allow(dead_code)]
#[path = "../../tests/support/browser.rs"]
mod browser;
#[allow(dead_code)]
#[path = "../../tests/support/gateway.rs"]
mod gateway;
#[allow(dead_code)]
#[path = "../../tests/support/lifecycle.rs"]
mod lifecycle;
#[allow(dead_code)]
#[path = "../../tests/support/nginx.rs"]
mod nginx;
#[allow(dead_code)]
#[path = "../../tests/support/widget.rs"]
mod widget;

use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use jtel_core::model::User;
use jtel_emulator::{Config, Fixtures, DEFAULT_CLIENTS_ID, DEFAULT_TOKEN};
use serde_json::{json, Value};
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The Markdown written to `--out`.
static REPORT: Mutex<String> = Mutex::new(String::new());

/// `println!` into [`REPORT`].
macro_rules! out {
    ($($arg:tt)*) => {{
        use ::std::fmt::Write as _;
        let mut report = $crate::REPORT.lock().unwrap();
        let _ = writeln!(report, $($arg)*);
    }};
}

mod network;

struct Options {
    dist: PathBuf,
    out: PathBuf,
    loads: usize,
    pages: String,
    keystrokes: usize,
    picker_samples: usize,
    soak_cycles: usize,
}

fn options() -> Options {
    let mut options = Options {
        dist: PathBuf::from("target/bench-dist"),
        out: PathBuf::from("target/bench-browser.md"),
        loads: 30,
        pages: String::new(),
        keystrokes: 50,
        picker_samples: 20,
        soak_cycles: 10_000,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next().unwrap_or_else(|| panic!("{arg} needs a value"));
        let number = || {
            value
                .parse()
                .unwrap_or_else(|_| panic!("{arg} wants a number"))
        };
        match arg.as_str() {
            "--dist" => options.dist = PathBuf::from(&value),
            "--out" => options.out = PathBuf::from(&value),
            "--loads" => options.loads = number(),
            "--pages" => options.pages = value,
            "--keystrokes" => options.keystrokes = number(),
            "--picker-samples" => options.picker_samples = number(),
            "--soak-cycles" => options.soak_cycles = number(),
            _ => panic!("unknown argument {arg}"),
        }
    }
    assert!(
        options.dist.join("bench/baseline.html").exists(),
        "{} has no bench/ pages: run scripts/bench.sh",
        options.dist.display()
    );
    options
}

/// An emulator with `users` extra agents and a gateway in front of it; returns the page origin.
async fn serve(dist: &std::path::Path, users: usize) -> (jtel_emulator::RunningEmulator, String) {
    let mut fixtures = Fixtures::default();
    fixtures.users.extend((0..users).map(|i| User {
        id: Some(1000 + i as i64),
        uid: Some(format!("agent{i:05}")),
        first_name: Some("Agent".to_owned()),
        last_name: Some(format!("{i:05}")),
    }));
    let emulator = jtel_emulator::spawn(Config {
        fixtures,
        ..Config::default()
    })
    .await
    .expect("the emulator starts");
    let addr = gateway::start(
        dist.to_path_buf(),
        emulator.base_url(),
        DEFAULT_TOKEN.to_owned(),
    )
    .await;
    (emulator, format!("http://{addr}"))
}

#[tokio::main]
async fn main() {
    let options = options();
    let started = Instant::now();
    let (jtel, origin) = serve(&options.dist, 0).await;
    let deployment = nginx::Nginx::start(
        &options.dist.canonicalize().expect("--dist exists"),
        &format!("http://{}", jtel.addr()),
        DEFAULT_CLIENTS_ID,
        DEFAULT_TOKEN,
    )
    .await;
    eprintln!(
        "jtel-bench: serving {} through the deployment at {} and the stand-in at {origin}",
        options.dist.display(),
        deployment.url("")
    );

    // The file is rewritten after each part, so a failure keeps what was measured.
    let save =
        || std::fs::write(&options.out, REPORT.lock().unwrap().as_bytes()).expect("write --out");
    let page_origin = deployment.url("");
    let page_origin = page_origin.trim_end_matches('/');
    if options.loads > 0 {
        out!(
            "### Time to interactive through the deployment (nginx, brotli, cache headers), headless Chromium with network emulation\n"
        );
        network::time_to_interactive(page_origin, options.loads, &options.pages, &|| {
            deployment.staff_token("cockpit:read cockpit:write")
        })
        .await;
    }
    out!("### Does Chromium keep the compiled wasm? (V8's code cache)\n");
    network::wasm_code_cache(page_origin).await;
    drop(deployment);
    save();
    if options.keystrokes > 0 {
        out!("### Keystroke to feedback (phone field, Chromium)\n");
        keystroke_latency(&origin, options.keystrokes).await;
        save();
    }
    if options.picker_samples > 0 {
        out!("### Agent picker: cost by number of rows\n");
        picker(&options.dist, options.picker_samples).await;
        save();
    }
    if options.soak_cycles > 0 {
        out!(
            "### Lifecycle soak: {} cycles per widget (custom element added, loaded, removed)\n",
            options.soak_cycles
        );
        soak(&origin, options.soak_cycles).await;
        save();
    }
    eprintln!(
        "jtel-bench: done in {:.0} s, results in {}",
        started.elapsed().as_secs_f64(),
        options.out.display()
    );
}

/// A page of the keystroke comparison.
struct Page {
    name: &'static str,
    path: &'static str,
}

const WIDGET_FORM: Page = Page {
    name: "`<jtel-acd-event-form>` (callback)",
    path: "bench/acd-event-form.html",
};
const BASELINE_FORM: Page = Page {
    name: "baseline: plain HTML/JS callback form",
    path: "bench/baseline.html",
};

/// Waits (up to 60 s) for the `jtel-interactive` mark; returns its time, the milestones before
/// it and what the page fetched until then.
async fn wait_for_interactive(client: &Client) -> Value {
    const SCRIPT: &str = r##"
        const mark = performance.getEntriesByName("jtel-interactive")[0];
        if (!mark) return null;
        const navigation = performance.getEntriesByType("navigation")[0];
        const resources = performance.getEntriesByType("resource");
        const wasm = resources.find((r) => r.name.endsWith(".wasm"));
        const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? null;
        const entries = [navigation, ...resources];
        return {
            html: navigation.responseEnd,
            wasmStart: wasm ? wasm.startTime : null,
            wasmEnd: wasm ? wasm.responseEnd : null,
            compiled: at("bench-wasm-compiled"),
            instantiated: at("bench-wasm-instantiated"),
            started: at("jtel-started"),
            tti: mark.startTime,
            transferred: entries.reduce((sum, r) => sum + r.transferSize, 0),
            requests: entries.filter((r) => r.transferSize > 0).length,
            files: entries.map((r) => [new URL(r.name).pathname, r.transferSize,
                r.encodedBodySize, r.decodedBodySize]),
        };
    "##;
    for _ in 0..1200 {
        let found = client.execute(SCRIPT, vec![]).await.expect("script runs");
        if !found.is_null() {
            return found;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!(
        "no jtel-interactive mark on {:?}",
        client.current_url().await.ok()
    );
}

/// Records, inside the page, the time from each keydown to the moment the phone field's
/// validation message appears or disappears (a MutationObserver sees the DOM change).
const KEYSTROKE_PROBE: &str = r##"
    const [host] = arguments;
    const root = host ? document.querySelector(host).shadowRoot : document;
    const field = () => root.querySelector("[name=Sender]").closest(".jtel-field");
    window.jtelSamples = [];
    let keydown = null;
    let shown = !!field().querySelector(".jtel-error");
    window.addEventListener("keydown", (event) => { keydown = event.timeStamp; }, true);
    new MutationObserver(() => {
        const now = performance.now();
        const has = !!field().querySelector(".jtel-error");
        if (has !== shown && keydown !== null) {
            window.jtelSamples.push(now - keydown);
            keydown = null;
        }
        shown = has;
    }).observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
"##;

async fn keystroke_latency(origin: &str, repetitions: usize) {
    let pages = [(&BASELINE_FORM, None), (&WIDGET_FORM, Some("#form"))];
    out!("| page | keystrokes | median | p95 | max |");
    out!("|---|---:|---:|---:|---:|");
    for (page, host) in pages {
        let url = format!("{origin}/{}", page.path);
        let samples = browser::with_browser(move |client| async move {
            client.goto(&url).await.expect("the page loads");
            wait_for_interactive(&client).await;
            client
                .execute(KEYSTROKE_PROBE, vec![json!(host)])
                .await
                .expect("probe installs");
            let input = match host {
                Some(host) => widget::in_widget(&client, host, "[name=Sender]").await,
                None => client
                    .find(Locator::Css("[name=Sender]"))
                    .await
                    .expect("baseline input"),
            };
            // Visit and leave the field once: from then on its errors show while typing.
            input.click().await.expect("click");
            input.send_keys(&Key::Tab.to_string()).await.expect("tab");
            input.click().await.expect("click");
            input.send_keys(&Key::End.to_string()).await.expect("end");
            for round in 0..repetitions {
                // A letter makes the number invalid (message appears), Backspace valid again.
                input.send_keys("x").await.expect("typing");
                wait_for_samples(&client, 2 * round + 1).await;
                input
                    .send_keys(&Key::Backspace.to_string())
                    .await
                    .expect("typing");
                wait_for_samples(&client, 2 * round + 2).await;
            }
            let samples = client
                .execute("return window.jtelSamples", vec![])
                .await
                .expect("samples");
            numbers(&samples)
        })
        .await;
        out!(
            "| {} | {} | {:.1} ms | {:.1} ms | {:.1} ms |",
            page.name,
            samples.len(),
            median(&samples),
            p95(&samples),
            samples.iter().copied().fold(0.0, f64::max)
        );
    }
    out!();
}

async fn wait_for_samples(client: &Client, count: usize) {
    for _ in 0..200 {
        let found = client
            .execute("return window.jtelSamples.length", vec![])
            .await
            .expect("samples");
        if found.as_u64().unwrap_or_default() as usize >= count {
            return;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    panic!("the validation message never changed after keystroke {count}");
}

/// Opens and closes the agent picker and filters it, `reps` times each, timing from the
/// dispatched event until the list in the DOM is updated and laid out.
const PICKER_PROBE: &str = r##"
    const [reps] = arguments;
    const done = arguments[arguments.length - 1];
    const root = document.querySelector("#form").shadowRoot;
    const input = root.querySelector("input[name=UsersID]");
    const list = root.getElementById(input.getAttribute("aria-controls"));
    const rows = () => list.querySelectorAll("[role=option]").length;
    const expanded = () => input.getAttribute("aria-expanded") === "true";
    const key = (name) => input.dispatchEvent(new KeyboardEvent("keydown",
        { key: name, bubbles: true, composed: true, cancelable: true }));
    const type = (text) => {
        input.value = text;
        input.dispatchEvent(new InputEvent("input",
            { bubbles: true, composed: true, inputType: "insertText", data: text }));
    };
    const timed = (act, ready) => new Promise((resolve) => {
        const start = performance.now();
        const finish = () => { list.offsetHeight; resolve(performance.now() - start); };
        const observer = new MutationObserver(() => {
            if (ready()) { observer.disconnect(); finish(); }
        });
        observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
        act();
        if (ready()) { observer.disconnect(); finish(); }
    });
    (async () => {
        input.focus();
        const open = [], filter = [];
        for (let i = 0; i < reps; i++) {
            open.push(await timed(() => key("ArrowDown"), () => expanded() && rows() > 0));
            // A query that matches no agent, then one that matches some, so each changes the
            // list (every filter scans all rows).
            filter.push(await timed(() => type(`no agent ${i}`), () => rows() === 0));
            filter.push(await timed(() => type(`0${i % 10}`), () => rows() > 0));
            await timed(() => key("Escape"), () => !expanded());
        }
        done({ open, filter });
    })();
"##;

async fn picker(dist: &std::path::Path, reps: usize) {
    out!("| rows | open median | open p95 | filter median | filter p95 | JS heap used | wasm memory |");
    out!("|---:|---:|---:|---:|---:|---:|---:|");
    let mut filter_medians = Vec::new();
    for rows in [100usize, 1_000, 10_000] {
        // The default fixtures have 3 agents; the bench adds the rest.
        let (_jtel, origin) = serve(dist, rows - 3).await;
        let url = format!("{origin}/bench/picker.html");
        let measured = browser::with_browser(move |client| async move {
            client.goto(&url).await.expect("the page loads");
            wait_for_interactive(&client).await;
            // The options have loaded when the picker's "loading" hint is gone.
            let loaded = r##"
                const root = document.querySelector("#form").shadowRoot;
                return !!root.querySelector("input[name=UsersID]")
                    && !root.querySelector(".jtel-picker .jtel-hint") && !!window.jtelWasm;
            "##;
            for _ in 0..400 {
                if client.execute(loaded, vec![]).await.expect("script") == json!(true) {
                    break;
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            browser::devtools(&client, "HeapProfiler.collectGarbage", json!({})).await;
            let heap = browser::devtools(&client, "Runtime.getHeapUsage", json!({})).await;
            let wasm = client
                .execute("return window.jtelWasm.memory.buffer.byteLength", vec![])
                .await
                .expect("wasm memory");
            let timings = client
                .execute_async(PICKER_PROBE, vec![json!(reps)])
                .await
                .expect("the picker probe runs");
            (heap["usedSize"].as_f64(), wasm.as_f64(), timings)
        })
        .await;
        let (heap, wasm, timings) = measured;
        let open = numbers(&timings["open"]);
        let filter = numbers(&timings["filter"]);
        out!(
            "| {rows} | {:.1} ms | {:.1} ms | {:.1} ms | {:.1} ms | {:.1} MB | {:.1} MB |",
            median(&open),
            p95(&open),
            median(&filter),
            p95(&filter),
            heap.unwrap_or(f64::NAN) / 1e6,
            wasm.unwrap_or(f64::NAN) / 1e6,
        );
        filter_medians.push(median(&filter));
    }
    out!(
        "\nTen times the rows: filter median ×{:.1} (100 → 1,000 rows), ×{:.1} (1,000 → 10,000 rows).",
        filter_medians[1] / filter_medians[0],
        filter_medians[2] / filter_medians[1],
    );
    out!();
}

fn numbers(value: &Value) -> Vec<f64> {
    value
        .as_array()
        .map(|items| items.iter().filter_map(Value::as_f64).collect())
        .unwrap_or_default()
}

fn sorted(values: &[f64]) -> Vec<f64> {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    sorted
}

/// The median (mean of the middle two for an even count).
fn median(values: &[f64]) -> f64 {
    let sorted = sorted(values);
    match sorted.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => sorted[n / 2],
        n => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
    }
}

/// The 95th percentile, nearest rank.
fn p95(values: &[f64]) -> f64 {
    let sorted = sorted(values);
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((0.95 * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}

/// Each widget added as a custom element, loaded and removed `cycles` times in one page, with
/// what the page holds (after a forced GC) every tenth of the way: the memory curve.
async fn soak(origin: &str, cycles: usize) {
    let step = (cycles / 10).max(1);
    for widget in lifecycle::WIDGETS {
        let origin = origin.to_owned();
        let curve = browser::with_browser(move |client| async move {
            lifecycle::open(&client, &origin).await;
            // A short warm-up: the first widget compiles and caches what every later one reuses.
            lifecycle::cycles(&client, widget, "element", 20, false, json!({})).await;
            let mut curve = vec![(0, lifecycle::sample(&client).await, 0.0)];
            let mut done = 0;
            while done < cycles {
                let count = step.min(cycles - done);
                let ms =
                    lifecycle::cycles(&client, widget, "element", count, false, json!({})).await;
                done += count;
                curve.push((done, lifecycle::sample(&client).await, ms / count as f64));
            }
            curve
        })
        .await;
        out!("`{widget}`:\n");
        out!(
            "| cycles | DOM nodes | JS event listeners | JS heap | wasm memory | time per cycle |"
        );
        out!("|---:|---:|---:|---:|---:|---:|");
        for (done, sample, ms) in &curve {
            out!(
                "| {done} | {} | {} | {:.1} MB | {:.2} MB | {} |",
                sample.nodes,
                sample.listeners,
                sample.js_heap as f64 / 1e6,
                sample.wasm as f64 / 1048576.0,
                if *done == 0 {
                    "(baseline)".to_owned()
                } else {
                    format!("{ms:.1} ms")
                },
            );
        }
        let (first, last) = (&curve[1], &curve[curve.len() - 1]);
        let grown = last.1.minus(&first.1);
        let span = (last.0 - first.0).max(1) as f64;
        out!(
            "\nFrom cycle {} to {}: {:+} DOM nodes, {:+} listeners, JS heap {} ({:+.1} B/cycle), wasm memory {} ({:+.1} B/cycle).\n",
            first.0,
            last.0,
            grown.nodes,
            grown.listeners,
            lifecycle::kb(grown.js_heap),
            grown.js_heap as f64 / span,
            lifecycle::kb(grown.wasm),
            grown.wasm as f64 / span,
        );
    }
}
