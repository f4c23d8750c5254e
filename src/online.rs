//! Whether the browser is online, as a hook that re-renders when that changes.

use crate::api::browser_online;
use gloo_events::EventListener;
use yew::prelude::*;

/// `navigator.onLine`, kept current through the window's `online` and `offline` events.
#[hook]
pub fn use_online() -> bool {
    let online = use_state(browser_online);
    {
        let online = online.clone();
        use_effect_with((), move |()| {
            let listeners = web_sys::window().map(|window| {
                let on = {
                    let online = online.clone();
                    EventListener::new(&window, "online", move |_| online.set(true))
                };
                let off = EventListener::new(&window, "offline", move |_| online.set(false));
                (on, off)
            });
            move || drop(listeners)
        });
    }
    *online
}
