//! What a script in a page can read, for the tests that no secret reaches the browser.

use fantoccini::Client;
use serde_json::Value;

/// Everything a script in the page can read, each as text under its place's name: the
/// document with every shadow root and attribute, both storages, cookies, the URLs it fetched,
/// its address, the window's own properties and the own properties of every element in `main`.
const READ_PAGE: &str = r##"
const shadows = (root) => [...root.querySelectorAll("*")]
    .filter((e) => e.shadowRoot)
    .map((e) => e.shadowRoot.innerHTML + shadows(e.shadowRoot).join(""));
const storage = (s) => JSON.stringify(Object.entries(s));
const own = (object) => Object.getOwnPropertyNames(object)
    .map((name) => { try { return `${name}=${String(object[name])}`; } catch { return name; } })
    .join("\n");
return {
    html: document.documentElement.outerHTML,
    shadows: shadows(document).join("\n"),
    localStorage: storage(localStorage),
    sessionStorage: storage(sessionStorage),
    cookie: document.cookie,
    resources: performance.getEntries().map((e) => e.name).join("\n"),
    url: location.href,
    window: own(window),
    elements: [...document.querySelectorAll("main *")].map(own).join("\n"),
};
"##;

/// Reads [`READ_PAGE`] in the current page: an object of texts by place.
pub async fn everything_the_page_can_read(client: &Client) -> Value {
    client
        .execute(READ_PAGE, vec![])
        .await
        .expect("the page is readable")
}
