//! What a cockpit variable form holds while the user changes a value, as a pure reducer: the
//! typed text and the setValue lifecycle, from editing through the confirmation to the answer.
//!
//! Validation is not stored: it is derived from the typed text with jtel-core on every render.

use jtel_core::outcome::{ApiError, SetValueOutcome};
use std::rc::Rc;
use yew::Reducible;

/// Where a setValue request stands.
#[derive(Debug, Clone, PartialEq)]
pub enum SetValueStep {
    /// The user edits (nothing asked yet, or the last answer was dismissed by typing).
    Editing,
    /// The user is asked whether to set this value; nothing is sent before they confirm.
    Confirming(i64),
    /// The confirmed value is on its way.
    Sending(i64),
    /// The server answered (HTTP 200) with a setValue result for this value.
    Answered {
        /// The value that was sent.
        value: i64,
        /// What the server did with it.
        outcome: SetValueOutcome,
    },
    /// The request for this value failed; it can be sent again as it is.
    Failed {
        /// The value that was sent.
        value: i64,
        /// Why it failed.
        error: ApiError,
    },
}

/// The state of one cockpit variable form.
#[derive(Debug, Clone, PartialEq)]
pub struct CockpitEdit {
    /// The text in the value input, kept through cancel and every failure.
    pub typed: String,
    /// Whether the user has changed the text since it last showed the server's value.
    pub dirty: bool,
    /// Whether the value input's error should show (the user left it or tried to set it).
    pub touched: bool,
    /// The request lifecycle.
    pub step: SetValueStep,
}

/// What can happen to a cockpit variable form.
#[derive(Debug, Clone, PartialEq)]
pub enum CockpitEditAction {
    /// The server's current value arrived; it fills the input unless the user has typed.
    ServerValue(Option<i64>),
    /// The user changed the typed text.
    Edit(String),
    /// The user left the input.
    Touch,
    /// The user asked to set a valid value: ask for confirmation.
    Propose(i64),
    /// The user asked to set an invalid value: show the error, send nothing.
    Refuse,
    /// The user declined the confirmation: back to editing, the text kept.
    Cancel,
    /// The confirmed (or retried) value is being sent.
    Send(i64),
    /// The server answered.
    Answered(SetValueOutcome),
    /// The request failed.
    Failed(ApiError),
}

impl CockpitEdit {
    /// A fresh form showing `value` (empty when unknown).
    pub fn new(value: Option<i64>) -> Self {
        Self {
            typed: value.map(|value| value.to_string()).unwrap_or_default(),
            dirty: false,
            touched: false,
            step: SetValueStep::Editing,
        }
    }

    /// Whether a request is on its way or awaits confirmation (the input is locked then).
    pub fn is_busy(&self) -> bool {
        matches!(
            self.step,
            SetValueStep::Confirming(_) | SetValueStep::Sending(_)
        )
    }
}

impl Reducible for CockpitEdit {
    type Action = CockpitEditAction;

    fn reduce(self: Rc<Self>, action: CockpitEditAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            CockpitEditAction::ServerValue(value) => {
                if !next.dirty && !next.is_busy() {
                    next.typed = value.map(|value| value.to_string()).unwrap_or_default();
                }
            }
            CockpitEditAction::Edit(text) => {
                next.typed = text;
                next.dirty = true;
                // Typing dismisses the last answer; a retry would send a stale value.
                if !next.is_busy() {
                    next.step = SetValueStep::Editing;
                }
            }
            CockpitEditAction::Touch => next.touched = true,
            CockpitEditAction::Propose(value) => {
                next.touched = true;
                next.step = SetValueStep::Confirming(value);
            }
            CockpitEditAction::Refuse => next.touched = true,
            CockpitEditAction::Cancel => next.step = SetValueStep::Editing,
            CockpitEditAction::Send(value) => next.step = SetValueStep::Sending(value),
            CockpitEditAction::Answered(outcome) => {
                if let SetValueStep::Sending(value) = next.step {
                    // A set value is the server's value now: later refreshes may show theirs.
                    next.dirty &= !outcome.result.is_fulfilled();
                    next.step = SetValueStep::Answered { value, outcome };
                }
            }
            CockpitEditAction::Failed(error) => {
                if let SetValueStep::Sending(value) = next.step {
                    next.step = SetValueStep::Failed { value, error };
                }
            }
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jtel_core::outcome::SetValueResult;

    fn run(actions: Vec<CockpitEditAction>) -> CockpitEdit {
        let mut state = Rc::new(CockpitEdit::new(Some(5)));
        for action in actions {
            state = state.reduce(action);
        }
        (*state).clone()
    }

    fn outcome(result: SetValueResult) -> SetValueOutcome {
        SetValueOutcome {
            result,
            server_text: None,
        }
    }

    #[test]
    fn cancel_returns_to_editing_with_the_text_kept() {
        let state = run(vec![
            CockpitEditAction::Edit("42".into()),
            CockpitEditAction::Propose(42),
            CockpitEditAction::Cancel,
        ]);
        assert_eq!(state.typed, "42");
        assert_eq!(state.step, SetValueStep::Editing);
    }

    #[test]
    fn a_failure_keeps_the_value_for_a_retry_and_typing_dismisses_it() {
        let error = ApiError::Network {
            detail: "offline".into(),
        };
        let failed = run(vec![
            CockpitEditAction::Edit("42".into()),
            CockpitEditAction::Propose(42),
            CockpitEditAction::Send(42),
            CockpitEditAction::Failed(error.clone()),
        ]);
        assert_eq!(failed.step, SetValueStep::Failed { value: 42, error });
        assert_eq!(failed.typed, "42");
        let typing = Rc::new(failed).reduce(CockpitEditAction::Edit("43".into()));
        assert_eq!(typing.step, SetValueStep::Editing);
    }

    #[test]
    fn the_server_value_fills_the_input_until_the_user_types() {
        let refreshed = run(vec![CockpitEditAction::ServerValue(Some(7))]);
        assert_eq!(refreshed.typed, "7");
        let typed = run(vec![
            CockpitEditAction::Edit("9".into()),
            CockpitEditAction::ServerValue(Some(7)),
        ]);
        assert_eq!(typed.typed, "9");
        let set = run(vec![
            CockpitEditAction::Edit("9".into()),
            CockpitEditAction::Propose(9),
            CockpitEditAction::Send(9),
            CockpitEditAction::Answered(outcome(SetValueResult::Set)),
            CockpitEditAction::ServerValue(Some(9)),
        ]);
        assert!(!set.dirty);
        assert_eq!(
            set.step,
            SetValueStep::Answered {
                value: 9,
                outcome: outcome(SetValueResult::Set)
            }
        );
        let refused = run(vec![
            CockpitEditAction::Edit("9".into()),
            CockpitEditAction::Propose(9),
            CockpitEditAction::Send(9),
            CockpitEditAction::Answered(outcome(SetValueResult::NotWritable)),
            CockpitEditAction::ServerValue(Some(5)),
        ]);
        assert_eq!(refused.typed, "9", "a refused value stays for correction");
    }

    #[test]
    fn an_answer_without_a_request_is_ignored() {
        let state = run(vec![CockpitEditAction::Answered(outcome(
            SetValueResult::Set,
        ))]);
        assert_eq!(state.step, SetValueStep::Editing);
    }
}
