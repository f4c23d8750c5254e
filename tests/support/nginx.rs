//! The production gateway, nginx, started for a test: `scripts/gateway.sh` renders
//! `gateway/nginx.conf.template` into a temp dir and runs nginx from there on a free loopback
//! port, in front of a jtel server.

use std::net::{SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// A running nginx gateway; dropping it stops nginx and removes its temp dir (which holds
/// the rendered config with the token).
pub struct Nginx {
    script: Child,
    dir: PathBuf,
    addr: SocketAddr,
}

impl Nginx {
    /// Serves `dist` and forwards `/jtel/` to `{upstream}/rest/v1.0/{clients_id}/` with
    /// `token`; `upstream` is `http://host:port`. Waits until nginx answers.
    pub async fn start(dist: &Path, upstream: &str, clients_id: u64, token: &str) -> Self {
        static STARTED: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "jtel-nginx-{}-{}",
            std::process::id(),
            STARTED.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("nginx temp dir");
        let addr = free_port();
        let stderr = std::fs::File::create(dir.join("stderr.log")).expect("nginx log file");
        let script = Command::new(Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/gateway.sh"))
            .env("JTEL_UPSTREAM", upstream)
            .env("JTEL_CLIENTS_ID", clients_id.to_string())
            .env("JTEL_TOKEN", token)
            .env("LISTEN", addr.to_string())
            .env("DIST_DIR", dist)
            .env("GATEWAY_DIR", &dir)
            .env_remove("FRAME_ANCESTORS")
            .stdout(Stdio::null())
            .stderr(stderr)
            .spawn()
            .expect("scripts/gateway.sh starts (nginx missing? run scripts/install-tools.sh)");
        let mut nginx = Self { script, dir, addr };
        nginx.wait_until_it_answers().await;
        nginx
    }

    /// `http://127.0.0.1:{port}/{path}`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}/{path}", self.addr)
    }

    /// What nginx and the script wrote to stderr so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.join("stderr.log")).unwrap_or_default()
    }

    async fn wait_until_it_answers(&mut self) {
        for _ in 0..100 {
            if let Ok(Some(status)) = self.script.try_wait() {
                panic!("nginx stopped ({status}):\n{}", self.log());
            }
            if tokio::net::TcpStream::connect(self.addr).await.is_ok() {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("nginx never answered on {}:\n{}", self.addr, self.log());
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        // SIGTERM: the script stops nginx (master and workers) and waits for it.
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

/// A loopback address with a port that was free a moment ago.
fn free_port() -> SocketAddr {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("free port")
}
