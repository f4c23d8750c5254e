//! The master data and starting values the emulator serves.
//!
//! The default set is `fixtures/default.json`, compiled into the binary and served as the
//! typed rows. Two more sets are compiled in and served exactly as written (see
//! [`Fixtures::written`]): `docs-literal` (only what jtel's documentation shows) and `variant`
//! (flags as 0/1, numbers as decimals and strings, missing and extra fields, broken rows).
//! `--fixtures FILE` (or [`Fixtures::load`]) serves a file of the same shape as written.

use jtel_core::model::{AcdEvent, AcdEventType, AcdGroup, CockpitVariable, ServiceNumber, User};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::io;
use std::path::Path;
use std::sync::Arc;

/// The embedded default fixtures (`fixtures/default.json`).
const DEFAULT_JSON: &str = include_str!("../fixtures/default.json");

/// The compiled-in sets `--fixtures NAME` chooses from, besides `default`.
const NAMED_SETS: [(&str, &str); 2] = [
    (
        "docs-literal",
        include_str!("../fixtures/docs-literal.json"),
    ),
    ("variant", include_str!("../fixtures/variant.json")),
];

/// Everything the emulator knows at start, one list per jtel collection.
///
/// The JSON shape is `{"acdEventTypes": [...], "acdGroups": [...], "users": [...],
/// "serviceNumbers": [...], "cockpitVariables": [...], "acdEvents": [...]}` with the jtel field
/// names of the `jtel_core::model` types. A missing list is empty; an unknown key is an error,
/// so a misspelt list is not silently ignored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Fixtures {
    /// Rows of `acd/events/types`.
    #[serde(default)]
    pub acd_event_types: Vec<AcdEventType>,
    /// Rows of `acd/groups`; `AcdGroupsID` of a new event must be one of them.
    #[serde(default)]
    pub acd_groups: Vec<AcdGroup>,
    /// Rows of `users`; `UsersID` of a new event, if given, must be one of them.
    #[serde(default)]
    pub users: Vec<User>,
    /// Rows of `serviceNumbers`; the `Receiver` of a telephone event must be one's `Name`.
    #[serde(default)]
    pub service_numbers: Vec<ServiceNumber>,
    /// Rows of `cockpitVariables` with their starting values.
    #[serde(default)]
    pub cockpit_variables: Vec<CockpitVariable>,
    /// Events that exist before any is created.
    #[serde(default)]
    pub acd_events: Vec<AcdEvent>,
    /// The lists exactly as a fixture file wrote them, when the set is served as written: the
    /// routes then answer with these rows (rows the typed lists above could not read
    /// included), with the changes made through the API written into them. `None`: the typed
    /// rows are served.
    #[serde(skip)]
    pub written: Option<Arc<WrittenLists>>,
}

/// Every list of a fixture file as JSON rows, unread.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct WrittenLists {
    /// Rows of `acd/events/types`.
    #[serde(default)]
    pub acd_event_types: Vec<Value>,
    /// Rows of `acd/groups`.
    #[serde(default)]
    pub acd_groups: Vec<Value>,
    /// Rows of `users`.
    #[serde(default)]
    pub users: Vec<Value>,
    /// Rows of `serviceNumbers`.
    #[serde(default)]
    pub service_numbers: Vec<Value>,
    /// Rows of `cockpitVariables`.
    #[serde(default)]
    pub cockpit_variables: Vec<Value>,
    /// Events that exist before any is created.
    #[serde(default)]
    pub acd_events: Vec<Value>,
}

/// The rows of `rows` that read as `T` (jtel-core's tolerant rules); the others are left out.
fn readable<T: DeserializeOwned>(rows: &[Value]) -> Vec<T> {
    rows.iter()
        .filter_map(|row| serde_json::from_value(row.clone()).ok())
        .collect()
}

impl Fixtures {
    /// Reads fixtures from JSON text.
    pub fn from_json(text: &str) -> serde_json::Result<Self> {
        serde_json::from_str(text)
    }

    /// Fixtures served exactly as `text` writes them; the typed lists hold the rows that can
    /// be read, so the setValue rules and reference checks work on those.
    pub fn as_written(text: &str) -> serde_json::Result<Self> {
        let written: WrittenLists = serde_json::from_str(text)?;
        Ok(Self {
            acd_event_types: readable(&written.acd_event_types),
            acd_groups: readable(&written.acd_groups),
            users: readable(&written.users),
            service_numbers: readable(&written.service_numbers),
            cockpit_variables: readable(&written.cockpit_variables),
            acd_events: readable(&written.acd_events),
            written: Some(Arc::new(written)),
        })
    }

    /// The set `--fixtures` names: `default`, `docs-literal`, `variant`, or else a file
    /// (served as written).
    pub fn named_or_file(name: &str) -> io::Result<Self> {
        if name == "default" {
            return Ok(Self::default());
        }
        match NAMED_SETS.iter().find(|(set, _)| *set == name) {
            Some((_, text)) => Ok(Self::as_written(text)
                .unwrap_or_else(|error| panic!("the embedded fixtures {name} are valid: {error}"))),
            None => Self::load(Path::new(name)),
        }
    }

    /// Reads a fixtures file, served as written; the error names the file and what is wrong
    /// with it.
    pub fn load(path: &Path) -> io::Result<Self> {
        let text = std::fs::read_to_string(path).map_err(|error| {
            io::Error::new(
                error.kind(),
                format!("cannot read fixtures file {}: {error}", path.display()),
            )
        })?;
        Self::as_written(&text).map_err(|error| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!("fixtures file {} is not valid: {error}", path.display()),
            )
        })
    }
}

impl Default for Fixtures {
    /// The embedded `fixtures/default.json`.
    fn default() -> Self {
        Self::from_json(DEFAULT_JSON).expect("the embedded fixtures/default.json is valid")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_fixtures_hold_the_documented_examples() {
        let fixtures = Fixtures::default();
        let group = fixtures
            .acd_groups
            .iter()
            .find(|group| group.id == Some(235));
        assert!(group.is_some_and(|group| group.name.is_some()));
        assert!(fixtures
            .users
            .iter()
            .any(|user| user.id == Some(3) && user.uid.is_some()));
        let service_number = &fixtures.service_numbers[0];
        assert_eq!(
            (
                service_number.id,
                service_number.name.as_deref(),
                service_number.name2.as_deref()
            ),
            (Some(1), Some("4919900112233"), Some("Hotline"))
        );
        let short_texts: Vec<_> = fixtures
            .acd_event_types
            .iter()
            .map(|kind| kind.short_text.as_deref())
            .collect();
        let expected = ["VoiceMail", "Fax", "Callback", "SMS", "Email", "Ticket"]
            .map(|name| format!("AcdEventTypes.{name}"));
        assert_eq!(
            short_texts,
            expected
                .iter()
                .map(|text| Some(text.as_str()))
                .collect::<Vec<_>>()
        );
        let variable = &fixtures.cockpit_variables[0];
        assert_eq!(variable.id, Some(192));
        assert_eq!(
            variable
                .dt_last_modified
                .map(|at| at.to_string())
                .as_deref(),
            Some("2022-01-04T13:31:37.477546Z")
        );
    }

    #[test]
    fn default_fixtures_cover_every_kind_of_cockpit_variable() {
        let variables = Fixtures::default().cockpit_variables;
        assert!(variables
            .iter()
            .any(|variable| variable.writable == Some(false)));
        assert!(variables
            .iter()
            .any(|variable| variable.visible_in_cockpit == Some(false)));
        for type_id in 1..=3 {
            assert!(variables
                .iter()
                .any(|variable| variable.cockpit_variable_types_id == Some(type_id)));
        }
    }

    #[test]
    fn unknown_lists_are_refused() {
        let error = Fixtures::from_json(r#"{"acdGroup": []}"#).unwrap_err();
        assert!(error.to_string().contains("acdGroup"), "{error}");
        assert_eq!(Fixtures::from_json("{}").unwrap().acd_groups, Vec::new());
    }
}
