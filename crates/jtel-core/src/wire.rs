//! The jtel wire format without serde: the [`crate::model`] types read from and written to
//! [`crate::json`].
//!
//! The browser build uses this codec; the emulator keeps the serde derives in `model`. Both
//! follow the same rules (exact field names, unknown fields ignored, missing or `null`
//! optional fields `None`, a wrong type refused, an unreadable timestamp `None`), and
//! `tests/wire.rs` proves they agree on the documented examples and on generated records.

use crate::json::{Json, ObjectWriter};
use crate::model::{
    AcdEvent, AcdEventType, AcdGroup, CockpitVariable, CreateAcdEvent, ServiceNumber, User,
};
use crate::timestamp::Timestamp;
use std::str::FromStr;

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

    fn number<T: FromStr>(&self, name: &str) -> Result<Option<T>, String> {
        match self.get(name) {
            None => Ok(None),
            Some(Json::Number(literal)) => literal
                .parse()
                .map(Some)
                .map_err(|_| format!("`{name}` is not an integer in range")),
            Some(_) => Err(format!("`{name}` is not a number")),
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

    fn flag(&self, name: &str) -> Result<Option<bool>, String> {
        match self.get(name) {
            None => Ok(None),
            Some(Json::Bool(flag)) => Ok(Some(*flag)),
            Some(_) => Err(format!("`{name}` is not true or false")),
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

/// The `records` of a list or get-by-id envelope (missing or `null`: none).
pub fn records<T: FromJson>(envelope: &Json) -> Result<Vec<T>, String> {
    match Record::of(envelope)?.get("records") {
        None => Ok(Vec::new()),
        Some(Json::Array(items)) => items.iter().map(T::from_json).collect(),
        Some(_) => Err("`records` is not a list".to_owned()),
    }
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
