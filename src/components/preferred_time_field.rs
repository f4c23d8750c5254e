//! The preferred callback time: a date-and-time input in the user's zone, or, when the call
//! centre has service hours, a list of the times inside them with the centre's clock beside
//! each. A time the clocks skip offers the nearest times that exist; a time that comes twice
//! says which of the two it took and offers the other.

use crate::components::form_field::{FieldFrame, FieldIds};
use crate::local_time::CallbackClock;
use jtel_core::callback_time::{offset_text, LocalMinute, PickedTime, Resolution, ZonedMinute};
use jtel_core::messages::{Texts, UiText};
use jtel_core::service_hours::Slot;
use jtel_core::Field;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Properties of [`PreferredTimeField`].
#[derive(Properties, PartialEq, Clone)]
pub struct PreferredTimeFieldProps {
    /// Prefix that makes element ids unique per form instance.
    pub id_prefix: AttrValue,
    /// The visible label.
    pub label: AttrValue,
    /// The field's text: `2027-07-15T14:30`, with an offset when one of two readings was taken.
    pub value: AttrValue,
    /// The error to show, if any.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// The words of the texts.
    pub texts: Texts,
    /// The user's and the centre's clocks.
    pub clock: Rc<CallbackClock>,
    /// The times to offer, when the centre has service hours.
    #[prop_or_default]
    pub slots: Option<Rc<Vec<Slot>>>,
    /// Called with the new text.
    pub on_input: Callback<(Field, String)>,
    /// Called when the user leaves the field.
    pub on_blur: Callback<Field>,
}

/// The preferred-time field of a callback form.
#[component]
pub fn PreferredTimeField(props: &PreferredTimeFieldProps) -> Html {
    let texts = &props.texts;
    let setting_problem = props.clock.setting_error.as_ref().map(|(error, value)| {
        texts.ui(&UiText::CallbackSetting {
            error: *error,
            value: value.clone(),
        })
    });
    use_effect_with(setting_problem.clone(), |problem| {
        if let Some(problem) = problem {
            // Where an integrator looks for a setting the form cannot apply.
            web_sys::console::error_1(&format!("jtel-acd-event-form: {problem}").into());
        }
    });
    if let Some(problem) = setting_problem {
        return html! {
            <div class="jtel-alert" role="alert" part="alert">
                <p>{ texts.ui(&UiText::ConfigurationProblem) }</p>
                <p class="jtel-callback-setting">{ problem }</p>
            </div>
        };
    }

    let field = Field::PreferredTime;
    let ids = FieldIds::new(&props.id_prefix, field);
    let clocks = props.clock.clocks();
    let chosen = clocks.decide(&props.value).ok();
    let mut hint = texts.ui(&UiText::TimeZoneHint {
        zone: clocks.user_zone_at(chosen.map(|chosen| chosen.instant.utc_millis())),
    });
    if let Some((_, Some(centre))) = chosen.map(|chosen| clocks.words(&chosen)) {
        let time = centre.clock();
        hint = format!("{hint} {}", texts.ui(&UiText::CentreTime { time }));
    }
    let described_by = ids.described_by(true, props.error.is_some());
    let invalid = props.error.as_ref().map(|_| "true");
    let on_blur = props.on_blur.reform(move |_: FocusEvent| field);
    let control = match &props.slots {
        Some(slots) => {
            let on_change = props.on_input.reform(move |event: Event| {
                (
                    field,
                    event.target_unchecked_into::<HtmlSelectElement>().value(),
                )
            });
            html! {
                <select id={ids.input.clone()} name={field.json_name()} class="jtel-input" part="input"
                    aria-invalid={invalid} aria-describedby={described_by}
                    onchange={on_change} onblur={on_blur}>
                    <option value="" selected={props.value.is_empty()}>{ texts.ui(&UiText::AsSoonAsPossible) }</option>
                    // A time the list does not offer (a stored draft): shown as it is, so the
                    // list never pretends another choice; its error says why it cannot be sent.
                    if !props.value.is_empty() && !slots.iter().any(|slot| offers(slot, &props.value)) {
                        <option value={props.value.clone()} selected=true>{ props.value.replace('T', " ") }</option>
                    }
                    { for slot_days(slots).into_iter().map(|day| slot_group(&day, &props.value, texts)) }
                </select>
            }
        }
        None => {
            let on_input = props.on_input.reform(move |event: InputEvent| {
                (
                    field,
                    event.target_unchecked_into::<HtmlInputElement>().value(),
                )
            });
            let shown = props.value.get(..16).unwrap_or(&props.value).to_owned();
            html! {
                <input id={ids.input.clone()} name={field.json_name()} class="jtel-input" part="input"
                    type="datetime-local" value={shown}
                    aria-invalid={invalid} aria-describedby={described_by}
                    oninput={on_input} onblur={on_blur} />
            }
        }
    };
    html! {
        <>
            <FieldFrame ids={ids} label={props.label.clone()} hint={AttrValue::from(hint)} error={props.error.clone()}>
                { control }
            </FieldFrame>
            { time_choice(props) }
        </>
    }
}

/// For a time that comes twice, which one was taken and a button for the other; for a time
/// the clocks skip, buttons with the nearest times that exist.
fn time_choice(props: &PreferredTimeFieldProps) -> Html {
    let texts = &props.texts;
    let Some((picked, resolution)) = props.clock.resolution(&props.value) else {
        return Html::default();
    };
    let choose = |text: String, label: String| {
        let on_click = props
            .on_input
            .reform(move |_: MouseEvent| (Field::PreferredTime, text.clone()));
        html! {
            <button type="button" class="jtel-button jtel-time-option" part="button" onclick={on_click}>{ label }</button>
        }
    };
    match resolution {
        Resolution::Unique(_) => Html::default(),
        Resolution::Twice { earlier, later } => {
            let first = picked.offset_minutes != Some(later.offset_minutes);
            let (taken, other): (ZonedMinute, ZonedMinute) = if first {
                (earlier, later)
            } else {
                (later, earlier)
            };
            let note = texts.ui(&UiText::TimeComesTwice {
                time: taken.local.time(),
                first,
                offset: offset_text(taken.offset_minutes),
            });
            let label = texts.ui(&UiText::UseOtherReading {
                time: other.local.time(),
                first: !first,
                offset: offset_text(other.offset_minutes),
            });
            html! {
                <div class="jtel-time-choice" part="time-choice">
                    <p class="jtel-hint jtel-time-twice" role="status">{ note }</p>
                    { choose(other.to_string(), label) }
                </div>
            }
        }
        Resolution::Skipped(gap) => {
            let [before, after] = gap.alternatives(picked.local);
            let label = |minute: LocalMinute| {
                if minute.date() == picked.local.date() {
                    minute.time()
                } else {
                    format!("{} {}", minute.date(), minute.time())
                }
            };
            html! {
                <div class="jtel-time-choice" part="time-choice">
                    <p class="jtel-hint">{ texts.ui(&UiText::NearestTimes) }</p>
                    { choose(before.to_string(), label(before)) }
                    { choose(after.to_string(), label(after)) }
                </div>
            }
        }
    }
}

/// Whether `slot` is the field's text `value` (a time that comes twice only with its offset).
fn offers(slot: &Slot, value: &str) -> bool {
    PickedTime::parse(value).is_some_and(|chosen| {
        chosen.local == slot.user.local
            && chosen
                .offset_minutes
                .is_none_or(|offset| offset == slot.user.offset_minutes)
    })
}

/// The slots grouped by the user's calendar day.
fn slot_days(slots: &[Slot]) -> Vec<Vec<Slot>> {
    let mut days: Vec<Vec<Slot>> = Vec::new();
    for slot in slots {
        match days.last_mut() {
            Some(day) if day[0].user.local.date() == slot.user.local.date() => day.push(*slot),
            _ => days.push(vec![*slot]),
        }
    }
    days
}

/// One day's slots: `<optgroup label="Thu 2027-07-15">` with `14:30 (call centre 08:30)`.
fn slot_group(day: &[Slot], value: &str, texts: &Texts) -> Html {
    let first = day[0].user.local;
    let label = format!(
        "{} {}",
        texts.ui(&UiText::Weekday(first.weekday())),
        first.date()
    );
    html! {
        <optgroup label={label}>
            { for day.iter().map(|slot| {
                let text = slot.user.to_string();
                let selected = offers(slot, value);
                let shown = texts.ui(&UiText::SlotText {
                    time: slot.user.local.time(),
                    centre: slot.centre.local.time(),
                });
                html! { <option value={text} {selected}>{ shown }</option> }
            }) }
        </optgroup>
    }
}
