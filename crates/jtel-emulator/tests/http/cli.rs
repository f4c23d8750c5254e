//! The `jtel-emulator` binary: its listening line, its request log, its exit codes.

use crate::support::{callback_body, send};
use reqwest::Client;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Output, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

const BINARY: &str = env!("CARGO_BIN_EXE_jtel-emulator");
/// The longest wait for the binary: generous, since every wait ends as soon as it can.
const PATIENCE: Duration = Duration::from_secs(20);
const TOKEN: &str = "cli-secret-7d2a";

/// The binary serving in the background; killed when dropped. Its stdout lines arrive one by
/// one, as it prints them.
struct Serving {
    child: Child,
    lines: Receiver<String>,
}

impl Serving {
    fn start(args: &[&str]) -> Self {
        let mut child = Command::new(BINARY)
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("the binary starts");
        let stdout = child.stdout.take().expect("stdout is piped");
        let (sender, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if sender.send(line).is_err() {
                    break;
                }
            }
        });
        Self { child, lines }
    }

    fn next_line(&self) -> String {
        self.lines
            .recv_timeout(PATIENCE)
            .expect("the binary prints a line")
    }

    /// Stops the binary; returns what it printed that was not read yet.
    fn stop(&mut self) -> Vec<String> {
        let _ = self.child.kill();
        let _ = self.child.wait();
        self.lines.iter().collect()
    }
}

impl Drop for Serving {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs the binary to its end (it must end by itself) and returns what it printed.
fn run_to_end(args: &[&str]) -> Output {
    let mut child = Command::new(BINARY)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let deadline = Instant::now() + PATIENCE;
    while child
        .try_wait()
        .expect("the binary can be waited for")
        .is_none()
    {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("jtel-emulator {args:?} did not exit");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("the output is readable")
}

#[tokio::test]
async fn the_binary_says_where_it_listens_and_logs_each_request_without_the_token() {
    let mut serving = Serving::start(&[
        "--listen",
        "127.0.0.1:0",
        "--token",
        TOKEN,
        "--clients-id",
        "7",
    ]);
    let first = serving.next_line();
    let base_url = first
        .strip_prefix("jtel emulator listening on ")
        .unwrap_or_else(|| panic!("{first}"));
    let port = base_url
        .strip_prefix("http://127.0.0.1:")
        .and_then(|rest| rest.strip_suffix("/rest/v1.0/7/"))
        .and_then(|port| port.parse::<u16>().ok())
        .unwrap_or_else(|| panic!("{first}"));
    assert_ne!(port, 0);

    let client = Client::new();
    let users = send(
        client
            .get(format!("{base_url}users?probe=1"))
            .bearer_auth(TOKEN),
    )
    .await;
    assert_eq!(users.status, 200, "{}", users.text);
    let line = serving.next_line();
    let parts: Vec<_> = line.split(' ').collect();
    assert_eq!(
        parts[..3],
        ["GET", "/rest/v1.0/7/users?probe=1", "200"],
        "{line}"
    );
    assert!(
        parts.len() == 4
            && parts[3]
                .strip_suffix("ms")
                .is_some_and(|ms| ms.parse::<u64>().is_ok()),
        "{line}"
    );

    let create = client
        .post(format!("{base_url}acd/events/create"))
        .bearer_auth(TOKEN)
        .json(&callback_body());
    assert_eq!(send(create).await.status, 200);
    let control = client
        .patch(format!(
            "http://127.0.0.1:{port}/_emulator/cockpitVariables/192"
        ))
        .bearer_auth(TOKEN)
        .json(&serde_json::json!({"bWritable": false}));
    assert_eq!(send(control).await.status, 200);
    let refused = send(
        client
            .get(format!("{base_url}users"))
            .bearer_auth(format!("{TOKEN}-wrong")),
    )
    .await;
    assert_eq!(refused.status, 401);

    let rest = serving.stop();
    let expected = [
        "POST /rest/v1.0/7/acd/events/create 200 ",
        "PATCH /_emulator/cockpitVariables/192 200 ",
        "GET /rest/v1.0/7/users 401 ",
    ];
    assert_eq!(rest.len(), expected.len(), "one line per request: {rest:?}");
    for (printed, start) in rest.iter().zip(expected) {
        assert!(printed.starts_with(start), "{rest:?}");
    }
    for printed in [&first, &line].into_iter().chain(&rest) {
        assert!(!printed.contains(TOKEN), "{printed}");
    }
}

#[test]
fn an_unknown_option_exits_2_with_a_clear_message() {
    let output = run_to_end(&["--listen", "127.0.0.1:0", "--verbose"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("unknown option --verbose") && stderr.contains("Usage:"),
        "{stderr}"
    );
    assert!(output.stdout.is_empty());
}

#[test]
fn help_prints_the_usage() {
    let output = run_to_end(&["--help"]);
    assert!(output.status.success());
    let stdout = String::from_utf8_lossy(&output.stdout);
    for option in [
        "--listen",
        "--token",
        "--clients-id",
        "--fixtures",
        "--state",
    ] {
        assert!(stdout.contains(option), "{stdout}");
    }
}

#[test]
fn a_corrupt_state_file_stops_the_binary() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state.json");
    std::fs::write(&state, "not json").unwrap();
    let output = run_to_end(&[
        "--listen",
        "127.0.0.1:0",
        "--state",
        state.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("state.json") && stderr.contains("not a valid emulator state"),
        "{stderr}"
    );
    assert!(output.stdout.is_empty(), "it must not start listening");
}

#[test]
fn a_fixtures_file_replaces_the_default_one() {
    let dir = tempfile::tempdir().unwrap();
    let fixtures = dir.path().join("fixtures.json");
    std::fs::write(&fixtures, r#"{"acdGroup": []}"#).unwrap();
    let output = run_to_end(&[
        "--listen",
        "127.0.0.1:0",
        "--fixtures",
        fixtures.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("fixtures.json") && stderr.contains("acdGroup"),
        "{stderr}"
    );
}
