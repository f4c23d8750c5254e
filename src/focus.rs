//! Moving the keyboard focus to where the user's next step is, as the WAI-ARIA practices
//! describe it: after an outcome to what tells it or what comes next, never to `<body>`, and
//! never away from the host page when the user is working there.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::NodeRef;

/// Focuses the first element matching `selector` inside `container` when the focus is the
/// widget's to move: inside `container`, or nowhere (on `<body>`, because the element that had
/// it was just removed, such as the submit button of a form that shows its confirmation now).
/// Does nothing when the focus is elsewhere on the host page (a `submit()` called by the host
/// page does not steal it) or when nothing matches.
pub fn move_focus(container: &NodeRef, selector: &str) {
    let Some(container) = container.cast::<Element>() else {
        return;
    };
    if !focus_is_ours(&container) {
        return;
    }
    let target = container
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|element| element.dyn_into::<HtmlElement>().ok());
    if let Some(target) = target {
        let _ = target.focus();
    }
}

/// Whether the focus is inside `container` or on no element at all (`:focus-within` sees
/// through the shadow root `container` lives in; the document's root matches it whenever any
/// element has the focus).
fn focus_is_ours(container: &Element) -> bool {
    let matches = |element: &Element| element.matches(":focus-within").unwrap_or(false);
    matches(container)
        || !container
            .owner_document()
            .and_then(|document| document.document_element())
            .is_some_and(|root| matches(&root))
}
