//! The jtel ACD model and the one shared validation logic of jtel-widgets.
//!
//! Pure Rust with no web or server dependencies: the browser forms, the jtel emulator and the
//! tests all decide with this crate whether input is valid, so they can never disagree.
//!
//! Where things live:
//! - [`model`]: the jtel types with their exact field names (create body, envelopes, rows),
//!   each record declared once with [`record`]'s macros, which write both codecs from it.
//! - [`timestamp`]: the three timestamp formats the jtel server is known to send.
//! - [`event_kind`]: ACD event types (voice mail, callback, ticket, …) and their rules.
//! - [`phone`] with [`numbering_plan`] and [`country_codes`], [`email`], [`crm_url`]: the
//!   field-level checks (phone numbers read with libphonenumber's numbering plans).
//! - [`validation`]: whole-request validation returning every problem as `(field, code)`.
//! - [`event_form`]: the ACD event form described once (fields, settings, building the request).
//! - [`colour`]: the cockpit variables' background colours, read safely and mixed.
//! - [`messages`]: the words for every text, one table per language (`messages/en.rs`,
//!   `messages/de.rs`), and the integrator's replacements by stable text key.
//! - [`json`] and [`wire`]: a small JSON reader/writer and the jtel types read from and
//!   written to it (the browser build's codec; serde stays for the emulator).
//! - [`tolerant`]: the loose forms of flags and numbers jtel may send, read strictly.
//! - [`options`]: reading host options strictly (yes/no, lists, numbers), errors for the rest.
//! - [`outcome`]: HTTP status + body → a typed outcome the forms can act on.
//! - [`retry`]: finding an event already created before a retry sends it again.
//! - [`callback_time`]: the preferred time of a callback request and the instant it means,
//!   decided from a zone's offsets (daylight-saving gaps and overlaps included).
//! - [`callback_clock`]: the user's and the call centre's zones a preferred time is decided on.
//! - [`service_hours`]: a call centre's service hours and the callback times offered in them.
//! - [`subject_template`]: composing `Subject` (with a preferred callback time) from a template.

#[macro_use]
pub mod record;
pub mod callback_clock;
pub mod callback_time;
pub mod colour;
pub mod country_codes;
pub mod crm_url;
pub mod email;
pub mod event_form;
pub mod event_kind;
pub mod json;
pub mod messages;
pub mod model;
pub mod numbering_plan;
pub mod options;
pub mod outcome;
pub mod phone;
pub mod retry;
pub mod service_hours;
pub mod subject_template;
pub mod timestamp;
pub mod tolerant;
pub mod validation;
pub mod wire;

pub use event_kind::EventKind;
pub use messages::Language;
pub use validation::{ErrorCode, Field, FieldError};
