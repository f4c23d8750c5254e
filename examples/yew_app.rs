//! A Yew app that renders the widget crate's components itself, as the README's "Rust / Yew"
//! snippet shows (a test checks that the snippet is this file's text). Built for wasm32 by
//! scripts/test.sh: `cargo build --example yew_app --target wasm32-unknown-unknown`. A page
//! that runs it includes `static/jtel-widgets.css` (the components render without a shadow
//! root) and calls the gateway at `/jtel`.

use jtel_widgets::components::acd_event_form::AcdEventForm;
use jtel_widgets::components::cockpit_variable_form::CockpitVariableForm;
use jtel_widgets::jtel_core::event_form::{EventFormSettings, Setting};
use jtel_widgets::jtel_core::model::AcdEvent;
use jtel_widgets::{jtel_core::Language, settings::WidgetSettings};
use yew::prelude::*;

/// A callback form for group 235 and cockpit variable 192, in German.
#[component]
fn Crm() -> Html {
    let created = use_state(|| None::<i64>);
    let on_created = {
        let created = created.clone();
        Callback::from(move |event: AcdEvent| created.set(event.id))
    };
    let widget = WidgetSettings {
        language: Language::German,
        ..WidgetSettings::default()
    };
    let form = EventFormSettings {
        group: Setting::Fixed("235".into()),
        ..EventFormSettings::default()
    };
    html! {
        <>
            <AcdEventForm widget={widget.clone()} {form} {on_created} />
            <CockpitVariableForm {widget} variable_id={192} />
            if let Some(id) = *created { <p>{ format!("Event {id} created") }</p> }
        </>
    }
}

fn main() {
    yew::Renderer::<Crm>::new().render();
}
