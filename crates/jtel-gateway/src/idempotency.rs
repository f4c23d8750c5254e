//! Exactly one event per intent: an `Idempotency-Key` names an intent, the store remembers
//! key → state, and every create goes through [`begin`] and [`create_once`].
//!
//! - The first request with a key claims it (`pending`) and sends the create; the outcome is
//!   stored (`done`) and every later request with that key gets it again, on any instance.
//! - A request that finds the key `pending` waits for the first to finish.
//! - When jtel's answer was lost (no answer, a timeout, a 5xx, an unreadable 200) the event
//!   may exist: the key becomes `ambiguous`, and the next request with it first looks the
//!   event up on the server (`GET acd/events`, matching the sent fields) and creates only
//!   when it is not there.
//! - A 4xx from jtel means nothing was created: the key is forgotten, so a retry tries again.
//! - The same key with a different request is refused (422).

use crate::answer::Refusal;
use crate::store::{Store, Unavailable};
use crate::upstream::{Answer, NoAnswer, Upstream};
use axum::http::StatusCode;
use jtel_core::model::{AcdEvent, CreateAcdEvent, ListEnvelope};
use jtel_core::outcome::{interpret_created_event, interpret_records};
use jtel_core::retry::find_sent_event;
use reqwest::Method;
use serde::{Deserialize, Serialize};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// An idempotency key as the browser sends it: 8 to 100 letters, digits, `-` and `_`.
pub fn valid_key(key: &str) -> bool {
    (8..=100).contains(&key.len())
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "lowercase")]
enum State {
    Pending { since_ms: u64 },
    Ambiguous,
    Done { status: u16, body: String },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Record {
    /// The request as forwarded (JSON), to tell a retry from another request.
    request: String,
    #[serde(flatten)]
    state: State,
}

impl Record {
    fn text(&self) -> String {
        serde_json::to_string(self).expect("a record is JSON")
    }
}

/// How long records live and how long to wait for another request with the same key.
#[derive(Debug, Clone, Copy)]
pub struct Timing {
    /// How long a finished create is remembered.
    pub remember: Duration,
    /// After this long a `pending` key counts as abandoned (its instance died): the next
    /// request takes over, looking the event up first.
    pub stale_after: Duration,
}

/// What a request with a key should do.
pub enum Begin {
    /// Send it: this request holds the key.
    Run(Claim),
    /// Answer what the first request got.
    Replay(Answer),
}

/// A key held by this request until [`create_once`] settles it.
pub struct Claim {
    key: String,
    held: String,
    request: String,
    lookup_first: bool,
    timing: Timing,
}

impl Claim {
    /// Whether the event may already exist (a lost answer before): look before creating.
    pub fn lookup_first(&self) -> bool {
        self.lookup_first
    }

    /// Gives the key up without a result (the request was refused before it was sent).
    pub async fn release(self, store: &Store) {
        let next = if self.lookup_first {
            Some(State::Ambiguous)
        } else {
            None
        };
        let _ = self.settle(store, next).await;
    }

    async fn settle(&self, store: &Store, state: Option<State>) -> Result<bool, Unavailable> {
        let text = state.map(|state| {
            Record {
                request: self.request.clone(),
                state,
            }
            .text()
        });
        store
            .compare_and_set(&self.key, &self.held, text.as_deref(), self.timing.remember)
            .await
    }
}

fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64)
}

/// Claims `key` for `request` (its JSON), waiting while another request holds it; refuses
/// with 422 when the key was used for another request, 409 when the other one is still
/// running after `wait`, 503 when the store does not answer.
pub async fn begin(
    store: &Store,
    key: String,
    request: String,
    timing: Timing,
    wait: Duration,
) -> Result<Begin, Refusal> {
    let unavailable = |_| {
        Refusal::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "the idempotency store does not answer; try again",
        )
    };
    let deadline = tokio::time::Instant::now() + wait;
    loop {
        let pending = Record {
            request: request.clone(),
            state: State::Pending { since_ms: now_ms() },
        };
        let held = pending.text();
        let claim = |lookup_first| Claim {
            key: key.clone(),
            held: held.clone(),
            request: request.clone(),
            lookup_first,
            timing,
        };
        let Some(existing) = store
            .insert_or_get(&key, &held, timing.remember)
            .await
            .map_err(unavailable)?
        else {
            return Ok(Begin::Run(claim(false)));
        };
        let record: Record = serde_json::from_str(&existing).map_err(|_| {
            Refusal::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "unreadable idempotency record",
            )
        })?;
        if record.request != request {
            return Err(Refusal::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "this Idempotency-Key was used for a different request",
            ));
        }
        let take_over = match record.state {
            State::Done { status, body } => {
                return Ok(Begin::Replay(Answer {
                    status,
                    content_type: Some("application/json".into()),
                    body,
                }))
            }
            State::Ambiguous => true,
            State::Pending { since_ms } => {
                now_ms().saturating_sub(since_ms) > timing.stale_after.as_millis() as u64
            }
        };
        if take_over {
            if store
                .compare_and_set(&key, &existing, Some(&held), timing.remember)
                .await
                .map_err(unavailable)?
            {
                return Ok(Begin::Run(claim(true)));
            }
            continue;
        }
        if tokio::time::Instant::now() >= deadline {
            return Err(Refusal::new(
                StatusCode::CONFLICT,
                "a request with this Idempotency-Key is still being sent; try again",
            ));
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Sends the create `request` under `claim` (looking the event up first when the claim
/// says so) and stores the outcome. Run it in its own task: it finishes even when the
/// browser has gone.
pub async fn create_once(
    store: &Store,
    upstream: &Upstream,
    claim: Claim,
    request: CreateAcdEvent,
) -> Result<Answer, Refusal> {
    if claim.lookup_first() {
        match look_up(upstream, &request).await {
            Ok(Some(found)) => {
                let _ = claim
                    .settle(
                        store,
                        Some(State::Done {
                            status: found.status,
                            body: found.body.clone(),
                        }),
                    )
                    .await;
                return Ok(found);
            }
            Ok(None) => {}
            Err(()) => {
                let _ = claim.settle(store, Some(State::Ambiguous)).await;
                return Err(Refusal::new(
                    StatusCode::BAD_GATEWAY,
                    "jtel could not be asked whether the event was created; try again",
                ));
            }
        }
    }
    let sent = upstream
        .send(
            Method::POST,
            "acd/events/create",
            Some(claim.request.clone()),
        )
        .await;
    let next = match &sent {
        Ok(answer)
            if (200..300).contains(&answer.status)
                && interpret_created_event(answer.status, &answer.body).is_ok() =>
        {
            Some(State::Done {
                status: answer.status,
                body: answer.body.clone(),
            })
        }
        Ok(answer) if (400..500).contains(&answer.status) => None,
        _ => Some(State::Ambiguous),
    };
    let _ = claim.settle(store, next).await;
    sent.map_err(|no_answer| match no_answer {
        NoAnswer::Timeout => Refusal::new(
            StatusCode::GATEWAY_TIMEOUT,
            "jtel did not answer in time; the event may exist: try again",
        ),
        NoAnswer::Network => Refusal::new(
            StatusCode::BAD_GATEWAY,
            "jtel's answer was lost; the event may exist: try again",
        ),
    })
}

/// The event `request` created, as a create answer, if jtel lists it; `Err` when the list
/// cannot be read.
async fn look_up(upstream: &Upstream, request: &CreateAcdEvent) -> Result<Option<Answer>, ()> {
    let answer = upstream
        .send(Method::GET, "acd/events", None)
        .await
        .map_err(|_| ())?;
    let events: Vec<AcdEvent> = interpret_records(answer.status, &answer.body)
        .map_err(|_| ())?
        .read;
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64);
    Ok(find_sent_event(&events, request, now).map(|event| Answer {
        status: 200,
        content_type: Some("application/json".into()),
        body: serde_json::to_string(&ListEnvelope::single(event.clone()))
            .expect("an event is JSON"),
    }))
}
