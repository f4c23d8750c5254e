//! E-mail addresses as jtel stores them in `Sender` / `Receiver` of e-mail and ticket events.
//!
//! The rule is what browsers accept in `<input type=email>` (the WHATWG "valid e-mail
//! address") with RFC 5321's limits on top, and three stricter points a contact form needs:
//! - at most 64 characters before `@`, 254 in all, 63 per domain label (RFC 5321);
//! - the domain has a dot and its last label is not all digits (`user@localhost` and
//!   `user@1.2.3.4` are no addresses a reply can go to);
//! - the part before `@` is a dot-atom: no dot at its start or end, no two dots in a row
//!   (RFC 5321 accepts those only quoted, and many mail servers refuse them).
//!
//! Punycode domains (`user@xn--mller-kva.de`) are accepted; Unicode domains (`user@müller.de`)
//! are refused with their own reason (converting them needs IDNA tables, too large for the
//! browser build). `tests/email.rs` runs the WHATWG rule as an oracle against this one.

/// The most characters an address may have (RFC 5321 path limit).
pub const MAX_LEN: usize = 254;
/// The most characters before the `@` (RFC 5321).
pub const MAX_LOCAL_LEN: usize = 64;
/// The most characters of one domain label (RFC 1035, as WHATWG and RFC 5321 use it).
pub const MAX_LABEL_LEN: usize = 63;

/// Why a text is not an e-mail address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EmailError {
    /// Not of the form `name@example.com`.
    Invalid,
    /// Longer than [`MAX_LEN`] in all, [`MAX_LOCAL_LEN`] before `@` or [`MAX_LABEL_LEN`] in a
    /// domain label.
    TooLong,
    /// A domain with letters outside ASCII (`müller.de`): it must be written in its Punycode
    /// form (`xn--mller-kva.de`).
    UnicodeDomain,
}

/// Checks that `address` is a plain e-mail address `local@domain.tld`.
pub fn check_email(address: &str) -> Result<(), EmailError> {
    let Some((local, domain)) = address.rsplit_once('@') else {
        return Err(EmailError::Invalid);
    };
    if !is_local_part(local) {
        return Err(EmailError::Invalid);
    }
    if !domain.is_ascii() {
        return Err(EmailError::UnicodeDomain);
    }
    let labels_ok = domain.split('.').all(|label| {
        !label.is_empty()
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !label.starts_with('-')
            && !label.ends_with('-')
    });
    let tld_ok = domain
        .rsplit('.')
        .next()
        .is_some_and(|tld| !tld.bytes().all(|b| b.is_ascii_digit()));
    if !labels_ok || !domain.contains('.') || !tld_ok {
        return Err(EmailError::Invalid);
    }
    if address.len() > MAX_LEN
        || local.len() > MAX_LOCAL_LEN
        || domain.split('.').any(|label| label.len() > MAX_LABEL_LEN)
    {
        return Err(EmailError::TooLong);
    }
    Ok(())
}

fn is_local_part(local: &str) -> bool {
    const ALLOWED_SYMBOLS: &str = "!#$%&'*+-/=?^_`{|}~";
    !local.is_empty()
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || ALLOWED_SYMBOLS.contains(c))
}
