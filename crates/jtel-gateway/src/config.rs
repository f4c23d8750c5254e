//! The gateway's configuration file (TOML), read once at start. Unknown keys are refused, so a
//! typo is reported instead of silently meaning the default. See `docs/gateway.md`.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};

/// The whole configuration.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Where to listen; `--listen` on the command line wins.
    #[serde(default = "default_listen")]
    pub listen: SocketAddr,
    /// The built widget files, served at `/` when set (the gateway alone, without nginx).
    pub static_dir: Option<PathBuf>,
    /// The largest request body accepted; larger ones get 413.
    #[serde(default = "default_body_limit")]
    pub body_limit_bytes: usize,
    /// Peers whose `X-Real-IP` header names the client (nginx in front); from any other
    /// peer the header is ignored and the peer address is the client.
    #[serde(default)]
    pub trusted_proxies: Vec<IpAddr>,
    /// The jtel server.
    pub jtel: JtelConfig,
    /// Where idempotency records live.
    #[serde(default)]
    pub idempotency: IdempotencyConfig,
    /// Cross-origin callers.
    #[serde(default)]
    pub cors: CorsConfig,
    /// Staff widgets: who signs their tokens and how.
    pub staff: Option<StaffConfig>,
    /// Public forms by the name the browser uses in `/jtel/public/{name}/…`.
    #[serde(default)]
    pub forms: BTreeMap<String, FormConfig>,
}

/// The jtel REST server and how to reach it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JtelConfig {
    /// `https://host:port/rest/v1.0/{ClientsID}`, the jtel `{baseURL}`.
    pub base_url: String,
    /// A file holding the jtel token (re-read when it changes or on SIGHUP); without it the
    /// token comes from the `JTEL_TOKEN` environment variable.
    pub token_file: Option<PathBuf>,
    /// An extra CA certificate (PEM) to trust for the jtel server, besides the system's.
    pub ca_file: Option<PathBuf>,
    /// How long one jtel request may take before the gateway gives up on it.
    #[serde(default = "default_timeout_ms")]
    pub timeout_ms: u64,
}

/// Where idempotency records and daily counts are kept.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IdempotencyConfig {
    /// `redis://host:port/db`: shared by every instance. Without it, in this process only.
    pub redis_url: Option<String>,
    /// How long a finished create is remembered.
    #[serde(default = "default_remember")]
    pub remember_seconds: u64,
}

impl Default for IdempotencyConfig {
    fn default() -> Self {
        Self {
            redis_url: None,
            remember_seconds: default_remember(),
        }
    }
}

/// Which other origins may call the gateway from a browser.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CorsConfig {
    /// Exact origins (`https://crm.example.com`); every other foreign origin is refused.
    #[serde(default)]
    pub origins: Vec<String>,
}

/// The staff token contract (see `docs/gateway.md`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StaffConfig {
    /// The required `iss` claim.
    pub issuer: String,
    /// The required `aud` claim.
    pub audience: String,
    /// The longest a token may still be valid when it arrives (`exp` − now).
    #[serde(default = "default_max_lifetime")]
    pub max_lifetime_seconds: u64,
    /// Clock skew allowed for `exp` and `nbf`.
    #[serde(default = "default_leeway")]
    pub leeway_seconds: u64,
    /// The keys that may sign, by `kid`.
    pub keys: Vec<KeyConfig>,
}

/// One signing key.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyConfig {
    /// The `kid` a token names in its header.
    pub kid: String,
    /// `HS256`, `RS256` or `ES256`: the only algorithm accepted with this key.
    pub algorithm: String,
    /// HS256: the environment variable holding the shared secret.
    pub secret_env: Option<String>,
    /// HS256: a file holding the shared secret.
    pub secret_file: Option<PathBuf>,
    /// RS256 / ES256: the public key (PEM).
    pub public_key_file: Option<PathBuf>,
}

/// One public form: what anonymous visitors of its page may create.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormConfig {
    /// The only `AcdEventTypesID` allowed.
    pub event_type: i64,
    /// The only `AcdGroupsID` allowed.
    pub group: i64,
    /// The only `UsersID` allowed; without it the event must go to the group queue.
    pub agent: Option<i64>,
    /// The only `Receiver` allowed; without it none may be sent.
    pub receiver: Option<String>,
    /// Creates per client address and minute, sustained.
    #[serde(default = "default_per_minute")]
    pub per_address_per_minute: u32,
    /// Creates one client address may send at once before the rate applies.
    #[serde(default = "default_burst")]
    pub burst: u32,
    /// Creates of this form per UTC day, all clients together.
    #[serde(default = "default_daily_cap")]
    pub daily_cap: u64,
}

fn default_listen() -> SocketAddr {
    SocketAddr::from(([127, 0, 0, 1], 8081))
}
fn default_body_limit() -> usize {
    16 * 1024
}
fn default_timeout_ms() -> u64 {
    15_000
}
fn default_remember() -> u64 {
    24 * 60 * 60
}
fn default_max_lifetime() -> u64 {
    15 * 60
}
fn default_leeway() -> u64 {
    30
}
fn default_per_minute() -> u32 {
    6
}
fn default_burst() -> u32 {
    3
}
fn default_daily_cap() -> u64 {
    1000
}

impl Config {
    /// Reads and checks `path`; relative paths inside it are taken from the file's folder.
    pub fn load(path: &Path) -> Result<Self, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|error| format!("cannot read {}: {error}", path.display()))?;
        let mut config =
            Self::parse(&text).map_err(|error| format!("{}: {error}", path.display()))?;
        let folder = path.parent().unwrap_or(Path::new("."));
        config.resolve_paths(folder);
        Ok(config)
    }

    /// Reads a configuration from TOML text and checks what the types cannot.
    pub fn parse(text: &str) -> Result<Self, String> {
        let config: Self = toml::from_str(text).map_err(|error| error.to_string())?;
        if !config.jtel.base_url.starts_with("http://")
            && !config.jtel.base_url.starts_with("https://")
        {
            return Err("jtel.base_url must start with http:// or https://".into());
        }
        for name in config.forms.keys() {
            if name.is_empty()
                || !name
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            {
                return Err(format!(
                    "forms.{name}: a form name is letters, digits, - and _"
                ));
            }
        }
        for origin in &config.cors.origins {
            if origin.ends_with('/') || !origin.contains("://") {
                return Err(format!(
                    "cors.origins: {origin:?} is not an origin like https://crm.example.com"
                ));
            }
        }
        Ok(config)
    }

    fn resolve_paths(&mut self, folder: &Path) {
        let resolve = |path: &mut PathBuf| {
            if path.is_relative() {
                *path = folder.join(&*path);
            }
        };
        self.static_dir.as_mut().map(resolve);
        self.jtel.token_file.as_mut().map(resolve);
        self.jtel.ca_file.as_mut().map(resolve);
        for key in self
            .staff
            .iter_mut()
            .flat_map(|staff| staff.keys.iter_mut())
        {
            key.secret_file.as_mut().map(resolve);
            key.public_key_file.as_mut().map(resolve);
        }
    }
}
