//! The documented deployment, `scripts/gateway.sh`: nginx round robin in front of two gateway
//! instances sharing a Redis server (started by the script). A retry that lands on the other
//! instance still yields exactly one event, and the audit lines hold no token and no text.

mod support;

use serde_json::json;
use std::net::{SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;
use support::{callback, claims, fresh_key, sign, Raw};

/// `scripts/gateway.sh` running; dropping it stops nginx, the instances and Redis.
struct Deployment {
    script: Child,
    dir: PathBuf,
    address: SocketAddr,
}

impl Deployment {
    async fn start(config: &Path, instances: u32, work: &Path) -> Self {
        let dist = work.join("dist");
        std::fs::create_dir_all(&dist).unwrap();
        std::fs::write(
            dist.join("index.html"),
            "<!doctype html><title>jtel</title>",
        )
        .unwrap();
        let dir = work.join("gateway");
        let address = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .unwrap();
        let script =
            Command::new(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/gateway.sh"))
                .env("GATEWAY_CONFIG", config)
                .env("INSTANCES", instances.to_string())
                .env("LISTEN", address.to_string())
                .env("DIST_DIR", &dist)
                .env("GATEWAY_DIR", &dir)
                .env("JTEL_GATEWAY_BIN", env!("CARGO_BIN_EXE_jtel-gateway"))
                .env_remove("REDIS_URL")
                .stdout(Stdio::null())
                .stderr(std::fs::File::create(work.join("script.log")).unwrap())
                .spawn()
                .expect("scripts/gateway.sh starts");
        let mut deployment = Self {
            script,
            dir,
            address,
        };
        for _ in 0..200 {
            if let Ok(Some(status)) = deployment.script.try_wait() {
                panic!(
                    "gateway.sh stopped ({status}): {}",
                    std::fs::read_to_string(work.join("script.log")).unwrap_or_default()
                );
            }
            let log = std::fs::read_to_string(work.join("script.log")).unwrap_or_default();
            if log.contains("serving") && tokio::net::TcpStream::connect(address).await.is_ok() {
                return deployment;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        deployment.script.kill().ok();
        panic!(
            "gateway.sh never served: {}",
            std::fs::read_to_string(work.join("script.log")).unwrap_or_default()
        );
    }

    /// The audit lines instance `i` (from 1) wrote.
    fn audit(&self, i: u32) -> Vec<serde_json::Value> {
        std::fs::read_to_string(self.dir.join(format!("gateway-{i}.out")))
            .unwrap_or_default()
            .lines()
            .filter_map(|line| serde_json::from_str(line).ok())
            .collect()
    }
}

impl Drop for Deployment {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.script.id().to_string()])
            .status();
        for _ in 0..100 {
            if matches!(self.script.try_wait(), Ok(Some(_))) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.script.kill();
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn two_instances_behind_nginx_share_one_outcome_per_key() {
    assert!(
        Command::new("redis-server")
            .arg("--version")
            .output()
            .is_ok(),
        "redis-server is missing: scripts/install-tools.sh installs it"
    );
    let jtel = jtel_emulator::spawn(jtel_emulator::Config::default())
        .await
        .unwrap();
    let work = tempfile::tempdir().unwrap();
    std::fs::write(work.path().join("jtel-token"), jtel_emulator::DEFAULT_TOKEN).unwrap();
    let config = work.path().join("gateway.toml");
    std::fs::write(
        &config,
        support::config_text(&jtel.base_url(), work.path(), ""),
    )
    .unwrap();
    let deployment = Deployment::start(&config, 2, work.path()).await;
    let token = sign("rs-1", &claims("events:create directory:read"));
    let create = |subject: &str, key: &str| {
        Raw::new("POST", "/jtel/acd/events/create")
            .json(&callback(subject), key)
            .bearer(&token)
    };
    let arm = |fault: serde_json::Value| {
        let url = format!("{}/faults", jtel.control_url());
        async move {
            let answer = reqwest::Client::new()
                .post(url)
                .bearer_auth(jtel_emulator::DEFAULT_TOKEN)
                .json(&json!({ "route": "create", "fault": fault }))
                .send()
                .await
                .unwrap();
            assert_eq!(answer.status(), 200);
        }
    };
    let events = |subject: &'static str| {
        let url = format!("{}/acd/events", jtel.base_url());
        async move {
            let list: serde_json::Value = reqwest::Client::new()
                .get(url)
                .bearer_auth(jtel_emulator::DEFAULT_TOKEN)
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            list["records"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|e| e["Subject"] == subject)
                .count()
        }
    };

    // The answer is lost after jtel stored the event; the retry goes to the other instance.
    arm(json!({ "kind": "drop_after" })).await;
    let key = fresh_key();
    let first = support::send(
        deployment.address,
        &create("lost on one, retried on the other", &key),
    )
    .await;
    assert_eq!(first.status, 502, "{}", first.body);
    let retry = support::send(
        deployment.address,
        &create("lost on one, retried on the other", &key),
    )
    .await;
    assert_eq!(retry.status, 200, "{}", retry.body);
    assert_eq!(events("lost on one, retried on the other").await, 1);

    // Both at once, one on each instance, while jtel is slow.
    arm(json!({ "kind": "latency", "ms": 700 })).await;
    let key = fresh_key();
    let both = create("both instances at once", &key);
    let (one, two) = tokio::join!(
        support::send(deployment.address, &both),
        support::send(deployment.address, &both)
    );
    assert_eq!(
        (one.status, two.status),
        (200, 200),
        "{} {}",
        one.body,
        two.body
    );
    assert_eq!(
        one.json()["records"][0]["ID"],
        two.json()["records"][0]["ID"]
    );
    assert_eq!(events("both instances at once").await, 1);

    // Round robin really used both: each instance wrote audit lines for the creates.
    let (a, b) = (deployment.audit(1), deployment.audit(2));
    assert!(
        !a.is_empty() && !b.is_empty(),
        "both instances served: {a:?} {b:?}"
    );
    let all: Vec<_> = a.iter().chain(&b).collect();
    assert!(
        all.iter()
            .any(|line| line["outcome"] == "200 looked up first"),
        "{all:?}"
    );
    let text = serde_json::to_string(&all).unwrap();
    for secret in [
        jtel_emulator::DEFAULT_TOKEN,
        &token,
        "49199123456789",
        "Please call me back",
        "both instances",
    ] {
        assert!(
            !text.contains(secret),
            "an audit line holds {secret:?}: {text}"
        );
    }
    assert!(
        all.iter().all(|line| line["who"] == "sub:agent-7"),
        "{all:?}"
    );
}
