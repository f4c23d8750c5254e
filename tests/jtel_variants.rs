//! Browser tests of the widgets against jtel answers that differ from ours: the emulator's
//! `docs-literal` set (only what jtel's documentation shows) and `variant` set (0/1 flags,
//! decimals, numeric strings, missing and extra fields, broken rows), served row for row from
//! the fixture files by a stand-in for `window.fetch`; and both setValue forms, with a server
//! that knows only one of them.
#![cfg(target_arch = "wasm32")]

mod dom;

use dom::{install_canned_fetch, sent_requests, serve, Mounted};
use jtel_widgets::components::acd_event_form::{AcdEventForm, AcdEventFormProps};
use jtel_widgets::components::cockpit_variable_form::{
    CockpitVariableForm, CockpitVariableFormProps,
};
use jtel_widgets::components::cockpit_variable_list::{
    CockpitVariableList, CockpitVariableListProps,
};
use jtel_widgets::jtel_core::event_form::{EventFormSettings, Setting};
use jtel_widgets::jtel_core::outcome::SetValueForm;
use jtel_widgets::jtel_core::{Field, Language};
use jtel_widgets::settings::WidgetSettings;
use serde_json::{json, Value};
use wasm_bindgen_test::*;
use yew::{AttrValue, BaseComponent};

wasm_bindgen_test_configure!(run_in_browser);

const DOCS_LITERAL: &str = include_str!("../crates/jtel-emulator/fixtures/docs-literal.json");
const VARIANT: &str = include_str!("../crates/jtel-emulator/fixtures/variant.json");

/// The routes of each fixture list.
const LISTS: [(&str, &str); 5] = [
    ("cockpitVariables", "cockpitVariables"),
    ("acdEventTypes", "acd/events/types"),
    ("acdGroups", "acd/groups"),
    ("users", "users"),
    ("serviceNumbers", "serviceNumbers"),
];

/// A row's `ID`, however the set spells it.
fn row_id(row: &Value) -> Option<i64> {
    let id = &row["ID"];
    id.as_i64()
        .or_else(|| id.as_f64().map(|id| id as i64))
        .or_else(|| id.as_str()?.parse().ok())
}

/// Serves every list of the fixture set `text` below `base` as jtel's list envelope, and each
/// cockpit variable at its get-by-id URL, rows exactly as written.
fn serve_set(base: &str, text: &str) {
    let set: Value = serde_json::from_str(text).unwrap();
    for (list, route) in LISTS {
        let rows = set[list].as_array().cloned().unwrap_or_default();
        let body = json!({ "records": rows, "count": rows.len(), "status": 200 });
        serve("GET", &format!("{base}/{route}"), 200, &body.to_string(), 0);
    }
    for row in set["cockpitVariables"].as_array().unwrap() {
        if let Some(id) = row_id(row) {
            let body = json!({ "records": [row], "count": 1, "status": 200 });
            let url = format!("{base}/cockpitVariables/cockpitVariable/{id}");
            serve("GET", &url, 200, &body.to_string(), 0);
        }
    }
}

/// Serves setValue result 0 for `id` and `value` in `form` below `base`.
fn serve_set_value(base: &str, form: SetValueForm, id: i64, value: i64) {
    let (route, query) = form.route(id, value);
    let url = match query {
        Some((name, value)) => format!("{base}/{route}?{name}={value}"),
        None => format!("{base}/{route}"),
    };
    let body = json!({ "result": 0, "error": "", "status": 200 });
    serve("PATCH", &url, 200, &body.to_string(), 0);
}

/// The setValue requests sent below `base`, in order.
fn patches_below(base: &str) -> Vec<String> {
    let prefix = format!("PATCH {base}/");
    sent_requests()
        .lines()
        .filter(|line| line.starts_with(&prefix))
        .map(|line| line[prefix.len()..].to_owned())
        .collect()
}

async fn mounted<C: BaseComponent>(props: C::Properties) -> Mounted<C> {
    install_canned_fetch();
    Mounted::new(props).await
}

/// The settings of a widget talking to `base` in `language`.
fn settings(base: &'static str, language: Language) -> WidgetSettings {
    WidgetSettings {
        base_url: AttrValue::Static(base),
        language,
        ..WidgetSettings::default()
    }
}

fn form_props(base: &'static str, id: i64, language: Language) -> CockpitVariableFormProps {
    yew::props!(CockpitVariableFormProps {
        variable_id: id,
        widget: settings(base, language),
    })
}

/// The form for variable `id` below `base`, loaded.
async fn loaded_form(base: &'static str, id: i64) -> Mounted<CockpitVariableForm> {
    let form = mounted::<CockpitVariableForm>(form_props(base, id, Language::English)).await;
    form.wait_for("h2, [role=alert]").await;
    form
}

/// The form's facts as `label: value` pairs.
fn facts(form: &Mounted<CockpitVariableForm>) -> Vec<String> {
    form.find_all(".jtel-fact")
        .iter()
        .map(|fact| {
            let part = |tag| {
                fact.query_selector(tag)
                    .unwrap()
                    .and_then(|element| element.text_content())
                    .unwrap_or_default()
            };
            format!("{}: {}", part("dt"), part("dd"))
        })
        .collect()
}

/// Types `value`, asks to set it, confirms, and waits for the success message.
async fn set(form: &Mounted<CockpitVariableForm>, value: i64) {
    form.type_into(Field::Value, &value.to_string()).await;
    form.click("button[type=submit]").await;
    form.click_button("Confirm").await;
    assert_eq!(
        form.wait_for_text(".jtel-success").await,
        "The value was set."
    );
}

#[wasm_bindgen_test]
async fn a_variable_with_only_the_documented_fields_says_what_it_does_not_know_and_can_be_set() {
    const BASE: &str = "https://jtel.test/docs-literal";
    serve_set(BASE, DOCS_LITERAL);
    let form = loaded_form(BASE, 192).await;
    assert_eq!(form.text("h2").as_deref(), Some("Test Cockpit Variable"));
    assert_eq!(
        facts(&form),
        [
            "Current value: unknown",
            "Minimum: unknown",
            "Maximum: unknown",
            "Type: not sent by jtel (treated as a number)",
        ]
    );
    let input = form.input(Field::Value);
    assert_eq!(input.value(), "", "no value to start from");
    assert_eq!(input.get_attribute("max"), None, "no maximum is invented");

    serve_set_value(BASE, SetValueForm::Path, 192, 7);
    set(&form, 7).await;
    assert_eq!(
        patches_below(BASE),
        ["cockpitVariables/cockpitVariable/192/setValue/7"]
    );
}

#[wasm_bindgen_test]
async fn variables_in_every_spelling_read_as_their_values() {
    const BASE: &str = "https://jtel.test/variant";
    serve_set(BASE, VARIANT);

    // "Value": "0", "MinValue": 0.0, "MaxValue": "100", "CockpitVariableTypesID": "2".
    let number = loaded_form(BASE, 192).await;
    assert_eq!(
        facts(&number),
        [
            "Current value: 0",
            "Minimum: 0",
            "Maximum: 100",
            "Type: Number"
        ]
    );
    assert_eq!(
        number.input(Field::Value).get_attribute("max").as_deref(),
        Some("100")
    );

    // "ID": "193", "Value": 3.0, "bWritable": 0.
    let read_only = loaded_form(BASE, 193).await;
    assert_eq!(
        read_only.text(".jtel-note").as_deref(),
        Some("This variable is read-only: you can see its value but not change it.")
    );
    assert!(read_only.find("input[name=value]").is_none());

    // "CockpitVariableTypesID": 1.0, "Value": "0", "bWritable": "1".
    let switch = loaded_form(BASE, 194).await;
    let button = switch.find("[role=switch]").expect("a switch");
    assert_eq!(
        button.get_attribute("aria-checked").as_deref(),
        Some("false")
    );

    // A percentage without bounds: 0 to 100.
    let percentage = loaded_form(BASE, 195).await;
    assert!(facts(&percentage).contains(&"Maximum: 100".to_owned()));

    // No maximum sent: shown as unknown, and the input has no limit there.
    let open = loaded_form(BASE, 197).await;
    assert_eq!(
        facts(&open),
        [
            "Current value: 5",
            "Minimum: 0",
            "Maximum: unknown",
            "Type: Number"
        ]
    );
    assert_eq!(open.input(Field::Value).get_attribute("max"), None);

    // "Value": "high": the one variable cannot be shown, and the form says so.
    let broken = loaded_form(BASE, 198).await;
    assert_eq!(
        broken.text("[role=alert] .jtel-alert-text").as_deref(),
        Some("The server sent an answer that could not be read. Try again; your input is kept.")
    );
}

#[wasm_bindgen_test]
async fn the_list_shows_every_readable_variable_and_counts_the_broken_one() {
    const BASE: &str = "https://jtel.test/variant-list";
    serve_set(BASE, VARIANT);
    for (language, shown, note) in [
        (
            Language::English,
            "6 of 6 variables shown",
            "1 variable could not be read.",
        ),
        (
            Language::German,
            "6 von 6 Variablen angezeigt",
            "1 Variable konnte nicht gelesen werden.",
        ),
    ] {
        let list = mounted::<CockpitVariableList>(yew::props!(CockpitVariableListProps {
            widget: settings(BASE, language),
        }))
        .await;
        list.wait_for(".jtel-cockpit-row").await;
        assert_eq!(
            list.text(".jtel-cockpit-list > [role=status]").as_deref(),
            Some(shown)
        );
        assert_eq!(list.text(".jtel-cockpit-unreadable").as_deref(), Some(note));
        let names: Vec<String> = list
            .find_all(".jtel-cockpit-row-name")
            .iter()
            .filter_map(|name| name.text_content())
            .collect();
        assert!(!names.contains(&"Broken Row".to_owned()), "{names:?}");
    }

    const DOCS: &str = "https://jtel.test/docs-literal-list";
    serve_set(DOCS, DOCS_LITERAL);
    let list = mounted::<CockpitVariableList>(yew::props!(CockpitVariableListProps {
        widget: settings(DOCS, Language::English),
    }))
    .await;
    list.wait_for(".jtel-cockpit-row").await;
    assert_eq!(
        list.text(".jtel-cockpit-row-value").as_deref(),
        Some("unknown")
    );
    assert!(list.find(".jtel-cockpit-unreadable").is_none());
}

#[wasm_bindgen_test]
async fn set_value_tries_the_other_form_once_on_no_such_route_and_remembers_it() {
    // This server knows only the query form: the path form gets jtel's empty 404.
    const QUERY_ONLY: &str = "https://jtel.test/query-only";
    serve_set(QUERY_ONLY, VARIANT);
    serve_set_value(QUERY_ONLY, SetValueForm::Query, 192, 7);
    serve_set_value(QUERY_ONLY, SetValueForm::Query, 192, 8);
    let form = loaded_form(QUERY_ONLY, 192).await;
    set(&form, 7).await;
    set(&form, 8).await;
    assert_eq!(
        patches_below(QUERY_ONLY),
        [
            "cockpitVariables/cockpitVariable/192/setValue/7",
            "cockpitVariables/cockpitVariable/192/setValue?value=7",
            "cockpitVariables/cockpitVariable/192/setValue?value=8",
        ],
        "the path form first, then the query form, which is kept"
    );

    // Configured for the query form, against a server that knows only the path form.
    const PATH_ONLY: &str = "https://jtel.test/path-only";
    serve_set(PATH_ONLY, VARIANT);
    serve_set_value(PATH_ONLY, SetValueForm::Path, 192, 9);
    let mut props = form_props(PATH_ONLY, 192, Language::English);
    props.widget.set_value_form = SetValueForm::Query;
    let form = mounted::<CockpitVariableForm>(props).await;
    form.wait_for("h2").await;
    set(&form, 9).await;
    assert_eq!(
        patches_below(PATH_ONLY),
        [
            "cockpitVariables/cockpitVariable/192/setValue?value=9",
            "cockpitVariables/cockpitVariable/192/setValue/9",
        ]
    );

    // A server that knows neither: one try each, then jtel's "not found at this address".
    const NEITHER: &str = "https://jtel.test/neither";
    serve_set(NEITHER, VARIANT);
    let form = loaded_form(NEITHER, 192).await;
    form.type_into(Field::Value, "3").await;
    form.click("button[type=submit]").await;
    form.click_button("Confirm").await;
    assert_eq!(
        form.wait_for_text("[role=alert] .jtel-alert-text").await,
        "The service this form sends to was not found at its address. Please tell the administrator of this page."
    );
    assert_eq!(patches_below(NEITHER).len(), 2);
}

/// An event form whose type, group, agent and receiver are chosen from pickers.
fn picking_props(base: &'static str) -> AcdEventFormProps {
    yew::props!(AcdEventFormProps {
        widget: settings(base, Language::English),
        form: EventFormSettings {
            event_type: Setting::Choose,
            group: Setting::Choose,
            agent: Setting::Choose,
            receiver: Setting::Choose,
            ..EventFormSettings::default()
        },
    })
}

/// The labels `field`'s picker offers, and its hint.
async fn offered(form: &Mounted<AcdEventForm>, field: Field) -> (Vec<String>, Option<String>) {
    let input = form.input(field);
    let hint = form.text(&format!("#{}-hint", input.id()));
    form.press(field, "ArrowDown").await;
    let labels = form
        .find_all("[role=option]")
        .iter()
        .filter_map(|option| option.text_content())
        .collect();
    form.press(field, "Escape").await;
    (labels, hint)
}

#[wasm_bindgen_test]
async fn pickers_label_types_by_jtel_name_and_count_what_they_cannot_offer() {
    const VARIANT_BASE: &str = "https://jtel.test/variant-pickers";
    serve_set(VARIANT_BASE, VARIANT);
    let form = mounted::<AcdEventForm>(picking_props(VARIANT_BASE)).await;
    form.wait_for("[role=combobox]").await;
    for _ in 0..20 {
        if form
            .find_all(".jtel-hint")
            .iter()
            .all(|hint| hint.text_content().as_deref() != Some("Loading choices…"))
        {
            break;
        }
        gloo_timers::future::sleep(std::time::Duration::from_millis(50)).await;
        yew::scheduler::flush().await;
    }

    let (types, hint) = offered(&form, Field::AcdEventTypesId).await;
    assert_eq!(
        types,
        [
            "Voice mail",
            "Fax",
            "Callback request",
            "SMS",
            "E-mail",
            "Ticket",
            "WhatsApp",
            "ACD event (type 8)",
        ]
    );
    assert_eq!(hint, None);
    let (groups, hint) = offered(&form, Field::AcdGroupsId).await;
    assert_eq!(groups, ["Customer Service", "Sales", "237"]);
    assert_eq!(hint.as_deref(), Some("1 choice could not be read."));
    let (agents, _) = offered(&form, Field::UsersId).await;
    assert_eq!(
        agents,
        ["Jane Doe (jdoe)", "mmustermann", "Erika (eschmidt)"]
    );

    // jtel's documented rows of groups and agents show no `ID`: nothing can be chosen there,
    // and the picker says why instead of staying silently empty.
    const DOCS_BASE: &str = "https://jtel.test/docs-literal-pickers";
    serve_set(DOCS_BASE, DOCS_LITERAL);
    let form = mounted::<AcdEventForm>(picking_props(DOCS_BASE)).await;
    form.wait_for("[role=combobox]").await;
    let mut hint = None;
    for _ in 0..40 {
        hint = form.text(&format!("#{}-hint", form.input(Field::AcdGroupsId).id()));
        if hint.as_deref() == Some("2 choices could not be read.") {
            break;
        }
        gloo_timers::future::sleep(std::time::Duration::from_millis(50)).await;
        yew::scheduler::flush().await;
    }
    assert_eq!(hint.as_deref(), Some("2 choices could not be read."));
    let (types, _) = offered(&form, Field::AcdEventTypesId).await;
    assert_eq!(types.len(), 5, "the documented types 1 to 5: {types:?}");
}
