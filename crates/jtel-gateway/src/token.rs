//! The jtel token: from a file (re-read when the file changes, or on SIGHUP, so a rotation
//! needs no restart) or from the `JTEL_TOKEN` environment variable. It is never logged and
//! never put into an answer; its `Debug` output hides it.

use std::path::PathBuf;
use std::sync::Mutex;
use std::time::SystemTime;

/// The environment variable read when no token file is configured.
pub const TOKEN_ENV: &str = "JTEL_TOKEN";

/// Where the token comes from, and the last value read.
pub struct JtelToken {
    file: Option<PathBuf>,
    /// The token and, for a file, the modification time it was read at.
    current: Mutex<(String, Option<SystemTime>)>,
}

impl std::fmt::Debug for JtelToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("JtelToken")
            .field("file", &self.file)
            .field("token", &"(hidden)")
            .finish()
    }
}

impl JtelToken {
    /// Reads the token from `file`, or from [`TOKEN_ENV`] without one. Fails when there is
    /// none, or it is empty or holds characters a header cannot carry.
    pub fn open(file: Option<PathBuf>) -> Result<Self, String> {
        let current = match &file {
            Some(path) => read_file(path)?,
            None => (
                checked(std::env::var(TOKEN_ENV).map_err(|_| {
                    format!("no jtel token: set jtel.token_file or the {TOKEN_ENV} environment variable")
                })?)?,
                None,
            ),
        };
        Ok(Self {
            file,
            current: Mutex::new(current),
        })
    }

    /// The token to send now: a token file is read again when its modification time changed.
    /// If the new content is unusable, the last good token stays (and the problem is logged
    /// without the content).
    pub fn current(&self) -> String {
        let mut current = self.current.lock().expect("token lock");
        if let Some(path) = &self.file {
            let modified = std::fs::metadata(path)
                .and_then(|meta| meta.modified())
                .ok();
            if modified.is_some() && modified != current.1 {
                match read_file(path) {
                    Ok(read) => *current = read,
                    Err(problem) => {
                        eprintln!("jtel-gateway: keeping the previous jtel token: {problem}")
                    }
                }
            }
        }
        current.0.clone()
    }

    /// Forgets when the file was read, so the next request reads it again (SIGHUP).
    pub fn reload(&self) {
        self.current.lock().expect("token lock").1 = None;
    }
}

fn read_file(path: &PathBuf) -> Result<(String, Option<SystemTime>), String> {
    let modified = std::fs::metadata(path)
        .and_then(|meta| meta.modified())
        .ok();
    let text = std::fs::read_to_string(path).map_err(|error| {
        format!(
            "cannot read the jtel token file {}: {error}",
            path.display()
        )
    })?;
    Ok((checked(text.trim().to_owned())?, modified))
}

fn checked(token: String) -> Result<String, String> {
    let token = token.trim().to_owned();
    if token.is_empty() || !token.bytes().all(|b| b.is_ascii_graphic()) {
        return Err("the jtel token is empty or holds spaces or control characters".into());
    }
    Ok(token)
}
