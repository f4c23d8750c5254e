//! Cockpit variables as a user sees them: colours, values and texts in both languages.

use jtel_core::colour::{value_colour, HexColour};
use jtel_core::messages::{for_every_text, ui_text, variable_value_text, Texts, UiText};
use jtel_core::model::{CockpitVariable, CockpitVariableKind};
use jtel_core::outcome::SetValueResult;
use jtel_core::Language;
use proptest::prelude::*;

fn rgb(red: u8, green: u8, blue: u8) -> HexColour {
    HexColour { red, green, blue }
}

#[test]
fn only_hex_colours_are_read() {
    let cases = [
        ("#DC143C", Some(rgb(0xdc, 0x14, 0x3c))),
        ("#228b22", Some(rgb(0x22, 0x8b, 0x22))),
        (" #fff ", Some(rgb(255, 255, 255))),
        ("#0a3", Some(rgb(0x00, 0xaa, 0x33))),
        ("DC143C", None),
        ("#DC143", None),
        ("#DC143C00", None),
        ("#ggg", None),
        ("red", None),
        ("", None),
        ("#", None),
        ("#fff; background: url(https://evil.example/)", None),
        ("rgb(1, 2, 3)", None),
        ("#+1+2+3", None),
        ("#ü12", None),
    ];
    for (text, expected) in cases {
        assert_eq!(HexColour::parse(text), expected, "{text:?}");
    }
    assert_eq!(rgb(0xdc, 0x14, 0x3c).css(), "#dc143c");
}

fn variable(value: Option<i64>, min: Option<&str>, max: Option<&str>) -> CockpitVariable {
    CockpitVariable {
        value,
        min_value: Some(0),
        max_value: Some(100),
        cockpit_variable_types_id: Some(2),
        min_bg_color: min.map(str::to_owned),
        max_bg_color: max.map(str::to_owned),
        ..CockpitVariable::default()
    }
}

#[test]
fn the_value_colour_runs_from_min_colour_to_max_colour() {
    let (black, white) = (Some("#000000"), Some("#ffffff"));
    let cases = [
        (variable(Some(0), black, white), Some(rgb(0, 0, 0))),
        (variable(Some(100), black, white), Some(rgb(255, 255, 255))),
        (variable(Some(50), black, white), Some(rgb(128, 128, 128))),
        (variable(Some(500), black, white), Some(rgb(255, 255, 255))),
        (variable(None, black, white), Some(rgb(0, 0, 0))),
        (
            variable(Some(50), Some("crimson"), white),
            Some(rgb(255, 255, 255)),
        ),
        (variable(Some(50), black, None), Some(rgb(0, 0, 0))),
        (variable(Some(50), Some("javascript:"), Some("x")), None),
        (variable(Some(50), None, None), None),
    ];
    for (variable, expected) in cases {
        assert_eq!(value_colour(&variable), expected, "{variable:?}");
    }
}

#[test]
fn values_read_as_their_kind_says() {
    let cases = [
        (CockpitVariableKind::OnOff, 1, "On", "Ein"),
        (CockpitVariableKind::OnOff, 0, "Off", "Aus"),
        (CockpitVariableKind::OnOff, 7, "7", "7"),
        (CockpitVariableKind::Percentage, 25, "25%", "25 %"),
        (CockpitVariableKind::Number, -3, "-3", "-3"),
    ];
    for (kind, value, english, german) in cases {
        let text = UiText::CockpitValue { kind, value };
        assert_eq!(ui_text(&text, Language::English), english);
        assert_eq!(ui_text(&text, Language::German), german);
    }
}

#[test]
fn a_variable_value_reads_as_its_kind_says_or_as_unknown() {
    let switch = CockpitVariable {
        value: Some(1),
        cockpit_variable_types_id: Some(1),
        ..CockpitVariable::default()
    };
    assert_eq!(variable_value_text(&switch, Language::German), "Ein");
    let unknown = CockpitVariable::default();
    assert_eq!(variable_value_text(&unknown, Language::English), "unknown");
}

#[test]
fn the_confirmation_names_the_variable_and_the_new_value() {
    let question = UiText::ConfirmSetValue {
        name: "Emergency mode".into(),
        value: "On".into(),
    };
    assert_eq!(
        ui_text(&question, Language::English),
        "Set 'Emergency mode' to On?"
    );
    assert_eq!(
        ui_text(&question, Language::German),
        "„Emergency mode“ auf On setzen?"
    );
}

#[test]
fn cockpit_texts_are_translated() {
    // The cockpit widgets' texts, from the visitor that walks every text: every one is
    // translated but the words both languages share.
    let same_in_both = ["minimum", "maximum", "cockpit-value.number"];
    let mut checked = 0;
    for_every_text(|text| {
        let key = text.key();
        let cockpit = ["cockpit-", "variable-kind", "set-value"]
            .iter()
            .any(|prefix| key.starts_with(prefix))
            || [
                "try-again",
                "close",
                "current-value",
                "kind",
                "unknown-value",
                "new-value",
                "confirm",
                "cancel",
                "read-only",
            ]
            .contains(&key.as_str());
        if cockpit && !same_in_both.contains(&key.as_str()) {
            assert_ne!(
                Texts::from(Language::English).text(text),
                Texts::from(Language::German).text(text),
                "{key} is not translated"
            );
            checked += 1;
        }
    });
    assert!(checked >= 17, "only {checked} cockpit texts visited");
}

#[test]
fn the_filter_finds_words_in_name_or_description_in_any_case() {
    let emergency = CockpitVariable {
        name: Some("Emergency mode".into()),
        description: Some("Plays the Notfall announcement (Überlauf)".into()),
        ..CockpitVariable::default()
    };
    let unnamed = CockpitVariable::default();
    let cases = [
        ("", true, true),
        ("   ", true, true),
        ("emergency", true, false),
        ("MODE", true, false),
        ("notfall mode", true, false),
        ("mode announcement", true, false),
        ("mode night", false, false),
        ("e m", true, false),
        ("modeplays", false, false),
        ("ÜBERLAUF", true, false),
    ];
    for (filter, finds_emergency, finds_unnamed) in cases {
        assert_eq!(
            emergency.matches_filter(filter, str::to_lowercase),
            finds_emergency,
            "{filter:?}"
        );
        assert_eq!(
            unnamed.matches_filter(filter, str::to_lowercase),
            finds_unnamed,
            "{filter:?}"
        );
    }
}

#[test]
fn set_and_unchanged_fulfil_the_wish_the_rest_are_problems() {
    for code in -1..6 {
        let result = SetValueResult::from_code(code);
        assert_eq!(result.is_fulfilled(), code == 0 || code == 3, "{result:?}");
    }
}

proptest! {
    #[test]
    fn every_six_digit_colour_reads_back_unchanged(red: u8, green: u8, blue: u8) {
        let colour = rgb(red, green, blue);
        prop_assert_eq!(HexColour::parse(&colour.css()), Some(colour));
        prop_assert_eq!(HexColour::parse(&colour.css().to_uppercase()), Some(colour));
    }

    #[test]
    fn a_mix_stays_between_its_ends(a: (u8, u8, u8), b: (u8, u8, u8), share in -1.0f64..2.0) {
        let mixed = rgb(a.0, a.1, a.2).mix(rgb(b.0, b.1, b.2), share);
        for (channel, low, high) in [(mixed.red, a.0, b.0), (mixed.green, a.1, b.1), (mixed.blue, a.2, b.2)] {
            prop_assert!(channel >= low.min(high) && channel <= low.max(high));
        }
    }

    #[test]
    fn reading_arbitrary_colour_text_never_panics(text in any::<String>()) {
        if let Some(colour) = HexColour::parse(&text) {
            prop_assert!(text.trim().starts_with('#'));
            prop_assert_eq!(colour.css().len(), 7);
        }
    }
}
