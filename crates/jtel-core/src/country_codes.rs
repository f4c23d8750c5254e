//! ITU-T E.164 country calling codes, as assigned (ITU-T E.164 Annex to Operational Bulletin).
//!
//! Country codes are prefix-free: no assigned code is the start of another, so a number has at
//! most one matching code. Spare and reserved codes (for example 28x, 42x except 420/421/423,
//! 80x except 800/808) are not listed and therefore refused.

/// Every assigned country calling code (countries, shared and global services), ascending.
const ASSIGNED: &[u16] = &[
    1, 7, 20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46, 47, 48, 49, 51, 52, 53, 54,
    55, 56, 57, 58, 60, 61, 62, 63, 64, 65, 66, 81, 82, 84, 86, 90, 91, 92, 93, 94, 95, 98, 211,
    212, 213, 216, 218, 220, 221, 222, 223, 224, 225, 226, 227, 228, 229, 230, 231, 232, 233, 234,
    235, 236, 237, 238, 239, 240, 241, 242, 243, 244, 245, 246, 247, 248, 249, 250, 251, 252, 253,
    254, 255, 256, 257, 258, 260, 261, 262, 263, 264, 265, 266, 267, 268, 269, 290, 291, 297, 298,
    299, 350, 351, 352, 353, 354, 355, 356, 357, 358, 359, 370, 371, 372, 373, 374, 375, 376, 377,
    378, 379, 380, 381, 382, 383, 385, 386, 387, 389, 420, 421, 423, 500, 501, 502, 503, 504, 505,
    506, 507, 508, 509, 590, 591, 592, 593, 594, 595, 596, 597, 598, 599, 670, 672, 673, 674, 675,
    676, 677, 678, 679, 680, 681, 682, 683, 685, 686, 687, 688, 689, 690, 691, 692, 800, 808, 850,
    852, 853, 855, 856, 870, 878, 880, 881, 882, 883, 886, 888, 960, 961, 962, 963, 964, 965, 966,
    967, 968, 970, 971, 972, 973, 974, 975, 976, 977, 979, 992, 993, 994, 995, 996, 998,
];

/// The assigned country calling code that `digits` starts with, as a string slice of `digits`.
///
/// `digits` must be ASCII digits; anything else simply never matches.
pub fn country_code_of(digits: &str) -> Option<&str> {
    (1..=3)
        .filter(|&len| len <= digits.len())
        .map(|len| &digits[..len])
        .find(|prefix| {
            prefix
                .parse::<u16>()
                .is_ok_and(|code| is_assigned(code) && !prefix.starts_with('0'))
        })
}

/// Whether `code` is an assigned country calling code.
pub fn is_assigned(code: u16) -> bool {
    ASSIGNED.binary_search(&code).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_is_sorted_so_binary_search_works() {
        assert!(ASSIGNED.windows(2).all(|pair| pair[0] < pair[1]));
    }

    #[test]
    fn codes_are_prefix_free() {
        for &a in ASSIGNED {
            for &b in ASSIGNED {
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
