//! E-mail addresses as jtel stores them in `Sender` / `Receiver` of e-mail and ticket events.
//!
//! Deliberately plain: `local@domain` with no display name, comments or quoted local parts,
//! which is what a contact form should accept.

use crate::crm_url::is_host_label;

/// The most characters an address may have (RFC 5321 path limit).
pub const MAX_LEN: usize = 254;

/// Whether `address` is a plain e-mail address `local@domain.tld`.
pub fn is_email_address(address: &str) -> bool {
    let Some((local, domain)) = address.rsplit_once('@') else {
        return false;
    };
    address.len() <= MAX_LEN
        && is_local_part(local)
        && domain.contains('.')
        && domain.split('.').all(is_host_label)
        && !domain
            .rsplit('.')
            .next()
            .is_some_and(|tld| tld.bytes().all(|b| b.is_ascii_digit()))
}

fn is_local_part(local: &str) -> bool {
    const ALLOWED_SYMBOLS: &str = "!#$%&'*+-/=?^_`{|}~";
    (1..=64).contains(&local.len())
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || ALLOWED_SYMBOLS.contains(c))
}
