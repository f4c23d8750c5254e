//! The Yew apps the widgets render in, reused from one widget to the next.
//!
//! Yew 0.23 never removes the event-delegation listeners it puts on an app's root element: it
//! forgets their closures, which hold the root element and the app's event registry. Every
//! `yew::Renderer` therefore keeps one DOM node, a listener per kind of event the app used and
//! about a kilobyte of JS and wasm memory alive for the life of the page, whether or not the
//! app is destroyed. So a destroyed widget does not destroy its app: the app renders nothing
//! (every component unmounts, every effect is cleaned up), its root leaves the shadow root and
//! waits here, and the next widget renders into it once it shows nothing. A page holds about as
//! many apps as it had widgets alive at once.

#[cfg(feature = "acd-event-form")]
use crate::components::acd_event_form::{AcdEventForm, AcdEventFormProps};
#[cfg(feature = "cockpit")]
use crate::components::{
    cockpit_variable_form::{CockpitVariableForm, CockpitVariableFormProps},
    cockpit_variable_list::{CockpitVariableList, CockpitVariableListProps},
};
use std::cell::{Cell, RefCell};
use web_sys::{Element, ShadowRoot};
use yew::prelude::*;
use yew::AppHandle;

/// A widget with its properties, as an app renders it.
#[derive(Clone, PartialEq)]
pub enum WidgetProps {
    /// An ACD event form (boxed: its properties are the largest).
    #[cfg(feature = "acd-event-form")]
    AcdEventForm(Box<AcdEventFormProps>),
    /// One cockpit variable.
    #[cfg(feature = "cockpit")]
    CockpitVariable(CockpitVariableFormProps),
    /// Every cockpit variable.
    #[cfg(feature = "cockpit")]
    CockpitVariables(CockpitVariableListProps),
}

/// What an app renders: a widget, or nothing while it waits for the next one.
#[derive(Properties, PartialEq)]
struct AppProps {
    widget: Option<WidgetProps>,
    /// Which widget this is: a new one never inherits the state of the one before it.
    generation: u64,
}

#[component]
fn WidgetApp(props: &AppProps) -> Html {
    let key = props.generation;
    match props.widget.clone() {
        #[cfg(feature = "acd-event-form")]
        Some(WidgetProps::AcdEventForm(widget)) => html! { <AcdEventForm {key} ..*widget /> },
        #[cfg(feature = "cockpit")]
        Some(WidgetProps::CockpitVariable(widget)) => {
            html! { <CockpitVariableForm {key} ..widget /> }
        }
        #[cfg(feature = "cockpit")]
        Some(WidgetProps::CockpitVariables(widget)) => {
            html! { <CockpitVariableList {key} ..widget /> }
        }
        #[allow(unreachable_patterns)]
        _ => Html::default(),
    }
}

/// An app placed in a shadow root, rendering one widget.
pub struct PooledApp {
    root: Element,
    app: AppHandle<WidgetApp>,
    generation: u64,
}

thread_local! {
    /// The apps no widget uses now.
    static WAITING: RefCell<Vec<PooledApp>> = const { RefCell::new(Vec::new()) };
    /// The number of widgets rendered so far.
    static GENERATIONS: Cell<u64> = const { Cell::new(0) };
}

impl PooledApp {
    /// A waiting app that has unmounted its last widget, or a new one, placed inside
    /// `shadow_root` and rendering nothing until [`PooledApp::show`].
    pub fn place(shadow_root: &ShadowRoot) -> Option<Self> {
        let generation = GENERATIONS.with(|count| {
            count.set(count.get() + 1);
            count.get()
        });
        // An app released in this task still shows its last widget until Yew's scheduler runs.
        let waiting = WAITING.with(|waiting| {
            let mut waiting = waiting.borrow_mut();
            let emptied = waiting
                .iter()
                .position(|app| app.root.first_child().is_none())?;
            Some(waiting.swap_remove(emptied))
        });
        let mut placed = match waiting {
            Some(app) => app,
            None => {
                let root = shadow_root.owner_document()?.create_element("div").ok()?;
                root.set_class_name("jtel-root");
                let props = AppProps {
                    widget: None,
                    generation,
                };
                let app =
                    yew::Renderer::<WidgetApp>::with_root_and_props(root.clone(), props).render();
                Self {
                    root,
                    app,
                    generation,
                }
            }
        };
        let _ = placed.root.remove_attribute("hidden");
        shadow_root.append_child(&placed.root).ok()?;
        placed.generation = generation;
        Some(placed)
    }

    /// The app's root element, inside the shadow root.
    pub fn root(&self) -> &Element {
        &self.root
    }

    /// Renders `widget` with new properties; the widget keeps its state.
    pub fn show(&mut self, widget: WidgetProps) {
        self.app.update(AppProps {
            widget: Some(widget),
            generation: self.generation,
        });
    }

    /// Unmounts the widget and takes the app out of its shadow root, for the next widget.
    pub fn release(mut self) {
        self.app.update(AppProps {
            widget: None,
            generation: self.generation,
        });
        self.root.remove();
        WAITING.with(|waiting| waiting.borrow_mut().push(self));
    }
}
