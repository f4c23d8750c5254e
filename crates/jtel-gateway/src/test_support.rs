//! What tests of a gateway need, shared by the gateway's own tests and the widgets' end-to-end
//! tests (feature `test-support`, enabled only as a dev-dependency; the gateway binary never
//! has it): the configuration of a test deployment, written as the gateway reads it, and staff
//! tokens signed for it.

use jsonwebtoken::{encode, Algorithm, EncodingKey, Header};
use serde_json::{json, Value};
use std::fmt::Write;
use std::time::{SystemTime, UNIX_EPOCH};

/// The `iss` a test configuration wants.
pub const ISSUER: &str = "https://crm.example.com";
/// The `aud` a test configuration wants.
pub const AUDIENCE: &str = "jtel-gateway";

/// A public form of a test configuration: callbacks (type 3) to group 235.
#[derive(Debug, Clone, Copy)]
pub struct CallbackForm {
    /// The form's name in `/jtel/public/{name}/…`.
    pub name: &'static str,
    /// Creates per client address and minute, when limited.
    pub per_address_per_minute: Option<u32>,
    /// Creates a client address may send at once.
    pub burst: u32,
    /// Creates per day, when capped.
    pub daily_cap: Option<u32>,
    /// The only `Receiver` it may send, if any.
    pub receiver: Option<&'static str>,
}

/// A staff key of a test configuration.
#[derive(Debug, Clone)]
pub struct StaffKey {
    /// Its `kid`.
    pub kid: &'static str,
    /// `HS256`, `RS256` or `ES256`.
    pub algorithm: &'static str,
    /// The TOML line naming its key file, e.g. `secret_file = "hs-secret"`.
    pub file: String,
}

/// A test gateway's configuration.
#[derive(Debug, Clone, Default)]
pub struct TestConfig<'a> {
    /// `[jtel] base_url`.
    pub jtel_base_url: &'a str,
    /// `[jtel] timeout_ms`.
    pub timeout_ms: u64,
    /// `[cors] origins`; none: no `[cors]` table.
    pub cors_origins: &'a [&'a str],
    /// `[staff]`'s `max_lifetime_seconds` and `leeway_seconds`, when set.
    pub staff_limits: Option<(u64, u64)>,
    /// `[[staff.keys]]`.
    pub keys: &'a [StaffKey],
    /// `[forms.…]`.
    pub forms: &'a [CallbackForm],
}

impl TestConfig<'_> {
    /// The configuration file's text (the jtel token in the file `jtel-token` beside it),
    /// behind `127.0.0.1` as the trusted proxy.
    pub fn toml(&self) -> String {
        let mut text = format!(
            "trusted_proxies = [\"127.0.0.1\"]\n[jtel]\nbase_url = \"{}\"\n\
             token_file = \"jtel-token\"\ntimeout_ms = {}\n",
            self.jtel_base_url, self.timeout_ms
        );
        if !self.cors_origins.is_empty() {
            let origins: Vec<String> = self
                .cors_origins
                .iter()
                .map(|o| format!("\"{o}\""))
                .collect();
            let _ = writeln!(text, "[cors]\norigins = [{}]", origins.join(", "));
        }
        let _ = writeln!(
            text,
            "[staff]\nissuer = \"{ISSUER}\"\naudience = \"{AUDIENCE}\""
        );
        if let Some((lifetime, leeway)) = self.staff_limits {
            let _ = writeln!(
                text,
                "max_lifetime_seconds = {lifetime}\nleeway_seconds = {leeway}"
            );
        }
        for key in self.keys {
            let _ = writeln!(
                text,
                "[[staff.keys]]\nkid = \"{}\"\nalgorithm = \"{}\"\n{}",
                key.kid, key.algorithm, key.file
            );
        }
        for form in self.forms {
            let _ = writeln!(text, "[forms.{}]\nevent_type = 3\ngroup = 235", form.name);
            if let Some(rate) = form.per_address_per_minute {
                let _ = writeln!(text, "per_address_per_minute = {rate}");
            }
            let _ = writeln!(text, "burst = {}", form.burst);
            if let Some(receiver) = form.receiver {
                let _ = writeln!(text, "receiver = \"{receiver}\"");
            }
            if let Some(cap) = form.daily_cap {
                let _ = writeln!(text, "daily_cap = {cap}");
            }
        }
        text
    }
}

/// Seconds since the epoch.
pub fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|elapsed| elapsed.as_secs())
        .unwrap_or_default()
}

/// Valid staff claims for `subject` with `scope` (space-separated), good for five minutes.
pub fn claims(subject: &str, scope: &str) -> Value {
    json!({
        "sub": subject, "iss": ISSUER, "aud": AUDIENCE,
        "iat": now(), "exp": now() + 300, "scope": scope,
    })
}

/// `claims` signed with `key` by `algorithm`, naming the key `kid`.
pub fn sign(kid: &str, algorithm: Algorithm, key: &EncodingKey, claims: &Value) -> String {
    let mut header = Header::new(algorithm);
    header.kid = Some(kid.to_owned());
    encode(&header, claims, key).expect("test claims can be signed")
}
