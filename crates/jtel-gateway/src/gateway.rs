//! The request path: origin check, allow-list, who is asking (public form or staff token),
//! what they may do, then jtel, with one audit line per write.

use crate::answer::Refusal;
use crate::audit;
use crate::config::Config;
use crate::cors::{self, Caller};
use crate::create_body;
use crate::idempotency::{self, Begin, Timing};
use crate::rate_limit::AddressLimiter;
use crate::routes::Route;
use crate::staff::{Staff, StaffKeys};
use crate::store::Store;
use crate::token::JtelToken;
use crate::upstream::{Answer, NoAnswer, Upstream};
use axum::body::Body;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::any;
use axum::Router;
use jtel_core::model::CreateAcdEvent;
use jtel_core::outcome::interpret_created_event;
use serde_json::{json, Value};
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use tower_http::services::ServeDir;

/// The header that names an intent on create.
pub const IDEMPOTENCY_KEY: &str = "idempotency-key";

/// Everything a request needs: the configuration and the long-lived parts made from it.
pub struct Gateway {
    config: Config,
    upstream: Upstream,
    staff: Option<StaffKeys>,
    limiter: AddressLimiter,
    store: Arc<Store>,
    token: Arc<JtelToken>,
    timing: Timing,
}

/// What the audit line of a write says.
#[derive(Default)]
struct Note {
    who: String,
    what: serde_json::Map<String, Value>,
    detail: String,
}

impl Gateway {
    /// Reads the jtel token and the staff keys and connects the store; fails with a message
    /// that names what is wrong.
    pub async fn open(config: Config) -> Result<Arc<Self>, String> {
        let token = Arc::new(JtelToken::open(config.jtel.token_file.clone())?);
        let upstream = Upstream::new(&config.jtel, Arc::clone(&token))?;
        let staff = config.staff.as_ref().map(StaffKeys::load).transpose()?;
        let store = match &config.idempotency.redis_url {
            Some(url) => Store::redis(url).await?,
            None => Store::memory(),
        };
        let timeout = Duration::from_millis(config.jtel.timeout_ms);
        let timing = Timing {
            remember: Duration::from_secs(config.idempotency.remember_seconds),
            stale_after: timeout * 2 + Duration::from_secs(5),
        };
        Ok(Arc::new(Self {
            config,
            upstream,
            staff,
            limiter: AddressLimiter::default(),
            store: Arc::new(store),
            token,
            timing,
        }))
    }

    /// Reads the jtel token file again before the next request (SIGHUP).
    pub fn reload_token(&self) {
        self.token.reload();
    }

    /// The HTTP interface: `/jtel/…` through the checks, the widget files at `/` when
    /// `static_dir` is configured, 404 otherwise.
    pub fn router(self: &Arc<Self>) -> Router {
        let router = Router::new()
            .route("/jtel", any(handle))
            .route("/jtel/{*rest}", any(handle))
            .with_state(Arc::clone(self));
        match &self.config.static_dir {
            Some(dir) => router.fallback_service(ServeDir::new(dir)),
            None => router,
        }
    }

    async fn serve(
        &self,
        peer: SocketAddr,
        request: Request,
        note: &mut Note,
    ) -> Result<Response, Refusal> {
        let target = request
            .uri()
            .path_and_query()
            .map_or("/", |pq| pq.as_str())
            .to_owned();
        let route = Route::parse(request.method(), &target).ok_or_else(Refusal::no_route)?;
        let (method, path) = route.upstream();
        note.what
            .insert("route".into(), json!(path.split('?').next()));
        let (parts, body) = request.into_parts();
        let headers = parts.headers;
        if let Route::PublicCreate { form } = &route {
            let client = self.client_address(peer, &headers);
            note.who = format!("address:{client}");
            note.what.insert("form".into(), json!(form));
            return self.public_create(form, client, &headers, body, note).await;
        }
        let staff = self.authenticate(&headers)?;
        note.who = format!("sub:{}", staff.subject);
        let scope = route.scope().expect("staff routes have a scope");
        if !staff.may(scope) {
            return Err(Refusal::forbidden(format!(
                "the token does not grant {}",
                scope.name()
            )));
        }
        match route {
            Route::Create => self.staff_create(&staff, &headers, body, note).await,
            Route::SetValue { id, value, .. } => {
                note.what.insert("variable".into(), json!(id));
                note.what.insert("value".into(), json!(value));
                self.forward(method, &path).await
            }
            _ => self.forward(method, &path).await,
        }
    }

    async fn forward(&self, method: reqwest::Method, path: &str) -> Result<Response, Refusal> {
        self.upstream
            .send(method, path, None)
            .await
            .map(pass_through)
            .map_err(lost)
    }

    fn authenticate(&self, headers: &HeaderMap) -> Result<Staff, Refusal> {
        let staff = self
            .staff
            .as_ref()
            .ok_or_else(|| Refusal::unauthorized("this gateway takes no staff tokens"))?;
        let token = headers
            .get(header::AUTHORIZATION)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.strip_prefix("Bearer "))
            .ok_or_else(|| Refusal::unauthorized("missing (Authorization: Bearer <JWT>)"))?;
        staff.verify(token.trim()).map_err(Refusal::unauthorized)
    }

    /// The client: the peer, or `X-Real-IP` when the peer is a trusted proxy.
    fn client_address(&self, peer: SocketAddr, headers: &HeaderMap) -> IpAddr {
        let forwarded = headers
            .get("x-real-ip")
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.trim().parse().ok());
        match forwarded {
            Some(client) if self.config.trusted_proxies.contains(&peer.ip()) => client,
            _ => peer.ip(),
        }
    }

    async fn public_create(
        &self,
        name: &str,
        client: IpAddr,
        headers: &HeaderMap,
        body: Body,
        note: &mut Note,
    ) -> Result<Response, Refusal> {
        let form = self.config.forms.get(name).ok_or_else(Refusal::no_route)?;
        self.limiter
            .allow(
                name,
                client,
                form.per_address_per_minute,
                form.burst,
                Instant::now(),
            )
            .map_err(|wait| {
                Refusal::too_many("too many requests from this address; try again later", wait)
            })?;
        let request = self.read_create(headers, body, note).await?;
        create_body::check_form(name, form, &request)?;
        let cap = (name, form.daily_cap);
        self.create(format!("public:{name}"), headers, request, Some(cap), note)
            .await
    }

    async fn staff_create(
        &self,
        staff: &Staff,
        headers: &HeaderMap,
        body: Body,
        note: &mut Note,
    ) -> Result<Response, Refusal> {
        let request = self.read_create(headers, body, note).await?;
        if !staff.may_route_to(request.acd_groups_id) {
            return Err(Refusal::forbidden(format!(
                "AcdGroupsID: the token does not allow group {}",
                request.acd_groups_id
            )));
        }
        self.create(
            format!("staff:{}", staff.subject),
            headers,
            request,
            None,
            note,
        )
        .await
    }

    async fn read_create(
        &self,
        headers: &HeaderMap,
        body: Body,
        note: &mut Note,
    ) -> Result<CreateAcdEvent, Refusal> {
        let json = headers
            .get(header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .is_some_and(|value| value.starts_with("application/json"));
        if !json {
            return Err(Refusal::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "Content-Type must be application/json",
            ));
        }
        let bytes = axum::body::to_bytes(body, self.config.body_limit_bytes)
            .await
            .map_err(|_| Refusal::new(StatusCode::PAYLOAD_TOO_LARGE, "the body is too large"))?;
        let request = create_body::read(&bytes)?;
        note.what
            .insert("type".into(), json!(request.acd_event_types_id));
        note.what
            .insert("group".into(), json!(request.acd_groups_id));
        note.what.insert("agent".into(), json!(request.users_id));
        Ok(request)
    }

    /// Creates `request` once per idempotency key (scoped by `scope`), counting it against
    /// `cap` (form, per day) when it is really sent.
    async fn create(
        &self,
        scope: String,
        headers: &HeaderMap,
        request: CreateAcdEvent,
        cap: Option<(&str, u64)>,
        note: &mut Note,
    ) -> Result<Response, Refusal> {
        let key = headers
            .get(IDEMPOTENCY_KEY)
            .and_then(|value| value.to_str().ok())
            .ok_or_else(|| {
                Refusal::new(
                    StatusCode::BAD_REQUEST,
                    "Idempotency-Key header required on create",
                )
            })?;
        if !idempotency::valid_key(key) {
            return Err(Refusal::new(
                StatusCode::BAD_REQUEST,
                "Idempotency-Key: 8 to 100 letters, digits, - or _",
            ));
        }
        let json = serde_json::to_string(&request).expect("a request is JSON");
        let wait = Duration::from_millis(self.config.jtel.timeout_ms) + Duration::from_secs(2);
        let begin = idempotency::begin(
            &self.store,
            format!("idem:{scope}:{key}"),
            json,
            self.timing,
            wait,
        )
        .await?;
        let claim = match begin {
            Begin::Replay(answer) => {
                note.detail = "replayed".into();
                let mut response = pass_through(answer);
                response
                    .headers_mut()
                    .insert("idempotent-replayed", HeaderValue::from_static("true"));
                return Ok(response);
            }
            Begin::Run(claim) => claim,
        };
        if let Some((form, cap)) = cap {
            let since_epoch = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .unwrap_or_default();
            let day = since_epoch.as_secs() / 86_400;
            let counted = self
                .store
                .count(
                    &format!("cap:{form}:{day}"),
                    Duration::from_secs(2 * 86_400),
                )
                .await;
            if counted.map_or(true, |count| count > cap) {
                claim.release(&self.store).await;
                let midnight = Duration::from_secs((day + 1) * 86_400);
                return Err(Refusal::too_many(
                    "this form's daily limit is reached",
                    midnight.saturating_sub(since_epoch),
                ));
            }
        }
        if claim.lookup_first() {
            note.detail = "looked up first".into();
        }
        // In its own task: the create finishes and its outcome is stored even when the
        // browser has gone and this handler is dropped.
        let (store, upstream) = (Arc::clone(&self.store), self.upstream.clone());
        let sent = tokio::spawn(async move {
            idempotency::create_once(&store, &upstream, claim, request).await
        })
        .await
        .map_err(|_| Refusal::new(StatusCode::INTERNAL_SERVER_ERROR, "the create task failed"))??;
        if let Ok(event) = interpret_created_event(sent.status, &sent.body) {
            note.what.insert("event".into(), json!(event.id));
        }
        Ok(pass_through(sent))
    }
}

/// Every request below `/jtel`: CORS first, then the checks; an audit line per write.
async fn handle(
    State(gateway): State<Arc<Gateway>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    request: Request,
) -> Response {
    let caller = cors::caller(request.headers(), &gateway.config.cors.origins);
    let write = matches!(*request.method(), Method::POST | Method::PATCH);
    let mut note = Note::default();
    let mut response = match (&caller, request.method()) {
        (Caller::Refused, _) => {
            Refusal::forbidden("this origin may not call the gateway").into_response()
        }
        (_, &Method::OPTIONS) => cors::preflight(&caller, request.headers()),
        _ => gateway
            .serve(peer, request, &mut note)
            .await
            .unwrap_or_else(IntoResponse::into_response),
    };
    if write {
        if note.who.is_empty() {
            note.who = format!("address:{peer}");
        }
        let outcome = format!("{} {}", response.status().as_u16(), note.detail)
            .trim()
            .to_owned();
        audit::write(&note.who, Value::Object(note.what), &outcome);
    }
    cors::decorate(&caller, &mut response);
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// jtel's answer as the browser gets it: status, `Content-Type` and body, nothing else.
fn pass_through(answer: Answer) -> Response {
    let status = StatusCode::from_u16(answer.status).unwrap_or(StatusCode::BAD_GATEWAY);
    let mut response = (status, answer.body).into_response();
    response.headers_mut().remove(header::CONTENT_TYPE);
    if let Some(value) = answer
        .content_type
        .and_then(|ct| HeaderValue::from_str(&ct).ok())
    {
        response.headers_mut().insert(header::CONTENT_TYPE, value);
    }
    response
}

fn lost(no_answer: NoAnswer) -> Refusal {
    match no_answer {
        NoAnswer::Timeout => {
            Refusal::new(StatusCode::GATEWAY_TIMEOUT, "jtel did not answer in time")
        }
        NoAnswer::Network => Refusal::new(StatusCode::BAD_GATEWAY, "jtel did not answer"),
    }
}
