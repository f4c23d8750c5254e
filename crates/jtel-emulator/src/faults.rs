//! Fault injection for tests: what a page shows when the jtel server or the network misbehaves.
//!
//! A test arms faults through the control route `/_emulator/faults` (see
//! [`control`](crate::control)); [`inject`], a middleware on the jtel routes only,
//! hands each jtel request the first armed fault whose [`RouteMatch`] fits it, and each
//! request so faulted uses up one of that fault's `times`. With nothing armed the jtel routes
//! answer as always; control routes are never faulted.
//!
//! A fault either answers instead of the handler (`status`, `malformed`, `html`, `drop_before`,
//! `hang`: nothing is stored) or around it (`latency`, `drop_after`: the request is performed).
//! "No answer" is a response whose body fails at once: hyper then closes the connection before
//! it has written a byte, so the client sees a connection error, not a status.

use crate::failure::Failure;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::header::CONTENT_TYPE;
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use http_body::Frame;
use serde::{Deserialize, Serialize};
use std::collections::VecDeque;
use std::io;
use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::sync::watch;

/// The body of a `malformed` answer: JSON cut off in the middle of the first record.
const TRUNCATED_JSON: &str =
    r#"{"filter":"","limitStart":0,"limitPageSize":-1,"records":[{"ID":10"#;

/// The body of an `html` answer: what a proxy or a login portal in front of jtel might send.
const HTML_PAGE: &str = "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>\
<body><h1>Bad Gateway</h1><p>The server is temporarily unable to service your request.</p>\
</body></html>\n";

/// Which jtel requests an armed fault applies to (JSON: `"create"`, `"setValue"`, `"list"`,
/// `"any"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum RouteMatch {
    /// `POST …/acd/events/create`.
    Create,
    /// `PATCH …/cockpitVariables/cockpitVariable/{id}/setValue`.
    SetValue,
    /// Every `GET` (the list and get-by-id routes).
    List,
    /// Every jtel route.
    Any,
}

impl RouteMatch {
    /// Whether a jtel request with this method is one of these. The jtel routes have one
    /// `POST` (create), one `PATCH` (setValue) and otherwise `GET`s.
    fn matches(self, method: &Method) -> bool {
        match self {
            Self::Create => method == Method::POST,
            Self::SetValue => method == Method::PATCH,
            Self::List => method == Method::GET || method == Method::HEAD,
            Self::Any => true,
        }
    }
}

/// What a faulted request gets, tagged by `kind` in JSON, e.g. `{"kind":"status","status":503}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Fault {
    /// Waits `ms` milliseconds, then performs the request and answers normally.
    Latency {
        /// The delay.
        ms: u64,
    },
    /// Answers `status` (400–599) without performing the request.
    Status {
        /// The HTTP status.
        status: u16,
        /// `"json"` (default): jtel's `{status, error}` body; `"empty"`: no body at all.
        #[serde(default)]
        body: StatusBody,
    },
    /// Answers 200 with JSON cut off in the middle, without performing the request.
    Malformed,
    /// Answers 200 with an HTML page (`Content-Type: text/html`), without performing the
    /// request.
    Html,
    /// Closes the connection without an answer and without performing the request.
    DropBefore,
    /// Performs the request (a create does create the event), then closes the connection
    /// without an answer.
    DropAfter,
    /// Keeps the connection open without an answer and without performing the request; after
    /// `ms` milliseconds (if given) or when the emulator stops, closes it without an answer.
    Hang {
        /// How long to hang; none: until the emulator stops.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        ms: Option<u64>,
    },
}

/// The body of a `status` fault.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StatusBody {
    /// jtel's `{status, error}` JSON body.
    #[default]
    Json,
    /// No body (for 404: what jtel answers for a route that does not exist).
    Empty,
}

impl Fault {
    /// The `kind` as in JSON, for the log.
    fn kind(&self) -> &'static str {
        match self {
            Self::Latency { .. } => "latency",
            Self::Status { .. } => "status",
            Self::Malformed => "malformed",
            Self::Html => "html",
            Self::DropBefore => "drop_before",
            Self::DropAfter => "drop_after",
            Self::Hang { .. } => "hang",
        }
    }
}

/// An armed fault: the body of `POST /_emulator/faults` and an entry of what `GET` lists
/// (there with the `times` still left).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArmedFault {
    /// Which requests it applies to.
    pub route: RouteMatch,
    /// What they get.
    pub fault: Fault,
    /// How many more requests it applies to (default 1).
    #[serde(default = "once")]
    pub times: u32,
}

/// The default `times`.
fn once() -> u32 {
    1
}

impl ArmedFault {
    /// `Err` with the reason when the fault can never apply or cannot be answered.
    pub(crate) fn check(&self) -> Result<(), String> {
        if self.times == 0 {
            return Err("times must be at least 1.".to_owned());
        }
        if let Fault::Status { status, .. } = self.fault {
            if !(400..=599).contains(&status) {
                return Err(format!(
                    "status must be an error status from 400 to 599, not {status}."
                ));
            }
        }
        Ok(())
    }
}

/// The armed faults, first armed first, and the signal that ends hanging requests.
#[derive(Debug)]
pub struct Faults {
    armed: Mutex<VecDeque<ArmedFault>>,
    stopped: watch::Sender<bool>,
}

impl Default for Faults {
    fn default() -> Self {
        Self {
            armed: Mutex::default(),
            stopped: watch::Sender::new(false),
        }
    }
}

impl Faults {
    /// The queue; a panic elsewhere while it was locked leaves it usable.
    fn queue(&self) -> std::sync::MutexGuard<'_, VecDeque<ArmedFault>> {
        self.armed.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// What is still armed, first armed first.
    pub(crate) fn armed(&self) -> Vec<ArmedFault> {
        self.queue().iter().cloned().collect()
    }

    /// Arms `armed` behind those already armed.
    pub(crate) fn arm(&self, armed: ArmedFault) {
        self.queue().push_back(armed);
    }

    /// Disarms everything.
    pub(crate) fn clear(&self) {
        self.queue().clear();
    }

    /// The fault for a jtel request with `method`, using up one of its `times`.
    fn take(&self, method: &Method) -> Option<Fault> {
        let mut queue = self.queue();
        let index = queue.iter().position(|armed| armed.route.matches(method))?;
        let armed = &mut queue[index];
        armed.times -= 1;
        let fault = armed.fault.clone();
        if armed.times == 0 {
            queue.remove(index);
        }
        Some(fault)
    }

    /// Ends every hanging request (closing its connection) and every later hang at once;
    /// called when a [`RunningEmulator`](crate::RunningEmulator) is dropped.
    pub fn stop(&self) {
        self.stopped.send_replace(true);
    }

    /// Resolves once [`Faults::stop`] was called.
    async fn stopped(&self) {
        let mut stopped = self.stopped.subscribe();
        // `Err` only if the sender is gone, and `self` owns it.
        let _ = stopped.wait_for(|stopped| *stopped).await;
    }
}

/// Marks a response as made by a fault, for the request log.
#[derive(Debug, Clone, Copy)]
pub struct InjectedFault {
    /// The fault's `kind`.
    pub kind: &'static str,
    /// The response is never sent: the connection is closed instead.
    pub closes_connection: bool,
}

/// Middleware for the jtel routes: performs the request, or lets the first armed fault that
/// matches it answer instead or around it.
pub async fn inject(State(faults): State<Arc<Faults>>, request: Request, next: Next) -> Response {
    let Some(fault) = faults.take(request.method()) else {
        return next.run(request).await;
    };
    let mut response = match &fault {
        Fault::Latency { ms } => {
            tokio::time::sleep(Duration::from_millis(*ms)).await;
            next.run(request).await
        }
        Fault::Status { status, body } => status_answer(*status, *body),
        Fault::Malformed => ([(CONTENT_TYPE, "application/json")], TRUNCATED_JSON).into_response(),
        Fault::Html => Html(HTML_PAGE).into_response(),
        Fault::DropBefore => no_answer(),
        Fault::DropAfter => {
            drop(next.run(request).await);
            no_answer()
        }
        Fault::Hang { ms } => {
            match ms {
                Some(ms) => {
                    tokio::select! {
                        () = tokio::time::sleep(Duration::from_millis(*ms)) => {}
                        () = faults.stopped() => {}
                    }
                }
                None => faults.stopped().await,
            }
            no_answer()
        }
    };
    let closes_connection = matches!(
        fault,
        Fault::DropBefore | Fault::DropAfter | Fault::Hang { .. }
    );
    response.extensions_mut().insert(InjectedFault {
        kind: fault.kind(),
        closes_connection,
    });
    response
}

/// The answer of a `status` fault.
fn status_answer(status: u16, body: StatusBody) -> Response {
    // `ArmedFault::check` let only 400–599 in.
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    match body {
        StatusBody::Json => Failure::injected(status).into_response(),
        StatusBody::Empty => status.into_response(),
    }
}

/// A response that is never sent: its body fails before hyper has written anything, so hyper
/// closes the connection without an answer.
fn no_answer() -> Response {
    Response::new(Body::new(FailingBody))
}

/// A body whose first frame is an error.
struct FailingBody;

impl http_body::Body for FailingBody {
    type Data = Bytes;
    type Error = io::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        _: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, io::Error>>> {
        Poll::Ready(Some(Err(io::Error::other(
            "fault injected: the connection is closed without an answer",
        ))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    fn parse(body: Value) -> Result<ArmedFault, String> {
        let armed: ArmedFault = serde_json::from_value(body).map_err(|error| error.to_string())?;
        armed.check().map(|()| armed)
    }

    #[test]
    fn the_json_shapes_round_trip() {
        let cases = [
            json!({"route": "create", "fault": {"kind": "latency", "ms": 200}, "times": 1}),
            json!({"route": "setValue", "fault": {"kind": "status", "status": 404, "body": "empty"}, "times": 2}),
            json!({"route": "list", "fault": {"kind": "status", "status": 503, "body": "json"}, "times": 1}),
            json!({"route": "any", "fault": {"kind": "malformed"}, "times": 1}),
            json!({"route": "any", "fault": {"kind": "html"}, "times": 1}),
            json!({"route": "any", "fault": {"kind": "drop_before"}, "times": 1}),
            json!({"route": "any", "fault": {"kind": "drop_after"}, "times": 1}),
            json!({"route": "any", "fault": {"kind": "hang"}, "times": 1}),
            json!({"route": "any", "fault": {"kind": "hang", "ms": 300}, "times": 1}),
        ];
        for case in cases {
            let armed = parse(case.clone()).unwrap();
            assert_eq!(serde_json::to_value(&armed).unwrap(), case);
        }
    }

    #[test]
    fn defaults_fill_times_and_the_status_body() {
        let armed = parse(json!({"route": "create", "fault": {"kind": "status", "status": 500}}));
        assert_eq!(
            armed,
            Ok(ArmedFault {
                route: RouteMatch::Create,
                fault: Fault::Status {
                    status: 500,
                    body: StatusBody::Json
                },
                times: 1,
            })
        );
    }

    #[test]
    fn bad_bodies_are_refused() {
        for body in [
            json!({"route": "create", "fault": {"kind": "html"}, "times": 0}),
            json!({"route": "create", "fault": {"kind": "status", "status": 200}}),
            json!({"route": "create", "fault": {"kind": "status", "status": 600}}),
            json!({"route": "create", "fault": {"kind": "status", "status": 404, "body": "xml"}}),
            json!({"route": "delete", "fault": {"kind": "html"}}),
            json!({"route": "create", "fault": {"kind": "explode"}}),
            json!({"route": "create", "fault": {"kind": "latency"}}),
            json!({"route": "create", "fault": {"kind": "latency", "ms": 5, "extra": 1}}),
            json!({"route": "create", "fault": {"kind": "html"}, "extra": 1}),
            json!({"fault": {"kind": "html"}}),
        ] {
            assert!(parse(body.clone()).is_err(), "{body}");
        }
    }

    #[test]
    fn requests_take_the_first_matching_fault_and_use_it_up() {
        let faults = Faults::default();
        for (route, kind, times) in [
            (RouteMatch::Create, Fault::Html, 2),
            (RouteMatch::Any, Fault::Malformed, 1),
        ] {
            faults.queue().push_back(ArmedFault {
                route,
                fault: kind,
                times,
            });
        }
        assert_eq!(faults.take(&Method::GET), Some(Fault::Malformed));
        assert_eq!(faults.take(&Method::GET), None);
        assert_eq!(faults.take(&Method::POST), Some(Fault::Html));
        assert_eq!(faults.armed()[0].times, 1);
        assert_eq!(faults.take(&Method::POST), Some(Fault::Html));
        assert_eq!(faults.take(&Method::POST), None);
        assert!(faults.armed().is_empty());
    }
}
