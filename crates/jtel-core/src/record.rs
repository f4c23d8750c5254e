//! Each jtel record declared once. [`jtel_record!`] and [`jtel_request!`] (used in
//! [`crate::model`]) turn one declaration — field, type, jtel name — into the struct with its
//! serde derives (the emulator's and the gateway's codec), the browser's reader and writer over
//! [`crate::json`] ([`crate::wire::FromJson`], `to_json`) and the list of its jtel names, so a
//! name is written once and the two codecs cannot drift apart.
//!
//! How a field is read, written and deserialized follows from its type ([`ReadMember`],
//! [`WriteMember`]): the tolerant rules of [`crate::tolerant`] for numbers and flags, `None` for
//! an unreadable timestamp, strings as they are.

use crate::json::ObjectWriter;
use crate::timestamp::{self, Timestamp};
use crate::tolerant;
use crate::wire::Record;
use serde::{Deserialize, Deserializer};

/// A field type of a record the browser reads: how [`crate::wire`] and serde read it.
pub(crate) trait ReadMember: Sized {
    /// The field `name` of `record` (missing or `null`: `None`), or why it cannot be read.
    fn read(record: &Record<'_>, name: &str) -> Result<Self, String>;
    /// The same rule for serde.
    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error>;
}

/// A field type the browser writes: how `to_json` writes it.
pub(crate) trait WriteMember {
    /// Appends the member `name` to `object`.
    fn write(&self, object: &mut ObjectWriter, name: &str);
}

/// serde's `deserialize_with` for every record field: the field type's [`ReadMember`] rule.
pub(crate) fn tolerant<'de, D: Deserializer<'de>, T: ReadMember>(
    deserializer: D,
) -> Result<T, D::Error> {
    T::deserialize(deserializer)
}

/// Whole numbers of these types are read by the rules of [`tolerant::integer`].
macro_rules! whole_number_members {
    ($($number:ty),*) => {$(
        impl ReadMember for Option<$number> {
            fn read(record: &Record<'_>, name: &str) -> Result<Self, String> {
                record.number(name)
            }
            fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                tolerant::integer(deserializer)
            }
        }
    )*};
}

whole_number_members!(i64, u16);

impl ReadMember for Option<bool> {
    fn read(record: &Record<'_>, name: &str) -> Result<Self, String> {
        record.flag(name)
    }
    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        tolerant::flag(deserializer)
    }
}

impl ReadMember for Option<String> {
    fn read(record: &Record<'_>, name: &str) -> Result<Self, String> {
        record.text(name)
    }
    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        <Option<String> as Deserialize>::deserialize(deserializer)
    }
}

impl ReadMember for Option<Timestamp> {
    fn read(record: &Record<'_>, name: &str) -> Result<Self, String> {
        Ok(record.timestamp(name))
    }
    fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        timestamp::lenient(deserializer)
    }
}

impl WriteMember for i64 {
    fn write(&self, object: &mut ObjectWriter, name: &str) {
        object.integer(name, Some(*self));
    }
}

impl WriteMember for String {
    fn write(&self, object: &mut ObjectWriter, name: &str) {
        object.text(name, self);
    }
}

impl WriteMember for Option<i64> {
    fn write(&self, object: &mut ObjectWriter, name: &str) {
        object.integer(name, *self);
    }
}

impl WriteMember for Option<u16> {
    fn write(&self, object: &mut ObjectWriter, name: &str) {
        object.integer(name, self.map(i64::from));
    }
}

impl WriteMember for Option<bool> {
    fn write(&self, object: &mut ObjectWriter, name: &str) {
        let value = match self {
            Some(true) => "true",
            Some(false) => "false",
            None => "null",
        };
        object.raw(name, value);
    }
}

impl WriteMember for Option<String> {
    fn write(&self, object: &mut ObjectWriter, name: &str) {
        object.optional_text(name, self.as_deref());
    }
}

impl WriteMember for Option<Timestamp> {
    fn write(&self, object: &mut ObjectWriter, name: &str) {
        object.optional_text(name, self.as_ref().map(Timestamp::to_string).as_deref());
    }
}

/// Appends the text member `name` unless it is absent: a request field marked
/// `skip_serializing_if` (only text fields may be).
pub(crate) fn write_present(value: &Option<String>, object: &mut ObjectWriter, name: &str) {
    if let Some(text) = value {
        object.text(name, text);
    }
}

/// Declares a jtel record a list or get-by-id answer holds: one line per field with its jtel
/// name (`#[json = "CrmURL"] pub crm_url: Option<String>,`). Writes the struct (serde derives,
/// `#[serde(default)]`, read tolerantly), `FIELD_NAMES`, `to_json` (every field, `null` where
/// unknown, in declaration order) and [`crate::wire::FromJson`].
macro_rules! jtel_record {
    (
        $(#[doc = $doc:literal])*
        pub struct $name:ident {
            $(
                $(#[doc = $field_doc:literal])*
                #[json = $json:tt]
                pub $field:ident : $ty:ty,
            )*
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
        #[serde(default)]
        pub struct $name {
            $(
                $(#[doc = $field_doc])*
                #[serde(rename = $json, deserialize_with = "crate::record::tolerant")]
                pub $field: $ty,
            )*
        }

        impl $name {
            /// The jtel names of the fields, in declaration order.
            pub const FIELD_NAMES: &'static [&'static str] = &[$($json),*];

            /// The record as a JSON object with every field (`null` where unknown), as jtel
            /// lists it.
            pub fn to_json(&self) -> String {
                let mut object = crate::json::ObjectWriter::new();
                $(crate::record::WriteMember::write(&self.$field, &mut object, $json);)*
                object.finish()
            }
        }

        impl crate::wire::FromJson for $name {
            fn from_json(json: &crate::json::Json) -> Result<Self, String> {
                let record = crate::wire::Record::of(json)?;
                Ok(Self {
                    $($field: crate::record::ReadMember::read(&record, $json)?,)*
                })
            }
        }
    };
}

/// Declares the create request and the [`crate::Field`] enum of the forms together: one line
/// per request field with its variant, jtel name and type, then the form's fields that are not
/// sent as such. Writes the request struct (serde derives, strict), `FIELDS`, `to_json` (in
/// declaration order; a field marked `skip_serializing_if` is left out when absent, which
/// only `Option<String>` fields are) and the
/// enum with `ALL`, `index`, `json_name` and `from_json_name`.
macro_rules! jtel_request {
    (
        $(#[doc = $doc:literal])*
        pub struct $name:ident;
        $(#[doc = $enum_doc:literal])*
        pub enum $fields:ident {
            $(
                $(#[doc = $field_doc:literal])*
                #[json = $json:tt $(, skip_serializing_if = $skip:tt)?]
                $variant:ident => $field:ident : $ty:ty,
            )*
            ;
            $(
                $(#[doc = $other_doc:literal])*
                #[json = $other_json:tt]
                $other:ident,
            )*
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
        #[serde(default)]
        pub struct $name {
            $(
                $(#[doc = $field_doc])*
                #[serde(rename = $json $(, skip_serializing_if = $skip)?)]
                pub $field: $ty,
            )*
        }

        impl $name {
            /// The request's fields, in the order of the jtel examples.
            pub const FIELDS: &'static [$fields] = &[$($fields::$variant),*];

            /// The request body, in the order of the jtel examples.
            pub fn to_json(&self) -> String {
                let mut object = crate::json::ObjectWriter::new();
                $(jtel_request!(@write self.$field, object, $json $(, $skip)?);)*
                object.finish()
            }
        }

        $(#[doc = $enum_doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $fields {
            $($(#[doc = $field_doc])* $variant,)*
            $($(#[doc = $other_doc])* $other,)*
        }

        impl $fields {
            /// Every field, in form order.
            pub const ALL: [$fields; [$(stringify!($variant),)* $(stringify!($other),)*].len()] =
                [$(Self::$variant,)* $(Self::$other,)*];

            /// The keys of the fields' labels in the message tables (`label.Sender`), in form
            /// order.
            pub const LABEL_KEYS: [&'static str; Self::ALL.len()] =
                [$(concat!("label.", $json),)* $(concat!("label.", $other_json),)*];

            /// The field's position in [`Self::ALL`] (the form order).
            pub fn index(self) -> usize {
                self as usize
            }

            /// The exact jtel name, used as JSON key and as the input's `name` attribute.
            pub fn json_name(self) -> &'static str {
                match self {
                    $(Self::$variant => $json,)*
                    $(Self::$other => $other_json,)*
                }
            }

            /// The field with this jtel name.
            pub fn from_json_name(name: &str) -> Option<Self> {
                Self::ALL.into_iter().find(|field| field.json_name() == name)
            }
        }
    };
    (@write $value:expr, $object:ident, $json:tt) => {
        crate::record::WriteMember::write(&$value, &mut $object, $json)
    };
    (@write $value:expr, $object:ident, $json:tt, $skip:tt) => {
        crate::record::write_present(&$value, &mut $object, $json)
    };
}
