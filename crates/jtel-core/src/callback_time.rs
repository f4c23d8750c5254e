//! The preferred time of a callback: the wall-clock minute the user picked, and the instant it
//! means in their time zone, right on every date (also across daylight-saving changes).
//!
//! A zone is only ever asked one question, `offset_at(utc_millis)` (minutes east of UTC in force
//! at that instant): the browser answers it from its own time-zone data (`src/local_time.rs` in
//! the widget crate), the tests from tables or a reference zone database. No zone rules live
//! here, so none reach the wasm bundle.

use crate::timestamp::{Timestamp, Zone};
use std::fmt;

/// Milliseconds in a minute.
const MINUTE: i64 = 60_000;
/// Milliseconds in a day.
const DAY: i64 = 86_400_000;

/// A wall-clock minute with no zone, as a `datetime-local` input writes it (`2027-07-15T14:30`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LocalMinute {
    /// Year, e.g. 2027.
    pub year: i32,
    /// Month 1–12.
    pub month: u8,
    /// Day of month 1–31.
    pub day: u8,
    /// Hour 0–23.
    pub hour: u8,
    /// Minute 0–59.
    pub minute: u8,
}

impl LocalMinute {
    /// The wall-clock minute of the instant `utc_millis` where the offset is `offset_minutes`.
    pub fn at(utc_millis: i64, offset_minutes: i32) -> Self {
        Self::from_timestamp(Timestamp::from_unix_millis(
            utc_millis + i64::from(offset_minutes) * MINUTE,
            Zone::Utc,
        ))
    }

    fn from_timestamp(stamp: Timestamp) -> Self {
        Self {
            year: stamp.year,
            month: stamp.month,
            day: stamp.day,
            hour: stamp.hour,
            minute: stamp.minute,
        }
    }

    /// This wall-clock minute read as if it were UTC, in milliseconds since the Unix epoch.
    fn as_if_utc(self) -> i64 {
        Timestamp {
            year: self.year,
            month: self.month,
            day: self.day,
            hour: self.hour,
            minute: self.minute,
            second: 0,
            nanosecond: 0,
            fraction_digits: 0,
            zone: Zone::Utc,
        }
        .to_unix_millis()
    }

    /// The wall-clock minute `minutes` later (earlier when negative), by the calendar alone.
    pub fn plus_minutes(self, minutes: i64) -> Self {
        Self::at(self.as_if_utc() + minutes * MINUTE, 0)
    }

    /// The ISO date, `2027-07-15`.
    pub fn date(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// The 24-hour time, `14:30`.
    pub fn time(self) -> String {
        clock_text(self.minute_of_day())
    }

    /// Minutes since midnight (0–1439).
    pub fn minute_of_day(self) -> u16 {
        u16::from(self.hour) * 60 + u16::from(self.minute)
    }

    /// The day of the week, 0 for Monday to 6 for Sunday.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (3).
        (self.as_if_utc().div_euclid(DAY) + 3).rem_euclid(7) as u8
    }
}

impl fmt::Display for LocalMinute {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}T{}", self.date(), self.time())
    }
}

/// `HH:MM` for minutes since midnight (`24:00` for 1440).
pub fn clock_text(minute_of_day: u16) -> String {
    format!("{:02}:{:02}", minute_of_day / 60, minute_of_day % 60)
}

/// An offset from UTC as ISO 8601 writes it: `+02:00`, `-04:00`, `+05:45`, `+00:00`.
pub fn offset_text(offset_minutes: i32) -> String {
    let sign = if offset_minutes < 0 { '-' } else { '+' };
    let abs = offset_minutes.unsigned_abs();
    format!("{sign}{:02}:{:02}", abs / 60, abs % 60)
}

/// A zone as people read it: `Europe/Berlin (UTC+02:00)`, or `UTC+02:00` without a name.
pub fn zone_text(name: Option<&str>, offset_minutes: i32) -> String {
    let offset = format!("UTC{}", offset_text(offset_minutes));
    match name {
        Some(name) => format!("{name} ({offset})"),
        None => offset,
    }
}

/// Reads the offset a browser's `Intl.DateTimeFormat` writes with `timeZoneName: "longOffset"`
/// in English: `GMT+02:00`, `GMT-03:30`, `GMT+05:45`, or `GMT` for UTC.
pub fn parse_gmt_offset(text: &str) -> Option<i32> {
    let rest = text.trim().strip_prefix("GMT")?;
    if rest.is_empty() {
        return Some(0);
    }
    // Some engines write U+2212 MINUS SIGN instead of '-'.
    let (sign, digits) = if let Some(digits) = rest.strip_prefix('+') {
        (1, digits)
    } else {
        (-1, rest.strip_prefix(['-', '\u{2212}'])?)
    };
    let (hours, minutes) = digits.split_once(':').unwrap_or((digits, "00"));
    let (hours, minutes) = (two_digits(hours)?, two_digits(minutes)?);
    (hours <= 18 && minutes < 60).then_some(sign * i32::from(hours * 60 + minutes))
}

/// A number written with exactly two ASCII digits (`05`).
pub(crate) fn two_digits(part: &str) -> Option<u16> {
    (part.len() == 2 && part.bytes().all(|b| b.is_ascii_digit())).then(|| part.parse().ok())?
}

/// An instant: a wall-clock minute and the UTC offset in force then. It prints in ISO 8601
/// with its offset (`2027-07-15T14:30+02:00`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ZonedMinute {
    /// The wall-clock minute.
    pub local: LocalMinute,
    /// Minutes east of UTC.
    pub offset_minutes: i32,
}

impl ZonedMinute {
    /// The instant `utc_millis` in the zone that `offset_at` describes.
    pub fn at(utc_millis: i64, offset_at: impl Fn(i64) -> i32) -> Self {
        let offset_minutes = offset_at(utc_millis);
        Self {
            local: LocalMinute::at(utc_millis, offset_minutes),
            offset_minutes,
        }
    }

    /// Milliseconds since the Unix epoch.
    pub fn utc_millis(self) -> i64 {
        self.local.as_if_utc() - i64::from(self.offset_minutes) * MINUTE
    }
}

impl fmt::Display for ZonedMinute {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.local, offset_text(self.offset_minutes))
    }
}

/// Where the clocks of a zone jump forward: wall-clock times from `starts` up to (not
/// including) `ends` never happen that day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Gap {
    /// The last reading before the jump (`02:00` in Berlin in March).
    pub starts: LocalMinute,
    /// The reading the clocks jump to (`03:00`).
    pub ends: LocalMinute,
}

impl Gap {
    /// The two valid times nearest to `skipped` that keep its distance from the jump: as
    /// much earlier and later as the clocks jump (`01:30` and `03:30` for `02:30` in Berlin;
    /// what JavaScript's Temporal calls the `earlier` and `later` readings).
    pub fn alternatives(self, skipped: LocalMinute) -> [LocalMinute; 2] {
        let jump = (self.ends.as_if_utc() - self.starts.as_if_utc()) / MINUTE;
        [skipped.plus_minutes(-jump), skipped.plus_minutes(jump)]
    }
}

/// What a wall-clock time means in a zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Resolution {
    /// Exactly one instant: the normal case.
    Unique(ZonedMinute),
    /// The hour the clocks go back: the time comes twice, first with the larger offset.
    Twice {
        /// The first time the clocks show it.
        earlier: ZonedMinute,
        /// The second time.
        later: ZonedMinute,
    },
    /// The hour the clocks jump forward: the time never comes.
    Skipped(Gap),
}

/// What `local` means in the zone that `offset_at` describes. The offsets a day before and a
/// day after are the candidates (a zone changes its offset at most once in two days); each
/// candidate that the zone confirms at its instant is a reading.
pub fn resolve(local: LocalMinute, offset_at: impl Fn(i64) -> i32) -> Resolution {
    let wall = local.as_if_utc();
    let instant_with = |offset: i32| wall - i64::from(offset) * MINUTE;
    let (before, after) = (offset_at(wall - DAY), offset_at(wall + DAY));
    let reading = |offset: i32| {
        (offset_at(instant_with(offset)) == offset).then_some(ZonedMinute {
            local,
            offset_minutes: offset,
        })
    };
    match (reading(before), reading(after)) {
        (Some(first), Some(second)) if first != second => {
            let (earlier, later) = if first.offset_minutes > second.offset_minutes {
                (first, second)
            } else {
                (second, first)
            };
            Resolution::Twice { earlier, later }
        }
        (Some(only), _) | (None, Some(only)) => Resolution::Unique(only),
        (None, None) if after > before => {
            // The jump lies between the two candidate instants: find its minute.
            let (mut old, mut new) = (instant_with(after), instant_with(before));
            while new - old > MINUTE {
                let middle = old + (new - old) / MINUTE / 2 * MINUTE;
                if offset_at(middle) == before {
                    old = middle;
                } else {
                    new = middle;
                }
            }
            Resolution::Skipped(Gap {
                starts: LocalMinute::at(new, before),
                ends: LocalMinute::at(new, offset_at(new)),
            })
        }
        // Offsets that no reading confirms (a zone changing twice within two days): the
        // offset in force before is taken.
        (None, None) => Resolution::Unique(ZonedMinute {
            local,
            offset_minutes: before,
        }),
    }
}

/// What the preferred-time field holds: a wall-clock minute and, for a time that comes
/// twice, which of the two the user took (by its offset): `2027-10-31T02:30+01:00`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PickedTime {
    /// The wall-clock minute.
    pub local: LocalMinute,
    /// The offset the user chose, when they chose one.
    pub offset_minutes: Option<i32>,
}

impl PickedTime {
    /// Reads `YYYY-MM-DDTHH:MM`, optionally with seconds and an offset (`+01:00`, `Z`).
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        let minute = text.get(..16)?;
        let mut rest = &text[16..];
        if let Some(seconds) = rest.strip_prefix(':') {
            let digits = seconds.get(..2)?;
            if !digits.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            rest = &seconds[2..];
        }
        if rest.starts_with('.') {
            return None;
        }
        let stamp = Timestamp::parse(&format!("{minute}:00{rest}")).ok()?;
        Some(Self {
            local: LocalMinute::from_timestamp(stamp),
            offset_minutes: match stamp.zone {
                Zone::ServerLocal => None,
                Zone::Utc => Some(0),
                Zone::OffsetMinutes(minutes) => Some(i32::from(minutes)),
            },
        })
    }
}

/// A preferred time that may be sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PreferredTime {
    /// The instant, as the user's clock shows it.
    pub instant: ZonedMinute,
    /// For a time that comes twice, the reading not taken (the user can switch to it).
    pub other: Option<ZonedMinute>,
}

/// Why a preferred time is not acceptable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PreferredTimeError {
    /// Not of the form `YYYY-MM-DDTHH:MM`.
    Malformed,
    /// Earlier than now.
    InThePast,
    /// The clocks jump over it that day: from `starts` to `ends` (minutes since midnight).
    Skipped {
        /// The last reading before the jump.
        starts: u16,
        /// The reading the clocks jump to.
        ends: u16,
    },
    /// Outside the call centre's service hours.
    OutsideServiceHours,
}

/// Decides the preferred time `text` in the zone `offset_at` describes, at `now_millis` (ms
/// since the Unix epoch): a time that comes twice is the first reading unless `text` names the
/// other's offset; a skipped time and a time before the current minute are refused.
pub fn decide_preferred_time(
    text: &str,
    now_millis: i64,
    offset_at: impl Fn(i64) -> i32,
) -> Result<PreferredTime, PreferredTimeError> {
    let picked = PickedTime::parse(text).ok_or(PreferredTimeError::Malformed)?;
    let preferred = match resolve(picked.local, offset_at) {
        Resolution::Unique(instant) => PreferredTime {
            instant,
            other: None,
        },
        Resolution::Twice { earlier, later } => {
            if picked.offset_minutes == Some(later.offset_minutes) {
                PreferredTime {
                    instant: later,
                    other: Some(earlier),
                }
            } else {
                PreferredTime {
                    instant: earlier,
                    other: Some(later),
                }
            }
        }
        Resolution::Skipped(gap) => {
            return Err(PreferredTimeError::Skipped {
                starts: gap.starts.minute_of_day(),
                ends: gap.ends.minute_of_day(),
            })
        }
    };
    if preferred.instant.utc_millis() < now_millis - now_millis.rem_euclid(MINUTE) {
        return Err(PreferredTimeError::InThePast);
    }
    Ok(preferred)
}
