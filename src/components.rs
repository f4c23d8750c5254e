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

/// The class names that apply, as one string for an element's `className` property: set it
/// with `~className={…}`, not `class={…}`. A computed `class` goes through Yew's `Classes`, an
/// index set with its hashing (about 1.4 KB brotli in the event form bundle) for the same
/// string; a literal `class="…"` does not.
fn class_names<'a>(names: impl IntoIterator<Item = Option<&'a str>>) -> String {
    names.into_iter().flatten().collect::<Vec<_>>().join(" ")
}
