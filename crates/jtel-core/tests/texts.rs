//! Every language has every text; every text has a stable key an integrator can replace.

use jtel_core::event_kind::EventKind;
use jtel_core::messages::{
    every_key, for_every_text, TextOverrides, Texts, TextsError, UiText, KEYS,
};
use jtel_core::outcome::ApiError;
use jtel_core::{ErrorCode, Field, Language};
use std::collections::HashSet;

#[test]
fn every_language_has_every_text() {
    // The compiler already insists that each language's `match` covers every text; this
    // checks that no text is empty or left with a placeholder, in any language.
    let mut checked = 0;
    for_every_text(|text| {
        for language in Language::ALL {
            let words = Texts::from(language).text(text);
            assert!(
                !words.trim().is_empty(),
                "{language:?} has no text for {text:?}"
            );
            assert!(
                !words.contains('{'),
                "{language:?} left a placeholder in {words}"
            );
        }
        checked += 1;
    });
    assert!(checked > 100, "only {checked} texts visited");
}

#[test]
fn every_variant_has_a_text_with_its_own_key() {
    let keys = every_key();
    let unique: HashSet<_> = keys.iter().collect();
    assert_eq!(unique.len(), keys.len());
    // The list the browser checks `texts` against is exactly the keys of the texts.
    assert_eq!(keys, KEYS.to_vec());
    for key in [
        "submit.callback",
        "form-title.other",
        "created-without-reference.ticket",
        "label.Sender",
        "label.ticket-number",
        "error.too-long",
        "error.out-of-range-at-most",
        "failure.refused",
        "failure.timeout",
        "set-value.unchanged",
        "variable-kind.percentage",
        "cockpit-value.on",
    ] {
        assert!(
            keys.iter().any(|known| known == key),
            "no text has the key {key}"
        );
    }
    // Every field has its label key, every error code its message key.
    for field in Field::ALL {
        let key = format!("label.{}", field.json_name());
        assert!(keys.contains(&key), "{key}");
    }
}

#[test]
fn a_replacement_changes_its_text_only_and_fills_its_values() {
    let (overrides, errors) = TextOverrides::from_json(
        r#"{"submit.callback": "Call me back", "error.too-long": "Höchstens {max}!",
            "failure.not-found": "Gone", "failure.timeout": "No answer in {seconds} s"}"#,
    );
    assert_eq!(errors, vec![]);
    let texts = Texts::new(Language::German, overrides);
    assert_eq!(
        texts.ui(&UiText::Submit(EventKind::Callback)),
        "Call me back"
    );
    assert_eq!(
        texts.ui(&UiText::Submit(EventKind::Ticket)),
        "Ticket anlegen"
    );
    assert_eq!(
        texts.error(ErrorCode::TooLong { max: 255 }),
        "Höchstens 255!"
    );
    assert_eq!(
        texts.error(ErrorCode::Required),
        "Füllen Sie dieses Feld aus."
    );
    // The server's reason still follows a replaced summary.
    let missing = ApiError::NotFound {
        message: "no event 7".into(),
    };
    assert_eq!(texts.failure(&missing), "Gone: no event 7");
    assert_eq!(
        texts.failure(&ApiError::Timeout { seconds: 20 }),
        "No answer in 20 s"
    );
    assert_eq!(
        texts.label(Field::Sender, EventKind::Callback),
        "Ihre Telefonnummer"
    );
}

#[test]
fn unusable_replacements_are_reported_not_dropped_in_silence() {
    let (overrides, errors) =
        TextOverrides::from_json(r#"{"sending": "One moment", "submit.calback": "x", "close": 3}"#);
    assert_eq!(
        errors,
        vec![
            TextsError::NotAString("close".into()),
            TextsError::UnknownKey("submit.calback".into()),
        ]
    );
    assert_eq!(
        Texts::new(Language::English, overrides).ui(&UiText::Sending),
        "One moment"
    );
    let (overrides, errors) = TextOverrides::from_json("[1]");
    assert!(overrides.is_empty());
    assert_eq!(errors, vec![TextsError::NotAnObject]);
}

#[test]
fn the_documentation_lists_every_key() {
    let page = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/texts.md"))
        .expect("docs/texts.md");
    for key in every_key() {
        assert!(
            page.contains(&format!("`{key}`")),
            "docs/texts.md does not list `{key}`"
        );
    }
}

#[test]
fn the_documentation_shows_each_keys_english_text() {
    // Each row of docs/texts.md is `| `key` | placeholders | English |`; the English column
    // is the text with the sample values (for the iframe-only notices followed by a remark).
    let page = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/texts.md"))
        .expect("docs/texts.md");
    let mut shown = std::collections::HashMap::<String, Vec<String>>::new();
    for_every_text(|text| {
        shown
            .entry(text.key())
            .or_default()
            .push(Texts::from(Language::English).text(text));
    });
    let mut rows = 0;
    for line in page.lines() {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        let [_, key, _, english, _] = cells[..] else {
            continue;
        };
        let Some(key) = key.strip_prefix('`').and_then(|key| key.strip_suffix('`')) else {
            continue;
        };
        let english = english.trim_end_matches(" (the iframe page)");
        let texts = shown
            .get(key)
            .unwrap_or_else(|| panic!("docs/texts.md lists `{key}`, which no text has"));
        assert!(
            texts.iter().any(|text| text == english),
            "docs/texts.md shows `{key}` as {english:?}, the English table says {texts:?}"
        );
        rows += 1;
    }
    assert_eq!(rows, every_key().len(), "one row per key");
}
