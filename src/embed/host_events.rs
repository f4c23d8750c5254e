//! DOM events to the host page. They bubble and are `composed`, so they leave the shadow root
//! and reach listeners on the element, the document or the window:
//!
//! | event | when | `detail` |
//! |---|---|---|
//! | `jtel-created` | an ACD event was created | the created event as jtel returned it |
//! | `jtel-value-set` | setValue answered | `{ variableId, value, result, message }` (`result` 0–4) |
//! | `jtel-failed` | a request failed | `{ code, message }` |
//! | `jtel-invalid` | a submit was refused | `{ fields: [{ field, code, message }] }` (`code` from [`jtel_core::ErrorCode::name`]) |
//! | `jtel-config-error` | an option holds a value the widget does not understand | `{ option, property, value, accepted }` |

use crate::components::cockpit_variable_form::SetValueEvent;
use crate::embed::config::camel_case;
use jtel_core::json::ObjectWriter;
use jtel_core::messages::Texts;
use jtel_core::model::AcdEvent;
use jtel_core::options::ConfigError;
use jtel_core::outcome::ApiError;
use jtel_core::FieldError;
use web_sys::{CustomEvent, CustomEventInit, Element};
use yew::Callback;

/// Dispatches `name` on `target` with `detail`, a JSON object read into a plain JS object.
fn dispatch(target: &Element, name: &str, detail: &str) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    if let Ok(detail) = js_sys::JSON::parse(detail) {
        init.set_detail(&detail);
    }
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = target.dispatch_event(&event);
    }
}

/// Callback that announces a setValue answer on `target` (every result, 0 to 4).
pub fn on_value_set(target: &Element, texts: Texts) -> Callback<SetValueEvent> {
    let target = target.clone();
    Callback::from(move |event: SetValueEvent| {
        let mut detail = ObjectWriter::new();
        detail
            .integer("variableId", Some(event.variable_id))
            .integer("value", Some(event.value))
            .integer("result", Some(event.result.code()))
            .text("message", &texts.set_value(event.result));
        dispatch(&target, "jtel-value-set", &detail.finish())
    })
}

/// Callback that announces a created event on `target`.
pub fn on_created(target: &Element) -> Callback<AcdEvent> {
    let target = target.clone();
    Callback::from(move |event: AcdEvent| dispatch(&target, "jtel-created", &event.to_json()))
}

/// Writes `code` and `message` of a failed request into `detail`.
pub fn write_failure(detail: &mut ObjectWriter, error: &ApiError, texts: &Texts) {
    detail
        .text("code", error.code())
        .text("message", &texts.failure(error));
}

/// Callback that announces a failed request on `target`.
pub fn on_failed(target: &Element, texts: Texts) -> Callback<ApiError> {
    let target = target.clone();
    Callback::from(move |error: ApiError| {
        let mut detail = ObjectWriter::new();
        write_failure(&mut detail, &error, &texts);
        dispatch(&target, "jtel-failed", &detail.finish())
    })
}

/// `[{ field, code, message }, …]` of a refused submit.
pub fn invalid_fields(errors: &[FieldError], texts: &Texts) -> String {
    let fields: Vec<String> = errors
        .iter()
        .map(|error| {
            let mut field = ObjectWriter::new();
            field
                .text("field", error.field.json_name())
                .text("code", error.code.name())
                .text("message", &texts.error(error.code));
            field.finish()
        })
        .collect();
    format!("[{}]", fields.join(","))
}

/// Callback that announces a refused submit on `target`.
pub fn on_invalid(target: &Element, texts: Texts) -> Callback<Vec<FieldError>> {
    let target = target.clone();
    Callback::from(move |errors: Vec<FieldError>| {
        let mut detail = ObjectWriter::new();
        detail.raw("fields", &invalid_fields(&errors, &texts));
        dispatch(&target, "jtel-invalid", &detail.finish())
    })
}

/// Tells the integrator about an option value the widget on `target` does not understand:
/// one console error naming the option and what it accepts, and a `jtel-config-error` event.
pub fn announce_config_error(target: &Element, error: &ConfigError) {
    web_sys::console::error_1(&error.console_text().into());
    let mut detail = ObjectWriter::new();
    detail
        .text("option", &error.option)
        .text("property", &camel_case(&error.option))
        .text("value", &error.value)
        .text("accepted", error.accepted);
    dispatch(target, "jtel-config-error", &detail.finish())
}
