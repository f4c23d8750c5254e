//! `jtel-gateway --config FILE [--listen ADDR] [--redis-url URL]`: runs the gateway in the
//! foreground; the options override the file's `listen` and `idempotency.redis_url`. It
//! prints `listening on http://ADDR` to stderr once it accepts requests (with port 0, the
//! real port).
//! SIGHUP re-reads the jtel token file; SIGTERM or Ctrl-C stops it.

use jtel_gateway::{Config, Gateway};
use std::path::PathBuf;
use std::process::ExitCode;
use tokio::signal::unix::{signal, SignalKind};

const USAGE: &str = "usage: jtel-gateway --config FILE [--listen ADDR] [--redis-url URL]";

#[tokio::main]
async fn main() -> ExitCode {
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(problem) => {
            eprintln!("jtel-gateway: {problem}");
            ExitCode::from(2)
        }
    }
}

async fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let (mut config_file, mut listen, mut redis_url) = (None, None, None);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--config" => config_file = args.next().map(PathBuf::from),
            "--listen" => {
                listen = Some(
                    args.next()
                        .ok_or(USAGE)?
                        .parse()
                        .map_err(|e| format!("--listen: {e}"))?,
                )
            }
            "--redis-url" => redis_url = Some(args.next().ok_or(USAGE)?),
            _ => return Err(format!("unknown argument {arg:?}\n{USAGE}")),
        }
    }
    let mut config = Config::load(&config_file.ok_or(USAGE)?)?;
    if let Some(listen) = listen {
        config.listen = listen;
    }
    if redis_url.is_some() {
        config.idempotency.redis_url = redis_url;
    }
    let listener = tokio::net::TcpListener::bind(config.listen)
        .await
        .map_err(|error| format!("cannot listen on {}: {error}", config.listen))?;
    let address = listener.local_addr().map_err(|e| e.to_string())?;
    let gateway = Gateway::open(config).await?;
    let mut hangup = signal(SignalKind::hangup()).map_err(|e| e.to_string())?;
    let reloading = std::sync::Arc::clone(&gateway);
    tokio::spawn(async move {
        while hangup.recv().await.is_some() {
            reloading.reload_token();
            eprintln!("jtel-gateway: SIGHUP, the jtel token file is read again");
        }
    });
    let mut terminate = signal(SignalKind::terminate()).map_err(|e| e.to_string())?;
    let shutdown = async move {
        tokio::select! {
            _ = terminate.recv() => {}
            _ = tokio::signal::ctrl_c() => {}
        }
    };
    eprintln!("jtel-gateway: listening on http://{address}");
    jtel_gateway::serve(gateway, listener, shutdown)
        .await
        .map_err(|error| error.to_string())
}
