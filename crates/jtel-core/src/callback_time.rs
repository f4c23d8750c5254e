//! The preferred time of a callback, as a `datetime-local` input gives it
//! (`2026-11-28T09:00`, the user's local time).

/// A preferred callback time split for templates: `date` `2026-11-28`, `time` `09:00`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreferredTime {
    /// ISO date, unambiguous in every locale.
    pub date: String,
    /// 24-hour time.
    pub time: String,
}

/// Why a preferred time is not acceptable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PreferredTimeError {
    /// Not of the form `YYYY-MM-DDTHH:MM`.
    Malformed,
    /// Earlier than now.
    InThePast,
}

/// Reads `YYYY-MM-DDTHH:MM` (seconds allowed) and refuses a time before `now` (same form,
/// same zone: the user's local time).
pub fn parse_preferred_time(value: &str, now: &str) -> Result<PreferredTime, PreferredTimeError> {
    let (date, time) = value
        .trim()
        .split_once('T')
        .ok_or(PreferredTimeError::Malformed)?;
    let time = time.get(..5).ok_or(PreferredTimeError::Malformed)?;
    let well_formed = crate::timestamp::Timestamp::parse(&format!("{date}T{time}:00")).is_ok();
    if !well_formed {
        return Err(PreferredTimeError::Malformed);
    }
    let minute = format!("{date}T{time}");
    if minute.as_str() < now.get(..16).unwrap_or(now) {
        return Err(PreferredTimeError::InThePast);
    }
    Ok(PreferredTime {
        date: date.to_owned(),
        time: time.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: &str = "2026-11-27T21:30:15";

    #[test]
    fn splits_a_future_time() {
        assert_eq!(
            parse_preferred_time("2026-11-28T09:00", NOW),
            Ok(PreferredTime {
                date: "2026-11-28".into(),
                time: "09:00".into()
            })
        );
        assert!(
            parse_preferred_time("2026-11-27T21:30", NOW).is_ok(),
            "this very minute is fine"
        );
    }

    #[test]
    fn refuses_the_past_and_nonsense() {
        assert_eq!(
            parse_preferred_time("2026-11-27T21:29", NOW),
            Err(PreferredTimeError::InThePast)
        );
        assert_eq!(
            parse_preferred_time("2025-01-01T10:00", NOW),
            Err(PreferredTimeError::InThePast)
        );
        for bad in [
            "tomorrow",
            "2026-11-28",
            "2026-13-01T09:00",
            "2026-11-28T25:00",
            "2026-11-28T9",
        ] {
            assert_eq!(
                parse_preferred_time(bad, NOW),
                Err(PreferredTimeError::Malformed),
                "{bad}"
            );
        }
    }
}
