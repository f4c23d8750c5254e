//! The Yew components, one per file.

pub mod acd_event_form;
pub mod cockpit_variable_facts;
pub mod cockpit_variable_form;
pub mod cockpit_variable_list;
pub mod form_field;
pub mod picker;
pub mod preferred_time_field;
pub mod set_value_answer;

/// `text` in lower case, by the browser (`String.prototype.toLowerCase`): Rust's own Unicode
/// case tables would add about 3 KB (brotli) to the bundle for the same result.
fn lower_case(text: &str) -> String {
    js_sys::JsString::from(text).to_lower_case().into()
}

/// A `class` attribute from the names that apply (Yew's `classes!` would link an index set
/// into the bundle for the same string).
fn class_names<'a>(names: impl IntoIterator<Item = Option<&'a str>>) -> String {
    names.into_iter().flatten().collect::<Vec<_>>().join(" ")
}
