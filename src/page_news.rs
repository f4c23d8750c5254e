//! What the widgets on one page tell each other, so that two widgets never disagree about the
//! same jtel data: a cockpit value one of them set, what the user typed into a draft shared by
//! two forms, the event such a form created. Widgets hear the news of the widgets that talk to
//! the same jtel (the same base URL), whichever Yew app or custom element they live in; the news
//! carries what jtel's answer already told, so no widget needs to ask jtel again.

use crate::draft_store::DraftSlot;
use jtel_core::model::AcdEvent;
use jtel_core::Field;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Something one widget learnt that others on the page show too.
pub enum News {
    /// Cockpit variable `variable_id` has `value` now (setValue answered "set" or "unchanged").
    ValueSet {
        /// The variable's `CockpitVariablesID`.
        variable_id: i64,
        /// Its value now.
        value: i64,
    },
    /// The user typed `text` into `field` of the draft kept in `slot`.
    Typed {
        /// The draft: forms with the same draft key and record share it.
        slot: DraftSlot,
        /// The field typed into.
        field: Field,
        /// Its text now.
        text: String,
    },
    /// The draft kept in `slot` was sent, and jtel created `event`.
    Created {
        /// The draft that was sent.
        slot: DraftSlot,
        /// The created event.
        event: Box<AcdEvent>,
    },
}

/// One widget listening: the jtel it talks to and what it does with news.
struct Listener {
    base_url: AttrValue,
    hear: Callback<Rc<News>>,
}

thread_local! {
    static LISTENERS: RefCell<Vec<Rc<Listener>>> = const { RefCell::new(Vec::new()) };
}

/// Tells `news` to every widget of the page that talks to the jtel at `base_url` (the teller
/// too: it shows what it learnt the same way).
pub fn tell(base_url: &str, news: News) {
    let news = Rc::new(news);
    // A copy of the list: a widget may start or stop listening while it hears (a render).
    for listener in LISTENERS.with_borrow(Vec::clone) {
        if listener.base_url == base_url {
            listener.hear.emit(Rc::clone(&news));
        }
    }
}

/// A widget hearing the news: it hears them until this is dropped.
pub struct Listening(Rc<Listener>);

impl Drop for Listening {
    fn drop(&mut self) {
        LISTENERS
            .with_borrow_mut(|listeners| listeners.retain(|other| !Rc::ptr_eq(other, &self.0)));
    }
}

/// Starts hearing the news of the widgets that talk to the jtel at `base_url`, with `hear`.
/// A form calls this in an effect it has anyway, and drops the result in its cleanup.
pub fn listen(base_url: AttrValue, hear: Callback<Rc<News>>) -> Listening {
    let listener = Rc::new(Listener { base_url, hear });
    LISTENERS.with_borrow_mut(|listeners| listeners.push(Rc::clone(&listener)));
    Listening(listener)
}

/// Hears, for as long as the component is mounted, the news of the widgets that talk to the
/// jtel at `base_url`. `hear` is taken again whenever `key` (what it depends on besides
/// dispatchers, which never change) or `base_url` changes.
#[hook]
pub fn use_news<K: PartialEq + 'static>(base_url: AttrValue, key: K, hear: Callback<Rc<News>>) {
    use_effect_with((base_url, key), move |(base_url, _)| {
        let listening = listen(base_url.clone(), hear);
        move || drop(listening)
    });
}
