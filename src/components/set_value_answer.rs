//! The words for where a setValue request stands, in live regions that screen readers announce.

use super::class_names;
use crate::cockpit_state::SetValueStep;
use jtel_core::messages::{api_error_message, set_value_message, ui_text, UiText};
use jtel_core::Language;
use yew::prelude::*;

/// Properties of [`SetValueAnswer`].
#[derive(Properties, PartialEq, Clone)]
pub struct SetValueAnswerProps {
    /// Where the request stands.
    pub step: SetValueStep,
    /// Language of the texts.
    pub language: Language,
    /// Sends this value again (offered after a failed request).
    pub on_retry: Callback<i64>,
}

/// A polite `role="status"` region for "sending", "set" and "unchanged", and a
/// `role="alert"` for every problem: the other setValue results, and failed requests with a
/// retry button.
#[component]
pub fn SetValueAnswer(props: &SetValueAnswerProps) -> Html {
    let language = props.language;
    let (status, status_class) = match &props.step {
        SetValueStep::Sending(_) => (Some(ui_text(&UiText::Sending, language)), "jtel-hint"),
        SetValueStep::Answered { outcome, .. } if outcome.result.is_fulfilled() => (
            Some(set_value_message(outcome.result, language)),
            "jtel-success",
        ),
        _ => (None, ""),
    };
    let alert = match &props.step {
        SetValueStep::Answered { outcome, .. } if !outcome.result.is_fulfilled() => {
            Some((set_value_message(outcome.result, language), None))
        }
        SetValueStep::Failed { value, error } => {
            Some((api_error_message(error, language), Some(*value)))
        }
        _ => None,
    };
    html! {
        <>
            <div role="status" aria-live="polite" class={class_names([Some("jtel-status"), status.as_ref().map(|_| status_class)])}>
                { for status }
            </div>
            if let Some((text, retry)) = alert {
                <div role="alert" class="jtel-alert">
                    <p class="jtel-alert-text">{ text }</p>
                    if let Some(value) = retry {
                        <button type="button" class="jtel-button" onclick={props.on_retry.reform(move |_: MouseEvent| value)}>
                            { ui_text(&UiText::TryAgain, language) }
                        </button>
                    }
                </div>
            }
        </>
    }
}
