//! A call centre's service hours (`callback-hours="Mo-Fr 08:00-18:00; Sa 09:00-13:00"`, read in
//! the centre's zone `callback-zone`) and the callback times a picker offers inside them.
//!
//! Grammar: rules separated by `;`; a rule is days, a space, and time ranges. Days are
//! two-letter names, English (`Mo Tu We Th Fr Sa Su`) or German (`Mo Di Mi Do Fr Sa So`),
//! single or as a range (`Mo-Fr`, `Fr-Mo` wraps), several joined by `,`. A time range is
//! `HH:MM-HH:MM` with the close after the open (`24:00` closes at midnight); several are joined
//! by `,` (`Mo-Fr 08:00-12:00,13:00-18:00`).

use crate::callback_time::{resolve, two_digits, LocalMinute, Resolution, ZonedMinute};

/// Why a `callback-hours` value is not understood.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ServiceHoursError {
    /// Nothing but blanks.
    Empty,
    /// A rule without days or without time ranges.
    Incomplete,
    /// A day that is not a two-letter day name.
    UnknownDay,
    /// A time that is not `HH:MM` between `00:00` and `24:00`.
    BadTime,
    /// A range that does not close after it opens.
    ClosesBeforeOpens,
}

/// Why the callback-time settings of a form cannot be applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CallbackSettingError {
    /// `callback-hours` is not understood.
    Hours(ServiceHoursError),
    /// `callback-zone` is not a time zone the browser knows.
    UnknownZone,
    /// `callback-hours` without `callback-zone`: the hours would have no zone.
    HoursWithoutZone,
}

/// Opening hours by day of the week, in the centre's wall-clock time.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ServiceHours {
    /// `(days, opens, closes)`: bit 0 of `days` is Monday; times in minutes since midnight.
    rules: Vec<(u8, u16, u16)>,
}

impl ServiceHours {
    /// Reads a `callback-hours` value (grammar in the module docs).
    pub fn parse(text: &str) -> Result<Self, ServiceHoursError> {
        let mut rules = Vec::new();
        for rule in text
            .split(';')
            .map(str::trim)
            .filter(|rule| !rule.is_empty())
        {
            let (days, ranges) = rule
                .split_once(char::is_whitespace)
                .ok_or(ServiceHoursError::Incomplete)?;
            let days = parse_days(days)?;
            for range in ranges.split(',').map(str::trim) {
                let (opens, closes) = range.split_once('-').ok_or(ServiceHoursError::BadTime)?;
                let (opens, closes) = (parse_clock(opens)?, parse_clock(closes)?);
                if closes <= opens {
                    return Err(ServiceHoursError::ClosesBeforeOpens);
                }
                rules.push((days, opens, closes));
            }
        }
        if rules.is_empty() {
            return Err(ServiceHoursError::Empty);
        }
        Ok(Self { rules })
    }

    /// Whether the centre is open at the wall-clock minute `local` of its zone.
    pub fn is_open(&self, local: LocalMinute) -> bool {
        let (day, minute) = (local.weekday(), local.minute_of_day());
        self.rules.iter().any(|&(days, opens, closes)| {
            days & (1 << day) != 0 && (opens..closes).contains(&minute)
        })
    }

    /// Whether the centre whose zone `centre_offset_at` describes is open at `utc_millis`.
    pub fn is_open_at(&self, utc_millis: i64, centre_offset_at: impl Fn(i64) -> i32) -> bool {
        self.is_open(ZonedMinute::at(utc_millis, centre_offset_at).local)
    }
}

/// A callback time the picker offers: the instant on the user's clock and on the centre's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Slot {
    /// On the user's clock.
    pub user: ZonedMinute,
    /// On the call centre's clock.
    pub centre: ZonedMinute,
}

/// What the slot picker offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SlotRange {
    /// The first instant offered, in ms since the Unix epoch (usually now).
    pub from_millis: i64,
    /// How many of the centre's calendar days, counting the day of `from_millis`.
    pub days: u16,
    /// Minutes between offered times, counted from each range's opening.
    pub step_minutes: u16,
}

/// Every time inside `hours` that `range` covers, earliest first. A time the centre's clocks
/// skip is left out; a time they show twice is offered twice (the instants differ).
pub fn slots(
    hours: &ServiceHours,
    range: SlotRange,
    centre_offset_at: impl Fn(i64) -> i32,
    user_offset_at: impl Fn(i64) -> i32,
) -> Vec<Slot> {
    let first = ZonedMinute::at(range.from_millis, &centre_offset_at).local;
    let mut midnight = LocalMinute {
        hour: 0,
        minute: 0,
        ..first
    };
    let mut slots = Vec::new();
    for _ in 0..range.days {
        for &(days, opens, closes) in &hours.rules {
            if days & (1 << midnight.weekday()) == 0 {
                continue;
            }
            for minute in (opens..closes).step_by(usize::from(range.step_minutes.max(1))) {
                let wall = midnight.plus_minutes(i64::from(minute));
                let readings = match resolve(wall, &centre_offset_at) {
                    Resolution::Unique(only) => vec![only],
                    Resolution::Twice { earlier, later } => vec![earlier, later],
                    Resolution::Skipped(_) => vec![],
                };
                for centre in readings {
                    let instant = centre.utc_millis();
                    if instant < range.from_millis {
                        continue;
                    }
                    // Each time goes in at its place, once (rules may overlap or come in any
                    // order): not a sort and dedup at the end, as the standard library's
                    // stable sort costs 1.5 KB brotli in the bundle. With the rules in order,
                    // the usual case, each time goes at the end.
                    let at =
                        slots.partition_point(|slot: &Slot| slot.centre.utc_millis() < instant);
                    let taken = slots
                        .get(at)
                        .is_some_and(|slot| slot.centre.utc_millis() == instant);
                    if !taken {
                        let user = ZonedMinute::at(instant, &user_offset_at);
                        slots.insert(at, Slot { user, centre });
                    }
                }
            }
        }
        midnight = midnight.plus_minutes(24 * 60);
    }
    slots
}

/// `Mo-Fr`, `Sa`, `Mo,We,Fr`, `Fr-Mo` as a bit set (bit 0 Monday).
fn parse_days(text: &str) -> Result<u8, ServiceHoursError> {
    let mut set = 0u8;
    for part in text.split(',').map(str::trim) {
        let (first, last) = part.split_once('-').unwrap_or((part, part));
        let (first, last) = (weekday(first)?, weekday(last)?);
        let mut day = first;
        loop {
            set |= 1 << day;
            if day == last {
                break;
            }
            day = (day + 1) % 7;
        }
    }
    Ok(set)
}

/// A two-letter day name, English or German, as 0 (Monday) to 6 (Sunday).
fn weekday(name: &str) -> Result<u8, ServiceHoursError> {
    const NAMES: [[&str; 2]; 7] = [
        ["mo", "mo"],
        ["tu", "di"],
        ["we", "mi"],
        ["th", "do"],
        ["fr", "fr"],
        ["sa", "sa"],
        ["su", "so"],
    ];
    let name = name.trim().to_ascii_lowercase();
    NAMES
        .iter()
        .position(|names| names.contains(&name.as_str()))
        .map(|day| day as u8)
        .ok_or(ServiceHoursError::UnknownDay)
}

/// `HH:MM` (00:00–24:00) as minutes since midnight.
fn parse_clock(text: &str) -> Result<u16, ServiceHoursError> {
    let text = text.trim();
    let (hours, minutes) = text.split_once(':').ok_or(ServiceHoursError::BadTime)?;
    match (two_digits(hours), two_digits(minutes)) {
        (Some(hours), Some(minutes)) if minutes < 60 && hours * 60 + minutes <= 24 * 60 => {
            Ok(hours * 60 + minutes)
        }
        _ => Err(ServiceHoursError::BadTime),
    }
}
