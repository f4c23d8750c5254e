//! A local stand-in for the jtel ACD REST server, for the jtel-widgets demo and tests.
//!
//! It serves the jtel routes under `/rest/v1.0/{ClientsID}` (ACD events, event types, ACD
//! groups, users, service numbers, cockpit variables and setValue) with jtel's envelopes,
//! status codes and `{status, error}` bodies. Every input check comes from `jtel_core`, so
//! the emulator refuses exactly what the forms refuse, with the same English texts.
//!
//! Start one in-process with [`spawn`] and talk to [`RunningEmulator::base_url`]; or mount
//! [`router`] into another axum app.
//!
//! Tests can also change the server under a page through a control route outside `/rest`
//! (the jtel routes stay as jtel has them), with the same bearer token and no ClientsID:
//! `PATCH /_emulator/cockpitVariables/{id}` ([`RunningEmulator::control_url`]) with a JSON
//! object of the fields to overwrite (`bWritable`, `bVisibleInCockpit`, `MinValue`,
//! `MaxValue`, `Value`; `null` allowed, other fields refused) answers 200 with the changed
//! variable, 404 `{status, error}` for an unknown id and 400 for a bad id or body. No setValue
//! rule applies; the change is kept in the `--state` file like every other change.
//!
//! Where things live:
//! - [`emulator`]: [`Config`] and the shared [`Emulator`] state.
//! - [`server`]: [`spawn`] / [`spawn_at`] and the [`RunningEmulator`] handle.
//! - [`fixtures`]: the master data served ([`Fixtures`], default `fixtures/default.json`).
//! - [`cli`]: the binary's command line.
//! - Private: `routes` (the jtel routes and handlers), `control` (the control route), `auth`
//!   (token and ClientsID check), `logging` (one line per request), `failure` (error
//!   answers), `store` (fixtures plus changes), `cockpit` (setValue rules), `persistence`
//!   (the atomic `--state` file).

mod auth;
pub mod cli;
mod cockpit;
mod control;
pub mod emulator;
mod failure;
pub mod fixtures;
mod logging;
mod persistence;
mod routes;
pub mod server;
mod store;

pub use emulator::{Config, Emulator, DEFAULT_CLIENTS_ID, DEFAULT_TOKEN};
pub use fixtures::Fixtures;
pub use routes::router;
pub use server::{spawn, spawn_at, RunningEmulator};
