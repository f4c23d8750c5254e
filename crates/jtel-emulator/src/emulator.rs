//! What an emulator is made of: its [`Config`] and the shared [`Emulator`] state the routes use.

use crate::auth::Credentials;
use crate::faults::Faults;
use crate::fixtures::Fixtures;
use crate::store::Store;
use std::fmt;
use std::io;
use std::path::PathBuf;
use std::sync::atomic::AtomicU64;
use std::sync::Arc;
use tokio::sync::Mutex;

/// The bearer token used when none is configured.
pub const DEFAULT_TOKEN: &str = "jtel-demo-token";
/// The ClientsID used when none is configured.
pub const DEFAULT_CLIENTS_ID: u64 = 1;

/// How to set up an emulator. [`Config::default`] is the demo set-up: token
/// [`DEFAULT_TOKEN`], ClientsID [`DEFAULT_CLIENTS_ID`], the embedded fixtures, no state file.
/// Its `Debug` output leaves the token out.
#[derive(Clone)]
pub struct Config {
    /// The bearer token every request must send.
    pub token: String,
    /// The `{ClientsID}` path segment every request must use.
    pub clients_id: u64,
    /// Master data and starting values.
    pub fixtures: Fixtures,
    /// Which setValue forms the server knows.
    pub set_value_forms: SetValueForms,
    /// Where created events, set cockpit values and control-route changes are kept across
    /// restarts; `None` keeps them in memory only.
    pub state_file: Option<PathBuf>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            token: DEFAULT_TOKEN.to_owned(),
            clients_id: DEFAULT_CLIENTS_ID,
            fixtures: Fixtures::default(),
            set_value_forms: SetValueForms::default(),
            state_file: None,
        }
    }
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("token", &"(hidden)")
            .field("clients_id", &self.clients_id)
            .field("fixtures", &self.fixtures)
            .field("set_value_forms", &self.set_value_forms)
            .field("state_file", &self.state_file)
            .finish()
    }
}

/// Which setValue forms an emulator knows (`--set-value-form`); a form it does not know gets
/// jtel's answer for a missing route, a 404 with an empty body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SetValueForms {
    /// `PATCH …/setValue/{value}` only.
    Path,
    /// `PATCH …/setValue?value={value}` only.
    Query,
    /// Both (the default).
    #[default]
    Both,
}

impl SetValueForms {
    /// The forms `path`, `query` or `both` names.
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "path" => Some(Self::Path),
            "query" => Some(Self::Query),
            "both" => Some(Self::Both),
            _ => None,
        }
    }

    /// Whether the path form is known.
    pub fn path(self) -> bool {
        self != Self::Query
    }

    /// Whether the query form is known.
    pub fn query(self) -> bool {
        self != Self::Path
    }
}

/// The state shared by all requests: the credentials to check, the fixtures, the store
/// behind one lock, and the armed faults. Cheap to clone; clones share the same data.
#[derive(Clone)]
pub struct Emulator {
    credentials: Arc<Credentials>,
    fixtures: Arc<Fixtures>,
    store: Arc<Mutex<Store>>,
    faults: Arc<Faults>,
    received: Arc<AtomicU64>,
    set_value_forms: SetValueForms,
}

impl Emulator {
    /// Sets up an emulator, loading the state file if `config` names one that exists.
    ///
    /// Fails (with the file named in the message) when that file exists but is not a valid
    /// state, rather than starting over and losing it.
    pub async fn open(config: Config) -> io::Result<Self> {
        let fixtures = Arc::new(config.fixtures);
        let store = Store::open(Arc::clone(&fixtures), config.state_file).await?;
        Ok(Self {
            credentials: Arc::new(Credentials::new(config.token, config.clients_id)),
            fixtures,
            store: Arc::new(Mutex::new(store)),
            faults: Arc::default(),
            received: Arc::default(),
            set_value_forms: config.set_value_forms,
        })
    }

    /// What requests must present.
    pub(crate) fn credentials(&self) -> Arc<Credentials> {
        Arc::clone(&self.credentials)
    }

    /// The fixtures; they never change while the emulator runs.
    pub(crate) fn fixtures(&self) -> &Fixtures {
        &self.fixtures
    }

    /// The fixtures plus the changes made through the API.
    pub(crate) fn store(&self) -> &Mutex<Store> {
        &self.store
    }

    /// How many requests reached the jtel routes (the control routes not counted).
    pub(crate) fn received(&self) -> Arc<AtomicU64> {
        Arc::clone(&self.received)
    }

    /// Which setValue forms the server knows.
    pub(crate) fn set_value_forms(&self) -> SetValueForms {
        self.set_value_forms
    }

    /// The faults armed through the control route (kept in memory only).
    pub(crate) fn faults(&self) -> Arc<Faults> {
        Arc::clone(&self.faults)
    }
}
