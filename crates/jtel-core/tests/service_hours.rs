//! Service hours (`callback-hours`) as integrators write them, and the callback times offered
//! inside them, on the centre's clock and the user's, across both daylight-saving changes.

use jtel_core::callback_time::ZonedMinute;
use jtel_core::service_hours::{slots, ServiceHours, ServiceHoursError, Slot, SlotRange};
use jtel_core::timestamp::Timestamp;

fn millis(utc: &str) -> i64 {
    Timestamp::parse(utc).unwrap().to_unix_millis()
}

/// Europe/Berlin in 2027.
fn berlin(at: i64) -> i32 {
    if (millis("2027-03-28T01:00:00Z")..millis("2027-10-31T01:00:00Z")).contains(&at) {
        120
    } else {
        60
    }
}

/// America/New_York in 2027.
fn new_york(at: i64) -> i32 {
    if (millis("2027-03-14T07:00:00Z")..millis("2027-11-07T06:00:00Z")).contains(&at) {
        -240
    } else {
        -300
    }
}

fn open_at(hours: &str, local: &str) -> bool {
    let local = jtel_core::callback_time::PickedTime::parse(local)
        .unwrap()
        .local;
    ServiceHours::parse(hours).unwrap().is_open(local)
}

#[test]
fn hours_read_as_integrators_write_them() {
    let cases = [
        // (hours, local time in the centre, open?) — 2027-07-12 is a Monday.
        ("Mo-Fr 08:00-18:00", "2027-07-12T08:00", true),
        ("Mo-Fr 08:00-18:00", "2027-07-12T17:59", true),
        ("Mo-Fr 08:00-18:00", "2027-07-12T18:00", false),
        ("Mo-Fr 08:00-18:00", "2027-07-12T07:59", false),
        ("Mo-Fr 08:00-18:00", "2027-07-16T12:00", true),
        ("Mo-Fr 08:00-18:00", "2027-07-17T12:00", false),
        ("Mo-Fr 08:00-12:00,13:00-18:00", "2027-07-13T12:30", false),
        ("Mo-Fr 08:00-12:00,13:00-18:00", "2027-07-13T13:00", true),
        (
            "Mo-Fr 08:00-18:00; Sa 09:00-13:00",
            "2027-07-17T09:30",
            true,
        ),
        (
            "Mo-Fr 08:00-18:00; Sa 09:00-13:00",
            "2027-07-18T09:30",
            false,
        ),
        ("Mo,We,Fr 09:00-12:00", "2027-07-14T10:00", true),
        ("Mo,We,Fr 09:00-12:00", "2027-07-13T10:00", false),
        ("Fr-Mo 00:00-24:00", "2027-07-18T23:59", true),
        ("Fr-Mo 00:00-24:00", "2027-07-13T10:00", false),
        ("Mo-Fr 08:00-18:00 ; ", "2027-07-12T10:00", true),
        ("mo-fr 08:00-18:00", "2027-07-12T10:00", true),
        // German day names.
        (
            "Mo-Do 08:00-16:00; Fr 08:00-14:00",
            "2027-07-15T15:00",
            true,
        ),
        ("Di 10:00-11:00", "2027-07-13T10:30", true),
        ("So 10:00-11:00", "2027-07-18T10:30", true),
    ];
    for (hours, local, open) in cases {
        assert_eq!(open_at(hours, local), open, "{hours:?} at {local}");
    }
}

#[test]
fn hours_that_cannot_be_read_say_why() {
    let cases = [
        ("", ServiceHoursError::Empty),
        (" ; ", ServiceHoursError::Empty),
        ("Mo-Fr", ServiceHoursError::Incomplete),
        ("08:00-18:00", ServiceHoursError::Incomplete),
        ("Mon-Fri 08:00-18:00", ServiceHoursError::UnknownDay),
        ("Xx 08:00-18:00", ServiceHoursError::UnknownDay),
        ("Mo-Fr 8-18", ServiceHoursError::BadTime),
        ("Mo-Fr 8:00-18:00", ServiceHoursError::BadTime),
        ("Mo-Fr 08:00-24:30", ServiceHoursError::BadTime),
        ("Mo-Fr 08:00", ServiceHoursError::BadTime),
        ("Mo-Fr 08:00-08:00", ServiceHoursError::ClosesBeforeOpens),
        ("Mo-Fr 22:00-02:00", ServiceHoursError::ClosesBeforeOpens),
    ];
    for (hours, error) in cases {
        assert_eq!(ServiceHours::parse(hours), Err(error), "{hours:?}");
    }
}

fn slot_texts(slots: &[Slot]) -> Vec<(String, String)> {
    slots
        .iter()
        .map(|slot| (slot.user.to_string(), slot.centre.to_string()))
        .collect()
}

#[test]
fn slots_lie_inside_the_hours_and_show_both_clocks() {
    let hours = ServiceHours::parse("Mo-Fr 08:00-18:00").unwrap();
    // Friday 2027-07-16, 12:10 in Berlin: the rest of Friday, then Monday.
    let range = SlotRange {
        from_millis: millis("2027-07-16T10:10:00Z"),
        days: 4,
        step_minutes: 30,
    };
    let offered = slots(&hours, range, berlin, new_york);
    let texts = slot_texts(&offered);
    assert_eq!(
        texts.first().unwrap(),
        &(
            "2027-07-16T06:30-04:00".to_owned(),
            "2027-07-16T12:30+02:00".to_owned()
        )
    );
    assert_eq!(
        texts.last().unwrap(),
        &(
            "2027-07-19T11:30-04:00".to_owned(),
            "2027-07-19T17:30+02:00".to_owned()
        )
    );
    assert_eq!(
        offered.len(),
        11 + 20,
        "Friday from 12:30, no weekend, all of Monday"
    );
    for slot in &offered {
        assert_eq!(slot.user.utc_millis(), slot.centre.utc_millis());
        assert!(hours.is_open(slot.centre.local), "{slot:?}");
        assert!(slot.user.utc_millis() >= range.from_millis);
    }
}

/// The times on the centre's clock (Berlin, the user there too) that `hours` offers in one
/// day from `from`, every 30 minutes.
fn centre_times(hours: &str, from: &str) -> Vec<String> {
    let range = SlotRange {
        from_millis: millis(from),
        days: 1,
        step_minutes: 30,
    };
    slots(&ServiceHours::parse(hours).unwrap(), range, berlin, berlin)
        .iter()
        .map(|slot| slot.centre.to_string())
        .collect()
}

#[test]
fn slots_skip_the_centres_missing_hour_and_offer_its_double_hour_twice() {
    assert_eq!(
        centre_times("Su 01:00-04:00", "2027-03-27T23:00:00Z"),
        [
            "2027-03-28T01:00+01:00",
            "2027-03-28T01:30+01:00",
            "2027-03-28T03:00+02:00",
            "2027-03-28T03:30+02:00"
        ]
    );
    assert_eq!(
        centre_times("Su 01:00-04:00", "2027-10-30T22:00:00Z"),
        [
            "2027-10-31T01:00+02:00",
            "2027-10-31T01:30+02:00",
            "2027-10-31T02:00+02:00",
            "2027-10-31T02:30+02:00",
            "2027-10-31T02:00+01:00",
            "2027-10-31T02:30+01:00",
            "2027-10-31T03:00+01:00",
            "2027-10-31T03:30+01:00"
        ]
    );
}

#[test]
fn an_instant_is_checked_on_the_centres_clock() {
    let hours = ServiceHours::parse("Mo-Fr 08:00-18:00").unwrap();
    // 17:30 in Berlin is 11:30 in New York: open; 18:00 in Berlin is not.
    let berlin_1730 = ZonedMinute::at(millis("2027-07-15T15:30:00Z"), berlin);
    assert_eq!(berlin_1730.to_string(), "2027-07-15T17:30+02:00");
    assert!(hours.is_open_at(berlin_1730.utc_millis(), berlin));
    assert!(!hours.is_open_at(millis("2027-07-15T16:00:00Z"), berlin));
}

#[test]
fn overlapping_rules_in_any_order_offer_each_time_once_earliest_first() {
    // The afternoon written first (Monday 2027-07-12).
    assert_eq!(
        centre_times("Mo 14:00-15:00; Mo 09:00-10:00", "2027-07-11T22:00:00Z"),
        [
            "2027-07-12T09:00+02:00",
            "2027-07-12T09:30+02:00",
            "2027-07-12T14:00+02:00",
            "2027-07-12T14:30+02:00"
        ]
    );
    // Two rules that overlap, the later one first, on the night the clocks go back: the
    // times of the one rule that covers both, the double hour twice.
    let night = "2027-10-30T22:00:00Z";
    assert_eq!(
        centre_times("Su 02:00-04:00; Su 01:00-03:00", night),
        centre_times("Su 01:00-04:00", night)
    );
}
