//! libphonenumber's numbering plans, as far as normalising a typed number needs them.
//!
//! [`Region`] is a region (ISO 3166-1 alpha-2) with its calling code and international call
//! prefixes; [`CodePlan`] is what one calling code's regions share: their national (trunk)
//! prefixes and the possible lengths of their national numbers. The data is generated from
//! libphonenumber's metadata by `scripts/gen-numbering-plan.py` (see `docs/phone-numbers.md`)
//! into [`data`], compact text tables that this module reads on demand.

mod data;

pub use data::SOURCE;

/// A region (ISO 3166-1 alpha-2 code) and its numbering plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Region {
    /// `ID` + calling code + IDD index, a slice of [`data::REGIONS`].
    entry: &'static str,
}

impl Default for Region {
    /// Germany, the widgets' home region.
    fn default() -> Self {
        Self::DE
    }
}

/// Why a form's `region` or `country-code` setting names no region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RegionError {
    /// `region` is not an ISO 3166-1 alpha-2 code libphonenumber knows.
    UnknownRegion,
    /// No region has this calling code.
    UnknownCountryCode,
    /// Several regions share this calling code (1, 7, 44, …): the region must be named.
    SharedCountryCode(u16),
}

impl Region {
    /// Germany.
    pub const DE: Region = Region {
        entry: data::GERMANY,
    };

    /// The region with this ISO 3166-1 alpha-2 code (`IT`, `de`), if libphonenumber knows it.
    pub fn from_id(id: &str) -> Option<Region> {
        let id = id.trim();
        if id.len() != 2 {
            return None;
        }
        Self::all().find(|region| region.id().eq_ignore_ascii_case(id))
    }

    /// The one region with calling code `code` (49 → DE); an error when none or several have it.
    pub fn from_country_code(code: u16) -> Result<Region, RegionError> {
        let mut regions = Self::with_country_code(code);
        match (regions.next(), regions.next()) {
            (Some(region), None) => Ok(region),
            (None, _) => Err(RegionError::UnknownCountryCode),
            (Some(_), Some(_)) => Err(RegionError::SharedCountryCode(code)),
        }
    }

    /// The region a form's settings name: `region` (`IT`) if given, else the one region of
    /// `country_code` (`49`, `+49`), else Germany. A setting that names no single region is an
    /// error, never a guess.
    pub fn from_settings(
        region: Option<&str>,
        country_code: Option<&str>,
    ) -> Result<Region, RegionError> {
        match (region, country_code) {
            (Some(id), _) => Self::from_id(id).ok_or(RegionError::UnknownRegion),
            (None, Some(code)) => code
                .trim()
                .trim_start_matches('+')
                .parse()
                .map_err(|_| RegionError::UnknownCountryCode)
                .and_then(Self::from_country_code),
            (None, None) => Ok(Self::default()),
        }
    }

    /// The regions with calling code `code`, the main one first.
    pub fn with_country_code(code: u16) -> impl Iterator<Item = Region> {
        Self::all().filter(move |region| region.country_code() == code)
    }

    /// Every region, ordered by calling code.
    pub fn all() -> impl Iterator<Item = Region> {
        data::REGIONS.split(' ').map(|entry| Region { entry })
    }

    /// The ISO 3166-1 alpha-2 code, upper case.
    pub fn id(self) -> &'static str {
        &self.entry[..2]
    }

    /// The calling code as digits (`49`).
    pub fn calling_code(self) -> &'static str {
        &self.entry[2..self.entry.len() - 1]
    }

    /// The calling code (`49`).
    pub fn country_code(self) -> u16 {
        self.calling_code().parse().unwrap_or_default()
    }

    /// The international call prefixes dialled in this region before a calling code (`00`,
    /// `011`, `810`, …), as digit patterns for [`prefix_len`].
    pub(crate) fn international_prefixes(self) -> impl Iterator<Item = &'static str> {
        let letter = self.entry.as_bytes()[self.entry.len() - 1];
        let index = match letter {
            b'a'..=b'z' => letter - b'a',
            _ => letter - b'A' + 26,
        };
        data::IDD[usize::from(index)].split('|')
    }
}

/// What the regions of one calling code share: national prefixes and possible lengths.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CodePlan {
    /// The calling code's line of [`data::CODES`], split at `;`.
    fields: [&'static str; 7],
}

impl CodePlan {
    /// The plan of the calling code that `digits` starts with, and that code.
    pub(crate) fn of_number(digits: &str) -> Option<(&'static str, CodePlan)> {
        let line = data::CODES.lines().find(|line| {
            line.split_once(';')
                .is_some_and(|(code, _)| digits.starts_with(code))
        })?;
        let mut parts = line.split(';');
        let mut fields = [""; 7];
        for field in &mut fields {
            *field = parts.next().unwrap_or_default();
        }
        Some((fields[0], CodePlan { fields }))
    }

    /// Whether a national (significant) number of this length and these leading digits can
    /// be valid in one of the code's regions. Never false for a number libphonenumber deems
    /// valid; true for some it does not.
    pub(crate) fn is_possible(&self, national: &str) -> bool {
        let [_, palette, by_digit, longer, ..] = self.fields;
        let allows = |mask: &str| {
            u32::from_str_radix(mask, 16)
                .is_ok_and(|mask| national.len() < 32 && mask & (1 << national.len()) != 0)
        };
        let first = national
            .bytes()
            .next()
            .filter(u8::is_ascii_digit)
            .and_then(|digit| by_digit.as_bytes().get(usize::from(digit - b'0')))
            .and_then(|index| {
                palette
                    .split(',')
                    .nth(usize::from(index.wrapping_sub(b'0')))
            });
        first.is_some_and(allows)
            && longer
                .split(',')
                .filter_map(|pair| pair.split_once('='))
                .all(|(prefix, mask)| prefix_len(prefix, national).is_none() || allows(mask))
    }

    /// The national numbers `digits` may stand for once a national (trunk) prefix, or
    /// Argentina's mobile token, is taken off: `digits` itself first.
    pub(crate) fn national_forms(&self, digits: &str) -> Vec<String> {
        let [_, _, _, _, prefixes, quirk, _] = self.fields;
        let mut forms = vec![digits.to_owned()];
        for prefix in prefixes.split('|').filter(|prefix| !prefix.is_empty()) {
            if let Some(len) = prefix_len(prefix, digits) {
                forms.push(digits[len..].to_owned());
            }
        }
        // `15>9:24`: the token 15 after an area code of 2 to 4 digits becomes a 9 in front.
        if let Some((token, rest)) = quirk.split_once('>') {
            let (insert, areas) = rest.split_once(':').unwrap_or_default();
            let area_lengths = areas.as_bytes();
            for text in [digits, digits.strip_prefix('0').unwrap_or(digits)] {
                for area in area_lengths.first().map_or(0, |b| b - b'0')
                    ..=area_lengths.last().map_or(0, |b| b - b'0')
                {
                    let area = usize::from(area);
                    if text
                        .get(area..)
                        .is_some_and(|after| after.starts_with(token))
                    {
                        forms.push(format!(
                            "{insert}{}{}",
                            &text[..area],
                            &text[area + token.len()..]
                        ));
                    }
                }
            }
        }
        forms
    }

    /// The sizes of the groups a national number is written in after the calling code: as the
    /// region writes its example number of this first digit and length, else groups of 3 and a
    /// last group of up to 4 digits.
    pub(crate) fn grouping(&self, national: &str) -> Vec<usize> {
        let base36 = |c: char| c.to_digit(36).map_or(0, |n| n as usize);
        let mut key = national.chars().take(1).collect::<String>();
        key.extend(char::from_digit(national.len() as u32, 36));
        if let Some(entry) = self.fields[6]
            .split(',')
            .find(|entry| entry.starts_with(&key))
        {
            return entry[2..].chars().map(base36).collect();
        }
        let mut sizes = Vec::new();
        let mut left = national.len();
        while left > 4 {
            sizes.push(3);
            left -= 3;
        }
        sizes.push(left);
        sizes
    }
}

/// How many leading digits of `digits` the pattern takes off: digits stand for themselves,
/// `[…]` is a class of digits and ranges (`[14-689]`), and what follows `>` must match too but
/// is not taken off (`0>11`: a 0 before 11).
pub(crate) fn prefix_len(pattern: &str, digits: &str) -> Option<usize> {
    let mut digits = digits.bytes();
    let mut pattern = pattern.bytes();
    let mut len = 0;
    let mut taken = None;
    while let Some(p) = pattern.next() {
        if p == b'>' {
            taken = Some(len);
            continue;
        }
        let digit = digits.next()?;
        let matches = if p == b'[' {
            let mut found = false;
            let mut previous = 0;
            let mut range = false;
            for c in pattern.by_ref().take_while(|&c| c != b']') {
                if c == b'-' {
                    range = true;
                    continue;
                }
                found |= if range {
                    (previous..=c).contains(&digit)
                } else {
                    c == digit
                };
                range = false;
                previous = c;
            }
            found
        } else {
            p == digit
        };
        if !matches {
            return None;
        }
        len += 1;
    }
    Some(taken.unwrap_or(len))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_are_found_by_id_and_by_unambiguous_code() {
        assert_eq!(Region::from_id("it").map(Region::country_code), Some(39));
        assert_eq!(Region::from_id("XX"), None);
        assert_eq!(Region::from_country_code(49), Ok(Region::DE));
        assert_eq!(
            Region::from_country_code(1),
            Err(RegionError::SharedCountryCode(1))
        );
        assert_eq!(
            Region::from_country_code(7),
            Err(RegionError::SharedCountryCode(7))
        );
        assert_eq!(
            Region::from_country_code(28),
            Err(RegionError::UnknownCountryCode)
        );
        assert_eq!(
            Region::from_settings(Some("it"), Some("49")),
            Region::from_id("IT").ok_or(RegionError::UnknownRegion)
        );
        assert_eq!(Region::from_settings(None, Some("+49")), Ok(Region::DE));
        assert_eq!(Region::from_settings(None, None), Ok(Region::DE));
        assert_eq!(
            Region::from_settings(Some("Italy"), None),
            Err(RegionError::UnknownRegion)
        );
        assert_eq!(
            Region::from_settings(None, Some("forty-nine")),
            Err(RegionError::UnknownCountryCode)
        );
        assert_eq!(Region::DE.id(), "DE");
        assert_eq!(
            Region::with_country_code(1).next().map(Region::id),
            Some("US")
        );
    }

    #[test]
    fn digit_patterns_match_prefixes() {
        assert_eq!(prefix_len("00", "0049"), Some(2));
        assert_eq!(prefix_len("001[14-689]", "00118"), Some(4));
        assert_eq!(prefix_len("001[14-689]", "0017"), None);
        assert_eq!(prefix_len("0[0-3][0-9]", "0139"), Some(3));
        assert_eq!(prefix_len("011", "01"), None);
        assert_eq!(prefix_len("0>6[256]", "0651234"), Some(1));
        assert_eq!(prefix_len("0>6[256]", "0601234"), None);
    }
}
