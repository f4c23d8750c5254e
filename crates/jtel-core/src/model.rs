//! The jtel REST types with their exact field names. The emulator reads and writes them with
//! serde (the derives here); the browser build with [`crate::wire`], which follows the same rules.
//!
//! Reading is tolerant: unknown fields are ignored, missing or `null` optional fields are
//! `None`, flags and whole numbers are read in every form [`crate::tolerant`] lists, and an
//! unreadable timestamp becomes `None` instead of failing the whole record. Names marked
//! "assumed" are not in the stored jtel docs; they follow jtel's naming conventions (`b` for
//! booleans, `dt` for timestamps, `…ID` for keys) and are what the emulator serves.

use crate::timestamp::{self, Timestamp};
use crate::tolerant;
use serde::{Deserialize, Serialize};

/// Body of `POST {baseURL}/acd/events/create`.
///
/// `UsersID` is always written (`null` = the group queue, as in the jtel examples); the other
/// optional fields are left out when `None`. Missing required fields read as `0` / `""`, which
/// validation then reports as missing.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CreateAcdEvent {
    /// Which event type to create (see [`crate::EventKind`]).
    #[serde(rename = "AcdEventTypesID")]
    pub acd_event_types_id: i64,
    /// The ACD group that distributes the event.
    #[serde(rename = "AcdGroupsID")]
    pub acd_groups_id: i64,
    /// One agent to receive the event; `None` puts it into the group queue.
    #[serde(rename = "UsersID")]
    pub users_id: Option<i64>,
    /// Who sent it: an E.164 number for telephone kinds, an address for e-mail.
    #[serde(rename = "Sender")]
    pub sender: String,
    /// Who received it: for telephone kinds a configured service number.
    #[serde(rename = "Receiver", skip_serializing_if = "Option::is_none")]
    pub receiver: Option<String>,
    /// Free-text subject.
    #[serde(rename = "Subject")]
    pub subject: String,
    /// Text appended to the event's body data; callbacks only.
    #[serde(rename = "Body", skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// A link stored with the event (absolute http/https).
    #[serde(rename = "CrmURL", skip_serializing_if = "Option::is_none")]
    pub crm_url: Option<String>,
    /// Free user data; for tickets the ticket number in the foreign system.
    #[serde(rename = "UserData", skip_serializing_if = "Option::is_none")]
    pub user_data: Option<String>,
}

impl CreateAcdEvent {
    /// Reads a create body as jtel receives it: a JSON object whose known fields each have
    /// the right JSON type (unknown fields are ignored here). The error text names the first
    /// field that is not; validation of the values is [`crate::validation`]'s job.
    pub fn from_json_object(
        fields: serde_json::Map<String, serde_json::Value>,
    ) -> Result<Self, String> {
        // Each field on its own first: serde's error does not say which field it is about.
        for (name, value) in &fields {
            let single = serde_json::Map::from_iter([(name.clone(), value.clone())]);
            if let Err(error) = serde_json::from_value::<Self>(serde_json::Value::Object(single)) {
                return Err(format!("{name}: {error}"));
            }
        }
        serde_json::from_value(serde_json::Value::Object(fields)).map_err(|error| error.to_string())
    }
}

/// One ACD event row (`acd/events`, `acd/events/event/{id}`, the create response).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AcdEvent {
    /// Primary key (`AcdEventsID` in URLs).
    #[serde(rename = "ID", deserialize_with = "tolerant::integer")]
    pub id: Option<i64>,
    /// Event type id.
    #[serde(rename = "AcdEventTypesID", deserialize_with = "tolerant::integer")]
    pub acd_event_types_id: Option<i64>,
    /// ACD group id.
    #[serde(rename = "AcdGroupsID", deserialize_with = "tolerant::integer")]
    pub acd_groups_id: Option<i64>,
    /// Target agent, if any.
    #[serde(rename = "UsersID", deserialize_with = "tolerant::integer")]
    pub users_id: Option<i64>,
    /// Sender as stored.
    #[serde(rename = "Sender")]
    pub sender: Option<String>,
    /// Receiver as stored.
    #[serde(rename = "Receiver")]
    pub receiver: Option<String>,
    /// Subject as stored.
    #[serde(rename = "Subject")]
    pub subject: Option<String>,
    /// Body as stored.
    #[serde(rename = "Body")]
    pub body: Option<String>,
    /// CRM link as stored.
    #[serde(rename = "CrmURL")]
    pub crm_url: Option<String>,
    /// User data as stored.
    #[serde(rename = "UserData")]
    pub user_data: Option<String>,
    /// Status id (only `20` is documented).
    #[serde(rename = "AcdEventStatusID", deserialize_with = "tolerant::integer")]
    pub acd_event_status_id: Option<i64>,
    /// Chat connector id.
    #[serde(rename = "ChatConnectorsID", deserialize_with = "tolerant::integer")]
    pub chat_connectors_id: Option<i64>,
    /// Skill value 1.
    #[serde(rename = "SkillsValue1", deserialize_with = "tolerant::integer")]
    pub skills_value1: Option<i64>,
    /// Skill value 2.
    #[serde(rename = "SkillsValue2", deserialize_with = "tolerant::integer")]
    pub skills_value2: Option<i64>,
    /// When the event was created.
    #[serde(rename = "dtCreated", deserialize_with = "timestamp::lenient")]
    pub dt_created: Option<Timestamp>,
    /// When the event last changed.
    #[serde(rename = "dtLastModified", deserialize_with = "timestamp::lenient")]
    pub dt_last_modified: Option<Timestamp>,
}

/// One row of `acd/events/types`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AcdEventType {
    /// Type id, the `AcdEventTypesID`.
    #[serde(rename = "ID", deserialize_with = "tolerant::integer")]
    pub id: Option<i64>,
    /// i18n key such as `AcdEventTypes.Callback`.
    #[serde(rename = "ShortText")]
    pub short_text: Option<String>,
}

/// One row of `acd/groups`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AcdGroup {
    /// Group id, the `AcdGroupsID` (assumed name `ID`).
    #[serde(rename = "ID", deserialize_with = "tolerant::integer")]
    pub id: Option<i64>,
    /// Display name (the list's sort key).
    #[serde(rename = "Name")]
    pub name: Option<String>,
}

/// One row of `users` (an agent).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct User {
    /// User id, the `UsersID` (assumed name `ID`).
    #[serde(rename = "ID", deserialize_with = "tolerant::integer")]
    pub id: Option<i64>,
    /// Login name (the list's sort key).
    #[serde(rename = "UID")]
    pub uid: Option<String>,
    /// First name (assumed).
    #[serde(rename = "FirstName")]
    pub first_name: Option<String>,
    /// Last name (assumed).
    #[serde(rename = "LastName")]
    pub last_name: Option<String>,
}

/// One row of `serviceNumbers`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ServiceNumber {
    /// Service number id.
    #[serde(rename = "ID", deserialize_with = "tolerant::integer")]
    pub id: Option<i64>,
    /// The number itself (E.164), used as `Receiver`.
    #[serde(rename = "Name")]
    pub name: Option<String>,
    /// The service's display name.
    #[serde(rename = "Name2")]
    pub name2: Option<String>,
}

/// One row of `cockpitVariables`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CockpitVariable {
    /// Variable id, the `CockpitVariablesID`.
    #[serde(rename = "ID", deserialize_with = "tolerant::integer")]
    pub id: Option<i64>,
    /// Display name.
    #[serde(rename = "Name")]
    pub name: Option<String>,
    /// Description.
    #[serde(rename = "Description")]
    pub description: Option<String>,
    /// Current value (assumed name).
    #[serde(rename = "Value", deserialize_with = "tolerant::integer")]
    pub value: Option<i64>,
    /// Lower bound for number and percentage variables.
    #[serde(rename = "MinValue", deserialize_with = "tolerant::integer")]
    pub min_value: Option<i64>,
    /// Upper bound for number and percentage variables (assumed name).
    #[serde(rename = "MaxValue", deserialize_with = "tolerant::integer")]
    pub max_value: Option<i64>,
    /// Background colour at the minimum (CSS hex).
    #[serde(rename = "MinBGColor")]
    pub min_bg_color: Option<String>,
    /// Background colour at the maximum (assumed name).
    #[serde(rename = "MaxBGColor")]
    pub max_bg_color: Option<String>,
    /// 1 on/off, 2 number, 3 percentage (assumed name and ids).
    #[serde(
        rename = "CockpitVariableTypesID",
        deserialize_with = "tolerant::integer"
    )]
    pub cockpit_variable_types_id: Option<i64>,
    /// Whether setValue may change it (assumed name).
    #[serde(rename = "bWritable", deserialize_with = "tolerant::flag")]
    pub writable: Option<bool>,
    /// Whether it is visible for the cockpit; invisible ones answer setValue with result 2
    /// (assumed name).
    #[serde(rename = "bVisibleInCockpit", deserialize_with = "tolerant::flag")]
    pub visible_in_cockpit: Option<bool>,
    /// Absolute counter.
    #[serde(rename = "CounterAbsolute", deserialize_with = "tolerant::integer")]
    pub counter_absolute: Option<i64>,
    /// Counter over 10 minutes.
    #[serde(rename = "Counter10Minutes", deserialize_with = "tolerant::integer")]
    pub counter_10_minutes: Option<i64>,
    /// Counter over 30 minutes.
    #[serde(rename = "Counter30Minutes", deserialize_with = "tolerant::integer")]
    pub counter_30_minutes: Option<i64>,
    /// Counter over the day.
    #[serde(rename = "CounterDay", deserialize_with = "tolerant::integer")]
    pub counter_day: Option<i64>,
    /// When the variable last changed.
    #[serde(rename = "dtLastModified", deserialize_with = "timestamp::lenient")]
    pub dt_last_modified: Option<Timestamp>,
}

/// The kind of a cockpit variable, from `CockpitVariableTypesID`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CockpitVariableKind {
    /// A switch: 0 off, 1 on.
    OnOff,
    /// A whole number between `MinValue` and `MaxValue`.
    Number,
    /// A percentage, 0–100 unless `MinValue` / `MaxValue` say otherwise.
    Percentage,
}

impl CockpitVariable {
    /// The kind of this variable; unknown or missing type ids count as plain numbers.
    pub fn kind(&self) -> CockpitVariableKind {
        match self.cockpit_variable_types_id {
            Some(1) => CockpitVariableKind::OnOff,
            Some(3) => CockpitVariableKind::Percentage,
            _ => CockpitVariableKind::Number,
        }
    }

    /// Whether a user's filter text finds this variable: every word of `filter` occurs in the
    /// name or the description, ignoring case. A blank filter finds every variable.
    pub fn matches_filter(&self, filter: &str) -> bool {
        let text = [self.name.as_deref(), self.description.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join("\n")
            .to_lowercase();
        filter
            .to_lowercase()
            .split_whitespace()
            .all(|word| text.contains(word))
    }

    /// The smallest and largest value setValue accepts, where known.
    pub fn bounds(&self) -> (Option<i64>, Option<i64>) {
        match self.kind() {
            CockpitVariableKind::OnOff => (Some(0), Some(1)),
            CockpitVariableKind::Percentage => (
                Some(self.min_value.unwrap_or(0)),
                Some(self.max_value.unwrap_or(100)),
            ),
            CockpitVariableKind::Number => (self.min_value, self.max_value),
        }
    }
}

/// The list envelope every collection GET returns (and get-by-id, with one record).
///
/// Paging fields are reserved by jtel: every list returns all rows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ListEnvelope<T> {
    /// Reserved; `""`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub filter: Option<String>,
    /// Reserved; `0`.
    #[serde(
        rename = "limitStart",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "tolerant::integer"
    )]
    pub limit_start: Option<i64>,
    /// Reserved; `-1` = all records.
    #[serde(
        rename = "limitPageSize",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "tolerant::integer"
    )]
    pub limit_page_size: Option<i64>,
    /// The rows.
    pub records: Vec<T>,
    /// Number of rows returned.
    #[serde(deserialize_with = "tolerant::integer")]
    pub count: Option<i64>,
    /// Sort field.
    #[serde(rename = "orderBy", skip_serializing_if = "Option::is_none")]
    pub order_by: Option<String>,
    /// Sort direction.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "tolerant::flag"
    )]
    pub ascending: Option<bool>,
    /// The HTTP status, repeated.
    #[serde(deserialize_with = "tolerant::integer")]
    pub status: Option<u16>,
}

impl<T> Default for ListEnvelope<T> {
    fn default() -> Self {
        Self {
            filter: None,
            limit_start: None,
            limit_page_size: None,
            records: Vec::new(),
            count: None,
            order_by: None,
            ascending: None,
            status: None,
        }
    }
}

impl<T> ListEnvelope<T> {
    /// A full list as the jtel server writes it: all rows, sorted by `order_by` ascending.
    pub fn all(records: Vec<T>, order_by: &str) -> Self {
        Self {
            filter: Some(String::new()),
            limit_start: Some(0),
            limit_page_size: Some(-1),
            count: Some(records.len() as i64),
            records,
            order_by: Some(order_by.to_owned()),
            ascending: Some(true),
            status: Some(200),
        }
    }

    /// A get-by-id answer as jtel documents it: `{records: [record], count: 1, status: 200}`.
    pub fn single(record: T) -> Self {
        Self {
            records: vec![record],
            count: Some(1),
            status: Some(200),
            ..Self::default()
        }
    }
}

/// The `{status, error}` body of a failed request.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ErrorBody {
    /// The HTTP status, repeated.
    #[serde(deserialize_with = "tolerant::integer")]
    pub status: Option<u16>,
    /// Human-readable reason.
    pub error: Option<String>,
}

/// The body of a setValue answer (always HTTP 200; `result` says what happened).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SetValueResponse {
    /// 0 set; 1 not writable; 2 missing or not visible; 3 same value; 4 outside min/max.
    #[serde(deserialize_with = "tolerant::integer")]
    pub result: Option<i64>,
    /// Reason text.
    pub error: Option<String>,
    /// The HTTP status, repeated.
    #[serde(deserialize_with = "tolerant::integer")]
    pub status: Option<u16>,
}
