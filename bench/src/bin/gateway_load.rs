//! A small load generator for `scripts/bench-gateway.sh`: `CONCURRENCY` clients send staff
//! requests to a gateway for `SECONDS` and it prints requests per second and latency
//! percentiles. Loopback only; bounded in time. Not a test: it measures, it asserts nothing.
//!
//!   gateway_load URL MODE CONCURRENCY SECONDS
//!
//! `URL` is the deployment's origin (`http://127.0.0.1:8080`); `MODE` is `create` (callbacks
//! with a fresh `Idempotency-Key` each) or `read` (the pickers' `GET users`). The staff token
//! is signed here with the HS256 secret in `BENCH_HS_SECRET` (kid `bench`, the issuer and
//! audience `bench`). Prints one line: `MODE requests errors rps p50_ms p99_ms`, and on
//! stderr what the errors were (`HTTP 502 ×3, connection ×1`), so a failing run says why.

use jsonwebtoken::{encode, EncodingKey, Header};
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [url, mode, concurrency, seconds] = args.as_slice() else {
        eprintln!("usage: gateway_load URL create|read CONCURRENCY SECONDS");
        std::process::exit(2);
    };
    let (concurrency, seconds): (usize, u64) = (
        concurrency.parse().expect("CONCURRENCY"),
        seconds.parse().expect("SECONDS"),
    );
    let token = token();
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(concurrency)
        .build()
        .expect("client");
    let deadline = Instant::now() + Duration::from_secs(seconds);
    // What went wrong, counted by kind (`HTTP 502`, `connection`, …).
    let errors: Arc<Mutex<BTreeMap<String, u64>>> = Arc::default();
    let started = Instant::now();
    let workers: Vec<_> = (0..concurrency)
        .map(|worker| {
            let (client, url, mode, token, errors) =
                (client.clone(), url.clone(), mode.clone(), token.clone(), errors.clone());
            tokio::spawn(async move {
                let mut latencies = Vec::new();
                let mut n = 0u64;
                while Instant::now() < deadline {
                    n += 1;
                    let request = if mode == "create" {
                        client
                            .post(format!("{url}/jtel/acd/events/create"))
                            .header("content-type", "application/json")
                            .header("idempotency-key", format!("bench-{worker}-{n}-{}", now()))
                            .body(
                                r#"{"AcdEventTypesID":3,"AcdGroupsID":235,"Sender":"49199123456789","Subject":"Benchmark"}"#,
                            )
                    } else {
                        client.get(format!("{url}/jtel/users"))
                    };
                    let sent = Instant::now();
                    let failure = match request.bearer_auth(&token).send().await {
                        Ok(answer) if !answer.status().is_success() => {
                            Some(format!("HTTP {}", answer.status().as_u16()))
                        }
                        Ok(answer) => answer.bytes().await.err().map(|_| "body".to_owned()),
                        Err(error) if error.is_connect() => Some("connection".to_owned()),
                        Err(error) if error.is_timeout() => Some("timeout".to_owned()),
                        Err(_) => Some("no answer".to_owned()),
                    };
                    latencies.push(sent.elapsed());
                    if let Some(kind) = failure {
                        *errors.lock().unwrap().entry(kind).or_default() += 1;
                    }
                }
                latencies
            })
        })
        .collect();
    let mut latencies = Vec::new();
    for worker in workers {
        latencies.extend(worker.await.expect("worker"));
    }
    let elapsed = started.elapsed().as_secs_f64();
    latencies.sort();
    let percentile = |p: f64| {
        let index = ((latencies.len() as f64 * p).ceil() as usize).clamp(1, latencies.len()) - 1;
        latencies[index].as_secs_f64() * 1000.0
    };
    let errors = errors.lock().unwrap();
    if !errors.is_empty() {
        let kinds: Vec<String> = errors
            .iter()
            .map(|(kind, n)| format!("{kind} ×{n}"))
            .collect();
        eprintln!("gateway_load {mode}: errors: {}", kinds.join(", "));
    }
    println!(
        "{mode} {} {} {:.0} {:.2} {:.2}",
        latencies.len(),
        errors.values().sum::<u64>(),
        latencies.len() as f64 / elapsed,
        percentile(0.50),
        percentile(0.99)
    );
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
}

/// A staff token with every scope the benchmark uses, valid for 15 minutes.
fn token() -> String {
    let secret = std::env::var("BENCH_HS_SECRET").expect("BENCH_HS_SECRET");
    let mut header = Header::new(jsonwebtoken::Algorithm::HS256);
    header.kid = Some("bench".into());
    let exp = now() / 1_000_000_000 + 840;
    let claims = serde_json::json!({
        "sub": "bench", "iss": "bench", "aud": "bench", "exp": exp,
        "scope": "events:create directory:read",
    });
    encode(
        &header,
        &claims,
        &EncodingKey::from_secret(secret.as_bytes()),
    )
    .expect("token")
}
