//! The callback-request form: a customer or agent leaves a number, jtel queues a callback.

use crate::api::JtelClient;
use crate::components::form_field::{next_instance_prefix, FormField};
use crate::focus::focus_within;
use crate::form_state::{FormAction, FormState, Submission};
use jtel_core::messages::{api_error_message, error_message, field_label, ui_text, UiText};
use jtel_core::phone::normalize_phone;
use jtel_core::validation::EventDraft;
use jtel_core::{EventKind, Field, FieldError, Language};
use yew::prelude::*;

/// Fields the user fills in, in order.
const VISIBLE_FIELDS: [Field; 5] = [
    Field::Sender,
    Field::Subject,
    Field::Body,
    Field::CrmUrl,
    Field::UserData,
];

/// Properties of [`CallbackForm`]: what the host page fixes and prefills.
#[derive(Properties, PartialEq, Clone)]
pub struct CallbackFormProps {
    /// Base URL of the jtel API: a same-origin gateway path such as `/jtel` (the default,
    /// safe choice) or, in direct mode, `https://host:port/rest/v1.0/{ClientsID}`.
    pub base_url: AttrValue,
    /// Direct mode only: the jtel token, sent from the browser. Leave unset with a gateway.
    #[prop_or_default]
    pub token: Option<AttrValue>,
    /// `AcdGroupsID` of the group that receives the callback.
    pub group: AttrValue,
    /// `UsersID` of one agent; unset sends the callback to the group queue.
    #[prop_or_default]
    pub user: Option<AttrValue>,
    /// `Receiver`: the service number the callback belongs to.
    #[prop_or_default]
    pub receiver: Option<AttrValue>,
    /// Language of every text in the form.
    #[prop_or_default]
    pub language: Language,
    /// Country code for numbers typed in national format (`0199 …`).
    #[prop_or(49)]
    pub default_country_code: u16,
    /// Prefilled values of visible fields (from the CRM record).
    #[prop_or_default]
    pub prefill: Vec<(Field, AttrValue)>,
}

impl CallbackFormProps {
    /// The draft a fresh form starts with: fixed fields and prefilled values.
    fn initial_draft(&self) -> EventDraft {
        let fixed = [
            (
                Field::AcdEventTypesId,
                Some(EventKind::Callback.type_id().to_string()),
            ),
            (Field::AcdGroupsId, Some(self.group.to_string())),
            (Field::UsersId, self.user.as_ref().map(AttrValue::to_string)),
            (
                Field::Receiver,
                self.receiver.as_ref().map(AttrValue::to_string),
            ),
        ];
        let mut draft = EventDraft::default();
        for (field, text) in fixed {
            draft.set(field, text.unwrap_or_default());
        }
        for (field, text) in &self.prefill {
            draft.set(*field, text.to_string());
        }
        draft
    }

    fn client(&self) -> JtelClient {
        JtelClient::new(&self.base_url).with_optional_token(self.token.as_deref())
    }
}

/// A callback-request form that validates with jtel-core while the user types and on submit,
/// creates the ACD event through the jtel API, and shows the created event's id or the error
/// at the field it concerns. Nothing typed is lost on any failure.
#[component]
pub fn CallbackForm(props: &CallbackFormProps) -> Html {
    let language = props.language;
    let country_code = props.default_country_code;
    let state = use_reducer({
        let props = props.clone();
        move || FormState::new(props.initial_draft())
    });
    let id_prefix = use_memo((), |()| next_instance_prefix());
    let form_ref = use_node_ref();
    let problems: Vec<FieldError> = state
        .draft
        .to_request(country_code)
        .err()
        .unwrap_or_default();

    let on_input = {
        let state = state.clone();
        Callback::from(move |(field, text)| state.dispatch(FormAction::Edit(field, text)))
    };
    let on_blur = {
        let state = state.clone();
        Callback::from(move |field| state.dispatch(FormAction::Touch(field)))
    };
    let on_submit = {
        let state = state.clone();
        let form_ref = form_ref.clone();
        let client = props.client();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if state.submission == Submission::Submitting {
                return;
            }
            match state.draft.to_request(country_code) {
                Err(errors) => {
                    state.dispatch(FormAction::SubmitRefused);
                    if let Some(first) = errors
                        .iter()
                        .find(|error| VISIBLE_FIELDS.contains(&error.field))
                    {
                        focus_within(
                            &form_ref,
                            &format!("[name=\"{}\"]", first.field.json_name()),
                        );
                    }
                }
                Ok(request) => {
                    state.dispatch(FormAction::SubmitStarted);
                    let (state, client) = (state.clone(), client.clone());
                    wasm_bindgen_futures::spawn_local(async move {
                        state.dispatch(match client.create_event(&request).await {
                            Ok(created) => FormAction::Succeeded(created),
                            Err(error) => FormAction::Failed(error),
                        });
                    });
                }
            }
        })
    };
    let on_new_request = {
        let state = state.clone();
        let props = props.clone();
        Callback::from(move |_: MouseEvent| {
            state.dispatch(FormAction::Reset(props.initial_draft()))
        })
    };

    let field_view = |field: Field| {
        let shown_error = state
            .server_messages_for(field)
            .first()
            .map(|text| (*text).to_owned())
            .or_else(|| {
                problems
                    .iter()
                    .find(|problem| problem.field == field && state.shows_error_for(field))
                    .map(|problem| error_message(problem.code, language))
            });
        let required = matches!(field, Field::Sender | Field::Subject);
        let label = if required {
            field_label(field, language).to_owned()
        } else {
            format!(
                "{} ({})",
                field_label(field, language),
                ui_text(&UiText::Optional, language)
            )
        };
        let hint = (field == Field::Sender).then(|| {
            match normalize_phone(state.draft.text(field), country_code) {
                Ok(number) => ui_text(&UiText::SentAs { number }, language),
                Err(_) => ui_text(&UiText::PhoneHint, language),
            }
        });
        let (input_type, autocomplete) = match field {
            Field::Sender => ("tel", Some("tel")),
            Field::CrmUrl => ("url", None),
            _ => ("text", None),
        };
        html! {
            <FormField key={field.json_name()} id_prefix={(*id_prefix).clone()} {field} label={label}
                value={AttrValue::from(state.draft.text(field).to_owned())}
                hint={hint.map(AttrValue::from)} error={shown_error.map(AttrValue::from)}
                {required} multiline={field == Field::Body} input_type={input_type}
                autocomplete={autocomplete.map(AttrValue::from)}
                on_input={on_input.clone()} on_blur={on_blur.clone()} />
        }
    };

    let configuration_problems: Vec<String> = problems
        .iter()
        .filter(|problem| !VISIBLE_FIELDS.contains(&problem.field))
        .map(|problem| {
            format!(
                "{}: {}",
                field_label(problem.field, language),
                error_message(problem.code, language)
            )
        })
        .collect();
    let submitting = state.submission == Submission::Submitting;

    html! {
        <section class="jtel-widget jtel-callback-form" lang={language.tag()}>
            <h2 class="jtel-title">{ ui_text(&UiText::CallbackTitle, language) }</h2>
            if let Submission::Succeeded(created) = &state.submission {
                <div class="jtel-success" role="status" aria-live="polite">
                    <p class="jtel-success-text">{ ui_text(&UiText::CallbackCreated { event_id: created.id }, language) }</p>
                    <button type="button" class="jtel-button" onclick={on_new_request}>
                        { ui_text(&UiText::NewRequest, language) }
                    </button>
                </div>
            } else {
                <form ref={form_ref} class="jtel-form" novalidate=true onsubmit={on_submit} aria-busy={submitting.then_some("true")}>
                    if !configuration_problems.is_empty() {
                        <div class="jtel-alert" role="alert">
                            <p>{ ui_text(&UiText::ConfigurationProblem, language) }</p>
                            <ul>{ for configuration_problems.iter().map(|text| html! { <li>{ text }</li> }) }</ul>
                        </div>
                    }
                    { for VISIBLE_FIELDS.into_iter().map(field_view) }
                    if let Submission::Failed(error) = &state.submission {
                        <div class="jtel-alert" role="alert">{ api_error_message(error, language) }</div>
                    }
                    <div class="jtel-actions">
                        // Keeping the focus where it is on mousedown stops the field's blur
                        // from showing its error first and moving the button away from under
                        // the pointer, which would swallow the click.
                        <button type="submit" class="jtel-button jtel-button--primary" disabled={submitting}
                            onmousedown={Callback::from(|event: MouseEvent| event.prevent_default())}>
                            { ui_text(if submitting { &UiText::Sending } else { &UiText::RequestCallback }, language) }
                        </button>
                    </div>
                    <div class="jtel-visually-hidden" role="status" aria-live="polite">
                        if submitting { { ui_text(&UiText::Sending, language) } }
                    </div>
                </form>
            }
        </section>
    }
}
