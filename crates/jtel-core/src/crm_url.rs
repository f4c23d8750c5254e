//! `CrmURL`: the link an agent opens from the event, so it must be a safe absolute web address.
//!
//! The check is a strict subset of the WHATWG URL standard: only `http://` and `https://` URLs
//! with a plain host (DNS name, dotted-quad IPv4 or bracketed IPv6) and an optional port are
//! accepted. Everything a browser would repair silently is refused instead: user info
//! (`http://user@host`), backslashes, missing slashes (`http:host`), white space and control
//! characters, `<>"\`` and odd IPv4 spellings (`0x7f.1`). Internationalised domain names are not
//! accepted (neither Unicode nor `xn--` Punycode labels): validating them needs IDNA tables that
//! would cost the browser bundle more than a CRM link is worth. The core tests run the whole
//! WHATWG URL test suite against this check.

/// The most characters a `CrmURL` may have.
pub const MAX_LEN: usize = 2000;

/// Why a text is not an acceptable `CrmURL`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UrlError {
    /// Not an absolute `http://` or `https://` URL (relative, `javascript:`, `mailto:`, …).
    NotHttp,
    /// Starts like a web address but is not a well-formed one.
    Malformed,
    /// Longer than [`MAX_LEN`] characters.
    TooLong,
}

/// Checks that `input` is an absolute `http://` or `https://` URL safe to store as `CrmURL`.
pub fn check_crm_url(input: &str) -> Result<(), UrlError> {
    if input.chars().count() > MAX_LEN {
        return Err(UrlError::TooLong);
    }
    let Some(after_scheme) = strip_web_scheme(input)?.strip_prefix("//") else {
        return Err(UrlError::Malformed);
    };
    if input.chars().any(is_refused_anywhere) {
        return Err(UrlError::Malformed);
    }
    let authority_end = after_scheme
        .find(['/', '?', '#'])
        .unwrap_or(after_scheme.len());
    let (authority, _path_query_fragment) = after_scheme.split_at(authority_end);
    check_authority(authority)
}

/// Whether `label` is one DNS label: 1–63 ASCII letters, digits, `-` or `_`, not starting or
/// ending with `-`, and not a Punycode (`xn--`) label.
pub fn is_host_label(label: &str) -> bool {
    (1..=63).contains(&label.len())
        && label
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        && !label.starts_with('-')
        && !label.ends_with('-')
        && !label
            .get(..4)
            .is_some_and(|prefix| prefix.eq_ignore_ascii_case("xn--"))
}

/// Returns what follows `http:` or `https:` (any letter case), or why there is no such scheme.
fn strip_web_scheme(input: &str) -> Result<&str, UrlError> {
    let Some((scheme, rest)) = input.split_once(':') else {
        return Err(UrlError::NotHttp);
    };
    if scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https") {
        Ok(rest)
    } else {
        Err(UrlError::NotHttp)
    }
}

fn is_refused_anywhere(c: char) -> bool {
    c.is_control() || c.is_whitespace() || matches!(c, '\\' | '<' | '>' | '"' | '`' | '\u{feff}')
}

fn check_authority(authority: &str) -> Result<(), UrlError> {
    let (host, port) = if let Some(bracketed) = authority.strip_prefix('[') {
        let (address, after) = bracketed.split_once(']').ok_or(UrlError::Malformed)?;
        if !is_ipv6(address) {
            return Err(UrlError::Malformed);
        }
        let port = match after {
            "" => None,
            _ => Some(after.strip_prefix(':').ok_or(UrlError::Malformed)?),
        };
        (None, port)
    } else {
        match authority.split_once(':') {
            Some((host, port)) => (Some(host), Some(port)),
            None => (Some(authority), None),
        }
    };
    if let Some(host) = host {
        check_host(host)?;
    }
    match port {
        Some(port) if !is_port(port) => Err(UrlError::Malformed),
        _ => Ok(()),
    }
}

/// Whether `text` is an IPv6 address as `std::net::Ipv6Addr` reads it: eight groups of one to
/// four hex digits, or fewer around one `::`, the last two may be a dotted-quad IPv4 address.
/// (Written out: std's address parser costs the browser bundle about 1 KB; the core tests hold
/// this to std's parser as the oracle.)
fn is_ipv6(text: &str) -> bool {
    match text.split_once("::") {
        None => ipv6_groups(text, true) == Some(8),
        Some((head, tail)) => matches!(
            (ipv6_groups(head, false), ipv6_groups(tail, true)),
            (Some(head), Some(tail)) if head + tail <= 7
        ),
    }
}

/// How many 16-bit groups `part` (`1:db8`, nothing, or ending in `1.2.3.4` when `last`) holds;
/// `None` when it is not a run of groups.
fn ipv6_groups(part: &str, last: bool) -> Option<usize> {
    if part.is_empty() {
        return Some(0);
    }
    let groups: Vec<&str> = part.split(':').collect();
    let mut count = 0;
    for (index, group) in groups.iter().enumerate() {
        count += if last && index + 1 == groups.len() && group.contains('.') {
            is_dotted_quad(group).then_some(2)?
        } else {
            ((1..=4).contains(&group.len()) && group.bytes().all(|b| b.is_ascii_hexdigit()))
                .then_some(1)?
        };
    }
    Some(count)
}

fn is_port(port: &str) -> bool {
    (1..=5).contains(&port.len())
        && port.bytes().all(|b| b.is_ascii_digit())
        && port.parse::<u32>().is_ok_and(|n| n <= 65535)
}

fn check_host(host: &str) -> Result<(), UrlError> {
    let host = host.strip_suffix('.').unwrap_or(host);
    if host.is_empty() || host.len() > 253 || !host.split('.').all(is_host_label) {
        return Err(UrlError::Malformed);
    }
    let last_label = host.rsplit('.').next().unwrap_or(host);
    let looks_numeric = last_label.bytes().all(|b| b.is_ascii_digit())
        || last_label
            .get(..2)
            .is_some_and(|p| p.eq_ignore_ascii_case("0x"));
    if looks_numeric && !is_dotted_quad(host) {
        return Err(UrlError::Malformed);
    }
    Ok(())
}

/// `a.b.c.d` with four decimal parts 0–255 and no leading zeros.
fn is_dotted_quad(host: &str) -> bool {
    let parts: Vec<&str> = host.split('.').collect();
    parts.len() == 4
        && parts.iter().all(|part| {
            (1..=3).contains(&part.len())
                && part.bytes().all(|b| b.is_ascii_digit())
                && (part.len() == 1 || !part.starts_with('0'))
                && part.parse::<u16>().is_ok_and(|n| n <= 255)
        })
}
