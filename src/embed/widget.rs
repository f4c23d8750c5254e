//! A mounted widget of any kind: mounted into a host element's shadow root, updated from a new
//! configuration, destroyed as one.
//!
//! The cargo features `acd-event-form` and `cockpit` choose which widgets a bundle embeds, so a
//! page with one form loads only that form's code (the Yew components themselves are always in
//! the library).

#[cfg(feature = "acd-event-form")]
use crate::components::acd_event_form::AcdEventFormProps;
#[cfg(feature = "cockpit")]
use crate::components::{
    cockpit_variable_form::CockpitVariableFormProps,
    cockpit_variable_list::CockpitVariableListProps,
};
use crate::embed::app_pool::{PooledApp, WidgetProps};
use crate::embed::config::WidgetSource;
use crate::embed::{config, host_events, notice, shadow};
use crate::form_control::FormControl;
#[cfg(feature = "acd-event-form")]
use jtel_core::event_form::EventFormSettings;
use jtel_core::messages::Texts;
use jtel_core::options::{ConfigError, OptionReader};
use web_sys::Element;
use yew::Callback;

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
    /// (Compared with the tag and the tag without its prefix: trimming `jtel-` off with
    /// `trim_start_matches` and a string pattern cost 0.2–0.4 KB brotli per bundle.)
    pub fn from_name(name: &str) -> Option<Self> {
        let name = name.trim();
        Self::ALL.into_iter().find(|kind| {
            let tag = kind.element_name();
            name == tag || tag.strip_prefix("jtel-") == Some(name)
        })
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

/// What a widget's properties are wired to: the host element (its DOM events) and the form's
/// control (the element's and the `mount()` handle's commands).
pub struct HostLink {
    /// The element the widget lives in.
    pub host: Element,
    /// The host page's handle on the form.
    pub control: FormControl,
}

/// A widget rendered into the shadow root of its host element.
pub struct MountedWidget {
    kind: WidgetKind,
    link: HostLink,
    app: PooledApp,
    /// The values not understood in the latest configuration (announced once each).
    errors: Vec<ConfigError>,
    /// The texts of the latest configuration (its language and the integrator's words).
    texts: Texts,
}

impl MountedWidget {
    /// Renders a widget of `kind` into `host`'s shadow root, configured by `source`; `None`
    /// when the kind is not in this bundle or `host` cannot hold a shadow root. A
    /// configuration it cannot read shows a notice instead (see [`MountedWidget::update`]).
    pub fn mount(host: &Element, kind: WidgetKind, source: &dyn WidgetSource) -> Option<Self> {
        if !kind.is_bundled() {
            return None;
        }
        let root = shadow::open(host)?;
        let app = PooledApp::place(&root)?;
        shadow::show_host_children(&root);
        let mut widget = Self {
            kind,
            link: HostLink {
                host: host.clone(),
                control: FormControl::default(),
            },
            app,
            errors: Vec::new(),
            texts: Texts::default(),
        };
        widget.update(source);
        Some(widget)
    }

    /// The element the widget lives in.
    pub fn host(&self) -> &Element {
        &self.link.host
    }

    /// Applies a new configuration (a form keeps what the user typed). A value the widget does
    /// not understand is never ignored: the widget shows a configuration notice in its place
    /// (what the user typed stays, for when the configuration is right again), and each such
    /// value is announced once, on the console and as a `jtel-config-error` event.
    pub fn update(&mut self, source: &dyn WidgetSource) {
        let errors = match widget_props(&self.link, self.kind, source, &mut self.texts) {
            Ok(props) => {
                self.app.show(props);
                if self.kind != WidgetKind::AcdEventForm {
                    // Widgets without commands accept input once rendered.
                    self.link.control.attach(Callback::noop());
                }
                Vec::new()
            }
            Err(errors) => errors,
        };
        for error in errors.iter().filter(|error| !self.errors.contains(error)) {
            host_events::announce_config_error(&self.link.host, error);
        }
        notice::show(self.app.root(), &errors, &self.texts);
        self.errors = errors;
    }

    /// The host page's handle on the widget's form.
    pub fn control(&self) -> &FormControl {
        &self.link.control
    }

    /// Whether the widget is a form that takes commands (`reset`, `setValues`, `submit`).
    pub fn takes_commands(&self) -> bool {
        // Known at compile time in a bundle without the form, so the commands' code is left out.
        cfg!(feature = "acd-event-form") && self.kind == WidgetKind::AcdEventForm
    }

    /// The widget's texts now: its language with the integrator's words.
    pub fn texts(&self) -> &Texts {
        &self.texts
    }

    /// Removes the widget and everything it rendered.
    pub fn destroy(self) {
        self.app.release();
        if let Some(root) = self.link.host.shadow_root() {
            root.set_inner_html("");
        }
    }
}

/// The properties of a widget of `kind` read from `source`, announcing to the host of `link`,
/// or what `source` holds that the widget does not understand; `texts` becomes the widget's
/// texts either way (for its configuration notice and `submit()`'s messages).
fn widget_props(
    link: &HostLink,
    kind: WidgetKind,
    source: &dyn WidgetSource,
    texts: &mut Texts,
) -> Result<WidgetProps, Vec<ConfigError>> {
    match kind {
        #[cfg(feature = "acd-event-form")]
        WidgetKind::AcdEventForm => acd_event_form_props(link, source, texts)
            .map(|props| WidgetProps::AcdEventForm(Box::new(props))),
        #[cfg(feature = "cockpit")]
        WidgetKind::CockpitVariable => {
            cockpit_variable_props(link, source, texts).map(WidgetProps::CockpitVariable)
        }
        #[cfg(feature = "cockpit")]
        WidgetKind::CockpitVariables => {
            cockpit_list_props(link, source, texts).map(WidgetProps::CockpitVariables)
        }
        #[allow(unreachable_patterns)]
        _ => Err(Vec::new()),
    }
}

#[cfg(feature = "acd-event-form")]
fn acd_event_form_props(
    link: &HostLink,
    source: &dyn WidgetSource,
    texts: &mut Texts,
) -> Result<AcdEventFormProps, Vec<ConfigError>> {
    let mut reader = OptionReader::new(source);
    let widget = config::widget_settings(&mut reader, source);
    *texts = widget.texts();
    let form = EventFormSettings::read(&mut reader);
    let draft_key = config::draft_key(&mut reader);
    reader.finish()?;
    Ok(AcdEventFormProps {
        on_created: host_events::on_created(&link.host),
        on_failed: host_events::on_failed(&link.host, widget.texts()),
        on_invalid: host_events::on_invalid(&link.host, widget.texts()),
        control: link.control.clone(),
        form,
        draft_key,
        widget,
    })
}

#[cfg(feature = "cockpit")]
fn cockpit_variable_props(
    link: &HostLink,
    source: &dyn WidgetSource,
    texts: &mut Texts,
) -> Result<CockpitVariableFormProps, Vec<ConfigError>> {
    let mut reader = OptionReader::new(source);
    let widget = config::widget_settings(&mut reader, source);
    *texts = widget.texts();
    let (variable_id, refresh_seconds) = (
        config::variable_id(&mut reader),
        config::refresh_seconds(&mut reader),
    );
    reader.finish()?;
    Ok(CockpitVariableFormProps {
        variable_id,
        refresh_seconds,
        on_value_set: host_events::on_value_set(&link.host, widget.texts()),
        on_failed: host_events::on_failed(&link.host, widget.texts()),
        widget,
    })
}

#[cfg(feature = "cockpit")]
fn cockpit_list_props(
    link: &HostLink,
    source: &dyn WidgetSource,
    texts: &mut Texts,
) -> Result<CockpitVariableListProps, Vec<ConfigError>> {
    let mut reader = OptionReader::new(source);
    let widget = config::widget_settings(&mut reader, source);
    *texts = widget.texts();
    reader.finish()?;
    Ok(CockpitVariableListProps {
        on_value_set: host_events::on_value_set(&link.host, widget.texts()),
        on_failed: host_events::on_failed(&link.host, widget.texts()),
        widget,
    })
}

#[cfg(test)]
mod tests {
    use super::WidgetKind;

    #[test]
    fn a_kind_is_named_by_its_tag_or_the_tag_without_jtel() {
        for kind in WidgetKind::ALL {
            let tag = kind.element_name();
            assert_eq!(WidgetKind::from_name(tag), Some(kind));
            assert_eq!(WidgetKind::from_name(&format!(" {tag} ")), Some(kind));
            assert_eq!(WidgetKind::from_name(&tag["jtel-".len()..]), Some(kind));
        }
        for unknown in ["", "jtel-", "form", "jtel-jtel-acd-event-form", "cockpit"] {
            assert_eq!(WidgetKind::from_name(unknown), None, "{unknown:?}");
        }
    }
}
