//! jtel timestamps (`dtCreated`, `dtLastModified`, …).
//!
//! The server is not consistent; three formats are documented and all parse:
//! `2020-08-09T02:33:50.347` (no zone: server local time), `2022-01-04T13:31:37.477546Z` (UTC)
//! and `2022-06-17T15:19:12.484+02:00` (offset). A timestamp serialises back in the format it
//! was read in, so records round-trip unchanged.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A calendar date and wall-clock time as the server wrote it, with its zone information.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Timestamp {
    /// Year, e.g. 2020.
    pub year: i32,
    /// Month 1–12.
    pub month: u8,
    /// Day of month 1–31.
    pub day: u8,
    /// Hour 0–23.
    pub hour: u8,
    /// Minute 0–59.
    pub minute: u8,
    /// Second 0–60 (60 for a leap second).
    pub second: u8,
    /// Fraction of the second in nanoseconds.
    pub nanosecond: u32,
    /// How many fraction digits the server wrote (0–9), kept for round-trips.
    pub fraction_digits: u8,
    /// The zone information that came with it.
    pub zone: Zone,
}

/// The zone part of a [`Timestamp`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Zone {
    /// No zone given: the jtel server's local time.
    ServerLocal,
    /// `Z`: UTC.
    Utc,
    /// `+hh:mm` / `-hh:mm`: offset from UTC in minutes.
    OffsetMinutes(i16),
}

/// Why a text is not a jtel timestamp.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimestampError(String);

impl fmt::Display for TimestampError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a jtel timestamp: {:?}", self.0)
    }
}

impl std::error::Error for TimestampError {}

impl Timestamp {
    /// Parses any of the three documented formats (`T` or a space between date and time).
    pub fn parse(text: &str) -> Result<Self, TimestampError> {
        parse_parts(text).ok_or_else(|| TimestampError(text.to_owned()))
    }

    /// The UTC time `millis` after the Unix epoch, written with millisecond precision in `zone`
    /// form (an offset zone is treated as UTC+offset).
    pub fn from_unix_millis(millis: i64, zone: Zone) -> Self {
        let offset_minutes = match zone {
            Zone::OffsetMinutes(minutes) => i64::from(minutes),
            Zone::ServerLocal | Zone::Utc => 0,
        };
        let local_millis = millis + offset_minutes * 60_000;
        let days = local_millis.div_euclid(86_400_000);
        let millis_of_day = local_millis.rem_euclid(86_400_000);
        let (year, month, day) = civil_from_days(days);
        Self {
            year,
            month,
            day,
            hour: (millis_of_day / 3_600_000) as u8,
            minute: (millis_of_day / 60_000 % 60) as u8,
            second: (millis_of_day / 1000 % 60) as u8,
            nanosecond: (millis_of_day % 1000) as u32 * 1_000_000,
            fraction_digits: 3,
            zone,
        }
    }
}

impl Timestamp {
    /// Milliseconds since the Unix epoch. A server-local time is read as UTC: callers that
    /// compare it with the browser's clock must allow for the server's zone.
    pub fn to_unix_millis(&self) -> i64 {
        let days = days_from_civil(self.year, self.month, self.day);
        let offset_minutes = match self.zone {
            Zone::OffsetMinutes(minutes) => i64::from(minutes),
            Zone::ServerLocal | Zone::Utc => 0,
        };
        let seconds =
            i64::from(self.hour) * 3600 + i64::from(self.minute) * 60 + i64::from(self.second);
        (days * 86_400 + seconds - offset_minutes * 60) * 1000
            + i64::from(self.nanosecond / 1_000_000)
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
            self.year, self.month, self.day, self.hour, self.minute, self.second
        )?;
        if self.fraction_digits > 0 {
            let digits = format!("{:09}", self.nanosecond);
            write!(
                f,
                ".{}",
                &digits[..usize::from(self.fraction_digits.min(9))]
            )?;
        }
        match self.zone {
            Zone::ServerLocal => Ok(()),
            Zone::Utc => f.write_str("Z"),
            Zone::OffsetMinutes(minutes) => {
                let sign = if minutes < 0 { '-' } else { '+' };
                let abs = minutes.unsigned_abs();
                write!(f, "{sign}{:02}:{:02}", abs / 60, abs % 60)
            }
        }
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Timestamp::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// Serde helper for optional timestamp fields: a missing, `null` or unreadable value becomes
/// `None`, so one odd column never makes a whole record unreadable.
pub fn lenient<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Timestamp>, D::Error> {
    let value = Option::<serde_json::Value>::deserialize(deserializer)?;
    Ok(value.and_then(|value| value.as_str().and_then(|text| Timestamp::parse(text).ok())))
}

fn parse_parts(text: &str) -> Option<Timestamp> {
    let bytes = text.as_bytes();
    if bytes.len() < 19
        || bytes[4] != b'-'
        || bytes[7] != b'-'
        || !matches!(bytes[10], b'T' | b' ')
        || bytes[13] != b':'
        || bytes[16] != b':'
    {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = text.get(range)?;
        part.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let (hour, minute, second) = (number(11..13)?, number(14..16)?, number(17..19)?);
    if !(1..=12).contains(&month)
        || day == 0
        || day > days_in_month(year as i32, month as u8).into()
        || hour > 23
        || minute > 59
        || second > 60
    {
        return None;
    }
    let mut rest = &text[19..];
    let (mut nanosecond, mut fraction_digits) = (0u32, 0u8);
    if let Some(fraction) = rest.strip_prefix('.') {
        let len = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if !(1..=9).contains(&len) {
            return None;
        }
        let digits = &fraction[..len];
        nanosecond = format!("{digits:0<9}").parse().ok()?;
        fraction_digits = len as u8;
        rest = &fraction[len..];
    }
    let zone = match rest {
        "" => Zone::ServerLocal,
        "Z" | "z" => Zone::Utc,
        offset => {
            let sign = match offset.as_bytes().first()? {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let (hours, minutes) = offset[1..].split_once(':')?;
            if hours.len() != 2
                || minutes.len() != 2
                || !(hours.to_owned() + minutes)
                    .bytes()
                    .all(|b| b.is_ascii_digit())
            {
                return None;
            }
            let (hours, minutes): (i16, i16) = (hours.parse().ok()?, minutes.parse().ok()?);
            if hours > 23 || minutes > 59 {
                return None;
            }
            Zone::OffsetMinutes(sign * (hours * 60 + minutes))
        }
    };
    Some(Timestamp {
        year: year as i32,
        month: month as u8,
        day: day as u8,
        hour: hour as u8,
        minute: minute as u8,
        second: second as u8,
        nanosecond,
        fraction_digits,
        zone,
    })
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let year = i64::from(year) - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400);
    let month = i64::from(month);
    let day_of_year =
        (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// Proleptic Gregorian date of `days` since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i32, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year as i32, month, day)
}
