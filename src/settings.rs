//! What every widget is configured with, whatever its kind: where the jtel API is, the
//! credentials (the host's staff token or its function; the jtel token in direct mode), how long to wait, the language and the integrator's own texts, and how setValue
//! carries its value. One type for the three widgets' properties
//! and one reader for it (`embed::config`).

use crate::api::{JtelClient, DEFAULT_TIMEOUT_SECONDS};
use crate::credentials::Credentials;
use jtel_core::messages::{TextOverrides, Texts};
use jtel_core::outcome::SetValueForm;
use jtel_core::Language;
use yew::AttrValue;

/// The settings every widget shares.
#[derive(Debug, Clone, PartialEq)]
pub struct WidgetSettings {
    /// Base URL of the jtel API: a same-origin gateway path such as `/jtel` (the default,
    /// safe choice) or, in direct mode, `https://host:port/rest/v1.0/{ClientsID}`.
    pub base_url: AttrValue,
    /// Direct mode only: the jtel token, sent from the browser. Leave unset with a gateway.
    pub token: Option<AttrValue>,
    /// With a gateway: the staff token, or the host's function that gives one (see
    /// [`crate::credentials`]). Used instead of `token` when both are set.
    pub credentials: Option<Credentials>,
    /// How long each request waits for an answer, in seconds.
    pub timeout_seconds: u32,
    /// Language of every text in the widget.
    pub language: Language,
    /// The integrator's replacements for texts, by text key (the `texts` option).
    pub texts: TextOverrides,
    /// The form setValue is sent in first (cockpit widgets; the other form is tried once
    /// when jtel does not know this one).
    pub set_value_form: SetValueForm,
    /// The level of the widget's title (`<h2>` by default), to fit the host page's outline;
    /// headings inside the widget are one level below it.
    pub heading_level: u32,
}

impl Default for WidgetSettings {
    fn default() -> Self {
        Self {
            base_url: AttrValue::Static("/jtel"),
            token: None,
            credentials: None,
            timeout_seconds: DEFAULT_TIMEOUT_SECONDS,
            language: Language::default(),
            texts: TextOverrides::default(),
            set_value_form: SetValueForm::default(),
            heading_level: 2,
        }
    }
}

impl WidgetSettings {
    /// The jtel client these settings describe.
    pub fn client(&self) -> JtelClient {
        let credentials =
            (self.credentials.clone()).or_else(|| self.token.as_deref().map(Credentials::fixed));
        JtelClient::configured(&self.base_url, credentials, self.timeout_seconds)
            .with_set_value_form(self.set_value_form)
    }

    /// The words of every text: the language's, with the integrator's replacements.
    pub fn texts(&self) -> Texts {
        Texts::new(self.language, self.texts.clone())
    }

    /// The tag of the widget's title, `h1` … `h6`.
    pub fn heading_tag(&self) -> &'static str {
        ["h1", "h2", "h3", "h4", "h5", "h6"][self.heading_level.clamp(1, 6) as usize - 1]
    }

    /// The same settings for a widget nested under this one's title (its title one level
    /// down, at most `h6`).
    pub fn nested(&self) -> Self {
        Self {
            heading_level: (self.heading_level + 1).min(6),
            ..self.clone()
        }
    }
}
