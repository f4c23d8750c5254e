//! DOM events to the host page. They bubble and are `composed`, so they leave the shadow root
//! and reach listeners on the element, the document or the window:
//!
//! | event | when | `detail` |
//! |---|---|---|
//! | `jtel-created` | an ACD event was created | the created event as jtel returned it |
//! | `jtel-value-set` | setValue answered | `{ variableId, value, result, message }` (`result` 0–4) |
//! | `jtel-failed` | a request failed | `{ code, message }` |
//! | `jtel-invalid` | a submit was refused | `{ fields: [{ field, code, message }] }` |

use crate::components::cockpit_variable_form::SetValueEvent;
use jtel_core::messages::{api_error_message, error_message, set_value_message};
use jtel_core::model::AcdEvent;
use jtel_core::outcome::ApiError;
use jtel_core::{FieldError, Language};
use serde::Serialize;
use web_sys::{CustomEvent, CustomEventInit, Element};
use yew::Callback;

/// Dispatches `name` on `target` with `detail` (serialised to a plain JS object).
pub fn dispatch(target: &Element, name: &str, detail: &impl Serialize) {
    let detail = serde_json::to_string(detail)
        .ok()
        .and_then(|json| js_sys::JSON::parse(&json).ok());
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    if let Some(detail) = detail {
        init.set_detail(&detail);
    }
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = target.dispatch_event(&event);
    }
}

#[derive(Serialize)]
struct Failure {
    code: &'static str,
    message: String,
}

#[derive(Serialize)]
struct Invalid {
    fields: Vec<InvalidField>,
}

#[derive(Serialize)]
struct InvalidField {
    field: &'static str,
    code: String,
    message: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ValueSet {
    variable_id: i64,
    value: i64,
    result: i64,
    message: String,
}

/// Callback that announces a setValue answer on `target` (every result, 0 to 4).
pub fn on_value_set(target: &Element, language: Language) -> Callback<SetValueEvent> {
    let target = target.clone();
    Callback::from(move |event: SetValueEvent| {
        let detail = ValueSet {
            variable_id: event.variable_id,
            value: event.value,
            result: event.result.code(),
            message: set_value_message(event.result, language),
        };
        dispatch(&target, "jtel-value-set", &detail)
    })
}

/// Callback that announces a created event on `target`.
pub fn on_created(target: &Element) -> Callback<AcdEvent> {
    let target = target.clone();
    Callback::from(move |event: AcdEvent| dispatch(&target, "jtel-created", &event))
}

/// Callback that announces a failed request on `target`.
pub fn on_failed(target: &Element, language: Language) -> Callback<ApiError> {
    let target = target.clone();
    Callback::from(move |error: ApiError| {
        dispatch(
            &target,
            "jtel-failed",
            &Failure {
                code: error.code(),
                message: api_error_message(&error, language),
            },
        )
    })
}

/// Callback that announces a refused submit on `target`.
pub fn on_invalid(target: &Element, language: Language) -> Callback<Vec<FieldError>> {
    let target = target.clone();
    Callback::from(move |errors: Vec<FieldError>| {
        let fields = errors
            .iter()
            .map(|error| InvalidField {
                field: error.field.json_name(),
                code: format!("{:?}", error.code),
                message: error_message(error.code, language),
            })
            .collect();
        dispatch(&target, "jtel-invalid", &Invalid { fields })
    })
}
