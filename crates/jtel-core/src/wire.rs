//! The jtel wire format without serde: the [`crate::model`] types read from and written to
//! [`crate::json`].
//!
//! The browser build uses this codec; the emulator the serde derives. Both are written from
//! each record's one declaration ([`crate::record`]), and both
//! follow the same rules (exact field names, unknown fields ignored, missing or `null`
//! optional fields `None`, flags and whole numbers read as [`crate::tolerant`] describes, any
//! other type refused, an unreadable timestamp `None`), and `tests/wire.rs` proves they agree
//! on the documented examples and on generated records. A list skips the rows it cannot read
//! and says which ([`Records`]), so one odd row never hides the others.

use crate::json::Json;
use crate::model::{ErrorBody, SetValueResponse};
use crate::timestamp::Timestamp;
use crate::tolerant::{flag_of, whole_number, whole_number_text};

/// A type read from a JSON object.
pub trait FromJson: Sized {
    /// Reads `json`, or says which field was wrong.
    fn from_json(json: &Json) -> Result<Self, String>;
}

/// The members of a JSON object, read by field name.
pub(crate) struct Record<'a>(&'a [(String, Json)]);

impl<'a> Record<'a> {
    pub(crate) fn of(json: &'a Json) -> Result<Self, String> {
        match json {
            Json::Object(members) => Ok(Self(members)),
            _ => Err("expected a JSON object".to_owned()),
        }
    }

    /// The value of `name` (the last, if it repeats), `None` when missing or `null`.
    pub(crate) fn get(&self, name: &str) -> Option<&'a Json> {
        self.0
            .iter()
            .rfind(|(key, _)| key == name)
            .map(|(_, value)| value)
            .filter(|value| **value != Json::Null)
    }

    /// A whole number: an integer, a whole decimal or a numeric string (blank: `None`).
    pub(crate) fn number<T: TryFrom<i64>>(&self, name: &str) -> Result<Option<T>, String> {
        let number = match self.get(name) {
            None => None,
            Some(Json::Number(literal)) => Some(whole_number(literal).ok_or(())),
            Some(Json::String(text)) => match whole_number_text(text) {
                Some(number) => number.map(Ok),
                None => Some(Err(())),
            },
            Some(_) => return Err(format!("`{name}` is not a number")),
        };
        match number {
            None => Ok(None),
            Some(Err(())) => Err(format!("`{name}` is not a whole number")),
            Some(Ok(number)) => T::try_from(number)
                .map(Some)
                .map_err(|_| format!("`{name}` is out of range")),
        }
    }

    pub(crate) fn integer(&self, name: &str) -> Result<Option<i64>, String> {
        self.number(name)
    }

    pub(crate) fn text(&self, name: &str) -> Result<Option<String>, String> {
        match self.get(name) {
            None => Ok(None),
            Some(Json::String(text)) => Ok(Some(text.clone())),
            Some(_) => Err(format!("`{name}` is not a string")),
        }
    }

    /// A flag: `true`/`false`, or a whole number 0 or 1 in any form [`Self::number`] reads.
    pub(crate) fn flag(&self, name: &str) -> Result<Option<bool>, String> {
        match self.get(name) {
            Some(Json::Bool(flag)) => Ok(Some(*flag)),
            Some(Json::Number(_) | Json::String(_)) => match self.integer(name) {
                Ok(None) => Ok(None),
                Ok(Some(number)) if flag_of(number).is_some() => Ok(flag_of(number)),
                _ => Err(format!("`{name}` is not a flag (true, false, 0 or 1)")),
            },
            None => Ok(None),
            Some(_) => Err(format!("`{name}` is not a flag (true, false, 0 or 1)")),
        }
    }

    /// A timestamp; anything unreadable is `None` (one odd column never loses a record).
    pub(crate) fn timestamp(&self, name: &str) -> Option<Timestamp> {
        match self.get(name) {
            Some(Json::String(text)) => Timestamp::parse(text).ok(),
            _ => None,
        }
    }
}

/// The rows of a list answer: those read, and why the others could not be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Records<T> {
    /// The rows read, in the server's order.
    pub read: Vec<T>,
    /// The rows skipped, in the server's order.
    pub unreadable: Vec<UnreadableRow>,
}

impl<T> Default for Records<T> {
    fn default() -> Self {
        Self {
            read: Vec::new(),
            unreadable: Vec::new(),
        }
    }
}

/// A row of a list that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnreadableRow {
    /// Its position in `records`, from 0.
    pub index: usize,
    /// What was wrong with it (the first problem found).
    pub reason: String,
}

impl<T> Records<T> {
    /// How many rows the server sent.
    pub fn total(&self) -> usize {
        self.read.len() + self.unreadable.len()
    }

    /// One line for a log: how many rows were skipped and why the first was.
    pub fn summary(&self, list: &str) -> Option<String> {
        summary(&self.unreadable, self.total(), list)
    }
}

/// [`Records::summary`], once for every record type.
fn summary(unreadable: &[UnreadableRow], total: usize, list: &str) -> Option<String> {
    let first = unreadable.first()?;
    Some(format!(
        "{} of {total} rows of {list} could not be read and are not shown (row {}: {})",
        unreadable.len(),
        first.index + 1,
        first.reason
    ))
}

/// The `records` of a list or get-by-id envelope (missing or `null`: none). A row that cannot
/// be read is skipped and listed in [`Records::unreadable`]; only an envelope that is not an
/// object or `records` that is not a list fails.
pub fn records<T: FromJson>(envelope: &Json) -> Result<Records<T>, String> {
    let mut records = Records::default();
    let items = match Record::of(envelope)?.get("records") {
        None => return Ok(records),
        Some(Json::Array(items)) => items,
        Some(_) => return Err("`records` is not a list".to_owned()),
    };
    for (index, item) in items.iter().enumerate() {
        match T::from_json(item) {
            Ok(row) => records.read.push(row),
            Err(reason) => records.unreadable.push(UnreadableRow { index, reason }),
        }
    }
    Ok(records)
}

/// The `error` text of an error body, if it is a JSON object (whatever else it holds).
pub fn error_text(body: &Json) -> Result<Option<String>, String> {
    ErrorBody::from_json(body).map(|body| body.error)
}

/// The `result` code and `error` text of a setValue answer.
pub fn set_value_answer(body: &Json) -> Result<(Option<i64>, Option<String>), String> {
    SetValueResponse::from_json(body).map(|answer| (answer.result, answer.error))
}
