//! Reaching into a widget's open shadow root with WebDriver, as a user's clicks and typing do.

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::elements::Element;
use fantoccini::{Client, Locator};
use std::time::Duration;

/// The first element matching `inner` inside the shadow root of the widget `host`, waiting up
/// to ten seconds for it to render; fails with what the widget shows instead.
pub async fn in_widget(client: &Client, host: &str, inner: &str) -> Element {
    for _ in 0..200 {
        if let Some(found) = all_in_widget(client, host, inner).await.into_iter().next() {
            return found;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!(
        "{inner} never appeared in {host}; it shows: {:?}",
        widget_text(client, host).await
    );
}

/// Every element matching `inner` inside the shadow root of `host` now (none if it is not there).
pub async fn all_in_widget(client: &Client, host: &str, inner: &str) -> Vec<Element> {
    let Ok(host_element) = client.find(Locator::Css(host)).await else {
        return Vec::new();
    };
    match host_element.shadow_root().await {
        Ok(root) => root.find_all(Locator::Css(inner)).await.unwrap_or_default(),
        Err(_) => Vec::new(),
    }
}

/// The text the widget `host` shows.
pub async fn widget_text(client: &Client, host: &str) -> String {
    let script = format!("return document.querySelector('{host}')?.shadowRoot?.textContent ?? ''");
    client
        .execute(&script, vec![])
        .await
        .map(|text| text.as_str().unwrap_or_default().to_owned())
        .unwrap_or_default()
}

/// Waits (up to ten seconds) until `inner` in `host` shows exactly `expected`.
pub async fn wait_for_text(client: &Client, host: &str, inner: &str, expected: &str) {
    let mut shown = None;
    for _ in 0..100 {
        if let Some(element) = all_in_widget(client, host, inner).await.into_iter().next() {
            shown = element.text().await.ok();
            if shown.as_deref() == Some(expected) {
                return;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!(
        "{host} {inner} should show {expected:?} but shows {shown:?}; the widget shows: {:?}",
        widget_text(client, host).await
    );
}

/// Clicks `inner` in `host`.
pub async fn click(client: &Client, host: &str, inner: &str) {
    in_widget(client, host, inner)
        .await
        .click()
        .await
        .unwrap_or_else(|e| panic!("cannot click {host} {inner}: {e}"));
}

/// Types `text` at the end of the input `name` in `host`.
pub async fn type_into(client: &Client, host: &str, name: &str, text: &str) {
    in_widget(client, host, &format!("[name={name}]"))
        .await
        .send_keys(text)
        .await
        .expect("typing works");
}

/// Presses `keys` one after another on whatever has the focus, as a keyboard does. (Typing into
/// an element focuses it first, and chromedriver does so by blurring an input in a shadow root
/// that has the focus already: a picker then closes, a field is validated.)
pub async fn press(client: &Client, keys: &str) {
    let mut keyboard = KeyActions::new("keyboard".to_owned());
    for key in keys.chars() {
        keyboard = keyboard
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key });
    }
    client
        .perform_actions(keyboard)
        .await
        .expect("the keyboard works");
}

/// Chooses in a picker the way a user does: type part of the label, see it offered (the
/// options may still be loading), then Enter.
pub async fn choose(client: &Client, host: &str, name: &str, typed: &str) {
    type_into(client, host, name, typed).await;
    let input = in_widget(client, host, &format!("[name={name}]")).await;
    let list = input
        .attr("aria-controls")
        .await
        .unwrap()
        .expect("a picker's listbox");
    in_widget(client, host, &format!("[id='{list}'] [role=option]")).await;
    press(client, "\u{E007}").await;
    let chosen = input.attr("data-value").await.unwrap();
    assert!(
        chosen.is_some_and(|value| !value.is_empty()),
        "typing {typed:?} and Enter chose nothing in {name}"
    );
}
