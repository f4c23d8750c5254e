//! Helpers for browser tests: find elements under a root (a host `div` or a shadow root), and
//! act on them through real DOM events, the way a user's typing and clicking produce them.

#![allow(dead_code)] // each test file uses its own subset

pub mod embedded;

use gloo_timers::future::sleep;
use jtel_widgets::jtel_core::Field;
use std::time::Duration;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    Element, FocusEvent, HtmlElement, HtmlInputElement, InputEvent, InputEventInit, KeyboardEvent,
    KeyboardEventInit,
};
use yew::{AppHandle, BaseComponent};

// Canned jtel answers: a stand-in for `window.fetch`, only for URLs under
// `https://jtel.test/`, which also records every request sent there.
#[wasm_bindgen(inline_js = r#"
const answers = new Map();
const sent = [];
const intents = [];
const bodies = [];
const details = [];
export function serve(method, url, status, body, delay) {
  answers.set(method + " " + url, { status, body, delay });
}
export function sent_requests() {
  return sent.join("\n");
}
export function sent_idempotency_keys() {
  return intents.join("\n");
}
export function sent_bodies() {
  return bodies.join("\n");
}
export function last_sent(key) {
  const found = details.filter((detail) => detail.key === key).pop();
  return found ? JSON.stringify(found) : undefined;
}
export function install_canned_fetch() {
  if (window.__jtelCannedFetch) return;
  const realFetch = window.fetch.bind(window);
  window.__jtelCannedFetch = true;
  window.fetch = async (input, init) => {
    const request = new Request(input, init);
    if (!request.url.startsWith("https://jtel.test/")) return realFetch(input, init);
    const key = request.method + " " + request.url;
    sent.push(key);
    if (request.headers.has("Idempotency-Key")) intents.push(request.headers.get("Idempotency-Key"));
    const body = await request.clone().text();
    bodies.push(body);
    details.push({ key, body, authorization: request.headers.get("Authorization") });
    const answer = answers.get(key);
    if (!answer) return new Response("", { status: 404 });
    // Like a real server that is slow: the request can be abandoned through its signal.
    await new Promise((resolve, reject) => {
      const timer = setTimeout(resolve, answer.delay);
      request.signal.addEventListener("abort", () => {
        clearTimeout(timer);
        reject(new DOMException("The operation was aborted.", "AbortError"));
      });
    });
    if (answer.status === 0) throw new TypeError("Failed to fetch");
    return new Response(answer.body, {
      status: answer.status,
      headers: { "Content-Type": "application/json" },
    });
  };
}
"#)]
extern "C" {
    /// Answers `method url` with `status` (0: a network failure) and `body` after `delay` ms.
    pub fn serve(method: &str, url: &str, status: u16, body: &str, delay: u32);
    /// Every `METHOD url` sent to a canned address so far, one per line.
    pub fn sent_requests() -> String;
    /// The `Idempotency-Key` of every request to a canned address that had one, one per line.
    pub fn sent_idempotency_keys() -> String;
    /// The body of every request to a canned address (empty for none), one per line.
    pub fn sent_bodies() -> String;
    /// The latest request sent as `METHOD url`, as JSON `{ key, body, authorization }`.
    pub fn last_sent(key: &str) -> Option<String>;
    /// Replaces `window.fetch` for `https://jtel.test/` addresses (once per page).
    pub fn install_canned_fetch();
}

/// A fresh, empty `div` appended to the page's body.
pub fn fresh_host() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    host
}

/// A component mounted into a fresh element of its own; removed when dropped. Derefs to the
/// [`View`] of that element.
pub struct Mounted<C: BaseComponent> {
    view: View,
    app: Option<AppHandle<C>>,
}

impl<C: BaseComponent> Mounted<C> {
    /// Mounts `C` with `props` and lets it render.
    pub async fn new(props: C::Properties) -> Self {
        let host = fresh_host();
        let app = yew::Renderer::<C>::with_root_and_props(host.clone(), props).render();
        yew::scheduler::flush().await;
        Self {
            view: View { root: host.into() },
            app: Some(app),
        }
    }
}

impl<C: BaseComponent> std::ops::Deref for Mounted<C> {
    type Target = View;
    fn deref(&self) -> &View {
        &self.view
    }
}

impl<C: BaseComponent> Drop for Mounted<C> {
    fn drop(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        self.view.root.unchecked_ref::<Element>().remove();
    }
}

/// The part of the page a test looks at.
pub struct View {
    /// Where queries start: a host element or a shadow root.
    pub root: web_sys::Node,
}

impl View {
    /// Queries `selector` under the root.
    pub fn find(&self, selector: &str) -> Option<Element> {
        if let Some(element) = self.root.dyn_ref::<Element>() {
            return element.query_selector(selector).unwrap();
        }
        self.root
            .unchecked_ref::<web_sys::DocumentFragment>()
            .query_selector(selector)
            .unwrap()
    }

    /// Every match of `selector` under the root.
    pub fn find_all(&self, selector: &str) -> Vec<Element> {
        let list = match self.root.dyn_ref::<Element>() {
            Some(element) => element.query_selector_all(selector).unwrap(),
            None => self
                .root
                .unchecked_ref::<web_sys::DocumentFragment>()
                .query_selector_all(selector)
                .unwrap(),
        };
        (0..list.length())
            .filter_map(|i| list.item(i)?.dyn_into().ok())
            .collect()
    }

    /// The input (or text area) named after `field`.
    pub fn input(&self, field: Field) -> HtmlInputElement {
        self.find(&format!("[name=\"{}\"]", field.json_name()))
            .unwrap_or_else(|| panic!("no input named {}", field.json_name()))
            .unchecked_into()
    }

    /// The text of the first match of `selector`.
    pub fn text(&self, selector: &str) -> Option<String> {
        self.find(selector)
            .and_then(|element| element.text_content())
    }

    /// Types `text` into a field (replacing what was there) and stays in it.
    pub async fn fill(&self, field: Field, text: &str) {
        self.fill_selector(&format!("[name=\"{}\"]", field.json_name()), text)
            .await;
    }

    /// Types `text` into the input matching `selector` (replacing what was there) and stays in it.
    pub async fn fill_selector(&self, selector: &str, text: &str) {
        let input: HtmlInputElement = self
            .find(selector)
            .unwrap_or_else(|| panic!("nothing matches {selector}"))
            .unchecked_into();
        input.focus().unwrap();
        input.set_value(text);
        let init = InputEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        input
            .dispatch_event(&InputEvent::new_with_event_init_dict("input", &init).unwrap())
            .unwrap();
        yew::scheduler::flush().await;
    }

    /// Types `text` into a field (replacing what was there) and leaves it.
    pub async fn type_into(&self, field: Field, text: &str) {
        self.type_into_selector(&format!("[name=\"{}\"]", field.json_name()), text)
            .await;
    }

    /// Types `text` into the input matching `selector` (replacing what was there) and leaves it.
    pub async fn type_into_selector(&self, selector: &str, text: &str) {
        self.fill_selector(selector, text).await;
        self.find(selector)
            .unwrap()
            .dispatch_event(&FocusEvent::new("blur").unwrap())
            .unwrap();
        yew::scheduler::flush().await;
    }

    /// Clicks the button whose text is `label`.
    pub async fn click_button(&self, label: &str) {
        let button = self
            .find_all("button")
            .into_iter()
            .find(|button| button.text_content().as_deref() == Some(label))
            .unwrap_or_else(|| panic!("no {label} button in {:?}", self.root.text_content()));
        button.unchecked_into::<HtmlElement>().click();
        yew::scheduler::flush().await;
    }

    /// Presses `key` in the input of `field`.
    pub async fn press(&self, field: Field, key: &str) {
        let init = KeyboardEventInit::new();
        init.set_key(key);
        init.set_bubbles(true);
        init.set_composed(true);
        let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
        self.input(field).dispatch_event(&event).unwrap();
        yew::scheduler::flush().await;
    }

    /// Clicks the first match of `selector`.
    pub async fn click(&self, selector: &str) {
        self.find(selector)
            .unwrap_or_else(|| panic!("nothing matches {selector}"))
            .unchecked_into::<HtmlElement>()
            .click();
        yew::scheduler::flush().await;
    }

    /// Waits (up to five seconds) until `selector` matches, as a user waits for an answer.
    pub async fn wait_for(&self, selector: &str) -> Element {
        for _ in 0..100 {
            if let Some(element) = self.find(selector) {
                return element;
            }
            sleep(Duration::from_millis(50)).await;
            yew::scheduler::flush().await;
        }
        panic!(
            "{selector} never appeared; the view shows: {:?}",
            self.root.text_content()
        );
    }

    /// Waits for `selector` like [`View::wait_for`] and returns its text.
    pub async fn wait_for_text(&self, selector: &str) -> String {
        self.wait_for(selector)
            .await
            .text_content()
            .unwrap_or_default()
    }

    /// The error text linked to `field`'s input by `aria-describedby`, if any.
    pub fn error_of(&self, field: Field) -> Option<String> {
        let described_by = self.input(field).get_attribute("aria-describedby")?;
        described_by
            .split(' ')
            .filter(|id| id.ends_with("-error"))
            .find_map(|id| self.text(&format!("#{id}")))
    }
}
