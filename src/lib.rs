//! Embeddable Yew/WebAssembly forms for the jtel ACD REST API.
//!
//! Where things live:
//! - [`api`]: the jtel REST client over browser `fetch` (gloo-net), returning jtel-core outcomes.
//! - [`form_state`]: what a form holds (the typed draft, touched fields, the request
//!   lifecycle) as a pure reducer.
//! - [`components`]: the Yew components ([`components::callback_form::CallbackForm`] and the
//!   labelled field it is built from).
//!
//! Every rule about valid input comes from [`jtel_core`]; this crate only shows its verdicts.

pub mod api;
pub mod components;
pub mod form_state;

pub use jtel_core;
