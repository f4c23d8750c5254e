//! One labelled form field with its hint and error, wired for assistive technology.
//!
//! [`FieldFrame`] is the shared frame (label, control, hint, error with their ids) that
//! [`FormField`] and the picker fill with their own control.

use super::class_names;
use jtel_core::Field;
use std::sync::atomic::{AtomicU32, Ordering};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// The ids of a field's control and of the texts that describe it.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldIds {
    /// The control's id (the label's `for`).
    pub input: String,
    /// The hint paragraph's id.
    pub hint: String,
    /// The error paragraph's id.
    pub error: String,
}

impl FieldIds {
    /// Ids for `field` in the form instance `id_prefix`.
    pub fn new(id_prefix: &str, field: Field) -> Self {
        let input = format!("{id_prefix}-{}", field.json_name());
        Self {
            hint: format!("{input}-hint"),
            error: format!("{input}-error"),
            input,
        }
    }

    /// The control's `aria-describedby`: the hint and the error that are shown.
    pub fn described_by(&self, hint: bool, error: bool) -> Option<String> {
        match (hint, error) {
            (true, true) => Some(format!("{} {}", self.hint, self.error)),
            (true, false) => Some(self.hint.clone()),
            (false, true) => Some(self.error.clone()),
            (false, false) => None,
        }
    }
}

/// Properties of [`FieldFrame`].
#[derive(Properties, PartialEq, Clone)]
pub struct FieldFrameProps {
    /// The ids of the control and its texts.
    pub ids: FieldIds,
    /// The visible label.
    pub label: AttrValue,
    /// Whether the field must be filled in (adds a visual marker).
    #[prop_or_default]
    pub required: bool,
    /// Help shown under the control.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// The error shown under the control.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// An extra class for the frame.
    #[prop_or_default]
    pub class: Option<AttrValue>,
    /// The control itself.
    pub children: Html,
}

/// Label, control, hint and error of one field.
#[component]
pub fn FieldFrame(props: &FieldFrameProps) -> Html {
    html! {
        <div ~className={class_names([Some("jtel-field"), props.class.as_deref(), props.error.as_ref().map(|_| "jtel-field--invalid")])}
            part="field">
            <label for={props.ids.input.clone()} class="jtel-label" part="label">
                { &props.label }
                if props.required { <span class="jtel-required" aria-hidden="true">{ " *" }</span> }
            </label>
            { props.children.clone() }
            if let Some(hint) = &props.hint {
                <p id={props.ids.hint.clone()} class="jtel-hint" part="hint">{ hint }</p>
            }
            if let Some(error) = &props.error {
                <p id={props.ids.error.clone()} class="jtel-error" part="error">{ error }</p>
            }
        </div>
    }
}

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
    /// Shown but not editable (a value the host page fixed, or one awaiting confirmation).
    #[prop_or_default]
    pub read_only: bool,
    /// A multi-line text area instead of a one-line input.
    #[prop_or_default]
    pub multiline: bool,
    /// The input's `type` (`text`, `tel`, `url`, `email`, `date`, `time`).
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

/// A labelled input or text area with its hint and error.
#[component]
pub fn FormField(props: &FormFieldProps) -> Html {
    let field = props.field;
    let ids = FieldIds::new(&props.id_prefix, field);
    let described_by = ids.described_by(props.hint.is_some(), props.error.is_some());
    let invalid = props.error.as_ref().map(|_| "true");
    let on_blur = props.on_blur.reform(move |_: FocusEvent| field);
    let control = if props.multiline {
        let on_input = props.on_input.reform(move |event: InputEvent| {
            (
                field,
                event.target_unchecked_into::<HtmlTextAreaElement>().value(),
            )
        });
        html! {
            <textarea id={ids.input.clone()} name={field.json_name()} class="jtel-input" part="input" rows="4"
                value={props.value.clone()} required={props.required} readonly={props.read_only}
                aria-invalid={invalid} aria-describedby={described_by}
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
            <input id={ids.input.clone()} name={field.json_name()} class="jtel-input" part="input"
                type={props.input_type.clone()} value={props.value.clone()} required={props.required}
                readonly={props.read_only} autocomplete={props.autocomplete.clone()}
                min={props.min.clone()} max={props.max.clone()}
                aria-invalid={invalid} aria-describedby={described_by}
                oninput={on_input} onblur={on_blur} />
        }
    };
    html! {
        <FieldFrame ids={ids} label={props.label.clone()} required={props.required}
            hint={props.hint.clone()} error={props.error.clone()}>
            { control }
        </FieldFrame>
    }
}
