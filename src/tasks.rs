//! Futures that live no longer than the component that started them: when it unmounts (its
//! widget is destroyed), every future it started is dropped, and with it the request it waits
//! for (aborted, see [`crate::api`]); no answer ever reaches a destroyed widget.

use futures::future::{AbortHandle, Abortable};
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::rc::Rc;
use yew::prelude::*;

/// The futures a component runs; clones share them.
#[derive(Clone, Default)]
pub struct Tasks(Rc<RefCell<Running>>);

#[derive(Default)]
struct Running {
    ended: bool,
    /// Each future's "finished" flag and its abort handle.
    futures: Vec<(Rc<Cell<bool>>, AbortHandle)>,
}

impl Tasks {
    /// Runs `future` until it finishes or the component unmounts, whichever comes first (after
    /// the unmount nothing runs).
    pub fn spawn(&self, future: impl Future<Output = ()> + 'static) {
        let mut running = self.0.borrow_mut();
        if running.ended {
            return;
        }
        running.futures.retain(|(finished, _)| !finished.get());
        let (handle, registration) = AbortHandle::new_pair();
        let finished = Rc::new(Cell::new(false));
        running.futures.push((finished.clone(), handle));
        wasm_bindgen_futures::spawn_local(async move {
            let _ = Abortable::new(future, registration).await;
            finished.set(true);
        });
    }

    fn end(&self) {
        let mut running = self.0.borrow_mut();
        running.ended = true;
        for (_, handle) in running.futures.drain(..) {
            handle.abort();
        }
    }
}

/// The component's [`Tasks`], ended when it unmounts.
#[hook]
pub fn use_tasks() -> Tasks {
    let tasks = use_memo((), |()| Tasks::default());
    {
        let tasks = tasks.clone();
        use_effect_with((), move |()| move || tasks.end());
    }
    (*tasks).clone()
}
