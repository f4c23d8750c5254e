//! Phone numbers in jtel's E.164 form: digits only, country code first, no `+`.
//!
//! [`normalize_phone`] turns what people type (`+49 199 123-456-789`, `0049 199 123456789`,
//! `(0199) 123 456 789`) into `49199123456789`; [`check_e164`] checks a number that should
//! already be in that form (what the jtel server receives).

use crate::country_codes::country_code_of;

/// The fewest digits (country code included) a callable number can have.
pub const MIN_DIGITS: usize = 7;
/// The most digits E.164 allows (country code included).
pub const MAX_DIGITS: usize = 15;

/// Why a text is not a phone number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PhoneError {
    /// Nothing but separators was typed.
    Empty,
    /// Letters or symbols other than digits, spaces, `-`, `.`, `/`, `(`, `)` and a leading `+`.
    InvalidCharacters,
    /// Fewer than [`MIN_DIGITS`] digits.
    TooShort,
    /// More than [`MAX_DIGITS`] digits.
    TooLong,
    /// The number does not start with an assigned country calling code.
    UnknownCountryCode,
}

/// Normalises a typed phone number to jtel's E.164 form (digits only, no `+`).
///
/// - `+CC…` and `00CC…` are international.
/// - `0…` is national: the leading `0` is replaced by `default_country_code` (for example `49`).
/// - Digits without a prefix are taken as already international (jtel's own form), so
///   normalising is idempotent.
/// - Spaces, `-`, `.`, `/` and parentheses are separators; the German trunk hint `(0)` after an
///   international prefix (`+49 (0) 199 …`) is dropped.
pub fn normalize_phone(input: &str, default_country_code: u16) -> Result<String, PhoneError> {
    let trimmed = input.trim();
    let (international_by_plus, rest) = match trimmed.strip_prefix('+') {
        Some(rest) => (true, rest),
        None => (false, trimmed),
    };
    if !rest.chars().all(|c| c.is_ascii_digit() || is_separator(c)) {
        return Err(PhoneError::InvalidCharacters);
    }
    let without_trunk_hint = if international_by_plus || rest.trim_start().starts_with("00") {
        rest.replacen("(0)", "", 1)
    } else {
        rest.to_owned()
    };
    let digits: String = without_trunk_hint
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    if digits.is_empty() {
        return Err(PhoneError::Empty);
    }
    let international = if international_by_plus {
        digits
    } else if let Some(after_00) = digits.strip_prefix("00") {
        after_00.to_owned()
    } else if let Some(national) = digits.strip_prefix('0') {
        format!("{default_country_code}{national}")
    } else {
        digits
    };
    check_e164(&international)?;
    Ok(international)
}

/// Checks a number already in jtel's E.164 form: digits only, [`MIN_DIGITS`]..=[`MAX_DIGITS`]
/// long, starting with an assigned country calling code.
pub fn check_e164(number: &str) -> Result<(), PhoneError> {
    if number.is_empty() {
        return Err(PhoneError::Empty);
    }
    if !number.bytes().all(|b| b.is_ascii_digit()) {
        return Err(PhoneError::InvalidCharacters);
    }
    if number.len() < MIN_DIGITS {
        return Err(PhoneError::TooShort);
    }
    if number.len() > MAX_DIGITS {
        return Err(PhoneError::TooLong);
    }
    if country_code_of(number).is_none() {
        return Err(PhoneError::UnknownCountryCode);
    }
    Ok(())
}

fn is_separator(c: char) -> bool {
    matches!(c, ' ' | '-' | '.' | '/' | '(' | ')' | '\u{a0}')
}
