//! Embeddable Yew/WebAssembly forms for the jtel ACD REST API.
//!
//! Where things live:
//! - [`api`]: the jtel REST client over the browser's `fetch`, returning jtel-core outcomes.
//! - [`settings`]: what every widget is configured with (API address, credentials, timeout,
//!   language).
//! - [`credentials`]: the token sent to the gateway: a string, or the host's function asked
//!   again once when the token is refused.
//! - [`form_state`]: what an ACD event form holds (the typed draft, touched fields, the request
//!   lifecycle) as a pure reducer.
//! - [`cockpit_state`]: the same for a cockpit variable form (typed value, confirmation,
//!   setValue answer).
//! - [`load`]: loading data for display (lifecycle reducer and the `use_load` hook).
//! - [`hooks`]: loading master data (groups, agents, service numbers, event types) for pickers.
//! - [`local_time`]: the user's local time and zone for the preferred callback time.
//! - [`focus`]: moving the keyboard focus to the user's next step.
//! - [`page_news`]: what the widgets of one page tell each other (values set, shared drafts,
//!   events created), so they never disagree.
//! - [`draft_store`]: drafts that survive a page reload, one per CRM record (`sessionStorage`).
//! - [`form_control`]: the host page's handle on a form (`ready`, `reset`, `setValues`, `submit`).
//! - [`online`]: whether the browser is online, as a hook.
//! - [`tasks`]: futures that end with the component that started them.
//! - [`perf_marks`]: the `jtel-interactive` performance mark that `scripts/bench.sh` measures.
//! - [`components`]: the Yew components ([`components::acd_event_form::AcdEventForm`],
//!   [`components::cockpit_variable_form::CockpitVariableForm`],
//!   [`components::cockpit_variable_list::CockpitVariableList`], the searchable
//!   [`components::picker::Picker`] and the parts they are built from).
//! - [`embed`]: custom elements, the JS `mount()` call and the DOM events for host pages.
//!
//! Every rule about valid input comes from [`jtel_core`]; this crate only shows its verdicts.

pub mod api;
pub mod cockpit_state;
pub mod components;
pub mod credentials;
pub mod draft_store;
pub mod embed;
pub mod focus;
pub mod form_control;
pub mod form_state;
pub mod hooks;
pub mod intent;
pub mod load;
pub mod local_time;
pub mod online;
pub mod page_news;
pub mod perf_marks;
pub mod settings;
pub mod tasks;

pub use jtel_core;
