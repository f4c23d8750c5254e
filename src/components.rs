//! The Yew components, one per file.

pub mod acd_event_form;
pub mod form_field;
pub mod picker;
