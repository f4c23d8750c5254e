//! End to end: the preferred callback time in real Chromium with its time zone emulated
//! (DevTools `Emulation.setTimezoneOverride`), in six zones: for each, dates on both sides of
//! its daylight-saving changes, the skipped hour and the doubled hour. Every created event is
//! read back from the jtel emulator and its Subject/Body checked against a reference zone
//! database (jiff's bundled tzdb, a native test oracle). The dates are next year's, so the
//! changes are always ahead. Writes the table to
//! `target/reports/callback-time.txt`, the service-hours findings to `callback-service-hours.txt`.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use fantoccini::{Client, Locator};
use jiff::civil::{Date, DateTime};
use jiff::tz::{AmbiguousOffset, Offset, TimeZone};
use jtel_emulator::{Config, RunningEmulator, DEFAULT_TOKEN};
use jtel_widgets::jtel_core::model::AcdEvent;
use serde_json::json;
use support::browser::{devtools, on_every_new_document, with_browser};
use support::deployment::{deploy, MetaCsp};
use support::widget::{all_in_widget, click, in_widget, type_into, widget_text};
use support::{gateway, jtel, report, screenshots};

/// The subject template of the table.
const TEMPLATE: &str = "Callback from {Sender} on {date} at {time} ({zone})";
const FORM: &str = "jtel-acd-event-form";
const ZONES: [&str; 6] = [
    "Europe/Berlin",
    "America/New_York",
    "Australia/Sydney",
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "UTC",
];

/// The jtel emulator, and the iframe page deployed in front of it as integrators deploy it.
struct Stand {
    emulator: RunningEmulator,
}

impl Stand {
    async fn start() -> Self {
        let emulator = jtel_emulator::spawn(Config::default())
            .await
            .expect("emulator starts");
        Self { emulator }
    }

    /// The URL of the iframe page deployed with a callback form for group 235 configured by
    /// `settings` (links may set only the widget and the language), served by its own gateway.
    async fn form_url(&self, settings: &[(&str, &str)]) -> String {
        let mut deployment = json!({
            "base-url": "/jtel",
            "widget": "acd-event-form",
            "event-type": "callback",
            "group": 235,
            "link-may-set": ["widget", "lang"],
        });
        for (key, value) in settings {
            deployment[*key] = json!(value);
        }
        let dir = deploy(&deployment.to_string(), MetaCsp::Kept);
        let page = gateway::start(dir, self.emulator.base_url(), DEFAULT_TOKEN.to_owned()).await;
        format!("http://{page}/frame.html")
    }
}

/// The event the emulator at `base_url` created last.
async fn last_event(base_url: &str) -> AcdEvent {
    let events: Vec<AcdEvent> = jtel::records(base_url, "acd/events").await;
    events.last().cloned().expect("an event was created")
}

/// What the user does with the picked time.
#[derive(Clone, Copy, PartialEq)]
enum Pick {
    /// Submits it as it is.
    AsIs,
    /// It comes twice: takes the second reading with the form's button.
    SecondReading,
    /// It does not exist: expects the refusal, then takes the later time offered.
    Skipped,
}

/// `+02:00` for an offset.
fn offset_text(offset: Offset) -> String {
    let minutes = offset.seconds() / 60;
    let sign = if minutes < 0 { '-' } else { '+' };
    format!("{sign}{:02}:{:02}", minutes.abs() / 60, minutes.abs() % 60)
}

/// The reference: the offset of `local` in `zone` for `pick`, and the local time finally sent.
fn expected(zone: &TimeZone, local: DateTime, pick: Pick) -> (DateTime, Offset) {
    match (zone.to_ambiguous_zoned(local).offset(), pick) {
        (AmbiguousOffset::Unambiguous { offset }, Pick::AsIs) => (local, offset),
        (AmbiguousOffset::Fold { before, .. }, Pick::AsIs) => (local, before),
        (AmbiguousOffset::Fold { after, .. }, Pick::SecondReading) => (local, after),
        (AmbiguousOffset::Gap { before, after }, Pick::Skipped) => {
            let jump = (after.seconds() - before.seconds()) as i64;
            let later = local
                .checked_add(jiff::SignedDuration::from_secs(jump))
                .unwrap();
            expected(zone, later, Pick::AsIs)
        }
        (found, _) => panic!("{local} in {zone:?} is {found:?}, not what the case expects"),
    }
}

/// The first local time of `year` in `zone` that the clocks skip (`gap`) or show twice, on a
/// quarter hour, plus 30 minutes: the middle of a one-hour change.
fn change(zone: &TimeZone, year: i16, gap: bool) -> Option<DateTime> {
    let mut day = Date::new(year, 1, 1).unwrap();
    while day.year() == year {
        for quarter in 0..20 {
            let local = day.at((quarter / 4) as i8, (quarter % 4 * 15) as i8, 0, 0);
            let found = match zone.to_ambiguous_zoned(local).offset() {
                AmbiguousOffset::Gap { .. } => gap,
                AmbiguousOffset::Fold { .. } => !gap,
                AmbiguousOffset::Unambiguous { .. } => false,
            };
            if found {
                return Some(
                    local
                        .checked_add(jiff::SignedDuration::from_mins(30))
                        .unwrap(),
                );
            }
        }
        day = day.tomorrow().unwrap();
    }
    None
}

/// The cases for one zone: a winter and a summer date, and where the zone changes its clocks,
/// the days before and after each change, the skipped time and both readings of the doubled
/// one. A zone without changes gets Berlin's changes' times, which it must take as they are.
fn cases(zone: &TimeZone, year: i16) -> Vec<(DateTime, Pick)> {
    let berlin = TimeZone::get("Europe/Berlin").unwrap();
    let day_time = if zone.iana_name() == Some("America/New_York") {
        (9, 0)
    } else {
        (14, 30)
    };
    let mut cases = vec![
        (
            Date::new(year, 1, 15)
                .unwrap()
                .at(day_time.0, day_time.1, 0, 0),
            Pick::AsIs,
        ),
        (
            Date::new(year, 7, 15)
                .unwrap()
                .at(day_time.0, day_time.1, 0, 0),
            Pick::AsIs,
        ),
    ];
    let noon_around = |at: DateTime| {
        [
            at.date().yesterday().unwrap(),
            at.date().tomorrow().unwrap(),
        ]
        .map(|day| (day.at(12, 0, 0, 0), Pick::AsIs))
    };
    match (change(zone, year, true), change(zone, year, false)) {
        (Some(gap), Some(fold)) => {
            cases.extend(noon_around(gap));
            cases.push((gap, Pick::Skipped));
            cases.extend(noon_around(fold));
            cases.push((fold, Pick::AsIs));
            cases.push((fold, Pick::SecondReading));
        }
        _ => {
            for gap in [true, false] {
                cases.push((change(&berlin, year, gap).unwrap(), Pick::AsIs));
            }
        }
    }
    cases
}

/// One row of the report.
struct Row {
    zone: String,
    picked: String,
    subject: String,
    body_time: String,
    expected: String,
    right: bool,
}

/// Sets the preferred time as the browser's date-time input does (its keyboard entry depends
/// on the locale's date format, its value does not).
async fn set_preferred_time(client: &Client, value: &str) {
    client
        .execute(
            "const input = document.querySelector(arguments[0]).shadowRoot.querySelector('[name=PreferredTime]');
             input.value = arguments[1];
             input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));",
            vec![json!(FORM), json!(value)],
        )
        .await
        .expect("the preferred time can be set");
}

/// The texts of the time-choice buttons the field offers.
async fn offered_times(client: &Client) -> Vec<String> {
    let mut texts = Vec::new();
    for button in all_in_widget(client, FORM, ".jtel-time-option").await {
        texts.push(button.text().await.unwrap());
    }
    texts
}

async fn submit(client: &Client) {
    click(client, FORM, "button[type=submit]").await;
}

async fn confirmed(client: &Client) -> String {
    in_widget(client, FORM, ".jtel-success-text")
        .await
        .text()
        .await
        .unwrap()
}

/// Waits until the widget's text contains `part`.
async fn wait_for_part(client: &Client, part: &str) -> String {
    for _ in 0..100 {
        let text = widget_text(client, FORM).await;
        if text.contains(part) {
            return text;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!(
        "the form never said {part:?}; it shows {:?}",
        widget_text(client, FORM).await
    );
}

/// Saves the form as `docs/screenshots/{name}.png` (when screenshots are being updated).
async fn screenshot(client: &Client, name: &str) {
    screenshots::save(&client.find(Locator::Css(FORM)).await.unwrap(), name).await;
}

async fn emulate_zone(client: &Client, zone: &str) {
    devtools(
        client,
        "Emulation.setTimezoneOverride",
        json!({ "timezoneId": zone }),
    )
    .await;
}

async fn browser_zone(client: &Client) -> String {
    client
        .execute(
            "return Intl.DateTimeFormat().resolvedOptions().timeZone",
            vec![],
        )
        .await
        .unwrap()
        .as_str()
        .unwrap()
        .to_owned()
}

#[tokio::test(flavor = "multi_thread")]
async fn every_zone_sends_the_instant_of_the_picked_date() {
    let stand = Stand::start().await;
    let year = jiff::Timestamp::now().to_zoned(TimeZone::UTC).year() + 1;
    let form = stand.form_url(&[("subject-template", TEMPLATE)]).await;
    let german = format!("{form}?lang=de");
    let jtel_url = stand.emulator.base_url();
    let (rows, behaviour) = with_browser(move |client| async move {
        let (mut rows, mut behaviour) = (Vec::new(), Vec::new());
        for name in ZONES {
            emulate_zone(&client, name).await;
            let zone = TimeZone::get(name).unwrap();
            for (local, pick) in cases(&zone, year) {
                client.goto(&form).await.unwrap();
                let shown_zone = browser_zone(&client).await;
                assert!(
                    TimeZone::get(&shown_zone)
                        .is_ok_and(|shown| shown.to_ambiguous_zoned(local).offset()
                            == zone.to_ambiguous_zoned(local).offset()),
                    "Chromium emulates {name}, not {shown_zone}"
                );
                type_into(&client, FORM, "Sender", "0199 123456789").await;
                let picked = local.strftime("%Y-%m-%dT%H:%M").to_string();
                set_preferred_time(&client, &picked).await;
                match pick {
                    Pick::AsIs => {}
                    Pick::SecondReading => {
                        let note = wait_for_part(&client, "comes twice").await;
                        if name == "Europe/Berlin" {
                            screenshot(&client, "callback-time-twice").await;
                        }
                        let first = in_widget(&client, FORM, ".jtel-time-twice")
                            .await
                            .text()
                            .await
                            .unwrap();
                        click(&client, FORM, ".jtel-time-option").await;
                        wait_for_part(&client, "taken as the second").await;
                        let second = in_widget(&client, FORM, ".jtel-time-twice")
                            .await
                            .text()
                            .await
                            .unwrap();
                        assert!(note.contains(&first));
                        behaviour.push(format!(
                            "{name} {}: \"{first}\" Button → \"{second}\"",
                            picked.replace('T', " ")
                        ));
                    }
                    Pick::Skipped => {
                        submit(&client).await;
                        let error = in_widget(&client, FORM, ".jtel-error")
                            .await
                            .text()
                            .await
                            .unwrap();
                        assert!(error.contains("the clocks jump from"), "{error}");
                        let offered = offered_times(&client).await;
                        assert_eq!(offered.len(), 2, "{offered:?}");
                        if name == "Europe/Berlin" {
                            screenshot(&client, "callback-time-skipped").await;
                        }
                        // The same in German.
                        client.goto(&german).await.unwrap();
                        type_into(&client, FORM, "Sender", "0199 123456789").await;
                        set_preferred_time(&client, &picked).await;
                        submit(&client).await;
                        let fehler = in_widget(&client, FORM, ".jtel-error")
                            .await
                            .text()
                            .await
                            .unwrap();
                        assert!(fehler.contains("die Uhren springen von"), "{fehler}");
                        assert_eq!(offered_times(&client).await, offered);
                        behaviour.push(format!(
                            "{name} {}: refused: \"{error}\" / \"{fehler}\"; offered {}; took {}",
                            picked.replace('T', " "),
                            offered.join(", "),
                            offered[1]
                        ));
                        client.goto(&form).await.unwrap();
                        type_into(&client, FORM, "Sender", "0199 123456789").await;
                        set_preferred_time(&client, &picked).await;
                        in_widget(&client, FORM, ".jtel-time-option").await;
                        all_in_widget(&client, FORM, ".jtel-time-option").await[1]
                            .click()
                            .await
                            .unwrap();
                    }
                }
                if pick == Pick::AsIs {
                    let instant_hint = widget_text(&client, FORM).await;
                    if instant_hint.contains("comes twice") {
                        let note = in_widget(&client, FORM, ".jtel-time-twice")
                            .await
                            .text()
                            .await
                            .unwrap();
                        behaviour.push(format!("{name} {}: \"{note}\"", picked.replace('T', " ")));
                    }
                }
                submit(&client).await;
                let confirmation = confirmed(&client).await;
                assert!(confirmation.contains("reference"), "{confirmation}");
                let event = last_event(&jtel_url).await;
                let (sent_local, offset) = expected(&zone, local, pick);
                let instant = format!(
                    "{}{}",
                    sent_local.strftime("%Y-%m-%dT%H:%M"),
                    offset_text(offset)
                );
                let subject = event.subject.clone().unwrap_or_default();
                let body = event.body.clone().unwrap_or_default();
                let body_time = body
                    .lines()
                    .find_map(|line| line.strip_prefix("Preferred callback time: "))
                    .unwrap_or_default()
                    .to_owned();
                let zone_words = format!("{shown_zone} (UTC{})", offset_text(offset));
                let right = subject
                    == format!(
                        "Callback from 49199123456789 on {} at {} ({zone_words})",
                        sent_local.strftime("%Y-%m-%d"),
                        sent_local.strftime("%H:%M")
                    )
                    && body_time.ends_with(&format!("{zone_words} = {instant}"));
                rows.push(Row {
                    zone: name.to_owned(),
                    picked: format!(
                        "{}{}",
                        picked.replace('T', " "),
                        match pick {
                            Pick::AsIs => "",
                            Pick::SecondReading => " (second reading)",
                            Pick::Skipped => " (skipped; took the later time offered)",
                        }
                    ),
                    subject,
                    body_time,
                    expected: instant,
                    right,
                });
            }
        }
        (rows, behaviour)
    })
    .await;

    let mut table = format!(
        "Preferred callback time in Chromium with emulated time zones\n\
         subject-template=\"{TEMPLATE}\"; \"right\" is the instant from a reference tz database (jiff)\n\n\
         | browser zone | time picked | Subject / Body says | right |\n|---|---|---|---|\n"
    );
    for row in &rows {
        table.push_str(&format!(
            "| {} | {} | `{}` / `{}` | {} {} |\n",
            row.zone,
            row.picked,
            row.subject,
            row.body_time,
            if row.right { "yes" } else { "NO, should be" },
            row.expected
        ));
    }
    table.push_str("\nSkipped and doubled times:\n");
    for line in &behaviour {
        table.push_str(&format!("- {line}\n"));
    }
    report::write("callback-time.txt", &table);
    let wrong: Vec<&Row> = rows.iter().filter(|row| !row.right).collect();
    assert!(
        wrong.is_empty(),
        "{} of {} rows are wrong:\n{table}",
        wrong.len(),
        rows.len()
    );
}

/// Reads the options of the slot list: `(value, text, day label)`.
async fn slot_options(client: &Client) -> Vec<(String, String, String)> {
    let options = client
        .execute(
            "return [...document.querySelector(arguments[0]).shadowRoot
                 .querySelectorAll('[name=PreferredTime] optgroup option')]
                 .map(o => [o.value, o.textContent, o.parentElement.label]);",
            vec![json!(FORM)],
        )
        .await
        .unwrap();
    serde_json::from_value(options).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn service_hours_offer_only_open_times_on_both_clocks_and_bad_settings_are_said() {
    let stand = Stand::start().await;
    let hours = stand
        .form_url(&[
            ("subject-template", TEMPLATE),
            ("callback-hours", "Mo-Fr 08:00-18:00"),
            ("callback-zone", "Europe/Berlin"),
        ])
        .await;
    let bad_settings = [
        (
            &[
                ("subject-template", TEMPLATE),
                ("callback-hours", "Mo-Fr 8-18"),
                ("callback-zone", "Europe/Berlin"),
            ][..],
            "",
            "callback-hours \"Mo-Fr 8-18\" is not understood: times are HH:MM-HH:MM",
        ),
        (
            &[("subject-template", TEMPLATE), ("callback-zone", "Europe/Berln")][..],
            "",
            "callback-zone \"Europe/Berln\" is not a time zone this browser knows",
        ),
        (
            &[("subject-template", TEMPLATE), ("callback-hours", "Mo-Fr 08:00-18:00")][..],
            "",
            "callback-hours \"Mo-Fr 08:00-18:00\" needs callback-zone",
        ),
        (
            &[
                ("subject-template", TEMPLATE),
                ("callback-hours", "Mon-Fri 08:00-18:00"),
                ("callback-zone", "Europe/Berlin"),
            ][..],
            "?lang=de",
            "callback-hours \"Mon-Fri 08:00-18:00\" ist nicht verständlich: Tage sind Mo Di Mi Do Fr Sa So",
        ),
    ];
    let mut bad = Vec::new();
    for (settings, link, message) in bad_settings {
        bad.push((format!("{}{link}", stand.form_url(settings).await), message));
    }
    let jtel_url = stand.emulator.base_url();
    let berlin = TimeZone::get("Europe/Berlin").unwrap();
    let new_york = TimeZone::get("America/New_York").unwrap();
    let lines = with_browser(move |client| async move {
        let mut lines = Vec::new();
        on_every_new_document(
            &client,
            "window.__errors = []; const error = console.error; console.error = (...a) => { window.__errors.push(a.join(' ')); error(...a); };",
        )
        .await;
        emulate_zone(&client, "America/New_York").await;
        client.goto(&hours).await.unwrap();
        type_into(&client, FORM, "Sender", "0199 123456789").await;
        in_widget(&client, FORM, "select[name=PreferredTime]").await;
        let options = slot_options(&client).await;
        assert!(options.len() >= 8 * 20, "two weeks of half hours: {}", options.len());
        for (value, text, day) in &options {
            let instant: jiff::Timestamp = value.parse().unwrap_or_else(|e| panic!("{value}: {e}"));
            let (user, centre) = (instant.to_zoned(new_york.clone()), instant.to_zoned(berlin.clone()));
            assert!(
                (1..=5).contains(&centre.weekday().to_monday_one_offset())
                    && (8..18).contains(&centre.hour()),
                "{value} is outside the centre's hours ({centre})"
            );
            assert_eq!(
                text,
                &format!("{} (call centre {})", user.strftime("%H:%M"), centre.strftime("%H:%M")),
                "{value}"
            );
            assert!(day.ends_with(&user.strftime("%Y-%m-%d").to_string()), "{day} for {value}");
        }
        let (value, text, day) = options[3].clone();
        in_widget(&client, FORM, "select[name=PreferredTime]")
            .await
            .select_by_value(&value)
            .await
            .unwrap();
        wait_for_part(&client, "Call centre time:").await;
        screenshot(&client, "callback-time-slots").await;
        let hint = in_widget(&client, FORM, "[id$=PreferredTime-hint]")
            .await
            .text()
            .await
            .unwrap();
        let samples: Vec<String> = options[..3]
            .iter()
            .map(|(value, text, day)| format!("{day} \"{text}\" = {value}"))
            .collect();
        submit(&client).await;
        confirmed(&client).await;
        let event = last_event(&jtel_url).await;
        let body = event.body.clone().unwrap_or_default();
        let instant: jiff::Timestamp = value.parse().unwrap();
        let centre = instant.to_zoned(berlin.clone());
        let centre_line = format!(
            "Call centre time: {} Europe/Berlin (UTC{})",
            centre.strftime("%Y-%m-%d %H:%M"),
            offset_text(centre.offset())
        );
        assert!(body.contains(&centre_line), "{body:?} lacks {centre_line:?}");
        assert!(body.contains(&format!("= {value}")), "{body:?} lacks {value}");
        lines.push(format!(
            "America/New_York user, Europe/Berlin centre, Mo-Fr 08:00-18:00: {} times offered (every half hour of the next 14 days, weekdays only), all inside the hours on the centre's clock; first: {}",
            options.len(),
            samples.join(", ")
        ));
        lines.push(format!(
            "picked {day} \"{text}\"; the field says {hint:?}; Body: {body:?}"
        ));
        for (url, message) in bad {
            client.goto(&url).await.unwrap();
            wait_for_part(&client, message).await;
            let alert = in_widget(&client, FORM, ".jtel-callback-setting")
                .await
                .text()
                .await
                .unwrap();
            assert!(all_in_widget(&client, FORM, "[name=PreferredTime]").await.is_empty());
            let errors = client.execute("return window.__errors", vec![]).await.unwrap();
            assert!(
                errors.to_string().contains(&message.replace('"', "\\\"")),
                "console.error names it: {errors}"
            );
            lines.push(format!(
                "configuration message (also on console.error): {alert:?}"
            ));
        }
        lines
    })
    .await;
    let mut text = String::from("Service hours (callback-hours, callback-zone) in Chromium:\n");
    for line in lines {
        text.push_str(&format!("- {line}\n"));
    }
    report::write("callback-service-hours.txt", &text);
}
