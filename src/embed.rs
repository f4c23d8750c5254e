//! Embedding the widgets in host pages: custom elements in an open shadow root, a JS
//! `mount()` call, and DOM events that tell the host page what happened.
//!
//! - [`config`]: one reader for a widget's configuration, from element attributes
//!   (`group="235"`), element properties or a JS options object (`{ group: 235 }`).
//! - [`app_pool`]: the Yew apps the widgets render in, reused from one widget to the next.
//! - [`shadow`]: the shadow root with the widget stylesheet adopted inside it.
//! - [`host_events`]: `jtel-created`, `jtel-failed`, `jtel-invalid`, `jtel-config-error` DOM events.
//! - [`notice`]: the configuration notice shown in place of a misconfigured widget.
//! - [`commands`]: `ready`, `reset()`, `setValues()`, `submit()` on elements and handles.
//! - [`widget`]: a mounted widget of any kind, updated and destroyed as one.
//! - [`custom_elements`]: `<jtel-acd-event-form>` and friends.
//! - [`js_api`]: `mount(element, options)` for pages that prefer code.
//! - [`frame`]: the standalone page for hosts that allow only iframes.
//! - [`link_policy`]: what a link to that page may set; its deployment decides the rest.

pub mod app_pool;
pub mod commands;
pub mod config;
pub mod custom_elements;
pub mod frame;
pub mod host_events;
pub mod js_api;
pub mod link_policy;
pub mod notice;
pub mod shadow;
pub mod widget;
