//! Drafts that survive a page reload: what the user typed into a form, kept in the browser's
//! `sessionStorage` (per tab, gone when the tab closes) under a key per widget instance, and
//! removed once the request succeeded. Beside it, the intent being sent (see
//! [`crate::intent`]), so a retry after a reload keeps its idempotency key. Host pages that
//! must not store personal data switch it off (`store-draft="off"`).

use jtel_core::json::{self, Json, ObjectWriter};
use jtel_core::validation::EventDraft;
use jtel_core::Field;

/// The `sessionStorage` key of the draft stored as `key`.
fn storage_key(key: &str) -> String {
    format!("jtel-widgets:draft:{key}")
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

/// The texts stored as `key`, if any (unreadable entries are ignored).
pub fn load(key: &str) -> Vec<(Field, String)> {
    let Some(stored) =
        session_storage().and_then(|storage| storage.get_item(&storage_key(key)).ok().flatten())
    else {
        return Vec::new();
    };
    let Ok(Json::Object(texts)) = json::parse(&stored) else {
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

/// Stores the texts of `fields` in `draft` as `key` (nothing when all are empty).
pub fn save(key: &str, draft: &EventDraft, fields: &[Field]) {
    let Some(storage) = session_storage() else {
        return;
    };
    let mut texts = ObjectWriter::new();
    for (field, text) in draft.texts() {
        if fields.contains(&field) && !text.is_empty() {
            texts.text(field.json_name(), text);
        }
    }
    let _ = if texts.is_empty() {
        storage.remove_item(&storage_key(key))
    } else {
        storage.set_item(&storage_key(key), &texts.finish())
    };
}

/// Forgets the draft stored as `key` and its intent.
pub fn clear(key: &str) {
    if let Some(storage) = session_storage() {
        let _ = storage.remove_item(&storage_key(key));
        let _ = storage.remove_item(&intent_key(key));
    }
}

/// The `sessionStorage` key of the intent stored with the draft `key`.
fn intent_key(key: &str) -> String {
    format!("jtel-widgets:intent:{key}")
}

/// The intent stored with the draft `key`: the request it was for (JSON) and its
/// idempotency key.
pub fn load_intent(key: &str) -> Option<(String, String)> {
    let stored = session_storage()?.get_item(&intent_key(key)).ok()??;
    let (request, idempotency_key) = stored.split_once('\n')?;
    Some((request.to_owned(), idempotency_key.to_owned()))
}

/// Keeps the intent with the draft `key`, so a retry after a reload sends the same
/// idempotency key.
pub fn save_intent(key: &str, request: &str, idempotency_key: &str) {
    if let Some(storage) = session_storage() {
        let _ = storage.set_item(&intent_key(key), &format!("{request}\n{idempotency_key}"));
    }
}
