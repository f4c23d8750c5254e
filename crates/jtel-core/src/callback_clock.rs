//! The clocks a callback's preferred time is read on: the user's zone, and the call centre's
//! with its service hours when the host page names them. The zones themselves come from outside
//! (the browser's time-zone data in the widget, tables or a reference database in tests).

use crate::callback_time::{
    decide_preferred_time, zone_text, PreferredTime, PreferredTimeError, ZonedMinute,
};
use crate::service_hours::ServiceHours;
use crate::subject_template::CallbackTimeWords;

/// A time zone as the core asks it.
pub trait ClockZone {
    /// The IANA name (`Europe/Berlin`), if known.
    fn name(&self) -> Option<&str>;
    /// Minutes east of UTC in force at `utc_millis` (ms since the Unix epoch).
    fn offset_at(&self, utc_millis: i64) -> i32;
}

/// The clocks of one decision, at one moment.
#[derive(Clone, Copy)]
pub struct CallbackClocks<'a> {
    /// Now, in ms since the Unix epoch.
    pub now_millis: i64,
    /// The user's zone.
    pub user: &'a dyn ClockZone,
    /// The call centre's zone (`callback-zone`), if given.
    pub centre: Option<&'a dyn ClockZone>,
    /// The centre's service hours (`callback-hours`) on its clock, if given.
    pub hours: Option<&'a ServiceHours>,
}

impl CallbackClocks<'_> {
    /// Decides the preferred-time field's text (see [`decide_preferred_time`]); with service
    /// hours, a time outside them is refused too.
    pub fn decide(&self, text: &str) -> Result<PreferredTime, PreferredTimeError> {
        let preferred = decide_preferred_time(text, self.now_millis, |at| self.user.offset_at(at))?;
        match (self.centre, self.hours) {
            (Some(centre), Some(hours))
                if !hours.is_open_at(preferred.instant.utc_millis(), |at| centre.offset_at(at)) =>
            {
                Err(PreferredTimeError::OutsideServiceHours)
            }
            _ => Ok(preferred),
        }
    }

    /// The words of a decided time on the user's clock, and on the centre's when its zone is
    /// known.
    pub fn words(
        &self,
        preferred: &PreferredTime,
    ) -> (CallbackTimeWords, Option<CallbackTimeWords>) {
        let at = preferred.instant.utc_millis();
        let centre = self.centre.map(|centre| {
            CallbackTimeWords::new(
                ZonedMinute::at(at, |at| centre.offset_at(at)),
                centre.name(),
            )
        });
        (
            CallbackTimeWords::new(preferred.instant, self.user.name()),
            centre,
        )
    }

    /// The user's zone with its offset at `utc_millis` (now when `None`):
    /// `Europe/Berlin (UTC+01:00)`.
    pub fn user_zone_at(&self, utc_millis: Option<i64>) -> String {
        let at = utc_millis.unwrap_or(self.now_millis);
        zone_text(self.user.name(), self.user.offset_at(at))
    }
}
