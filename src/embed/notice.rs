//! The configuration notice a widget shows in place of itself while the host page's options
//! hold a value it does not understand: a form that would send something else is never shown.
//! The widget's own content stays in the shadow root, hidden, with what the user typed.

use jtel_core::messages::{Texts, UiText};
use jtel_core::options::ConfigError;
use web_sys::{Document, Element};

/// The notice's class, to find it again.
const NOTICE_CLASS: &str = "jtel-widget jtel-config-notice";

/// Shows the notice for `errors` next to the widget's `root` and hides the widget; with no
/// errors, removes the notice and shows the widget again.
pub fn show(root: &Element, errors: &[ConfigError], texts: &Texts) {
    let Some(parent) = root.parent_node() else {
        return;
    };
    let existing = root
        .next_element_sibling()
        .filter(|next| next.class_name() == NOTICE_CLASS);
    if let Some(existing) = existing {
        existing.remove();
    }
    if errors.is_empty() {
        let _ = root.remove_attribute("hidden");
        return;
    }
    let _ = root.set_attribute("hidden", "");
    let Some(document) = root.owner_document() else {
        return;
    };
    if let Some(notice) = notice(&document, errors, texts) {
        // Right after the root, before the slot of the host's children (see `shadow`).
        let _ = parent.insert_before(&notice, root.next_sibling().as_ref());
    }
}

/// `<section><div role="alert"><p>…</p><ul><li>…</li></ul></div></section>`, written with text
/// nodes only (the values come from the host page).
fn notice(document: &Document, errors: &[ConfigError], texts: &Texts) -> Option<Element> {
    let element = |tag: &str, class: &str, text: Option<&str>| {
        let element = document.create_element(tag).ok()?;
        if !class.is_empty() {
            element.set_class_name(class);
        }
        element.set_text_content(text);
        Some(element)
    };
    let section = element("section", NOTICE_CLASS, None)?;
    let alert = element("div", "jtel-alert", None)?;
    let _ = alert.set_attribute("role", "alert");
    let _ = alert.set_attribute("part", "alert");
    let heading = texts.ui(&UiText::ConfigurationProblem);
    let heading = element("p", "", Some(&heading))?;
    alert.append_child(&heading).ok()?;
    let list = element("ul", "", None)?;
    for error in errors {
        let line = format!(
            "{} = \"{}\" (accepted: {})",
            error.option, error.value, error.accepted
        );
        let item = element("li", "", Some(&line))?;
        list.append_child(&item).ok()?;
    }
    alert.append_child(&list).ok()?;
    section.append_child(&alert).ok()?;
    Some(section)
}
