//! One structured line per write on standard output: who (staff `sub` or the client address
//! of a public form), what (route, form, kind, group, agent, variable, value), and the
//! outcome. Never a token, never a message text (sender, subject, body stay out).

use serde_json::{json, Value};
use std::io::Write;
use std::time::{SystemTime, UNIX_EPOCH};

/// Writes `{"audit": …}` with `who`, `what` and `outcome` as one JSON line. A line that cannot
/// be written (a full disk, a closed pipe) is reported on stderr, never a panic: `println!`
/// panicked there, which dropped the request's answer after its event was created — and with
/// the release profile's `panic = "abort"` ended the whole gateway.
pub fn write(who: &str, what: Value, outcome: &str) {
    let at = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let line = json!({ "audit": "write", "at": at, "who": who, "what": what, "outcome": outcome });
    if let Err(error) = writeln!(std::io::stdout().lock(), "{line}") {
        let _ = writeln!(
            std::io::stderr().lock(),
            "jtel-gateway: an audit line could not be written ({error}): {line}"
        );
    }
}
