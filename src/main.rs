//! The demo page's entry point: mounts a [`CallbackForm`] into every element marked
//! `data-jtel-callback-form`, configured by its `data-*` attributes.

use jtel_widgets::components::callback_form::{CallbackForm, CallbackFormProps};
use jtel_widgets::jtel_core::{Field, Language};
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::AttrValue;

fn main() {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let Ok(hosts) = document.query_selector_all("[data-jtel-callback-form]") else {
        return;
    };
    for index in 0..hosts.length() {
        if let Some(host) = hosts
            .item(index)
            .and_then(|node| node.dyn_into::<HtmlElement>().ok())
        {
            let props = props_from_dataset(&host);
            yew::Renderer::<CallbackForm>::with_root_and_props(host.into(), props).render();
        }
    }
}

/// Reads `data-base-url`, `data-group`, `data-user`, `data-receiver`, `data-lang`,
/// `data-country-code` and the prefills `data-sender`, `data-subject`, `data-crm-url`,
/// `data-user-data`.
fn props_from_dataset(host: &HtmlElement) -> CallbackFormProps {
    let data = host.dataset();
    let get = |key: &str| {
        data.get(key)
            .filter(|value| !value.is_empty())
            .map(AttrValue::from)
    };
    let prefill: Vec<(Field, AttrValue)> = [
        (Field::Sender, "sender"),
        (Field::Subject, "subject"),
        (Field::Body, "body"),
        (Field::CrmUrl, "crmUrl"),
        (Field::UserData, "userData"),
    ]
    .into_iter()
    .filter_map(|(field, key)| get(key).map(|value| (field, value)))
    .collect();
    yew::props!(CallbackFormProps {
        base_url: get("baseUrl").unwrap_or(AttrValue::Static("/jtel")),
        group: get("group").unwrap_or_default(),
        user: get("user"),
        receiver: get("receiver"),
        language: get("lang")
            .map(|tag| Language::from_tag(&tag))
            .unwrap_or_default(),
        default_country_code: get("countryCode")
            .and_then(|code| code.parse().ok())
            .unwrap_or(49),
        prefill,
    })
}
