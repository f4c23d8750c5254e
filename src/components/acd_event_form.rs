//! The ACD event form: one component for every event kind (callback, voice mail, fax, SMS,
//! e-mail, ticket and any other type id). The kind decides which fields are shown, which are
//! required and how they are labelled; routing (group, agent, service number, type) is either
//! fixed by the host page or chosen from pickers loaded from the jtel API.

use crate::api::JtelClient;
use crate::components::form_field::{next_instance_prefix, FormField};
use crate::components::picker::Picker;
use crate::draft_store;
use crate::focus::focus_within;
use crate::form_state::{FormAction, FormState, Submission};
use crate::hooks::{use_options, OptionSource, Options};
use crate::local_time::{now_local_minute, zone_description};
use crate::online::use_online;
use crate::perf_marks::use_interactive_mark;
use jtel_core::callback_time::parse_preferred_time;
use jtel_core::messages::{api_error_message, error_message, field_label_for, ui_text, UiText};
use jtel_core::model::{AcdEvent, CreateAcdEvent};
use jtel_core::outcome::ApiError;
use jtel_core::phone::normalize_phone;
use jtel_core::retry::find_sent_event;
use jtel_core::subject_template::fill_template;
use jtel_core::validation::EventDraft;
use jtel_core::{ErrorCode, EventKind, Field, FieldError, Language};
use yew::prelude::*;

/// How the host page sets a routing field.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Setting {
    /// Not used: no agent (group queue), no receiver.
    #[default]
    Unset,
    /// Fixed to this value by the host page; not shown.
    Fixed(AttrValue),
    /// The user chooses from a picker loaded from the jtel API.
    Choose,
}

impl Setting {
    /// Reads an attribute: absent or empty is [`Setting::Unset`], `choose` is
    /// [`Setting::Choose`], anything else is fixed to that value.
    pub fn from_attribute(value: Option<&str>) -> Self {
        match value.map(str::trim) {
            None | Some("") => Self::Unset,
            Some(text) if text.eq_ignore_ascii_case("choose") => Self::Choose,
            Some(text) => Self::Fixed(AttrValue::from(text.to_owned())),
        }
    }
}

/// Reads an event kind as the host page writes it: a type id (`3`) or a name (`callback`,
/// `voicemail`, `fax`, `sms`, `email`, `ticket`).
pub fn kind_setting(value: Option<&str>) -> Setting {
    let named = value.map(str::trim).and_then(|name| {
        match name
            .to_ascii_lowercase()
            .replace(['-', '_', ' '], "")
            .as_str()
        {
            "voicemail" => Some(EventKind::VoiceMail),
            "fax" => Some(EventKind::Fax),
            "callback" => Some(EventKind::Callback),
            "sms" => Some(EventKind::Sms),
            "email" => Some(EventKind::Email),
            "ticket" | "workflow" => Some(EventKind::Ticket),
            _ => None,
        }
    });
    match named {
        Some(kind) => Setting::Fixed(AttrValue::from(kind.type_id().to_string())),
        None => Setting::from_attribute(value),
    }
}

/// Properties of [`AcdEventForm`]: what the host page fixes, prefills and listens to.
#[derive(Properties, PartialEq, Clone)]
pub struct AcdEventFormProps {
    /// Base URL of the jtel API: a same-origin gateway path such as `/jtel` (the default,
    /// safe choice) or, in direct mode, `https://host:port/rest/v1.0/{ClientsID}`.
    #[prop_or(AttrValue::Static("/jtel"))]
    pub base_url: AttrValue,
    /// Direct mode only: the jtel token, sent from the browser. Leave unset with a gateway.
    #[prop_or_default]
    pub token: Option<AttrValue>,
    /// `AcdEventTypesID`: fixed (default: callback) or chosen.
    #[prop_or(Setting::Fixed(AttrValue::Static("3")))]
    pub event_type: Setting,
    /// `AcdGroupsID`: fixed or chosen (required either way).
    #[prop_or(Setting::Choose)]
    pub group: Setting,
    /// `UsersID`: unset sends the event to the group queue; fixed or chosen sends it to one agent.
    #[prop_or_default]
    pub agent: Setting,
    /// `Receiver`: for telephone kinds a service number, fixed or chosen; unset sends none.
    #[prop_or_default]
    pub receiver: Setting,
    /// Language of every text in the form.
    #[prop_or_default]
    pub language: Language,
    /// Country code for numbers typed in national format (`0199 …`).
    #[prop_or(49)]
    pub default_country_code: u16,
    /// Composes `Subject` instead of asking for it, e.g. `Callback request from {Sender} on
    /// {date} at {time}`; callbacks then offer a preferred time.
    #[prop_or_default]
    pub subject_template: Option<AttrValue>,
    /// The subject template for callbacks without a preferred time.
    #[prop_or(AttrValue::Static(jtel_core::subject_template::DEFAULT_CALLBACK_TEMPLATE_ASAP))]
    pub subject_template_asap: AttrValue,
    /// The level of the form's title (`<h2>` by default), to fit the host page's outline.
    #[prop_or(2)]
    pub heading_level: u8,
    /// Prefilled values (from the CRM record).
    #[prop_or_default]
    pub prefill: Vec<(Field, AttrValue)>,
    /// Fields shown but not editable (usually prefilled ones).
    #[prop_or_default]
    pub read_only: Vec<Field>,
    /// How long each request waits for an answer, in seconds.
    #[prop_or(crate::api::DEFAULT_TIMEOUT_SECONDS)]
    pub timeout_seconds: u32,
    /// Where the draft survives a page reload (`sessionStorage`, per tab); `None` stores nothing.
    #[prop_or_default]
    pub draft_key: Option<AttrValue>,
    /// Called with the created event.
    #[prop_or_default]
    pub on_created: Callback<AcdEvent>,
    /// Called when a request fails.
    #[prop_or_default]
    pub on_failed: Callback<ApiError>,
    /// Called with the problems of a refused submit.
    #[prop_or_default]
    pub on_invalid: Callback<Vec<FieldError>>,
}

impl AcdEventFormProps {
    /// The draft a fresh form starts with: fixed routing and prefilled values.
    fn initial_draft(&self) -> EventDraft {
        let mut draft = EventDraft::default();
        let routing = [
            (Field::AcdEventTypesId, &self.event_type),
            (Field::AcdGroupsId, &self.group),
            (Field::UsersId, &self.agent),
            (Field::Receiver, &self.receiver),
        ];
        for (field, setting) in routing {
            if let Setting::Fixed(value) = setting {
                draft.set(field, value.to_string());
            }
        }
        for (field, text) in &self.prefill {
            draft.set(*field, text.to_string());
        }
        draft
    }

    /// The initial draft with what the user typed before a reload laid over it (fields the
    /// host page fixes stay fixed).
    fn restored_draft(&self) -> EventDraft {
        let mut draft = self.initial_draft();
        if let Some(key) = &self.draft_key {
            for (field, text) in draft_store::load(key) {
                if !matches!(self.setting_of_routing(field), Some(Setting::Fixed(_))) {
                    draft.set(field, text);
                }
            }
        }
        draft
    }

    fn client(&self) -> JtelClient {
        JtelClient::configured(&self.base_url, self.token.as_deref(), self.timeout_seconds)
    }

    /// The setting of a routing field; `None` for the fields the user types.
    fn setting_of_routing(&self, field: Field) -> Option<&Setting> {
        match field {
            Field::AcdEventTypesId | Field::AcdGroupsId | Field::UsersId | Field::Receiver => {
                Some(self.setting_of(field))
            }
            _ => None,
        }
    }

    fn setting_of(&self, field: Field) -> &Setting {
        match field {
            Field::AcdEventTypesId => &self.event_type,
            Field::AcdGroupsId => &self.group,
            Field::UsersId => &self.agent,
            _ => &self.receiver,
        }
    }
}

/// What a draft becomes on submit: the request, or every problem with it.
fn prepare(
    props: &AcdEventFormProps,
    draft: &EventDraft,
) -> Result<CreateAcdEvent, Vec<FieldError>> {
    let kind = kind_of(draft);
    let mut draft = draft.clone();
    let mut problems = Vec::new();
    if let Some(template) = &props.subject_template {
        let preferred_text = draft.text(Field::PreferredTime).trim().to_owned();
        let preferred = if kind == EventKind::Callback && !preferred_text.is_empty() {
            match parse_preferred_time(&preferred_text, &now_local_minute()) {
                Ok(preferred) => Some(preferred),
                Err(error) => {
                    problems.push(FieldError::new(
                        Field::PreferredTime,
                        ErrorCode::PreferredTime(error),
                    ));
                    None
                }
            }
        } else {
            None
        };
        let sender = normalize_phone(draft.text(Field::Sender), props.default_country_code)
            .unwrap_or_else(|_| draft.text(Field::Sender).trim().to_owned());
        let zone = zone_description();
        let user_data = draft.text(Field::UserData).trim().to_owned();
        let template = if preferred.is_some() || kind != EventKind::Callback {
            template
        } else {
            &props.subject_template_asap
        };
        let subject = fill_template(template, |name| match name {
            "Sender" => Some(sender.as_str()),
            "UserData" => Some(user_data.as_str()),
            "date" => preferred.as_ref().map(|p| p.date.as_str()),
            "time" => preferred.as_ref().map(|p| p.time.as_str()),
            "zone" => Some(zone.as_str()),
            _ => None,
        });
        draft.set(Field::Subject, subject);
        if let Some(preferred) = &preferred {
            let line = format!(
                "Preferred callback time: {} {} {zone}",
                preferred.date, preferred.time
            );
            let body = match draft.text(Field::Body).trim() {
                "" => line,
                body => format!("{body}\n\n{line}"),
            };
            draft.set(Field::Body, body);
        }
    }
    match draft.to_request(props.default_country_code) {
        Ok(request) if problems.is_empty() => Ok(request),
        Ok(_) => Err(problems),
        Err(mut errors) => {
            errors.extend(problems);
            Err(errors)
        }
    }
}

fn kind_of(draft: &EventDraft) -> EventKind {
    EventKind::from_type_id(
        draft
            .text(Field::AcdEventTypesId)
            .trim()
            .parse()
            .unwrap_or(0),
    )
}

/// The fields the user sees for `kind`, in order.
fn visible_fields(props: &AcdEventFormProps, kind: EventKind) -> Vec<Field> {
    let mut fields = Vec::new();
    for field in [Field::AcdEventTypesId, Field::AcdGroupsId, Field::UsersId] {
        if props.setting_of(field) == &Setting::Choose {
            fields.push(field);
        }
    }
    fields.push(Field::Sender);
    if props.receiver == Setting::Choose {
        fields.push(Field::Receiver);
    }
    if props.subject_template.is_none() {
        fields.push(Field::Subject);
    } else if kind == EventKind::Callback {
        fields.push(Field::PreferredTime);
    }
    if kind.sends_body() {
        fields.push(Field::Body);
    }
    fields.extend([Field::CrmUrl, Field::UserData]);
    fields
}

/// An ACD event form that validates with jtel-core while the user types and on submit,
/// creates the event through the jtel API, and shows the created event's id or the error at
/// the field it concerns. Nothing typed is lost on any failure.
#[component]
pub fn AcdEventForm(props: &AcdEventFormProps) -> Html {
    let language = props.language;
    let country_code = props.default_country_code;
    let state = use_reducer({
        let props = props.clone();
        move || FormState::new(props.restored_draft())
    });
    let id_prefix = use_memo((), |()| next_instance_prefix());
    let form_ref = use_node_ref();
    let client = props.client();
    let wants = |field| props.setting_of(field) == &Setting::Choose;
    let receiver_is_number = kind_of(&state.draft).is_telephone();
    let options = [
        (
            Field::AcdEventTypesId,
            use_options(
                client.clone(),
                OptionSource::EventTypes,
                wants(Field::AcdEventTypesId),
                language,
            ),
        ),
        (
            Field::AcdGroupsId,
            use_options(
                client.clone(),
                OptionSource::Groups,
                wants(Field::AcdGroupsId),
                language,
            ),
        ),
        (
            Field::UsersId,
            use_options(
                client.clone(),
                OptionSource::Users,
                wants(Field::UsersId),
                language,
            ),
        ),
        (
            Field::Receiver,
            use_options(
                client.clone(),
                OptionSource::ServiceNumbers,
                props.receiver == Setting::Choose,
                language,
            ),
        ),
    ];
    let kind = kind_of(&state.draft);
    let fields = visible_fields(props, kind);
    // The draft's verdict, once per render: the problems to show, or the request (whose
    // subject the preview shows).
    let prepared = prepare(props, &state.draft);
    let problems: Vec<FieldError> = prepared.clone().err().unwrap_or_default();

    let on_input = {
        let state = state.clone();
        Callback::from(move |(field, text)| state.dispatch(FormAction::Edit(field, text)))
    };
    let on_blur = {
        let state = state.clone();
        Callback::from(move |field| state.dispatch(FormAction::Touch(field)))
    };
    let on_submit = {
        let (state, form_ref, props, fields) = (
            state.clone(),
            form_ref.clone(),
            props.clone(),
            fields.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if state.submission == Submission::Submitting {
                return;
            }
            match prepare(&props, &state.draft) {
                Err(errors) => {
                    state.dispatch(FormAction::SubmitRefused);
                    if let Some(first) = fields
                        .iter()
                        .find(|field| errors.iter().any(|e| e.field == **field))
                    {
                        focus_within(&form_ref, &format!("[name=\"{}\"]", first.json_name()));
                    }
                    props.on_invalid.emit(errors);
                }
                Ok(request) => {
                    // After a dropped connection or a timeout the event may exist already.
                    let look_first = matches!(&state.submission, Submission::Failed(error) if error.is_ambiguous());
                    state.dispatch(FormAction::SubmitStarted);
                    let (state, client, props) = (state.clone(), props.client(), props.clone());
                    wasm_bindgen_futures::spawn_local(async move {
                        match create_once(&client, &request, look_first).await {
                            Ok(created) => {
                                if let Some(key) = &props.draft_key {
                                    draft_store::clear(key);
                                }
                                state.dispatch(FormAction::Succeeded(Box::new(created.clone())));
                                props.on_created.emit(created);
                            }
                            Err(error) => {
                                state.dispatch(FormAction::Failed(error.clone()));
                                props.on_failed.emit(error);
                            }
                        }
                    });
                }
            }
        })
    };
    {
        // Keep what the user types across a page reload (fields the host page fixes excepted).
        let (key, props) = (props.draft_key.clone(), props.clone());
        use_effect_with(state.draft.clone(), move |draft| {
            if let Some(key) = key {
                let typed: Vec<Field> = Field::ALL
                    .into_iter()
                    .filter(|field| {
                        !matches!(props.setting_of_routing(*field), Some(Setting::Fixed(_)))
                    })
                    .collect();
                draft_store::save(&key, draft, &typed);
            }
        });
    }
    let online = use_online();
    // The inputs are in the DOM after the first render: the form is interactive.
    use_interactive_mark();
    let on_new_request = {
        let (state, props) = (state.clone(), props.clone());
        Callback::from(move |_: MouseEvent| {
            state.dispatch(FormAction::Reset(Box::new(props.initial_draft())))
        })
    };

    let shown_error = |field: Field| -> Option<AttrValue> {
        let from_server = state
            .server_messages_for(field)
            .first()
            .map(|text| (*text).to_owned());
        from_server
            .or_else(|| {
                problems
                    .iter()
                    .find(|problem| problem.field == field && state.shows_error_for(field))
                    .map(|problem| error_message(problem.code, language))
            })
            .map(AttrValue::from)
    };
    let field_view = |field: Field| -> Html {
        let required = matches!(
            field,
            Field::AcdEventTypesId | Field::AcdGroupsId | Field::Sender | Field::Subject
        );
        let label = if required {
            field_label_for(field, kind, language).to_owned()
        } else {
            format!(
                "{} ({})",
                field_label_for(field, kind, language),
                ui_text(&UiText::Optional, language)
            )
        };
        let value = AttrValue::from(state.draft.text(field).to_owned());
        let error = shown_error(field);
        if let Some((_, options)) = options.iter().find(|(picked, _)| {
            *picked == field && (field != Field::Receiver || receiver_is_number)
        }) {
            let (list, hint) = match options {
                Options::Ready(list) => (list.clone(), None),
                Options::Loading => (
                    Default::default(),
                    Some(ui_text(&UiText::LoadingOptions, language)),
                ),
                Options::Failed(error) => (
                    Default::default(),
                    Some(format!(
                        "{} {}",
                        ui_text(&UiText::OptionsUnavailable, language),
                        api_error_message(error, language)
                    )),
                ),
                Options::Unused => (Default::default(), None),
            };
            return html! {
                <Picker key={field.json_name()} id_prefix={(*id_prefix).clone()} {field} label={label} {language}
                    options={list} selected={value} hint={hint.map(AttrValue::from)} {error} {required}
                    on_select={on_input.clone()} on_blur={on_blur.clone()} />
            };
        }
        let hint = match field {
            Field::Sender | Field::Receiver if kind.is_telephone() => Some(
                match normalize_phone(state.draft.text(field), country_code) {
                    Ok(number) => ui_text(&UiText::SentAs { number }, language),
                    Err(_) => ui_text(&UiText::PhoneHint, language),
                },
            ),
            Field::PreferredTime => Some(ui_text(
                &UiText::TimeZoneHint {
                    zone: zone_description(),
                },
                language,
            )),
            _ => None,
        };
        let (input_type, autocomplete) = match field {
            Field::Sender | Field::Receiver if kind.is_telephone() => ("tel", Some("tel")),
            Field::Sender | Field::Receiver if kind.is_email() => ("email", Some("email")),
            Field::CrmUrl => ("url", None),
            Field::PreferredTime => ("datetime-local", None),
            _ => ("text", None),
        };
        html! {
            <FormField key={field.json_name()} id_prefix={(*id_prefix).clone()} {field} {label} {value}
                hint={hint.map(AttrValue::from)} {error} {required} read_only={props.read_only.contains(&field)}
                multiline={field == Field::Body} input_type={input_type}
                autocomplete={autocomplete.map(AttrValue::from)}
                on_input={on_input.clone()} on_blur={on_blur.clone()} />
        }
    };

    let configuration_problems: Vec<String> = problems
        .iter()
        .filter(|problem| !fields.contains(&problem.field) && problem.field != Field::Subject)
        .map(|problem| {
            format!(
                "{}: {}",
                field_label_for(problem.field, kind, language),
                error_message(problem.code, language)
            )
        })
        .collect();
    let subject_preview = props.subject_template.as_ref().and_then(|_| {
        prepared.ok().map(|request| {
            ui_text(
                &UiText::SubjectPreview {
                    subject: request.subject,
                },
                language,
            )
        })
    });
    let submitting = state.submission == Submission::Submitting;

    html! {
        <section class="jtel-widget jtel-acd-event-form" lang={language.tag()} part="form">
            <@{heading_tag(props.heading_level)} class="jtel-title" part="title">{ ui_text(&UiText::FormTitle(kind), language) }</@>
            if let Submission::Succeeded(created) = &state.submission {
                <div class="jtel-success" role="status" aria-live="polite" part="success">
                    <p class="jtel-success-text">{ ui_text(&UiText::Created { kind, event_id: created.id }, language) }</p>
                    <button type="button" class="jtel-button" part="button" onclick={on_new_request}>
                        { ui_text(&UiText::NewRequest, language) }
                    </button>
                </div>
            } else {
                <form ref={form_ref} class="jtel-form" novalidate=true onsubmit={on_submit} aria-busy={submitting.then_some("true")}>
                    if !configuration_problems.is_empty() && state.submit_attempted {
                        <div class="jtel-alert" role="alert" part="alert">
                            <p>{ ui_text(&UiText::ConfigurationProblem, language) }</p>
                            <ul>{ for configuration_problems.iter().map(|text| html! { <li>{ text }</li> }) }</ul>
                        </div>
                    }
                    { for fields.iter().copied().map(field_view) }
                    if let Some(preview) = subject_preview {
                        <p class="jtel-hint jtel-subject-preview">{ preview }</p>
                    }
                    if let Submission::Failed(error) = &state.submission {
                        <div class="jtel-alert" role="alert" part="alert">{ failure_text(error, online, language) }</div>
                    }
                    <div class="jtel-actions">
                        // Keeping the focus where it is on mousedown stops the field's blur
                        // from showing its error first and moving the button away from under
                        // the pointer, which would swallow the click.
                        <button type="submit" class="jtel-button jtel-button--primary" part="button submit" disabled={submitting}
                            onmousedown={Callback::from(|event: MouseEvent| event.prevent_default())}>
                            { ui_text(&submit_label(&state.submission, kind, online), language) }
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

/// Creates the event `request` describes, unless `look_first` and it is already among the
/// recent events (then that one is the answer): a retry after an ambiguous failure never
/// creates a second event. When the look-up itself fails, the create goes ahead.
async fn create_once(
    client: &JtelClient,
    request: &CreateAcdEvent,
    look_first: bool,
) -> Result<AcdEvent, ApiError> {
    if look_first {
        if let Ok(events) = client.events().await {
            if let Some(sent) = find_sent_event(&events, request, js_sys::Date::now() as i64) {
                return Ok(sent.clone());
            }
        }
    }
    client.create_event(request).await
}

/// `h1` … `h6` for a heading level (out-of-range levels are clamped).
fn heading_tag(level: u8) -> String {
    format!("h{}", level.clamp(1, 6))
}

/// What the user reads about a failed request; an offline failure says when the connection is
/// back.
fn failure_text(error: &ApiError, online: bool, language: Language) -> String {
    match error {
        ApiError::Offline if online => ui_text(&UiText::BackOnline, language),
        error => api_error_message(error, language),
    }
}

fn submit_label(submission: &Submission, kind: EventKind, online: bool) -> UiText {
    match submission {
        Submission::Submitting => UiText::Sending,
        Submission::Failed(ApiError::Offline) if online => UiText::SendNow,
        Submission::Failed(_) => UiText::TryAgain,
        _ => UiText::Submit(kind),
    }
}
