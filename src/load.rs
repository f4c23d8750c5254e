//! Loading data from the jtel API for display: the lifecycle as a pure reducer, and the
//! [`use_load`] hook that runs a plain `async fn` and can run it again (retry, refresh).

use crate::tasks::use_tasks;
use jtel_core::outcome::ApiError;
use std::future::Future;
use std::rc::Rc;
use yew::prelude::*;

/// Where a load stands.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadState<T> {
    /// The first answer has not arrived yet (or a retry after a failure is on its way).
    Loading,
    /// The data to show.
    Loaded(T),
    /// The first load (or a retry) failed.
    Failed(ApiError),
}

/// What can happen to a load.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadAction<T> {
    /// A request was sent.
    Started,
    /// Its answer arrived.
    Finished(Result<T, ApiError>),
    /// Loaded data changed as another widget learnt from jtel (see [`crate::page_news`]).
    Amend(Amendment<T>),
}

/// A change to loaded data, made without asking jtel again.
#[derive(Clone)]
pub struct Amendment<T>(pub Rc<dyn Fn(&mut T)>);

impl<T> std::fmt::Debug for Amendment<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Amendment")
    }
}

impl<T> PartialEq for Amendment<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T: Clone + 'static> Reducible for LoadState<T> {
    type Action = LoadAction<T>;

    /// Once loaded, the data stays on screen while it is reloaded, and a failed reload keeps
    /// it (the next reload tries again): a refresh never hides what the user is working on.
    fn reduce(self: Rc<Self>, action: LoadAction<T>) -> Rc<Self> {
        match (action, &*self) {
            (LoadAction::Started, LoadState::Loaded(_)) => self,
            (LoadAction::Started, _) => Rc::new(LoadState::Loading),
            (LoadAction::Finished(Ok(data)), _) => Rc::new(LoadState::Loaded(data)),
            (LoadAction::Finished(Err(_)), LoadState::Loaded(_)) => self,
            (LoadAction::Finished(Err(error)), _) => Rc::new(LoadState::Failed(error)),
            (LoadAction::Amend(change), LoadState::Loaded(data)) => {
                let mut data = data.clone();
                (change.0)(&mut data);
                Rc::new(LoadState::Loaded(data))
            }
            // Nothing loaded yet: the load's answer will tell.
            (LoadAction::Amend(_), _) => self,
        }
    }
}

/// The state of a load and the way to run it again.
#[derive(Clone)]
pub struct LoadHandle<T: Clone + 'static> {
    /// Where the load stands.
    pub state: UseReducerHandle<LoadState<T>>,
    /// Sends the request again (retry button, periodic refresh, after a change).
    pub reload: Callback<()>,
}

impl<T: Clone + 'static> LoadHandle<T> {
    /// Changes the loaded data with `change` (nothing when nothing is loaded yet).
    pub fn amend(&self, change: impl Fn(&mut T) + 'static) {
        self.state
            .dispatch(LoadAction::Amend(Amendment(Rc::new(change))));
    }
}

/// Loads with `fetch(key)` when the component mounts and whenever `key` changes.
///
/// `fetch` is a plain async function of the key that knows nothing of Yew.
#[hook]
pub fn use_load<K, T, F, Fut>(key: K, fetch: F) -> LoadHandle<T>
where
    K: PartialEq + Clone + 'static,
    T: Clone + 'static,
    F: Fn(K) -> Fut + 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    let state = use_reducer(|| LoadState::Loading);
    let tasks = use_tasks();
    let reload = {
        let dispatcher = state.dispatcher();
        let key = key.clone();
        Callback::from(move |()| {
            dispatcher.dispatch(LoadAction::Started);
            let (dispatcher, answer) = (dispatcher.clone(), fetch(key.clone()));
            tasks.spawn(async move {
                dispatcher.dispatch(LoadAction::Finished(answer.await));
            });
        })
    };
    use_effect_with(key, {
        let reload = reload.clone();
        move |_| reload.emit(())
    });
    LoadHandle { state, reload }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn after(state: LoadState<i32>, actions: Vec<LoadAction<i32>>) -> LoadState<i32> {
        let mut state = Rc::new(state);
        for action in actions {
            state = state.reduce(action);
        }
        (*state).clone()
    }

    #[test]
    fn a_reload_keeps_the_data_on_screen_and_a_retry_shows_loading() {
        let failure = ApiError::Network {
            detail: "offline".into(),
        };
        let cases = [
            (
                LoadState::Loading,
                vec![LoadAction::Finished(Ok(1))],
                LoadState::Loaded(1),
            ),
            (
                LoadState::Loading,
                vec![LoadAction::Finished(Err(failure.clone()))],
                LoadState::Failed(failure.clone()),
            ),
            (
                LoadState::Failed(failure.clone()),
                vec![LoadAction::Started],
                LoadState::Loading,
            ),
            (
                LoadState::Loaded(1),
                vec![LoadAction::Started],
                LoadState::Loaded(1),
            ),
            (
                LoadState::Loaded(1),
                vec![LoadAction::Started, LoadAction::Finished(Ok(2))],
                LoadState::Loaded(2),
            ),
            (
                LoadState::Loaded(1),
                vec![LoadAction::Started, LoadAction::Finished(Err(failure))],
                LoadState::Loaded(1),
            ),
        ];
        for (start, actions, expected) in cases {
            assert_eq!(
                after(start.clone(), actions.clone()),
                expected,
                "{start:?} {actions:?}"
            );
        }
    }
}
