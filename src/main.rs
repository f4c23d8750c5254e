//! The demo page's entry point: mounts each widget into every element marked with its data
//! attribute, configured by the element's `data-*` attributes:
//! `data-jtel-callback-form`, `data-jtel-cockpit-variable` and `data-jtel-cockpit-variables`.

use jtel_widgets::components::callback_form::{CallbackForm, CallbackFormProps};
use jtel_widgets::components::cockpit_variable_form::{
    CockpitVariableForm, CockpitVariableFormProps,
};
use jtel_widgets::components::cockpit_variable_list::{
    CockpitVariableList, CockpitVariableListProps,
};
use jtel_widgets::jtel_core::{Field, Language};
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::{AttrValue, BaseComponent};

fn main() {
    mount::<CallbackForm>("[data-jtel-callback-form]", callback_form_props);
    mount::<CockpitVariableForm>("[data-jtel-cockpit-variable]", cockpit_variable_props);
    mount::<CockpitVariableList>("[data-jtel-cockpit-variables]", cockpit_list_props);
}

/// Renders a `C` into every element matching `selector`, with props read from the element.
fn mount<C: BaseComponent>(selector: &str, props: fn(&Dataset) -> C::Properties) {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let Ok(hosts) = document.query_selector_all(selector) else {
        return;
    };
    for index in 0..hosts.length() {
        if let Some(host) = hosts
            .item(index)
            .and_then(|node| node.dyn_into::<HtmlElement>().ok())
        {
            let props = props(&Dataset(host.dataset()));
            yew::Renderer::<C>::with_root_and_props(host.into(), props).render();
        }
    }
}

/// A host element's `data-*` attributes.
struct Dataset(web_sys::DomStringMap);

impl Dataset {
    /// The non-empty value of `data-{key}` (`key` in camelCase).
    fn get(&self, key: &str) -> Option<AttrValue> {
        self.0
            .get(key)
            .filter(|value| !value.is_empty())
            .map(AttrValue::from)
    }

    fn base_url(&self) -> AttrValue {
        self.get("baseUrl").unwrap_or(AttrValue::Static("/jtel"))
    }

    fn language(&self) -> Language {
        self.get("lang")
            .map(|tag| Language::from_tag(&tag))
            .unwrap_or_default()
    }
}

/// Reads `data-base-url`, `data-group`, `data-user`, `data-receiver`, `data-lang`,
/// `data-country-code` and the prefills `data-sender`, `data-subject`, `data-crm-url`,
/// `data-user-data`.
fn callback_form_props(data: &Dataset) -> CallbackFormProps {
    let prefill: Vec<(Field, AttrValue)> = [
        (Field::Sender, "sender"),
        (Field::Subject, "subject"),
        (Field::Body, "body"),
        (Field::CrmUrl, "crmUrl"),
        (Field::UserData, "userData"),
    ]
    .into_iter()
    .filter_map(|(field, key)| data.get(key).map(|value| (field, value)))
    .collect();
    yew::props!(CallbackFormProps {
        base_url: data.base_url(),
        group: data.get("group").unwrap_or_default(),
        user: data.get("user"),
        receiver: data.get("receiver"),
        language: data.language(),
        default_country_code: data
            .get("countryCode")
            .and_then(|code| code.parse().ok())
            .unwrap_or(49),
        prefill,
    })
}

/// Reads `data-base-url`, `data-variable` (the id), `data-lang` and `data-refresh-seconds`.
fn cockpit_variable_props(data: &Dataset) -> CockpitVariableFormProps {
    yew::props!(CockpitVariableFormProps {
        variable_id: data
            .get("variable")
            .and_then(|id| id.parse::<i64>().ok())
            .unwrap_or_default(),
        base_url: data.base_url(),
        language: data.language(),
        refresh_seconds: data
            .get("refreshSeconds")
            .and_then(|seconds| seconds.parse().ok()),
    })
}

/// Reads `data-base-url` and `data-lang`.
fn cockpit_list_props(data: &Dataset) -> CockpitVariableListProps {
    yew::props!(CockpitVariableListProps {
        base_url: data.base_url(),
        language: data.language(),
    })
}
