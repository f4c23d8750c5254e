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

/// A page the network benchmark loads, as served below `bench/`.
struct Page {
    name: &'static str,
    path: &'static str,
    /// The index in [`PAGES`] of the plain HTML/JS page it is measured against; `None` for a
    /// baseline.
    baseline: Option<usize>,
}

/// Each widget page after its plain HTML/JS baseline: the callback form, the cockpit variable
/// form and the list of cockpit variables (both load what they show from the gateway with a
/// staff token).
const PAGES: [Page; 6] = [
    Page {
        name: "baseline: plain HTML/JS callback form",
        path: "bench/baseline.html",
        baseline: None,
    },
    Page {
        name: "`<jtel-acd-event-form>` (callback)",
        path: "bench/acd-event-form.html",
        baseline: Some(0),
    },
    Page {
        name: "baseline: plain HTML/JS cockpit variable",
        path: "bench/baseline-cockpit.html",
        baseline: None,
    },
    Page {
        name: "`<jtel-cockpit-variable>`",
        path: "bench/cockpit-variable.html",
        baseline: Some(2),
    },
    Page {
        name: "baseline: plain HTML/JS cockpit variable list",
        path: "bench/baseline-cockpit-list.html",
        baseline: None,
    },
    Page {
        name: "`<jtel-cockpit-variables>`",
        path: "bench/cockpit-variables.html",
        baseline: Some(4),
    },
];

/// The host's sign-in, played by the bench: the page gets a staff token before any of its
/// scripts run. The cockpit widgets get it as their `credentials` property (set on the
/// elements as the parser makes them, before they upgrade); the baselines send it themselves.
fn staff_sign_in(token: &str) -> String {
    format!(
        r#"
        window.jtelBenchStaffToken = {token};
        new MutationObserver(() => {{
            for (const element of document.querySelectorAll("jtel-cockpit-variable, jtel-cockpit-variables")) {{
                if (!("credentials" in element)) element.credentials = window.jtelBenchStaffToken;
            }}
        }}).observe(document, {{ childList: true, subtree: true }});
        "#,
        token = Value::from(token)
    )
}

/// `<jtel-cockpit-variables>` sets no `jtel-interactive` mark of its own (the list is no
/// form): the bench sets it when the rows are in the list's shadow root, which is when the
/// baseline list sets its own.
const LIST_INTERACTIVE: &str = r#"
    {
        const attachShadow = Element.prototype.attachShadow;
        Element.prototype.attachShadow = function (init) {
            const root = attachShadow.call(this, init);
            if (this.localName === "jtel-cockpit-variables") {
                const rows = new MutationObserver(() => {
                    if (!root.querySelector(".jtel-cockpit-rows")) return;
                    rows.disconnect();
                    performance.mark("jtel-interactive");
                });
                rows.observe(root, { childList: true, subtree: true });
            }
            return root;
        };
    }
"#;

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

/// The cold and the warm load of one new browser on `profile`, signed in with `staff_token`.
async fn sample(url: String, profile: Profile, staff_token: String) -> (Load, Load) {
    browser::with_browser(move |client| async move {
        for script in [WASM_PHASES, LIST_INTERACTIVE, &staff_sign_in(&staff_token)] {
            browser::on_every_new_document(&client, script).await;
        }
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
/// (each sample signed in with a new token from `staff_token`) and writes the tables. Only
/// the widget pages whose path contains `only` are measured, each with its baseline.
pub async fn time_to_interactive(
    origin: &str,
    loads: usize,
    only: &str,
    staff_token: &dyn Fn() -> String,
) {
    let chosen = |page: &Page| page.baseline.is_some() && page.path.contains(only);
    let measured_page = |index: usize| {
        chosen(&PAGES[index])
            || PAGES
                .iter()
                .any(|page| chosen(page) && page.baseline == Some(index))
    };
    let profiles = [FAST, SLOW];
    // [profile][page] → (cold, warm) per sample.
    let mut results: Vec<Vec<Vec<(Load, Load)>>> = profiles
        .iter()
        .map(|_| PAGES.iter().map(|_| Vec::new()).collect())
        .collect();
    // Round 0 warms the machine (disk cache of the Chromium binary, nginx) and is dropped.
    for round in 0..=loads {
        for (profile, measured) in profiles.iter().zip(results.iter_mut()) {
            for (index, (page, samples)) in PAGES.iter().zip(measured.iter_mut()).enumerate() {
                if !measured_page(index) {
                    continue;
                }
                let url = format!("{origin}/{}", page.path);
                let loads = sample(url, *profile, staff_token()).await;
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
            for (page, samples) in PAGES.iter().zip(measured).filter(was_measured) {
                let times = tti(samples);
                let ratio = |of: fn(&[f64]) -> f64| match page.baseline {
                    None => "—".to_owned(),
                    Some(baseline) => format!("{:.2}×", of(&times) / of(&tti(&measured[baseline]))),
                };
                let of = |value: fn(&Load) -> f64| {
                    median(&samples.iter().map(|s| value(pick(s))).collect::<Vec<_>>())
                };
                out!(
                    "| {} | {kind} | {} | {:.0} ms | {:.0} ms | {} | {} | {:.0} | {:.0} |",
                    profile.name,
                    page.name,
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
            for (page, samples) in PAGES.iter().zip(measured).filter(was_measured) {
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
                    "| {} | {kind} | {} | {} | {:.0} |",
                    profile.name,
                    page.name,
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
    for (page, samples) in PAGES.iter().zip(slow).filter(was_measured) {
        let (cold, warm) = &samples[0];
        for (path, transferred, encoded, decoded) in &cold.files {
            let again = warm
                .files
                .iter()
                .find(|file| &file.0 == path)
                .map_or("—".to_owned(), |file| format!("{:.0}", file.1));
            out!(
                "| {} | `{path}` | {transferred:.0} | {encoded:.0} | {decoded:.0} | {again} |",
                page.name
            );
        }
    }
    out!();
}

/// Reads Chromium's own histograms (`chrome://histograms`) of wasm compiling and caching:
/// name → (samples, [(bucket, count)]).
const WASM_HISTOGRAMS: &str = r#"
    const text = document.body.innerText;
    if (!text.includes("Histogram: V8.Wasm")) return null;
    const found = {};
    for (const block of text.split("Histogram: ").slice(1)) {
        const [head, ...lines] = block.split("\n");
        const name = head.split(" ")[0];
        const samples = Number(head.match(/recorded (\d+) samples/)?.[1] ?? 0);
        const buckets = lines
            .map((line) => line.match(/^(\d+)\s+-*O\s+\((\d+) =/))
            .filter((match) => match && match[2] !== "0")
            .map((match) => [Number(match[1]), Number(match[2])]);
        found[name] = [samples, buckets];
    }
    return found;
"#;

/// Whether V8 keeps the wasm's compiled code between loads: one browser loads the event form
/// page three times, 3 s apart (V8 writes its cache 2 s after the last optimised function),
/// then reads Chromium's histograms of wasm compiling and caching.
pub async fn wasm_code_cache(origin: &str) {
    let url = format!("{origin}/{}", PAGES[1].path);
    let histograms = browser::with_browser(move |client| async move {
        for _ in 0..3 {
            load(&client, &url).await;
            tokio::time::sleep(std::time::Duration::from_secs(3)).await;
        }
        client
            .goto("chrome://histograms/#V8.Wasm")
            .await
            .expect("chrome://histograms opens");
        for _ in 0..100 {
            // The page shows what the renderers had sent at its start; "Refresh" asks again.
            client
                .execute("document.querySelector('#refresh')?.click()", vec![])
                .await
                .expect("the histograms page refreshes");
            tokio::time::sleep(std::time::Duration::from_millis(300)).await;
            let found = client
                .execute(WASM_HISTOGRAMS, vec![])
                .await
                .expect("the histograms page reads");
            if !found.is_null() {
                return found;
            }
        }
        Value::Null
    })
    .await;
    if histograms.is_null() {
        out!("(chrome://histograms showed no V8.Wasm histogram: not measured)\n");
        return;
    }
    let samples = |name: &str| histograms[name][0].as_u64().unwrap_or(0);
    let bucket = |name: &str, bucket: u64| {
        histograms[name][1]
            .as_array()
            .into_iter()
            .flatten()
            .find(|pair| pair[0].as_u64() == Some(bucket))
            .and_then(|pair| pair[1].as_u64())
            .unwrap_or(0)
    };
    out!(
        "Chromium's histograms after three loads of `{}` in one browser, 3 s apart:\n",
        PAGES[1].path
    );
    out!("| histogram | what it counts | recorded |");
    out!("|---|---|---|");
    out!(
        "| `V8.WasmStreamingInputType` | streamed responses by kind (6 = http, 7 = https) | {} × http, {} × https |",
        bucket("V8.WasmStreamingInputType", 6),
        bucket("V8.WasmStreamingInputType", 7)
    );
    out!(
        "| `V8.WasmCodeCaching` | code-cache lookups (0 miss, 1 hit, 2 invalid, 3 no cache handler) | {} miss, {} hit, {} invalid, {} without handler |",
        bucket("V8.WasmCodeCaching", 0),
        bucket("V8.WasmCodeCaching", 1),
        bucket("V8.WasmCodeCaching", 2),
        bucket("V8.WasmCodeCaching", 3)
    );
    out!(
        "| `V8.WasmSerializationTimeMilliSeconds` | modules V8 wrote to the code cache | {} |",
        samples("V8.WasmSerializationTimeMilliSeconds")
    );
    out!(
        "| `V8.WasmLazyCompileTimeMicroSeconds` | functions compiled on first call (Liftoff), all loads | {} |",
        samples("V8.WasmLazyCompileTimeMicroSeconds")
    );
    out!();
}

/// Whether a page's samples were taken (`--pages` leaves some out).
fn was_measured((_, samples): &(&Page, &Vec<(Load, Load)>)) -> bool {
    !samples.is_empty()
}

fn cold(loads: &(Load, Load)) -> &Load {
    &loads.0
}

fn warm(loads: &(Load, Load)) -> &Load {
    &loads.1
}
