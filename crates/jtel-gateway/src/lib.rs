//! The jtel-widgets gateway: the one place that holds the jtel token and decides who may do
//! what. Browsers talk to it under `/jtel/…`; it forwards only what the forms need.
//!
//! - Public forms (anonymous): `POST /jtel/public/{form}/acd/events/create`, only events of
//!   the kind, group, agent and receiver the form's configuration names, checked with the
//!   `jtel-core` rules, rate limited per client address and capped per day.
//! - Staff widgets: `/jtel/{jtel route}` with `Authorization: Bearer <JWT>` signed by the
//!   CRM's backend; scopes decide the routes, a `groups` claim narrows routing.
//! - Every create carries an `Idempotency-Key`: one event per intent, across retries and
//!   instances (Redis).
//!
//! Where things live:
//! - [`config`]: the TOML configuration; [`token`]: the jtel token (file or environment).
//! - [`gateway`]: the request path ([`Gateway`]); [`routes`]: the allow-list and scopes.
//! - [`staff`]: JWT checks; [`create_body`]: create bodies and public-form rules;
//!   [`rate_limit`]: per-address buckets; [`cors`]: allowed CRM origins.
//! - [`idempotency`] over [`store`] (memory or Redis); [`upstream`]: the jtel client.
//! - [`answer`]: the gateway's own answers; [`audit`]: one line per write.
//! - `test_support` (feature `test-support`, tests only): a test deployment's configuration
//!   and staff tokens.
//!
//! See `docs/gateway.md` for the deployment, the JWT contract and the threat model.

pub mod answer;
pub mod audit;
pub mod config;
pub mod cors;
pub mod create_body;
pub mod gateway;
pub mod idempotency;
pub mod rate_limit;
pub mod routes;
pub mod staff;
pub mod store;
#[cfg(feature = "test-support")]
pub mod test_support;
pub mod token;
pub mod upstream;

pub use config::Config;
pub use gateway::Gateway;

use std::net::SocketAddr;
use std::sync::Arc;
use tokio::net::TcpListener;

/// Serves `gateway` on `listener` until `shutdown` completes.
pub async fn serve(
    gateway: Arc<Gateway>,
    listener: TcpListener,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let app = gateway
        .router()
        .into_make_service_with_connect_info::<SocketAddr>();
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await
}
