//! The allow-list: the only requests the gateway forwards, read from the raw request target.
//!
//! A path is taken only when it is plain: ASCII letters, digits and `/`, no empty segment, no
//! percent-encoding at all (so no `%2f`, no `%2e%2e`), no `.` segments. Everything else is
//! refused before any other check. Queries are allowed only where a form sends one.

use reqwest::Method;

/// The scopes of a staff token (the `scope` claim).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// `events:create`: create ACD events.
    EventsCreate,
    /// `directory:read`: the pickers' lists (event types, groups, users, service numbers).
    DirectoryRead,
    /// `cockpit:read`: read cockpit variables.
    CockpitRead,
    /// `cockpit:write`: set a cockpit variable's value.
    CockpitWrite,
}

impl Scope {
    /// The name in the `scope` claim.
    pub fn name(self) -> &'static str {
        match self {
            Self::EventsCreate => "events:create",
            Self::DirectoryRead => "directory:read",
            Self::CockpitRead => "cockpit:read",
            Self::CockpitWrite => "cockpit:write",
        }
    }
}

/// A request on the allow-list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// `POST /jtel/public/{form}/acd/events/create`: an anonymous visitor of a public form.
    PublicCreate {
        /// The form's name in the configuration.
        form: String,
    },
    /// `POST /jtel/acd/events/create` with a staff token.
    Create,
    /// `GET /jtel/{list}` of a picker: `acd/events/types`, `acd/groups`, `users`,
    /// `serviceNumbers`.
    Directory(&'static str),
    /// `GET /jtel/cockpitVariables`.
    CockpitVariables,
    /// `GET /jtel/cockpitVariables/cockpitVariable/{id}`.
    CockpitVariable(u32),
    /// `PATCH /jtel/cockpitVariables/cockpitVariable/{id}/setValue?value={v}` or
    /// `…/setValue/{v}`.
    SetValue {
        /// The variable.
        id: u32,
        /// The value asked for.
        value: i64,
        /// Whether the value came as a path segment (forwarded in the same form).
        in_path: bool,
    },
}

/// The picker lists, by their path below `/jtel/`.
const DIRECTORY: [&str; 4] = ["acd/events/types", "acd/groups", "users", "serviceNumbers"];

impl Route {
    /// The route `method target` asks for, if it is on the allow-list. `target` is the raw
    /// request target (`/jtel/users?x=1`), as it arrived.
    pub fn parse(method: &Method, target: &str) -> Option<Self> {
        let (path, query) = match target.split_once('?') {
            Some((path, query)) => (path, Some(query)),
            None => (target, None),
        };
        let rest = path.strip_prefix("/jtel/")?;
        if !rest
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'/' || b == b'-' || b == b'_')
            || rest.split('/').any(str::is_empty)
        {
            return None;
        }
        let segments: Vec<&str> = rest.split('/').collect();
        let route = match (method.as_str(), segments.as_slice(), query) {
            ("POST", ["public", form, "acd", "events", "create"], None) => Self::PublicCreate {
                form: (*form).to_owned(),
            },
            ("POST", ["acd", "events", "create"], None) => Self::Create,
            ("GET", _, None) if DIRECTORY.contains(&rest) => {
                Self::Directory(DIRECTORY.into_iter().find(|list| *list == rest)?)
            }
            ("GET", ["cockpitVariables"], None) => Self::CockpitVariables,
            ("GET", ["cockpitVariables", "cockpitVariable", id], None) => {
                Self::CockpitVariable(number(id)?)
            }
            ("PATCH", ["cockpitVariables", "cockpitVariable", id, "setValue"], Some(query)) => {
                Self::SetValue {
                    id: number(id)?,
                    value: value(query.strip_prefix("value=")?)?,
                    in_path: false,
                }
            }
            ("PATCH", ["cockpitVariables", "cockpitVariable", id, "setValue", given], None) => {
                Self::SetValue {
                    id: number(id)?,
                    value: value(given)?,
                    in_path: true,
                }
            }
            _ => return None,
        };
        Some(route)
    }

    /// The scope a staff token needs for this route (`None` for a public form).
    pub fn scope(&self) -> Option<Scope> {
        match self {
            Self::PublicCreate { .. } => None,
            Self::Create => Some(Scope::EventsCreate),
            Self::Directory(_) => Some(Scope::DirectoryRead),
            Self::CockpitVariables | Self::CockpitVariable(_) => Some(Scope::CockpitRead),
            Self::SetValue { .. } => Some(Scope::CockpitWrite),
        }
    }

    /// The method and the path (with query) below jtel's `{baseURL}` this route goes to.
    pub fn upstream(&self) -> (Method, String) {
        match self {
            Self::PublicCreate { .. } | Self::Create => (Method::POST, "acd/events/create".into()),
            Self::Directory(list) => (Method::GET, (*list).to_owned()),
            Self::CockpitVariables => (Method::GET, "cockpitVariables".into()),
            Self::CockpitVariable(id) => (
                Method::GET,
                format!("cockpitVariables/cockpitVariable/{id}"),
            ),
            Self::SetValue { id, value, in_path } => {
                let base = format!("cockpitVariables/cockpitVariable/{id}/setValue");
                let path = if *in_path {
                    format!("{base}/{value}")
                } else {
                    format!("{base}?value={value}")
                };
                (Method::PATCH, path)
            }
        }
    }
}

/// An id: 1 to 10 digits, no sign, no leading zero.
fn number(text: &str) -> Option<u32> {
    let plain = !text.is_empty() && text.len() <= 10 && text.bytes().all(|b| b.is_ascii_digit());
    (plain && !text.starts_with('0'))
        .then(|| text.parse().ok())
        .flatten()
}

/// A setValue value: an optional `-` and 1 to 10 digits.
fn value(text: &str) -> Option<i64> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let plain =
        !digits.is_empty() && digits.len() <= 10 && digits.bytes().all(|b| b.is_ascii_digit());
    plain.then(|| text.parse().ok()).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(method: Method, target: &str) -> Option<Route> {
        Route::parse(&method, target)
    }

    #[test]
    fn takes_exactly_what_the_forms_send() {
        assert_eq!(
            parse(Method::POST, "/jtel/acd/events/create"),
            Some(Route::Create)
        );
        assert_eq!(
            parse(Method::POST, "/jtel/public/contact/acd/events/create"),
            Some(Route::PublicCreate {
                form: "contact".into()
            })
        );
        assert_eq!(
            parse(Method::GET, "/jtel/users"),
            Some(Route::Directory("users"))
        );
        assert_eq!(
            parse(Method::GET, "/jtel/cockpitVariables/cockpitVariable/192"),
            Some(Route::CockpitVariable(192))
        );
        let query = Route::SetValue {
            id: 192,
            value: -7,
            in_path: false,
        };
        let path = Route::SetValue {
            id: 192,
            value: 77,
            in_path: true,
        };
        assert_eq!(
            parse(
                Method::PATCH,
                "/jtel/cockpitVariables/cockpitVariable/192/setValue?value=-7"
            ),
            Some(query.clone())
        );
        assert_eq!(
            parse(
                Method::PATCH,
                "/jtel/cockpitVariables/cockpitVariable/192/setValue/77"
            ),
            Some(path.clone())
        );
        assert_eq!(
            query.upstream().1,
            "cockpitVariables/cockpitVariable/192/setValue?value=-7"
        );
        assert_eq!(
            path.upstream().1,
            "cockpitVariables/cockpitVariable/192/setValue/77"
        );
    }

    #[test]
    fn refuses_everything_else() {
        for (method, target) in [
            (Method::GET, "/jtel/acd/events"),
            (Method::GET, "/jtel/acd/events/event/1"),
            (Method::GET, "/jtel/users?limitPageSize=-1"),
            (Method::GET, "/jtel/users/"),
            (Method::GET, "/jtel//users"),
            (Method::GET, "/jtel/users/../calls"),
            (Method::GET, "/jtel/users/%2e%2e/calls"),
            (Method::GET, "/jtel/acd%2fgroups"),
            (Method::POST, "/jtel/users"),
            (Method::DELETE, "/jtel/acd/events/create"),
            (Method::GET, "/jtel/acd/events/create"),
            (Method::POST, "/jtel/acd/events/create?x=1"),
            (Method::POST, "/jtel/public/contact/acd/events/create/x"),
            (Method::POST, "/jtel/public/../acd/events/create"),
            (
                Method::PATCH,
                "/jtel/cockpitVariables/cockpitVariable/192/setValue",
            ),
            (
                Method::PATCH,
                "/jtel/cockpitVariables/cockpitVariable/192/setValue?value=1&x=2",
            ),
            (
                Method::PATCH,
                "/jtel/cockpitVariables/cockpitVariable/192/setValue?value=x",
            ),
            (
                Method::PATCH,
                "/jtel/cockpitVariables/cockpitVariable/0192/setValue/1",
            ),
            (
                Method::PATCH,
                "/jtel/cockpitVariables/cockpitVariable/192/setValue/1?value=2",
            ),
            (
                Method::GET,
                "/jtel/cockpitVariables/cockpitVariable/192/setValue?value=1",
            ),
            (Method::GET, "/rest/v1.0/1/users"),
        ] {
            assert_eq!(parse(method.clone(), target), None, "{method} {target}");
        }
    }
}
