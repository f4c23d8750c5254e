//! One structured line per write on standard output: who (staff `sub` or the client address
//! of a public form), what (route, form, kind, group, agent, variable, value), and the
//! outcome. Never a token, never a message text (sender, subject, body stay out).

use serde_json::{json, Value};
use std::time::{SystemTime, UNIX_EPOCH};

/// Writes `{"audit": …}` with `who`, `what` and `outcome` as one JSON line.
pub fn write(who: &str, what: Value, outcome: &str) {
    let at = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    println!(
        "{}",
        json!({ "audit": "write", "at": at, "who": who, "what": what, "outcome": outcome })
    );
}
