//! The custom elements (`<jtel-acd-event-form>`, …). wasm-bindgen cannot declare a class that
//! extends `HTMLElement`, so a few lines of JS define it and forward the lifecycle callbacks to
//! Rust, which mounts, updates and destroys the widget.

use crate::embed::widget::{MountedWidget, WidgetKind};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use web_sys::Element;

#[wasm_bindgen(inline_js = r#"
export function defineWidgetElement(name, observed, connected, disconnected, changed) {
  if (customElements.get(name)) return;
  customElements.define(name, class extends HTMLElement {
    static get observedAttributes() { return observed; }
    connectedCallback() { connected(this); }
    disconnectedCallback() { disconnected(this); }
    attributeChangedCallback() { changed(this); }
  });
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = defineWidgetElement)]
    fn define_widget_element(
        name: &str,
        observed: js_sys::Array,
        connected: &Closure<dyn Fn(Element)>,
        disconnected: &Closure<dyn Fn(Element)>,
        changed: &Closure<dyn Fn(Element)>,
    );
}

thread_local! {
    /// The widgets mounted by custom elements on this page.
    static MOUNTED: RefCell<Vec<MountedWidget>> = const { RefCell::new(Vec::new()) };
}

/// Defines the custom element of every widget in this bundle (once; later calls do nothing). Elements already in
/// the page are upgraded and render at once.
pub fn register() {
    for kind in WidgetKind::bundled() {
        let observed = kind
            .keys()
            .iter()
            .map(|key| JsValue::from_str(key))
            .collect();
        let connected = Closure::<dyn Fn(Element)>::new(move |host: Element| {
            if let Some(widget) = MountedWidget::mount(&host, kind, &host) {
                MOUNTED.with(|mounted| mounted.borrow_mut().push(widget));
            }
        });
        let disconnected = Closure::<dyn Fn(Element)>::new(|host: Element| {
            let widget = MOUNTED.with(|mounted| {
                let mut mounted = mounted.borrow_mut();
                let index = mounted.iter().position(|widget| widget.host() == &host)?;
                Some(mounted.swap_remove(index))
            });
            if let Some(widget) = widget {
                widget.destroy();
            }
        });
        let changed = Closure::<dyn Fn(Element)>::new(|host: Element| {
            MOUNTED.with(|mounted| {
                if let Some(widget) = mounted
                    .borrow_mut()
                    .iter_mut()
                    .find(|widget| widget.host() == &host)
                {
                    widget.update(&host);
                }
            });
        });
        define_widget_element(
            kind.element_name(),
            observed,
            &connected,
            &disconnected,
            &changed,
        );
        // The element classes live as long as the page, and so must their callbacks.
        connected.forget();
        disconnected.forget();
        changed.forget();
    }
}
