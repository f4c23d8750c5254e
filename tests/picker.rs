//! Browser tests of the picker: filtering, keyboard use, and 10,000 rows.
#![cfg(target_arch = "wasm32")]

mod dom;

use dom::{fresh_host, View};
use jtel_widgets::components::picker::{
    filter_options, Picker, PickerOption, PickerProps, MAX_SHOWN,
};
use jtel_widgets::jtel_core::messages::Texts;
use jtel_widgets::jtel_core::{Field, Language};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen_test::*;
use yew::{AttrValue, Callback};

wasm_bindgen_test_configure!(run_in_browser);

fn groups(count: usize) -> Rc<Vec<PickerOption>> {
    Rc::new(
        (1..=count)
            .map(|id| PickerOption::new(id.to_string(), format!("Group {id:05}")))
            .collect(),
    )
}

async fn mount(options: Rc<Vec<PickerOption>>, chosen: Rc<RefCell<Vec<String>>>) -> View {
    let host = fresh_host();
    let on_select =
        Callback::from(move |(_, value): (Field, String)| chosen.borrow_mut().push(value));
    let props = yew::props!(PickerProps {
        id_prefix: AttrValue::Static("test"),
        field: Field::AcdGroupsId,
        label: AttrValue::Static("ACD group"),
        options,
        selected: AttrValue::Static(""),
        texts: Texts::from(Language::English),
        on_select,
        on_blur: Callback::noop(),
    });
    yew::Renderer::<Picker>::with_root_and_props(host.clone(), props).render();
    yew::scheduler::flush().await;
    View { root: host.into() }
}

#[wasm_bindgen_test]
fn filtering_finds_labels_and_values_case_insensitively() {
    let options = groups(20);
    let (shown, total) = filter_options(&options, "group 0001", 5);
    assert_eq!(total, 10, "Group 00010 … 00019");
    assert_eq!(shown.len(), 5);
    let (shown, total) = filter_options(&options, "  GROUP 00007 ", 5);
    assert_eq!((shown[0].value.as_str(), total), ("7", 1));
}

#[wasm_bindgen_test]
async fn ten_thousand_rows_render_only_the_first_matches_and_narrow_as_you_type() {
    let chosen = Rc::new(RefCell::new(Vec::new()));
    let view = mount(groups(10_000), chosen.clone()).await;
    let input = view.input(Field::AcdGroupsId);
    assert_eq!(input.get_attribute("role").as_deref(), Some("combobox"));
    assert_eq!(
        input.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );

    view.press(Field::AcdGroupsId, "ArrowDown").await;
    assert_eq!(
        view.input(Field::AcdGroupsId)
            .get_attribute("aria-expanded")
            .as_deref(),
        Some("true")
    );
    assert_eq!(view.find_all("[role=option]").len(), MAX_SHOWN);
    assert!(view
        .text(".jtel-option--note")
        .unwrap()
        .starts_with("9950 more"));

    view.fill(Field::AcdGroupsId, "group 0471").await;
    let options = view.find_all("[role=option]");
    assert_eq!(options.len(), 10, "Group 04710 … 04719");
    view.press(Field::AcdGroupsId, "ArrowDown").await;
    let active = view
        .input(Field::AcdGroupsId)
        .get_attribute("aria-activedescendant")
        .expect("an active option");
    assert_eq!(
        view.find(&format!("#{active}"))
            .unwrap()
            .text_content()
            .as_deref(),
        Some("Group 04711")
    );
    view.press(Field::AcdGroupsId, "Enter").await;
    assert_eq!(chosen.borrow().last().map(String::as_str), Some("4711"));
}

#[wasm_bindgen_test]
async fn escape_closes_and_no_match_is_said() {
    let view = mount(groups(30), Rc::new(RefCell::new(Vec::new()))).await;
    view.press(Field::AcdGroupsId, "ArrowDown").await;
    view.press(Field::AcdGroupsId, "Escape").await;
    assert_eq!(
        view.input(Field::AcdGroupsId)
            .get_attribute("aria-expanded")
            .as_deref(),
        Some("false")
    );
    view.fill(Field::AcdGroupsId, "zzz").await;
    assert_eq!(
        view.text(".jtel-option--note").as_deref(),
        Some("No matches")
    );
}
