//! A real browser, driven through its WebDriver server with fantoccini: headless Chromium
//! behind chromedriver by default; Firefox ESR behind geckodriver or WebKitGTK's MiniBrowser
//! behind WebKitWebDriver when `JTEL_BROWSER` says so (docs/engines.md).

use fantoccini::{Client, ClientBuilder};
use hyper_util::client::legacy::connect::HttpConnector;
use std::future::Future;
use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// The browser engines the end-to-end tests run in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    /// Chromium (Blink) behind chromedriver: every end-to-end test.
    Chromium,
    /// Firefox ESR (Gecko) behind geckodriver: the tests that use nothing Chromium-only.
    Firefox,
    /// WebKitGTK's MiniBrowser behind WebKitWebDriver, under an X server (Xvfb): the same.
    WebKit,
}

impl Engine {
    /// The engine `JTEL_BROWSER` names (`chromium`, the default, `firefox` or `webkit`); any
    /// other value stops the test with the values it accepts.
    pub fn current() -> Self {
        match std::env::var("JTEL_BROWSER").as_deref() {
            Err(_) | Ok("chromium") => Engine::Chromium,
            Ok("firefox") => Engine::Firefox,
            Ok("webkit") => Engine::WebKit,
            Ok(other) => panic!("JTEL_BROWSER={other:?}: expected chromium, firefox or webkit"),
        }
    }

    /// Its WebDriver server: the environment variable that may name the program, the program
    /// on PATH otherwise.
    fn driver(self) -> (&'static str, &'static str) {
        match self {
            Engine::Chromium => ("CHROMEDRIVER", "chromedriver"),
            Engine::Firefox => ("GECKODRIVER", "geckodriver"),
            Engine::WebKit => ("WEBKITWEBDRIVER", "WebKitWebDriver"),
        }
    }

    /// The arguments that make its WebDriver server listen on `port` (and geckodriver let
    /// Firefox pick a free port for WebDriver BiDi too, not 9222 for every test at once).
    fn driver_args(self, port: u16) -> Vec<String> {
        match self {
            Engine::Chromium | Engine::WebKit => vec![format!("--port={port}")],
            Engine::Firefox => vec![format!("--port={port}"), "--websocket-port=0".to_owned()],
        }
    }

    /// The capabilities of a new session: headless where the engine can be, the Debian
    /// browser binary, and a tall window (Chromium's by argument, the others' set after start).
    fn capabilities(self) -> serde_json::Map<String, serde_json::Value> {
        let (name, options) = match self {
            Engine::Chromium => {
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
                ("goog:chromeOptions", options)
            }
            Engine::Firefox => {
                let mut options = serde_json::json!({ "args": ["-headless"] });
                if std::path::Path::new("/usr/bin/firefox-esr").exists() {
                    options["binary"] = "/usr/bin/firefox-esr".into();
                }
                ("moz:firefoxOptions", options)
            }
            Engine::WebKit => {
                assert!(
                    std::env::var_os("DISPLAY").is_some(),
                    "WebKitGTK needs an X server: run the tests under xvfb-run (scripts/test.sh does)"
                );
                let browser = minibrowser().expect(
                    "WebKitGTK's MiniBrowser (/usr/lib/*/webkit2gtk-4.1/MiniBrowser): run scripts/install-tools.sh",
                );
                let options = serde_json::json!({ "binary": browser, "args": ["--automation"] });
                ("webkitgtk:browserOptions", options)
            }
        };
        let mut capabilities = serde_json::Map::new();
        capabilities.insert(name.to_owned(), options);
        capabilities
    }
}

/// WebKitGTK's MiniBrowser, which Debian's libwebkit2gtk-4.1-0 ships outside PATH.
fn minibrowser() -> Option<String> {
    let lib = std::fs::read_dir("/usr/lib").ok()?;
    lib.flatten()
        .map(|arch| arch.path().join("webkit2gtk-4.1/MiniBrowser"))
        .find(|path| path.is_file())
        .map(|path| path.display().to_string())
}

/// How long one test may keep its browser: one that stops answering (WebKitGTK's MiniBrowser
/// did, once, on the loaded machine) fails the test instead of hanging the run. A watchdog,
/// not a measure: the slowest test takes about two minutes.
const WATCHDOG: Duration = Duration::from_secs(600);

/// Starts the WebDriver server and the browser of [`Engine::current`], runs `test` with the
/// WebDriver client, and always closes the browser and stops the server afterwards, also when
/// `test` panics (the panic is then passed on) or the browser stops answering ([`WATCHDOG`]).
/// Returns what `test` returns.
pub async fn with_browser<F, Fut, T>(test: F) -> T
where
    F: FnOnce(Client) -> Fut,
    Fut: Future<Output = T> + Send + 'static,
    T: Send + 'static,
{
    let engine = Engine::current();
    let mut driver = Driver::start(engine);
    let port = driver.port;
    let run = async move {
        let client = connect(engine, port).await;
        if engine != Engine::Chromium {
            client
                .set_window_size(1280, 2400)
                .await
                .expect("the browser window takes the tests' size");
        }
        let outcome = tokio::spawn(test(client.clone())).await;
        let _ = client.close().await;
        outcome
    };
    let outcome = tokio::time::timeout(WATCHDOG, run).await;
    driver.stop();
    match outcome {
        Ok(outcome) => {
            outcome.unwrap_or_else(|failure| std::panic::resume_unwind(failure.into_panic()))
        }
        Err(_) => panic!("{engine:?} stopped answering: no end after {WATCHDOG:?}"),
    }
}

struct Driver {
    process: Child,
    port: u16,
}

impl Driver {
    fn start(engine: Engine) -> Self {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("free port")
            .port();
        let (variable, default) = engine.driver();
        let program = std::env::var(variable).unwrap_or_else(|_| default.to_owned());
        let process = Command::new(&program)
            .args(engine.driver_args(port))
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

async fn connect(engine: Engine, port: u16) -> Client {
    let capabilities = engine.capabilities();
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
    panic!("{engine:?}'s WebDriver server did not start a browser: {last_error}");
}

/// Runs the module script at `path` (a file the page's origin serves) in the current page, as
/// a script of the page's own, with `arguments` readable as `window.jtelModuleArguments`, and
/// waits (up to ten seconds) until it sets `window.jtelModuleDone`. A script WebDriver runs
/// is not the page's own: Firefox runs it in a sandbox with a module map of its own, where
/// `import()` of the loader would start a second copy of the widget code beside the page's.
pub async fn run_page_module(client: &Client, path: &str, arguments: serde_json::Value) {
    let start = r#"const [path, args] = arguments;
        window.jtelModuleArguments = args;
        const script = Object.assign(document.createElement("script"), { type: "module", src: path });
        document.head.append(script);"#;
    client
        .execute(start, vec![path.into(), arguments])
        .await
        .unwrap_or_else(|e| panic!("the page loads {path}: {e}"));
    for _ in 0..100 {
        let done = client
            .execute("return window.jtelModuleDone === true;", vec![])
            .await
            .expect("the page answers");
        if done == serde_json::Value::Bool(true) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{path} never finished");
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
/// `Runtime.getHeapUsage`). Chromium only: in another engine the test fails here, it never
/// passes without what it checks.
pub async fn devtools(
    client: &Client,
    method: &'static str,
    params: serde_json::Value,
) -> serde_json::Value {
    assert_eq!(
        Engine::current(),
        Engine::Chromium,
        "{method} is Chromium's DevTools protocol: a test that needs it is Chromium-only (docs/engines.md)"
    );
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
