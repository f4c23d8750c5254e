//! The Yew components, one per file.

pub mod callback_form;
pub mod form_field;
