//! The ACD event form, described once: one row per field (jtel name, option key, input kind,
//! maximum length, when it is shown and whether it is required), the host page's settings, and
//! how what the user typed becomes the create request.
//!
//! The browser form only shows what this module decides, so native tests reach every rule:
//! which fields a kind shows, which are required, what is sent.

use crate::callback_clock::CallbackClocks;
use crate::event_kind::EventKind;
use crate::messages::{Texts, UiText};
use crate::model::CreateAcdEvent;
use crate::numbering_plan::{Region, RegionError};
use crate::phone::{format_international, normalize_phone};
use crate::subject_template::{callback_subject, DEFAULT_CALLBACK_TEMPLATE_ASAP};
use crate::validation::{
    EventDraft, BODY_MAX_LEN, PARTY_MAX_LEN, SUBJECT_MAX_LEN, USER_DATA_MAX_LEN,
};
use crate::{ErrorCode, Field, FieldError};

/// How the host page sets a routing field (event type, group, agent, receiver).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Setting {
    /// Not used: no agent (group queue), no receiver.
    #[default]
    Unset,
    /// Fixed to this value by the host page; not shown.
    Fixed(String),
    /// The user chooses from a picker loaded from the jtel API.
    Choose,
}

impl Setting {
    /// Reads an attribute: absent or empty is [`Setting::Unset`], `choose` is
    /// [`Setting::Choose`], anything else is fixed to that value.
    pub fn from_attribute(value: Option<&str>) -> Self {
        match value.map(str::trim) {
            None | Some("") => Self::Unset,
            Some(text) if text.eq_ignore_ascii_case("choose") => Self::Choose,
            Some(text) => Self::Fixed(text.to_owned()),
        }
    }

    /// The fixed value, if the host page fixed one.
    pub fn fixed(&self) -> Option<&str> {
        match self {
            Self::Fixed(value) => Some(value),
            _ => None,
        }
    }
}

/// The event kind a name stands for, as host pages write it: `callback`, `voicemail`, `fax`,
/// `sms`, `email`, `ticket` (or `workflow`); case, `-`, `_` and spaces do not matter.
pub fn kind_named(name: &str) -> Option<EventKind> {
    match name
        .trim()
        .to_ascii_lowercase()
        .replace(['-', '_', ' '], "")
        .as_str()
    {
        "voicemail" => Some(EventKind::VoiceMail),
        "fax" => Some(EventKind::Fax),
        "callback" => Some(EventKind::Callback),
        "sms" => Some(EventKind::Sms),
        "email" => Some(EventKind::Email),
        "ticket" | "workflow" => Some(EventKind::Ticket),
        _ => None,
    }
}

/// Reads an event kind as the host page writes it: a type id (`3`), a name (see
/// [`kind_named`]) or `choose`.
pub fn kind_setting(value: Option<&str>) -> Setting {
    match value.and_then(kind_named) {
        Some(kind) => Setting::Fixed(kind.type_id().to_string()),
        None => Setting::from_attribute(value),
    }
}

/// What kind of input a field is, for the form's view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    /// A picker loaded from the jtel API (when the host page lets the user choose).
    Picker,
    /// One line of text.
    Text,
    /// A phone number (`type="tel"`, `autocomplete="tel"`).
    Tel,
    /// An e-mail address (`type="email"`, `autocomplete="email"`).
    Email,
    /// A web address (`type="url"`).
    Url,
    /// A local date and time (`type="datetime-local"`).
    DateTime,
    /// Several lines of text (a text area).
    Multiline,
}

impl InputKind {
    /// The input's `type` attribute.
    pub fn html_type(self) -> &'static str {
        match self {
            Self::Tel => "tel",
            Self::Email => "email",
            Self::Url => "url",
            Self::DateTime => "datetime-local",
            _ => "text",
        }
    }

    /// The input's `autocomplete` attribute, if it has one.
    pub fn autocomplete(self) -> Option<&'static str> {
        match self {
            Self::Tel => Some("tel"),
            Self::Email => Some("email"),
            _ => None,
        }
    }
}

/// What a field holds, which decides how it is entered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Holds {
    /// A routing id or number: fixed by the host page or chosen from a picker.
    Routing,
    /// A party (`Sender`, `Receiver`): a phone number, an e-mail address or text, by kind.
    Party,
    /// One line of text.
    Text,
    /// A CRM link.
    Link,
    /// Several lines of text.
    Lines,
    /// A local date and time.
    Time,
}

/// When a field is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shown {
    /// Always.
    Always,
    /// When the host page lets the user choose it.
    WhenChosen,
    /// When no subject template composes the subject.
    WithoutTemplate,
    /// For callbacks composed by a subject template (the preferred time).
    CallbackWithTemplate,
    /// For kinds that send a body (callbacks).
    WhenKindSendsBody,
}

/// One field of the ACD event form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FormFieldRow {
    /// The jtel field (its jtel name is [`Field::json_name`]; its label comes from
    /// [`crate::messages::field_label_for`]).
    pub field: Field,
    /// The attribute (kebab-case) and, in camelCase, the option that sets or prefills it.
    pub key: &'static str,
    /// Whether a submit without it is refused.
    pub required: bool,
    /// The most characters it takes, if limited.
    pub max_len: Option<usize>,
    holds: Holds,
    shown: Shown,
}

const fn row(
    field: Field,
    key: &'static str,
    required: bool,
    max_len: Option<usize>,
    holds: Holds,
    shown: Shown,
) -> FormFieldRow {
    FormFieldRow {
        field,
        key,
        required,
        max_len,
        holds,
        shown,
    }
}

/// Every field of the ACD event form, in form order.
pub const FIELDS: [FormFieldRow; 10] = [
    row(
        Field::AcdEventTypesId,
        "event-type",
        true,
        None,
        Holds::Routing,
        Shown::WhenChosen,
    ),
    row(
        Field::AcdGroupsId,
        "group",
        true,
        None,
        Holds::Routing,
        Shown::WhenChosen,
    ),
    row(
        Field::UsersId,
        "agent",
        false,
        None,
        Holds::Routing,
        Shown::WhenChosen,
    ),
    row(
        Field::Sender,
        "sender",
        true,
        Some(PARTY_MAX_LEN),
        Holds::Party,
        Shown::Always,
    ),
    row(
        Field::Receiver,
        "receiver",
        false,
        Some(PARTY_MAX_LEN),
        Holds::Routing,
        Shown::WhenChosen,
    ),
    row(
        Field::Subject,
        "subject",
        true,
        Some(SUBJECT_MAX_LEN),
        Holds::Text,
        Shown::WithoutTemplate,
    ),
    row(
        Field::PreferredTime,
        "preferred-time",
        false,
        None,
        Holds::Time,
        Shown::CallbackWithTemplate,
    ),
    row(
        Field::Body,
        "body",
        false,
        Some(BODY_MAX_LEN),
        Holds::Lines,
        Shown::WhenKindSendsBody,
    ),
    row(
        Field::CrmUrl,
        "crm-url",
        false,
        None,
        Holds::Link,
        Shown::Always,
    ),
    row(
        Field::UserData,
        "user-data",
        false,
        Some(USER_DATA_MAX_LEN),
        Holds::Text,
        Shown::Always,
    ),
];

/// The row of `field`, if it is a field of the ACD event form.
pub fn row_of(field: Field) -> Option<&'static FormFieldRow> {
    FIELDS.iter().find(|row| row.field == field)
}

/// Whether `field` must be given.
pub fn is_required(field: Field) -> bool {
    row_of(field).is_some_and(|row| row.required)
}

/// The fields the host page prefills from a CRM record, with their option keys.
pub fn prefill_fields() -> impl Iterator<Item = &'static FormFieldRow> {
    FIELDS.iter().filter(|row| {
        matches!(
            row.holds,
            Holds::Party | Holds::Text | Holds::Link | Holds::Lines
        )
    })
}

/// The option keys of the fields the host page sets (routing) or prefills, in form order:
/// every row's but the preferred time's, which only the user picks.
pub const HOST_SET_KEYS: [&str; host_set_count()] = host_set_keys();

/// Whether the host page sets or prefills the field of `row`.
const fn set_by_host(row: &FormFieldRow) -> bool {
    !matches!(row.holds, Holds::Time)
}

/// How many rows' fields the host page sets or prefills.
const fn host_set_count() -> usize {
    let (mut count, mut index) = (0, 0);
    while index < FIELDS.len() {
        count += set_by_host(&FIELDS[index]) as usize;
        index += 1;
    }
    count
}

/// [`HOST_SET_KEYS`], collected at compile time.
const fn host_set_keys<const N: usize>() -> [&'static str; N] {
    let mut keys = [""; N];
    let (mut at, mut index) = (0, 0);
    while index < FIELDS.len() {
        if set_by_host(&FIELDS[index]) {
            keys[at] = FIELDS[index].key;
            at += 1;
        }
        index += 1;
    }
    keys
}

/// How `field` is entered for `kind`: a picker when the user chooses it, else by what it holds.
pub fn input_kind(field: Field, kind: EventKind, settings: &EventFormSettings) -> InputKind {
    let party = || {
        if kind.is_telephone() {
            InputKind::Tel
        } else if kind.is_email() {
            InputKind::Email
        } else {
            InputKind::Text
        }
    };
    match row_of(field).map(|row| row.holds) {
        // A receiver is picked from the service numbers for telephone kinds and typed otherwise.
        Some(Holds::Routing) if field == Field::Receiver && !kind.is_telephone() => party(),
        Some(Holds::Routing) if settings.routing(field) == Some(&Setting::Choose) => {
            InputKind::Picker
        }
        Some(Holds::Party) | Some(Holds::Routing) => party(),
        Some(Holds::Link) => InputKind::Url,
        Some(Holds::Lines) => InputKind::Multiline,
        Some(Holds::Time) => InputKind::DateTime,
        Some(Holds::Text) | None => InputKind::Text,
    }
}

/// What the host page set for an ACD event form: routing, prefill and the rules of its
/// fields. Read from attributes or options by the widget's configuration reader.
#[derive(Debug, Clone, PartialEq)]
pub struct EventFormSettings {
    /// `AcdEventTypesID`: fixed (default: callback) or chosen.
    pub event_type: Setting,
    /// `AcdGroupsID`: fixed or chosen (required either way).
    pub group: Setting,
    /// `UsersID`: unset sends the event to the group queue; fixed or chosen sends it to one agent.
    pub agent: Setting,
    /// `Receiver`: for telephone kinds a service number, fixed or chosen; unset sends none.
    pub receiver: Setting,
    /// The region whose numbering plan reads phone numbers typed in national format
    /// (`0199 …` in Germany, `02 1234 5678` in Italy), or why the settings name none.
    pub region: Result<Region, RegionError>,
    /// Composes `Subject` instead of asking for it, e.g. `Callback request from {Sender} on
    /// {date} at {time}`; callbacks then offer a preferred time.
    pub subject_template: Option<String>,
    /// The subject template for callbacks without a preferred time.
    pub subject_template_asap: String,
    /// `callback-hours`: the call centre's service hours (`Mo-Fr 08:00-18:00`) on its clock;
    /// the preferred time is then chosen among the times inside them. Needs `callback_zone`.
    pub callback_hours: Option<String>,
    /// `callback-zone`: the call centre's IANA time zone (`Europe/Berlin`).
    pub callback_zone: Option<String>,
    /// Prefilled values (from the CRM record).
    pub prefill: EventDraft,
    /// Fields shown but not editable (usually prefilled ones).
    pub read_only: Vec<Field>,
    /// Fields not shown (`hidden-fields`), for example the CRM link on a public page; their
    /// prefill is still sent.
    pub hidden: Vec<Field>,
    /// The CRM record the form is about, as the host page names it; see
    /// [`EventFormSettings::record_identity`].
    pub record: Option<String>,
}

impl Default for EventFormSettings {
    fn default() -> Self {
        Self {
            event_type: Setting::Fixed(EventKind::Callback.type_id().to_string()),
            group: Setting::Choose,
            agent: Setting::Unset,
            receiver: Setting::Unset,
            region: Ok(Region::DE),
            subject_template: None,
            subject_template_asap: DEFAULT_CALLBACK_TEMPLATE_ASAP.to_owned(),
            callback_hours: None,
            callback_zone: None,
            prefill: EventDraft::default(),
            read_only: Vec::new(),
            hidden: Vec::new(),
            record: None,
        }
    }
}

impl EventFormSettings {
    /// The setting of a routing field; `None` for the fields the user types.
    pub fn routing(&self, field: Field) -> Option<&Setting> {
        match field {
            Field::AcdEventTypesId => Some(&self.event_type),
            Field::AcdGroupsId => Some(&self.group),
            Field::UsersId => Some(&self.agent),
            Field::Receiver => Some(&self.receiver),
            _ => None,
        }
    }

    /// Whether the host page fixed `field` (then the user neither sees nor types it).
    pub fn fixes(&self, field: Field) -> bool {
        matches!(self.routing(field), Some(Setting::Fixed(_)))
    }

    /// Which CRM record the form's draft belongs to: `record` if the host page names it, else
    /// the prefill that identifies a record (`user-data`, then `crm-url`); `None` when nothing
    /// does (then no draft is stored or restored).
    pub fn record_identity(&self) -> Option<String> {
        let prefilled =
            |field| Some(self.prefill.text(field).trim()).filter(|text| !text.is_empty());
        self.record
            .as_deref()
            .map(str::trim)
            .filter(|record| !record.is_empty())
            .or_else(|| prefilled(Field::UserData))
            .or_else(|| prefilled(Field::CrmUrl))
            .map(str::to_owned)
    }

    /// The draft the form shows and sends now: routing the host page fixes, what the user
    /// typed or chose in the fields they `edited`, and the host page's prefill elsewhere. So a
    /// changed setting or prefill shows (and is sent) at once, and typed text is never
    /// overwritten by a prefill.
    pub fn compose(&self, typed: &EventDraft, edited: &[bool; Field::ALL.len()]) -> EventDraft {
        let mut draft = self.prefill.clone();
        for field in Field::ALL {
            match self.routing(field) {
                Some(Setting::Fixed(value)) => draft.set(field, value.clone()),
                _ if edited[field.index()] => draft.set(field, typed.text(field).to_owned()),
                _ => {}
            }
        }
        draft
    }

    /// The draft a fresh form starts with: fixed routing and prefilled values.
    pub fn initial_draft(&self) -> EventDraft {
        self.compose(&EventDraft::default(), &[false; Field::ALL.len()])
    }

    /// The fields the user sees for `kind`, in order (never a hidden one).
    pub fn visible_fields(&self, kind: EventKind) -> Vec<Field> {
        FIELDS
            .iter()
            .filter(|row| !self.hidden.contains(&row.field))
            .filter(|row| match row.shown {
                Shown::Always => true,
                Shown::WhenChosen => self.routing(row.field) == Some(&Setting::Choose),
                Shown::WithoutTemplate => self.subject_template.is_none(),
                Shown::CallbackWithTemplate => {
                    self.subject_template.is_some() && kind == EventKind::Callback
                }
                Shown::WhenKindSendsBody => kind.sends_body(),
            })
            .map(|row| row.field)
            .collect()
    }

    /// What `draft` becomes on submit: the request, or every problem with it. A preferred
    /// callback time is decided on `clocks` (the user's zone now, the centre's hours); they only
    /// matter with a subject template.
    pub fn prepare(
        &self,
        draft: &EventDraft,
        clocks: &CallbackClocks,
    ) -> Result<CreateAcdEvent, Vec<FieldError>> {
        let mut draft = draft.clone();
        let mut problems = Vec::new();
        // Without a region no typed number can be read: the setting is the problem, not the
        // number (and no country is guessed).
        let region = self.region.unwrap_or_else(|error| {
            if kind_of(&draft).is_telephone() {
                problems.push(FieldError::new(Field::Sender, ErrorCode::Region(error)));
            }
            Region::default()
        });
        if let Some(template) = &self.subject_template {
            self.compose_subject(&mut draft, template, region, clocks, &mut problems);
        }
        match draft.to_request(region) {
            Ok(request) if problems.is_empty() => Ok(request),
            Ok(_) => Err(problems),
            Err(mut errors) => {
                errors.retain(|error| problems.iter().all(|problem| problem.field != error.field));
                errors.extend(problems);
                Err(errors)
            }
        }
    }

    /// The hint under a phone field: the number as it will be dialled, in international format
    /// (`Will be sent as +39 02 1234 5678`), an example while it cannot be read, or why the
    /// form's region setting does not work.
    pub fn phone_hint(&self, typed: &str, texts: &Texts) -> String {
        match self.region.map(|region| normalize_phone(typed, region)) {
            Ok(Ok(number)) => texts.ui(&UiText::SentAs {
                number: format_international(&number),
            }),
            Ok(Err(_)) => texts.ui(&UiText::PhoneHint),
            Err(error) => texts.error(ErrorCode::Region(error)),
        }
    }

    /// Fills `Subject` from `template` (and, with a preferred time, adds it to `Body`).
    fn compose_subject(
        &self,
        draft: &mut EventDraft,
        template: &str,
        region: Region,
        clocks: &CallbackClocks,
        problems: &mut Vec<FieldError>,
    ) {
        let kind = kind_of(draft);
        let preferred_text = draft.text(Field::PreferredTime).trim().to_owned();
        let preferred = if kind == EventKind::Callback && !preferred_text.is_empty() {
            clocks
                .decide(&preferred_text)
                .map_err(|error| {
                    problems.push(FieldError::new(
                        Field::PreferredTime,
                        ErrorCode::PreferredTime(error),
                    ))
                })
                .ok()
        } else {
            None
        };
        let sender = normalize_phone(draft.text(Field::Sender), region)
            .unwrap_or_else(|_| draft.text(Field::Sender).trim().to_owned());
        let user_data = draft.text(Field::UserData).trim().to_owned();
        let template = if preferred.is_some() || kind != EventKind::Callback {
            template
        } else {
            &self.subject_template_asap
        };
        let words = preferred.map(|preferred| clocks.words(&preferred));
        let zone_now = clocks.user_zone_at(None);
        let subject = callback_subject(
            template,
            words.as_ref().map(|(user, _)| user),
            &zone_now,
            |name| match name {
                "Sender" => Some(sender.as_str()),
                "UserData" => Some(user_data.as_str()),
                _ => None,
            },
        );
        draft.set(Field::Subject, subject);
        if let Some((user, centre)) = &words {
            let body = user.add_to_body(draft.text(Field::Body), centre.as_ref());
            draft.set(Field::Body, body);
        }
    }
}

/// The event kind a draft's `AcdEventTypesID` names (unknown when it names none).
pub fn kind_of(draft: &EventDraft) -> EventKind {
    EventKind::from_type_id(
        draft
            .text(Field::AcdEventTypesId)
            .trim()
            .parse()
            .unwrap_or(0),
    )
}
