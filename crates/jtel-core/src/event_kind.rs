//! ACD event kinds (`AcdEventTypesID`) and what each kind asks of its fields.

/// The prefix of jtel's i18n keys for event types (`AcdEventTypes.Email`).
pub const SHORT_TEXT_PREFIX: &str = "AcdEventTypes.";

/// The kind of an ACD event, from its `AcdEventTypesID`.
///
/// Ids 1–5 are documented by jtel (`AcdEventTypes.VoiceMail` … `AcdEventTypes.Email`); 6 is
/// Ticket (Workflow) as in the jtel examples. Any other id is [`EventKind::Other`]: the type list
/// of a client account can be longer, so unknown ids are kept, not refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EventKind {
    /// 1: voice mail.
    VoiceMail,
    /// 2: fax.
    Fax,
    /// 3: callback request.
    Callback,
    /// 4: SMS.
    Sms,
    /// 5: e-mail.
    Email,
    /// 6: ticket (workflow); `UserData` holds the ticket number of the foreign system.
    Ticket,
    /// Any other type id.
    Other(i64),
}

impl EventKind {
    /// The kinds jtel documents, in id order.
    pub const KNOWN: [EventKind; 6] = [
        Self::VoiceMail,
        Self::Fax,
        Self::Callback,
        Self::Sms,
        Self::Email,
        Self::Ticket,
    ];

    /// The kind for an `AcdEventTypesID`.
    pub fn from_type_id(id: i64) -> Self {
        match id {
            1 => Self::VoiceMail,
            2 => Self::Fax,
            3 => Self::Callback,
            4 => Self::Sms,
            5 => Self::Email,
            6 => Self::Ticket,
            other => Self::Other(other),
        }
    }

    /// The kind an `AcdEventTypes` row's `ShortText` i18n key names (`AcdEventTypes.Callback`),
    /// for the keys jtel documents (and `AcdEventTypes.Ticket` for type 6); `None` otherwise.
    pub fn from_short_text(key: &str) -> Option<Self> {
        Some(match key.trim().strip_prefix(SHORT_TEXT_PREFIX)? {
            "VoiceMail" => Self::VoiceMail,
            "Fax" => Self::Fax,
            "Callback" => Self::Callback,
            "SMS" => Self::Sms,
            "Email" => Self::Email,
            "Ticket" => Self::Ticket,
            _ => return None,
        })
    }

    /// The `AcdEventTypesID` of this kind.
    pub fn type_id(self) -> i64 {
        match self {
            Self::VoiceMail => 1,
            Self::Fax => 2,
            Self::Callback => 3,
            Self::Sms => 4,
            Self::Email => 5,
            Self::Ticket => 6,
            Self::Other(id) => id,
        }
    }

    /// Telephone kinds: `Sender` and `Receiver` are E.164 phone numbers.
    pub fn is_telephone(self) -> bool {
        matches!(
            self,
            Self::VoiceMail | Self::Fax | Self::Callback | Self::Sms
        )
    }

    /// E-mail: `Sender` (and `Receiver`, if given) are e-mail addresses.
    pub fn is_email(self) -> bool {
        self == Self::Email
    }

    /// Only callbacks carry a `Body` (jtel: "Supported in AcdEventTypes: Callback").
    pub fn sends_body(self) -> bool {
        self == Self::Callback
    }
}
