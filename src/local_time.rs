//! The user's local time and zone, from the browser, for the preferred callback time.

use js_sys::{Date, Intl, Object, Reflect};
use wasm_bindgen::JsValue;

/// Now in the user's local time, as a `datetime-local` input writes it (`2026-11-27T21:30`).
pub fn now_local_minute() -> String {
    let now = Date::new_0();
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date(),
        now.get_hours(),
        now.get_minutes()
    )
}

/// The user's time zone, unambiguous: `Europe/Berlin (UTC+01:00)`, or just the offset when
/// the browser names no zone.
pub fn zone_description() -> String {
    let offset_minutes = -(Date::new_0().get_timezone_offset() as i32);
    let sign = if offset_minutes < 0 { '-' } else { '+' };
    let offset = format!(
        "UTC{sign}{:02}:{:02}",
        offset_minutes.abs() / 60,
        offset_minutes.abs() % 60
    );
    let options =
        Intl::DateTimeFormat::new(&js_sys::Array::new(), &Object::new()).resolved_options();
    match Reflect::get(&options, &JsValue::from_str("timeZone"))
        .ok()
        .and_then(|zone| zone.as_string())
    {
        Some(zone) => format!("{zone} ({offset})"),
        None => offset,
    }
}
