//! One labelled form field with its hint and error, wired for assistive technology.

use jtel_core::Field;
use std::sync::atomic::{AtomicU32, Ordering};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// Properties of [`FormField`].
#[derive(Properties, PartialEq, Clone)]
pub struct FormFieldProps {
    /// Prefix that makes element ids unique per form instance.
    pub id_prefix: AttrValue,
    /// The jtel field; its JSON name becomes the input's `name`.
    pub field: Field,
    /// The visible label.
    pub label: AttrValue,
    /// The current text.
    pub value: AttrValue,
    /// Help shown under the input (for example the number as it will be sent).
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// The error to show, if any; sets `aria-invalid`.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// Whether the field must be filled in.
    #[prop_or_default]
    pub required: bool,
    /// A multi-line text area instead of a one-line input.
    #[prop_or_default]
    pub multiline: bool,
    /// The input's `type` (`text`, `tel`, `url`, `email`).
    #[prop_or(AttrValue::Static("text"))]
    pub input_type: AttrValue,
    /// The `autocomplete` hint for browsers.
    #[prop_or_default]
    pub autocomplete: Option<AttrValue>,
    /// The smallest value a `number` input offers.
    #[prop_or_default]
    pub min: Option<AttrValue>,
    /// The largest value a `number` input offers.
    #[prop_or_default]
    pub max: Option<AttrValue>,
    /// Shows the text but refuses edits (while a confirmation is pending).
    #[prop_or_default]
    pub readonly: bool,
    /// Called with the new text on every keystroke.
    pub on_input: Callback<(Field, String)>,
    /// Called when the user leaves the field.
    pub on_blur: Callback<Field>,
}

/// A prefix for element ids that is unique per form instance on the page.
pub fn next_instance_prefix() -> AttrValue {
    static NEXT: AtomicU32 = AtomicU32::new(1);
    AttrValue::from(format!(
        "jtel-form-{}",
        NEXT.fetch_add(1, Ordering::Relaxed)
    ))
}

/// A labelled input: `<label>`, the input, then hint and error linked by `aria-describedby`.
#[component]
pub fn FormField(props: &FormFieldProps) -> Html {
    let field = props.field;
    let input_id = format!("{}-{}", props.id_prefix, field.json_name());
    let hint_id = format!("{input_id}-hint");
    let error_id = format!("{input_id}-error");
    let described_by: Vec<&str> = [
        props.hint.as_ref().map(|_| hint_id.as_str()),
        props.error.as_ref().map(|_| error_id.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let described_by = (!described_by.is_empty()).then(|| described_by.join(" "));
    let invalid = props.error.as_ref().map(|_| "true");
    let on_blur = {
        let callback = props.on_blur.clone();
        Callback::from(move |_: FocusEvent| callback.emit(field))
    };
    let control = if props.multiline {
        let on_input = props.on_input.reform(move |event: InputEvent| {
            (
                field,
                event.target_unchecked_into::<HtmlTextAreaElement>().value(),
            )
        });
        html! {
            <textarea id={input_id.clone()} name={field.json_name()} class="jtel-input" rows="4"
                value={props.value.clone()} required={props.required}
                aria-invalid={invalid} aria-describedby={described_by.clone()}
                oninput={on_input} onblur={on_blur} />
        }
    } else {
        let on_input = props.on_input.reform(move |event: InputEvent| {
            (
                field,
                event.target_unchecked_into::<HtmlInputElement>().value(),
            )
        });
        html! {
            <input id={input_id.clone()} name={field.json_name()} class="jtel-input"
                type={props.input_type.clone()} value={props.value.clone()} required={props.required}
                autocomplete={props.autocomplete.clone()}
                min={props.min.clone()} max={props.max.clone()} readonly={props.readonly}
                aria-invalid={invalid} aria-describedby={described_by}
                oninput={on_input} onblur={on_blur} />
        }
    };
    html! {
        <div class={classes!("jtel-field", props.error.as_ref().map(|_| "jtel-field--invalid"))}>
            <label for={input_id.clone()} class="jtel-label">
                { &props.label }
                if props.required { <span class="jtel-required" aria-hidden="true">{ " *" }</span> }
            </label>
            { control }
            if let Some(hint) = &props.hint {
                <p id={hint_id} class="jtel-hint">{ hint }</p>
            }
            if let Some(error) = &props.error {
                <p id={error_id} class="jtel-error">{ error }</p>
            }
        </div>
    }
}
