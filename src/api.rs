//! The jtel REST client used by the forms: the browser's `fetch`, called directly through
//! web-sys. (gloo-net's request builder cost 2.4 KB brotli more in the one-form bundle: it
//! parses every URL again through `Request` and `URL`, brings the `http` crate's method type,
//! and its panic messages format JS values; docs/performance.md.)
//!
//! By default the client talks to a same-origin gateway path (for example `/jtel`) that adds
//! the jtel token itself, so the browser never holds it. Staff widgets send the host's
//! [`Credentials`] (a short-lived staff token, or a function giving one) as `Authorization:
//! Bearer …`; when the gateway refuses a token a function gave (401, it expired), the function is
//! asked again once and the request sent once more; a second refusal is
//! [`ApiError::Unauthorized`]. Direct mode ([`JtelClient::with_token`]) sends the jtel token
//! from the page and is the less safe choice: the token is then in the page for anyone with
//! the developer tools — in this client's memory and, when the host sets it as the `token`
//! attribute of a custom element, in the DOM too (the `mount()` option keeps it out of the
//! DOM). This client never logs credentials or shows them in `Debug`.
//!
//! setValue is sent in the configured [`SetValueForm`] (the path form by default); when the
//! server answers that it knows no such route, the other form is tried once, and the form that
//! was understood is remembered for that base URL for the rest of the page's life.
//!
//! A list answer's rows that cannot be read are skipped, counted in [`Records`] and reported
//! once per list on the browser console. A 429 becomes [`ApiError::TooManyRequests`] with the
//! answer's `Retry-After`.
//!
//! Every request is abandoned (through an `AbortController`) when no answer has arrived after
//! the client's timeout or when the future waiting for it is dropped, and nothing is sent while
//! the browser is offline.

use crate::credentials::{Credentials, Token};
use gloo_timers::callback::Timeout;
use jtel_core::model::{
    AcdEvent, AcdEventType, AcdGroup, CockpitVariable, CreateAcdEvent, ServiceNumber, User,
};
use jtel_core::outcome::{
    interpret_created_event, interpret_records, interpret_set_value, interpret_single, ApiError,
    SetValueForm, SetValueOutcome,
};
use jtel_core::wire::{FromJson, Records};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, Headers, RequestInit, Response};

/// How long a request waits for its answer unless the host page says otherwise.
pub const DEFAULT_TIMEOUT_SECONDS: u32 = 20;

/// A client for one jtel base URL: the gateway path, or `…/rest/v1.0/{ClientsID}` in direct mode.
#[derive(Clone, PartialEq, Eq)]
pub struct JtelClient {
    base_url: String,
    credentials: Option<Credentials>,
    timeout_seconds: u32,
    set_value_form: SetValueForm,
}

thread_local! {
    /// The setValue form each base URL understood, once one was tried: it overrides the
    /// configured form for every later request to that base URL.
    static UNDERSTOOD_FORMS: RefCell<Vec<(String, SetValueForm)>> = const { RefCell::new(Vec::new()) };
}

/// Shows the base URL and the timeout, never a token.
impl std::fmt::Debug for JtelClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("JtelClient")
            .field("base_url", &self.base_url)
            .field("credentials", &self.credentials)
            .field("timeout_seconds", &self.timeout_seconds)
            .field("set_value_form", &self.set_value_form)
            .finish()
    }
}

impl JtelClient {
    /// A client for `base_url` (trailing slashes are ignored) that sends no credentials.
    pub fn new(base_url: &str) -> Self {
        Self {
            base_url: base_url.trim_end_matches('/').to_owned(),
            credentials: None,
            timeout_seconds: DEFAULT_TIMEOUT_SECONDS,
            set_value_form: SetValueForm::default(),
        }
    }

    /// Direct mode: send `Authorization: Bearer {token}` from the browser.
    ///
    /// Anyone who can open the page's developer tools can read the token, and a jtel token
    /// opens the whole client account. Prefer a gateway.
    pub fn with_token(self, token: &str) -> Self {
        self.with_credentials(Some(Credentials::fixed(token)))
    }

    /// Sends `Authorization: Bearer …` with the token `credentials` give (none when `None`).
    pub fn with_credentials(mut self, credentials: Option<Credentials>) -> Self {
        self.credentials = credentials;
        self
    }

    /// A client as the widgets' settings describe it: base URL, credentials, and the timeout
    /// in seconds.
    pub fn configured(
        base_url: &str,
        credentials: Option<Credentials>,
        timeout_seconds: u32,
    ) -> Self {
        Self::new(base_url)
            .with_credentials(credentials)
            .with_timeout(timeout_seconds)
    }

    /// Waits at most `seconds` (at least 1) for each answer.
    pub fn with_timeout(mut self, seconds: u32) -> Self {
        self.timeout_seconds = seconds.max(1);
        self
    }

    /// Sends setValue in `form` first (until this base URL has shown which form it knows).
    pub fn with_set_value_form(mut self, form: SetValueForm) -> Self {
        self.set_value_form = form;
        self
    }

    /// `POST {base}/acd/events/create` with `Idempotency-Key: {intent}`: the created event,
    /// or why there is none. Every retry of one user intent sends the same key, so the
    /// gateway creates one event for it and answers a retry with the first outcome.
    pub async fn create_event(
        &self,
        event: &CreateAcdEvent,
        intent: &str,
    ) -> Result<AcdEvent, ApiError> {
        let (status, body) = self
            .exchange(&Outgoing {
                method: "POST",
                url: self.url("acd/events/create"),
                idempotency_key: Some(intent),
                json: Some(event.to_json()),
            })
            .await?;
        interpret_created_event(status, &body)
    }

    /// `GET {base}/acd/events/types`: the event types of the client account.
    pub async fn event_types(&self) -> Result<Records<AcdEventType>, ApiError> {
        records("acd/events/types", self.get("acd/events/types").await?)
    }

    /// `GET {base}/acd/groups`: every ACD group.
    pub async fn groups(&self) -> Result<Records<AcdGroup>, ApiError> {
        records("acd/groups", self.get("acd/groups").await?)
    }

    /// `GET {base}/users`: every user (agent).
    pub async fn users(&self) -> Result<Records<User>, ApiError> {
        records("users", self.get("users").await?)
    }

    /// `GET {base}/serviceNumbers`: every service number.
    pub async fn service_numbers(&self) -> Result<Records<ServiceNumber>, ApiError> {
        records("serviceNumbers", self.get("serviceNumbers").await?)
    }

    /// `GET {base}/cockpitVariables`: every cockpit variable.
    pub async fn cockpit_variables(&self) -> Result<Records<CockpitVariable>, ApiError> {
        records("cockpitVariables", self.get("cockpitVariables").await?)
    }

    /// `GET {base}/cockpitVariables/cockpitVariable/{id}`: one cockpit variable.
    pub async fn cockpit_variable(&self, id: i64) -> Result<CockpitVariable, ApiError> {
        let path = format!("cockpitVariables/cockpitVariable/{id}");
        let (status, body) = self.get(&path).await?;
        interpret_single(status, &body, || ApiError::NotFound {
            message: format!("cockpit variable {id}"),
        })
    }

    /// `PATCH {base}/cockpitVariables/cockpitVariable/{id}/setValue/{value}` (or `…?value=`,
    /// see the module docs): what the server did (`result` 0–4 arrive with HTTP 200 and are
    /// not errors here).
    pub async fn set_cockpit_value(
        &self,
        id: i64,
        value: i64,
    ) -> Result<SetValueOutcome, ApiError> {
        let remembered = UNDERSTOOD_FORMS.with_borrow(|forms| {
            forms
                .iter()
                .find(|(base_url, _)| *base_url == self.base_url)
                .map(|(_, form)| *form)
        });
        let mut form = remembered.unwrap_or(self.set_value_form);
        let mut answer = self.send_set_value(form, id, value).await;
        if SetValueForm::is_unknown_route(&answer) {
            form = form.other();
            answer = self.send_set_value(form, id, value).await;
        }
        if answer.is_ok() && remembered != Some(form) {
            UNDERSTOOD_FORMS.with_borrow_mut(|forms| {
                forms.retain(|(base_url, _)| *base_url != self.base_url);
                forms.push((self.base_url.clone(), form));
            });
        }
        answer
    }

    /// One setValue request in `form`.
    async fn send_set_value(
        &self,
        form: SetValueForm,
        id: i64,
        value: i64,
    ) -> Result<SetValueOutcome, ApiError> {
        let (route, query) = form.route(id, value);
        let mut url = self.url(&route);
        // The query's name and value are a plain word and a whole number: nothing to escape.
        if let Some((name, value)) = query {
            url = format!("{url}?{name}={value}");
        }
        let (status, body) = self
            .exchange(&Outgoing {
                method: "PATCH",
                url,
                idempotency_key: None,
                json: None,
            })
            .await?;
        interpret_set_value(status, &body)
    }

    /// A GET of `path`'s status and body.
    async fn get(&self, path: &str) -> Result<(u16, String), ApiError> {
        self.exchange(&Outgoing {
            method: "GET",
            url: self.url(path),
            idempotency_key: None,
            json: None,
        })
        .await
    }

    /// Sends `outgoing` with the credentials' token and reads the whole answer. A token a
    /// function gave that the server refuses (401) is replaced once and the request sent again.
    /// Errors here: no answer (offline, timed out, no connection), no token, and 429.
    async fn exchange(&self, outgoing: &Outgoing<'_>) -> Result<(u16, String), ApiError> {
        if !browser_online() {
            return Err(ApiError::Offline);
        }
        let token = match &self.credentials {
            Some(credentials) => Some(credentials.token().await?),
            None => None,
        };
        let mut reply = self.send(outgoing, token.as_ref()).await?;
        if let (401, Some(credentials), Some(token)) = (reply.status, &self.credentials, &token) {
            if credentials.refreshes() {
                let fresh = credentials.instead_of(token).await?;
                reply = self.send(outgoing, Some(&fresh)).await?;
            }
        }
        if reply.status == 429 {
            return Err(ApiError::TooManyRequests {
                retry_after_seconds: None,
            }
            .with_retry_after(reply.retry_after.as_deref()));
        }
        Ok((reply.status, reply.body))
    }

    /// One request: `outgoing` with `token`, abandoned after the timeout.
    async fn send(
        &self,
        outgoing: &Outgoing<'_>,
        token: Option<&Token>,
    ) -> Result<Reply, ApiError> {
        let controller = AbortController::new().map_err(network)?;
        let init = RequestInit::new();
        init.set_method(outgoing.method);
        init.set_headers_headers(&outgoing.headers(token).map_err(network)?);
        init.set_body_opt_str(outgoing.json.as_deref());
        init.set_signal(Some(&controller.signal()));
        let timed_out = Rc::new(Cell::new(false));
        let _timer = {
            let (timed_out, controller) = (timed_out.clone(), controller.clone());
            Timeout::new(self.timeout_seconds.saturating_mul(1000), move || {
                timed_out.set(true);
                controller.abort();
            })
        };
        let _abort_if_dropped = AbortOnDrop(controller);
        let answer = async {
            let window = web_sys::window().ok_or(JsValue::UNDEFINED)?;
            let response: Response =
                JsFuture::from(window.fetch_with_str_and_init(&outgoing.url, &init))
                    .await?
                    .unchecked_into();
            Ok(Reply {
                status: response.status(),
                retry_after: response.headers().get("retry-after")?,
                body: JsFuture::from(response.text()?)
                    .await?
                    .as_string()
                    .unwrap_or_default(),
            })
        };
        answer.await.map_err(|error| {
            if timed_out.get() {
                ApiError::Timeout {
                    seconds: self.timeout_seconds,
                }
            } else {
                network(error)
            }
        })
    }

    fn url(&self, path: &str) -> String {
        format!("{}/{path}", self.base_url)
    }
}

/// A request as a route describes it; [`JtelClient::exchange`] sends it, twice when a refused
/// token is replaced.
struct Outgoing<'a> {
    method: &'static str,
    url: String,
    /// The `Idempotency-Key` of a create.
    idempotency_key: Option<&'a str>,
    /// A JSON body.
    json: Option<String>,
}

impl Outgoing<'_> {
    /// The request's headers, with `Authorization` when there is a `token`. A token the
    /// browser cannot send as a header (a character outside Latin-1) is its `TypeError`.
    fn headers(&self, token: Option<&Token>) -> Result<Headers, JsValue> {
        let headers = Headers::new()?;
        if let Some(key) = self.idempotency_key {
            headers.set("Idempotency-Key", key)?;
        }
        if self.json.is_some() {
            headers.set("Content-Type", "application/json")?;
        }
        if let Some(token) = token {
            headers.set("Authorization", &format!("Bearer {}", token.text))?;
        }
        Ok(headers)
    }
}

/// What a server answered.
struct Reply {
    status: u16,
    retry_after: Option<String>,
    body: String,
}

/// The records of the list answer `path` gave; skipped rows are reported once on the console.
/// Not async, so each list's future holds only the shared request.
fn records<T: FromJson>(path: &str, (status, body): (u16, String)) -> Result<Records<T>, ApiError> {
    let records = interpret_records(status, &body)?;
    if let Some(summary) = records.summary(path) {
        web_sys::console::warn_1(&format!("jtel-widgets: {summary}").into());
    }
    Ok(records)
}

/// Aborts a request when the future waiting for it is dropped (its widget was destroyed), so
/// the connection is freed at once; a no-op once the answer has been read.
struct AbortOnDrop(AbortController);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// A request that got no answer (or could not be built) is a network failure for the user;
/// the detail is the browser's message (`Failed to fetch`, …).
fn network(error: JsValue) -> ApiError {
    ApiError::Network {
        detail: js_sys::Reflect::get(&error, &JsValue::from_str("message"))
            .ok()
            .and_then(|message| message.as_string())
            .unwrap_or_else(|| String::from("no answer")),
    }
}

/// Whether the browser believes it is online (`navigator.onLine`; true where unknown).
pub fn browser_online() -> bool {
    web_sys::window().is_none_or(|window| window.navigator().on_line())
}
