//! The setValue rules: which result a new value for a cockpit variable gets.

use jtel_core::messages::{error_message, set_value_message};
use jtel_core::model::CockpitVariable;
use jtel_core::outcome::SetValueResult;
use jtel_core::validation::check_cockpit_value;
use jtel_core::Language;

/// What setValue does with `value` for `variable` (`None`: no variable with that id), and the
/// English reason text for the answer's `error` field (empty when the value is set).
///
/// The checks run in jtel's order of results: missing or invisible (2), read-only (1), outside
/// min/max (4), unchanged (3), set (0).
pub fn judge(variable: Option<&CockpitVariable>, value: i64) -> (SetValueResult, String) {
    let reason = |result| set_value_message(result, Language::English);
    let Some(variable) = variable.filter(|variable| variable.visible_in_cockpit != Some(false))
    else {
        return (
            SetValueResult::NotFoundOrNotVisible,
            reason(SetValueResult::NotFoundOrNotVisible),
        );
    };
    if variable.writable == Some(false) {
        return (
            SetValueResult::NotWritable,
            reason(SetValueResult::NotWritable),
        );
    }
    if let Err(code) = check_cockpit_value(variable, value) {
        let text = format!(
            "{} {}",
            reason(SetValueResult::OutOfRange),
            error_message(code, Language::English)
        );
        return (SetValueResult::OutOfRange, text);
    }
    if variable.value == Some(value) {
        return (SetValueResult::Unchanged, reason(SetValueResult::Unchanged));
    }
    (SetValueResult::Set, String::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn variable(value: i64, writable: Option<bool>, visible: Option<bool>) -> CockpitVariable {
        CockpitVariable {
            id: Some(1),
            value: Some(value),
            min_value: Some(0),
            max_value: Some(10),
            cockpit_variable_types_id: Some(2),
            writable,
            visible_in_cockpit: visible,
            ..CockpitVariable::default()
        }
    }

    #[test]
    fn results_follow_jtel_order() {
        let open = variable(5, Some(true), Some(true));
        let cases = [
            (None, 6, SetValueResult::NotFoundOrNotVisible),
            (
                Some(variable(5, Some(false), Some(false))),
                99,
                SetValueResult::NotFoundOrNotVisible,
            ),
            (
                Some(variable(5, Some(false), Some(true))),
                99,
                SetValueResult::NotWritable,
            ),
            (Some(open.clone()), 11, SetValueResult::OutOfRange),
            (Some(open.clone()), -1, SetValueResult::OutOfRange),
            (Some(open.clone()), 5, SetValueResult::Unchanged),
            (Some(open.clone()), 6, SetValueResult::Set),
            (Some(variable(5, None, None)), 0, SetValueResult::Set),
        ];
        for (variable, value, expected) in cases {
            let (result, reason) = judge(variable.as_ref(), value);
            assert_eq!(result, expected, "{variable:?} {value}");
            assert_eq!(
                reason.is_empty(),
                expected == SetValueResult::Set,
                "{reason}"
            );
        }
    }

    #[test]
    fn out_of_range_names_the_range() {
        let (_, reason) = judge(Some(&variable(5, Some(true), Some(true))), 11);
        assert!(reason.ends_with("Enter a value from 0 to 10."), "{reason}");
    }
}
