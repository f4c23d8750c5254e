//! The words for where a setValue request stands, in live regions that screen readers announce.

use super::class_names;
use crate::cockpit_state::SetValueStep;
use jtel_core::messages::{Texts, UiText};
use yew::prelude::*;

/// Properties of [`SetValueAnswer`].
#[derive(Properties, PartialEq, Clone)]
pub struct SetValueAnswerProps {
    /// Where the request stands.
    pub step: SetValueStep,
    /// The words of the texts.
    pub texts: Texts,
    /// Sends this value again (offered after a failed request).
    pub on_retry: Callback<i64>,
}

/// A polite `role="status"` region for "sending", "set" and "unchanged", and a
/// `role="alert"` for every problem: the other setValue results, and failed requests with a
/// retry button. The alert can take the focus (`tabindex="-1"`), where the form moves it.
#[component]
pub fn SetValueAnswer(props: &SetValueAnswerProps) -> Html {
    let texts = &props.texts;
    let (status, status_class) = match &props.step {
        SetValueStep::Sending(_) => (Some(texts.ui(&UiText::Sending)), "jtel-hint"),
        SetValueStep::Answered { outcome, .. } if outcome.result.is_fulfilled() => {
            (Some(texts.set_value(outcome.result)), "jtel-success")
        }
        _ => (None, ""),
    };
    let alert = match &props.step {
        SetValueStep::Answered { outcome, .. } if !outcome.result.is_fulfilled() => {
            Some((texts.set_value(outcome.result), None))
        }
        SetValueStep::Failed { value, error } => Some((texts.failure(error), Some(*value))),
        _ => None,
    };
    html! {
        <>
            <div role="status" aria-live="polite" ~className={class_names([Some("jtel-status"), status.as_ref().map(|_| status_class)])}>
                { for status }
            </div>
            if let Some((text, retry)) = alert {
                <div role="alert" class="jtel-alert" tabindex="-1">
                    <p class="jtel-alert-text">{ text }</p>
                    if let Some(value) = retry {
                        <button type="button" class="jtel-button" onclick={props.on_retry.reform(move |_: MouseEvent| value)}>
                            { texts.ui(&UiText::TryAgain) }
                        </button>
                    }
                </div>
            }
        </>
    }
}
