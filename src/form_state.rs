//! What an ACD event form holds, as a pure reducer: the CRM record it is about, the text typed
//! per field and which fields the user edited, which fields the user has visited, and where
//! the request stands.
//!
//! Neither the host page's settings nor validation are stored: the draft the form shows is
//! composed from the current settings and what was typed on every render
//! ([`jtel_core::event_form::EventFormSettings::compose`]), and validated from it, so neither
//! can be stale. Errors show for a field once the user has left it, and for all fields after a
//! submit attempt.

use jtel_core::model::AcdEvent;
use jtel_core::outcome::{ApiError, FieldMessage};
use jtel_core::validation::EventDraft;
use jtel_core::Field;
use std::rc::Rc;
use yew::Reducible;

/// Where the create request stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Submission {
    /// Nothing sent yet (or the form was reset).
    Idle,
    /// The request is on its way; the submit button is disabled.
    Submitting,
    /// The jtel server created this event.
    Succeeded(Box<AcdEvent>),
    /// The request failed; the input is kept for a retry.
    Failed(ApiError),
}

/// The state of one form.
#[derive(Debug, Clone, PartialEq)]
pub struct FormState {
    /// The CRM record this input belongs to (`None`: no record named).
    pub record: Option<String>,
    /// What the user typed or chose, kept through every failure; only the texts of
    /// [`FormState::edited`] fields count.
    pub typed: EventDraft,
    /// Fields the user edited for this record: their text wins over the host page's prefill.
    pub edited: [bool; Field::ALL.len()],
    /// Fields the user has left at least once.
    pub touched: [bool; Field::ALL.len()],
    /// Whether a submit was attempted (then every field shows its error).
    pub submit_attempted: bool,
    /// The request lifecycle.
    pub submission: Submission,
    /// How many submits were asked for (by the button or the host page); the form carries out
    /// the latest when this changes.
    pub submits_asked: u32,
    /// Whether the success shown was reached by another form sharing this draft (which
    /// announced it and took the focus; this one shows it quietly).
    pub succeeded_elsewhere: bool,
}

/// What can happen to a form.
#[derive(Debug, Clone, PartialEq)]
pub enum FormAction {
    /// The user (or the host page, through `setValues`) changed a field's text.
    Edit(Field, String),
    /// The user left a field.
    Touch(Field),
    /// A submit was asked for; the form checks and sends the draft of that moment.
    AskSubmit,
    /// The user pressed submit but the draft is invalid.
    SubmitRefused,
    /// A valid draft is being sent.
    SubmitStarted,
    /// The server answered with the created event.
    Succeeded(Box<AcdEvent>),
    /// The request failed.
    Failed(ApiError),
    /// Another form sharing this draft sent it and jtel created this event (ignored while this
    /// form sends it too, or shows its own success).
    SucceededElsewhere(Box<AcdEvent>),
    /// Start over for `record` with what was typed for it before (a stored draft, or nothing):
    /// after a success, on `reset()`, and when the host page moves to another record.
    Reset {
        /// The record the form is about from now on.
        record: Option<String>,
        /// Texts typed for it earlier; each counts as edited.
        typed: Box<EventDraft>,
    },
}

impl FormState {
    /// A fresh form about `record` holding what was `typed` for it earlier (non-empty texts
    /// count as edited).
    pub fn new(record: Option<String>, typed: EventDraft) -> Self {
        let mut edited = [false; Field::ALL.len()];
        for (field, text) in typed.texts() {
            edited[field.index()] = !text.is_empty();
        }
        Self {
            record,
            typed,
            edited,
            touched: [false; Field::ALL.len()],
            submit_attempted: false,
            submission: Submission::Idle,
            submits_asked: 0,
            succeeded_elsewhere: false,
        }
    }

    /// Whether `field`'s error should be shown now.
    pub fn shows_error_for(&self, field: Field) -> bool {
        self.submit_attempted || self.touched[field.index()]
    }

    /// The server's texts about `field` from the last failed request (a 400 answer).
    pub fn server_messages_for(&self, field: Field) -> Vec<&str> {
        match &self.submission {
            Submission::Failed(ApiError::Invalid { problems }) => problems
                .iter()
                .filter(|problem: &&FieldMessage| problem.field == Some(field))
                .map(|problem| problem.text.as_str())
                .collect(),
            _ => Vec::new(),
        }
    }
}

impl Reducible for FormState {
    type Action = FormAction;

    fn reduce(self: Rc<Self>, action: FormAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            FormAction::Edit(field, text) => {
                next.typed.set(field, text);
                next.edited[field.index()] = true;
                // An edit answers a server complaint about this field; the rest stays.
                if let Submission::Failed(ApiError::Invalid { problems }) = &mut next.submission {
                    problems.retain(|problem| problem.field != Some(field));
                }
            }
            FormAction::Touch(field) => {
                next.touched[field.index()] = true;
            }
            FormAction::AskSubmit => next.submits_asked = next.submits_asked.wrapping_add(1),
            FormAction::SubmitRefused => next.submit_attempted = true,
            FormAction::SubmitStarted => {
                next.submit_attempted = true;
                next.submission = Submission::Submitting;
            }
            FormAction::Succeeded(event) => next.submission = Submission::Succeeded(event),
            FormAction::Failed(error) => next.submission = Submission::Failed(error),
            FormAction::SucceededElsewhere(event) => {
                if !matches!(
                    next.submission,
                    Submission::Submitting | Submission::Succeeded(_)
                ) {
                    next.submission = Submission::Succeeded(event);
                    next.succeeded_elsewhere = true;
                }
            }
            FormAction::Reset { record, typed } => {
                next = FormState {
                    submits_asked: self.submits_asked,
                    ..FormState::new(record, *typed)
                }
            }
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn after(state: FormState, actions: Vec<FormAction>) -> FormState {
        let mut state = Rc::new(state);
        for action in actions {
            state = state.reduce(action);
        }
        (*state).clone()
    }

    #[test]
    fn typing_marks_a_field_edited_and_a_restored_draft_counts_as_typed() {
        let restored = FormState::new(
            Some("A".into()),
            EventDraft::from_pairs([(Field::Body, "kept")]),
        );
        assert!(restored.edited[Field::Body.index()]);
        assert!(!restored.edited[Field::Sender.index()]);
        let typed = after(
            restored,
            vec![FormAction::Edit(Field::Sender, String::new())],
        );
        assert!(
            typed.edited[Field::Sender.index()],
            "emptied by the user is edited too"
        );
    }

    #[test]
    fn a_success_elsewhere_shows_unless_this_form_sends_or_succeeded_itself() {
        let event = |id| {
            Box::new(AcdEvent {
                id: Some(id),
                ..AcdEvent::default()
            })
        };
        let editing = after(
            FormState::new(Some("A".into()), EventDraft::default()),
            vec![FormAction::SucceededElsewhere(event(7))],
        );
        assert_eq!(editing.submission, Submission::Succeeded(event(7)));
        assert!(editing.succeeded_elsewhere);
        let sending = after(
            FormState::new(Some("A".into()), EventDraft::default()),
            vec![
                FormAction::SubmitStarted,
                FormAction::SucceededElsewhere(event(7)),
            ],
        );
        assert_eq!(sending.submission, Submission::Submitting);
        let own = after(
            sending,
            vec![
                FormAction::Succeeded(event(8)),
                FormAction::SucceededElsewhere(event(7)),
            ],
        );
        assert_eq!(own.submission, Submission::Succeeded(event(8)));
        assert!(!own.succeeded_elsewhere);
    }

    #[test]
    fn another_record_starts_over_but_keeps_counting_submits() {
        let state = after(
            FormState::new(Some("A".into()), EventDraft::default()),
            vec![
                FormAction::Edit(Field::Subject, "for A".into()),
                FormAction::AskSubmit,
                FormAction::SubmitRefused,
                FormAction::Touch(Field::Sender),
                FormAction::Reset {
                    record: Some("B".into()),
                    typed: Box::default(),
                },
            ],
        );
        assert_eq!(state.record.as_deref(), Some("B"));
        assert_eq!(state.typed, EventDraft::default());
        assert_eq!(state.edited, [false; Field::ALL.len()]);
        assert!(!state.submit_attempted && !state.touched[Field::Sender.index()]);
        assert_eq!(state.submission, Submission::Idle);
        assert_eq!(
            state.submits_asked, 1,
            "a submit asked for is never asked again"
        );
    }
}
