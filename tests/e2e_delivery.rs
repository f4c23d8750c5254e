//! End to end through the documented deployment (`scripts/gateway.sh`: nginx in front of the
//! jtel gateway, `gateway/nginx.conf.template`), how the release build's files go out
//! (docs/deployment.md): compressed as the browser accepts (the build's brotli and gzip
//! siblings as they are, the build's own bytes after decoding, `Vary: Accept-Encoding`,
//! `.wasm` as `application/wasm`), and cached safely (versioned files for a year, the entry
//! loaders and pages revalidated), so a warm load in Chromium asks for nothing versioned again
//! and the first load after an upgrade takes the new glue and wasm and nothing of the old.
//! The decoders are reference implementations (`brotli-decompressor`, `flate2`), not the
//! `brotli`/`gzip` tools that wrote the siblings.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use fantoccini::Client;
use jtel_emulator::{Config, DEFAULT_CLIENTS_ID, DEFAULT_TOKEN};
use serde_json::Value;
use std::io::Read;
use std::path::Path;
use support::browser::with_browser;
use support::deployment::{copy_tree, deploy, MetaCsp, LINKS_SET_FORMS};
use support::dist::dist_dir;
use support::jtel::RecordingJtel;
use support::nginx::Nginx;
use support::widget::in_widget;

/// What a versioned file may be kept for.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// The deployment in front of a jtel emulator, serving `dist`.
async fn deployment(dist: &Path) -> (RecordingJtel, Nginx) {
    let jtel = RecordingJtel::spawn(Config::default()).await;
    let nginx = Nginx::start(dist, &jtel.origin(), DEFAULT_CLIENTS_ID, DEFAULT_TOKEN).await;
    (jtel, nginx)
}

/// Every file below `dir` that the build wrote (not the compressed siblings), relative, with `/`.
fn built_files(dir: &Path) -> Vec<String> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).expect("the build folder is readable") {
        let entry = entry.expect("a build file");
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.file_type().expect("file type").is_dir() {
            let below = built_files(&entry.path());
            files.extend(below.into_iter().map(|file| format!("{name}/{file}")));
        } else if !name.ends_with(".br") && !name.ends_with(".gz") {
            files.push(name);
        }
    }
    files.sort();
    files
}

/// One answer, its body exactly as sent (this client decodes nothing and, unless told, sends
/// no `Accept-Encoding`).
struct Answer {
    status: u16,
    headers: reqwest::header::HeaderMap,
    body: Vec<u8>,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .get(name)
            .map(|value| value.to_str().expect("an ASCII header"))
    }
}

async fn get(nginx: &Nginx, path: &str, headers: &[(&str, &str)]) -> Answer {
    let mut request = reqwest::Client::new().get(nginx.url(path));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = request.send().await.expect("nginx answers");
    Answer {
        status: response.status().as_u16(),
        headers: response.headers().clone(),
        body: response.bytes().await.expect("a body").to_vec(),
    }
}

/// `body` decoded from `encoding` by the reference decoders.
fn decoded(encoding: Option<&str>, body: &[u8]) -> Vec<u8> {
    let mut plain = Vec::new();
    match encoding {
        None => plain.extend_from_slice(body),
        Some("br") => {
            brotli_decompressor::Decompressor::new(body, 4096)
                .read_to_end(&mut plain)
                .expect("valid brotli");
        }
        Some("gzip") => {
            flate2::read::GzDecoder::new(body)
                .read_to_end(&mut plain)
                .expect("valid gzip");
        }
        Some(other) => panic!("an encoding nobody asked for: {other}"),
    }
    plain
}

/// The media type nginx must send for `file`.
fn media_type(file: &str) -> &'static str {
    match file.rsplit('.').next() {
        Some("wasm") => "application/wasm",
        Some("js") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("html") => "text/html; charset=utf-8",
        _ => panic!("a file type the release build does not write: {file}"),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn every_file_goes_out_compressed_as_accepted_and_decodes_to_the_build_output() {
    let dist = dist_dir();
    let (_jtel, nginx) = deployment(&dist).await;
    let files = built_files(&dist);
    assert!(
        files.iter().any(|file| file.ends_with("_bg.wasm")),
        "{files:?}"
    );
    let mut checked = 0;
    // Also under the prefix the README's snippets use.
    let served = files
        .iter()
        .flat_map(|file| [(file, file.clone()), (file, format!("jtel-widgets/{file}"))]);
    for (file, path) in served {
        let original = std::fs::read(dist.join(file)).expect("the built file");
        // Pages have no siblings (a deployer edits them) and are gzipped on the fly.
        let precompressed = !file.ends_with(".html");
        for accepted in ["br", "gzip", "br, gzip", ""] {
            let headers: &[(&str, &str)] = if accepted.is_empty() {
                &[]
            } else {
                &[("accept-encoding", accepted)]
            };
            let answer = get(&nginx, &path, headers).await;
            let place = format!("{path} with Accept-Encoding {accepted:?}");
            assert_eq!(answer.status, 200, "{place}");
            assert_eq!(
                answer.header("content-type"),
                Some(media_type(file)),
                "{place}"
            );
            assert_eq!(answer.header("vary"), Some("Accept-Encoding"), "{place}");
            let expected = match (accepted, precompressed) {
                ("", _) | ("br", false) => None,
                ("gzip", _) | ("br, gzip", false) => Some("gzip"),
                ("br" | "br, gzip", true) => Some("br"),
                _ => unreachable!(),
            };
            let encoding = answer.header("content-encoding");
            assert_eq!(encoding, expected, "{place}");
            if precompressed {
                if let Some(encoding) = encoding {
                    let suffix = if encoding == "br" { "br" } else { "gz" };
                    let sibling = std::fs::read(dist.join(format!("{file}.{suffix}")))
                        .unwrap_or_else(|_| panic!("the build wrote {file}.{suffix}"));
                    assert!(
                        answer.body == sibling,
                        "{place}: the build's sibling as it is"
                    );
                }
            }
            assert!(
                decoded(encoding, &answer.body) == original,
                "{place}: decodes to the build output"
            );
            checked += 1;
        }
    }
    eprintln!("{checked} answers of {} files checked", files.len());
}

#[tokio::test(flavor = "multi_thread")]
async fn versioned_files_are_kept_for_a_year_and_the_entries_are_revalidated() {
    let dist = dist_dir();
    let (_jtel, nginx) = deployment(&dist).await;
    let files = built_files(&dist);
    let (versioned, entries): (Vec<_>, Vec<_>) =
        files.iter().partition(|file| file.starts_with("v/"));
    for bundle in ["jtel-widgets", "jtel-acd-event-form", "jtel-cockpit"] {
        for name in [format!("{bundle}.js"), format!("{bundle}_bg.wasm")] {
            assert!(
                versioned
                    .iter()
                    .any(|file| file.ends_with(&format!("/{name}"))),
                "{name} is versioned: {versioned:?}"
            );
            assert!(!entries.contains(&&name), "{name} has no unversioned copy");
        }
    }
    for file in &versioned {
        for path in [file.to_string(), format!("jtel-widgets/{file}")] {
            let answer = get(&nginx, &path, &[("accept-encoding", "br, gzip")]).await;
            assert_eq!(answer.status, 200, "{path}");
            assert_eq!(answer.header("cache-control"), Some(IMMUTABLE), "{path}");
        }
    }
    for file in &entries {
        for accepted in ["br, gzip", ""] {
            let answer = get(&nginx, file, &[("accept-encoding", accepted)]).await;
            let place = format!("{file} with Accept-Encoding {accepted:?}");
            assert_eq!(answer.header("cache-control"), Some("no-cache"), "{place}");
            let etag = answer.header("etag").expect("an ETag to revalidate with");
            let again = get(
                &nginx,
                file,
                &[("accept-encoding", accepted), ("if-none-match", etag)],
            )
            .await;
            assert_eq!(again.status, 304, "{place}: unchanged, so not sent again");
        }
    }
    // The loaders the host pages name fetch the glue from the version, and so do the hints.
    let version = versioned[0].split('/').nth(1).expect("v/<version>/…");
    for bundle in ["jtel-widgets", "jtel-acd-event-form", "jtel-cockpit"] {
        let loader = get(&nginx, &format!("{bundle}-loader.js"), &[]).await;
        let text = String::from_utf8(loader.body).expect("JS");
        assert!(
            text.contains(&format!("\"./v/{version}/{bundle}.js\"")),
            "{text}"
        );
    }
    for page in entries.iter().filter(|file| file.ends_with(".html")) {
        let html = std::fs::read_to_string(dist.join(page)).expect("the page");
        for hint in html
            .split("<link")
            .skip(1)
            .filter(|tag| tag.contains("preload"))
        {
            assert!(
                hint.contains(&format!("href=\"v/{version}/")),
                "{page}: {hint}"
            );
        }
    }
    // What is not there, and what the gateway answers, is never kept for a year.
    let missing = get(&nginx, &format!("v/{version}/missing.js"), &[]).await;
    assert_eq!(missing.status, 404);
    let api = get(&nginx, "jtel/users", &[]).await;
    for answer in [&missing, &api] {
        assert_ne!(answer.header("cache-control"), Some(IMMUTABLE));
    }
}

/// The resources the current page fetched: path and bytes over the network (0 when they came
/// from the HTTP cache without a request).
async fn transfers(client: &Client) -> Vec<(String, u64)> {
    let entries = client
        .execute(
            "return performance.getEntriesByType('resource')
                .map(e => [new URL(e.name).pathname, e.transferSize]);",
            vec![],
        )
        .await
        .expect("the page lists its resources");
    let entries: Vec<(String, u64)> = serde_json::from_value(entries).expect("pairs");
    entries
}

/// Opens `contact.html` (the one-form bundle) with `query`, waits until the form can be typed
/// into, and returns what the page fetched.
async fn load(client: &Client, nginx: &Nginx, query: &str) -> Vec<(String, u64)> {
    client
        .goto(&nginx.url(&format!("contact.html?{query}")))
        .await
        .expect("the page loads");
    in_widget(client, "#contact-callback", "[name=Sender]").await;
    transfers(client).await
}

fn fetched<'a>(loaded: &'a [(String, u64)], file: &str) -> Vec<&'a (String, u64)> {
    loaded
        .iter()
        .filter(|(path, _)| path.ends_with(file))
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_warm_load_asks_for_nothing_versioned_and_an_upgrade_takes_new_glue_and_wasm() {
    // A folder of its own: the test upgrades it.
    let dir = deploy(LINKS_SET_FORMS, MetaCsp::Kept);
    let (_jtel, nginx) = deployment(&dir).await;
    let old = std::fs::read_dir(dir.join("v"))
        .expect("v/")
        .next()
        .expect("a version")
        .expect("a version")
        .file_name()
        .to_string_lossy()
        .into_owned();
    // The next release's version: other bytes under another name (here the same bytes, which
    // the browser cannot tell apart), written next to the old one, then the entries switched.
    let new: String = old.chars().rev().collect();
    let upgrade = move |dir: &Path| {
        copy_tree(&dir.join("v").join(&old), &dir.join("v").join(&new));
        for entry in std::fs::read_dir(dir).expect("the deployment") {
            let path = entry.expect("a file").path();
            let name = path.to_string_lossy().into_owned();
            if name.ends_with(".html") || name.ends_with(".js") {
                let text = std::fs::read_to_string(&path).expect("text");
                let switched = text.replace(&format!("v/{old}/"), &format!("v/{new}/"));
                std::fs::write(&path, switched).expect("writable");
            }
        }
        // As the release build does after writing the loaders.
        let precompress = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/precompress.sh");
        let status = std::process::Command::new(precompress)
            .arg(dir)
            .status()
            .expect("scripts/precompress.sh runs");
        assert!(status.success());
        (old, new)
    };
    let dir_for_browser = dir.clone();
    with_browser(move |client| async move {
        let cold = load(&client, &nginx, "load=1").await;
        let warm = load(&client, &nginx, "load=2").await;
        for file in [
            "/jtel-acd-event-form.js",
            "/jtel-acd-event-form_bg.wasm",
            "/inline0.js",
        ] {
            let [(path, bytes)] = fetched(&cold, file)[..] else {
                panic!("{file} fetched once on the cold load: {cold:?}");
            };
            assert!(path.starts_with("/v/") && *bytes > 0, "{path}: {bytes} B");
            let [(_, bytes)] = fetched(&warm, file)[..] else {
                panic!("{file} used once on the warm load: {warm:?}");
            };
            assert_eq!(*bytes, 0, "{file} comes from the cache unasked: {warm:?}");
        }
        let [(_, revalidated)] = fetched(&warm, "/jtel-acd-event-form-loader.js")[..] else {
            panic!("the entry loader on the warm load: {warm:?}");
        };
        assert!(*revalidated > 0, "the entry loader is revalidated");

        let (old, new) = upgrade(&dir_for_browser);
        let upgraded = load(&client, &nginx, "load=3").await;
        for file in ["/jtel-acd-event-form.js", "/jtel-acd-event-form_bg.wasm"] {
            let [(path, bytes)] = fetched(&upgraded, file)[..] else {
                panic!("{file} fetched once after the upgrade: {upgraded:?}");
            };
            assert!(
                path.starts_with(&format!("/v/{new}/")) && *bytes > 0,
                "{path}: {bytes} B, the new version over the network"
            );
        }
        assert!(
            !upgraded
                .iter()
                .any(|(path, _)| path.contains(&format!("/v/{old}/"))),
            "nothing of the old version: {upgraded:?}"
        );
        let mark: Value = client
            .execute(
                "return performance.getEntriesByName('jtel-interactive').length",
                vec![],
            )
            .await
            .expect("script runs");
        assert_eq!(mark, 1, "the upgraded form is interactive");
    })
    .await;
}
