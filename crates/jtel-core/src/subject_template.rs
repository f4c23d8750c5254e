//! Subject templates: the jtel create call has no appointment field, so a preferred callback
//! time travels in `Subject` (and `Body`), composed from a template such as the jtel docs' own
//! `Callback request from {Sender} on {date} at {time}`.
//!
//! Placeholders are `{Name}`; the names are the jtel field names (`{Sender}`, `{UserData}`, …)
//! plus `{date}`, `{time}` and `{zone}` for the preferred time. An unknown placeholder is kept
//! as written, so a typo shows up in the subject instead of vanishing.

/// The template the forms use for callbacks when the host page sets none.
pub const DEFAULT_CALLBACK_TEMPLATE: &str = "Callback request from {Sender} on {date} at {time}";

/// The template for callbacks without a preferred time.
pub const DEFAULT_CALLBACK_TEMPLATE_ASAP: &str = "Callback request from {Sender}";

/// Fills `{Name}` placeholders of `template` with `value(Name)`; names `value` does not know
/// (returns `None` for) stay as written, and `{{` / `}}` stand for literal braces.
pub fn fill_template<'a>(template: &str, value: impl Fn(&str) -> Option<&'a str>) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(start) = rest.find(['{', '}']) {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        if let Some(after) = tail.strip_prefix("{{") {
            out.push('{');
            rest = after;
        } else if let Some(after) = tail.strip_prefix("}}") {
            out.push('}');
            rest = after;
        } else if let Some((name, after)) =
            tail[1..].split_once('}').filter(|_| tail.starts_with('{'))
        {
            match value(name).filter(|_| !name.contains('{')) {
                Some(filled) => out.push_str(filled),
                None => {
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                }
            }
            rest = after;
        } else {
            out.push_str(&tail[..1]);
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn never_panics(template in any::<String>()) {
            let _ = fill_template(&template, values);
        }

        #[test]
        fn text_without_braces_is_unchanged(text in "[^{}]*") {
            prop_assert_eq!(fill_template(&text, values), text);
        }
    }

    fn values(name: &str) -> Option<&'static str> {
        match name {
            "Sender" => Some("49199123456789"),
            "date" => Some("2020.08.09"),
            "time" => Some("09:00"),
            _ => None,
        }
    }

    #[test]
    fn fills_the_documented_example() {
        assert_eq!(
            fill_template(DEFAULT_CALLBACK_TEMPLATE, values),
            "Callback request from 49199123456789 on 2020.08.09 at 09:00"
        );
    }

    #[test]
    fn keeps_unknown_placeholders_and_stray_braces() {
        assert_eq!(
            fill_template("{Sendr} at {time}", values),
            "{Sendr} at 09:00"
        );
        assert_eq!(
            fill_template("{{literal}} {time", values),
            "{literal} {time"
        );
        assert_eq!(fill_template("a } b {", values), "a } b {");
        assert_eq!(fill_template("{{time}}", values), "{time}");
    }
}
