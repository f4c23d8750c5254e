//! One idempotency key per user intent: a submit and every retry of it send the same
//! `Idempotency-Key`, so the gateway creates one event however often the browser retries
//! (and answers a retry with the first outcome). A changed request is a new intent with a
//! new key. With a draft key the intent is kept beside the draft, so a reload keeps it too.

use crate::draft_store::DraftSlot;

/// The intent being sent: the request (its JSON) and its key.
#[derive(Debug, Default)]
pub struct Intent {
    current: Option<(String, String)>,
}

impl Intent {
    /// The key for sending `request` (its JSON): the current intent's when it is the same
    /// request (looked up beside the draft in `slot` after a reload), else a new key.
    pub fn key_for(&mut self, request: &str, slot: Option<&DraftSlot>) -> String {
        if self.current.is_none() {
            self.current = slot.and_then(DraftSlot::load_intent);
        }
        match &self.current {
            Some((sent, key)) if sent == request => key.clone(),
            _ => {
                let key = new_key();
                if let Some(slot) = slot {
                    slot.save_intent(request, &key);
                }
                self.current = Some((request.to_owned(), key.clone()));
                key
            }
        }
    }

    /// Forgets the intent: it succeeded, or the user starts a new request (the stored copy
    /// goes with the draft, see [`DraftSlot::clear`]).
    pub fn done(&mut self) {
        self.current = None;
    }
}

/// 128 random bits as 32 hex digits. Not a secret: the gateway scopes keys per form or
/// user and refuses a key reused for another request.
fn new_key() -> String {
    (0..4)
        .map(|_| format!("{:08x}", (js_sys::Math::random() * 4_294_967_296.0) as u32))
        .collect()
}
