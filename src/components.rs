//! The Yew components, one per file.

pub mod acd_event_form;
pub mod cockpit_variable_facts;
pub mod cockpit_variable_form;
pub mod cockpit_variable_list;
pub mod form_field;
pub mod picker;
pub mod set_value_answer;
