//! Moving the keyboard focus to where the user's next step is.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::NodeRef;

/// Focuses the first element matching `selector` inside `container`; does nothing when there
/// is none (the container is not rendered, or the element is gone).
pub fn focus_within(container: &NodeRef, selector: &str) {
    let target = container
        .cast::<Element>()
        .and_then(|container| container.query_selector(selector).ok().flatten())
        .and_then(|element| element.dyn_into::<HtmlElement>().ok());
    if let Some(target) = target {
        let _ = target.focus();
    }
}
