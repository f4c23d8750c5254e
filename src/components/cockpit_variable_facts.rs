//! What a cockpit variable is: its current value with its colour, its bounds and its type.

use jtel_core::colour::value_colour;
use jtel_core::messages::{Texts, UiText};
use jtel_core::model::{CockpitVariable, CockpitVariableKind};
use web_sys::HtmlElement;
use yew::prelude::*;

/// Properties of [`CockpitVariableFacts`].
#[derive(Properties, PartialEq, Clone)]
pub struct CockpitVariableFactsProps {
    /// The variable as loaded.
    pub variable: CockpitVariable,
    /// The words of the labels and values.
    pub texts: Texts,
}

/// A description list of the variable's value (with a colour swatch when the server sent a
/// readable `#rgb`/`#rrggbb` colour), minimum and maximum (numeric kinds; "unknown" when not
/// sent) and type (said to be assumed when not sent). Server strings are shown as text only.
#[component]
pub fn CockpitVariableFacts(props: &CockpitVariableFactsProps) -> Html {
    let (variable, texts) = (&props.variable, &props.texts);
    let kind = variable.kind();
    let (min, max) = variable.bounds();
    // A bound the server did not send is shown as unknown: the input then has no limit there,
    // and jtel's own answer (result 4) is what tells the user.
    let bounds = [(UiText::Minimum, min), (UiText::Maximum, max)]
        .into_iter()
        .filter(|_| kind != CockpitVariableKind::OnOff);
    let bound_text = |bound: Option<i64>| match bound {
        Some(bound) => bound.to_string(),
        None => texts.ui(&UiText::UnknownValue),
    };
    let kind_text = match variable.cockpit_variable_types_id {
        Some(_) => texts.ui(&UiText::VariableKindName(kind)),
        None => texts.ui(&UiText::VariableKindNotSent),
    };
    let fact = |label: &UiText, value: Html| {
        html! {
            <div class="jtel-fact">
                <dt>{ texts.ui(label) }</dt>
                <dd>{ value }</dd>
            </div>
        }
    };
    let swatch = value_colour(variable).map(|colour| html! { <Swatch colour={colour.css()} /> });
    html! {
        <dl class="jtel-facts">
            { fact(&UiText::CurrentValue, html! {
                <span class="jtel-cockpit-value">{ for swatch }{ texts.variable_value(variable) }</span>
            }) }
            { for bounds.map(|(label, bound)| fact(&label, html! { { bound_text(bound) } })) }
            { fact(&UiText::Kind, html! { { kind_text } }) }
        </dl>
    }
}

/// Properties of [`Swatch`].
#[derive(Properties, PartialEq, Clone)]
struct SwatchProps {
    /// A CSS colour, e.g. `#dc143c`.
    colour: AttrValue,
}

/// A small square in `colour`. The colour is set through the CSSOM after rendering, not with
/// a `style` attribute, so a Content-Security-Policy without `'unsafe-inline'` in `style-src`
/// allows it.
#[component]
fn Swatch(props: &SwatchProps) -> Html {
    let node = use_node_ref();
    use_effect_with((node.clone(), props.colour.clone()), |(node, colour)| {
        if let Some(element) = node.cast::<HtmlElement>() {
            // Only fails for a read-only declaration, which an element's own style is not.
            let _ = element.style().set_property("background-color", colour);
        }
    });
    html! { <span class="jtel-swatch" aria-hidden="true" ref={node} /> }
}
