//! The jtel REST types with their exact field names, each declared once ([`crate::record`]): the
//! emulator reads and writes them with serde, the browser build with [`crate::wire`]; both codecs
//! are written from the same declaration and follow the same rules.
//!
//! Reading is tolerant: unknown fields are ignored, missing or `null` optional fields are
//! `None`, flags and whole numbers are read in every form [`crate::tolerant`] lists, and an
//! unreadable timestamp becomes `None` instead of failing the whole record. Names marked
//! "assumed" are not in the stored jtel docs; they follow jtel's naming conventions (`b` for
//! booleans, `dt` for timestamps, `…ID` for keys) and are what the emulator serves.

use crate::timestamp::Timestamp;
use crate::tolerant;
use serde::{Deserialize, Serialize};

jtel_request! {
    /// Body of `POST {baseURL}/acd/events/create`.
    ///
    /// `UsersID` is always written (`null` = the group queue, as in the jtel examples); the other
    /// optional fields are left out when `None`. Missing required fields read as `0` / `""`, which
    /// validation then reports as missing.
    pub struct CreateAcdEvent;

    /// A field of the forms, named as in the REST API: the create request's fields (each
    /// declared once here, with its jtel name and type), then the form fields not sent as such.
    pub enum Field {
        /// Which event type to create (see [`crate::EventKind`]).
        #[json = "AcdEventTypesID"]
        AcdEventTypesId => acd_event_types_id: i64,
        /// The ACD group that distributes the event.
        #[json = "AcdGroupsID"]
        AcdGroupsId => acd_groups_id: i64,
        /// One agent to receive the event; `None` puts it into the group queue.
        #[json = "UsersID"]
        UsersId => users_id: Option<i64>,
        /// Who sent it: an E.164 number for telephone kinds, an address for e-mail.
        #[json = "Sender"]
        Sender => sender: String,
        /// Who received it: for telephone kinds a configured service number.
        #[json = "Receiver", skip_serializing_if = "Option::is_none"]
        Receiver => receiver: Option<String>,
        /// Free-text subject.
        #[json = "Subject"]
        Subject => subject: String,
        /// Text appended to the event's body data; callbacks only.
        #[json = "Body", skip_serializing_if = "Option::is_none"]
        Body => body: Option<String>,
        /// A link stored with the event (absolute http/https).
        #[json = "CrmURL", skip_serializing_if = "Option::is_none"]
        CrmUrl => crm_url: Option<String>,
        /// Free user data; for tickets the ticket number in the foreign system.
        #[json = "UserData", skip_serializing_if = "Option::is_none"]
        UserData => user_data: Option<String>,
        ;
        /// `value` of a cockpit variable's setValue.
        #[json = "value"]
        Value,
        /// The preferred time of a callback: a form field, not sent to jtel as such (it is
        /// composed into `Subject` and `Body`).
        #[json = "PreferredTime"]
        PreferredTime,
    }
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

jtel_record! {
    /// One ACD event row (`acd/events`, `acd/events/event/{id}`, the create response).
    pub struct AcdEvent {
        /// Primary key (`AcdEventsID` in URLs).
        #[json = "ID"]
        pub id: Option<i64>,
        /// Event type id.
        #[json = "AcdEventTypesID"]
        pub acd_event_types_id: Option<i64>,
        /// ACD group id.
        #[json = "AcdGroupsID"]
        pub acd_groups_id: Option<i64>,
        /// Target agent, if any.
        #[json = "UsersID"]
        pub users_id: Option<i64>,
        /// Sender as stored.
        #[json = "Sender"]
        pub sender: Option<String>,
        /// Receiver as stored.
        #[json = "Receiver"]
        pub receiver: Option<String>,
        /// Subject as stored.
        #[json = "Subject"]
        pub subject: Option<String>,
        /// Body as stored.
        #[json = "Body"]
        pub body: Option<String>,
        /// CRM link as stored.
        #[json = "CrmURL"]
        pub crm_url: Option<String>,
        /// User data as stored.
        #[json = "UserData"]
        pub user_data: Option<String>,
        /// Status id (only `20` is documented).
        #[json = "AcdEventStatusID"]
        pub acd_event_status_id: Option<i64>,
        /// Chat connector id.
        #[json = "ChatConnectorsID"]
        pub chat_connectors_id: Option<i64>,
        /// Skill value 1.
        #[json = "SkillsValue1"]
        pub skills_value1: Option<i64>,
        /// Skill value 2.
        #[json = "SkillsValue2"]
        pub skills_value2: Option<i64>,
        /// When the event was created.
        #[json = "dtCreated"]
        pub dt_created: Option<Timestamp>,
        /// When the event last changed.
        #[json = "dtLastModified"]
        pub dt_last_modified: Option<Timestamp>,
    }
}

jtel_record! {
    /// One row of `acd/events/types`.
    pub struct AcdEventType {
        /// Type id, the `AcdEventTypesID`.
        #[json = "ID"]
        pub id: Option<i64>,
        /// i18n key such as `AcdEventTypes.Callback`.
        #[json = "ShortText"]
        pub short_text: Option<String>,
    }
}

jtel_record! {
    /// One row of `acd/groups`.
    pub struct AcdGroup {
        /// Group id, the `AcdGroupsID` (assumed name `ID`).
        #[json = "ID"]
        pub id: Option<i64>,
        /// Display name (the list's sort key).
        #[json = "Name"]
        pub name: Option<String>,
    }
}

jtel_record! {
    /// One row of `users` (an agent).
    pub struct User {
        /// User id, the `UsersID` (assumed name `ID`).
        #[json = "ID"]
        pub id: Option<i64>,
        /// Login name (the list's sort key).
        #[json = "UID"]
        pub uid: Option<String>,
        /// First name (assumed).
        #[json = "FirstName"]
        pub first_name: Option<String>,
        /// Last name (assumed).
        #[json = "LastName"]
        pub last_name: Option<String>,
    }
}

jtel_record! {
    /// One row of `serviceNumbers`.
    pub struct ServiceNumber {
        /// Service number id.
        #[json = "ID"]
        pub id: Option<i64>,
        /// The number itself (E.164), used as `Receiver`.
        #[json = "Name"]
        pub name: Option<String>,
        /// The service's display name.
        #[json = "Name2"]
        pub name2: Option<String>,
    }
}

jtel_record! {
    /// One row of `cockpitVariables`.
    pub struct CockpitVariable {
        /// Variable id, the `CockpitVariablesID`.
        #[json = "ID"]
        pub id: Option<i64>,
        /// Display name.
        #[json = "Name"]
        pub name: Option<String>,
        /// Description.
        #[json = "Description"]
        pub description: Option<String>,
        /// Current value (assumed name).
        #[json = "Value"]
        pub value: Option<i64>,
        /// Lower bound for number and percentage variables.
        #[json = "MinValue"]
        pub min_value: Option<i64>,
        /// Upper bound for number and percentage variables (assumed name).
        #[json = "MaxValue"]
        pub max_value: Option<i64>,
        /// Background colour at the minimum (CSS hex).
        #[json = "MinBGColor"]
        pub min_bg_color: Option<String>,
        /// Background colour at the maximum (assumed name).
        #[json = "MaxBGColor"]
        pub max_bg_color: Option<String>,
        /// 1 on/off, 2 number, 3 percentage (assumed name and ids).
        #[json = "CockpitVariableTypesID"]
        pub cockpit_variable_types_id: Option<i64>,
        /// Whether setValue may change it (assumed name).
        #[json = "bWritable"]
        pub writable: Option<bool>,
        /// Whether it is visible for the cockpit; invisible ones answer setValue with result 2
        /// (assumed name).
        #[json = "bVisibleInCockpit"]
        pub visible_in_cockpit: Option<bool>,
        /// Absolute counter.
        #[json = "CounterAbsolute"]
        pub counter_absolute: Option<i64>,
        /// Counter over 10 minutes.
        #[json = "Counter10Minutes"]
        pub counter_10_minutes: Option<i64>,
        /// Counter over 30 minutes.
        #[json = "Counter30Minutes"]
        pub counter_30_minutes: Option<i64>,
        /// Counter over the day.
        #[json = "CounterDay"]
        pub counter_day: Option<i64>,
        /// When the variable last changed.
        #[json = "dtLastModified"]
        pub dt_last_modified: Option<Timestamp>,
    }
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
    /// name or the description, ignoring case as `lower_case` lowers it (`str::to_lowercase`;
    /// the browser widgets pass the browser's own, so they need not carry Unicode's case
    /// tables). A blank filter finds every variable.
    pub fn matches_filter(&self, filter: &str, lower_case: impl Fn(&str) -> String) -> bool {
        let text = lower_case(
            &[self.name.as_deref(), self.description.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join("\n"),
        );
        lower_case(filter)
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

jtel_record! {
    /// The `{status, error}` body of a failed request.
    pub struct ErrorBody {
        /// The HTTP status, repeated.
        #[json = "status"]
        pub status: Option<u16>,
        /// Human-readable reason.
        #[json = "error"]
        pub error: Option<String>,
    }
}

jtel_record! {
    /// The body of a setValue answer (always HTTP 200; `result` says what happened).
    pub struct SetValueResponse {
        /// 0 set; 1 not writable; 2 missing or not visible; 3 same value; 4 outside min/max.
        #[json = "result"]
        pub result: Option<i64>,
        /// Reason text.
        #[json = "error"]
        pub error: Option<String>,
        /// The HTTP status, repeated.
        #[json = "status"]
        pub status: Option<u16>,
    }
}
