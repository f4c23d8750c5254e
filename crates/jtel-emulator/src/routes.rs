//! The jtel routes under `/rest/v1.0/{ClientsID}` and their handlers.
//!
//! Handlers stay thin: input checks come from `jtel_core::validation`, data and changes from
//! [`Store`](crate::store::Store), error answers from [`Failure`].

use crate::auth;
use crate::control::{self, CONTROL_BASE};
use crate::emulator::Emulator;
use crate::failure::Failure;
use crate::faults;
use crate::logging;
use crate::object_path::{object_id, ObjectPath};
use crate::served;
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
use jtel_core::outcome::SetValueForm;
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
    let forms = emulator.set_value_forms();
    let set_value_routes = [
        (forms.path(), SetValueForm::Path),
        (forms.query(), SetValueForm::Query),
    ]
    .into_iter()
    .filter(|(known, _)| *known)
    .map(|(_, form)| match form {
        SetValueForm::Path => (
            "cockpitVariables/cockpitVariable/{id}/setValue/{value}",
            patch(set_cockpit_value_in_path),
        ),
        SetValueForm::Query => (
            "cockpitVariables/cockpitVariable/{id}/setValue",
            patch(set_cockpit_value_in_query),
        ),
    });
    let routes: [(&str, axum::routing::MethodRouter<Emulator>); 9] = [
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
    ];
    let credentials = emulator.credentials();
    let control =
        control::routes().route_layer(from_fn_with_state(credentials.clone(), auth::require_token));
    routes
        .into_iter()
        .chain(set_value_routes)
        .fold(Router::new(), |router, (path, handler)| {
            router.route(&format!("{BASE}/{path}"), handler)
        })
        .route_layer(from_fn_with_state(credentials, auth::require_credentials))
        // Outside the credentials check: a fault stands for the network or a proxy before jtel.
        .route_layer(from_fn_with_state(emulator.faults(), faults::inject))
        .route_layer(from_fn_with_state(emulator.received(), count_request))
        .nest(CONTROL_BASE, control)
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

/// The query of setValue's query form.
#[derive(Deserialize)]
struct ValueQuery {
    value: Option<String>,
}

/// The `{id}` and `{value}` of setValue's path form.
#[derive(Deserialize)]
struct ValuePath {
    id: String,
    value: String,
}

async fn list_events(State(emulator): State<Emulator>) -> Json<ListEnvelope<Value>> {
    let rows = emulator.store().lock().await.event_rows();
    Json(served::list(
        rows,
        "dtCreated",
        |event: Option<AcdEvent>| event.as_ref().map(creation_order),
    ))
}

/// `dtCreated` (zones ignored: the emulator writes all in one zone), then `ID`.
fn creation_order(event: &AcdEvent) -> impl Ord {
    let created = event.dt_created.map(|at| {
        let date = (at.year, at.month, at.day);
        (date, at.hour, at.minute, at.second, at.nanosecond)
    });
    (created, event.id)
}

/// The row among `rows` whose `ID` is `id`, as jtel's get-by-id answers it; `what` names it
/// in the 404 text.
fn single(rows: Vec<Value>, id: i64, what: &str) -> Result<Json<ListEnvelope<Value>>, Failure> {
    let row = rows.into_iter().find(|row| served::row_id(row) == Some(id));
    let row = row.ok_or_else(|| Failure::not_found(format!("{what} {id} not found.")))?;
    Ok(Json(ListEnvelope::single(row)))
}

async fn get_event(
    State(emulator): State<Emulator>,
    path: Result<Path<ObjectPath>, PathRejection>,
) -> Result<Json<ListEnvelope<Value>>, Failure> {
    let id = object_id(path, "AcdEventsID")?;
    let rows = emulator.store().lock().await.event_rows();
    single(rows, id, "AcdEvent")
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

async fn list_event_types(State(emulator): State<Emulator>) -> Json<ListEnvelope<Value>> {
    let fixtures = emulator.fixtures();
    let rows = served::rows(fixtures, &fixtures.acd_event_types, |lists| {
        &lists.acd_event_types
    });
    Json(served::list(rows, "ID", |kind: Option<AcdEventType>| {
        kind.and_then(|kind| kind.id)
    }))
}

async fn list_groups(State(emulator): State<Emulator>) -> Json<ListEnvelope<Value>> {
    let fixtures = emulator.fixtures();
    let rows = served::rows(fixtures, &fixtures.acd_groups, |lists| &lists.acd_groups);
    Json(served::list(rows, "Name", |group: Option<AcdGroup>| {
        group.and_then(|group| group.name)
    }))
}

async fn list_users(State(emulator): State<Emulator>) -> Json<ListEnvelope<Value>> {
    let fixtures = emulator.fixtures();
    let rows = served::rows(fixtures, &fixtures.users, |lists| &lists.users);
    Json(served::list(rows, "UID", |user: Option<User>| {
        user.and_then(|user| user.uid)
    }))
}

async fn list_service_numbers(State(emulator): State<Emulator>) -> Json<ListEnvelope<Value>> {
    let fixtures = emulator.fixtures();
    let rows = served::rows(fixtures, &fixtures.service_numbers, |lists| {
        &lists.service_numbers
    });
    Json(served::list(
        rows,
        "Name2",
        |number: Option<ServiceNumber>| number.and_then(|number| number.name2),
    ))
}

async fn list_cockpit_variables(State(emulator): State<Emulator>) -> Json<ListEnvelope<Value>> {
    let rows = emulator.store().lock().await.cockpit_variable_rows();
    Json(served::list(
        rows,
        "Name",
        |variable: Option<CockpitVariable>| variable.and_then(|variable| variable.name),
    ))
}

async fn get_cockpit_variable(
    State(emulator): State<Emulator>,
    path: Result<Path<ObjectPath>, PathRejection>,
) -> Result<Json<ListEnvelope<Value>>, Failure> {
    let id = object_id(path, "CockpitVariablesID")?;
    let rows = emulator.store().lock().await.cockpit_variable_rows();
    single(rows, id, "Cockpit variable")
}

/// setValue's query form, `…/setValue?value={value}`.
async fn set_cockpit_value_in_query(
    State(emulator): State<Emulator>,
    path: Result<Path<ObjectPath>, PathRejection>,
    query: Result<Query<ValueQuery>, QueryRejection>,
) -> Result<Json<SetValueResponse>, Failure> {
    let id = object_id(path, "CockpitVariablesID")?;
    let Query(query) = query.map_err(|rejection| Failure::bad_request(rejection.body_text()))?;
    set_cockpit_value(&emulator, id, query.value.as_deref()).await
}

/// setValue's path form, `…/setValue/{value}`.
async fn set_cockpit_value_in_path(
    State(emulator): State<Emulator>,
    path: Result<Path<ValuePath>, PathRejection>,
) -> Result<Json<SetValueResponse>, Failure> {
    let Path(ValuePath { id, value }) =
        path.map_err(|rejection| Failure::bad_request(rejection.body_text()))?;
    let id = id.parse().map_err(|_| {
        Failure::bad_request(format!(
            "CockpitVariablesID must be a whole number, not {id:?}."
        ))
    })?;
    set_cockpit_value(&emulator, id, Some(&value)).await
}

/// setValue answers HTTP 200 whenever the request itself is well formed; `result` says what
/// happened. A missing or non-integer `value` is a 400.
async fn set_cockpit_value(
    emulator: &Emulator,
    id: i64,
    value: Option<&str>,
) -> Result<Json<SetValueResponse>, Failure> {
    let value = match value {
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
