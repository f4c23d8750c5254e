//! A real headless Chromium, driven through chromedriver with fantoccini.

use fantoccini::{Client, ClientBuilder};
use hyper_util::client::legacy::connect::HttpConnector;
use std::future::Future;
use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// Starts chromedriver and Chromium, runs `test` with the WebDriver client, and always closes
/// the browser and stops chromedriver afterwards, also when `test` panics (the panic is then
/// passed on). Returns what `test` returns.
pub async fn with_browser<F, Fut, T>(test: F) -> T
where
    F: FnOnce(Client) -> Fut,
    Fut: Future<Output = T> + Send + 'static,
    T: Send + 'static,
{
    let mut driver = Driver::start();
    let client = connect(driver.port).await;
    let outcome = tokio::spawn(test(client.clone())).await;
    let _ = client.close().await;
    driver.stop();
    outcome.unwrap_or_else(|failure| std::panic::resume_unwind(failure.into_panic()))
}

struct Driver {
    process: Child,
    port: u16,
}

impl Driver {
    fn start() -> Self {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("free port")
            .port();
        let program = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".to_owned());
        let process = Command::new(&program)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| {
                panic!("cannot start {program} ({e}): run scripts/install-tools.sh")
            });
        Self { process, port }
    }

    fn stop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        self.stop();
    }
}

async fn connect(port: u16) -> Client {
    let args = [
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,2400",
    ];
    let mut options = serde_json::json!({ "args": args });
    if std::path::Path::new("/usr/bin/chromium").exists() {
        options["binary"] = "/usr/bin/chromium".into();
    }
    let mut capabilities = serde_json::Map::new();
    capabilities.insert("goog:chromeOptions".to_owned(), options);
    let url = format!("http://127.0.0.1:{port}");
    let mut last_error = String::new();
    for _ in 0..100 {
        match ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities.clone())
            .connect(&url)
            .await
        {
            Ok(client) => return client,
            Err(error) => last_error = error.to_string(),
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("chromedriver did not start a browser: {last_error}");
}

/// The paths of every file the current page has fetched so far (Resource Timing), in order.
pub async fn fetched_paths(client: &Client) -> Vec<String> {
    let paths = client
        .execute(
            "return performance.getEntriesByType('resource').map(e => new URL(e.name).pathname);",
            vec![],
        )
        .await
        .expect("the page lists its resources");
    serde_json::from_value(paths).expect("a list of paths")
}

/// Runs `script` in every document the browser opens from now on (frames included), before
/// the page's own scripts, through the DevTools protocol (`Page.addScriptToEvaluateOnNewDocument`).
/// Such a script is not subject to the page's Content-Security-Policy, so it can watch it.
pub async fn on_every_new_document(client: &Client, script: &str) {
    devtools(
        client,
        "Page.addScriptToEvaluateOnNewDocument",
        serde_json::json!({ "source": script }),
    )
    .await;
}

/// Runs one DevTools protocol command in the current page and returns its result (for example
/// `Runtime.getHeapUsage`).
pub async fn devtools(
    client: &Client,
    method: &'static str,
    params: serde_json::Value,
) -> serde_json::Value {
    client
        .issue_cmd(DevToolsCommand { method, params })
        .await
        .unwrap_or_else(|e| panic!("chromedriver runs the DevTools command {method}: {e}"))
}

/// chromedriver's `POST /session/{id}/goog/cdp/execute`.
#[derive(Debug)]
struct DevToolsCommand {
    method: &'static str,
    params: serde_json::Value,
}

impl fantoccini::wd::WebDriverCompatibleCommand for DevToolsCommand {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        let session = session_id.unwrap_or_default();
        base_url.join(&format!("session/{session}/goog/cdp/execute"))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        let body = serde_json::json!({ "cmd": self.method, "params": self.params });
        (http::Method::POST, Some(body.to_string()))
    }
}
