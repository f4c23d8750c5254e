//! The preferred callback time: wall-clock minutes resolved in zones given only by their
//! offsets — tables for the zones the browser tests emulate (their 2027 changes written out by
//! hand), then the same decisions against a reference zone database (jiff's bundled tzdb, a
//! native test oracle that never reaches the bundle) for every half hour of several years.

use jtel_core::callback_time::{
    decide_preferred_time, parse_gmt_offset, resolve, Gap, LocalMinute, PickedTime,
    PreferredTimeError, Resolution, ZonedMinute,
};
use jtel_core::timestamp::Timestamp;

/// A zone as a table: the offset before the first change, then `(UTC instant, new offset)`.
fn zone(initial: i32, changes: &'static [(&'static str, i32)]) -> impl Fn(i64) -> i32 {
    move |at| {
        changes
            .iter()
            .take_while(|(when, _)| Timestamp::parse(when).unwrap().to_unix_millis() <= at)
            .last()
            .map_or(initial, |&(_, offset)| offset)
    }
}

fn berlin() -> impl Fn(i64) -> i32 {
    zone(
        60,
        &[("2027-03-28T01:00:00Z", 120), ("2027-10-31T01:00:00Z", 60)],
    )
}

fn new_york() -> impl Fn(i64) -> i32 {
    zone(
        -300,
        &[
            ("2027-03-14T07:00:00Z", -240),
            ("2027-11-07T06:00:00Z", -300),
        ],
    )
}

fn sydney() -> impl Fn(i64) -> i32 {
    zone(
        660,
        &[("2027-04-03T16:00:00Z", 600), ("2027-10-02T16:00:00Z", 660)],
    )
}

/// America/Santiago in 2027 jumps at midnight: 00:00 becomes 01:00.
fn santiago() -> impl Fn(i64) -> i32 {
    zone(
        -180,
        &[
            ("2027-04-04T03:00:00Z", -240),
            ("2027-09-05T04:00:00Z", -180),
        ],
    )
}

fn minute(text: &str) -> LocalMinute {
    PickedTime::parse(text).unwrap().local
}

fn at(text: &str, offset_minutes: i32) -> ZonedMinute {
    ZonedMinute {
        local: minute(text),
        offset_minutes,
    }
}

fn unique(text: &str, offset: i32) -> Resolution {
    Resolution::Unique(at(text, offset))
}

fn twice(text: &str, earlier: i32, later: i32) -> Resolution {
    Resolution::Twice {
        earlier: at(text, earlier),
        later: at(text, later),
    }
}

fn skipped(starts: &str, ends: &str) -> Resolution {
    Resolution::Skipped(Gap {
        starts: minute(starts),
        ends: minute(ends),
    })
}

#[test]
fn wall_clock_times_resolve_by_the_offsets_of_their_own_date() {
    let berlin_cases = [
        ("2027-07-15T14:30", unique("2027-07-15T14:30", 120)),
        ("2027-01-15T14:30", unique("2027-01-15T14:30", 60)),
        ("2027-03-28T01:59", unique("2027-03-28T01:59", 60)),
        (
            "2027-03-28T02:00",
            skipped("2027-03-28T02:00", "2027-03-28T03:00"),
        ),
        (
            "2027-03-28T02:30",
            skipped("2027-03-28T02:00", "2027-03-28T03:00"),
        ),
        (
            "2027-03-28T02:59",
            skipped("2027-03-28T02:00", "2027-03-28T03:00"),
        ),
        ("2027-03-28T03:00", unique("2027-03-28T03:00", 120)),
        ("2027-10-31T01:59", unique("2027-10-31T01:59", 120)),
        ("2027-10-31T02:00", twice("2027-10-31T02:00", 120, 60)),
        ("2027-10-31T02:30", twice("2027-10-31T02:30", 120, 60)),
        ("2027-10-31T02:59", twice("2027-10-31T02:59", 120, 60)),
        ("2027-10-31T03:00", unique("2027-10-31T03:00", 60)),
    ];
    for (local, expected) in berlin_cases {
        assert_eq!(resolve(minute(local), berlin()), expected, "Berlin {local}");
    }
    let new_york_cases = [
        ("2027-07-15T09:00", unique("2027-07-15T09:00", -240)),
        ("2027-12-15T09:00", unique("2027-12-15T09:00", -300)),
        (
            "2027-03-14T02:30",
            skipped("2027-03-14T02:00", "2027-03-14T03:00"),
        ),
        ("2027-11-07T01:30", twice("2027-11-07T01:30", -240, -300)),
        ("2027-11-07T02:00", unique("2027-11-07T02:00", -300)),
    ];
    for (local, expected) in new_york_cases {
        assert_eq!(
            resolve(minute(local), new_york()),
            expected,
            "New York {local}"
        );
    }
    let sydney_cases = [
        ("2027-01-15T10:00", unique("2027-01-15T10:00", 660)),
        ("2027-07-15T10:00", unique("2027-07-15T10:00", 600)),
        ("2027-04-04T02:30", twice("2027-04-04T02:30", 660, 600)),
        ("2027-04-04T03:00", unique("2027-04-04T03:00", 600)),
        (
            "2027-10-03T02:30",
            skipped("2027-10-03T02:00", "2027-10-03T03:00"),
        ),
    ];
    for (local, expected) in sydney_cases {
        assert_eq!(resolve(minute(local), sydney()), expected, "Sydney {local}");
    }
    for (offset, name) in [(330, "Kolkata"), (345, "Kathmandu"), (0, "UTC")] {
        for local in ["2027-03-28T02:30", "2027-10-31T02:30", "2027-07-15T14:30"] {
            assert_eq!(
                resolve(minute(local), |_| offset),
                unique(local, offset),
                "{name} {local}"
            );
        }
    }
}

#[test]
fn a_skipped_time_offers_the_times_as_far_before_and_after_as_the_clocks_jump() {
    let gap = Gap {
        starts: minute("2027-03-28T02:00"),
        ends: minute("2027-03-28T03:00"),
    };
    assert_eq!(
        gap.alternatives(minute("2027-03-28T02:30")),
        [minute("2027-03-28T01:30"), minute("2027-03-28T03:30")]
    );
    // A jump at midnight: the earlier time is on the day before.
    let Resolution::Skipped(midnight) = resolve(minute("2027-09-05T00:30"), santiago()) else {
        panic!("00:30 does not exist in Santiago on 2027-09-05");
    };
    assert_eq!(
        (midnight.starts, midnight.ends),
        (minute("2027-09-05T00:00"), minute("2027-09-05T01:00"))
    );
    assert_eq!(
        midnight.alternatives(minute("2027-09-05T00:30")),
        [minute("2027-09-04T23:30"), minute("2027-09-05T01:30")]
    );
}

#[test]
fn the_decision_refuses_skipped_and_past_times_and_takes_the_reading_asked_for() {
    let now = Timestamp::parse("2027-01-01T00:00:00Z")
        .unwrap()
        .to_unix_millis();
    let decide = |text: &str| decide_preferred_time(text, now, berlin());
    let summer = decide("2027-07-15T14:30").unwrap();
    assert_eq!(summer.instant.to_string(), "2027-07-15T14:30+02:00");
    assert_eq!(summer.other, None);
    assert_eq!(
        decide("2027-03-28T02:30"),
        Err(PreferredTimeError::Skipped {
            starts: 120,
            ends: 180
        })
    );
    let first = decide("2027-10-31T02:30").unwrap();
    assert_eq!(first.instant.to_string(), "2027-10-31T02:30+02:00");
    assert_eq!(first.other.unwrap().to_string(), "2027-10-31T02:30+01:00");
    let second = decide("2027-10-31T02:30+01:00").unwrap();
    assert_eq!(second.instant.to_string(), "2027-10-31T02:30+01:00");
    assert_eq!(second.other.unwrap().to_string(), "2027-10-31T02:30+02:00");
    assert_eq!(
        decide("2027-10-31T02:30+05:00").unwrap().instant,
        first.instant,
        "an offset that is no reading of that time is the default reading"
    );
    assert_eq!(
        decide("2027-07-15T14:30+01:00").unwrap().instant,
        summer.instant,
        "an offset never overrides the zone's own"
    );
    // Now is 01:00 in Berlin on New Year's Day.
    assert!(
        decide("2027-01-01T01:00").is_ok(),
        "this very minute is fine"
    );
    assert_eq!(
        decide("2027-01-01T00:59"),
        Err(PreferredTimeError::InThePast)
    );
    for bad in [
        "",
        "tomorrow",
        "2027-07-15",
        "2027-13-01T09:00",
        "2027-07-15T25:00",
        "2027-07-15T9",
        "2027-07-15T14:30+2",
        "2027-07-15T14:30.5",
    ] {
        assert_eq!(decide(bad), Err(PreferredTimeError::Malformed), "{bad:?}");
    }
    assert!(decide("2027-07-15T14:30:45").is_ok(), "seconds are dropped");
}

#[test]
fn instants_print_in_iso_8601_with_their_offset() {
    for (instant, text) in [
        (at("2027-07-15T14:30", 120), "2027-07-15T14:30+02:00"),
        (at("2027-07-15T09:00", -240), "2027-07-15T09:00-04:00"),
        (at("2027-07-15T18:00", 330), "2027-07-15T18:00+05:30"),
        (at("2027-07-15T18:15", 345), "2027-07-15T18:15+05:45"),
        (at("2027-07-15T12:30", 0), "2027-07-15T12:30+00:00"),
    ] {
        assert_eq!(instant.to_string(), text);
        let stamp = Timestamp::parse(&format!("{}:00{}", &text[..16], &text[16..])).unwrap();
        assert_eq!(instant.utc_millis(), stamp.to_unix_millis(), "{text}");
    }
}

#[test]
fn browser_offsets_read_as_intl_writes_them() {
    for (text, minutes) in [
        ("GMT", Some(0)),
        ("GMT+02:00", Some(120)),
        ("GMT-04:00", Some(-240)),
        ("GMT+05:30", Some(330)),
        ("GMT+05:45", Some(345)),
        ("GMT-03:30", Some(-210)),
        ("GMT\u{2212}03:30", Some(-210)),
        ("GMT+14:00", Some(840)),
        ("GMT+2", None),
        ("UTC+02:00", None),
        ("GMT+02:60", None),
        ("", None),
    ] {
        assert_eq!(parse_gmt_offset(text), minutes, "{text:?}");
    }
}

#[test]
fn weekdays_follow_the_calendar() {
    for (text, weekday) in [
        ("2027-07-12T00:00", 0),
        ("2027-07-15T23:59", 3),
        ("2027-07-18T12:00", 6),
        ("1970-01-01T00:00", 3),
        ("2000-02-29T00:00", 1),
    ] {
        assert_eq!(minute(text).weekday(), weekday, "{text}");
    }
}

/// The same decisions from a reference zone database, for every half hour of 2026–2028 in
/// zones with whole-hour, half-hour and midnight changes.
mod against_the_tz_database {
    use super::*;
    use jiff::civil::DateTime;
    use jiff::tz::{AmbiguousOffset, TimeZone};

    const ZONES: [&str; 10] = [
        "Europe/Berlin",
        "America/New_York",
        "Australia/Sydney",
        "Asia/Kolkata",
        "Asia/Kathmandu",
        "UTC",
        "America/Santiago",
        "Australia/Lord_Howe",
        "Pacific/Chatham",
        "America/St_Johns",
    ];

    fn offset_in(zone: &TimeZone) -> impl Fn(i64) -> i32 + '_ {
        move |millis| {
            let instant = jiff::Timestamp::from_millisecond(millis).unwrap();
            zone.to_offset(instant).seconds() / 60
        }
    }

    #[test]
    fn every_half_hour_resolves_as_the_database_says() {
        let mut checked = (0, 0, 0);
        for name in ZONES {
            let zone = TimeZone::get(name).unwrap();
            let mut local = minute("2026-01-01T00:00");
            while local.year < 2029 {
                let civil = DateTime::new(
                    local.year as i16,
                    local.month as i8,
                    local.day as i8,
                    local.hour as i8,
                    local.minute as i8,
                    0,
                    0,
                )
                .unwrap();
                let minutes = |offset: jiff::tz::Offset| offset.seconds() / 60;
                let expected = match zone.to_ambiguous_zoned(civil).offset() {
                    AmbiguousOffset::Unambiguous { offset } => {
                        checked.0 += 1;
                        Resolution::Unique(ZonedMinute {
                            local,
                            offset_minutes: minutes(offset),
                        })
                    }
                    AmbiguousOffset::Fold { before, after } => {
                        checked.1 += 1;
                        Resolution::Twice {
                            earlier: ZonedMinute {
                                local,
                                offset_minutes: minutes(before),
                            },
                            later: ZonedMinute {
                                local,
                                offset_minutes: minutes(after),
                            },
                        }
                    }
                    AmbiguousOffset::Gap { before, after } => {
                        checked.2 += 1;
                        let got = resolve(local, offset_in(&zone));
                        let Resolution::Skipped(gap) = got else {
                            panic!("{name} {local}: a gap, but resolved as {got:?}");
                        };
                        assert_eq!(
                            (gap.ends.minute_of_day() + 1440 - gap.starts.minute_of_day()) % 1440,
                            (minutes(after) - minutes(before)) as u16,
                            "{name} {local}: the jump"
                        );
                        for alternative in gap.alternatives(local) {
                            assert!(
                                matches!(
                                    resolve(alternative, offset_in(&zone)),
                                    Resolution::Unique(_)
                                ),
                                "{name} {local}: the offered {alternative} exists"
                            );
                        }
                        local = local.plus_minutes(30);
                        continue;
                    }
                };
                assert_eq!(resolve(local, offset_in(&zone)), expected, "{name} {local}");
                local = local.plus_minutes(30);
            }
        }
        let (unique, twice, skipped) = checked;
        assert!(
            unique > 400_000 && twice > 20 && skipped > 20,
            "every kind was met: {checked:?}"
        );
    }
}
