//! Widgets mounted and destroyed in a loop in real Chromium, and what the page holds in memory
//! between the loops: `bench/pages/lifecycle.js` runs the cycles inside the page, this module
//! starts them over WebDriver and reads Chromium's counters through the DevTools protocol.
//! Used by `tests/e2e_lifecycle.rs` (nothing may be left behind) and by the soak in
//! `scripts/bench.sh` (the memory curve over 10,000 cycles).

use super::browser::devtools;
use fantoccini::wd::TimeoutConfiguration;
use fantoccini::Client;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The widgets, as `mount()` names them.
pub const WIDGETS: [&str; 3] = ["acd-event-form", "cockpit-variable", "cockpit-variables"];

/// The two ways a page puts a widget on and takes it off: `mount()` then `handle.destroy()`,
/// or adding and removing the custom element.
pub const WAYS: [&str; 2] = ["mount", "element"];

/// The path of the lifecycle page below the served folder.
pub const PAGE: &str = "/bench/lifecycle.html";

/// What the page holds at one moment, after a forced garbage collection.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sample {
    /// DOM nodes alive (`Memory.getDOMCounters`).
    pub nodes: i64,
    /// JS event listeners registered (`Memory.getDOMCounters`).
    pub listeners: i64,
    /// Bytes of JS heap in use (`Runtime.getHeapUsage`).
    pub js_heap: i64,
    /// Bytes of the bundle's wasm memory (`WebAssembly.Memory` buffer size).
    pub wasm: i64,
}

impl Sample {
    /// `self - before`, field by field.
    pub fn minus(&self, before: &Sample) -> Sample {
        Sample {
            nodes: self.nodes - before.nodes,
            listeners: self.listeners - before.listeners,
            js_heap: self.js_heap - before.js_heap,
            wasm: self.wasm - before.wasm,
        }
    }
}

/// A folder (one per process, in `target/`) that serves `dist` with the lifecycle page in
/// `bench/` beside it: links, no copies (`scripts/bench.sh` copies the same pages into its own
/// build).
pub fn site(dist: &Path) -> PathBuf {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let site = root.join(format!("target/lifecycle-site-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&site);
    std::fs::create_dir_all(&site).expect("the site folder can be created in target/");
    for entry in std::fs::read_dir(dist).expect("the dist folder is readable") {
        let entry = entry.expect("a dist entry");
        if entry.file_name() != "bench" {
            std::os::unix::fs::symlink(entry.path(), site.join(entry.file_name()))
                .expect("link into the site folder");
        }
    }
    std::os::unix::fs::symlink(root.join("bench/pages"), site.join("bench"))
        .expect("link the bench pages");
    site
}

/// Opens the lifecycle page at `origin` and waits for the bundle; long loops get 10 minutes.
pub async fn open(client: &Client, origin: &str) {
    client
        .update_timeouts(TimeoutConfiguration::new(
            Some(Duration::from_secs(600)),
            Some(Duration::from_secs(60)),
            Some(Duration::ZERO),
        ))
        .await
        .expect("WebDriver timeouts");
    client
        .goto(&format!("{origin}{PAGE}"))
        .await
        .expect("the lifecycle page loads");
    call(client, "() => true", json!(null)).await;
}

/// Calls `function` (JS source of an async function of one argument) with `argument` once the
/// page's bundle is ready, and returns what it resolves to; fails with the page's error.
pub async fn call(client: &Client, function: &str, argument: Value) -> Value {
    let script = format!(
        "const [argument, done] = arguments;
         (async () => {{
           for (let i = 0; !window.jtelLifecycle && i < 600; i++) await new Promise(r => setTimeout(r, 50));
           await window.jtelLifecycle.ready;
           return await ({function})(argument);
         }})().then(value => done({{ value }}), error => done({{ error: String(error && error.stack || error) }}));"
    );
    let answer = client
        .execute_async(&script, vec![argument])
        .await
        .unwrap_or_else(|e| panic!("the page runs {function}: {e}"));
    if let Some(error) = answer.get("error") {
        panic!(
            "{function} failed in the page: {}",
            error.as_str().unwrap_or_default()
        );
    }
    answer["value"].clone()
}

/// Runs `count` cycles of `widget` by `way` in the page (see `cycles` in lifecycle.js);
/// `in_flight` destroys each widget while its first request is still on its way. Returns the
/// milliseconds they took.
pub async fn cycles(
    client: &Client,
    widget: &str,
    way: &str,
    count: usize,
    in_flight: bool,
    settings: Value,
) -> f64 {
    let answer = call(
        client,
        "(spec) => window.jtelLifecycle.cycles(spec)",
        json!({ "widget": widget, "way": way, "count": count, "inFlight": in_flight, "settings": settings }),
    )
    .await;
    answer["ms"].as_f64().unwrap_or(f64::NAN)
}

/// What the page holds now: after two forced garbage collections (with a pause between them
/// for the finalizers that the first one queued), the DOM counters, the JS heap in use and the
/// wasm memory size.
pub async fn sample(client: &Client) -> Sample {
    for _ in 0..2 {
        devtools(client, "HeapProfiler.collectGarbage", json!({})).await;
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    devtools(client, "HeapProfiler.collectGarbage", json!({})).await;
    let counters = devtools(client, "Memory.getDOMCounters", json!({})).await;
    let heap = devtools(client, "Runtime.getHeapUsage", json!({})).await;
    let wasm = call(
        client,
        "() => window.jtelLifecycle.wasmBytes()",
        json!(null),
    )
    .await;
    let number = |value: &Value| value.as_f64().unwrap_or(f64::NAN) as i64;
    Sample {
        nodes: number(&counters["nodes"]),
        listeners: number(&counters["jsEventListeners"]),
        js_heap: number(&heap["usedSize"]),
        wasm: number(&wasm),
    }
}

/// Arms a fault on the emulator's control URL (`{control_url}/faults`), e.g. latency on every
/// list request.
pub async fn arm_fault(control_url: &str, token: &str, fault: Value) {
    let answer = reqwest::Client::new()
        .post(format!("{control_url}/faults"))
        .bearer_auth(token)
        .json(&fault)
        .send()
        .await
        .expect("the emulator answers");
    assert_eq!(answer.status(), 200, "arming {fault}");
}

/// Clears every armed fault.
pub async fn clear_faults(control_url: &str, token: &str) {
    let answer = reqwest::Client::new()
        .delete(format!("{control_url}/faults"))
        .bearer_auth(token)
        .send()
        .await
        .expect("the emulator answers");
    assert!(answer.status().is_success(), "clearing faults");
}

/// Bytes as KB with one decimal and a sign (`+0.4 KB`).
pub fn kb(bytes: i64) -> String {
    format!("{:+.1} KB", bytes as f64 / 1024.0)
}
