//! What a link to the iframe page (`frame.html?…`) may set.
//!
//! Whoever deploys the page writes its *deployment*: a JSON object in the page's
//! `<script type="application/json" id="jtel-deployment">` element (data, never executed, so a
//! strict Content-Security-Policy allows it). The deployment gives the widget settings —
//! `base-url` and credentials only from here — and `link-may-set`, the settings a link's query
//! may choose. Everything else in a link is ignored and reported; the link's routing and page
//! texts, where the deployment lets a link set them, are shown to the user as set by the link.
//!
//! The deployment's `parent-origins` and the link's `parent-origin` belong to the page's
//! messages to the page that frames it, which `static/jtel-frame.js` reads (docs/frame.md):
//! the deployment leaves the first out, and [`super::frame`] does not hand the link's on.
//!
//! Pure: [`super::frame`] reads the page, applies the decision and says what was ignored.

use jtel_core::json::{self, Json, JsonError};
use jtel_core::messages::{Texts, UiText};
use std::fmt;

/// What a link may set when the deployment lists nothing: how the page looks, never where it
/// sends data, whom it routes to or what it says.
pub const DISPLAY_KEYS: [&str; 4] = ["widget", "lang", "heading-level", "region"];

/// Settings only the deployment gives: where the page sends data, and with which credentials.
/// A deployment's `link-may-set` cannot open them either. (`credentials` is a property only:
/// the widget refuses it even from the deployment, which can only write attributes.)
pub const DEPLOYMENT_ONLY_KEYS: [&str; 3] = ["base-url", "token", "credentials"];

/// Settings that decide where what the user sends goes (routing) or are texts the page shows
/// as its own. A link sets them only when the deployment lists them, and the page then shows
/// the user that the link set them.
pub const MARKED_KEYS: [&str; 9] = [
    "event-type",
    "group",
    "agent",
    "receiver",
    "variable",
    "subject-template",
    "subject-template-asap",
    "subject",
    "body",
];

/// The deployment's key for the allow-list.
const LINK_MAY_SET: &str = "link-may-set";

/// The deployment's key for the widget shown when the link chooses none.
pub const WIDGET: &str = "widget";

/// The link's key for the origin that receives the page's messages (`static/jtel-frame.js`);
/// the deployment lists the allowed ones under `parent-origins`.
pub const PARENT_ORIGIN: &str = "parent-origin";

/// The iframe page's configuration as its deployer wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deployment {
    /// Widget settings (`base-url`, `event-type`, …) in the order written.
    settings: Vec<(String, String)>,
    /// The settings a link may choose.
    link_may_set: Vec<String>,
}

impl Default for Deployment {
    /// No deployment written: the gateway path `/jtel`, and a link may set display settings.
    fn default() -> Self {
        Self {
            settings: Vec::new(),
            link_may_set: DISPLAY_KEYS.map(String::from).to_vec(),
        }
    }
}

/// Something in a deployment's text that the page could not use, for the integrator's console.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeploymentProblem {
    /// The text is not JSON; nothing of it is used.
    NotJson(JsonError),
    /// The text is JSON but not an object; nothing of it is used.
    NotAnObject,
    /// A setting's value is neither a string nor a number; the setting is skipped.
    NotText(String),
    /// `link-may-set` is not a list of strings; links may set display settings only.
    NotAList,
    /// `link-may-set` names a setting only the deployment may give; it stays closed to links.
    NeverFromLink(String),
}

impl fmt::Display for DeploymentProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotJson(error) => write!(
                f,
                "the #jtel-deployment element is not JSON ({error}); using base-url /jtel and \
                 letting links set only {}",
                DISPLAY_KEYS.join(", ")
            ),
            Self::NotAnObject => write!(
                f,
                "the #jtel-deployment element is not a JSON object; using base-url /jtel and \
                 letting links set only {}",
                DISPLAY_KEYS.join(", ")
            ),
            Self::NotText(key) => write!(
                f,
                "the deployment's \"{key}\" is neither a string nor a number; it is not applied"
            ),
            Self::NotAList => write!(
                f,
                "the deployment's link-may-set is not a list of setting names; links may set \
                 only {}",
                DISPLAY_KEYS.join(", ")
            ),
            Self::NeverFromLink(key) => write!(
                f,
                "the deployment's link-may-set names \"{key}\", which only the deployment can \
                 give; links still cannot set it"
            ),
        }
    }
}

/// A setting of the link that the page did not apply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ignored {
    /// The setting's name as the link wrote it (decoded).
    pub key: String,
    /// Why it was not applied.
    pub reason: IgnoredBecause,
}

/// Why a link's setting was not applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IgnoredBecause {
    /// Only the deployment decides it (`base-url`, `token`).
    DeploymentOnly,
    /// The widget shown has no setting of that name.
    NoSuchSetting,
    /// The deployment's `link-may-set` does not list it.
    NotAllowed,
    /// The link gives it more than once.
    Repeated,
    /// `widget` names no widget this page holds.
    NoSuchWidget,
}

impl fmt::Display for Ignored {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let why = match self.reason {
            IgnoredBecause::DeploymentOnly => {
                "where the page sends data, and with which credentials, is decided only by its \
                 deployment (the #jtel-deployment element in frame.html)"
            }
            IgnoredBecause::NoSuchSetting => "the widget has no setting of that name",
            IgnoredBecause::NotAllowed => {
                "the deployment's link-may-set (in the #jtel-deployment element) does not list it"
            }
            IgnoredBecause::Repeated => "the link gives it more than once",
            IgnoredBecause::NoSuchWidget => "it names no widget this page holds",
        };
        write!(f, "frame.html ignored the link's \"{}\": {why}", self.key)
    }
}

/// What the page does with a link: the settings it applies and what it tells the user.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LinkDecision {
    /// The settings to apply, the deployment's first and then the link's (a later one wins).
    pub settings: Vec<(String, String)>,
    /// Routing and page texts the link set (the deployment allowed it): shown to the user.
    pub marked: Vec<(String, String)>,
    /// The link's settings that were not applied, each once.
    pub ignored: Vec<Ignored>,
}

impl Deployment {
    /// Reads a deployment's JSON text. What cannot be used is returned as problems; the
    /// deployment then holds the rest (or the defaults when the text is unusable as a whole).
    pub fn read(text: &str) -> (Self, Vec<DeploymentProblem>) {
        let members = match json::parse(text) {
            Ok(Json::Object(members)) => members,
            Ok(_) => return (Self::default(), vec![DeploymentProblem::NotAnObject]),
            Err(error) => return (Self::default(), vec![DeploymentProblem::NotJson(error)]),
        };
        let mut deployment = Self::default();
        let mut problems = Vec::new();
        for (key, value) in members {
            if key == "parent-origins" {
                continue;
            }
            if key == LINK_MAY_SET {
                match allow_list(&value) {
                    Some(names) => {
                        let (closed, open): (Vec<_>, Vec<_>) = names
                            .into_iter()
                            .partition(|name| DEPLOYMENT_ONLY_KEYS.contains(&name.as_str()));
                        problems.extend(closed.into_iter().map(DeploymentProblem::NeverFromLink));
                        deployment.link_may_set = open;
                    }
                    None => problems.push(DeploymentProblem::NotAList),
                }
                continue;
            }
            match value {
                Json::String(text) | Json::Number(text) => deployment.settings.push((key, text)),
                _ => problems.push(DeploymentProblem::NotText(key)),
            }
        }
        (deployment, problems)
    }

    /// The names of the deployment's settings, in the order written.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.settings.iter().map(|(key, _)| key.as_str())
    }

    /// The deployment's own value of `key`.
    pub fn value(&self, key: &str) -> Option<&str> {
        self.settings
            .iter()
            .rev()
            .find(|(name, _)| name == key)
            .map(|(_, value)| value.as_str())
    }

    /// Whether a link may set `key` under this deployment.
    fn allows(&self, key: &str) -> bool {
        !DEPLOYMENT_ONLY_KEYS.contains(&key) && self.link_may_set.iter().any(|name| name == key)
    }

    /// The link's value of `key` when the link may set it: allowed, given exactly once, not
    /// empty.
    pub fn link_value<'a>(&self, link: &'a [(String, String)], key: &str) -> Option<&'a str> {
        let mut given = link.iter().filter(|(name, _)| name == key);
        let (_, value) = given.next()?;
        let single = given.next().is_none();
        (single && self.allows(key) && !value.trim().is_empty()).then_some(value.as_str())
    }

    /// Decides what a link sets on a widget that reads `keys` (`widget` is read by the page):
    /// the deployment's settings for those keys, then each link setting the deployment allows;
    /// every other link setting is ignored, once per name.
    pub fn decide(&self, link: &[(String, String)], keys: &[&str]) -> LinkDecision {
        let mut decision = LinkDecision {
            settings: self
                .settings
                .iter()
                .filter(|(key, _)| keys.contains(&key.as_str()))
                .cloned()
                .collect(),
            ..LinkDecision::default()
        };
        for (index, (key, value)) in link.iter().enumerate() {
            if link[..index].iter().any(|(earlier, _)| earlier == key) {
                continue;
            }
            let repeated = link[index + 1..].iter().any(|(later, _)| later == key);
            let reason = if DEPLOYMENT_ONLY_KEYS.contains(&key.as_str()) {
                Some(IgnoredBecause::DeploymentOnly)
            } else if key != WIDGET && !keys.contains(&key.as_str()) {
                Some(IgnoredBecause::NoSuchSetting)
            } else if !self.allows(key) {
                Some(IgnoredBecause::NotAllowed)
            } else if repeated {
                Some(IgnoredBecause::Repeated)
            } else {
                None
            };
            match reason {
                Some(reason) => decision.ignored.push(Ignored {
                    key: key.clone(),
                    reason,
                }),
                None if key == WIDGET || value.trim().is_empty() => {}
                None => {
                    if MARKED_KEYS.contains(&key.as_str()) {
                        decision.marked.push((key.clone(), value.clone()));
                    }
                    decision.settings.push((key.clone(), value.clone()));
                }
            }
        }
        decision
    }
}

/// `link-may-set` as a list of names, if it is one.
fn allow_list(value: &Json) -> Option<Vec<String>> {
    let Json::Array(items) = value else {
        return None;
    };
    items
        .iter()
        .map(|item| match item {
            Json::String(name) => Some(name.clone()),
            _ => None,
        })
        .collect()
}

impl LinkDecision {
    /// The sentence that tells the user which of the link's settings the page ignored, or none.
    /// Settings of this page are named (`keys`, the widget's); other names in the link are
    /// only counted, so no text of the link's author appears as the page's own.
    pub fn ignored_notice(&self, keys: &[&'static str], texts: &Texts) -> Option<String> {
        if self.ignored.is_empty() {
            return None;
        }
        let known = |key: &str| {
            keys.iter()
                .chain(&DEPLOYMENT_ONLY_KEYS)
                .chain(&DISPLAY_KEYS)
                .chain(&MARKED_KEYS)
                .find(|name| **name == key)
                .copied()
        };
        let named: Vec<&str> = self
            .ignored
            .iter()
            .filter_map(|ignored| known(&ignored.key))
            .collect();
        Some(texts.ui(&UiText::LinkSettingsIgnored {
            named: named.join(", "),
            unknown: self.ignored.len() - named.len(),
        }))
    }

    /// The sentence that tells the user which routing and page texts the link set, or none.
    pub fn marked_notice(&self, texts: &Texts) -> Option<String> {
        if self.marked.is_empty() {
            return None;
        }
        let list: Vec<String> = self
            .marked
            .iter()
            .map(|(key, value)| format!("{key} “{value}”"))
            .collect();
        Some(texts.ui(&UiText::LinkSettingsMarked {
            list: list.join(", "),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jtel_core::Language;

    const FORM_KEYS: &[&str] = &[
        "base-url",
        "token",
        "event-type",
        "group",
        "lang",
        "heading-level",
        "sender",
        "subject",
    ];

    fn link(query: &[(&str, &str)]) -> Vec<(String, String)> {
        query
            .iter()
            .map(|(key, value)| ((*key).to_owned(), (*value).to_owned()))
            .collect()
    }

    fn reasons(decision: &LinkDecision) -> Vec<(&str, IgnoredBecause)> {
        decision
            .ignored
            .iter()
            .map(|ignored| (ignored.key.as_str(), ignored.reason))
            .collect()
    }

    fn deployment(text: &str) -> Deployment {
        let (deployment, problems) = Deployment::read(text);
        assert_eq!(problems, Vec::new(), "{text}");
        deployment
    }

    #[test]
    fn the_crafted_link_keeps_only_display_settings_by_default() {
        let deployment = deployment(r#"{"base-url": "/jtel", "event-type": "sms", "group": 236}"#);
        let decision = deployment.decide(
            &link(&[
                ("widget", "acd-event-form"),
                ("event-type", "callback"),
                ("group", "235"),
                ("base-url", "http://127.0.0.1:18091/collect"),
                ("subject", "Your account is locked"),
                ("lang", "de"),
            ]),
            FORM_KEYS,
        );
        assert_eq!(
            decision.settings,
            link(&[
                ("base-url", "/jtel"),
                ("event-type", "sms"),
                ("group", "236"),
                ("lang", "de"),
            ])
        );
        assert_eq!(
            reasons(&decision),
            vec![
                ("event-type", IgnoredBecause::NotAllowed),
                ("group", IgnoredBecause::NotAllowed),
                ("base-url", IgnoredBecause::DeploymentOnly),
                ("subject", IgnoredBecause::NotAllowed),
            ]
        );
        assert_eq!(decision.marked, Vec::new());
    }

    #[test]
    fn where_data_goes_never_comes_from_a_link() {
        // Even a deployment that lists them cannot open base-url and token to links.
        let (deployment, problems) =
            Deployment::read(r#"{"link-may-set": ["base-url", "token", "lang"]}"#);
        assert_eq!(
            problems,
            vec![
                DeploymentProblem::NeverFromLink("base-url".into()),
                DeploymentProblem::NeverFromLink("token".into()),
            ]
        );
        for value in [
            "/jtel",
            "//evil.example/x",
            "javascript:alert(1)",
            "data:,x",
            "",
        ] {
            let decision = deployment.decide(
                &link(&[("base-url", value), ("token", "t"), ("lang", "de")]),
                FORM_KEYS,
            );
            assert_eq!(decision.settings, link(&[("lang", "de")]), "{value}");
            assert_eq!(
                reasons(&decision),
                vec![
                    ("base-url", IgnoredBecause::DeploymentOnly),
                    ("token", IgnoredBecause::DeploymentOnly),
                ]
            );
        }
    }

    #[test]
    fn unknown_and_repeated_settings_are_ignored_once_each() {
        let deployment = Deployment::default();
        let decision = deployment.decide(
            &link(&[
                ("baseUrl", "http://evil.example"),
                ("lang", "en"),
                ("lang", "de"),
                ("BASE-URL", "x"),
                ("baseUrl", "y"),
                ("heading-level", "3"),
            ]),
            FORM_KEYS,
        );
        assert_eq!(decision.settings, link(&[("heading-level", "3")]));
        assert_eq!(
            reasons(&decision),
            vec![
                ("baseUrl", IgnoredBecause::NoSuchSetting),
                ("lang", IgnoredBecause::Repeated),
                ("BASE-URL", IgnoredBecause::NoSuchSetting),
            ]
        );
        assert_eq!(
            deployment.link_value(&link(&[("lang", "en"), ("lang", "de")]), "lang"),
            None
        );
    }

    #[test]
    fn allowed_routing_and_texts_are_applied_and_marked() {
        let deployment = deployment(
            r#"{"base-url": "/jtel", "group": "236",
                "link-may-set": ["widget", "lang", "group", "subject", "sender"]}"#,
        );
        let decision = deployment.decide(
            &link(&[
                ("group", "235"),
                ("subject", "Hello"),
                ("sender", "0199 123"),
                ("lang", "de"),
            ]),
            FORM_KEYS,
        );
        assert_eq!(
            decision.settings,
            link(&[
                ("base-url", "/jtel"),
                ("group", "236"),
                ("group", "235"),
                ("subject", "Hello"),
                ("sender", "0199 123"),
                ("lang", "de"),
            ])
        );
        assert_eq!(
            decision.marked,
            link(&[("group", "235"), ("subject", "Hello")])
        );
        assert_eq!(
            decision
                .marked_notice(&Texts::from(Language::English))
                .as_deref(),
            Some(
                "Set by the link you followed, not by this website: group “235”, subject “Hello”."
            )
        );
        assert_eq!(decision.ignored, Vec::new());
        assert_eq!(
            decision.ignored_notice(FORM_KEYS, &Texts::from(Language::English)),
            None
        );
    }

    #[test]
    fn the_notice_names_known_settings_and_only_counts_the_rest() {
        let decision = Deployment::default().decide(
            &link(&[
                ("base-url", "x"),
                ("Call 0900 123 now", "1"),
                ("subject", "x"),
                ("<img src=x>", "1"),
            ]),
            FORM_KEYS,
        );
        assert_eq!(
            decision
                .ignored_notice(FORM_KEYS, &Texts::from(Language::English))
                .as_deref(),
            Some(
                "This page ignored settings in the link you followed: base-url, subject and 2 \
                 unknown ones."
            )
        );
        assert_eq!(
            decision
                .ignored_notice(FORM_KEYS, &Texts::from(Language::German))
                .as_deref(),
            Some(
                "Diese Seite hat Einstellungen aus dem aufgerufenen Link ignoriert: base-url, \
                 subject und 2 unbekannte."
            )
        );
    }

    #[test]
    fn the_deployment_leaves_parent_origins_to_the_messages_script() {
        let (deployment, problems) =
            Deployment::read(r#"{"parent-origins": ["https://crm.example.com"], "lang": "de"}"#);
        assert_eq!(problems, Vec::new());
        assert_eq!(deployment.keys().collect::<Vec<_>>(), ["lang"]);
    }

    #[test]
    fn an_unusable_deployment_falls_back_to_the_safe_defaults_and_says_why() {
        for text in ["", "{", "[1]", "\"x\""] {
            let (deployment, problems) = Deployment::read(text);
            assert_eq!(deployment, Deployment::default(), "{text}");
            assert_eq!(problems.len(), 1, "{text}");
        }
        let (deployment, problems) =
            Deployment::read(r#"{"group": true, "link-may-set": "lang", "lang": "de"}"#);
        assert_eq!(
            problems,
            vec![
                DeploymentProblem::NotText("group".into()),
                DeploymentProblem::NotAList
            ]
        );
        assert_eq!(deployment.value("lang"), Some("de"));
        assert!(deployment.allows("heading-level"));
        assert!(!deployment.allows("group"));
    }
}
