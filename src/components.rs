//! The Yew components, one per file.

pub mod acd_event_form;
pub mod cockpit_variable_facts;
pub mod cockpit_variable_form;
pub mod cockpit_variable_list;
pub mod form_field;
pub mod picker;
pub mod preferred_time_field;
pub mod set_value_answer;

/// A `class` attribute from the names that apply (Yew's `classes!` would link an index set
/// into the bundle for the same string).
fn class_names<'a>(names: impl IntoIterator<Item = Option<&'a str>>) -> String {
    names.into_iter().flatten().collect::<Vec<_>>().join(" ")
}
