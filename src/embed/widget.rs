//! A mounted widget of any kind: mounted into a host element's shadow root, updated from a new
//! configuration, destroyed as one.
//!
//! The cargo features `acd-event-form` and `cockpit` choose which widgets a bundle embeds, so a
//! page with one form loads only that form's code (the Yew components themselves are always in
//! the library).

#[cfg(feature = "acd-event-form")]
use crate::components::acd_event_form::{AcdEventForm, AcdEventFormProps};
#[cfg(feature = "cockpit")]
use crate::components::{
    cockpit_variable_form::{CockpitVariableForm, CockpitVariableFormProps},
    cockpit_variable_list::{CockpitVariableList, CockpitVariableListProps},
};
use crate::embed::config::{self, ConfigSource};
use crate::embed::{host_events, shadow};
use web_sys::Element;
use yew::{AppHandle, BaseComponent};

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
    /// Every kind.
    pub const ALL: [WidgetKind; 3] = [
        Self::AcdEventForm,
        Self::CockpitVariable,
        Self::CockpitVariables,
    ];

    /// The kinds this bundle embeds (its cargo features), for registering custom elements.
    pub fn bundled() -> impl Iterator<Item = WidgetKind> {
        Self::ALL.into_iter().filter(|kind| kind.is_bundled())
    }

    /// Whether this bundle embeds the kind.
    pub fn is_bundled(self) -> bool {
        match self {
            Self::AcdEventForm => cfg!(feature = "acd-event-form"),
            Self::CockpitVariable | Self::CockpitVariables => cfg!(feature = "cockpit"),
        }
    }

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

/// A widget's Yew app, whatever its component: updated from a new configuration, destroyed.
trait EmbeddedApp {
    /// Applies the configuration `source` gives now.
    fn update(&mut self, host: &Element, source: &dyn ConfigSource);
    /// Removes the app and everything it rendered.
    fn destroy(self: Box<Self>);
}

/// How a component's properties are read from a configuration, with the host's events wired.
type PropsReader<C> = fn(&Element, &dyn ConfigSource) -> <C as BaseComponent>::Properties;

/// The app of component `C` and how its properties are read.
struct App<C: BaseComponent> {
    handle: AppHandle<C>,
    props: PropsReader<C>,
}

impl<C: BaseComponent> EmbeddedApp for App<C> {
    fn update(&mut self, host: &Element, source: &dyn ConfigSource) {
        self.handle.update((self.props)(host, source));
    }

    fn destroy(self: Box<Self>) {
        self.handle.destroy();
    }
}

/// Renders `C` into `root` with the properties `props` reads from `source`.
fn start<C: BaseComponent>(
    root: Element,
    host: &Element,
    source: &dyn ConfigSource,
    props: PropsReader<C>,
) -> Box<dyn EmbeddedApp> {
    let handle = yew::Renderer::<C>::with_root_and_props(root, props(host, source)).render();
    Box::new(App { handle, props })
}

/// A widget rendered into the shadow root of its host element.
pub struct MountedWidget {
    host: Element,
    app: Box<dyn EmbeddedApp>,
}

impl MountedWidget {
    /// Renders a widget of `kind` into `host`'s shadow root, configured by `source`; `None`
    /// when the kind is not in this bundle or `host` cannot hold a shadow root.
    pub fn mount(host: &Element, kind: WidgetKind, source: &dyn ConfigSource) -> Option<Self> {
        if !kind.is_bundled() {
            return None;
        }
        let root = shadow::mount_point(host)?;
        let app = match kind {
            #[cfg(feature = "acd-event-form")]
            WidgetKind::AcdEventForm => {
                start::<AcdEventForm>(root, host, source, acd_event_form_props)
            }
            #[cfg(feature = "cockpit")]
            WidgetKind::CockpitVariable => {
                start::<CockpitVariableForm>(root, host, source, cockpit_variable_props)
            }
            #[cfg(feature = "cockpit")]
            WidgetKind::CockpitVariables => {
                start::<CockpitVariableList>(root, host, source, cockpit_list_props)
            }
            #[allow(unreachable_patterns)]
            _ => return None,
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
    pub fn update(&mut self, source: &dyn ConfigSource) {
        self.app.update(&self.host, source);
    }

    /// Removes the widget and everything it rendered.
    pub fn destroy(self) {
        self.app.destroy();
        if let Some(root) = self.host.shadow_root() {
            root.set_inner_html("");
        }
    }
}

#[cfg(feature = "acd-event-form")]
fn acd_event_form_props(host: &Element, source: &dyn ConfigSource) -> AcdEventFormProps {
    let widget = config::widget_settings(source);
    AcdEventFormProps {
        on_created: host_events::on_created(host),
        on_failed: host_events::on_failed(host, widget.language),
        on_invalid: host_events::on_invalid(host, widget.language),
        form: config::event_form_settings(source),
        draft_key: config::draft_key(source),
        widget,
    }
}

#[cfg(feature = "cockpit")]
fn cockpit_variable_props(host: &Element, source: &dyn ConfigSource) -> CockpitVariableFormProps {
    let widget = config::widget_settings(source);
    CockpitVariableFormProps {
        variable_id: config::variable_id(source),
        refresh_seconds: config::refresh_seconds(source),
        on_value_set: host_events::on_value_set(host, widget.language),
        on_failed: host_events::on_failed(host, widget.language),
        widget,
    }
}

#[cfg(feature = "cockpit")]
fn cockpit_list_props(host: &Element, source: &dyn ConfigSource) -> CockpitVariableListProps {
    let widget = config::widget_settings(source);
    CockpitVariableListProps {
        on_value_set: host_events::on_value_set(host, widget.language),
        on_failed: host_events::on_failed(host, widget.language),
        widget,
    }
}
