//! The imperative API of a mounted form, the same on the custom element and on the handle
//! `mount()` returns: `ready` (a promise resolved once the form accepts input), `reset()`,
//! `setValues({ Sender, Subject, … })` and `submit()`, a promise of the outcome:
//!
//! | `status` | when | more |
//! |---|---|---|
//! | `created` | jtel created the event | `event`: the event as jtel returned it |
//! | `invalid` | the form refused to send | `fields`: `[{ field, code, message }]` |
//! | `failed` | the request failed (the input is kept) | `code`, `message` |
//! | `busy` | a request was on its way already | |

use crate::embed::config::text_of;
use crate::embed::host_events::{invalid_fields, write_failure};
use crate::embed::widget::MountedWidget;
use crate::form_control::{FormCommand, SubmitOutcome};
use js_sys::{Object, Promise, Reflect};
use jtel_core::json::ObjectWriter;
use jtel_core::messages::Texts;
use jtel_core::Field;
use wasm_bindgen::prelude::*;
use yew::Callback;

/// A promise resolved once `widget` accepts input.
pub fn ready(widget: &MountedWidget) -> Promise {
    let control = widget.control().clone();
    Promise::new(&mut |resolve, _| {
        control.when_ready(move || {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        })
    })
}

/// Runs the command `name` (`reset`, `setValues`, `submit`) with `argument` on `widget`;
/// `submit` answers with a promise of the outcome, the others with `undefined`.
pub fn run(widget: &MountedWidget, name: &str, argument: JsValue) -> Result<JsValue, JsError> {
    if !widget.takes_commands() {
        return Err(JsError::new(&format!(
            "{name}() belongs to <jtel-acd-event-form>; this widget has no form to {name}"
        )));
    }
    let control = widget.control().clone();
    match name {
        "reset" => control.send(FormCommand::Reset),
        "setValues" => control.send(FormCommand::SetValues(values(&argument)?)),
        "submit" => {
            let texts = widget.texts().clone();
            let outcome = Promise::new(&mut |resolve, _| {
                let texts = texts.clone();
                control.send(FormCommand::Submit(Callback::from(
                    move |outcome: SubmitOutcome| {
                        let _ =
                            resolve.call1(&JsValue::UNDEFINED, &outcome_value(&outcome, &texts));
                    },
                )))
            });
            return Ok(outcome.into());
        }
        _ => return Err(JsError::new(&format!("unknown command {name}"))),
    }
    Ok(JsValue::UNDEFINED)
}

/// The field texts of `setValues({ Sender: "…", Subject: "…" })`, keyed by jtel field names.
fn values(argument: &JsValue) -> Result<Vec<(Field, String)>, JsError> {
    let Some(object) = argument.dyn_ref::<Object>() else {
        return Err(JsError::new(
            "setValues() takes an object such as { Sender: \"…\", Subject: \"…\" }",
        ));
    };
    Object::keys(object)
        .iter()
        .map(|key| {
            let name = key.as_string().unwrap_or_default();
            let field = Field::from_json_name(&name)
                .filter(|field| jtel_core::event_form::row_of(*field).is_some())
                .ok_or_else(|| {
                    JsError::new(&format!(
                        "setValues(): unknown field \"{name}\"; fields: {}",
                        jtel_core::event_form::FIELDS
                            .iter()
                            .map(|row| row.field.json_name())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ))
                })?;
            let value = Reflect::get(object, &key).unwrap_or_default();
            let text = text_of(&value)
                .ok_or_else(|| JsError::new(&format!("setValues(): {name} must be text")))?;
            Ok((field, text))
        })
        .collect()
}

/// The outcome as the promise of `submit()` hands it to the host page.
fn outcome_value(outcome: &SubmitOutcome, texts: &Texts) -> JsValue {
    let mut detail = ObjectWriter::new();
    match outcome {
        SubmitOutcome::Created(event) => {
            detail
                .text("status", "created")
                .raw("event", &event.to_json());
        }
        SubmitOutcome::Invalid(errors) => {
            detail
                .text("status", "invalid")
                .raw("fields", &invalid_fields(errors, texts));
        }
        SubmitOutcome::Failed(error) => {
            write_failure(detail.text("status", "failed"), error, texts);
        }
        SubmitOutcome::Busy => {
            detail.text("status", "busy");
        }
    }
    js_sys::JSON::parse(&detail.finish()).unwrap_or_default()
}
