//! The `{id}` segment of the get-by-id, setValue and control routes.

use crate::failure::Failure;
use axum::extract::rejection::PathRejection;
use axum::extract::Path;
use serde::Deserialize;

/// The `{id}` of a get-by-id, setValue or control route.
#[derive(Deserialize)]
pub(crate) struct ObjectPath {
    id: String,
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
