//! The production deployment started for a test: `scripts/gateway.sh` runs nginx in front of
//! one or more jtel-gateway instances (and Redis for several), on a free loopback port, in
//! front of a jtel server. The gateway's configuration is written here: public forms
//! `contact` (callbacks to group 235 for the service number 4919900112233, as
//! `static/contact.html` sends them; a burst of 4 per address, then 6 a minute),
//! `one-a-minute` (the same, one per address and minute) and
//! `fault-matrix` (the same, 100 at once), and staff tokens signed with an HS256 secret made for
//! the test ([`Nginx::staff_token`]).

use jsonwebtoken::{Algorithm, EncodingKey};
use jtel_gateway::test_support::{self, now, CallbackForm, StaffKey, TestConfig};
use std::net::{SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// How a deployment differs from the default one (one instance, 3 s jtel timeout, `frame.html`
/// framed by its own origin only, no CORS origins).
struct Setup<'a> {
    instances: u32,
    timeout_ms: u64,
    frame_ancestors: Option<&'a str>,
    cors_origins: &'a [String],
}

impl Default for Setup<'_> {
    fn default() -> Self {
        Self {
            instances: 1,
            timeout_ms: 3000,
            frame_ancestors: None,
            cors_origins: &[],
        }
    }
}

/// A running deployment; dropping it stops nginx, the gateway instances and Redis, and
/// removes the temp dir (which holds the token and the secret).
pub struct Nginx {
    script: Child,
    dir: PathBuf,
    addr: SocketAddr,
    secret: String,
}

impl Nginx {
    /// Serves `dist` and passes `/jtel/` to one gateway instance that forwards to
    /// `{upstream}/rest/v1.0/{clients_id}/` with `token`; `upstream` is `http://host:port`.
    pub async fn start(dist: &Path, upstream: &str, clients_id: u64, token: &str) -> Self {
        Self::start_instances(dist, upstream, clients_id, token, 1, 3000).await
    }

    /// Like [`Nginx::start`] with `instances` gateway instances (round robin, one Redis) and
    /// jtel requests given up after `timeout_ms`.
    pub async fn start_instances(
        dist: &Path,
        upstream: &str,
        clients_id: u64,
        token: &str,
        instances: u32,
        timeout_ms: u64,
    ) -> Self {
        let setup = Setup {
            instances,
            timeout_ms,
            ..Setup::default()
        };
        Self::launch(dist, upstream, clients_id, token, setup).await
    }

    /// Like [`Nginx::start`], with `FRAME_ANCESTORS` set to `frame_ancestors` (who may frame
    /// `frame.html`).
    pub async fn start_framed_by(
        dist: &Path,
        upstream: &str,
        clients_id: u64,
        token: &str,
        frame_ancestors: &str,
    ) -> Self {
        let setup = Setup {
            frame_ancestors: Some(frame_ancestors),
            ..Setup::default()
        };
        Self::launch(dist, upstream, clients_id, token, setup).await
    }

    /// Like [`Nginx::start`], answering browsers on the `cors_origins` (`http://host:port`)
    /// with CORS, as `[cors] origins` of the gateway's configuration.
    pub async fn start_for_origins(
        dist: &Path,
        upstream: &str,
        clients_id: u64,
        token: &str,
        cors_origins: &[String],
    ) -> Self {
        let setup = Setup {
            cors_origins,
            ..Setup::default()
        };
        Self::launch(dist, upstream, clients_id, token, setup).await
    }

    async fn launch(
        dist: &Path,
        upstream: &str,
        clients_id: u64,
        token: &str,
        setup: Setup<'_>,
    ) -> Self {
        let Setup {
            instances,
            timeout_ms,
            frame_ancestors,
            cors_origins,
        } = setup;
        static STARTED: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "jtel-nginx-{}-{}",
            std::process::id(),
            STARTED.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("deployment temp dir");
        let secret = format!("test-secret-{}-{}", std::process::id(), now()).repeat(2);
        std::fs::write(dir.join("jtel-token"), token).unwrap();
        std::fs::write(dir.join("hs-secret"), &secret).unwrap();
        let config = dir.join("gateway.toml");
        let upstream = format!("{upstream}/rest/v1.0/{clients_id}");
        let cors_origins: Vec<&str> = cors_origins.iter().map(String::as_str).collect();
        // The contact page's form (callbacks to 235 for its service number, as
        // static/contact.html sends them), one limited to one a minute, the fault matrix's.
        let form = |name, per_address_per_minute, burst, receiver| CallbackForm {
            name,
            per_address_per_minute: Some(per_address_per_minute),
            burst,
            daily_cap: None,
            receiver,
        };
        let text = TestConfig {
            jtel_base_url: &upstream,
            timeout_ms,
            cors_origins: &cors_origins,
            keys: &[StaffKey {
                kid: "crm-1",
                algorithm: "HS256",
                file: "secret_file = \"hs-secret\"".into(),
            }],
            forms: &[
                form("contact", 6, 4, Some("4919900112233")),
                form("one-a-minute", 1, 1, Some("4919900112233")),
                form("fault-matrix", 600, 100, None),
            ],
            ..TestConfig::default()
        }
        .toml();
        std::fs::write(&config, text).unwrap();
        let addr = free_port();
        let stderr = std::fs::File::create(dir.join("stderr.log")).expect("log file");
        // nginx writes its access log (one line per request, never a header) to stdout.
        let access = std::fs::File::create(dir.join("access.log")).expect("log file");
        let mut command = Command::new(gateway_script());
        match frame_ancestors {
            Some(ancestors) => command.env("FRAME_ANCESTORS", ancestors),
            None => command.env_remove("FRAME_ANCESTORS"),
        };
        let script = command
            .env("GATEWAY_CONFIG", &config)
            .env("INSTANCES", instances.to_string())
            .env("JTEL_GATEWAY_BIN", gateway_binary())
            .env("LISTEN", addr.to_string())
            .env("DIST_DIR", dist)
            .env("GATEWAY_DIR", dir.join("run"))
            .env_remove("REDIS_URL")
            .stdout(access)
            .stderr(stderr)
            .spawn()
            .expect("scripts/gateway.sh starts (nginx missing? run scripts/install-tools.sh)");
        let mut nginx = Self {
            script,
            dir,
            addr,
            secret,
        };
        nginx.wait_until_it_answers().await;
        nginx
    }

    /// A staff token for `scope` (space-separated), valid for five minutes.
    pub fn staff_token(&self, scope: &str) -> String {
        self.staff_token_expiring(scope, 300)
    }

    /// A staff token for `scope` whose `exp` is `seconds` from now (less than the gateway's
    /// 30 s of leeway in the past: an expired token).
    pub fn staff_token_expiring(&self, scope: &str, seconds: i64) -> String {
        let mut claims = test_support::claims("e2e-agent", scope);
        claims["exp"] = now().saturating_add_signed(seconds).into();
        test_support::sign(
            "crm-1",
            Algorithm::HS256,
            &EncodingKey::from_secret(self.secret.as_bytes()),
            &claims,
        )
    }

    /// `http://127.0.0.1:{port}/{path}`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}/{path}", self.addr)
    }

    /// nginx's access log so far: one line per request, with its request line and status.
    pub fn access_log(&self) -> String {
        std::fs::read_to_string(self.dir.join("access.log")).unwrap_or_default()
    }

    /// What the script, nginx and the instances wrote to stderr so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.join("stderr.log")).unwrap_or_default()
    }

    async fn wait_until_it_answers(&mut self) {
        for _ in 0..200 {
            if let Ok(Some(status)) = self.script.try_wait() {
                panic!("gateway.sh stopped ({status}):\n{}", self.log());
            }
            if self.log().contains("gateway.sh: serving")
                && tokio::net::TcpStream::connect(self.addr).await.is_ok()
            {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!(
            "the deployment never answered on {}:\n{}",
            self.addr,
            self.log()
        );
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        // SIGTERM: the script stops nginx, the instances and Redis, and waits for them.
        let _ = Command::new("kill")
            .args(["-TERM", &self.script.id().to_string()])
            .status();
        for _ in 0..100 {
            if matches!(self.script.try_wait(), Ok(Some(_))) {
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.script.kill();
        let _ = self.script.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// This repository's `scripts/gateway.sh` (the tests' crate is the repository's root, the
/// bench's one folder below it).
fn gateway_script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .map(|dir| dir.join("scripts/gateway.sh"))
        .find(|script| script.exists())
        .expect("scripts/gateway.sh in the repository")
}

/// The jtel-gateway binary: `$JTEL_GATEWAY_BIN` when set (scripts/bench.sh sets it), else the
/// one beside this test binary's folder (`target/debug/jtel-gateway`), built by
/// `cargo build -p jtel-gateway` (scripts/test.sh does).
fn gateway_binary() -> PathBuf {
    if let Some(binary) = std::env::var_os("JTEL_GATEWAY_BIN") {
        return PathBuf::from(binary);
    }
    let test_binary = std::env::current_exe().expect("the test binary's path");
    let binary = test_binary
        .parent()
        .and_then(Path::parent)
        .expect("target/debug/deps")
        .join("jtel-gateway");
    assert!(
        binary.exists(),
        "{} is missing: run cargo build -p jtel-gateway first (scripts/test.sh does)",
        binary.display()
    );
    binary
}

/// A loopback address with a port that was free a moment ago.
fn free_port() -> SocketAddr {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("free port")
}
