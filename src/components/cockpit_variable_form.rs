//! The form for one cockpit variable: shows it, and sets a new value after a confirmation.

use crate::cockpit_state::{CockpitEdit, CockpitEditAction, SetValueStep};
use crate::components::cockpit_variable_facts::CockpitVariableFacts;
use crate::components::form_field::{next_instance_prefix, FormField};
use crate::components::set_value_answer::SetValueAnswer;
use crate::focus::move_focus;
use crate::load::{use_load, LoadState};
use crate::page_news::{listen, tell, News};
use crate::perf_marks::use_interactive_mark;
use crate::settings::WidgetSettings;
use crate::tasks::use_tasks;
use gloo_timers::callback::Interval;
use jtel_core::messages::{Texts, UiText};
use jtel_core::model::{CockpitVariable, CockpitVariableKind};
use jtel_core::outcome::{ApiError, SetValueResult};
use jtel_core::validation::parse_cockpit_value;
use jtel_core::Field;
use std::rc::Rc;
use yew::prelude::*;

/// What the host page hears after every setValue answer (whatever its result).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SetValueEvent {
    /// The variable's `CockpitVariablesID`.
    pub variable_id: i64,
    /// The value that was sent.
    pub value: i64,
    /// What the server did with it.
    pub result: SetValueResult,
}

/// Properties of [`CockpitVariableForm`].
#[derive(Properties, PartialEq, Clone)]
pub struct CockpitVariableFormProps {
    /// The `CockpitVariablesID` of the variable to show and change.
    pub variable_id: i64,
    /// API address, token, timeout and language.
    #[prop_or_default]
    pub widget: WidgetSettings,
    /// Reload the shown value every this many seconds; unset (or 0) loads it once.
    #[prop_or_default]
    pub refresh_seconds: Option<u32>,
    /// Called after every setValue answer.
    #[prop_or_default]
    pub on_value_set: Callback<SetValueEvent>,
    /// Called when loading or setting fails without an answer the form can read.
    #[prop_or_default]
    pub on_failed: Callback<ApiError>,
}

/// Shows one cockpit variable (name, description, value, bounds, type, colour) and lets the
/// user set a new value: a switch for on/off variables, a number input validated with
/// jtel-core otherwise. Nothing is sent before the user confirms; every setValue result is
/// explained in words. Read-only variables are shown without an edit control.
#[component]
pub fn CockpitVariableForm(props: &CockpitVariableFormProps) -> Html {
    let texts = props.widget.texts();
    let id = props.variable_id;
    let client = props.widget.client();
    let load = use_load((client.clone(), id), |(client, id)| async move {
        client.cockpit_variable(id).await
    });
    let edit = use_reducer(|| CockpitEdit::new(None));

    let loaded_value = match &*load.state {
        LoadState::Loaded(variable) => Some(variable.value),
        _ => None,
    };
    use_effect_with(loaded_value, {
        let edit = edit.dispatcher();
        move |value| {
            if let Some(value) = value {
                edit.dispatch(CockpitEditAction::ServerValue(*value));
            }
        }
    });
    let load_error = match &*load.state {
        LoadState::Failed(error) => Some(error.clone()),
        _ => None,
    };
    use_effect_with(load_error, {
        let on_failed = props.on_failed.clone();
        move |error| {
            if let Some(error) = error {
                on_failed.emit(error.clone());
            }
        }
    });
    let base_url = props.widget.base_url.clone();
    use_effect_with((props.refresh_seconds, client.clone(), id), {
        let (load, base_url) = (load.clone(), base_url.clone());
        move |(seconds, _, _)| {
            let reload = load.reload.clone();
            let interval = seconds.filter(|seconds| *seconds > 0).map(|seconds| {
                Interval::new(seconds.saturating_mul(1000), move || reload.emit(()))
            });
            // A value set by any widget of the page (this one included) is shown at once,
            // without asking jtel again: its answer said the variable has that value now.
            let listening = listen(
                base_url,
                Callback::from(move |news: Rc<News>| {
                    if let News::ValueSet { variable_id, value } = *news {
                        if variable_id == id {
                            load.amend(move |variable: &mut CockpitVariable| {
                                variable.value = Some(value)
                            });
                        }
                    }
                }),
            );
            move || {
                drop(interval);
                drop(listening);
            }
        }
    });

    let tasks = use_tasks();
    let send = {
        // A retry after a dropped connection or a timeout may find the value set already.
        let retry_after_ambiguous =
            matches!(&edit.step, SetValueStep::Failed { error, .. } if error.is_ambiguous());
        let (edit, reload) = (edit.dispatcher(), load.reload.clone());
        let (on_value_set, on_failed) = (props.on_value_set.clone(), props.on_failed.clone());
        Callback::from(move |value: i64| {
            edit.dispatch(CockpitEditAction::Send(value));
            let (edit, reload, client) = (edit.clone(), reload.clone(), client.clone());
            let (on_value_set, on_failed) = (on_value_set.clone(), on_failed.clone());
            let base_url = base_url.clone();
            tasks.spawn(async move {
                match client.set_cockpit_value(id, value).await {
                    Ok(outcome) => {
                        let outcome = outcome.after_retry(retry_after_ambiguous);
                        let result = outcome.result;
                        edit.dispatch(CockpitEditAction::Answered(outcome));
                        on_value_set.emit(SetValueEvent {
                            variable_id: id,
                            value,
                            result,
                        });
                        if result.is_fulfilled() {
                            // The variable has this value now: every widget shows it.
                            tell(
                                &base_url,
                                News::ValueSet {
                                    variable_id: id,
                                    value,
                                },
                            );
                        } else {
                            // Not set: show the variable as the server has it now (made
                            // read-only, other bounds).
                            reload.emit(());
                        }
                    }
                    Err(error) => {
                        edit.dispatch(CockpitEditAction::Failed(error.clone()));
                        on_failed.emit(error);
                    }
                }
            });
        })
    };

    let body = match &*load.state {
        LoadState::Loading => html! {
            <p class="jtel-hint" role="status">{ texts.ui(&UiText::CockpitVariableLoading) }</p>
        },
        LoadState::Failed(error) => {
            let retry = load.reload.reform(|_: MouseEvent| ());
            html! {
                <div class="jtel-alert" role="alert">
                    <p class="jtel-alert-text">{ texts.failure(error) }</p>
                    <button type="button" class="jtel-button" onclick={retry}>
                        { texts.ui(&UiText::TryAgain) }
                    </button>
                </div>
            }
        }
        LoadState::Loaded(variable) => html! {
            <CockpitVariableEditor variable={variable.clone()} texts={texts.clone()} edit={edit.clone()} {send}
                heading={props.widget.heading_tag()} />
        },
    };
    html! {
        <section class="jtel-widget jtel-cockpit-form" lang={texts.language().tag()}
            aria-busy={matches!(*load.state, LoadState::Loading).then_some("true")}>
            { body }
        </section>
    }
}

/// The variable's edit control: its value input or its switch.
const VALUE_CONTROL: &str = "[name=value], [role=switch]";

/// Properties of [`CockpitVariableEditor`].
#[derive(Properties, PartialEq, Clone)]
struct CockpitVariableEditorProps {
    variable: CockpitVariable,
    texts: Texts,
    edit: UseReducerHandle<CockpitEdit>,
    /// Sends a confirmed value.
    send: Callback<i64>,
    /// The tag of the variable's name, `h1` … `h6`.
    heading: AttrValue,
}

/// A loaded variable: its facts, the edit control, the confirmation and the answer.
#[component]
fn CockpitVariableEditor(props: &CockpitVariableEditorProps) -> Html {
    let CockpitVariableEditorProps {
        variable,
        texts,
        edit,
        send,
        heading,
    } = props;
    let id_prefix = use_memo((), |()| next_instance_prefix());
    let title_id = format!("{id_prefix}-title");
    let root = use_node_ref();
    // The variable has loaded and its edit control is in the DOM: the form is interactive.
    use_interactive_mark();
    // The focus follows the request: to "Confirm" when asked, back to the value while it is
    // sent and once it is set (the live region says so), to the alert when it was not.
    use_effect_with(std::mem::discriminant(&edit.step), {
        let (root, step) = (root.clone(), edit.step.clone());
        move |_| match step {
            SetValueStep::Confirming(_) => move_focus(&root, ".jtel-confirm .jtel-button--primary"),
            SetValueStep::Sending(_) => move_focus(&root, VALUE_CONTROL),
            SetValueStep::Answered { outcome, .. } if outcome.result.is_fulfilled() => {
                move_focus(&root, VALUE_CONTROL)
            }
            SetValueStep::Answered { .. } | SetValueStep::Failed { .. } => {
                move_focus(&root, "[role=alert]")
            }
            SetValueStep::Editing => {}
        }
    });
    // An answer jtel refused is said once, by its alert: not again by the note of a variable
    // it made read-only, nor by the field's own error.
    let refused = matches!(&edit.step, SetValueStep::Answered { outcome, .. } if !outcome.result.is_fulfilled());

    let kind = variable.kind();
    let name = variable.name.clone().unwrap_or_default();
    let parsed = parse_cockpit_value(variable, &edit.typed);
    let propose = {
        let (edit, parsed, root) = (edit.clone(), parsed, root.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if edit.is_busy() {
                return;
            }
            match parsed {
                Ok(value) => edit.dispatch(CockpitEditAction::Propose(value)),
                Err(_) => {
                    edit.dispatch(CockpitEditAction::Refuse);
                    move_focus(&root, VALUE_CONTROL);
                }
            }
        })
    };
    let cancel = {
        let (edit, root) = (edit.clone(), root.clone());
        Callback::from(move |_: MouseEvent| {
            edit.dispatch(CockpitEditAction::Cancel);
            move_focus(&root, VALUE_CONTROL);
        })
    };

    let control = if variable.writable == Some(false) {
        if refused {
            Html::default()
        } else {
            html! { <p class="jtel-note">{ texts.ui(&UiText::ReadOnly) }</p> }
        }
    } else if kind == CockpitVariableKind::OnOff {
        let on = variable.value == Some(1);
        let toggle = {
            let edit = edit.clone();
            Callback::from(move |_: MouseEvent| {
                if !edit.is_busy() {
                    edit.dispatch(CockpitEditAction::Propose(if on { 0 } else { 1 }));
                }
            })
        };
        html! {
            <div class="jtel-field">
                <button type="button" role="switch" class="jtel-switch"
                    aria-checked={if on { "true" } else { "false" }} aria-labelledby={title_id.clone()}
                    onclick={toggle}>
                    <span class="jtel-switch-track" aria-hidden="true"><span class="jtel-switch-thumb" /></span>
                    <span class="jtel-switch-text">
                        { texts.ui(&UiText::CockpitValue { kind, value: i64::from(on) }) }
                    </span>
                </button>
            </div>
        }
    } else {
        let error = parsed
            .as_ref()
            .err()
            .filter(|_| edit.touched && !refused)
            .map(|problem| AttrValue::from(texts.error(problem.code)));
        let (min, max) = variable.bounds();
        let on_input = {
            let edit = edit.clone();
            Callback::from(move |(_, text)| edit.dispatch(CockpitEditAction::Edit(text)))
        };
        let on_blur = {
            let edit = edit.clone();
            Callback::from(move |_| edit.dispatch(CockpitEditAction::Touch))
        };
        html! {
            <form class="jtel-form jtel-cockpit-edit" novalidate=true onsubmit={propose}>
                <FormField id_prefix={(*id_prefix).clone()} field={Field::Value}
                    label={texts.ui(&UiText::NewValue)} value={edit.typed.clone()}
                    {error} input_type="number" read_only={edit.is_busy()}
                    min={min.map(|min| AttrValue::from(min.to_string()))}
                    max={max.map(|max| AttrValue::from(max.to_string()))}
                    {on_input} {on_blur} />
                <div class="jtel-actions">
                    <button type="submit" class="jtel-button" disabled={edit.is_busy()}
                        onmousedown={Callback::from(|event: MouseEvent| event.prevent_default())}>
                        { texts.ui(&UiText::SetValue) }
                    </button>
                </div>
            </form>
        }
    };

    let confirmation = match edit.step {
        SetValueStep::Confirming(value) => {
            let question_id = format!("{id_prefix}-question");
            let question = UiText::ConfirmSetValue {
                name: name.clone(),
                value: texts.ui(&UiText::CockpitValue { kind, value }),
            };
            html! {
                <div class="jtel-confirm" role="group" aria-labelledby={question_id.clone()}>
                    <p id={question_id} class="jtel-confirm-text">{ texts.ui(&question) }</p>
                    <div class="jtel-actions">
                        <button type="button" class="jtel-button jtel-button--primary"
                            onclick={send.reform(move |_: MouseEvent| value)}>
                            { texts.ui(&UiText::Confirm) }
                        </button>
                        <button type="button" class="jtel-button" onclick={cancel}>
                            { texts.ui(&UiText::Cancel) }
                        </button>
                    </div>
                </div>
            }
        }
        _ => Html::default(),
    };

    html! {
        <div ref={root} class="jtel-cockpit-editor">
            <@{heading.to_string()} id={title_id} class="jtel-title">{ name }</@>
            if let Some(description) = variable.description.as_deref().filter(|text| !text.is_empty()) {
                <p class="jtel-hint jtel-cockpit-description">{ description }</p>
            }
            <CockpitVariableFacts variable={variable.clone()} texts={texts.clone()} />
            { control }
            { confirmation }
            <SetValueAnswer step={edit.step.clone()} texts={texts.clone()} on_retry={send.clone()} />
        </div>
    }
}
