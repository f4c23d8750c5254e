//! Staff tokens: short-lived JWTs signed by the CRM's backend (see `docs/gateway.md` for the
//! contract). Each configured key accepts exactly one algorithm, so `alg: none` and HS/RS
//! confusion (an HS256 token "signed" with a public RSA key) are refused before any signature
//! check; `exp` is required and may lie at most `max_lifetime_seconds` ahead.

use crate::config::{KeyConfig, StaffConfig};
use crate::routes::Scope;
use jsonwebtoken::{decode, decode_header, Algorithm, DecodingKey, Validation};
use serde::Deserialize;
use std::time::{SystemTime, UNIX_EPOCH};

/// Who is asking, as their token says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Staff {
    /// The CRM user (`sub`).
    pub subject: String,
    /// What they may do (`scope`, space-separated).
    pub scopes: Vec<String>,
    /// The ACD groups they may create events for (`groups`); `None` means any.
    pub groups: Option<Vec<i64>>,
}

impl Staff {
    /// Whether the token grants `scope`.
    pub fn may(&self, scope: Scope) -> bool {
        self.scopes.iter().any(|granted| granted == scope.name())
    }

    /// Whether the token lets them route an event to `group`.
    pub fn may_route_to(&self, group: i64) -> bool {
        self.groups
            .as_ref()
            .is_none_or(|groups| groups.contains(&group))
    }
}

/// The claims read from a token.
#[derive(Deserialize)]
struct Claims {
    sub: String,
    exp: u64,
    #[serde(default)]
    scope: String,
    groups: Option<Vec<i64>>,
}

struct Key {
    kid: String,
    algorithm: Algorithm,
    decoding: DecodingKey,
}

/// The keys and rules of [`StaffConfig`], ready to check tokens.
pub struct StaffKeys {
    keys: Vec<Key>,
    validation: Validation,
    max_lifetime: u64,
}

impl StaffKeys {
    /// Loads every key; fails naming the key that cannot be used.
    pub fn load(config: &StaffConfig) -> Result<Self, String> {
        if config.keys.is_empty() {
            return Err("staff.keys: at least one key".into());
        }
        let keys = config.keys.iter().map(load_key).collect::<Result<_, _>>()?;
        let mut validation = Validation::new(Algorithm::HS256);
        validation.leeway = config.leeway_seconds;
        validation.validate_nbf = true;
        validation.set_issuer(&[&config.issuer]);
        validation.set_audience(&[&config.audience]);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        Ok(Self {
            keys,
            validation,
            max_lifetime: config.max_lifetime_seconds + config.leeway_seconds,
        })
    }

    /// Who `token` (the part after `Bearer `) names, or why it is refused (a short reason
    /// for the 401 answer; it never repeats the token).
    pub fn verify(&self, token: &str) -> Result<Staff, String> {
        let header =
            decode_header(token).map_err(|_| "not a JWT with a supported alg".to_owned())?;
        let key = match &header.kid {
            Some(kid) => self.keys.iter().find(|key| &key.kid == kid),
            None if self.keys.len() == 1 => self.keys.first(),
            None => None,
        }
        .ok_or("unknown kid")?;
        if header.alg != key.algorithm {
            return Err(format!(
                "kid {} signs with {:?} only",
                key.kid, key.algorithm
            ));
        }
        let mut validation = self.validation.clone();
        validation.algorithms = vec![key.algorithm];
        let claims = decode::<Claims>(token, &key.decoding, &validation)
            .map_err(|error| reason(error.kind()))?
            .claims;
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        if claims.exp > now + self.max_lifetime {
            return Err("exp is further ahead than the gateway allows".into());
        }
        Ok(Staff {
            subject: claims.sub,
            scopes: claims.scope.split_whitespace().map(str::to_owned).collect(),
            groups: claims.groups,
        })
    }
}

fn load_key(config: &KeyConfig) -> Result<Key, String> {
    let kid = &config.kid;
    let problem = |what: String| format!("staff key {kid}: {what}");
    let read = |path: &std::path::PathBuf| {
        std::fs::read(path)
            .map_err(|error| problem(format!("cannot read {}: {error}", path.display())))
    };
    let (algorithm, decoding) = match config.algorithm.as_str() {
        "HS256" => {
            let secret = match (&config.secret_env, &config.secret_file) {
                (Some(name), None) => std::env::var(name)
                    .map_err(|_| problem(format!("the environment variable {name} is not set")))?
                    .into_bytes(),
                (None, Some(path)) => read(path)?.trim_ascii().to_vec(),
                _ => {
                    return Err(problem(
                        "HS256 needs one of secret_env or secret_file".into(),
                    ))
                }
            };
            if secret.len() < 32 {
                return Err(problem("an HS256 secret needs at least 32 bytes".into()));
            }
            (Algorithm::HS256, DecodingKey::from_secret(&secret))
        }
        "RS256" | "ES256" => {
            let path = config
                .public_key_file
                .as_ref()
                .ok_or_else(|| problem(format!("{} needs public_key_file", config.algorithm)))?;
            let pem = read(path)?;
            if config.algorithm == "RS256" {
                let key = DecodingKey::from_rsa_pem(&pem).map_err(|e| problem(e.to_string()))?;
                (Algorithm::RS256, key)
            } else {
                let key = DecodingKey::from_ec_pem(&pem).map_err(|e| problem(e.to_string()))?;
                (Algorithm::ES256, key)
            }
        }
        other => {
            return Err(problem(format!(
                "algorithm {other:?}: use HS256, RS256 or ES256"
            )))
        }
    };
    Ok(Key {
        kid: kid.clone(),
        algorithm,
        decoding,
    })
}

fn reason(kind: &jsonwebtoken::errors::ErrorKind) -> String {
    use jsonwebtoken::errors::ErrorKind;
    match kind {
        ErrorKind::ExpiredSignature => "expired".into(),
        ErrorKind::ImmatureSignature => "not valid yet (nbf)".into(),
        ErrorKind::InvalidAudience => "wrong aud".into(),
        ErrorKind::InvalidIssuer => "wrong iss".into(),
        ErrorKind::InvalidSignature => "bad signature".into(),
        ErrorKind::MissingRequiredClaim(claim) => format!("{claim} missing"),
        ErrorKind::InvalidAlgorithm => "algorithm not allowed for this key".into(),
        _ => "unreadable token".into(),
    }
}
