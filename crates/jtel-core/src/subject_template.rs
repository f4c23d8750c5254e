//! Subject templates: the jtel create call has no appointment field, so a preferred callback
//! time travels in `Subject` (and `Body`), composed from a template such as the jtel docs' own
//! `Callback request from {Sender} on {date} at {time}`.
//!
//! Placeholders are `{Name}`; the names are the jtel field names (`{Sender}`, `{UserData}`, …)
//! plus the preferred time's words ([`CallbackTimeWords`]: `{date}`, `{time}`, `{zone}`,
//! `{offset}`, `{instant}`). An unknown placeholder is kept as written, so a typo shows up in the
//! subject instead of vanishing. `docs/callback-time.md` is the reference for integrators.

use crate::callback_time::{offset_text, zone_text, ZonedMinute};

/// The template the forms use for callbacks when the host page sets none.
pub const DEFAULT_CALLBACK_TEMPLATE: &str = "Callback request from {Sender} on {date} at {time}";

/// The template for callbacks without a preferred time.
pub const DEFAULT_CALLBACK_TEMPLATE_ASAP: &str = "Callback request from {Sender}";

/// Fills `{Name}` placeholders of `template` with `value(Name)`; names `value` does not know
/// (returns `None` for) stay as written, and `{{` / `}}` stand for literal braces.
pub fn fill_template<'a>(template: &str, value: impl Fn(&str) -> Option<&'a str>) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(start) = rest.find(['{', '}']) {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        if let Some(after) = tail.strip_prefix("{{") {
            out.push('{');
            rest = after;
        } else if let Some(after) = tail.strip_prefix("}}") {
            out.push('}');
            rest = after;
        } else if let Some((name, after)) =
            tail[1..].split_once('}').filter(|_| tail.starts_with('{'))
        {
            match value(name).filter(|_| !name.contains('{')) {
                Some(filled) => out.push_str(filled),
                None => {
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                }
            }
            rest = after;
        } else {
            out.push_str(&tail[..1]);
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    out
}

/// What a callback's text says about its preferred time, one value per placeholder:
/// `{date}` `2027-07-15` and `{time}` `14:30` (the user's wall clock, as they picked it),
/// `{zone}` `Europe/Berlin (UTC+02:00)` (their zone with the offset of that instant),
/// `{offset}` `+02:00` and `{instant}` `2027-07-15T14:30+02:00` (ISO 8601 with offset).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallbackTimeWords {
    date: String,
    time: String,
    zone: String,
    offset: String,
    instant: String,
}

/// The placeholders that make a callback time unambiguous on their own.
const UNAMBIGUOUS: [&str; 3] = ["{zone}", "{offset}", "{instant}"];

impl CallbackTimeWords {
    /// The words for `instant` on a clock in the zone called `zone_name` (if the browser names it).
    pub fn new(instant: ZonedMinute, zone_name: Option<&str>) -> Self {
        Self {
            date: instant.local.date(),
            time: instant.local.time(),
            zone: zone_text(zone_name, instant.offset_minutes),
            offset: offset_text(instant.offset_minutes),
            instant: instant.to_string(),
        }
    }

    /// The value of the placeholder `name`, if it is one of these words.
    pub fn value(&self, name: &str) -> Option<&str> {
        match name {
            "date" => Some(&self.date),
            "time" => Some(&self.time),
            "zone" => Some(&self.zone),
            "offset" => Some(&self.offset),
            "instant" => Some(&self.instant),
            _ => None,
        }
    }

    /// The time as a clock in that zone shows it: `2027-07-15 14:30 Europe/Berlin (UTC+02:00)`.
    pub fn clock(&self) -> String {
        format!("{} {} {}", self.date, self.time, self.zone)
    }

    /// `body` with the preferred time added as its last lines, in the user's words and as an
    /// ISO 8601 instant, with the call centre's clock when the form knows its zone:
    /// `Preferred callback time: 2027-07-15 14:30 Europe/Berlin (UTC+02:00) = 2027-07-15T14:30+02:00`.
    pub fn add_to_body(&self, body: &str, centre: Option<&CallbackTimeWords>) -> String {
        let mut lines = format!(
            "Preferred callback time: {} = {}",
            self.clock(),
            self.instant
        );
        if let Some(centre) = centre {
            lines.push_str(&format!("\nCall centre time: {}", centre.clock()));
        }
        match body.trim() {
            "" => lines,
            body => format!("{body}\n\n{lines}"),
        }
    }
}

/// Composes a callback's subject from `template`: the time's words (none for "as soon as
/// possible"; `{zone}` is then `zone_now`), then `other` placeholders. A template that prints the
/// date or time but none of `{zone}`, `{offset}`, `{instant}` gets ` ({instant})` appended, so
/// the agent never reads a wall-clock time without its offset.
pub fn callback_subject<'a>(
    template: &str,
    time: Option<&'a CallbackTimeWords>,
    zone_now: &'a str,
    other: impl Fn(&str) -> Option<&'a str>,
) -> String {
    let subject = fill_template(template, |name| match (time, name) {
        (Some(time), _) if time.value(name).is_some() => time.value(name),
        (None, "zone") => Some(zone_now),
        _ => other(name),
    });
    match time {
        Some(time)
            if (template.contains("{date}") || template.contains("{time}"))
                && !UNAMBIGUOUS.iter().any(|word| template.contains(word)) =>
        {
            format!("{subject} ({})", time.instant)
        }
        _ => subject,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn never_panics(template in any::<String>()) {
            let _ = fill_template(&template, values);
        }

        #[test]
        fn text_without_braces_is_unchanged(text in "[^{}]*") {
            prop_assert_eq!(fill_template(&text, values), text);
        }
    }

    fn values(name: &str) -> Option<&'static str> {
        match name {
            "Sender" => Some("49199123456789"),
            "date" => Some("2020.08.09"),
            "time" => Some("09:00"),
            _ => None,
        }
    }

    #[test]
    fn fills_the_documented_example() {
        assert_eq!(
            fill_template(DEFAULT_CALLBACK_TEMPLATE, values),
            "Callback request from 49199123456789 on 2020.08.09 at 09:00"
        );
    }

    #[test]
    fn keeps_unknown_placeholders_and_stray_braces() {
        assert_eq!(
            fill_template("{Sendr} at {time}", values),
            "{Sendr} at 09:00"
        );
        assert_eq!(
            fill_template("{{literal}} {time", values),
            "{literal} {time"
        );
        assert_eq!(fill_template("a } b {", values), "a } b {");
        assert_eq!(fill_template("{{time}}", values), "{time}");
    }

    fn words(local: &str, offset_minutes: i32, zone: Option<&str>) -> CallbackTimeWords {
        let local = crate::callback_time::PickedTime::parse(local)
            .unwrap()
            .local;
        CallbackTimeWords::new(
            ZonedMinute {
                local,
                offset_minutes,
            },
            zone,
        )
    }

    #[test]
    fn callback_subjects_keep_the_wording_and_add_the_instant() {
        let berlin = words("2027-07-15T14:30", 120, Some("Europe/Berlin"));
        let sender = |name: &str| (name == "Sender").then_some("49199123456789");
        let cases = [
            (
                "Callback from {Sender} on {date} at {time} ({zone})",
                "Callback from 49199123456789 on 2027-07-15 at 14:30 (Europe/Berlin (UTC+02:00))",
            ),
            (
                DEFAULT_CALLBACK_TEMPLATE,
                "Callback request from 49199123456789 on 2027-07-15 at 14:30 (2027-07-15T14:30+02:00)",
            ),
            (
                "Callback {instant}",
                "Callback 2027-07-15T14:30+02:00",
            ),
            (
                "{date} {time} UTC{offset}",
                "2027-07-15 14:30 UTC+02:00",
            ),
            (
                "Callback from {Sender}",
                "Callback from 49199123456789",
            ),
        ];
        for (template, expected) in cases {
            assert_eq!(
                callback_subject(template, Some(&berlin), "unused", sender),
                expected,
                "{template}"
            );
        }
        assert_eq!(
            callback_subject(
                "Call {Sender} ({zone})",
                None,
                "Asia/Kathmandu (UTC+05:45)",
                sender
            ),
            "Call 49199123456789 (Asia/Kathmandu (UTC+05:45))",
            "without a preferred time the zone is the user's now"
        );
        let unnamed = words("2027-07-15T18:15", 345, None);
        assert_eq!(unnamed.value("zone"), Some("UTC+05:45"));
        assert_eq!(unnamed.value("offset"), Some("+05:45"));
        assert_eq!(unnamed.value("Sender"), None);
    }

    #[test]
    fn the_body_gets_the_time_in_the_users_words_as_an_instant_and_on_the_centres_clock() {
        let user = words("2027-07-15T09:00", -240, Some("America/New_York"));
        let centre = words("2027-07-15T15:00", 120, Some("Europe/Berlin"));
        assert_eq!(
            user.add_to_body("", None),
            "Preferred callback time: 2027-07-15 09:00 America/New_York (UTC-04:00) = 2027-07-15T09:00-04:00"
        );
        assert_eq!(
            user.add_to_body(" About my invoice ", Some(&centre)),
            "About my invoice\n\nPreferred callback time: 2027-07-15 09:00 America/New_York (UTC-04:00) = 2027-07-15T09:00-04:00\nCall centre time: 2027-07-15 15:00 Europe/Berlin (UTC+02:00)"
        );
    }
}
