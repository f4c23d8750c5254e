//! Reading host options strictly: every accepted shape of each option, and an error naming the
//! option, the value and what it accepts for everything else; the record a draft belongs to;
//! the draft composed from settings, prefill and typed text.

use jtel_core::event_form::{EventFormSettings, Setting};
use jtel_core::options::{
    known_language, ConfigError, OptionReader, OptionValue, Options, EVENT_FORM_KEYS,
};
use jtel_core::validation::EventDraft;
use jtel_core::{Field, Language};
use std::collections::HashMap;

/// Options as a host page gives them, by attribute name.
struct Given(HashMap<&'static str, OptionValue>);

impl Options for Given {
    fn get(&self, key: &str) -> Option<OptionValue> {
        self.0.get(key).cloned()
    }
}

fn text(value: &str) -> OptionValue {
    OptionValue::Text(value.to_owned())
}

fn given(pairs: &[(&'static str, OptionValue)]) -> Given {
    Given(pairs.iter().cloned().collect())
}

/// The settings `pairs` give, or the errors.
fn read(pairs: &[(&'static str, OptionValue)]) -> Result<EventFormSettings, Vec<ConfigError>> {
    let options = given(pairs);
    let mut reader = OptionReader::new(&options);
    let settings = EventFormSettings::read(&mut reader);
    reader.finish().map(|()| settings)
}

fn fixed(value: &str) -> Setting {
    Setting::Fixed(value.to_owned())
}

#[test]
fn nothing_given_reads_as_the_defaults() {
    assert_eq!(read(&[]), Ok(EventFormSettings::default()));
}

#[test]
fn every_accepted_shape_is_read() {
    /// An option, a value for it, and what the settings then hold.
    type Case = (&'static str, OptionValue, fn(&EventFormSettings) -> bool);
    let cases: Vec<Case> = vec![
        ("event-type", text("ticket"), |s| s.event_type == fixed("6")),
        ("event-type", text(" E-Mail "), |s| {
            s.event_type == fixed("5")
        }),
        ("event-type", text("7"), |s| s.event_type == fixed("7")),
        ("event-type", text("Choose"), |s| {
            s.event_type == Setting::Choose
        }),
        ("group", text("236"), |s| s.group == fixed("236")),
        ("group", text("choose"), |s| s.group == Setting::Choose),
        ("agent", text("3"), |s| s.agent == fixed("3")),
        ("receiver", text("4919900112233"), |s| {
            s.receiver == fixed("4919900112233")
        }),
        ("region", text("AT"), |s| {
            s.region.map(|region| region.country_code()) == Ok(43)
        }),
        ("country-code", text("+43"), |s| {
            s.region.map(|region| region.country_code()) == Ok(43)
        }),
        ("read-only", text("Sender, UserData"), |s| {
            s.read_only == [Field::Sender, Field::UserData]
        }),
        (
            "read-only",
            OptionValue::List(vec!["Sender".into(), "CrmURL".into()]),
            |s| s.read_only == [Field::Sender, Field::CrmUrl],
        ),
        ("read-only", OptionValue::List(vec![]), |s| {
            s.read_only.is_empty()
        }),
        ("hidden-fields", text("CrmURL UserData"), |s| {
            s.hidden == [Field::CrmUrl, Field::UserData]
        }),
        (
            "hidden-fields",
            OptionValue::List(vec!["UserData".into()]),
            |s| s.hidden == [Field::UserData] && s.read_only.is_empty(),
        ),
        ("record", text("contact-9"), |s| {
            s.record.as_deref() == Some("contact-9")
        }),
        ("sender", text("0199 1"), |s| {
            s.prefill.text(Field::Sender) == "0199 1"
        }),
        ("crm-url", text("https://c/1"), |s| {
            s.prefill.text(Field::CrmUrl) == "https://c/1"
        }),
    ];
    for (key, value, holds) in cases {
        let settings = read(&[(key, value.clone())])
            .unwrap_or_else(|errors| panic!("{key} = {value:?} refused: {errors:?}"));
        assert!(holds(&settings), "{key} = {value:?} read as {settings:?}");
    }
}

#[test]
fn a_value_of_the_wrong_shape_names_the_option_the_value_and_what_it_accepts() {
    let cases = [
        ("event-type", text("nonsense"), "nonsense", "callback"),
        ("event-type", text("0"), "0", "type id"),
        ("group", text("abc"), "abc", "group id"),
        ("group", OptionValue::Flag(true), "true", "group id"),
        ("agent", text("-3"), "-3", "agent id"),
        (
            "read-only",
            OptionValue::List(vec!["Sender".into(), "Nope".into()]),
            "[Sender, Nope]",
            "field names",
        ),
        (
            "read-only",
            text("Sender,nope"),
            "Sender,nope",
            "field names",
        ),
        (
            "hidden-fields",
            OptionValue::List(vec!["CrmURL".into(), "crm-url".into()]),
            "[CrmURL, crm-url]",
            "field names",
        ),
        (
            "hidden-fields",
            text("Reference"),
            "Reference",
            "field names",
        ),
        (
            "hidden-fields",
            OptionValue::Flag(true),
            "true",
            "field names",
        ),
        (
            "subject",
            OptionValue::Other("function".into()),
            "(function)",
            "text",
        ),
        ("sender", OptionValue::List(vec!["a".into()]), "[a]", "text"),
    ];
    for (key, value, shown, accepted) in cases {
        let errors = read(&[(key, value.clone())]).expect_err(key);
        assert_eq!(errors.len(), 1, "{key} = {value:?}: {errors:?}");
        assert_eq!(errors[0].option, key);
        assert_eq!(errors[0].value, shown);
        assert!(
            errors[0].accepted.contains(accepted),
            "{key}: {}",
            errors[0].accepted
        );
        assert!(
            errors[0].console_text().contains(&format!("\"{key}\"")),
            "{}",
            errors[0].console_text()
        );
    }
}

#[test]
fn every_bad_value_is_reported_not_only_the_first() {
    let errors = read(&[
        ("event-type", text("nonsense")),
        ("group", text("abc")),
        ("read-only", text("Nope")),
    ])
    .unwrap_err();
    let options: Vec<&str> = errors.iter().map(|error| error.option.as_str()).collect();
    assert_eq!(options, ["event-type", "group", "read-only"]);
}

#[test]
fn yes_no_options_take_booleans_and_on_off() {
    let cases = [
        (OptionValue::Flag(true), Some(true)),
        (OptionValue::Flag(false), Some(false)),
        (text("true"), Some(true)),
        (text("FALSE"), Some(false)),
        (text("on"), Some(true)),
        (text(" off "), Some(false)),
        (text("maybe"), None),
        (text("1"), None),
        (OptionValue::List(vec!["on".into()]), None),
    ];
    for (value, expected) in cases {
        let options = given(&[("store-draft", value.clone())]);
        let mut reader = OptionReader::new(&options);
        assert_eq!(reader.flag("store-draft"), expected, "{value:?}");
        assert_eq!(reader.finish().is_ok(), expected.is_some(), "{value:?}");
    }
}

#[test]
fn numbers_take_numeric_text_within_their_range() {
    let cases = [
        ("20", Some(20)),
        (" 1 ", Some(1)),
        ("3600", Some(3600)),
        ("0", None),
        ("3601", None),
        ("1.5", None),
        ("soon", None),
    ];
    for (written, expected) in cases {
        let options = given(&[("timeout", text(written))]);
        let mut reader = OptionReader::new(&options);
        assert_eq!(
            reader.number::<u32>("timeout", "seconds", 1..=3600),
            expected,
            "{written}"
        );
    }
}

#[test]
fn only_languages_the_widgets_speak_are_known() {
    let cases = [
        ("en", Some(Language::English)),
        ("de", Some(Language::German)),
        ("de-AT", Some(Language::German)),
        ("EN_gb", Some(Language::English)),
        ("fr", None),
        ("", None),
        ("deutsch", None),
    ];
    for (tag, expected) in cases {
        assert_eq!(known_language(tag), expected, "{tag}");
    }
}

#[test]
fn the_record_is_named_by_the_host_else_by_the_identifying_prefill() {
    let with = |record: Option<&str>, user_data: &str, crm_url: &str| {
        let mut settings = EventFormSettings {
            record: record.map(str::to_owned),
            ..EventFormSettings::default()
        };
        settings.prefill = EventDraft::from_pairs([
            (Field::UserData, user_data),
            (Field::CrmUrl, crm_url),
            (Field::Sender, "0199 1"),
        ]);
        settings.record_identity()
    };
    assert_eq!(with(Some("R1"), "CUST", "https://c/1"), Some("R1".into()));
    assert_eq!(with(Some("  "), "CUST", "https://c/1"), Some("CUST".into()));
    assert_eq!(with(None, "", "https://c/1"), Some("https://c/1".into()));
    assert_eq!(with(None, "", ""), None, "a sender alone names no record");
}

#[test]
fn the_shown_draft_is_fixed_routing_then_typed_text_then_prefill() {
    let mut settings = EventFormSettings {
        group: fixed("236"),
        agent: Setting::Choose,
        ..EventFormSettings::default()
    };
    settings.prefill = EventDraft::from_pairs([(Field::Sender, "0199 1"), (Field::Subject, "CRM")]);
    let typed = EventDraft::from_pairs([
        (Field::Subject, "typed"),
        (Field::UsersId, "4"),
        (Field::AcdGroupsId, "235"),
        (Field::Body, "not edited"),
    ]);
    let mut edited = [false; Field::ALL.len()];
    for field in [Field::Subject, Field::UsersId, Field::AcdGroupsId] {
        edited[field.index()] = true;
    }
    let draft = settings.compose(&typed, &edited);
    assert_eq!(draft.text(Field::AcdEventTypesId), "3", "fixed by default");
    assert_eq!(
        draft.text(Field::AcdGroupsId),
        "236",
        "the host's fixed group wins"
    );
    assert_eq!(draft.text(Field::UsersId), "4", "chosen by the user");
    assert_eq!(
        draft.text(Field::Sender),
        "0199 1",
        "prefill where not edited"
    );
    assert_eq!(
        draft.text(Field::Subject),
        "typed",
        "typed text wins over prefill"
    );
    assert_eq!(draft.text(Field::Body), "", "only edited fields count");
}

/// Options that remember every key asked for.
struct Recording(std::cell::RefCell<Vec<String>>);

impl Options for Recording {
    fn get(&self, key: &str) -> Option<OptionValue> {
        self.0.borrow_mut().push(key.to_owned());
        None
    }
}

#[test]
fn the_option_keys_are_exactly_the_keys_the_form_reads() {
    let recording = Recording(Default::default());
    EventFormSettings::read(&mut OptionReader::new(&recording));
    let mut asked = recording.0.take();
    asked.sort();
    asked.dedup();
    let mut listed: Vec<String> = EVENT_FORM_KEYS.iter().map(|key| key.to_string()).collect();
    listed.sort();
    assert_eq!(asked, listed);
}
