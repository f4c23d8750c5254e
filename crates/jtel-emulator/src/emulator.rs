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
            .field("state_file", &self.state_file)
            .finish()
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

    /// The faults armed through the control route (kept in memory only).
    pub(crate) fn faults(&self) -> Arc<Faults> {
        Arc::clone(&self.faults)
    }
}
