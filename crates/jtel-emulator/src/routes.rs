//! The jtel routes under `/rest/v1.0/{ClientsID}` and their handlers.
//!
//! Handlers stay thin: input checks come from `jtel_core::validation`, data and changes from
//! [`Store`](crate::store::Store), error answers from [`Failure`].

use crate::auth;
use crate::control;
use crate::emulator::Emulator;
use crate::failure::Failure;
use crate::faults;
use crate::logging;
use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::middleware::{from_fn, from_fn_with_state};
use axum::routing::{get, patch, post};
use axum::{Json, Router};
use jtel_core::model::{
    AcdEvent, AcdEventType, AcdGroup, CockpitVariable, CreateAcdEvent, ListEnvelope, ServiceNumber,
    SetValueResponse, User,
};
use jtel_core::validation::validate_create_event;
use jtel_core::{ErrorCode, Field, FieldError};
use serde::Deserialize;
use serde_json::Value;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// The path every jtel route starts with.
const BASE: &str = "/rest/v1.0/{clients_id}";

/// The emulator's HTTP interface: the jtel routes behind the armed faults (see `faults`) and
/// the credentials check, the control routes (see `control`) behind the token check, an empty
/// 404 for every other path or method, and one log line per request.
pub fn router(emulator: Emulator) -> Router {
    let routes: [(&str, axum::routing::MethodRouter<Emulator>); 10] = [
        ("acd/events", get(list_events)),
        ("acd/events/event/{id}", get(get_event)),
        ("acd/events/create", post(create_event)),
        ("acd/events/types", get(list_event_types)),
        ("acd/groups", get(list_groups)),
        ("users", get(list_users)),
        ("serviceNumbers", get(list_service_numbers)),
        ("cockpitVariables", get(list_cockpit_variables)),
        (
            "cockpitVariables/cockpitVariable/{id}",
            get(get_cockpit_variable),
        ),
        (
            "cockpitVariables/cockpitVariable/{id}/setValue",
            patch(set_cockpit_value),
        ),
    ];
    let credentials = emulator.credentials();
    let control =
        control::routes().route_layer(from_fn_with_state(credentials.clone(), auth::require_token));
    routes
        .into_iter()
        .fold(Router::new(), |router, (path, handler)| {
            router.route(&format!("{BASE}/{path}"), handler)
        })
        .route_layer(from_fn_with_state(credentials, auth::require_credentials))
        // Outside the credentials check: a fault stands for the network or a proxy before jtel.
        .route_layer(from_fn_with_state(emulator.faults(), faults::inject))
        .route_layer(from_fn_with_state(emulator.received(), count_request))
        .merge(control)
        .method_not_allowed_fallback(no_route)
        .fallback(no_route)
        .layer(from_fn(logging::log_request))
        .with_state(emulator)
}

/// Counts a request to a jtel route (see [`crate::RunningEmulator::jtel_requests`]).
async fn count_request(
    State(received): State<Arc<AtomicU64>>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    received.fetch_add(1, Ordering::Relaxed);
    next.run(request).await
}

/// Unknown paths and methods: 404 with an empty body, as jtel answers for a missing route.
async fn no_route() -> StatusCode {
    StatusCode::NOT_FOUND
}

/// The `{id}` of a get-by-id, setValue or control route.
#[derive(Deserialize)]
pub(crate) struct ObjectPath {
    id: String,
}

/// The query of setValue.
#[derive(Deserialize)]
struct ValueQuery {
    value: Option<String>,
}

/// A list envelope with `rows` sorted by `key`, ascending.
fn sorted_list<T, K: Ord>(
    mut rows: Vec<T>,
    order_by: &str,
    key: impl FnMut(&T) -> K,
) -> Json<ListEnvelope<T>> {
    rows.sort_by_cached_key(key);
    Json(ListEnvelope::all(rows, order_by))
}

/// The `{id}` path segment as a number; `name` is its jtel name for the error text.
pub(crate) fn object_id(
    path: Result<Path<ObjectPath>, PathRejection>,
    name: &str,
) -> Result<i64, Failure> {
    let Path(ObjectPath { id }) =
        path.map_err(|rejection| Failure::bad_request(rejection.body_text()))?;
    id.parse()
        .map_err(|_| Failure::bad_request(format!("{name} must be a whole number, not {id:?}.")))
}

async fn list_events(State(emulator): State<Emulator>) -> Json<ListEnvelope<AcdEvent>> {
    let events = emulator.store().lock().await.events().cloned().collect();
    sorted_list(events, "dtCreated", creation_order)
}

/// `dtCreated` (zones ignored: the emulator writes all in one zone), then `ID`.
fn creation_order(event: &AcdEvent) -> impl Ord {
    let created = event.dt_created.map(|at| {
        let date = (at.year, at.month, at.day);
        (date, at.hour, at.minute, at.second, at.nanosecond)
    });
    (created, event.id)
}

async fn get_event(
    State(emulator): State<Emulator>,
    path: Result<Path<ObjectPath>, PathRejection>,
) -> Result<Json<ListEnvelope<AcdEvent>>, Failure> {
    let id = object_id(path, "AcdEventsID")?;
    let event = emulator.store().lock().await.event(id).cloned();
    let event = event.ok_or_else(|| Failure::not_found(format!("AcdEvent {id} not found.")))?;
    Ok(Json(ListEnvelope::single(event)))
}

async fn create_event(
    State(emulator): State<Emulator>,
    body: Result<Json<Value>, JsonRejection>,
) -> Result<Json<ListEnvelope<AcdEvent>>, Failure> {
    let request = create_request(body)?;
    let errors = validate_create_event(&request);
    if !errors.is_empty() {
        return Err(Failure::invalid(&errors));
    }
    let mut store = emulator.store().lock().await;
    let unknown = store.unknown_references(&request);
    if !unknown.is_empty() {
        return Err(Failure::invalid(&unknown));
    }
    let event = store
        .create_event(request)
        .await
        .map_err(Failure::storage)?;
    Ok(Json(ListEnvelope::single(event)))
}

/// The create body: JSON (with `Content-Type: application/json`), an object, and every known
/// field of the right JSON type; the error text names the first field that is not.
fn create_request(body: Result<Json<Value>, JsonRejection>) -> Result<CreateAcdEvent, Failure> {
    let Json(body) = body.map_err(|rejection| Failure::bad_request(rejection.body_text()))?;
    let Value::Object(fields) = body else {
        return Err(Failure::bad_request(
            "The request body must be a JSON object with the event's fields.",
        ));
    };
    CreateAcdEvent::from_json_object(fields).map_err(Failure::bad_request)
}

async fn list_event_types(State(emulator): State<Emulator>) -> Json<ListEnvelope<AcdEventType>> {
    let types = emulator.fixtures().acd_event_types.clone();
    sorted_list(types, "ID", |kind| kind.id)
}

async fn list_groups(State(emulator): State<Emulator>) -> Json<ListEnvelope<AcdGroup>> {
    let groups = emulator.fixtures().acd_groups.clone();
    sorted_list(groups, "Name", |group| group.name.clone())
}

async fn list_users(State(emulator): State<Emulator>) -> Json<ListEnvelope<User>> {
    let users = emulator.fixtures().users.clone();
    sorted_list(users, "UID", |user| user.uid.clone())
}

async fn list_service_numbers(
    State(emulator): State<Emulator>,
) -> Json<ListEnvelope<ServiceNumber>> {
    let numbers = emulator.fixtures().service_numbers.clone();
    sorted_list(numbers, "Name2", |number| number.name2.clone())
}

async fn list_cockpit_variables(
    State(emulator): State<Emulator>,
) -> Json<ListEnvelope<CockpitVariable>> {
    let variables = emulator.store().lock().await.cockpit_variables();
    sorted_list(variables, "Name", |variable| variable.name.clone())
}

async fn get_cockpit_variable(
    State(emulator): State<Emulator>,
    path: Result<Path<ObjectPath>, PathRejection>,
) -> Result<Json<ListEnvelope<CockpitVariable>>, Failure> {
    let id = object_id(path, "CockpitVariablesID")?;
    let variable = emulator.store().lock().await.cockpit_variable(id);
    let variable =
        variable.ok_or_else(|| Failure::not_found(format!("Cockpit variable {id} not found.")))?;
    Ok(Json(ListEnvelope::single(variable)))
}

/// setValue answers HTTP 200 whenever the request itself is well formed; `result` says what
/// happened. A missing or non-integer `value` is a 400.
async fn set_cockpit_value(
    State(emulator): State<Emulator>,
    path: Result<Path<ObjectPath>, PathRejection>,
    query: Result<Query<ValueQuery>, QueryRejection>,
) -> Result<Json<SetValueResponse>, Failure> {
    let id = object_id(path, "CockpitVariablesID")?;
    let Query(query) = query.map_err(|rejection| Failure::bad_request(rejection.body_text()))?;
    let value = match query.value.as_deref() {
        None | Some("") => Err(ErrorCode::Required),
        Some(text) => text.parse::<i64>().map_err(|_| ErrorCode::NotAnInteger),
    }
    .map_err(|code| Failure::invalid(&[FieldError::new(Field::Value, code)]))?;
    let (result, reason) = emulator
        .store()
        .lock()
        .await
        .set_cockpit_value(id, value)
        .await
        .map_err(Failure::storage)?;
    Ok(Json(SetValueResponse {
        result: Some(result.code()),
        error: Some(reason),
        status: Some(200),
    }))
}
