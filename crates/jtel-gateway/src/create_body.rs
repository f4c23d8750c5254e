//! What a create body must be before it goes upstream: JSON, an object, only the fields jtel
//! knows, each of the right type, and valid by the same `jtel-core` rules the browser uses.
//! What is forwarded is the request re-written from the parsed fields, never the raw bytes.

use crate::answer::Refusal;
use crate::config::FormConfig;
use axum::http::StatusCode;
use jtel_core::model::CreateAcdEvent;
use jtel_core::validation::validate_create_event;
use jtel_core::Field;

/// The request in `body`, or the 400 that says what is wrong with it.
pub fn read(body: &[u8]) -> Result<CreateAcdEvent, Refusal> {
    let bad = |reason: String| Refusal::new(StatusCode::BAD_REQUEST, reason);
    let value: serde_json::Value = serde_json::from_slice(body)
        .map_err(|error| bad(format!("the body is not JSON: {error}")))?;
    let serde_json::Value::Object(fields) = value else {
        return Err(bad(
            "The request body must be a JSON object with the event's fields.".into(),
        ));
    };
    if let Some(unknown) = fields.keys().find(|name| {
        !CreateAcdEvent::FIELDS
            .iter()
            .any(|field| field.json_name() == name.as_str())
    }) {
        return Err(bad(format!("{unknown}: not a field of an ACD event")));
    }
    let request = CreateAcdEvent::from_json_object(fields).map_err(bad)?;
    let errors = validate_create_event(&request);
    if errors.is_empty() {
        Ok(request)
    } else {
        Err(Refusal::invalid(&errors))
    }
}

/// Whether a public form may send `request`: its kind, group, agent and receiver must be
/// exactly the form's. The 403 names the first field that differs.
pub fn check_form(name: &str, form: &FormConfig, request: &CreateAcdEvent) -> Result<(), Refusal> {
    let differs = if request.acd_event_types_id != form.event_type {
        Some(Field::AcdEventTypesId)
    } else if request.acd_groups_id != form.group {
        Some(Field::AcdGroupsId)
    } else if request.users_id != form.agent {
        Some(Field::UsersId)
    } else if request.receiver != form.receiver {
        Some(Field::Receiver)
    } else {
        None
    };
    match differs {
        Some(field) => Err(Refusal::forbidden(format!(
            "{}: the form {name} may not send this value",
            field.json_name()
        ))),
        None => Ok(()),
    }
}
