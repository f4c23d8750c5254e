//! The rows the list and get-by-id routes answer with: the typed rows serialized, or, for a
//! fixture set served as written, the file's own rows (unreadable ones included) with the
//! changes made through the API written into them.

use crate::fixtures::{Fixtures, WrittenLists};
use jtel_core::model::ListEnvelope;
use jtel_core::tolerant;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The rows of one list: `written`'s when the set is served as written, else `typed`'s.
pub fn rows<T: Serialize>(
    fixtures: &Fixtures,
    typed: &[T],
    written: impl Fn(&WrittenLists) -> &Vec<Value>,
) -> Vec<Value> {
    match &fixtures.written {
        Some(lists) => written(lists).clone(),
        None => typed.iter().map(to_json).collect(),
    }
}

/// A typed row as JSON.
pub fn to_json<T: Serialize>(row: &T) -> Value {
    serde_json::to_value(row).expect("the jtel types always serialize")
}

/// A row as `T`, if it can be read (jtel-core's tolerant rules).
pub fn read<T: DeserializeOwned>(row: &Value) -> Option<T> {
    serde_json::from_value(row.clone()).ok()
}

/// The `ID` of a row, read tolerantly on its own, so a row with another unreadable field still
/// has one.
pub fn row_id(row: &Value) -> Option<i64> {
    #[derive(Deserialize)]
    struct Key {
        #[serde(rename = "ID", default, deserialize_with = "tolerant::integer")]
        id: Option<i64>,
    }
    serde_json::from_value::<Key>(row.clone()).ok()?.id
}

/// `row` with every field that differs between `before` (its reading from the fixtures) and
/// `after` (as it is now) written in, in the typed form; untouched fields keep their spelling.
pub fn with_changes<T: Serialize>(row: &Value, before: &T, after: &T) -> Value {
    let (Value::Object(before), Value::Object(after)) = (to_json(before), to_json(after)) else {
        return row.clone();
    };
    let mut row = row.clone();
    if let Value::Object(fields) = &mut row {
        for (name, value) in after {
            if before.get(&name) != Some(&value) {
                fields.insert(name, value);
            }
        }
    }
    row
}

/// A full list envelope of `rows` sorted by `key` of each row's reading as `T` (rows that
/// cannot be read get `key(None)`).
pub fn list<T: DeserializeOwned, K: Ord>(
    mut rows: Vec<Value>,
    order_by: &str,
    mut key: impl FnMut(Option<T>) -> K,
) -> ListEnvelope<Value> {
    rows.sort_by_cached_key(|row| key(read(row)));
    ListEnvelope::all(rows, order_by)
}
