//! The loose typing jtel's answers are known (or likely) to use, read into strict values.
//!
//! jtel writes flags as `false` in one place and `0` in another (jtel-rest-api.md §5.2), and
//! nothing documents how numbers are written. So a reader accepts:
//! - for a whole number: a JSON integer, a whole decimal (`100.0`, `1e2`) or a string holding
//!   either (`"25"`); a blank string counts as absent;
//! - for a flag: `true`/`false`, or any of those number forms of `0` or `1` (`0`, `1.0`, `"1"`).
//!
//! Anything else (`1.5`, `"high"`, `2` as a flag, a number out of range) is refused, and the
//! row holding it is skipped by whoever reads the list. [`crate::wire`] (the browser's codec)
//! and the serde derives in [`crate::model`] (the emulator's) both read with these rules, and
//! `tests/wire.rs` proves they agree.

use serde::de::{self, Deserializer, Visitor};
use std::fmt;

/// The whole number a number literal stands for (`-12`, `100.0`, `1.5e3`, `007`), exactly;
/// `None` when it has a fraction, does not fit in an `i64`, or is not a number literal.
///
/// Surrounding whitespace is ignored; a leading `+` is allowed (numeric strings may have one).
pub fn whole_number(literal: &str) -> Option<i64> {
    let text = literal.trim();
    let (negative, text) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let (mantissa, exponent) = match text.find(['e', 'E']) {
        Some(at) => (&text[..at], exponent(&text[at + 1..])?),
        None => (text, 0),
    };
    let (integer, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all_digits = |part: &str| part.bytes().all(|byte| byte.is_ascii_digit());
    if integer.len() + fraction.len() == 0 || !all_digits(integer) || !all_digits(fraction) {
        return None;
    }
    if mantissa.ends_with('.') || mantissa.starts_with('.') {
        return None;
    }
    // The digits without leading zeros, and where the decimal point falls among them.
    let digits = format!("{integer}{fraction}");
    let significant = digits.trim_start_matches('0');
    let point =
        (integer.len() as i64 - (digits.len() - significant.len()) as i64).saturating_add(exponent);
    let significant = significant.trim_end_matches('0');
    let trailing_zeros = point.saturating_sub(significant.len() as i64);
    if significant.is_empty() {
        return Some(0);
    }
    if !(0..=19).contains(&trailing_zeros) {
        // A fraction remains, or the number has more than 19 zeros before the point.
        return None;
    }
    let mut magnitude: u64 = 0;
    for digit in significant.bytes().map(|byte| u64::from(byte - b'0')) {
        magnitude = magnitude.checked_mul(10)?.checked_add(digit)?;
    }
    for _ in 0..trailing_zeros {
        magnitude = magnitude.checked_mul(10)?;
    }
    if negative {
        0_i64.checked_sub_unsigned(magnitude)
    } else {
        i64::try_from(magnitude).ok()
    }
}

/// An exponent's digits (with an optional sign), clamped far beyond any useful value.
fn exponent(text: &str) -> Option<i64> {
    let (negative, digits) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    if digits.is_empty() || !digits.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    let value = digits
        .bytes()
        .try_fold(0_i64, |value, byte| {
            value.checked_mul(10)?.checked_add(i64::from(byte - b'0'))
        })
        .unwrap_or(i64::MAX / 2);
    Some(if negative { -value } else { value })
}

/// A numeric string's whole number: `Some(None)` for a blank string (absent), `None` for
/// anything that is not a whole number.
pub fn whole_number_text(text: &str) -> Option<Option<i64>> {
    if text.trim().is_empty() {
        return Some(None);
    }
    whole_number(text).map(Some)
}

/// The flag a whole number stands for: `0` false, `1` true, anything else none.
pub fn flag_of(number: i64) -> Option<bool> {
    match number {
        0 => Some(false),
        1 => Some(true),
        _ => None,
    }
}

/// serde: an optional whole number by the rules above (`null`, missing or blank: `None`).
pub fn integer<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: TryFrom<i64>,
{
    let number = deserializer.deserialize_any(LooseVisitor)?;
    match number {
        None => Ok(None),
        Some(Loose::Bool(_)) => Err(de::Error::custom("expected a whole number, not a flag")),
        Some(Loose::Number(number)) => T::try_from(number)
            .map(Some)
            .map_err(|_| de::Error::custom(format!("{number} is out of range"))),
    }
}

/// serde: an optional flag by the rules above (`null`, missing or blank: `None`).
pub fn flag<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<bool>, D::Error> {
    match deserializer.deserialize_any(LooseVisitor)? {
        None => Ok(None),
        Some(Loose::Bool(flag)) => Ok(Some(flag)),
        Some(Loose::Number(number)) => flag_of(number)
            .map(Some)
            .ok_or_else(|| de::Error::custom(format!("{number} is not a flag (0 or 1)"))),
    }
}

/// A value read loosely: a flag or a whole number (absent values are `None` around it).
enum Loose {
    Bool(bool),
    Number(i64),
}

/// Reads a [`Loose`] value from whatever the deserializer holds.
struct LooseVisitor;

impl<'de> Visitor<'de> for LooseVisitor {
    type Value = Option<Loose>;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a flag, a whole number or a numeric string")
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<Self::Value, E> {
        Ok(Some(Loose::Bool(value)))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Self::Value, E> {
        Ok(Some(Loose::Number(value)))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Self::Value, E> {
        i64::try_from(value)
            .map(|value| Some(Loose::Number(value)))
            .map_err(|_| E::custom(format!("{value} is out of range")))
    }

    /// A decimal: serde_json has already rounded it to an `f64`, whose shortest text is read
    /// as a literal (exact for every number with up to 15 significant digits).
    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Self::Value, E> {
        whole_number(&value.to_string())
            .map(|value| Some(Loose::Number(value)))
            .ok_or_else(|| E::custom(format!("{value} is not a whole number in range")))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Self::Value, E> {
        whole_number_text(value)
            .map(|number| number.map(Loose::Number))
            .ok_or_else(|| E::custom(format!("{value:?} is not a whole number")))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_in_every_spelling() {
        let cases = [
            ("0", Some(0)),
            ("-0", Some(0)),
            ("25", Some(25)),
            ("-12", Some(-12)),
            ("100.0", Some(100)),
            ("100.000", Some(100)),
            ("1e2", Some(100)),
            ("1.5e3", Some(1500)),
            ("1500e-2", Some(15)),
            ("1500e-3", None),
            ("0.0e999999999999999999999", Some(0)),
            (" 7 ", Some(7)),
            ("+7", Some(7)),
            ("007", Some(7)),
            ("9223372036854775807", Some(i64::MAX)),
            ("-9223372036854775808", Some(i64::MIN)),
            ("9223372036854775808", None),
            ("1e19", None),
            ("1e999999999999999999999", None),
            ("1.5", None),
            ("15e-1", None),
            ("0.1", None),
            ("", None),
            ("-", None),
            ("1.", None),
            (".5", None),
            ("1e", None),
            ("one", None),
            ("1 2", None),
            ("0x10", None),
        ];
        for (literal, expected) in cases {
            assert_eq!(whole_number(literal), expected, "{literal:?}");
        }
    }

    #[test]
    fn flags_are_zero_and_one_only() {
        assert_eq!(flag_of(0), Some(false));
        assert_eq!(flag_of(1), Some(true));
        assert_eq!(flag_of(2), None);
        assert_eq!(flag_of(-1), None);
    }
}
