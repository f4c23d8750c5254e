//! Serving an emulator on a TCP port in the background.

use crate::control::CONTROL_BASE;
use crate::emulator::{Config, Emulator};
use crate::faults::Faults;
use crate::routes::router;
use std::io;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

/// An emulator serving in a tokio task. Dropping it stops the server and ends the requests
/// that a `hang` fault holds.
#[derive(Debug)]
pub struct RunningEmulator {
    addr: SocketAddr,
    clients_id: u64,
    server: JoinHandle<()>,
    faults: Arc<Faults>,
    received: Arc<AtomicU64>,
}

impl RunningEmulator {
    /// How many requests have reached a jtel route so far, whatever their answer (a
    /// missing token, a fault, an unknown id); unknown paths and the control routes are not
    /// counted. Tests of a gateway assert with it that what the gateway refuses never
    /// reaches jtel.
    pub fn jtel_requests(&self) -> u64 {
        self.received.load(Ordering::Relaxed)
    }

    /// The address the server listens on (with the real port when port 0 was asked for).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The jtel `{baseURL}`, e.g. `http://127.0.0.1:40123/rest/v1.0/1`, without a trailing
    /// slash: append `/acd/events` and the like.
    pub fn base_url(&self) -> String {
        format!("http://{}/rest/v1.0/{}", self.addr, self.clients_id)
    }

    /// The root of the emulator's control routes (not part of the jtel API), e.g.
    /// `http://127.0.0.1:40123/_emulator`, without a trailing slash: append
    /// `/cockpitVariables/192`, `/faults` and the like. See the crate docs.
    pub fn control_url(&self) -> String {
        format!("http://{}{CONTROL_BASE}", self.addr)
    }
}

impl Drop for RunningEmulator {
    fn drop(&mut self) {
        self.server.abort();
        self.faults.stop();
    }
}

/// Starts an emulator on a free loopback port (`127.0.0.1:0`). Needs a tokio runtime.
pub async fn spawn(config: Config) -> io::Result<RunningEmulator> {
    spawn_at(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)), config).await
}

/// Starts an emulator listening on `addr`. Fails if the state file is invalid or the address
/// cannot be bound.
pub async fn spawn_at(addr: SocketAddr, config: Config) -> io::Result<RunningEmulator> {
    let clients_id = config.clients_id;
    let emulator = Emulator::open(config).await?;
    let faults = emulator.faults();
    let received = emulator.received();
    let app = router(emulator);
    let listener = TcpListener::bind(addr).await.map_err(|error| {
        io::Error::new(error.kind(), format!("cannot listen on {addr}: {error}"))
    })?;
    let addr = listener.local_addr()?;
    let server = tokio::spawn(async move {
        if let Err(error) = axum::serve(listener, app).await {
            eprintln!("jtel-emulator: the server stopped: {error}");
        }
    });
    Ok(RunningEmulator {
        addr,
        clients_id,
        server,
        faults,
        received,
    })
}
