//! What the widgets on one page tell each other, so that two widgets never disagree about the
//! same jtel data: a cockpit value one of them set, what the user typed into a draft shared by
//! two forms, the event such a form created. Widgets hear the news of the widgets that talk to
//! the same jtel (the same base URL), whichever Yew app or custom element they live in; the news
//! carries what jtel's answer already told, so no widget needs to ask jtel again.

use crate::draft_store::DraftSlot;
use jtel_core::model::AcdEvent;
use jtel_core::Field;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use yew::prelude::*;

/// Something one widget learnt that others on the page show too.
#[derive(Clone)]
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

/// A listening widget: its id and what it does with news (the latest callback it rendered).
type Hearer = Rc<RefCell<(u32, Callback<News>)>>;

/// One widget listening.
struct Listener {
    base_url: AttrValue,
    hearer: Hearer,
}

thread_local! {
    static LISTENERS: RefCell<Vec<Listener>> = const { RefCell::new(Vec::new()) };
    static NEXT_ID: Cell<u32> = const { Cell::new(0) };
}

/// A widget's place among the listeners: it tells the others its news.
#[derive(Clone, PartialEq)]
pub struct Newsroom {
    id: u32,
    base_url: AttrValue,
}

impl Newsroom {
    /// Tells `news` to every other widget of the page that talks to the same jtel.
    pub fn tell(&self, news: &News) {
        let hearers: Vec<Callback<News>> = LISTENERS.with_borrow(|listeners| {
            listeners
                .iter()
                .map(|listener| (listener, listener.hearer.borrow()))
                .filter(|(listener, hearer)| {
                    hearer.0 != self.id && listener.base_url == self.base_url
                })
                .map(|(_, hearer)| hearer.1.clone())
                .collect()
        });
        for hear in hearers {
            hear.emit(news.clone());
        }
    }
}

/// Hears, for as long as the component is mounted, the news of the other widgets that talk
/// to the jtel at `base_url`, with the latest `hear` given; returns the widget's [`Newsroom`]
/// for telling its own news.
#[hook]
pub fn use_news(base_url: AttrValue, hear: Callback<News>) -> Newsroom {
    let hearer = use_mut_ref(|| (NEXT_ID.replace(NEXT_ID.get().wrapping_add(1)), hear.clone()));
    hearer.borrow_mut().1 = hear;
    let id = hearer.borrow().0;
    use_effect_with(base_url.clone(), move |base_url| {
        LISTENERS.with_borrow_mut(|listeners| {
            listeners.push(Listener {
                base_url: base_url.clone(),
                hearer: hearer.clone(),
            })
        });
        move || {
            LISTENERS.with_borrow_mut(|listeners| {
                listeners.retain(|listener| !Rc::ptr_eq(&listener.hearer, &hearer))
            })
        }
    });
    Newsroom { id, base_url }
}
