//! A gateway whose audit lines cannot be written (its stdout is `/dev/full`, as when the disk
//! of its log is full) still answers every request: the event is created, the answer arrives,
//! the process keeps running, and stderr says that an audit line was lost. (`println!` panicked
//! there: the answer was dropped after the event was created, and with the release profile's
//! `panic = "abort"` the whole gateway ended.)

mod support;

use std::process::{Command, Stdio};
use std::time::Duration;
use support::{callback, claims, config_text, fresh_key, send, sign, Raw};

#[tokio::test(flavor = "multi_thread")]
async fn a_full_audit_disk_costs_no_answer() {
    let jtel = jtel_emulator::spawn(jtel_emulator::Config::default())
        .await
        .expect("emulator");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("jtel-token"), jtel_emulator::DEFAULT_TOKEN).unwrap();
    let config = dir.path().join("gateway.toml");
    std::fs::write(&config, config_text(&jtel.base_url(), dir.path(), "")).unwrap();
    let stderr = dir.path().join("stderr.log");
    let mut gateway = Command::new(env!("CARGO_BIN_EXE_jtel-gateway"))
        .args(["--config".as_ref(), config.as_os_str()])
        .args(["--listen", "127.0.0.1:0"])
        .stdout(
            std::fs::OpenOptions::new()
                .write(true)
                .open("/dev/full")
                .unwrap(),
        )
        .stderr(std::fs::File::create(&stderr).unwrap())
        .stdin(Stdio::null())
        .spawn()
        .expect("the gateway starts");
    let log = || std::fs::read_to_string(&stderr).unwrap_or_default();
    let mut address = None;
    for _ in 0..200 {
        address = log()
            .split_once("listening on http://")
            .and_then(|(_, rest)| rest.split_whitespace().next()?.parse().ok());
        if address.is_some() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let address = address.unwrap_or_else(|| panic!("the gateway never listened: {}", log()));

    let token = sign("hs-1", &claims("events:create directory:read"));
    let mut statuses = Vec::new();
    for _ in 0..3 {
        let create = Raw::new("POST", "/jtel/acd/events/create")
            .bearer(&token)
            .json(&callback("Audit disk full"), &fresh_key());
        statuses.push(send(address, &create).await.status);
        statuses.push(
            send(address, &Raw::new("GET", "/jtel/users").bearer(&token))
                .await
                .status,
        );
    }
    let running = gateway.try_wait().unwrap().is_none();
    let _ = gateway.kill();
    let _ = gateway.wait();
    assert_eq!(statuses, [200; 6], "{}", log());
    assert!(running, "the gateway is still running");
    assert!(
        log().contains("an audit line could not be written"),
        "{}",
        log()
    );
}
