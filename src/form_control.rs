//! The host page's handle on a mounted ACD event form: wait until it accepts input, reset it,
//! set values, submit it and learn the outcome. The embedding layer turns these into the
//! element's and the `mount()` handle's `ready`, `reset()`, `setValues()` and `submit()`.
//!
//! Commands sent before the form has rendered wait for it; each command is carried out by the
//! form with its state and settings of that moment.

use jtel_core::model::AcdEvent;
use jtel_core::outcome::ApiError;
use jtel_core::{Field, FieldError};
use std::cell::RefCell;
use std::rc::Rc;
use yew::Callback;

/// How a submit ended.
#[derive(Debug, Clone, PartialEq)]
pub enum SubmitOutcome {
    /// jtel created this event.
    Created(Box<AcdEvent>),
    /// The form refused to send: these fields are not valid.
    Invalid(Vec<FieldError>),
    /// The request failed (the input is kept).
    Failed(ApiError),
    /// A request is on its way already; this submit did nothing.
    Busy,
}

/// What the host page asks a form to do.
#[derive(Debug, Clone, PartialEq)]
pub enum FormCommand {
    /// Start over: what the user typed is dropped, the host page's prefill shows.
    Reset,
    /// Set fields as if the user had typed these texts.
    SetValues(Vec<(Field, String)>),
    /// Submit as the submit button does, and tell how it ended.
    Submit(Callback<SubmitOutcome>),
}

#[derive(Default)]
struct Port {
    /// The mounted form's handler, once it has rendered.
    handler: Option<Callback<FormCommand>>,
    /// Commands sent before that.
    waiting: Vec<FormCommand>,
    /// Called once the form accepts input.
    on_ready: Vec<Box<dyn FnOnce()>>,
}

/// A shared handle between the host page's side and one mounted form. Clones are the same
/// handle; two handles are equal when they are the same handle.
#[derive(Clone, Default)]
pub struct FormControl(Rc<RefCell<Port>>);

impl PartialEq for FormControl {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl FormControl {
    /// Sends `command` to the form (kept until the form has rendered).
    pub fn send(&self, command: FormCommand) {
        let handler = self.0.borrow().handler.clone();
        match handler {
            Some(handler) => handler.emit(command),
            None => self.0.borrow_mut().waiting.push(command),
        }
    }

    /// Runs `ready` once the form accepts input (at once if it does already).
    pub fn when_ready(&self, ready: impl FnOnce() + 'static) {
        if self.0.borrow().handler.is_some() {
            ready();
        } else {
            self.0.borrow_mut().on_ready.push(Box::new(ready));
        }
    }

    /// For the form, after each render: `handler` carries out commands from now on; the
    /// first call announces that the form is ready and hands it the waiting commands.
    pub fn attach(&self, handler: Callback<FormCommand>) {
        let (waiting, on_ready) = {
            let mut port = self.0.borrow_mut();
            port.handler = Some(handler.clone());
            (
                std::mem::take(&mut port.waiting),
                std::mem::take(&mut port.on_ready),
            )
        };
        for ready in on_ready {
            ready();
        }
        for command in waiting {
            handler.emit(command);
        }
    }

    /// For the form, when it goes away: commands wait again for the next form.
    pub fn detach(&self) {
        self.0.borrow_mut().handler = None;
    }
}
