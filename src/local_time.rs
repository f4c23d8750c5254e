//! Time zones from the browser's own time-zone data, for the preferred callback time: the user's
//! zone and the call centre's (`callback-zone`), each asked for its offset at an instant through
//! `Intl.DateTimeFormat` with `timeZoneName: "longOffset"`. Every decision about those offsets
//! (gaps, overlaps, service hours, slots) is made by `jtel_core::callback_time` and
//! `jtel_core::service_hours`; no zone database is part of the bundle.

use js_sys::{Array, Date, Intl, Object, Reflect};
use jtel_core::callback_clock::{CallbackClocks, ClockZone};
use jtel_core::callback_time::{parse_gmt_offset, resolve, PickedTime, Resolution};
use jtel_core::service_hours::{slots, CallbackSettingError, ServiceHours, Slot, SlotRange};
use std::cell::OnceCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `Intl.DateTimeFormat(locales, options)`, which throws a `RangeError` for a time zone
    /// the browser does not know (js-sys's binding would abort instead).
    #[wasm_bindgen(catch, js_namespace = Intl, js_name = DateTimeFormat)]
    fn date_time_format(locales: &str, options: &Object) -> Result<Intl::DateTimeFormat, JsValue>;
}

/// A time zone as the browser knows it.
///
/// The user's own zone asks the browser only when it is first used: creating an
/// `Intl.DateTimeFormat` costs 10–15 ms of the first render (up to 100 ms on a busy machine;
/// docs/performance.md), and a form without a preferred-time field never needs it.
#[derive(Clone)]
pub struct BrowserZone {
    /// The zone asked for (`callback-zone`); `None` for the user's own.
    asked: Option<String>,
    /// Its IANA name, when the browser gives one, and the format that writes an instant's
    /// offset as `GMT+02:00`.
    known: OnceCell<(Option<String>, Intl::DateTimeFormat)>,
}

impl BrowserZone {
    /// The user's own zone (the browser's or the operating system's setting).
    pub fn user() -> Self {
        Self {
            asked: None,
            known: OnceCell::new(),
        }
    }

    /// The zone called `name` (`Europe/Berlin`), if the browser knows it.
    pub fn named(name: &str) -> Option<Self> {
        let name = name.trim();
        Some(Self {
            asked: Some(name.to_owned()),
            known: OnceCell::from(Self::ask(Some(name)).ok()?),
        })
    }

    /// The name and format of the zone, asked of the browser on first use.
    fn known(&self) -> &(Option<String>, Intl::DateTimeFormat) {
        self.known.get_or_init(|| {
            Self::ask(self.asked.as_deref()).expect("the browser's own time zone is valid")
        })
    }

    fn ask(name: Option<&str>) -> Result<(Option<String>, Intl::DateTimeFormat), JsValue> {
        let options = Object::new();
        let set = |key: &str, value: &str| {
            Reflect::set(&options, &JsValue::from_str(key), &JsValue::from_str(value))
        };
        set("timeZoneName", "longOffset")?;
        if let Some(name) = name {
            set("timeZone", name)?;
        }
        let format = date_time_format("en-US", &options)?;
        let name = Reflect::get(&format.resolved_options(), &JsValue::from_str("timeZone"))
            .ok()
            .and_then(|zone| zone.as_string());
        Ok((name, format))
    }
}

impl ClockZone for BrowserZone {
    fn name(&self) -> Option<&str> {
        self.known().0.as_deref()
    }

    fn offset_at(&self, utc_millis: i64) -> i32 {
        let date = Date::new(&JsValue::from_f64(utc_millis as f64));
        let parts: Array = self.known().1.format_to_parts(&date);
        parts
            .iter()
            .find(|part| {
                Reflect::get(part, &JsValue::from_str("type"))
                    .ok()
                    .and_then(|kind| kind.as_string())
                    .as_deref()
                    == Some("timeZoneName")
            })
            .and_then(|part| Reflect::get(&part, &JsValue::from_str("value")).ok())
            .and_then(|value| value.as_string())
            .and_then(|text| parse_gmt_offset(&text))
            // An engine without `longOffset`: the platform's offset of that instant.
            .unwrap_or_else(|| -(date.get_timezone_offset() as i32))
    }
}

/// The call centre's zone and, optionally, its service hours.
#[derive(Clone)]
pub struct Centre {
    /// `callback-zone`.
    pub zone: BrowserZone,
    /// `callback-hours`.
    pub hours: Option<ServiceHours>,
}

/// The clocks a preferred callback time is decided on: the user's and, when the form is told,
/// the call centre's.
#[derive(Clone)]
pub struct CallbackClock {
    /// The user's zone.
    pub user: BrowserZone,
    /// The centre's zone and hours (`callback-zone`, `callback-hours`).
    pub centre: Option<Centre>,
    /// Why the centre settings could not be applied (with the value concerned); the form then
    /// shows this instead of the time field.
    pub setting_error: Option<(CallbackSettingError, String)>,
}

/// A clock is equal only to itself: the form makes a new one whenever `callback-hours` or
/// `callback-zone` change, and what depends on it (the slots, the time field) is made again
/// then.
impl PartialEq for CallbackClock {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

/// How many of the centre's days the slot picker offers.
const SLOT_DAYS: u16 = 14;
/// Minutes between offered slots.
const SLOT_STEP_MINUTES: u16 = 30;

impl CallbackClock {
    /// The clock for the settings `callback-hours` and `callback-zone`.
    pub fn configured(hours: Option<&str>, zone: Option<&str>) -> Self {
        let (centre, setting_error) = match centre(hours, zone) {
            Ok(centre) => (centre, None),
            Err(error) => (None, Some(error)),
        };
        Self {
            user: BrowserZone::user(),
            centre,
            setting_error,
        }
    }

    /// The clocks now: the user's zone, and the centre's with its hours.
    pub fn clocks(&self) -> CallbackClocks<'_> {
        CallbackClocks {
            now_millis: now_millis(),
            user: &self.user,
            centre: self
                .centre
                .as_ref()
                .map(|centre| &centre.zone as &dyn ClockZone),
            hours: self
                .centre
                .as_ref()
                .and_then(|centre| centre.hours.as_ref()),
        }
    }

    /// What the field's text means on the user's clock (`None` when it is no date and time).
    pub fn resolution(&self, text: &str) -> Option<(PickedTime, Resolution)> {
        let picked = PickedTime::parse(text)?;
        Some((picked, resolve(picked.local, |at| self.user.offset_at(at))))
    }

    /// The times the picker offers when the centre has service hours (from now, for two weeks,
    /// every half hour inside them); `None` without service hours (any time may be typed).
    pub fn slots(&self) -> Option<Rc<Vec<Slot>>> {
        let centre = self.centre.as_ref()?;
        let range = SlotRange {
            from_millis: now_millis(),
            days: SLOT_DAYS,
            step_minutes: SLOT_STEP_MINUTES,
        };
        Some(Rc::new(slots(
            centre.hours.as_ref()?,
            range,
            |at| centre.zone.offset_at(at),
            |at| self.user.offset_at(at),
        )))
    }
}

/// The centre for the settings, or what is wrong with them.
fn centre(
    hours: Option<&str>,
    zone: Option<&str>,
) -> Result<Option<Centre>, (CallbackSettingError, String)> {
    let Some(name) = zone else {
        return match hours {
            None => Ok(None),
            Some(hours) => Err((CallbackSettingError::HoursWithoutZone, hours.to_owned())),
        };
    };
    let zone = BrowserZone::named(name)
        .ok_or_else(|| (CallbackSettingError::UnknownZone, name.to_owned()))?;
    let hours = hours
        .map(|text| {
            ServiceHours::parse(text)
                .map_err(|error| (CallbackSettingError::Hours(error), text.to_owned()))
        })
        .transpose()?;
    Ok(Some(Centre { zone, hours }))
}

/// Now, in milliseconds since the Unix epoch.
pub fn now_millis() -> i64 {
    Date::now() as i64
}
