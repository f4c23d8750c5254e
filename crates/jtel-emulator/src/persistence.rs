//! The `--state` file: what changed since start, saved so it survives a restart.
//!
//! Only changes are stored (created events, cockpit values set through setValue, and cockpit
//! variables changed through the control route); the fixtures stay the source of everything
//! else. Each save writes a temporary file in the same
//! directory, syncs it to disk and renames it over the target, so the file is always either the
//! old or the new state, never half written.

use jtel_core::model::{AcdEvent, CockpitVariable};
use jtel_core::timestamp::Timestamp;
use serde::{Deserialize, Serialize};
use std::io;
use std::path::{Path, PathBuf};
use tokio::io::AsyncWriteExt;

/// The changes made through the API since the fixtures were loaded.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct State {
    /// Events created through `acd/events/create`, in creation order.
    #[serde(default)]
    pub acd_events: Vec<AcdEvent>,
    /// Values set through setValue, one entry per variable.
    #[serde(default)]
    pub cockpit_values: Vec<CockpitValue>,
    /// Cockpit variables changed through the control route, whole, one entry per variable;
    /// each replaces the fixture's row (a later setValue still sets its value).
    #[serde(default)]
    pub cockpit_variables: Vec<CockpitVariable>,
}

/// A cockpit variable's value as last set through setValue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CockpitValue {
    /// The variable's `ID`.
    #[serde(rename = "ID")]
    pub id: i64,
    /// The new `Value`.
    #[serde(rename = "Value")]
    pub value: i64,
    /// When it was set.
    #[serde(rename = "dtLastModified")]
    pub dt_last_modified: Timestamp,
}

/// Reads the state file; `None` if it does not exist yet. A file that exists but cannot be
/// read as a state is an error naming the file (it is never silently replaced).
pub async fn load(path: &Path) -> io::Result<Option<State>> {
    let bytes = match tokio::fs::read(path).await {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(error) => {
            return Err(io::Error::new(
                error.kind(),
                format!("cannot read state file {}: {error}", path.display()),
            ))
        }
    };
    serde_json::from_slice(&bytes).map(Some).map_err(|error| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "state file {} is not a valid emulator state ({error}); fix or remove it",
                path.display()
            ),
        )
    })
}

/// Replaces the state file atomically with `state`.
pub async fn save(path: &Path, state: &State) -> io::Result<()> {
    let json = serde_json::to_vec_pretty(state).map_err(io::Error::other)?;
    let temporary = temporary_path(path);
    let written = write_synced(&temporary, &json).await;
    let result = match written {
        Ok(()) => tokio::fs::rename(&temporary, path).await,
        Err(error) => Err(error),
    };
    if result.is_err() {
        // Best effort: the target is untouched, only the temporary file may be left over.
        let _ = tokio::fs::remove_file(&temporary).await;
    }
    result.map_err(|error| {
        io::Error::new(
            error.kind(),
            format!("cannot save state file {}: {error}", path.display()),
        )
    })
}

/// `dir/.name.PID.tmp` beside `path`, so the final rename stays within one file system.
fn temporary_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

async fn write_synced(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = tokio::fs::File::create(path).await?;
    file.write_all(bytes).await?;
    file.sync_all().await
}

#[cfg(test)]
mod tests {
    use super::*;
    use jtel_core::timestamp::Zone;

    #[tokio::test]
    async fn saved_state_loads_back_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        assert_eq!(load(&path).await.unwrap(), None);
        let state = State {
            acd_events: vec![AcdEvent {
                id: Some(1001),
                ..AcdEvent::default()
            }],
            cockpit_values: vec![CockpitValue {
                id: 192,
                value: 7,
                dt_last_modified: Timestamp::from_unix_millis(1_700_000_000_123, Zone::ServerLocal),
            }],
            cockpit_variables: vec![CockpitVariable {
                id: Some(192),
                writable: Some(false),
                max_value: Some(10),
                dt_last_modified: Some(Timestamp::from_unix_millis(
                    1_700_000_000_456,
                    Zone::ServerLocal,
                )),
                ..CockpitVariable::default()
            }],
        };
        save(&path, &state).await.unwrap();
        save(&path, &state).await.unwrap();
        assert_eq!(load(&path).await.unwrap(), Some(state));
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|entry| entry.unwrap().file_name())
            .collect();
        assert_eq!(names, ["state.json"]);
    }

    #[tokio::test]
    async fn a_file_that_is_no_state_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        for text in [
            "",
            "{not json",
            "null",
            r#"{"events": []}"#,
            r#"{"acdEvents": {}}"#,
        ] {
            std::fs::write(&path, text).unwrap();
            let error = load(&path).await.unwrap_err();
            assert_eq!(error.kind(), io::ErrorKind::InvalidData);
            assert!(error.to_string().contains("state.json"), "{error}");
        }
    }
}
