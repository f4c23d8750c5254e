//! ITU-T E.164 country calling codes: those libphonenumber's metadata knows (see
//! [`crate::numbering_plan`]).
//!
//! Country codes are prefix-free: no assigned code is the start of another, so a number has at
//! most one matching code. Spare and reserved codes (for example 28x, 42x except 420/421/423,
//! 80x except 800/808) are not listed and therefore refused.

use crate::numbering_plan::CodePlan;

/// The assigned country calling code that `digits` starts with, as a string slice of `digits`.
///
/// `digits` must be ASCII digits; anything else simply never matches.
pub fn country_code_of(digits: &str) -> Option<&str> {
    CodePlan::of_number(digits).map(|(code, _)| &digits[..code.len()])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_assigned(code: u16) -> bool {
        let code = code.to_string();
        country_code_of(&code) == Some(code.as_str())
    }

    #[test]
    fn codes_are_prefix_free() {
        let codes: Vec<u16> = (1..1000).filter(|&code| is_assigned(code)).collect();
        assert_eq!(codes.len(), 215, "libphonenumber's calling codes");
        for a in &codes {
            for b in &codes {
                let (a, b) = (a.to_string(), b.to_string());
                assert!(a == b || !b.starts_with(&a), "{a} is a prefix of {b}");
            }
        }
    }

    #[test]
    fn finds_codes_of_every_length() {
        assert_eq!(country_code_of("12125550100"), Some("1"));
        assert_eq!(country_code_of("49199123456789"), Some("49"));
        assert_eq!(country_code_of("353861234567"), Some("353"));
        assert_eq!(country_code_of("2812345678"), None, "28x is spare");
        assert_eq!(country_code_of(""), None);
    }
}
