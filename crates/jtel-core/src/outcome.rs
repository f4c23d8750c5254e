//! HTTP status + body → a typed outcome the forms can act on.
//!
//! jtel puts the outcome in the status code (404 with an empty body: no such route; 404 with
//! JSON: no such object) except for setValue, which answers HTTP 200 and says in `result`
//! whether anything changed. Error texts of 400 answers are kept, and where they follow the
//! emulator's `Field: message; Field: message` form they are split back per field.

use crate::json::{self, Json};
use crate::model::AcdEvent;
use crate::validation::{Field, FieldError};
use crate::wire::{self, FromJson, Records};

/// Why a request did not give the answer asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// 400: the server refused the input; `problems` holds its text, per field where known.
    Invalid {
        /// The server's text split into its parts.
        problems: Vec<FieldMessage>,
    },
    /// 401: the credentials were refused (wrong or expired token, wrong ClientsID, signed out).
    Unauthorized,
    /// 429: too many requests (a gateway's rate limit or a public form's daily cap); nothing
    /// was done.
    TooManyRequests {
        /// The answer's `Retry-After`, in seconds, when it gave one.
        retry_after_seconds: Option<u32>,
    },
    /// 404 with an empty body: the route does not exist (wrong base URL or API version).
    RouteMissing,
    /// 404 with a JSON body: the route exists but the object does not.
    NotFound {
        /// The server's reason.
        message: String,
    },
    /// 409: the object exists already, or another precondition failed.
    Conflict {
        /// The server's reason.
        message: String,
    },
    /// 5xx: a fault on the server.
    Server {
        /// The HTTP status.
        status: u16,
        /// The server's reason, if it sent one.
        message: Option<String>,
    },
    /// Any other status that is not a success.
    UnexpectedStatus {
        /// The HTTP status.
        status: u16,
        /// The server's reason, if it sent one.
        message: Option<String>,
    },
    /// A success status whose body is not what the route returns.
    Undecodable {
        /// What was wrong with the body.
        detail: String,
    },
    /// No answer at all: the network, the gateway or the server could not be reached, or the
    /// connection broke before the answer arrived.
    Network {
        /// The browser's or client's description.
        detail: String,
    },
    /// No answer within the time the widget waits.
    Timeout {
        /// How long it waited, in seconds.
        seconds: u32,
    },
    /// The browser is offline; nothing was sent.
    Offline,
}

impl ApiError {
    /// The server's reason that follows the summary of a `not-found`, `conflict`,
    /// `server-error` or `unexpected-status` failure (empty when it gave none); `None` for the
    /// other failures, whose text stands alone.
    pub fn reason(&self) -> Option<&str> {
        match self {
            Self::NotFound { message } | Self::Conflict { message } => Some(message),
            Self::Server { message, .. } | Self::UnexpectedStatus { message, .. } => {
                Some(message.as_deref().unwrap_or(""))
            }
            _ => None,
        }
    }

    /// A stable identifier for host pages and logs (`network`, `unauthorized`, …).
    pub fn code(&self) -> &'static str {
        match self {
            Self::Invalid { .. } => "invalid",
            Self::Unauthorized => "unauthorized",
            Self::TooManyRequests { .. } => "too-many-requests",
            Self::RouteMissing => "route-missing",
            Self::NotFound { .. } => "not-found",
            Self::Conflict { .. } => "conflict",
            Self::Server { .. } => "server-error",
            Self::UnexpectedStatus { .. } => "unexpected-status",
            Self::Undecodable { .. } => "undecodable",
            Self::Network { .. } => "network",
            Self::Timeout { .. } => "timeout",
            Self::Offline => "offline",
        }
    }

    /// This error with an answer's `Retry-After` header (`value`, when there was one) added
    /// to a 429; other errors are unchanged. Only the delay in seconds is understood: an
    /// HTTP date is left out rather than read wrongly.
    pub fn with_retry_after(self, value: Option<&str>) -> Self {
        match self {
            Self::TooManyRequests { .. } => Self::TooManyRequests {
                retry_after_seconds: value.and_then(|value| value.trim().parse().ok()),
            },
            other => other,
        }
    }

    /// Whether the request may have been carried out although the answer does not say so: a
    /// dropped connection or a timeout, a 5xx (a gateway answers 502/504 when the jtel
    /// server closed the connection after storing), or a success status with an unreadable
    /// body. A retry must then first look for what was created.
    pub fn is_ambiguous(&self) -> bool {
        matches!(
            self,
            Self::Network { .. }
                | Self::Timeout { .. }
                | Self::Server { .. }
                | Self::Undecodable { .. }
        )
    }
}

/// One part of a server's error text, attached to a field where the text names one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldMessage {
    /// The field the text is about, if it names one.
    pub field: Option<Field>,
    /// The text itself.
    pub text: String,
}

/// The server's text for a list of problems: `Field: message; Field: message`, with the
/// messages given by `describe` (the emulator passes the English messages).
pub fn invalid_text(errors: &[FieldError], describe: impl Fn(&FieldError) -> String) -> String {
    errors
        .iter()
        .map(|error| format!("{}: {}", error.field.json_name(), describe(error)))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Splits a server's error text back into parts (the inverse of [`invalid_text`]); text that
/// names no known field is kept whole with `field: None`.
pub fn split_invalid_text(text: &str) -> Vec<FieldMessage> {
    let parts: Vec<FieldMessage> = text
        .split("; ")
        .filter_map(|part| {
            let (name, message) = part.split_once(": ")?;
            Some(FieldMessage {
                field: Some(Field::from_json_name(name)?),
                text: message.to_owned(),
            })
        })
        .collect();
    if parts.is_empty() || parts.len() != text.split("; ").count() {
        vec![FieldMessage {
            field: None,
            text: text.to_owned(),
        }]
    } else {
        parts
    }
}

/// The records of a list or get-by-id answer; rows that cannot be read are skipped and listed.
pub fn interpret_records<T: FromJson>(status: u16, body: &str) -> Result<Records<T>, ApiError> {
    wire::records(&success_json(status, body)?).map_err(undecodable)
}

/// The one record of a get-by-id or create answer (the first of its `records`); `missing`
/// is the error when there is none. A record that cannot be read is undecodable.
pub fn interpret_single<T: FromJson>(
    status: u16,
    body: &str,
    missing: impl FnOnce() -> ApiError,
) -> Result<T, ApiError> {
    let records = interpret_records::<T>(status, body)?;
    if let Some(row) = records.unreadable.into_iter().find(|row| row.index == 0) {
        return Err(undecodable(row.reason));
    }
    records.read.into_iter().next().ok_or_else(missing)
}

/// The event a create call made (the first of its `records`).
pub fn interpret_created_event(status: u16, body: &str) -> Result<AcdEvent, ApiError> {
    interpret_single(status, body, || ApiError::Undecodable {
        detail: "the answer holds no created event".to_owned(),
    })
}

/// How a setValue request carries its value. jtel's parameter table writes `value | URL |
/// Integer`, which its other pages use for path segments, so [`SetValueForm::Path`] is the
/// default; the query form remains possible (jtel-rest-api.md §0, §5.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SetValueForm {
    /// `PATCH …/cockpitVariable/{id}/setValue/{value}`.
    #[default]
    Path,
    /// `PATCH …/cockpitVariable/{id}/setValue?value={value}`.
    Query,
}

impl SetValueForm {
    /// The form a setting names (`path` or `query`, any case); `None` for anything else.
    pub fn from_setting(text: &str) -> Option<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "path" => Some(Self::Path),
            "query" => Some(Self::Query),
            _ => None,
        }
    }

    /// The setting's name of this form.
    pub fn name(self) -> &'static str {
        match self {
            Self::Path => "path",
            Self::Query => "query",
        }
    }

    /// The other form: the one to try once when this one meets "no such route".
    pub fn other(self) -> Self {
        match self {
            Self::Path => Self::Query,
            Self::Query => Self::Path,
        }
    }

    /// The route below the base URL, and the query parameter to add (the query form's
    /// `value`).
    pub fn route(self, id: i64, value: i64) -> (String, Option<(&'static str, String)>) {
        let set_value = format!("cockpitVariables/cockpitVariable/{id}/setValue");
        match self {
            Self::Path => (format!("{set_value}/{value}"), None),
            Self::Query => (set_value, Some(("value", value.to_string()))),
        }
    }

    /// Whether an answer to a request in this form says the server knows no such route (jtel's
    /// 404 with an empty body), so that the other form should be tried.
    pub fn is_unknown_route(answer: &Result<SetValueOutcome, ApiError>) -> bool {
        matches!(answer, Err(ApiError::RouteMissing))
    }
}

/// What a setValue call did. All five results arrive with HTTP 200.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetValueResult {
    /// 0: the value was set.
    Set,
    /// 1: the variable is not writable.
    NotWritable,
    /// 2: the variable does not exist or is not visible for the cockpit.
    NotFoundOrNotVisible,
    /// 3: nothing changed, the variable already has this value.
    Unchanged,
    /// 4: nothing changed, the value is outside the variable's min/max.
    OutOfRange,
    /// Any other result code.
    Unknown(i64),
}

impl SetValueResult {
    /// The result for a jtel `result` code.
    pub fn from_code(code: i64) -> Self {
        match code {
            0 => Self::Set,
            1 => Self::NotWritable,
            2 => Self::NotFoundOrNotVisible,
            3 => Self::Unchanged,
            4 => Self::OutOfRange,
            other => Self::Unknown(other),
        }
    }

    /// Whether the user's wish was met: the value is set now (0) or already was (3). Every
    /// other result is a problem to point out.
    pub fn is_fulfilled(self) -> bool {
        matches!(self, Self::Set | Self::Unchanged)
    }

    /// The jtel `result` code.
    pub fn code(self) -> i64 {
        match self {
            Self::Set => 0,
            Self::NotWritable => 1,
            Self::NotFoundOrNotVisible => 2,
            Self::Unchanged => 3,
            Self::OutOfRange => 4,
            Self::Unknown(code) => code,
        }
    }
}

/// A setValue answer: the result and the server's text for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetValueOutcome {
    /// What happened.
    pub result: SetValueResult,
    /// The server's `error` text, if any.
    pub server_text: Option<String>,
}

impl SetValueOutcome {
    /// The outcome as the user should read it when this answer came to a retry after an
    /// ambiguous failure: "unchanged" then means the first attempt did set the value.
    pub fn after_retry(self, retried_after_ambiguous_failure: bool) -> Self {
        match self.result {
            SetValueResult::Unchanged if retried_after_ambiguous_failure => Self {
                result: SetValueResult::Set,
                server_text: None,
            },
            _ => self,
        }
    }
}

/// Interprets a setValue answer: the HTTP status first, then `result`.
pub fn interpret_set_value(status: u16, body: &str) -> Result<SetValueOutcome, ApiError> {
    let (result, server_text) =
        wire::set_value_answer(&success_json(status, body)?).map_err(undecodable)?;
    let code = result.ok_or_else(|| undecodable("the answer has no result".to_owned()))?;
    Ok(SetValueOutcome {
        result: SetValueResult::from_code(code),
        server_text: server_text.filter(|text| !text.is_empty()),
    })
}

fn undecodable(detail: String) -> ApiError {
    ApiError::Undecodable { detail }
}

/// The parsed body of a 2xx answer, otherwise the error that status and body stand for.
fn success_json(status: u16, body: &str) -> Result<Json, ApiError> {
    if (200..300).contains(&status) {
        return json::parse(body).map_err(|error| undecodable(error.to_string()));
    }
    // `Some` when the body is a JSON error object, even one without a text.
    let error_body = json::parse(body)
        .ok()
        .and_then(|body| wire::error_text(&body).ok());
    let is_error_object = error_body.is_some();
    let message = error_body.flatten().filter(|text| !text.trim().is_empty());
    Err(match status {
        400 => ApiError::Invalid {
            problems: message
                .as_deref()
                .map(split_invalid_text)
                .unwrap_or_default(),
        },
        401 => ApiError::Unauthorized,
        // `Retry-After` is a header: the client that reads the answer adds it
        // ([`ApiError::with_retry_after`]).
        429 => ApiError::TooManyRequests {
            retry_after_seconds: None,
        },
        // Only a JSON body means "the route exists, the object does not"; an empty (or HTML)
        // body comes from a server or gateway that does not know the route at all.
        404 if !is_error_object => ApiError::RouteMissing,
        404 => ApiError::NotFound {
            message: message.unwrap_or_default(),
        },
        409 => ApiError::Conflict {
            message: message.unwrap_or_default(),
        },
        500..=599 => ApiError::Server { status, message },
        _ => ApiError::UnexpectedStatus { status, message },
    })
}
