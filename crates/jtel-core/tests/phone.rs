//! Phone normalisation and E.164 checks, as tables and as properties. `phone_oracle.rs`
//! compares the same function with libphonenumber over every region's example numbers.

use jtel_core::numbering_plan::Region;
use jtel_core::phone::{check_e164, format_international, normalize_phone, PhoneError};
use proptest::prelude::*;

fn region(id: &str) -> Region {
    Region::from_id(id).expect(id)
}

#[track_caller]
fn check_ok(region_id: &str, cases: &[(&str, &str)]) {
    for (typed, expected) in cases {
        assert_eq!(
            normalize_phone(typed, region(region_id)).as_deref(),
            Ok(*expected),
            "typed {typed:?} in {region_id}"
        );
    }
}

#[track_caller]
fn check_fail(region_id: &str, cases: &[(&str, PhoneError)]) {
    for (typed, expected) in cases {
        assert_eq!(
            normalize_phone(typed, region(region_id)),
            Err(*expected),
            "typed {typed:?} in {region_id}"
        );
    }
}

#[test]
fn typed_numbers_normalise_to_jtel_e164() {
    check_ok(
        "DE",
        &[
            ("+49 199 123-456-789", "49199123456789"),
            ("0049 199 123456789", "49199123456789"),
            ("(0199) 123 456 789", "49199123456789"),
            ("+49 (0) 199 123456789", "49199123456789"),
            ("0199/123.456.789", "49199123456789"),
            ("49199123456789", "49199123456789"),
            ("0199 2223334", "491992223334"),
            ("+49 199 5556667", "491995556667"),
            ("4930123456", "4930123456"),
            ("  +1 212 555 0100 ", "12125550100"),
            ("+353 86 123 4567", "353861234567"),
            ("00 44 20 7946 0958", "442079460958"),
        ],
    );
}

#[test]
fn national_numbers_follow_the_regions_numbering_plan() {
    check_ok("FR", &[("01 23 45 67 89", "33123456789")]);
    check_ok("AT", &[("0664 1234567", "436641234567")]);
    // The 0 belongs to the number in Italy (and San Marino, the Vatican, Côte d'Ivoire, …).
    check_ok(
        "IT",
        &[
            ("02 1234 5678", "390212345678"),
            ("+39 02 1234 5678", "390212345678"),
            ("0039 02 1234 5678", "390212345678"),
            ("312 345 6789", "393123456789"),
            // A mobile number starting with 39 is still national: 39 + 31234567 is too short.
            ("393 123 4567", "393931234567"),
        ],
    );
    // Hungary's trunk prefix is 06.
    check_ok("HU", &[("06 20 123 4567", "36201234567")]);
    // Russia's trunk prefix is 8 and its international prefix 810.
    check_ok(
        "RU",
        &[
            ("8 (800) 123-45-67", "78001234567"),
            ("8 (495) 123-45-67", "74951234567"),
            ("810 49 199 123456789", "49199123456789"),
        ],
    );
    // Digits without a prefix are national: no longer Egypt, Australia or the Netherlands.
    check_ok(
        "US",
        &[
            ("(201) 555-0123", "12015550123"),
            ("011 49 30 1234567", "49301234567"),
        ],
    );
    check_ok("ES", &[("612 34 56 78", "34612345678")]);
    // Argentina: the mobile token 15 after the area code becomes a 9 after the country code.
    check_ok(
        "AR",
        &[
            ("011 15-2345-6789", "5491123456789"),
            ("+54 9 11 2345-6789", "5491123456789"),
            ("011 2345-6789", "541123456789"),
        ],
    );
}

#[test]
fn what_people_paste_is_read() {
    check_ok(
        "DE",
        &[
            ("+49\u{a0}30\u{2009}1234567", "49301234567"),
            ("+49 30 – 123 45 67", "49301234567"),
            ("030—1234567", "49301234567"),
            ("tel:+49-30-1234567", "49301234567"),
            ("TEL:030 1234567", "49301234567"),
            ("＋４９ ３０ １２３４５６７", "49301234567"),
            ("+49 (0)30 1234567", "49301234567"),
            ("030.123.45.67", "49301234567"),
        ],
    );
}

#[test]
fn what_cannot_be_one_number_is_refused_with_its_reason() {
    check_fail(
        "DE",
        &[
            ("", PhoneError::Empty),
            ("  ( ) - ", PhoneError::Empty),
            ("0800-FLOWERS", PhoneError::Letters),
            ("+49 199 12x", PhoneError::Letters),
            ("030 1234567 ext. 12", PhoneError::Extension),
            ("030 1234567 x12", PhoneError::Extension),
            ("030 1234567 Durchwahl 12", PhoneError::Extension),
            ("tel:+49-30-1234567;ext=12", PhoneError::Extension),
            ("030 1234567, 030 7654321", PhoneError::TwoNumbers),
            ("030 1234567 oder 030 7654321", PhoneError::TwoNumbers),
            ("+49 30 1234567 +49 30 7654321", PhoneError::TwoNumbers),
            ("49+199123", PhoneError::InvalidCharacters),
            ("++49199123456", PhoneError::InvalidCharacters),
            ("030 1234567!", PhoneError::InvalidCharacters),
            ("0199 1", PhoneError::TooShort),
            ("+49 12", PhoneError::TooShort),
            ("+49 1234 5678 9012 345", PhoneError::TooLong),
            ("+28 123456789", PhoneError::UnknownCountryCode),
            ("+0 123456789", PhoneError::UnknownCountryCode),
            ("000 49 199 1234", PhoneError::UnknownCountryCode),
            ("+49 0 1234", PhoneError::TooShort),
        ],
    );
    // Düsseldorf (0211) with the country code but no +, or a number in Emden (04921)?
    check_fail("DE", &[("492112345678", PhoneError::Ambiguous)]);
}

#[test]
fn the_hint_writes_numbers_as_their_region_does() {
    let cases = [
        ("390212345678", "+39 02 1234 5678"),
        ("393123456789", "+39 312 345 6789"),
        ("5491123456789", "+54 9 11 2345 6789"),
        ("12015550123", "+1 201 555 0123"),
        ("4930123456", "+49 30 123456"),
        // No example of this first digit and length: groups of 3, the last of up to 4.
        ("4930123456789", "+49 301 234 567 89"),
        ("999123", "+999123"),
    ];
    for (number, written) in cases {
        assert_eq!(format_international(number), written, "{number}");
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

fn any_region() -> impl Strategy<Value = Region> {
    proptest::sample::select(Region::all().collect::<Vec<_>>())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn a_normalised_number_reads_back_the_same_with_a_plus(typed in "[+0-9 ()/.-]{0,24}", region in any_region()) {
        if let Ok(once) = normalize_phone(&typed, region) {
            prop_assert_eq!(check_e164(&once), Ok(()));
            prop_assert_eq!(normalize_phone(&format!("+{once}"), region), Ok(once.clone()));
            prop_assert_eq!(normalize_phone(&format!("+{once}"), Region::DE), Ok(once));
        }
    }

    #[test]
    fn never_panics_on_arbitrary_text(typed in any::<String>(), region in any_region()) {
        let _ = normalize_phone(&typed, region);
        let _ = check_e164(&typed);
    }

    #[test]
    fn separators_never_change_the_result(digits in "[1-9][0-9]{6,13}", seps in proptest::collection::vec("[ ./-]|\u{a0}|\u{2013}|\u{2009}", 14)) {
        let spaced: String = digits.chars().zip(seps.iter().cycle()).flat_map(|(d, s)| [d.to_string(), s.clone()]).collect();
        prop_assert_eq!(normalize_phone(&format!("+{spaced}"), Region::DE), normalize_phone(&format!("+{digits}"), Region::DE));
    }
}
