//! The one hook that wires a flow to the browser: its state restored from storage (and from
//! the prerendered screens), every change stored, other tabs' and widgets' writes taken up, finished
//! entries sent to the author (`outbox`), focus moved with each step, the host page told of a
//! finished round, and "delete my data".

use super::outbox::use_outbox;
use super::{store, Action, Finished, Flow, Handle, State};
use crate::browser::{self, focus_first, use_window_event};
use crate::clock::now;
use crate::early::Early;
use crate::storage::{Notice, Vault, KEY_PREFIX};
use yew::prelude::*;

/// What a flow's component gets from [`use_flow`].
pub struct Wired<F: Flow> {
    pub state: Handle<F>,
    /// The widget's element, where focus is moved.
    pub root: NodeRef,
    /// Removes every key the widget wrote, in every flow and namespace.
    pub delete_all: Callback<MouseEvent>,
}

/// Runs flow `F` on `vault`, carrying on from what the visitor did `early`. `other_view` is a
/// view shown over the flow (a shared result) whose change moves focus like a step.
#[hook]
pub fn use_flow<F: Flow>(vault: &Vault, early: &Early, other_view: bool) -> Wired<F> {
    let state = {
        let (vault, early) = (vault.clone(), early.clone());
        use_reducer(move || State::<F>::load(&vault, now()).take_over(&early, now()))
    };
    let root = use_node_ref();
    use_stored(vault, &state, &root);
    use_outbox(vault, &state);
    {
        let root = root.clone();
        let common = &state.common;
        let moment = (state.common.step, other_view, common.moved, common.reminders);
        use_effect_with(moment, move |&(_, _, moved, reminders)| {
            // After a refused "next", the reminder; after a step the visitor took, the new
            // step's heading. A first load moves nothing, so a host page keeps its scroll.
            if reminders > 0 {
                focus_first(&root, ".aw-error");
            } else if moved {
                focus_first(&root, ".aw-step-heading");
            }
        });
    }
    let delete_all = {
        let (vault, state) = (vault.clone(), state.clone());
        Callback::from(move |_| match vault.delete_all() {
            Ok(()) => {
                state.dispatch(Action::DeletedAll);
                browser::stored(KEY_PREFIX);
            }
            Err(failure) => state.dispatch(Action::StorageFailed(failure.into())),
        })
    };
    Wired { state, root, delete_all }
}

/// Writes the flow's records whenever they change (`store::write`, which replays the change
/// onto what another tab or widget stored meanwhile), unless they were just read from storage,
/// and reports a refused write; a round just finished is then announced to the host page from
/// `root`, with its delivery's id when it is sent, so the host can match it with what its
/// endpoint receives. Takes up what other tabs (the `storage` event) and other widgets of the
/// page (`browser::STORED`) write to them, so that every copy of the flow shows the same.
#[hook]
fn use_stored<F: Flow>(vault: &Vault, state: &Handle<F>, root: &NodeRef) {
    // What storage held when this widget last read or wrote it.
    let known = {
        let vault = vault.clone();
        use_mut_ref(move || store::read::<F>(&vault, now()).0)
    };
    let prefix = vault.key("");
    let other_wrote = {
        let (vault, state, known, prefix) = (vault.clone(), state.clone(), known.clone(), prefix.clone());
        Callback::from(move |event: web_sys::Event| {
            if !browser::concerns(&event, &prefix) {
                return;
            }
            let (records, notice) = store::read::<F>(&vault, now());
            // Storage that cannot be read tells nothing of what was written.
            if notice == Some(Notice::Unavailable) {
                return;
            }
            if records != *known.borrow() || notice.is_some() {
                state.dispatch(Action::Synced(Box::new(State::stored(records, notice))));
            }
        })
    };
    use_window_event("storage", other_wrote.clone());
    use_window_event(browser::STORED, other_wrote);
    let (vault, dispatcher, root, common) = (vault.clone(), state.dispatcher(), root.clone(), &state.common);
    let already_stored = common.already_stored;
    let finished =
        common.just_finished.then(|| common.history.last().and_then(Finished::delivery).map(|d| d.id.clone()));
    use_effect_with(state.records(), move |records| {
        if already_stored {
            *known.borrow_mut() = records.clone();
            return;
        }
        let written = store::write::<F>(&vault, &known.borrow(), records.clone(), now());
        match written {
            Ok(written) => {
                *known.borrow_mut() = written.clone();
                browser::stored(&prefix);
                if written != *records {
                    dispatcher.dispatch(Action::Synced(Box::new(State::stored(written, None))));
                }
            }
            Err(failure) => dispatcher.dispatch(Action::StorageFailed(failure.into())),
        }
        if let (Some(id), Some(root)) = (finished, root.get()) {
            browser::finished(&root, F::NAME, id.as_deref());
        }
    });
}
