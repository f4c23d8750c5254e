//! Phone normalisation and E.164 checks, as a table and as properties.

use jtel_core::phone::{check_e164, normalize_phone, PhoneError};
use proptest::prelude::*;

#[test]
fn typed_numbers_normalise_to_jtel_e164() {
    let cases = [
        ("+49 199 123-456-789", "49199123456789"),
        ("0049 199 123456789", "49199123456789"),
        ("(0199) 123 456 789", "49199123456789"),
        ("+49 (0) 199 123456789", "49199123456789"),
        ("0199/123.456.789", "49199123456789"),
        ("49199123456789", "49199123456789"),
        ("  +1 212 555 0100 ", "12125550100"),
        ("+353 86 123 4567", "353861234567"),
        ("00 44 20 7946 0958", "442079460958"),
    ];
    for (typed, expected) in cases {
        assert_eq!(
            normalize_phone(typed, 49).as_deref(),
            Ok(expected),
            "typed {typed:?}"
        );
    }
}

#[test]
fn national_numbers_take_the_default_country_code() {
    assert_eq!(
        normalize_phone("01 23 45 67 89", 33).as_deref(),
        Ok("33123456789")
    );
    assert_eq!(
        normalize_phone("0664 1234567", 43).as_deref(),
        Ok("436641234567")
    );
}

#[test]
fn what_cannot_be_a_number_is_refused_with_its_reason() {
    let cases = [
        ("", PhoneError::Empty),
        ("  ( ) - ", PhoneError::Empty),
        ("0800-FLOWERS", PhoneError::InvalidCharacters),
        ("+49 199 12x", PhoneError::InvalidCharacters),
        ("49+199123", PhoneError::InvalidCharacters),
        ("++49199123456", PhoneError::InvalidCharacters),
        ("0199 1", PhoneError::TooShort),
        ("+49 12", PhoneError::TooShort),
        ("+49 1234 5678 9012 345", PhoneError::TooLong),
        ("+28 123456789", PhoneError::UnknownCountryCode),
        ("+0 123456789", PhoneError::UnknownCountryCode),
        ("000 49 199 1234", PhoneError::UnknownCountryCode),
    ];
    for (typed, expected) in cases {
        assert_eq!(normalize_phone(typed, 49), Err(expected), "typed {typed:?}");
    }
}

#[test]
fn e164_check_takes_only_the_jtel_form() {
    assert_eq!(check_e164("49199123456789"), Ok(()));
    assert_eq!(check_e164("4919900112233"), Ok(()));
    assert_eq!(
        check_e164("+49199123456789"),
        Err(PhoneError::InvalidCharacters)
    );
    assert_eq!(
        check_e164("0199123456789"),
        Err(PhoneError::UnknownCountryCode)
    );
    assert_eq!(check_e164("49 199 123"), Err(PhoneError::InvalidCharacters));
    assert_eq!(
        check_e164("491991234567890"),
        Ok(()),
        "15 digits is the E.164 maximum"
    );
    assert_eq!(check_e164("4919912345678901"), Err(PhoneError::TooLong));
    assert_eq!(check_e164(""), Err(PhoneError::Empty));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn normalising_is_idempotent(typed in "[+0-9 ()/.-]{0,24}", country in 1u16..999) {
        if let Ok(once) = normalize_phone(&typed, country) {
            prop_assert_eq!(normalize_phone(&once, country), Ok(once.clone()));
            prop_assert_eq!(check_e164(&once), Ok(()));
        }
    }

    #[test]
    fn never_panics_on_arbitrary_text(typed in any::<String>(), country in any::<u16>()) {
        let _ = normalize_phone(&typed, country);
        let _ = check_e164(&typed);
    }

    #[test]
    fn separators_never_change_the_result(digits in "[1-9][0-9]{6,13}", seps in proptest::collection::vec("[ ./-]", 14)) {
        let spaced: String = digits.chars().zip(seps.iter().cycle()).flat_map(|(d, s)| [d.to_string(), s.clone()]).collect();
        prop_assert_eq!(normalize_phone(&format!("+{spaced}"), 49), normalize_phone(&format!("+{digits}"), 49));
    }
}
