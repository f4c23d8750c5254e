//! The supervisor panel: every cockpit variable, filtered as the user types, each one opening
//! into a [`CockpitVariableForm`].

use super::lower_case;
use crate::components::cockpit_variable_form::{CockpitVariableForm, SetValueEvent};
use crate::components::form_field::next_instance_prefix;
use crate::load::{use_load, LoadState};
use crate::page_news::{use_news, News};
use crate::settings::WidgetSettings;
use jtel_core::messages::UiText;
use jtel_core::model::CockpitVariable;
use jtel_core::outcome::ApiError;
use jtel_core::wire::Records;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Properties of [`CockpitVariableList`].
#[derive(Properties, PartialEq, Clone)]
pub struct CockpitVariableListProps {
    /// API address, token, timeout and language.
    #[prop_or_default]
    pub widget: WidgetSettings,
    /// Called after every setValue answer of the opened variable.
    #[prop_or_default]
    pub on_value_set: Callback<SetValueEvent>,
    /// Called when loading or setting fails without an answer the panel can read.
    #[prop_or_default]
    pub on_failed: Callback<ApiError>,
}

/// A filterable list of all cockpit variables (name, value, type). Each row is a button that
/// opens the variable's [`CockpitVariableForm`] below it, titled one level below the list. A
/// value set there, or by any other widget of the page, shows in its row at once (see
/// [`crate::page_news`]).
#[component]
pub fn CockpitVariableList(props: &CockpitVariableListProps) -> Html {
    let texts = props.widget.texts();
    let client = props.widget.client();
    let load = use_load(
        client,
        |client| async move { client.cockpit_variables().await },
    );
    let filter = use_state(String::new);
    let opened = use_state(|| None::<i64>);
    let id_prefix = use_memo((), |()| next_instance_prefix());
    use_news(props.widget.base_url.clone(), (), {
        let load = load.clone();
        Callback::from(move |news: Rc<News>| {
            if let News::ValueSet { variable_id, value } = *news {
                load.amend(move |records: &mut Records<CockpitVariable>| {
                    for variable in &mut records.read {
                        if variable.id == Some(variable_id) {
                            variable.value = Some(value);
                        }
                    }
                });
            }
        })
    });

    let body = match &*load.state {
        LoadState::Loading => html! {
            <p class="jtel-hint" role="status">{ texts.ui(&UiText::CockpitVariablesLoading) }</p>
        },
        LoadState::Failed(error) => html! {
            <div class="jtel-alert" role="alert">
                <p class="jtel-alert-text">{ texts.failure(error) }</p>
                <button type="button" class="jtel-button" onclick={load.reload.reform(|_: MouseEvent| ())}>
                    { texts.ui(&UiText::TryAgain) }
                </button>
            </div>
        },
        LoadState::Loaded(records) => {
            // A row without an id cannot be opened or set: it counts as unreadable.
            let variables: Vec<&CockpitVariable> = records
                .read
                .iter()
                .filter(|variable| variable.id.is_some())
                .collect();
            let unreadable = records.total() - variables.len();
            let shown: Vec<&CockpitVariable> = variables
                .iter()
                .copied()
                .filter(|variable| variable.matches_filter(&filter, lower_case))
                .collect();
            let row = |variable: &CockpitVariable| {
                let Some(id) = variable.id else {
                    return Html::default();
                };
                let is_open = *opened == Some(id);
                let panel_id = format!("{id_prefix}-variable-{id}");
                let toggle = {
                    let opened = opened.clone();
                    Callback::from(move |_: MouseEvent| {
                        opened.set(if is_open { None } else { Some(id) })
                    })
                };
                html! {
                    <li key={id} class="jtel-cockpit-row">
                        <button type="button" class="jtel-cockpit-row-button"
                            aria-expanded={if is_open { "true" } else { "false" }}
                            aria-controls={panel_id.clone()} onclick={toggle}>
                            <span class="jtel-cockpit-row-name">{ variable.name.clone().unwrap_or_default() }</span>
                            <span class="jtel-cockpit-row-value">{ texts.variable_value(variable) }</span>
                            <span class="jtel-cockpit-row-kind">{ texts.ui(&UiText::VariableKindName(variable.kind())) }</span>
                        </button>
                        if is_open {
                            <div id={panel_id} class="jtel-cockpit-panel">
                                <CockpitVariableForm variable_id={id} widget={props.widget.nested()}
                                    on_value_set={props.on_value_set.clone()} on_failed={props.on_failed.clone()} />
                            </div>
                        }
                    </li>
                }
            };
            html! {
                <>
                    <p class="jtel-hint" role="status">
                        { texts.ui(&UiText::CockpitShown { shown: shown.len(), total: variables.len() }) }
                    </p>
                    <ul class="jtel-cockpit-rows">{ for shown.into_iter().map(row) }</ul>
                    if unreadable > 0 {
                        <p class="jtel-note jtel-cockpit-unreadable">
                            { texts.ui(&UiText::UnreadableVariables { count: unreadable }) }
                        </p>
                    }
                </>
            }
        }
    };

    let filter_id = format!("{id_prefix}-filter");
    let on_filter = {
        let filter = filter.clone();
        Callback::from(move |event: InputEvent| {
            filter.set(event.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    html! {
        <section class="jtel-widget jtel-cockpit-list" lang={texts.language().tag()}
            aria-busy={matches!(*load.state, LoadState::Loading).then_some("true")}>
            <@{props.widget.heading_tag()} class="jtel-title">{ texts.ui(&UiText::CockpitVariablesTitle) }</@>
            <div class="jtel-field">
                <label for={filter_id.clone()} class="jtel-label">{ texts.ui(&UiText::CockpitFilter) }</label>
                <input id={filter_id} type="search" name="filter" class="jtel-input" autocomplete="off"
                    value={(*filter).clone()} oninput={on_filter} />
            </div>
            { body }
        </section>
    }
}
