//! Drafts that survive a page reload, one per CRM record: what the user typed into a form,
//! kept in the browser's `sessionStorage` (per tab, gone when the tab closes) under the form's
//! key and the record's identity, for at most [`DRAFT_LIFETIME_MS`], and removed once the
//! request succeeded; beside each draft the intent being sent (see [`crate::intent`]), so a
//! retry after a reload keeps its idempotency key. Without a record identity nothing is stored or restored, so one
//! customer's input never shows on another customer's record. Host pages that must not store
//! personal data switch it off (`store-draft="off"`).

use jtel_core::json::{self, Json, ObjectWriter};
use jtel_core::validation::EventDraft;
use jtel_core::Field;

/// How long a stored draft is restored, in milliseconds: 24 hours.
pub const DRAFT_LIFETIME_MS: i64 = 24 * 60 * 60 * 1000;

/// Where one record's draft of one form is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftSlot(String);

impl DraftSlot {
    /// The slot of form `key` (the `draft-key` or element id) for `record`; none without
    /// either.
    pub fn new(key: Option<&str>, record: Option<&str>) -> Option<Self> {
        Some(Self(format!("jtel-widgets:draft:{}:{}", key?, record?)))
    }

    /// The `sessionStorage` key.
    pub fn storage_key(&self) -> &str {
        &self.0
    }

    /// The texts stored here, if any and younger than [`DRAFT_LIFETIME_MS`] (unreadable or
    /// expired entries are removed).
    pub fn load(&self) -> Vec<(Field, String)> {
        let Some(storage) = session_storage() else {
            return Vec::new();
        };
        let Some(stored) = storage.get_item(&self.0).ok().flatten() else {
            return Vec::new();
        };
        let texts = match json::parse(&stored) {
            Ok(Json::Object(entries)) => fresh_texts(entries),
            _ => None,
        };
        let Some(texts) = texts else {
            let _ = storage.remove_item(&self.0);
            return Vec::new();
        };
        texts
            .into_iter()
            .filter_map(|(name, text)| match text {
                Json::String(text) => Some((Field::from_json_name(&name)?, text)),
                _ => None,
            })
            .collect()
    }

    /// Stores the texts of `fields` in `draft` (removes the entry when all are empty).
    pub fn save(&self, draft: &EventDraft, fields: impl Fn(Field) -> bool) {
        let Some(storage) = session_storage() else {
            return;
        };
        let mut texts = ObjectWriter::new();
        for (field, text) in draft.texts() {
            if fields(field) && !text.is_empty() {
                texts.text(field.json_name(), text);
            }
        }
        let _ = if texts.is_empty() {
            storage.remove_item(&self.0)
        } else {
            let mut entry = ObjectWriter::new();
            entry
                .integer("savedAt", Some(now()))
                .raw("texts", &texts.finish());
            storage.set_item(&self.0, &entry.finish())
        };
    }

    /// Forgets the draft stored here and its intent.
    pub fn clear(&self) {
        if let Some(storage) = session_storage() {
            let _ = storage.remove_item(&self.0);
            let _ = storage.remove_item(&self.intent_key());
        }
    }

    /// The `sessionStorage` key of the intent kept beside this draft.
    fn intent_key(&self) -> String {
        self.0.replacen(":draft:", ":intent:", 1)
    }

    /// The intent kept beside this draft: the request it was for (JSON) and its idempotency
    /// key (see [`crate::intent`]).
    pub fn load_intent(&self) -> Option<(String, String)> {
        let stored = session_storage()?.get_item(&self.intent_key()).ok()??;
        let (request, idempotency_key) = stored.split_once('\n')?;
        Some((request.to_owned(), idempotency_key.to_owned()))
    }

    /// Keeps the intent beside this draft, so a retry after a reload sends the same
    /// idempotency key.
    pub fn save_intent(&self, request: &str, idempotency_key: &str) {
        if let Some(storage) = session_storage() {
            let _ = storage.set_item(&self.intent_key(), &format!("{request}\n{idempotency_key}"));
        }
    }
}

/// The stored texts of an entry `{ savedAt, texts }` saved less than a lifetime ago.
fn fresh_texts(entry: Vec<(String, Json)>) -> Option<Vec<(String, Json)>> {
    let mut saved_at = None;
    let mut texts = None;
    for (key, value) in entry {
        match (key.as_str(), value) {
            // Whole milliseconds: reading them as an integer keeps float parsing (~6 KB) out
            // of the wasm.
            ("savedAt", Json::Number(at)) => saved_at = at.parse::<i64>().ok(),
            ("texts", Json::Object(entries)) => texts = Some(entries),
            _ => {}
        }
    }
    let age = now() - saved_at?;
    (0..DRAFT_LIFETIME_MS).contains(&age).then_some(texts?)
}

/// Now, in whole milliseconds since 1970.
fn now() -> i64 {
    js_sys::Date::now() as i64
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}
