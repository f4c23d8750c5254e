//! Another origin on loopback for the end-to-end tests: a folder served as static files by a
//! small server (a CRM's page that frames the widgets, a third party's page, a page full of
//! CSS frameworks).

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use tower_http::services::ServeDir;

/// A folder served at `http://127.0.0.1:{port}/` for as long as the test's runtime lives.
pub struct Site {
    dir: PathBuf,
    addr: SocketAddr,
}

impl Site {
    /// Serves a new empty folder named after `name` on a free loopback port; files written
    /// into it later ([`Site::write`]) are served as they are then.
    pub async fn start(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("jtel-site-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("the site's folder");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind the site");
        let addr = listener.local_addr().expect("the site's address");
        let app = axum::Router::new().fallback_service(ServeDir::new(&dir));
        tokio::spawn(async move { axum::serve(listener, app).await.expect("the site serves") });
        Self { dir, addr }
    }

    /// `http://127.0.0.1:{port}`.
    pub fn origin(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// `{origin}/{path}`.
    pub fn url(&self, path: &str) -> String {
        format!("{}/{path}", self.origin())
    }

    /// The folder it serves.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Writes `text` as the file `path` of the site.
    pub fn write(&self, path: &str, text: &str) {
        let file = self.dir.join(path);
        if let Some(parent) = file.parent() {
            std::fs::create_dir_all(parent).expect("the page's folder");
        }
        std::fs::write(&file, text).unwrap_or_else(|e| panic!("cannot write {path}: {e}"));
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
