//! A local stand-in for the jtel ACD REST server, for the jtel-widgets demo and tests.
//!
//! It serves the jtel routes under `/rest/v1.0/{ClientsID}` (ACD events, event types, ACD
//! groups, users, service numbers, cockpit variables and setValue in its path form
//! `…/setValue/{value}`, its query form `…/setValue?value=` or both, see [`SetValueForms`]) with jtel's envelopes,
//! status codes and `{status, error}` bodies. Every input check comes from `jtel_core`, so
//! the emulator refuses exactly what the forms refuse, with the same English texts.
//!
//! Start one in-process with [`spawn`] and talk to [`RunningEmulator::base_url`]; or mount
//! [`router`] into another axum app.
//!
//! Tests can also change the server under a page through control routes outside `/rest`
//! (the jtel routes stay as jtel has them), with the same bearer token and no ClientsID,
//! below [`RunningEmulator::control_url`]:
//!
//! - `PATCH /_emulator/cockpitVariables/{id}` with a JSON object of the fields to overwrite
//!   (`bWritable`, `bVisibleInCockpit`, `MinValue`, `MaxValue`, `Value`; `null` allowed, other
//!   fields refused) answers 200 with the changed variable, 404 `{status, error}` for an
//!   unknown id and 400 for a bad id or body. No setValue rule applies; the change is kept in
//!   the `--state` file like every other change.
//! - `POST /_emulator/faults` with `{"route": R, "fault": F, "times": N}` arms a fault for
//!   the next `N` (default 1) jtel requests that `R` matches: `"create"` (POST
//!   `acd/events/create`), `"setValue"` (PATCH setValue), `"list"` (every GET) or `"any"`.
//!   Each such request uses up one, first armed first; with nothing armed nothing changes.
//!   `F` is one of `{"kind":"latency","ms":M}` (answer normally after `M` ms),
//!   `{"kind":"status","status":S,"body":"json"|"empty"}` (S from 400 to 599; the default
//!   `"json"` body is jtel's `{status, error}`, `"empty"` sends none, as jtel's 404 for a
//!   missing route), `{"kind":"malformed"}` (200 with cut-off JSON), `{"kind":"html"}` (200,
//!   `text/html`), `{"kind":"drop_before"}` (close the connection without an answer; nothing
//!   is done), `{"kind":"drop_after"}` (do the request, e.g. create the event, then close
//!   without an answer) and `{"kind":"hang","ms":M}` (no answer; after `M` ms, or without
//!   `ms` when the emulator stops, the connection is closed; nothing is done). `status`,
//!   `malformed` and `html` do not perform the request either. It answers 200 with what is
//!   armed now (a JSON array of such objects, `times` being what is left), 400 for a bad
//!   body; `GET /_emulator/faults` lists what is still armed, `DELETE` disarms all. Faults
//!   are kept in memory only and logged with the request they hit.
//!
//! Where things live:
//! - [`emulator`]: [`Config`] and the shared [`Emulator`] state.
//! - [`server`]: [`spawn`] / [`spawn_at`] and the [`RunningEmulator`] handle.
//! - [`fixtures`]: the master data served ([`Fixtures`], default `fixtures/default.json`;
//!   the `docs-literal` and `variant` sets and fixture files are served exactly as written).
//! - [`cli`]: the binary's command line.
//! - Private: `routes` (the jtel routes and handlers, with the control routes nested under
//!   `/_emulator`), `control` (the control routes and their handlers), `faults` (the fault
//!   model, the queue and the middleware that injects), `object_path` (the `{id}` segment), `auth`
//!   (token and ClientsID check), `logging` (one line per request), `failure` (error
//!   answers), `store` (fixtures plus changes), `served` (the rows answered, typed or as
//!   written), `cockpit` (setValue rules), `persistence`
//!   (the atomic `--state` file).

mod auth;
pub mod cli;
mod cockpit;
mod control;
pub mod emulator;
mod failure;
mod faults;
pub mod fixtures;
mod logging;
mod object_path;
mod persistence;
mod routes;
mod served;
pub mod server;
mod store;

pub use emulator::{Config, Emulator, SetValueForms, DEFAULT_CLIENTS_ID, DEFAULT_TOKEN};
pub use fixtures::Fixtures;
pub use routes::router;
pub use server::{spawn, spawn_at, RunningEmulator};
