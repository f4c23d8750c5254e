//! Native micro-benchmarks of jtel-core, the code every keystroke and every answer runs
//! through: normalise a phone number, validate a whole form, parse a 1,000-row list envelope.
//!
//! A plain harness (no criterion, nothing more to build): each case runs for about 0.2 s to
//! pick a batch size, then 30 timed batches; it prints a Markdown table of the time per call
//! (median and p95 over the batches). Built with the workspace's release profile
//! (`opt-level = "z"`, as the browser bundle is), so the numbers are those of the shipped code
//! on this CPU, not of a speed-tuned build.

use jtel_core::model::{ListEnvelope, User};
use jtel_core::numbering_plan::Region;
use jtel_core::outcome::interpret_records;
use jtel_core::phone::normalize_phone;
use jtel_core::validation::EventDraft;
use jtel_core::Field;
use std::hint::black_box;
use std::time::{Duration, Instant};

const BATCHES: usize = 30;

/// A named piece of work to time.
type Case<'a> = (&'static str, Box<dyn FnMut() + 'a>);

/// Times `run` and returns (median, p95) nanoseconds per call.
fn measure(mut run: impl FnMut()) -> (f64, f64) {
    let mut per_batch = 1usize;
    loop {
        let start = Instant::now();
        for _ in 0..per_batch {
            run();
        }
        if start.elapsed() > Duration::from_millis(200) / BATCHES as u32 {
            break;
        }
        per_batch *= 2;
    }
    let mut samples: Vec<f64> = (0..BATCHES)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..per_batch {
                run();
            }
            start.elapsed().as_nanos() as f64 / per_batch as f64
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    let median = (samples[BATCHES / 2 - 1] + samples[BATCHES / 2]) / 2.0;
    let p95 = samples[(0.95 * BATCHES as f64).ceil() as usize - 1];
    (median, p95)
}

fn show(nanos: f64) -> String {
    if nanos >= 1e6 {
        format!("{:.2} ms", nanos / 1e6)
    } else if nanos >= 1e3 {
        format!("{:.2} µs", nanos / 1e3)
    } else {
        format!("{nanos:.0} ns")
    }
}

fn main() {
    // `cargo bench` passes `--bench`; nothing else is read.
    let draft = EventDraft::from_pairs([
        (Field::AcdEventTypesId, "3"),
        (Field::AcdGroupsId, "235"),
        (Field::Receiver, "4919900112233"),
        (Field::Sender, "+49 (0) 199 123-456-789"),
        (Field::Subject, "Callback request from 49199123456789"),
        (Field::Body, "Please call me back about my last invoice."),
        (
            Field::CrmUrl,
            "https://crm.example.com/contacts/987654?tab=activity",
        ),
        (Field::UserData, "987654"),
    ]);
    let users: Vec<User> = (0..1000)
        .map(|i| User {
            id: Some(1000 + i),
            uid: Some(format!("agent{i:05}")),
            first_name: Some("Agent".to_owned()),
            last_name: Some(format!("{i:05}")),
        })
        .collect();
    let envelope = ListEnvelope::all(users, "UID");
    let body = serde_json::to_string(&envelope).expect("serialises");

    let cases: [Case; 4] = [
        (
            "normalise a phone number (`+49 (0) 199 123-456-789`)",
            Box::new(|| {
                black_box(normalize_phone(black_box("+49 (0) 199 123-456-789"), Region::DE).ok());
            }),
        ),
        (
            "normalise a national number (`0199 123456789`)",
            Box::new(|| {
                black_box(normalize_phone(black_box("0199 123456789"), Region::DE).ok());
            }),
        ),
        (
            "validate a whole callback form (8 fields → request)",
            Box::new(|| {
                black_box(black_box(&draft).to_request(Region::DE).ok());
            }),
        ),
        (
            "parse a 1,000-row `users` list envelope (JSON → rows)",
            Box::new(|| {
                black_box(interpret_records::<User>(200, black_box(&body)).ok());
            }),
        ),
    ];
    println!(
        "| jtel-core, native ({} KB envelope) | median | p95 |",
        body.len() / 1024
    );
    println!("|---|---:|---:|");
    for (name, mut run) in cases {
        let (median, p95) = measure(&mut run);
        println!("| {name} | {} | {} |", show(median), show(p95));
    }
}
