//! Embeddable Yew/WebAssembly forms for the jtel ACD REST API.
//!
//! Where things live:
//! - [`api`]: the jtel REST client over browser `fetch` (gloo-net), returning jtel-core outcomes.
//! - [`form_state`]: what a form holds (the typed draft, touched fields, the request
//!   lifecycle) as a pure reducer.
//! - [`hooks`]: loading master data (groups, agents, service numbers, event types) for pickers.
//! - [`local_time`]: the user's local time and zone for the preferred callback time.
//! - [`components`]: the Yew components ([`components::acd_event_form::AcdEventForm`], the
//!   searchable [`components::picker::Picker`] and the labelled field they are built from).
//!
//! - [`embed`]: custom elements, the JS `mount()` call and the DOM events for host pages.
//!
//! Every rule about valid input comes from [`jtel_core`]; this crate only shows its verdicts.

pub mod api;
pub mod components;
pub mod embed;
pub mod form_state;
pub mod hooks;
pub mod local_time;

pub use jtel_core;
