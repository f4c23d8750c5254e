//! The emulator's control routes, nested under [`CONTROL_BASE`], for tests that need the server
//! to change under a page: `PATCH /_emulator/cockpitVariables/{id}` overwrites fields of a
//! cockpit variable without the setValue rules (e.g. makes it read-only, or narrows its
//! bounds); `/_emulator/faults` arms faults for the next jtel requests (`POST` arms, `GET`
//! lists what is still armed, `DELETE` clears; the fault model is [`faults`](crate::faults)).
//!
//! They live outside `/rest`, so the jtel routes stay exactly as jtel has them; they want the
//! same bearer token (but no ClientsID) and are logged like every request. Cockpit changes are
//! kept in the `--state` file like every other change; armed faults are not.

use crate::emulator::Emulator;
use crate::failure::Failure;
use crate::faults::ArmedFault;
use crate::object_path::{object_id, ObjectPath};
use axum::extract::rejection::{JsonRejection, PathRejection};
use axum::extract::{Path, State};
use axum::routing::{get, patch};
use axum::{Json, Router};
use jtel_core::model::CockpitVariable;
use serde::{Deserialize, Deserializer};

/// The path every control route starts with.
pub const CONTROL_BASE: &str = "/_emulator";

/// The control routes, relative to [`CONTROL_BASE`] (without the token check, which
/// [`router`](crate::router) adds).
pub fn routes() -> Router<Emulator> {
    Router::new()
        .route("/cockpitVariables/{id}", patch(change_cockpit_variable))
        .route(
            "/faults",
            get(list_faults).post(arm_fault).delete(clear_faults),
        )
}

/// The body of the control PATCH: a JSON object with the variable's jtel field names. Each
/// field given replaces the variable's (`null` included: "not sent by jtel"); fields left
/// out stay as they are. Any other field is refused.
#[derive(Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
struct CockpitChange {
    #[serde(rename = "bWritable", default, deserialize_with = "present")]
    writable: Option<Option<bool>>,
    #[serde(rename = "bVisibleInCockpit", default, deserialize_with = "present")]
    visible_in_cockpit: Option<Option<bool>>,
    #[serde(rename = "MinValue", default, deserialize_with = "present")]
    min_value: Option<Option<i64>>,
    #[serde(rename = "MaxValue", default, deserialize_with = "present")]
    max_value: Option<Option<i64>>,
    #[serde(rename = "Value", default, deserialize_with = "present")]
    value: Option<Option<i64>>,
}

impl CockpitChange {
    /// Overwrites the fields this change names.
    fn apply(self, variable: &mut CockpitVariable) {
        let Self {
            writable,
            visible_in_cockpit,
            min_value,
            max_value,
            value,
        } = self;
        overwrite(&mut variable.writable, writable);
        overwrite(&mut variable.visible_in_cockpit, visible_in_cockpit);
        overwrite(&mut variable.min_value, min_value);
        overwrite(&mut variable.max_value, max_value);
        overwrite(&mut variable.value, value);
    }
}

/// Replaces `field` with `given` when the body named it.
fn overwrite<T>(field: &mut Option<T>, given: Option<Option<T>>) {
    if let Some(given) = given {
        *field = given;
    }
}

/// A field that is present in the body, `null` included (serde's `default` covers absence).
fn present<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    T::deserialize(deserializer).map(Some)
}

/// 200 with the changed variable (bare, no jtel envelope); 404 for an unknown id; 400 for a
/// malformed id or body, or a body that names no field.
async fn change_cockpit_variable(
    State(emulator): State<Emulator>,
    path: Result<Path<ObjectPath>, PathRejection>,
    body: Result<Json<CockpitChange>, JsonRejection>,
) -> Result<Json<CockpitVariable>, Failure> {
    let id = object_id(path, "CockpitVariablesID")?;
    let Json(change) = body.map_err(|rejection| Failure::bad_request(rejection.body_text()))?;
    if change == CockpitChange::default() {
        return Err(Failure::bad_request(
            "Name at least one of bWritable, bVisibleInCockpit, MinValue, MaxValue, Value.",
        ));
    }
    let changed = emulator
        .store()
        .lock()
        .await
        .change_cockpit_variable(id, |variable| change.apply(variable))
        .await
        .map_err(Failure::storage)?;
    changed
        .map(Json)
        .ok_or_else(|| Failure::not_found(format!("Cockpit variable {id} not found.")))
}

/// `GET /faults`: 200 with what is still armed, a JSON array of [`ArmedFault`].
async fn list_faults(State(emulator): State<Emulator>) -> Json<Vec<ArmedFault>> {
    Json(emulator.faults().armed())
}

/// `POST /faults`: arms one [`ArmedFault`] behind those already armed; 200 with what is now
/// armed, or 400 for a bad body.
async fn arm_fault(
    State(emulator): State<Emulator>,
    body: Result<Json<ArmedFault>, JsonRejection>,
) -> Result<Json<Vec<ArmedFault>>, Failure> {
    let Json(armed) = body.map_err(|rejection| Failure::bad_request(rejection.body_text()))?;
    armed.check().map_err(Failure::bad_request)?;
    let faults = emulator.faults();
    faults.arm(armed);
    Ok(Json(faults.armed()))
}

/// `DELETE /faults`: disarms everything; 200 with the empty list.
async fn clear_faults(State(emulator): State<Emulator>) -> Json<Vec<ArmedFault>> {
    let faults = emulator.faults();
    faults.clear();
    Json(faults.armed())
}
