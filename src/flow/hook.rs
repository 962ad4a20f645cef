//! The one hook that wires a flow to the browser: its state restored from storage (and from
//! the prerendered screens), every change stored, other tabs' writes taken up, finished
//! entries sent to the author (`outbox`), focus moved with each step, the host page told of a
//! finished round, and "delete my data".

use super::outbox::use_outbox;
use super::{Action, Finished, Flow, Handle, State};
use crate::browser::{self, focus_first, use_window_event};
use crate::clock::now;
use crate::early::Early;
use crate::storage::Vault;
use wasm_bindgen::JsCast;
use web_sys::StorageEvent;
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
            Ok(()) => state.dispatch(Action::DeletedAll),
            Err(failure) => state.dispatch(Action::StorageFailed(failure.into())),
        })
    };
    Wired { state, root, delete_all }
}

/// Writes the flow's records whenever they change (removing the key of one that is `None`),
/// unless they were just read from storage, and reports a refused write; a round just finished
/// is then announced to the host page from `root`, with its delivery's id when it is sent, so
/// the host can match it with what its endpoint receives. Takes up what another
/// tab writes to them (or a storage cleared), so that a flow open in two tabs stays in step
/// rather than one tab overwriting the other's answers with an older copy.
#[hook]
fn use_stored<F: Flow>(vault: &Vault, state: &Handle<F>, root: &NodeRef) {
    let (progress, history) = F::RECORDS;
    let keys = (vault.key(progress), vault.key(history));
    let other_tab_wrote = {
        let (vault, state) = (vault.clone(), state.clone());
        Callback::from(move |event: web_sys::Event| {
            let key = event.dyn_into::<StorageEvent>().ok().and_then(|event| event.key());
            if key.is_none_or(|key| key == keys.0 || key == keys.1) {
                state.dispatch(Action::Synced(Box::new(State::load(&vault, now()))));
            }
        })
    };
    use_window_event("storage", other_tab_wrote);
    let (vault, dispatcher, root, common) = (vault.clone(), state.dispatcher(), root.clone(), &state.common);
    let already_stored = common.already_stored;
    let finished =
        common.just_finished.then(|| common.history.last().and_then(Finished::delivery).map(|d| d.id.clone()));
    use_effect_with(state.records(), move |records| {
        if already_stored {
            return;
        }
        let saved = vault
            .save(progress, records.0.as_ref(), now())
            .and_then(|()| vault.save(history, records.1.as_ref(), now()));
        if let Err(failure) = saved {
            dispatcher.dispatch(Action::StorageFailed(failure.into()));
        }
        if let (Some(id), Some(root)) = (finished, root.get()) {
            browser::finished(&root, F::NAME, id.as_deref());
        }
    });
}
