//! The jtel wire format without serde: the [`crate::model`] types read from and written to
//! [`crate::json`].
//!
//! The browser build uses this codec; the emulator keeps the serde derives in `model`. Both
//! follow the same rules (exact field names, unknown fields ignored, missing or `null`
//! optional fields `None`, flags and whole numbers read as [`crate::tolerant`] describes, any
//! other type refused, an unreadable timestamp `None`), and `tests/wire.rs` proves they agree
//! on the documented examples and on generated records. A list skips the rows it cannot read
//! and says which ([`Records`]), so one odd row never hides the others.

use crate::json::{Json, ObjectWriter};
use crate::model::{
    AcdEvent, AcdEventType, AcdGroup, CockpitVariable, CreateAcdEvent, ServiceNumber, User,
};
use crate::timestamp::Timestamp;
use crate::tolerant::{flag_of, whole_number, whole_number_text};

/// A type read from a JSON object.
pub trait FromJson: Sized {
    /// Reads `json`, or says which field was wrong.
    fn from_json(json: &Json) -> Result<Self, String>;
}

/// The members of a JSON object, read by field name.
struct Record<'a>(&'a [(String, Json)]);

impl<'a> Record<'a> {
    fn of(json: &'a Json) -> Result<Self, String> {
        match json {
            Json::Object(members) => Ok(Self(members)),
            _ => Err("expected a JSON object".to_owned()),
        }
    }

    /// The value of `name` (the last, if it repeats), `None` when missing or `null`.
    fn get(&self, name: &str) -> Option<&'a Json> {
        self.0
            .iter()
            .rfind(|(key, _)| key == name)
            .map(|(_, value)| value)
            .filter(|value| **value != Json::Null)
    }

    /// A whole number: an integer, a whole decimal or a numeric string (blank: `None`).
    fn number<T: TryFrom<i64>>(&self, name: &str) -> Result<Option<T>, String> {
        let number = match self.get(name) {
            None => None,
            Some(Json::Number(literal)) => Some(whole_number(literal).ok_or(())),
            Some(Json::String(text)) => match whole_number_text(text) {
                Some(number) => number.map(Ok),
                None => Some(Err(())),
            },
            Some(_) => return Err(format!("`{name}` is not a number")),
        };
        match number {
            None => Ok(None),
            Some(Err(())) => Err(format!("`{name}` is not a whole number")),
            Some(Ok(number)) => T::try_from(number)
                .map(Some)
                .map_err(|_| format!("`{name}` is out of range")),
        }
    }

    fn integer(&self, name: &str) -> Result<Option<i64>, String> {
        self.number(name)
    }

    fn text(&self, name: &str) -> Result<Option<String>, String> {
        match self.get(name) {
            None => Ok(None),
            Some(Json::String(text)) => Ok(Some(text.clone())),
            Some(_) => Err(format!("`{name}` is not a string")),
        }
    }

    /// A flag: `true`/`false`, or a whole number 0 or 1 in any form [`Self::number`] reads.
    fn flag(&self, name: &str) -> Result<Option<bool>, String> {
        match self.get(name) {
            Some(Json::Bool(flag)) => Ok(Some(*flag)),
            Some(Json::Number(_) | Json::String(_)) => match self.integer(name) {
                Ok(None) => Ok(None),
                Ok(Some(number)) if flag_of(number).is_some() => Ok(flag_of(number)),
                _ => Err(format!("`{name}` is not a flag (true, false, 0 or 1)")),
            },
            None => Ok(None),
            Some(_) => Err(format!("`{name}` is not a flag (true, false, 0 or 1)")),
        }
    }

    /// A timestamp; anything unreadable is `None` (one odd column never loses a record).
    fn timestamp(&self, name: &str) -> Option<Timestamp> {
        match self.get(name) {
            Some(Json::String(text)) => Timestamp::parse(text).ok(),
            _ => None,
        }
    }
}

/// The rows of a list answer: those read, and why the others could not be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Records<T> {
    /// The rows read, in the server's order.
    pub read: Vec<T>,
    /// The rows skipped, in the server's order.
    pub unreadable: Vec<UnreadableRow>,
}

impl<T> Default for Records<T> {
    fn default() -> Self {
        Self {
            read: Vec::new(),
            unreadable: Vec::new(),
        }
    }
}

/// A row of a list that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnreadableRow {
    /// Its position in `records`, from 0.
    pub index: usize,
    /// What was wrong with it (the first problem found).
    pub reason: String,
}

impl<T> Records<T> {
    /// How many rows the server sent.
    pub fn total(&self) -> usize {
        self.read.len() + self.unreadable.len()
    }

    /// One line for a log: how many rows were skipped and why the first was.
    pub fn summary(&self, list: &str) -> Option<String> {
        let first = self.unreadable.first()?;
        Some(format!(
            "{} of {} rows of {list} could not be read and are not shown (row {}: {})",
            self.unreadable.len(),
            self.total(),
            first.index + 1,
            first.reason
        ))
    }
}

/// The `records` of a list or get-by-id envelope (missing or `null`: none). A row that cannot
/// be read is skipped and listed in [`Records::unreadable`]; only an envelope that is not an
/// object or `records` that is not a list fails.
pub fn records<T: FromJson>(envelope: &Json) -> Result<Records<T>, String> {
    let mut records = Records::default();
    let items = match Record::of(envelope)?.get("records") {
        None => return Ok(records),
        Some(Json::Array(items)) => items,
        Some(_) => return Err("`records` is not a list".to_owned()),
    };
    for (index, item) in items.iter().enumerate() {
        match T::from_json(item) {
            Ok(row) => records.read.push(row),
            Err(reason) => records.unreadable.push(UnreadableRow { index, reason }),
        }
    }
    Ok(records)
}

/// The `error` text of an error body, if it is a JSON object (whatever else it holds).
pub fn error_text(body: &Json) -> Result<Option<String>, String> {
    let record = Record::of(body)?;
    record.number::<u16>("status")?;
    record.text("error")
}

/// The `result` code and `error` text of a setValue answer.
pub fn set_value_answer(body: &Json) -> Result<(Option<i64>, Option<String>), String> {
    let record = Record::of(body)?;
    record.number::<u16>("status")?;
    Ok((record.integer("result")?, record.text("error")?))
}

impl FromJson for AcdEvent {
    fn from_json(json: &Json) -> Result<Self, String> {
        let record = Record::of(json)?;
        Ok(Self {
            id: record.integer("ID")?,
            acd_event_types_id: record.integer("AcdEventTypesID")?,
            acd_groups_id: record.integer("AcdGroupsID")?,
            users_id: record.integer("UsersID")?,
            sender: record.text("Sender")?,
            receiver: record.text("Receiver")?,
            subject: record.text("Subject")?,
            body: record.text("Body")?,
            crm_url: record.text("CrmURL")?,
            user_data: record.text("UserData")?,
            acd_event_status_id: record.integer("AcdEventStatusID")?,
            chat_connectors_id: record.integer("ChatConnectorsID")?,
            skills_value1: record.integer("SkillsValue1")?,
            skills_value2: record.integer("SkillsValue2")?,
            dt_created: record.timestamp("dtCreated"),
            dt_last_modified: record.timestamp("dtLastModified"),
        })
    }
}

impl FromJson for AcdEventType {
    fn from_json(json: &Json) -> Result<Self, String> {
        let record = Record::of(json)?;
        Ok(Self {
            id: record.integer("ID")?,
            short_text: record.text("ShortText")?,
        })
    }
}

impl FromJson for AcdGroup {
    fn from_json(json: &Json) -> Result<Self, String> {
        let record = Record::of(json)?;
        Ok(Self {
            id: record.integer("ID")?,
            name: record.text("Name")?,
        })
    }
}

impl FromJson for User {
    fn from_json(json: &Json) -> Result<Self, String> {
        let record = Record::of(json)?;
        Ok(Self {
            id: record.integer("ID")?,
            uid: record.text("UID")?,
            first_name: record.text("FirstName")?,
            last_name: record.text("LastName")?,
        })
    }
}

impl FromJson for ServiceNumber {
    fn from_json(json: &Json) -> Result<Self, String> {
        let record = Record::of(json)?;
        Ok(Self {
            id: record.integer("ID")?,
            name: record.text("Name")?,
            name2: record.text("Name2")?,
        })
    }
}

impl FromJson for CockpitVariable {
    fn from_json(json: &Json) -> Result<Self, String> {
        let record = Record::of(json)?;
        Ok(Self {
            id: record.integer("ID")?,
            name: record.text("Name")?,
            description: record.text("Description")?,
            value: record.integer("Value")?,
            min_value: record.integer("MinValue")?,
            max_value: record.integer("MaxValue")?,
            min_bg_color: record.text("MinBGColor")?,
            max_bg_color: record.text("MaxBGColor")?,
            cockpit_variable_types_id: record.integer("CockpitVariableTypesID")?,
            writable: record.flag("bWritable")?,
            visible_in_cockpit: record.flag("bVisibleInCockpit")?,
            counter_absolute: record.integer("CounterAbsolute")?,
            counter_10_minutes: record.integer("Counter10Minutes")?,
            counter_30_minutes: record.integer("Counter30Minutes")?,
            counter_day: record.integer("CounterDay")?,
            dt_last_modified: record.timestamp("dtLastModified"),
        })
    }
}

impl CreateAcdEvent {
    /// The request body: `UsersID` always written (`null` = the group queue), the other
    /// optional fields left out when `None`, in the order of the jtel examples.
    pub fn to_json(&self) -> String {
        let mut object = ObjectWriter::new();
        object
            .integer("AcdEventTypesID", Some(self.acd_event_types_id))
            .integer("AcdGroupsID", Some(self.acd_groups_id))
            .integer("UsersID", self.users_id)
            .text("Sender", &self.sender);
        if let Some(receiver) = &self.receiver {
            object.text("Receiver", receiver);
        }
        object.text("Subject", &self.subject);
        for (name, value) in [
            ("Body", &self.body),
            ("CrmURL", &self.crm_url),
            ("UserData", &self.user_data),
        ] {
            if let Some(value) = value {
                object.text(name, value);
            }
        }
        object.finish()
    }
}

impl AcdEvent {
    /// The event as a JSON object with every field (`null` where unknown), as jtel lists it.
    pub fn to_json(&self) -> String {
        let timestamp = |value: &Option<Timestamp>| value.as_ref().map(Timestamp::to_string);
        let mut object = ObjectWriter::new();
        object
            .integer("ID", self.id)
            .integer("AcdEventTypesID", self.acd_event_types_id)
            .integer("AcdGroupsID", self.acd_groups_id)
            .integer("UsersID", self.users_id)
            .optional_text("Sender", self.sender.as_deref())
            .optional_text("Receiver", self.receiver.as_deref())
            .optional_text("Subject", self.subject.as_deref())
            .optional_text("Body", self.body.as_deref())
            .optional_text("CrmURL", self.crm_url.as_deref())
            .optional_text("UserData", self.user_data.as_deref())
            .integer("AcdEventStatusID", self.acd_event_status_id)
            .integer("ChatConnectorsID", self.chat_connectors_id)
            .integer("SkillsValue1", self.skills_value1)
            .integer("SkillsValue2", self.skills_value2)
            .optional_text("dtCreated", timestamp(&self.dt_created).as_deref())
            .optional_text(
                "dtLastModified",
                timestamp(&self.dt_last_modified).as_deref(),
            );
        object.finish()
    }
}
