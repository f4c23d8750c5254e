//! A mounted widget of any kind: mounted into a host element's shadow root, updated from a new
//! configuration, destroyed as one.

use crate::components::acd_event_form::{AcdEventForm, AcdEventFormProps};
use crate::components::cockpit_variable_form::{CockpitVariableForm, CockpitVariableFormProps};
use crate::components::cockpit_variable_list::{CockpitVariableList, CockpitVariableListProps};
use crate::embed::config::{self, ConfigSource};
use crate::embed::{host_events, shadow};
use web_sys::Element;
use yew::AppHandle;

/// The kinds of widget a page can embed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WidgetKind {
    /// `<jtel-acd-event-form>`: create an ACD event of any kind.
    AcdEventForm,
    /// `<jtel-cockpit-variable>`: show and set one cockpit variable.
    CockpitVariable,
    /// `<jtel-cockpit-variables>`: every cockpit variable, filterable, for a supervisor panel.
    CockpitVariables,
}

impl WidgetKind {
    /// Every kind, for registering the custom elements.
    pub const ALL: [WidgetKind; 3] = [
        Self::AcdEventForm,
        Self::CockpitVariable,
        Self::CockpitVariables,
    ];

    /// The custom element's tag name.
    pub fn element_name(self) -> &'static str {
        match self {
            Self::AcdEventForm => "jtel-acd-event-form",
            Self::CockpitVariable => "jtel-cockpit-variable",
            Self::CockpitVariables => "jtel-cockpit-variables",
        }
    }

    /// The kind for a name as `mount()` options give it (`acd-event-form`, or the tag name).
    pub fn from_name(name: &str) -> Option<Self> {
        let name = name.trim().trim_start_matches("jtel-");
        Self::ALL
            .into_iter()
            .find(|kind| kind.element_name().trim_start_matches("jtel-") == name)
    }

    /// The configuration keys the widget reads (the observed attributes).
    pub fn keys(self) -> &'static [&'static str] {
        match self {
            Self::AcdEventForm => config::ACD_EVENT_FORM_KEYS,
            Self::CockpitVariable => config::COCKPIT_VARIABLE_KEYS,
            Self::CockpitVariables => config::COCKPIT_VARIABLES_KEYS,
        }
    }
}

enum App {
    AcdEventForm(AppHandle<AcdEventForm>),
    CockpitVariable(AppHandle<CockpitVariableForm>),
    CockpitVariables(AppHandle<CockpitVariableList>),
}

/// A widget rendered into the shadow root of its host element.
pub struct MountedWidget {
    host: Element,
    app: App,
}

impl MountedWidget {
    /// Renders a widget of `kind` into `host`'s shadow root, configured by `source`.
    pub fn mount(host: &Element, kind: WidgetKind, source: &impl ConfigSource) -> Option<Self> {
        let root = shadow::mount_point(host)?;
        let app = match kind {
            WidgetKind::AcdEventForm => App::AcdEventForm(
                yew::Renderer::<AcdEventForm>::with_root_and_props(
                    root,
                    acd_event_form_props(host, source),
                )
                .render(),
            ),
            WidgetKind::CockpitVariable => App::CockpitVariable(
                yew::Renderer::<CockpitVariableForm>::with_root_and_props(
                    root,
                    cockpit_variable_props(host, source),
                )
                .render(),
            ),
            WidgetKind::CockpitVariables => App::CockpitVariables(
                yew::Renderer::<CockpitVariableList>::with_root_and_props(
                    root,
                    cockpit_list_props(host, source),
                )
                .render(),
            ),
        };
        Some(Self {
            host: host.clone(),
            app,
        })
    }

    /// The element the widget lives in.
    pub fn host(&self) -> &Element {
        &self.host
    }

    /// Applies a new configuration (a form keeps what the user typed).
    pub fn update(&mut self, source: &impl ConfigSource) {
        match &mut self.app {
            App::AcdEventForm(app) => app.update(acd_event_form_props(&self.host, source)),
            App::CockpitVariable(app) => app.update(cockpit_variable_props(&self.host, source)),
            App::CockpitVariables(app) => app.update(cockpit_list_props(&self.host, source)),
        }
    }

    /// Removes the widget and everything it rendered.
    pub fn destroy(self) {
        match self.app {
            App::AcdEventForm(app) => app.destroy(),
            App::CockpitVariable(app) => app.destroy(),
            App::CockpitVariables(app) => app.destroy(),
        }
        if let Some(root) = self.host.shadow_root() {
            root.set_inner_html("");
        }
    }
}

fn acd_event_form_props(host: &Element, source: &impl ConfigSource) -> AcdEventFormProps {
    let mut props = config::acd_event_form_props(source);
    props.on_created = host_events::on_created(host);
    props.on_failed = host_events::on_failed(host, props.language);
    props.on_invalid = host_events::on_invalid(host, props.language);
    props
}

fn cockpit_variable_props(host: &Element, source: &impl ConfigSource) -> CockpitVariableFormProps {
    let mut props = config::cockpit_variable_props(source);
    props.on_value_set = host_events::on_value_set(host, props.language);
    props.on_failed = host_events::on_failed(host, props.language);
    props
}

fn cockpit_list_props(host: &Element, source: &impl ConfigSource) -> CockpitVariableListProps {
    let mut props = config::cockpit_list_props(source);
    props.on_value_set = host_events::on_value_set(host, props.language);
    props.on_failed = host_events::on_failed(host, props.language);
    props
}
