//! A searchable picker (ARIA combobox with a list box) for master data such as ACD groups,
//! agents, service numbers and event types.
//!
//! It stays quick with tens of thousands of rows: each option's search text is lower-cased
//! once when the options are built, typing filters with one pass, and only the first
//! [`MAX_SHOWN`] matches are rendered, with a note to keep typing for the rest.

use super::lower_case;
use crate::components::form_field::{FieldFrame, FieldIds};
use jtel_core::messages::{Texts, UiText};
use jtel_core::Field;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The most options rendered at once.
pub const MAX_SHOWN: usize = 50;

/// One choice: the value sent to jtel (an id or number) and what the user reads.
#[derive(Debug, Clone, PartialEq)]
pub struct PickerOption {
    /// The value sent (for example the `AcdGroupsID`).
    pub value: AttrValue,
    /// The text shown (for example the group's name).
    pub label: AttrValue,
    search: String,
}

impl PickerOption {
    /// An option with `value` and `label`; both are searched.
    pub fn new(value: impl Into<AttrValue>, label: impl Into<AttrValue>) -> Self {
        let (value, label) = (value.into(), label.into());
        let search = lower_case(&format!("{label} {value}"));
        Self {
            value,
            label,
            search,
        }
    }
}

/// The options matching `query` (case-insensitive, anywhere in label or value): the first
/// `limit`, and how many match in all.
pub fn filter_options<'a>(
    options: &'a [PickerOption],
    query: &str,
    limit: usize,
) -> (Vec<&'a PickerOption>, usize) {
    let query = lower_case(query.trim());
    let mut shown = Vec::with_capacity(limit.min(options.len()));
    let mut total = 0;
    for option in options
        .iter()
        .filter(|option| option.search.contains(&query))
    {
        if shown.len() < limit {
            shown.push(option);
        }
        total += 1;
    }
    (shown, total)
}

/// The open list: what the user typed to filter it (`None` while closed) and the highlighted row.
#[derive(Debug, Default)]
struct ListState {
    query: Option<String>,
    active: usize,
}

/// Properties of [`Picker`].
#[derive(Properties, PartialEq, Clone)]
pub struct PickerProps {
    /// Prefix that makes element ids unique per form instance.
    pub id_prefix: AttrValue,
    /// The jtel field the choice fills; its JSON name becomes the input's `name`.
    pub field: Field,
    /// The visible label.
    pub label: AttrValue,
    /// Every choice, in display order.
    pub options: Rc<Vec<PickerOption>>,
    /// The chosen value (empty for none).
    pub selected: AttrValue,
    /// The words of the picker's own texts.
    pub texts: Texts,
    /// Help shown under the input (for example why the options could not be loaded).
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// The validation error to show, if any.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// Whether a choice is required.
    #[prop_or_default]
    pub required: bool,
    /// Called with the chosen value (empty when the user clears the choice).
    pub on_select: Callback<(Field, String)>,
    /// Called when the user leaves the picker.
    pub on_blur: Callback<Field>,
}

/// A text input that filters a list box of options; arrow keys move, Enter chooses, Escape
/// closes.
#[component]
pub fn Picker(props: &PickerProps) -> Html {
    let selected_label = props
        .options
        .iter()
        .find(|option| option.value == props.selected)
        .map(|option| option.label.to_string())
        .unwrap_or_default();
    // The open list's filter text and highlighted row live in a ref, not in state: key events
    // can arrive faster than renders, and each handler must see what the user typed last.
    let list = use_mut_ref(ListState::default);
    let rerender = use_force_update();
    let (open, typed, active) = {
        let list = list.borrow();
        (
            list.query.is_some(),
            list.query.clone().unwrap_or_default(),
            list.active,
        )
    };
    let (shown, total) = if open {
        filter_options(&props.options, &typed, MAX_SHOWN)
    } else {
        (Vec::new(), 0)
    };
    let shown: Vec<PickerOption> = shown.into_iter().cloned().collect();

    let field = props.field;
    let ids = FieldIds::new(&props.id_prefix, field);
    let list_id = format!("{}-list", ids.input);
    let option_id = |index: usize| format!("{}-option-{index}", ids.input);

    let update = {
        let (list, rerender) = (list.clone(), rerender.clone());
        move |change: &dyn Fn(&mut ListState)| {
            change(&mut list.borrow_mut());
            rerender.force_update();
        }
    };
    let choose = {
        let (update, on_select) = (update.clone(), props.on_select.clone());
        Callback::from(move |value: AttrValue| {
            on_select.emit((field, value.to_string()));
            update(&|list| list.query = None);
        })
    };
    let on_input = {
        let (update, on_select) = (update.clone(), props.on_select.clone());
        Callback::from(move |event: InputEvent| {
            let text = event.target_unchecked_into::<HtmlInputElement>().value();
            if text.is_empty() {
                on_select.emit((field, String::new()));
            }
            update(&|list| {
                list.query = Some(text.clone());
                list.active = 0;
            });
        })
    };
    let on_keydown = {
        let (update, choose, options, list) = (
            update.clone(),
            choose.clone(),
            props.options.clone(),
            list.clone(),
        );
        Callback::from(move |event: KeyboardEvent| {
            let query = list.borrow().query.clone();
            let matches = |query: &str| filter_options(&options, query, MAX_SHOWN).0.len();
            match (event.key().as_str(), query) {
                ("ArrowDown", None) => {
                    event.prevent_default();
                    update(&|list| {
                        list.query = Some(String::new());
                        list.active = 0;
                    });
                }
                ("ArrowDown", Some(query)) => {
                    event.prevent_default();
                    let last = matches(&query).saturating_sub(1);
                    update(&|list| list.active = (list.active + 1).min(last));
                }
                ("ArrowUp", Some(_)) => {
                    event.prevent_default();
                    update(&|list| list.active = list.active.saturating_sub(1));
                }
                ("Enter", Some(query)) => {
                    event.prevent_default();
                    let active = list.borrow().active;
                    if let Some(option) = filter_options(&options, &query, MAX_SHOWN).0.get(active)
                    {
                        choose.emit(option.value.clone());
                    }
                }
                ("Escape", Some(_)) => {
                    event.prevent_default();
                    update(&|list| list.query = None);
                }
                _ => {}
            }
        })
    };
    let on_blur = {
        let (update, on_blur) = (update.clone(), props.on_blur.clone());
        Callback::from(move |_: FocusEvent| {
            update(&|list| list.query = None);
            on_blur.emit(field);
        })
    };
    let on_toggle = {
        let update = update.clone();
        Callback::from(move |_: MouseEvent| {
            update(&|list| {
                list.query = if list.query.is_some() {
                    None
                } else {
                    Some(String::new())
                }
            })
        })
    };

    let described_by = ids.described_by(props.hint.is_some(), props.error.is_some());
    let texts = &props.texts;
    let more = total.saturating_sub(shown.len());

    html! {
        <FieldFrame ids={ids.clone()} label={props.label.clone()} required={props.required}
            hint={props.hint.clone()} error={props.error.clone()} class="jtel-picker">
            <div class="jtel-picker-control">
                <input id={ids.input.clone()} part="input" name={field.json_name()} class="jtel-input" type="text"
                    role="combobox" autocomplete="off" aria-autocomplete="list"
                    aria-expanded={if open { "true" } else { "false" }} aria-controls={list_id.clone()}
                    aria-activedescendant={(open && !shown.is_empty()).then(|| option_id(active))}
                    aria-invalid={props.error.as_ref().map(|_| "true")} aria-describedby={described_by}
                    data-value={props.selected.clone()} required={props.required}
                    value={if open { typed.clone() } else { selected_label }}
                    placeholder={texts.ui(&UiText::TypeToSearch)}
                    oninput={on_input} onkeydown={on_keydown} onblur={on_blur} />
                <button type="button" class="jtel-picker-toggle" tabindex="-1" aria-hidden="true"
                    onmousedown={Callback::from(|event: MouseEvent| event.prevent_default())} onclick={on_toggle}>
                    { "▾" }
                </button>
            </div>
            <ul id={list_id} role="listbox" class="jtel-listbox" hidden={!open} aria-label={props.label.clone()}>
                { for shown.iter().enumerate().map(|(index, option)| {
                    let value = option.value.clone();
                    let choose = choose.clone();
                    html! {
                        <li id={option_id(index)} role="option" class="jtel-option"
                            aria-selected={if index == active { "true" } else { "false" }}
                            data-value={option.value.clone()}
                            onmousedown={Callback::from(move |event: MouseEvent| {
                                event.prevent_default();
                                choose.emit(value.clone());
                            })}>
                            { &option.label }
                        </li>
                    }
                }) }
                if open && shown.is_empty() {
                    <li class="jtel-option jtel-option--note" aria-disabled="true">{ texts.ui(&UiText::NoMatches) }</li>
                }
                if more > 0 {
                    <li class="jtel-option jtel-option--note" aria-disabled="true">{ texts.ui(&UiText::MoreMatches { count: more }) }</li>
                }
            </ul>
        </FieldFrame>
    }
}
