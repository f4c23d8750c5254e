//! Embeddable Yew/WebAssembly forms for the jtel ACD REST API.
//!
//! Where things live:
//! - [`api`]: the jtel REST client over browser `fetch` (gloo-net), returning jtel-core outcomes.
//! - [`form_state`]: what a form holds (the typed draft, touched fields, the request
//!   lifecycle) as a pure reducer.
//! - [`cockpit_state`]: the same for a cockpit variable form (typed value, confirmation,
//!   setValue answer).
//! - [`load`]: loading data for display (lifecycle reducer and the `use_load` hook).
//! - [`focus`]: moving the keyboard focus.
//! - [`components`]: the Yew components ([`components::callback_form::CallbackForm`],
//!   [`components::cockpit_variable_form::CockpitVariableForm`],
//!   [`components::cockpit_variable_list::CockpitVariableList`] and their parts).
//!
//! Every rule about valid input comes from [`jtel_core`]; this crate only shows its verdicts.

pub mod api;
pub mod cockpit_state;
pub mod components;
pub mod focus;
pub mod form_state;
pub mod load;

pub use jtel_core;
