//! The custom elements (`<jtel-acd-event-form>`, …). wasm-bindgen cannot declare a class that
//! extends `HTMLElement`, so a few lines of JS define it and forward the lifecycle callbacks to
//! Rust, which mounts, updates and destroys the widget.
//!
//! Every setting is also a camelCase property (`el.eventType = "ticket"`), as React 19, Vue 3,
//! Angular and Lit set them: a string, number or boolean is reflected to its attribute; an
//! array or object (`el.readOnly = ["Sender"]`) is kept as a property only. Properties set
//! before the element was defined are taken over when it upgrades. `el.update({ … })` sets
//! several at once. The form element also has `ready`, `reset()`, `setValues()` and
//! `submit()` ([`crate::embed::commands`]).
//!
//! Before this code runs, and where it cannot, the loader (`static/jtel-widgets-loader.js`)
//! looks after the elements: it starts the code at once or when a `loading="lazy"` element
//! nears the viewport, and tells every element `jtel-failed` (`unsupported`) when WebAssembly
//! cannot run; the elements' own children show meanwhile ([`crate::embed::shadow`]).
//!
//! `credentials` is a property only: whatever it is set to is kept in a `WeakMap` of this
//! module (not on the element, never reflected to an attribute, and its getter answers
//! `undefined`), and a `credentials` attribute is reported, never read.

use crate::embed::commands;
use crate::embed::config::ElementOptions;
use crate::embed::widget::{MountedWidget, WidgetKind};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use web_sys::Element;

#[wasm_bindgen(inline_js = r#"
const hostOnly = new WeakMap();
export function hostOnlyProperty(element, key) { return hostOnly.get(element)?.[key]; }
export function defineWidgetElement(name, observed, connected, disconnected, changed, command) {
  if (customElements.get(name)) return;
  const camel = (key) => key.replace(/-([a-z])/g, (_, letter) => letter.toUpperCase());
  // Settings the element already has (`id`, `lang`) keep their own properties; credentials
  // have their own below.
  const keys = observed.filter((key) => key !== "credentials" && !(camel(key) in HTMLElement.prototype));
  class WidgetElement extends HTMLElement {
    constructor() {
      super();
      this.jtelRich = {};
      this.jtelReady = new Promise((resolve) => { this.jtelResolveReady = resolve; });
      for (const key of [...keys, "credentials"]) {
        const property = camel(key);
        if (Object.prototype.hasOwnProperty.call(this, property)) {
          const value = this[property];
          delete this[property];
          this[property] = value;
        }
      }
    }
    static get observedAttributes() { return observed; }
    connectedCallback() { connected(this); }
    disconnectedCallback() { disconnected(this); }
    attributeChangedCallback() { changed(this); }
    get ready() { return this.jtelReady; }
    update(options) { for (const [property, value] of Object.entries(options)) this[property] = value; }
    reset() { command(this, "reset", undefined); }
    setValues(values) { command(this, "setValues", values); }
    submit() { return command(this, "submit", undefined); }
  }
  for (const key of keys) {
    const property = camel(key);
    Object.defineProperty(WidgetElement.prototype, property, {
      configurable: true,
      enumerable: true,
      get() { return property in this.jtelRich ? this.jtelRich[property] : this.getAttribute(key); },
      set(value) {
        const rich = value !== null && (typeof value === "object" || typeof value === "function");
        const hadRich = property in this.jtelRich;
        delete this.jtelRich[property];
        if (rich) {
          this.jtelRich[property] = value;
          changed(this);
        } else if (value === null || value === undefined) {
          if (this.hasAttribute(key)) this.removeAttribute(key);
          else if (hadRich) changed(this);
        } else {
          this.setAttribute(key, String(value));
        }
      },
    });
  }
  Object.defineProperty(WidgetElement.prototype, "credentials", {
    configurable: true,
    enumerable: false,
    get() { return undefined; },
    set(value) {
      hostOnly.set(this, { ...hostOnly.get(this), credentials: value ?? undefined });
      changed(this);
    },
  });
  customElements.define(name, WidgetElement);
}
"#)]
extern "C" {
    /// What the element's property `key` (only `credentials`) was set to, kept in this
    /// module only (`undefined` when nothing).
    #[wasm_bindgen(js_name = hostOnlyProperty)]
    pub fn host_only_property(element: &Element, key: &str) -> JsValue;

    #[wasm_bindgen(js_name = defineWidgetElement)]
    fn define_widget_element(
        name: &str,
        observed: js_sys::Array,
        connected: &Closure<dyn Fn(Element)>,
        disconnected: &Closure<dyn Fn(Element)>,
        changed: &Closure<dyn Fn(Element)>,
        command: &Closure<dyn Fn(Element, String, JsValue) -> Result<JsValue, JsValue>>,
    );
}

thread_local! {
    /// The widgets mounted by custom elements on this page.
    static MOUNTED: RefCell<Vec<MountedWidget>> = const { RefCell::new(Vec::new()) };
}

/// Runs `action` on the widget mounted in `host`, if there is one. The widget is taken out of
/// the list meanwhile, so a host page's event listener that changes or commands an element
/// (even this one) while `action` runs cannot find the list borrowed.
fn with_widget<T>(host: &Element, action: impl FnOnce(&mut MountedWidget) -> T) -> Option<T> {
    let mut widget = take(host)?;
    let answer = action(&mut widget);
    MOUNTED.with(|mounted| mounted.borrow_mut().push(widget));
    Some(answer)
}

/// Takes the widget mounted in `host` out of the list.
fn take(host: &Element) -> Option<MountedWidget> {
    MOUNTED.with(|mounted| {
        let mut mounted = mounted.borrow_mut();
        let index = mounted.iter().position(|widget| widget.host() == host)?;
        Some(mounted.swap_remove(index))
    })
}

/// Resolves the element's `ready` promise once its widget accepts input. The widget's own
/// control calls back (no closure handed to JS: a forgotten one kept about 180 bytes of JS heap
/// per element for the life of the page, and a widget destroyed before it was ready kept its
/// element).
fn resolve_ready_when_ready(widget: &MountedWidget) {
    let host = widget.host().clone();
    widget.control().when_ready(move || {
        if let Ok(resolve) = js_sys::Reflect::get(&host, &JsValue::from_str("jtelResolveReady")) {
            if let Some(resolve) = resolve.dyn_ref::<js_sys::Function>() {
                let _ = resolve.call0(&JsValue::UNDEFINED);
            }
        }
    });
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
            // An element moved in the DOM still has its widget.
            if MOUNTED.with(|mounted| mounted.borrow().iter().any(|widget| widget.host() == &host))
            {
                return;
            }
            if let Some(widget) = MountedWidget::mount(&host, kind, &ElementOptions(&host)) {
                resolve_ready_when_ready(&widget);
                MOUNTED.with(|mounted| mounted.borrow_mut().push(widget));
            }
        });
        let disconnected = Closure::<dyn Fn(Element)>::new(|host: Element| {
            // Frameworks move an element (reordering a list) by taking it out and putting it
            // back in the same task: the widget, and what the user typed, stay unless the
            // element is still out once the task's microtasks run.
            wasm_bindgen_futures::spawn_local(async move {
                if host.is_connected() {
                    return;
                }
                if let Some(widget) = take(&host) {
                    widget.destroy();
                }
            });
        });
        let changed = Closure::<dyn Fn(Element)>::new(|host: Element| {
            with_widget(&host, |widget| widget.update(&ElementOptions(&host)));
        });
        let command = Closure::<dyn Fn(Element, String, JsValue) -> Result<JsValue, JsValue>>::new(
            |host: Element, name: String, argument: JsValue| {
                with_widget(&host, |widget| commands::run(widget, &name, argument))
                    .unwrap_or_else(|| Err(JsError::new("the element is not in the page")))
                    .map_err(JsValue::from)
            },
        );
        define_widget_element(
            kind.element_name(),
            observed,
            &connected,
            &disconnected,
            &changed,
            &command,
        );
        // The element classes live as long as the page, and so must their callbacks.
        connected.forget();
        disconnected.forget();
        changed.forget();
        command.forget();
    }
}
