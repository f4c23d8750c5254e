//! The ACD event form: one component for every event kind (callback, voice mail, fax, SMS,
//! e-mail, ticket and any other type id). The kind decides which fields are shown, which are
//! required and how they are labelled; routing (group, agent, service number, type) is either
//! fixed by the host page or chosen from pickers loaded from the jtel API.

use crate::components::form_field::{next_instance_prefix, FormField};
use crate::components::picker::Picker;
use crate::components::preferred_time_field::PreferredTimeField;
use crate::draft_store::DraftSlot;
use crate::focus::move_focus;
use crate::form_control::{FormCommand, FormControl, SubmitOutcome};
use crate::form_state::{FormAction, FormState, Submission};
use crate::hooks::{use_options, OptionSource};
use crate::intent::Intent;
use crate::load::LoadState;
use crate::local_time::CallbackClock;
use crate::online::use_online;
use crate::page_news::{listen, tell, News};
use crate::perf_marks::use_interactive_mark;
use crate::settings::WidgetSettings;
use crate::tasks::use_tasks;
use jtel_core::event_form::{
    input_kind, is_required, kind_of, EventFormSettings, InputKind, Setting,
};
use jtel_core::messages::{Texts, UiText};
use jtel_core::model::{AcdEvent, CreateAcdEvent};
use jtel_core::outcome::ApiError;
use jtel_core::validation::EventDraft;
use jtel_core::{EventKind, Field, FieldError};
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`AcdEventForm`]: what the host page fixes, prefills and listens to.
#[derive(Properties, PartialEq, Clone)]
pub struct AcdEventFormProps {
    /// API address, token, timeout and language.
    #[prop_or_default]
    pub widget: WidgetSettings,
    /// Routing, prefill and the rules of the fields.
    #[prop_or_default]
    pub form: EventFormSettings,
    /// Where the drafts survive a page reload (`sessionStorage`, per tab, one per CRM record);
    /// `None` stores nothing.
    #[prop_or_default]
    pub draft_key: Option<AttrValue>,
    /// The host page's handle on the form (`ready`, `reset`, `setValues`, `submit`).
    #[prop_or_default]
    pub control: FormControl,
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
    /// Where the draft of `record` is kept, if anywhere.
    fn draft_slot(&self, record: Option<&str>) -> Option<DraftSlot> {
        DraftSlot::new(self.draft_key.as_deref(), record)
    }

    /// What the user typed for `record` before (a stored draft), else nothing.
    fn typed_for(&self, record: Option<&str>) -> EventDraft {
        let stored = self
            .draft_slot(record)
            .map(|slot| slot.load())
            .unwrap_or_default();
        EventDraft::from_pairs(stored.iter().map(|(field, text)| (*field, text.as_str())))
    }
}

/// What a draft becomes on submit, on the user's (and the centre's) clock now.
fn prepare(
    form: &EventFormSettings,
    draft: &EventDraft,
    clock: &CallbackClock,
) -> Result<CreateAcdEvent, Vec<FieldError>> {
    form.prepare(draft, &clock.clocks())
}

/// An ACD event form that validates with jtel-core while the user types and on submit,
/// creates the event through the jtel API, and shows the created event's id or the error at
/// the field it concerns. Nothing typed is lost on any failure.
#[component]
pub fn AcdEventForm(props: &AcdEventFormProps) -> Html {
    let texts = props.widget.texts();
    let form = &props.form;
    let record = form.record_identity();
    let state = use_reducer({
        let (props, record) = (props.clone(), record.clone());
        move || FormState::new(record.clone(), props.typed_for(record.as_deref()))
    });
    // What the form shows and would send now: the current settings and prefill, with what the
    // user typed for this record laid over them.
    let draft = form.compose(&state.typed, &state.edited);
    let id_prefix = use_memo((), |()| next_instance_prefix());
    let root = use_node_ref();
    let client = props.widget.client();
    let kind = kind_of(&draft);
    let wants = |field| form.routing(field) == Some(&Setting::Choose);
    // One picker per routing field the user chooses (hooks are called in a fixed order).
    let options = [
        (
            Field::AcdEventTypesId,
            use_options(
                client.clone(),
                OptionSource::EventTypes,
                wants(Field::AcdEventTypesId),
                texts.clone(),
            ),
        ),
        (
            Field::AcdGroupsId,
            use_options(
                client.clone(),
                OptionSource::Groups,
                wants(Field::AcdGroupsId),
                texts.clone(),
            ),
        ),
        (
            Field::UsersId,
            use_options(
                client.clone(),
                OptionSource::Users,
                wants(Field::UsersId),
                texts.clone(),
            ),
        ),
        (
            Field::Receiver,
            use_options(
                client.clone(),
                OptionSource::ServiceNumbers,
                wants(Field::Receiver),
                texts.clone(),
            ),
        ),
    ];
    let fields = form.visible_fields(kind);
    let clock = use_memo(
        (form.callback_hours.clone(), form.callback_zone.clone()),
        |(hours, zone)| CallbackClock::configured(hours.as_deref(), zone.as_deref()),
    );
    let slots = use_memo(clock.clone(), |clock| clock.slots());
    // The draft's verdict, once per render: the problems to show, or the request (whose
    // subject the preview shows).
    let prepared = prepare(form, &draft, &clock);
    let problems: Vec<FieldError> = prepared.clone().err().unwrap_or_default();

    // Another form with the same draft (the same draft key and record) is this request shown
    // twice: what the user types in one shows in the other, and the event one creates is the
    // other's success too.
    let slot = props.draft_slot(state.record.as_deref());
    let intent = use_mut_ref(Intent::default);
    let base_url = props.widget.base_url.clone();
    let on_input = {
        let (state, slot, base_url) = (state.clone(), slot.clone(), base_url.clone());
        Callback::from(move |(field, text)| match &slot {
            // This form hears it too, like every form with this draft.
            Some(slot) => tell(
                &base_url,
                News::Typed {
                    slot: slot.clone(),
                    field,
                    text,
                },
            ),
            None => state.dispatch(FormAction::Edit(field, text)),
        })
    };
    let on_blur = {
        let state = state.clone();
        Callback::from(move |field| state.dispatch(FormAction::Touch(field)))
    };
    let tasks = use_tasks();
    let on_submit = {
        let state = state.dispatcher();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            state.dispatch(FormAction::AskSubmit);
        })
    };
    // Who waits for the outcome of the submit asked for (the host page's `submit()`).
    let waiting = use_mut_ref(Vec::<Callback<SubmitOutcome>>::new);
    {
        // A submit is carried out after the render that follows it, so it sends the settings
        // and the text of that moment (also right after `setValues`).
        let (state, root, props, fields, draft, waiting, intent, clock, base_url) = (
            state.clone(),
            root.clone(),
            props.clone(),
            fields.clone(),
            draft.clone(),
            waiting.clone(),
            intent.clone(),
            clock.clone(),
            base_url.clone(),
        );
        use_effect_with(state.submits_asked, move |asked| {
            let waiting = std::mem::take(&mut *waiting.borrow_mut());
            let answer = move |outcome: SubmitOutcome| {
                for responder in &waiting {
                    responder.emit(outcome.clone());
                }
            };
            if *asked == 0 {
                return;
            }
            if state.submission == Submission::Submitting {
                return answer(SubmitOutcome::Busy);
            }
            match prepare(&props.form, &draft, &clock) {
                Err(errors) => {
                    state.dispatch(FormAction::SubmitRefused);
                    if let Some(first) = fields
                        .iter()
                        .find(|field| errors.iter().any(|e| e.field == **field))
                    {
                        move_focus(&root, &format!("[name=\"{}\"]", first.json_name()));
                    }
                    props.on_invalid.emit(errors.clone());
                    answer(SubmitOutcome::Invalid(errors));
                }
                Ok(request) => {
                    // A retry of the same request is the same intent: the same key.
                    let slot = props.draft_slot(state.record.as_deref());
                    let key = intent
                        .borrow_mut()
                        .key_for(&request.to_json(), slot.as_ref());
                    state.dispatch(FormAction::SubmitStarted);
                    let (state, client) = (state.dispatcher(), props.widget.client());
                    tasks.spawn(async move {
                        match client.create_event(&request, &key).await {
                            Ok(created) => {
                                intent.borrow_mut().done();
                                state.dispatch(FormAction::Succeeded(Box::new(created.clone())));
                                if let Some(slot) = slot {
                                    slot.clear();
                                    // After this form's own success, which it ignores.
                                    tell(
                                        &base_url,
                                        News::Created {
                                            slot,
                                            event: Box::new(created.clone()),
                                        },
                                    );
                                }
                                props.on_created.emit(created.clone());
                                answer(SubmitOutcome::Created(Box::new(created)));
                            }
                            Err(error) => {
                                state.dispatch(FormAction::Failed(error.clone()));
                                props.on_failed.emit(error.clone());
                                answer(SubmitOutcome::Failed(error));
                            }
                        }
                    });
                }
            }
        });
    }
    {
        // Another CRM record: its own draft (or nothing typed), never the previous record's.
        let (state, props) = (state.clone(), props.clone());
        use_effect_with(record, move |record| {
            if state.record != *record {
                state.dispatch(FormAction::Reset {
                    record: record.clone(),
                    typed: Box::new(props.typed_for(record.as_deref())),
                });
            }
        });
    }
    // The outcome the focus last followed (see below).
    let focused_after = use_mut_ref(|| None);
    {
        // Keep what the user typed for this record across a page reload.
        use_effect_with(
            (slot.clone(), state.typed.clone(), state.edited),
            |(slot, typed, edited)| {
                if let Some(slot) = slot {
                    slot.save(typed, |field| edited[field.index()]);
                }
            },
        );
    }
    {
        // After every render: the host page's commands, carried out with the state of the
        // latest render, and the news of the page's other widgets (see above), heard with it.
        let (control, state, waiting) = (props.control.clone(), state.clone(), waiting.clone());
        let (base_url, slot, intent) = (base_url.clone(), slot.clone(), intent.clone());
        let root = root.clone();
        use_effect(move || {
            // The focus follows the outcome, once when it changes: to the "New request" button
            // after a success (the live region says what was created), to the alert after a
            // failure, to the first field when the user starts anew. While sending it stays on
            // the submit button. (Here rather than in an effect of its own: about 200 B less.)
            let succeeded = matches!(state.submission, Submission::Succeeded(_));
            let outcome = (std::mem::discriminant(&state.submission), succeeded);
            let before = focused_after.replace(Some(outcome));
            if before.map(|(kind, _)| kind) != Some(outcome.0) {
                let target = match state.submission {
                    Submission::Succeeded(_) if !state.succeeded_elsewhere => {
                        Some(".jtel-success button")
                    }
                    Submission::Failed(_) => Some(".jtel-failure"),
                    // Started over after a success.
                    Submission::Idle if before.is_some_and(|(_, succeeded)| succeeded) => {
                        Some(".jtel-form [name]")
                    }
                    _ => None,
                };
                if let Some(target) = target {
                    move_focus(&root, target);
                }
            }
            let listening = listen(base_url, {
                let state = state.dispatcher();
                Callback::from(move |news: Rc<News>| match &*news {
                    News::Typed {
                        slot: typed_in,
                        field,
                        text,
                    } if Some(typed_in) == slot.as_ref() => {
                        state.dispatch(FormAction::Edit(*field, text.clone()))
                    }
                    News::Created {
                        slot: sent_from,
                        event,
                    } if Some(sent_from) == slot.as_ref() => {
                        intent.borrow_mut().done();
                        state.dispatch(FormAction::SucceededElsewhere(event.clone()));
                    }
                    _ => {}
                })
            });
            let record = state.record.clone();
            let dispatcher = state.dispatcher();
            control.attach(Callback::from(move |command| match command {
                FormCommand::Reset => dispatcher.dispatch(FormAction::Reset {
                    record: record.clone(),
                    typed: Box::default(),
                }),
                FormCommand::SetValues(values) => {
                    for (field, text) in values {
                        dispatcher.dispatch(FormAction::Edit(field, text));
                    }
                }
                FormCommand::Submit(responder) => {
                    waiting.borrow_mut().push(responder);
                    dispatcher.dispatch(FormAction::AskSubmit);
                }
            }));
            move || {
                control.detach();
                drop(listening);
            }
        });
    }
    let online = use_online();
    // The inputs are in the DOM after the first render: the form is interactive.
    use_interactive_mark();
    let on_new_request = {
        let (state, record, intent) = (state.dispatcher(), state.record.clone(), intent.clone());
        Callback::from(move |_: MouseEvent| {
            intent.borrow_mut().done();
            state.dispatch(FormAction::Reset {
                record: record.clone(),
                typed: Box::default(),
            })
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
                    .map(|problem| texts.error(problem.code))
            })
            .map(AttrValue::from)
    };
    let field_view = |field: Field| -> Html {
        let required = is_required(field);
        let label = if required {
            texts.label(field, kind)
        } else {
            format!(
                "{} ({})",
                texts.label(field, kind),
                texts.ui(&UiText::Optional)
            )
        };
        let value = AttrValue::from(draft.text(field).to_owned());
        let error = shown_error(field);
        let input = input_kind(field, kind, form);
        if input == InputKind::DateTime {
            return html! {
                <PreferredTimeField key={field.json_name()} id_prefix={(*id_prefix).clone()} {label} {value} {error}
                    texts={texts.clone()} clock={Rc::clone(&clock)} slots={(*slots).clone()}
                    on_input={on_input.clone()} on_blur={on_blur.clone()} />
            };
        }
        if let (InputKind::Picker, Some((_, options))) =
            (input, options.iter().find(|(picked, _)| *picked == field))
        {
            let (list, hint) = match options {
                Some(LoadState::Loaded(list)) => (
                    list.options.clone(),
                    (list.unreadable > 0).then(|| {
                        texts.ui(&UiText::UnreadableChoices {
                            count: list.unreadable,
                        })
                    }),
                ),
                Some(LoadState::Loading) => {
                    (Default::default(), Some(texts.ui(&UiText::LoadingOptions)))
                }
                Some(LoadState::Failed(error)) => (
                    Default::default(),
                    Some(format!(
                        "{} {}",
                        texts.ui(&UiText::OptionsUnavailable),
                        texts.failure(error)
                    )),
                ),
                None => (Default::default(), None),
            };
            return html! {
                <Picker key={field.json_name()} id_prefix={(*id_prefix).clone()} {field} label={label} texts={texts.clone()}
                    options={list} selected={value} hint={hint.map(AttrValue::from)} {error} {required}
                    on_select={on_input.clone()} on_blur={on_blur.clone()} />
            };
        }
        let hint = match input {
            InputKind::Tel => Some(form.phone_hint(draft.text(field), &texts)),
            _ => None,
        };
        html! {
            <FormField key={field.json_name()} id_prefix={(*id_prefix).clone()} {field} {label} {value}
                hint={hint.map(AttrValue::from)} {error} {required} read_only={form.read_only.contains(&field)}
                multiline={input == InputKind::Multiline} input_type={input.html_type()}
                autocomplete={input.autocomplete().map(AttrValue::from)}
                on_input={on_input.clone()} on_blur={on_blur.clone()} />
        }
    };

    let configuration_problems: Vec<String> = problems
        .iter()
        // Problems of fields the user cannot see are the configuration's (a hidden field
        // without the prefill it needs); a subject the template composes is not one of them.
        .filter(|problem| {
            !fields.contains(&problem.field)
                && (problem.field != Field::Subject || form.subject_template.is_none())
        })
        .map(|problem| {
            format!(
                "{}: {}",
                texts.label(problem.field, kind),
                texts.error(problem.code)
            )
        })
        .collect();
    let subject_preview = form.subject_template.as_ref().and_then(|_| {
        prepared.ok().map(|request| {
            texts.ui(&UiText::SubjectPreview {
                subject: request.subject,
            })
        })
    });
    let submitting = state.submission == Submission::Submitting;
    let succeeded = matches!(state.submission, Submission::Succeeded(_));
    // One live region says "sending" and then what was created, once; it is the visible
    // confirmation too (the same element throughout: a region added with its text is not
    // reliably announced). A failure is said by its alert.
    let live_text = match &state.submission {
        Submission::Submitting => texts.ui(&UiText::Sending),
        Submission::Succeeded(created) => texts.ui(&UiText::Created {
            kind,
            event_id: created.id,
        }),
        _ => String::new(),
    };
    // A success reached by another form sharing this draft is shown quietly (that form said it).
    let live = !state.succeeded_elsewhere;

    html! {
        <section ref={root} class="jtel-widget jtel-acd-event-form" lang={texts.language().tag()} part="form">
            <@{props.widget.heading_tag()} class="jtel-title" part="title">{ texts.ui(&UiText::FormTitle(kind)) }</@>
            // Literal classes in two branches (Yew keeps the elements, so the region stays the
            // same one).
            if succeeded {
                <div class="jtel-success" part="success">
                    <p class="jtel-success-text" role={live.then_some("status")} aria-live={live.then_some("polite")}>{ live_text }</p>
                    <button type="button" class="jtel-button" part="button" onclick={on_new_request}>
                        { texts.ui(&UiText::NewRequest) }
                    </button>
                </div>
            } else {
                <div>
                    <p class="jtel-visually-hidden" role="status" aria-live="polite">{ live_text }</p>
                </div>
            }
            if !succeeded {
                <form class="jtel-form" novalidate=true onsubmit={on_submit} aria-busy={submitting.then_some("true")}>
                    if !configuration_problems.is_empty() && state.submit_attempted {
                        <div class="jtel-alert" role="alert" part="alert">
                            <p>{ texts.ui(&UiText::ConfigurationProblem) }</p>
                            <ul>{ for configuration_problems.iter().map(|text| html! { <li>{ text }</li> }) }</ul>
                        </div>
                    }
                    { for fields.iter().copied().map(field_view) }
                    if let Some(preview) = subject_preview {
                        <p class="jtel-hint jtel-subject-preview">{ preview }</p>
                    }
                    if let Submission::Failed(error) = &state.submission {
                        <div class="jtel-alert jtel-failure" role="alert" part="alert" tabindex="-1">{ failure_text(error, online, &texts) }</div>
                    }
                    <div class="jtel-actions">
                        // Keeping the focus where it is on mousedown stops the field's blur
                        // from showing its error first and moving the button away from under
                        // the pointer, which would swallow the click. While sending, the
                        // button says so and keeps the focus (`aria-disabled`, not `disabled`,
                        // which would drop it to `<body>`); a submit then does nothing.
                        <button type="submit" class="jtel-button jtel-button--primary" part="button submit" aria-disabled={submitting.then_some("true")}
                            onmousedown={Callback::from(|event: MouseEvent| event.prevent_default())}>
                            { texts.ui(&submit_label(&state.submission, kind, online)) }
                        </button>
                    </div>
                </form>
            }
        </section>
    }
}

/// What the user reads about a failed request; an offline failure says when the connection is
/// back.
fn failure_text(error: &ApiError, online: bool, texts: &Texts) -> String {
    match error {
        ApiError::Offline if online => texts.ui(&UiText::BackOnline),
        error => texts.failure(error),
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
