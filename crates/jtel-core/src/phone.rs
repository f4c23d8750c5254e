//! Phone numbers in jtel's E.164 form: digits only, country code first, no `+`.
//!
//! [`normalize_phone`] reads what people type or paste with the numbering plan of a
//! [`Region`] (`+39 02 1234 5678`, `0039 02…`, `02 1234 5678` in Italy, `0199 123456789` or
//! jtel's own `49199123456789` in Germany) and returns `390212345678`; it refuses, with a
//! reason, whatever it cannot read with certainty. [`check_e164`] checks a number that should
//! already be in jtel's form (what the jtel server receives).
//!
//! Each text is read every way the region's numbering plan allows: international after `+`
//! or an international call prefix, national (with or without the trunk prefix), and with the
//! region's calling code in front but no `+` (jtel's stored form). A reading counts when its
//! national number has a length and leading digits that libphonenumber allows; exactly one
//! distinct number must remain, else the text is ambiguous and refused. That way the digits
//! never differ from libphonenumber's for a number it accepts (`tests/phone_oracle.rs`).

use crate::country_codes::country_code_of;
use crate::numbering_plan::{prefix_len, CodePlan, Region};

/// The fewest digits (country code included) a callable number can have.
pub const MIN_DIGITS: usize = 7;
/// The most digits E.164 allows (country code included).
pub const MAX_DIGITS: usize = 15;

/// Why a text is not a phone number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PhoneError {
    /// Nothing but separators was typed.
    Empty,
    /// Symbols other than digits, separators (spaces, dashes, dots, slashes, brackets) and a
    /// leading `+`.
    InvalidCharacters,
    /// Latin letters (a vanity number such as `0800-FLOWERS`, or a word).
    Letters,
    /// An extension (`ext. 12`, `x12`, `;ext=12`): only the number itself can be called back.
    Extension,
    /// Two numbers in one field (`…, …`, `… or …`, a second `+`).
    TwoNumbers,
    /// Fewer than [`MIN_DIGITS`] digits.
    TooShort,
    /// More than [`MAX_DIGITS`] digits.
    TooLong,
    /// The number does not start with an assigned country calling code.
    UnknownCountryCode,
    /// No number of its country has this length and these leading digits.
    NotPossible,
    /// The digits can be read as two different numbers (for example national, or with the
    /// country code in front): the user must write `+` and the country code, or the trunk
    /// prefix.
    Ambiguous,
}

/// Normalises a typed phone number to jtel's E.164 form (digits only, no `+`), reading
/// national numbers with the numbering plan of `region`.
///
/// - `+CC…` and the region's international call prefix (`00`, `011`, `810`, …) + `CC…` are
///   international; a national trunk prefix after the country code (`+49 (0) 199…`) is
///   dropped where the country has one (Italy's leading 0 is part of the number).
/// - Other digits are national for `region` (`02 1234 5678` in Italy, `06 20 123 4567` in
///   Hungary, `011 15-2345-6789` in Argentina), unless they start with the region's calling
///   code and can only be read that way (`49199123456789` in Germany).
/// - Spaces (also no-break and thin), dashes (also en and em), dots, slashes and brackets
///   are separators; full-width digits count as digits; a `tel:` link is read as its number.
pub fn normalize_phone(input: &str, region: Region) -> Result<String, PhoneError> {
    let typed = Typed::read(input)?;
    let digits = typed.digits.as_str();
    let mut readings = Readings::default();
    let idd = region
        .international_prefixes()
        .filter_map(|prefix| prefix_len(prefix, digits))
        .min();
    if typed.plus {
        readings.international(digits);
    } else {
        for prefix in region.international_prefixes() {
            if let Some(len) = prefix_len(prefix, digits) {
                readings.international(&digits[len..]);
            }
        }
        let code = region.calling_code();
        readings.national(code, digits, false);
        if let Some(rest) = digits.strip_prefix(code) {
            // libphonenumber takes a trunk prefix off while it tries the calling code, and
            // again when it reads the national number.
            readings.national(code, rest, true);
        }
    }
    match readings.numbers.as_slice() {
        [number] => {
            check_e164(number)?;
            Ok(number.clone())
        }
        [] if typed.plus => Err(impossible(digits)),
        [] => Err(match idd {
            Some(len) => impossible(&digits[len..]),
            None => {
                let code = region.calling_code();
                let national = CodePlan::of_number(code)
                    .and_then(|(_, plan)| plan.national_forms(digits).into_iter().nth(1))
                    .unwrap_or_else(|| digits.to_owned());
                impossible(&format!("{code}{national}"))
            }
        }),
        _ => Err(PhoneError::Ambiguous),
    }
}

/// A number in jtel's E.164 form written for people: `+`, the country code, and the national
/// number grouped as its region writes it (`390212345678` → `+39 02 1234 5678`).
pub fn format_international(number: &str) -> String {
    let mut out = format!("+{number}");
    if let Some((code, plan)) = CodePlan::of_number(number) {
        out.truncate(code.len() + 1);
        let mut rest = &number[code.len()..];
        for size in plan.grouping(rest) {
            let (group, after) = rest.split_at(size.min(rest.len()));
            out.push(' ');
            out.push_str(group);
            rest = after;
        }
        if !rest.is_empty() {
            out.push(' ');
            out.push_str(rest);
        }
    }
    out
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

/// Why international `digits` (country code first) have no possible reading.
fn impossible(digits: &str) -> PhoneError {
    match check_e164(digits) {
        Err(error) => error,
        Ok(()) => PhoneError::NotPossible,
    }
}

/// The distinct numbers a text can stand for.
#[derive(Default)]
struct Readings {
    numbers: Vec<String>,
}

impl Readings {
    /// `digits` after `+` or an international call prefix: country code, then national number.
    fn international(&mut self, digits: &str) {
        if let Some(code) = country_code_of(digits) {
            self.national(code, &digits[code.len()..], false);
        }
    }

    /// `digits` as a national number of calling code `code`, with or without a trunk prefix
    /// (or two, `twice`).
    fn national(&mut self, code: &str, digits: &str, twice: bool) {
        let Some((_, plan)) = CodePlan::of_number(code) else {
            return;
        };
        for form in plan.national_forms(digits) {
            let forms = if twice {
                plan.national_forms(&form)
            } else {
                vec![form]
            };
            for national in forms {
                let number = format!("{code}{national}");
                if plan.is_possible(&national) && !self.numbers.contains(&number) {
                    self.numbers.push(number);
                }
            }
        }
    }
}

/// A typed number reduced to its digits and whether it began with `+`.
struct Typed {
    plus: bool,
    digits: String,
}

impl Typed {
    fn read(input: &str) -> Result<Typed, PhoneError> {
        let text = input.trim();
        let text = match text.get(..4) {
            Some(scheme) if scheme.eq_ignore_ascii_case("tel:") => &text[4..],
            _ => text,
        };
        let mut typed = Typed {
            plus: false,
            digits: String::new(),
        };
        let mut gap = false;
        for (at, c) in text.char_indices() {
            if let Some(digit) = ascii_digit(c) {
                typed.digits.push(digit);
                gap = false;
            } else if is_separator(c) {
                gap = !typed.digits.is_empty();
            } else if (c == '+' || c == '\u{ff0b}') && typed.digits.is_empty() && !typed.plus {
                typed.plus = true;
            } else {
                return Err(typed.refuse(&text[at..], gap));
            }
        }
        if typed.digits.is_empty() {
            return Err(PhoneError::Empty);
        }
        Ok(typed)
    }

    /// Why the text stops being a number at `rest`.
    fn refuse(&self, rest: &str, gap: bool) -> PhoneError {
        let rest = rest.to_ascii_lowercase();
        let after = |len: usize| rest.get(len..).unwrap_or_default();
        let digit_follows = |len: usize| after(len).chars().any(|c| ascii_digit(c).is_some());
        let has_number = !self.digits.is_empty();
        const EXTENSION: [&str; 8] = [
            ";ext=",
            "extension",
            "ext",
            "durchwahl",
            "dw",
            "apparat",
            "x",
            "#",
        ];
        const BETWEEN_NUMBERS: [&str; 9] =
            [",", ";", "\n", "\r", "or ", "oder ", "and ", "und ", "+"];
        if let Some(marker) = EXTENSION.iter().find(|marker| rest.starts_with(**marker)) {
            if has_number && digit_follows(marker.len()) {
                return PhoneError::Extension;
            }
        }
        if let Some(word) = BETWEEN_NUMBERS.iter().find(|word| rest.starts_with(**word)) {
            if has_number && digit_follows(word.len()) && (gap || !word.starts_with('+')) {
                return PhoneError::TwoNumbers;
            }
        }
        if rest.bytes().next().is_some_and(|b| b.is_ascii_alphabetic()) {
            PhoneError::Letters
        } else {
            PhoneError::InvalidCharacters
        }
    }
}

/// An ASCII or full-width digit as its ASCII digit.
fn ascii_digit(c: char) -> Option<char> {
    match c {
        '0'..='9' => Some(c),
        '\u{ff10}'..='\u{ff19}' => char::from_u32(u32::from(c) - 0xff10 + u32::from('0')),
        _ => None,
    }
}

/// Spaces (also no-break, thin and other widths), dashes (hyphen, en, em, minus), dots,
/// slashes and brackets, also in their full-width forms.
fn is_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t'
            | '-'
            | '.'
            | '/'
            | '('
            | ')'
            | '['
            | ']'
            | '\u{a0}'
            | '\u{2000}'..='\u{200b}'
            | '\u{2010}'..='\u{2015}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{2212}'
            | '\u{3000}'
            | '\u{ff08}'
            | '\u{ff09}'
            | '\u{ff0d}'
            | '\u{ff0e}'
            | '\u{ff0f}'
    )
}
