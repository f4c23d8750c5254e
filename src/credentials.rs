//! The credentials a widget sends to the gateway as `Authorization: Bearer …`: the host page's
//! `credentials` property or `mount()` option — a string, or a function that returns a string
//! or a promise of one (the short-lived staff token the CRM's backend signs, see
//! `docs/gateway.md`) — or, in direct mode, the `token` option.
//!
//! A function is asked when the first request needs a token, and asked again exactly once when
//! the gateway refuses that token (401, typically because it expired); the refused request is
//! then sent once more with the new token ([`crate::api::JtelClient`]). Requests waiting at the
//! same time share one call, and every widget given the same function shares its answer. The
//! token lives only in this memory: never in the draft, in storage or in an attribute, and it is
//! never read from a link or an attribute.

use js_sys::{Function, Object, Promise};
use jtel_core::outcome::ApiError;
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Where the token of a widget's requests comes from.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials(Source);

#[derive(Clone)]
enum Source {
    /// A token given as text (a `credentials` string, or `token` in direct mode).
    Fixed(Rc<str>),
    /// A host function, asked for a token when one is needed.
    Provider(Rc<Provider>),
}

impl PartialEq for Source {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Self::Fixed(one), Self::Fixed(other)) => one == other,
            (Self::Provider(one), Self::Provider(other)) => Rc::ptr_eq(one, other),
            _ => false,
        }
    }
}

impl Eq for Source {}

/// A host's function and its latest answer.
struct Provider {
    function: Function,
    /// The promise of the token in use: the function's latest answer, until it is refused.
    current: RefCell<Option<Promise>>,
}

thread_local! {
    /// Every provider a widget still uses, so that widgets given the same function share it.
    static PROVIDERS: RefCell<Vec<Weak<Provider>>> = const { RefCell::new(Vec::new()) };
}

/// Never shows the token.
impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self.0 {
            Source::Fixed(_) => "Credentials(a token)",
            Source::Provider(_) => "Credentials(a function)",
        })
    }
}

/// A token to send, and which answer of the provider it came from: a refusal replaces that
/// answer only, so several requests refused together ask the function once.
pub struct Token {
    /// The token itself.
    pub text: String,
    asked: Option<Promise>,
}

impl Credentials {
    /// A token given as text.
    pub fn fixed(token: &str) -> Self {
        Self(Source::Fixed(token.into()))
    }

    /// The credentials a host page gave: a non-blank string or a function; otherwise the
    /// JavaScript type of what it gave (for its configuration error, never the value).
    pub fn from_js(value: &JsValue) -> Result<Self, String> {
        if let Some(text) = value.as_string().filter(|text| !text.trim().is_empty()) {
            return Ok(Self::fixed(text.trim()));
        }
        let Some(function) = value.dyn_ref::<Function>() else {
            return Err(value.js_typeof().as_string().unwrap_or_default());
        };
        Ok(Self(Source::Provider(shared_provider(function))))
    }

    /// Whether a refused token can be replaced by asking the host again.
    pub fn refreshes(&self) -> bool {
        matches!(self.0, Source::Provider(_))
    }

    /// The token to send now: the fixed one, or the function's answer (asking it when there is
    /// none yet). A function that throws, rejects or answers anything but a non-blank string
    /// gives [`ApiError::Unauthorized`] (and the reason on the console).
    pub async fn token(&self) -> Result<Token, ApiError> {
        match &self.0 {
            Source::Fixed(text) => Ok(Token {
                text: text.to_string(),
                asked: None,
            }),
            Source::Provider(provider) => provider.answer(None).await,
        }
    }

    /// A token to send instead of `refused`: the function is asked again unless another request
    /// already did since `refused` was given. Fixed credentials have no other token.
    pub async fn instead_of(&self, refused: &Token) -> Result<Token, ApiError> {
        match &self.0 {
            Source::Fixed(_) => Err(ApiError::Unauthorized),
            Source::Provider(provider) => provider.answer(refused.asked.as_ref()).await,
        }
    }
}

/// The provider of `function`: the one a widget already uses, else a new one.
fn shared_provider(function: &Function) -> Rc<Provider> {
    PROVIDERS.with_borrow_mut(|providers| {
        providers.retain(|provider| provider.strong_count() > 0);
        if let Some(known) = providers
            .iter()
            .filter_map(Weak::upgrade)
            .find(|provider| Object::is(&provider.function, function))
        {
            return known;
        }
        let provider = Rc::new(Provider {
            function: function.clone(),
            current: RefCell::new(None),
        });
        providers.push(Rc::downgrade(&provider));
        provider
    })
}

impl Provider {
    /// The current answer's token, asking the function first when there is no answer yet or
    /// the current one is `refused`.
    async fn answer(&self, refused: Option<&Promise>) -> Result<Token, ApiError> {
        let promise = {
            let mut current = self.current.borrow_mut();
            match &*current {
                Some(promise) if refused.is_none_or(|refused| !Object::is(promise, refused)) => {
                    promise.clone()
                }
                _ => {
                    let promise = match self.function.call0(&JsValue::UNDEFINED) {
                        Ok(answer) => Promise::resolve(&answer),
                        Err(thrown) => Promise::reject(&thrown),
                    };
                    *current = Some(promise.clone());
                    promise
                }
            }
        };
        let answer = JsFuture::from(promise.clone()).await;
        let text = (answer.as_ref().ok())
            .and_then(JsValue::as_string)
            .map(|text| text.trim().to_owned())
            .filter(|text| !text.is_empty());
        if let Some(text) = text {
            return Ok(Token {
                text,
                asked: Some(promise),
            });
        }
        // Ask again at the next request rather than keep a failure.
        let mut current = self.current.borrow_mut();
        if current.as_ref().is_some_and(|c| Object::is(c, &promise)) {
            *current = None;
        }
        // What it threw, or the type of what it gave (never the value: it may hold a token).
        let given = answer.map_or_else(|thrown| thrown, |value| value.js_typeof());
        web_sys::console::error_2(
            &JsValue::from_str("jtel-widgets: the credentials function gave no token:"),
            &given,
        );
        Err(ApiError::Unauthorized)
    }
}
