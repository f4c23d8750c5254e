//! What an ACD event form holds, as a pure reducer: the text typed per field, which fields the
//! user has visited, and where the request stands.
//!
//! Validation is not stored: it is derived from the draft with jtel-core on every render, so it
//! can never be stale. Errors show for a field once the user has left it, and for all fields
//! after a submit attempt.

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
    /// Everything typed so far, kept through every failure.
    pub draft: EventDraft,
    /// Fields the user has left at least once.
    pub touched: [bool; Field::ALL.len()],
    /// Whether a submit was attempted (then every field shows its error).
    pub submit_attempted: bool,
    /// The request lifecycle.
    pub submission: Submission,
}

/// What can happen to a form.
#[derive(Debug, Clone, PartialEq)]
pub enum FormAction {
    /// The user changed a field's text.
    Edit(Field, String),
    /// The user left a field.
    Touch(Field),
    /// The user pressed submit but the draft is invalid.
    SubmitRefused,
    /// A valid draft is being sent.
    SubmitStarted,
    /// The server answered with the created event.
    Succeeded(Box<AcdEvent>),
    /// The request failed.
    Failed(ApiError),
    /// Start over with the given draft (after a success).
    Reset(Box<EventDraft>),
}

impl FormState {
    /// A fresh form holding `draft` (prefilled values, fixed fields).
    pub fn new(draft: EventDraft) -> Self {
        Self {
            draft,
            touched: [false; Field::ALL.len()],
            submit_attempted: false,
            submission: Submission::Idle,
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
                next.draft.set(field, text);
                // An edit answers a server complaint about this field; the rest stays.
                if let Submission::Failed(ApiError::Invalid { problems }) = &mut next.submission {
                    problems.retain(|problem| problem.field != Some(field));
                }
            }
            FormAction::Touch(field) => {
                next.touched[field.index()] = true;
            }
            FormAction::SubmitRefused => next.submit_attempted = true,
            FormAction::SubmitStarted => {
                next.submit_attempted = true;
                next.submission = Submission::Submitting;
            }
            FormAction::Succeeded(event) => next.submission = Submission::Succeeded(event),
            FormAction::Failed(error) => next.submission = Submission::Failed(error),
            FormAction::Reset(draft) => next = FormState::new(*draft),
        }
        Rc::new(next)
    }
}
