//! Differential test of `normalize_phone` against libphonenumber (the `phonenumber` crate, a
//! native dev-dependency only, generated from the same metadata as `numbering_plan`).
//!
//! Every example number of every region and number type is written the ways people write
//! it — E.164, international with separators, national with the trunk prefix, after the
//! region's international call prefix, jtel's stored form (country code without `+`), with
//! `(0)` after the country code, as a `tel:` link, with en dashes and no-break spaces, in
//! full-width digits — and read by both with that region as the default. A number
//! libphonenumber accepts (parses and deems valid) must never come out as other digits; our
//! refusals of such numbers are counted and listed. The table is printed and written to
//! `target/reports/phone-oracle.txt` (scripts/test.sh prints it).

use jtel_core::numbering_plan::{self, Region};
use jtel_core::phone::normalize_phone;
use phonenumber::metadata::DATABASE;
use phonenumber::{country, Metadata, Mode, PhoneNumber};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// The ways a number is written, in report order.
const FORMS: [&str; 9] = [
    "E.164",
    "international",
    "national",
    "intl prefix",
    "stored",
    "(0) after code",
    "tel: link",
    "dashes+nbsp",
    "full-width",
];

#[derive(Default, Clone, Copy)]
struct Tally {
    cases: usize,
    /// Both give the same digits.
    same: usize,
    /// libphonenumber accepts, we refuse.
    refused: usize,
    /// Both refuse.
    both_refuse: usize,
    /// We accept what libphonenumber refuses (or deems invalid).
    only_ours: usize,
    /// Different digits: must stay 0.
    wrong: usize,
}

impl Tally {
    fn add(&mut self, other: Tally) {
        self.cases += other.cases;
        self.same += other.same;
        self.refused += other.refused;
        self.both_refuse += other.both_refuse;
        self.only_ours += other.only_ours;
        self.wrong += other.wrong;
    }

    fn row(&self, name: &str) -> String {
        format!(
            "{name:<16}{:>7}{:>7}{:>8}{:>8}{:>7}{:>7}\n",
            self.cases, self.same, self.refused, self.both_refuse, self.only_ours, self.wrong
        )
    }
}

const HEADER: &str = "form/region       cases   same refused   both*  ours*  wrong\n";

fn e164_digits(number: &PhoneNumber) -> String {
    number.format().mode(Mode::E164).to_string()[1..].to_owned()
}

/// libphonenumber's reading of `text` with `region` as the default: the E.164 digits of a
/// valid number, or nothing.
fn oracle(text: &str, region: Option<country::Id>) -> Option<String> {
    phonenumber::parse(region, text)
        .ok()
        .filter(phonenumber::is_valid)
        .map(|number| e164_digits(&number))
}

/// The example numbers of a region's metadata, one per number type that has one.
fn examples(meta: &Metadata) -> Vec<&str> {
    let d = meta.descriptors();
    [
        d.fixed_line(),
        d.mobile(),
        d.toll_free(),
        d.premium_rate(),
        d.shared_cost(),
        d.personal_number(),
        d.voip(),
        d.pager(),
        d.uan(),
        d.voicemail(),
    ]
    .into_iter()
    .flatten()
    .filter_map(|desc| desc.example())
    .collect()
}

/// The region's usual international call prefix as people dial it (`00`, `011`, `810`).
fn dialled_international_prefix(meta: &Metadata) -> Option<String> {
    let prefix = meta
        .preferred_international_prefix()
        .map(str::to_owned)
        .or_else(|| meta.international_prefix().map(|p| p.as_str().to_owned()))?;
    let prefix = prefix.replace('~', "");
    prefix.bytes().all(|b| b.is_ascii_digit()).then_some(prefix)
}

/// `number` written in each of [`FORMS`] for someone in `meta`'s region (None where a form
/// does not apply).
fn written_forms(number: &PhoneNumber, meta: &Metadata) -> [Option<String>; 9] {
    let international = number.format().mode(Mode::International).to_string();
    let national = number.format().mode(Mode::National).to_string();
    let e164 = number.format().mode(Mode::E164).to_string();
    let code = number.code().value().to_string();
    let after_code = international
        .strip_prefix(&format!("+{code}"))
        .unwrap_or_default()
        .trim_start()
        .to_owned();
    let full_width: String = e164
        .chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(u32::from(c) - u32::from('0') + 0xff10).unwrap_or(c),
            '+' => '\u{ff0b}',
            c => c,
        })
        .collect();
    let dashed: String = international
        .replacen(' ', "\u{a0}", 1)
        .replace(' ', " \u{2013} ");
    [
        Some(e164.clone()),
        Some(international.clone()),
        Some(national),
        dialled_international_prefix(meta).map(|idd| format!("{idd} {code} {after_code}")),
        Some(e164[1..].to_owned()),
        (meta.national_prefix() == Some("0")).then(|| format!("+{code} (0) {after_code}")),
        Some(number.format().mode(Mode::Rfc3966).to_string()),
        Some(dashed),
        Some(full_width),
    ]
}

#[test]
fn example_numbers_of_every_region_agree_with_libphonenumber() {
    let mut by_form = [Tally::default(); FORMS.len()];
    let mut by_region: BTreeMap<String, Tally> = BTreeMap::new();
    let mut refusals: Vec<String> = Vec::new();
    let mut wrong: Vec<String> = Vec::new();
    let mut only_ours: Vec<String> = Vec::new();
    for meta in DATABASE.iter() {
        let non_geographic = meta.id() == "001";
        // Numbers of non-geographic codes (+800, +882, …) are typed from Germany, with `+`.
        let region = if non_geographic {
            Region::DE
        } else {
            Region::from_id(meta.id()).expect("every libphonenumber region is in the data")
        };
        let oracle_region: Option<country::Id> = region.id().parse().ok();
        for example in examples(meta) {
            let Ok(number) = phonenumber::parse(None, format!("+{}{example}", meta.country_code()))
            else {
                continue;
            };
            if !phonenumber::is_valid(&number) {
                continue;
            }
            let region_key = if non_geographic {
                format!("+{}", meta.country_code())
            } else {
                meta.id().to_owned()
            };
            let international = number.format().mode(Mode::International).to_string();
            let e164 = number.format().mode(Mode::E164).to_string();
            for (form, text) in written_forms(&number, meta).into_iter().enumerate() {
                let Some(text) = text else { continue };
                if non_geographic && !text.contains(['+', '\u{ff0b}']) {
                    continue;
                }
                // The Rust port does not read full-width digits, en dashes or no-break spaces
                // (libphonenumber itself does): for those forms it reads the ASCII spelling.
                let oracle_text = match FORMS[form] {
                    "dashes+nbsp" => Some(international.clone()),
                    "full-width" => Some(e164.clone()),
                    _ => None,
                };
                let expected = oracle(oracle_text.as_deref().unwrap_or(&text), oracle_region);
                let ours = normalize_phone(&text, region);
                let mut tally = Tally {
                    cases: 1,
                    ..Tally::default()
                };
                let line = format!("{region_key:<5} {:<15} {text:<28}", FORMS[form]);
                match (&expected, &ours) {
                    (Some(expected), Ok(ours)) if expected == ours => tally.same = 1,
                    (Some(expected), Ok(ours)) => {
                        tally.wrong = 1;
                        wrong.push(format!("{line} libphonenumber {expected}, ours {ours}"));
                    }
                    (Some(expected), Err(error)) => {
                        tally.refused = 1;
                        refusals.push(format!("{line} libphonenumber {expected}, ours {error:?}"));
                    }
                    (None, Ok(ours)) => {
                        tally.only_ours = 1;
                        only_ours.push(format!("{line} libphonenumber refuses, ours {ours}"));
                    }
                    (None, Err(_)) => tally.both_refuse = 1,
                }
                by_form[form].add(tally);
                by_region.entry(region_key.clone()).or_default().add(tally);
            }
        }
    }

    let mut total = Tally::default();
    let mut report = format!(
        "Phone normalisation against libphonenumber {} (phonenumber crate), \
         every region's example numbers\n\n{HEADER}",
        numbering_plan::SOURCE
    );
    for (form, tally) in FORMS.iter().zip(&by_form) {
        report.push_str(&tally.row(form));
        total.add(*tally);
    }
    report.push_str(&total.row("all"));
    report.push_str(
        "\n* both: libphonenumber and ours refuse; ours: we accept what libphonenumber refuses\n\n",
    );
    let _ = writeln!(
        report,
        "By region ({} regions and non-geographic codes):\n{HEADER}",
        by_region.len()
    );
    for (region, tally) in &by_region {
        report.push_str(&tally.row(region));
    }
    let _ = writeln!(report, "\nWrong digits ({}):", wrong.len());
    for line in &wrong {
        let _ = writeln!(report, "  {line}");
    }
    let _ = writeln!(
        report,
        "\nRefused although libphonenumber accepts ({}):",
        refusals.len()
    );
    for line in &refusals {
        let _ = writeln!(report, "  {line}");
    }
    let _ = writeln!(
        report,
        "\nAccepted although libphonenumber refuses ({}):",
        only_ours.len()
    );
    for line in &only_ours {
        let _ = writeln!(report, "  {line}");
    }

    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/reports");
    std::fs::create_dir_all(&dir).expect("target/reports can be created");
    std::fs::write(dir.join("phone-oracle.txt"), &report).expect("report written");
    let summary_end = report.find("By region").unwrap_or(report.len());
    println!("{}", &report[..summary_end]);

    assert!(total.cases > 9_000, "every region's examples in every form");
    assert_eq!(total.wrong, 0, "wrong digits:\n{}", wrong.join("\n"));
}
