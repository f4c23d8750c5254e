//! Time to interactive as users get it: the release build served by the documented deployment
//! (`scripts/gateway.sh`: nginx with the precompressed files and the cache headers, in front of
//! the jtel gateway and the emulator), loaded in Chromium under DevTools network emulation
//! (`Network.emulateNetworkConditions`) on a fast and a slow mobile profile. Each sample is a
//! new browser with a fresh profile: its first load is cold (empty HTTP and code caches), the
//! third warm (the second fills the HTTP cache and V8's compiled-code cache). The widget page
//! and the plain HTML/JS baseline alternate, so both see the same machine load.

use crate::{browser, median, p95, wait_for_interactive};
use fantoccini::Client;
use serde_json::{json, Value};

/// A network profile for `Network.emulateNetworkConditions`.
#[derive(Clone, Copy)]
pub struct Profile {
    pub name: &'static str,
    /// Round-trip time added to each request, ms.
    pub latency_ms: u32,
    pub down_kbit: u32,
    pub up_kbit: u32,
}

/// Desktop on a good line (Lighthouse's desktop throttling).
pub const FAST: Profile = Profile {
    name: "fast (10 Mbit/s, 40 ms RTT)",
    latency_ms: 40,
    down_kbit: 10_000,
    up_kbit: 10_000,
};

/// A slow mobile line (Lighthouse's mobile throttling, "slow 4G").
pub const SLOW: Profile = Profile {
    name: "slow mobile (1.6 Mbit/s, 150 ms RTT)",
    latency_ms: 150,
    down_kbit: 1_600,
    up_kbit: 750,
};

/// The widget page and its baseline, as served below `bench/`.
const PAGES: [(&str, &str); 2] = [
    (
        "baseline: plain HTML/JS callback form",
        "bench/baseline.html",
    ),
    (
        "`<jtel-acd-event-form>` (callback)",
        "bench/acd-event-form.html",
    ),
];

/// Splits the wasm's `instantiateStreaming` into its compile and instantiate steps, each
/// marked (`bench-wasm-compiled`, `bench-wasm-instantiated`); the same work in the same order,
/// so the split costs nothing. Installed through DevTools before any page script runs.
const WASM_PHASES: &str = r#"
    if (WebAssembly.instantiateStreaming) {
        WebAssembly.instantiateStreaming = async (source, imports) => {
            const module = await WebAssembly.compileStreaming(source);
            performance.mark("bench-wasm-compiled");
            const instance = await WebAssembly.instantiate(module, imports);
            performance.mark("bench-wasm-instantiated");
            return { module, instance };
        };
    }
"#;

/// The milestones of one load, ms from navigation start, in the order of the report's columns.
const MILESTONES: [(&str, &str); 6] = [
    ("html", "HTML received"),
    ("wasmStart", "wasm requested"),
    ("wasmEnd", "wasm received"),
    ("compiled", "wasm compiled"),
    ("instantiated", "instantiated"),
    ("started", "`main` starts"),
];

/// What one load measured.
struct Load {
    interactive_ms: f64,
    /// Bytes over the network until interactive (headers included; 0 for cache hits).
    transferred: f64,
    requests: f64,
    milestones: [f64; MILESTONES.len()],
    /// Each file: path, bytes transferred, body bytes as sent, body bytes decoded.
    files: Vec<(String, f64, f64, f64)>,
}

impl Load {
    fn read(mark: &Value) -> Self {
        let number = |value: &Value| value.as_f64().unwrap_or(f64::NAN);
        Self {
            interactive_ms: number(&mark["tti"]),
            transferred: number(&mark["transferred"]),
            requests: number(&mark["requests"]),
            milestones: MILESTONES.map(|(key, _)| number(&mark[key])),
            files: mark["files"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|file| {
                    (
                        file[0].as_str().unwrap_or_default().to_owned(),
                        number(&file[1]),
                        number(&file[2]),
                        number(&file[3]),
                    )
                })
                .collect(),
        }
    }
}

/// The cold and the warm load of one new browser on `profile`.
async fn sample(url: String, profile: Profile) -> (Load, Load) {
    browser::with_browser(move |client| async move {
        browser::on_every_new_document(&client, WASM_PHASES).await;
        browser::devtools(&client, "Network.enable", json!({})).await;
        browser::devtools(
            &client,
            "Network.emulateNetworkConditions",
            json!({
                "offline": false,
                "latency": profile.latency_ms,
                "downloadThroughput": f64::from(profile.down_kbit) * 1000.0 / 8.0,
                "uploadThroughput": f64::from(profile.up_kbit) * 1000.0 / 8.0,
            }),
        )
        .await;
        let cold = load(&client, &url).await;
        load(&client, &url).await;
        let warm = load(&client, &url).await;
        (cold, warm)
    })
    .await
}

/// Navigates away and back to `url` (a new navigation, not a reload) and waits until the
/// page is interactive.
async fn load(client: &Client, url: &str) -> Load {
    client.goto("about:blank").await.expect("about:blank");
    client.goto(url).await.expect("the page loads");
    Load::read(&wait_for_interactive(client).await)
}

/// Measures `loads` samples of each page on each profile against the deployment at `origin`
/// and writes the tables.
pub async fn time_to_interactive(origin: &str, loads: usize) {
    let profiles = [FAST, SLOW];
    // [profile][page] → (cold, warm) per sample.
    let mut results: Vec<Vec<Vec<(Load, Load)>>> = profiles
        .iter()
        .map(|_| PAGES.iter().map(|_| Vec::new()).collect())
        .collect();
    // Round 0 warms the machine (disk cache of the Chromium binary, nginx) and is dropped.
    for round in 0..=loads {
        for (profile, measured) in profiles.iter().zip(results.iter_mut()) {
            for ((_, path), samples) in PAGES.iter().zip(measured.iter_mut()) {
                let loads = sample(format!("{origin}/{path}"), *profile).await;
                if round > 0 {
                    samples.push(loads);
                }
            }
        }
        eprint!("\rjtel-bench: network samples {round}/{loads}");
    }
    eprintln!();

    out!("| profile | load | page | TTI median | TTI p95 | widget / baseline (median) | (p95) | bytes transferred | requests |");
    out!("|---|---|---|---:|---:|---:|---:|---:|---:|");
    for (profile, measured) in profiles.iter().zip(&results) {
        for (kind, pick) in [("cold", cold as fn(&(Load, Load)) -> &Load), ("warm", warm)] {
            let tti = |samples: &[(Load, Load)]| -> Vec<f64> {
                samples.iter().map(|s| pick(s).interactive_ms).collect()
            };
            let baseline = tti(&measured[0]);
            for (index, ((name, _), samples)) in PAGES.iter().zip(measured).enumerate() {
                let times = tti(samples);
                let ratio = |of: fn(&[f64]) -> f64| {
                    if index == 0 {
                        "—".to_owned()
                    } else {
                        format!("{:.2}×", of(&times) / of(&baseline))
                    }
                };
                let of = |value: fn(&Load) -> f64| {
                    median(&samples.iter().map(|s| value(pick(s))).collect::<Vec<_>>())
                };
                out!(
                    "| {} | {kind} | {name} | {:.0} ms | {:.0} ms | {} | {} | {:.0} | {:.0} |",
                    profile.name,
                    median(&times),
                    p95(&times),
                    ratio(median),
                    ratio(p95),
                    of(|load| load.transferred),
                    of(|load| load.requests),
                );
            }
        }
    }
    out!();

    out!("Where the time goes (medians, ms from navigation start; the wasm is compiled while it streams in):\n");
    let columns: Vec<&str> = MILESTONES.iter().map(|(_, title)| *title).collect();
    out!(
        "| profile | load | page | {} | interactive |",
        columns.join(" | ")
    );
    out!("|---|---|---|{}---:|", "---:|".repeat(columns.len()));
    for (profile, measured) in profiles.iter().zip(&results) {
        for (kind, pick) in [("cold", cold as fn(&(Load, Load)) -> &Load), ("warm", warm)] {
            for ((name, _), samples) in PAGES.iter().zip(measured) {
                let at = |index: usize| {
                    let values: Vec<f64> =
                        samples.iter().map(|s| pick(s).milestones[index]).collect();
                    match median(&values) {
                        value if value.is_nan() => "—".to_owned(),
                        value => format!("{value:.0}"),
                    }
                };
                let times: Vec<f64> = samples.iter().map(|s| pick(s).interactive_ms).collect();
                let milestones: Vec<String> = (0..MILESTONES.len()).map(at).collect();
                out!(
                    "| {} | {kind} | {name} | {} | {:.0} |",
                    profile.name,
                    milestones.join(" | "),
                    median(&times)
                );
            }
        }
    }
    out!();

    out!(
        "The files of one cold and one warm load of each page ({}, first sample; bytes):\n",
        SLOW.name
    );
    out!("| page | file | cold: transferred | body as sent | body decoded | warm: transferred |");
    out!("|---|---|---:|---:|---:|---:|");
    let slow = &results[1];
    for ((name, _), samples) in PAGES.iter().zip(slow) {
        let (cold, warm) = &samples[0];
        for (path, transferred, encoded, decoded) in &cold.files {
            let again = warm
                .files
                .iter()
                .find(|file| &file.0 == path)
                .map_or("—".to_owned(), |file| format!("{:.0}", file.1));
            out!(
                "| {name} | `{path}` | {transferred:.0} | {encoded:.0} | {decoded:.0} | {again} |"
            );
        }
    }
    out!();
}

fn cold(loads: &(Load, Load)) -> &Load {
    &loads.0
}

fn warm(loads: &(Load, Load)) -> &Load {
    &loads.1
}
