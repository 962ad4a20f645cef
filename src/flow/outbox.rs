//! Sends a flow's finished entries to the author's endpoint, each until it is delivered or
//! refused: at once, when the browser comes back online, and when the next wait ends. One
//! sender at a time per flow and namespace (`browser::with_lock`), and it reads what storage
//! holds before each try, so an entry another tab has sent, or the visitor deleted, is not
//! sent again. A try's outcome goes to the flow's state (`Action::Tried`), which the hook
//! stores like any other change. The decisions are `delivery`'s; this is the browser's half.

use super::{store, Action, Finished, Flow, Handle};
use crate::browser;
use crate::browser::use_window_event;
use crate::clock::now;
use crate::delivery::{after_try, retry_after, Delivery, Reply, State, TIMEOUT_MS};
use crate::storage::Vault;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

/// What this tab knows of the flow's history: what it sends when storage keeps nothing.
type Latest<F> = Rc<RefCell<Vec<<F as Flow>::Entry>>>;

/// Runs the outbox of the flow `state` shows, stored in `vault`.
#[hook]
pub fn use_outbox<F: Flow>(vault: &Vault, state: &Handle<F>) {
    let latest: Latest<F> = use_mut_ref(Vec::new);
    *latest.borrow_mut() = state.common.history.clone();
    // `at_once`: everything waiting, whatever its wait (a page load, the network back).
    let drain = {
        let (vault, state, latest) = (vault.clone(), state.clone(), latest.clone());
        Callback::from(move |at_once| drain(vault.clone(), state.clone(), latest.clone(), at_once))
    };
    use_window_event("online", drain.reform(|_| true));
    {
        let drain = drain.clone();
        use_effect_with((), move |()| drain.emit(true));
    }
    // The next moment something is due; while a try is under way, it sets the next one itself.
    let next = state.common.history.iter().filter_map(Finished::delivery).filter_map(|delivery| match delivery.state {
        State::Waiting { next, .. } => Some(next),
        _ => None,
    });
    let due = next.min().filter(|_| state.common.sending.is_none());
    use_effect_with(due, move |&due| {
        let window = web_sys::window();
        let timer = due.zip(window.as_ref()).and_then(|(due, window)| {
            let task = Closure::once_into_js(move || drain.emit(false));
            let wait = due.saturating_sub(now()).min(i32::MAX as u64) as i32;
            window.set_timeout_with_callback_and_timeout_and_arguments_0(task.unchecked_ref(), wait).ok()
        });
        move || {
            if let (Some(window), Some(timer)) = (window, timer) {
                window.clear_timeout_with_handle(timer);
            }
        }
    });
}

/// Sends what is due, one at a time, if no other tab or widget is sending this flow's outbox;
/// after a delivery, the next.
fn drain<F: Flow>(vault: Vault, state: Handle<F>, latest: Latest<F>, at_once: bool) {
    let picked: Rc<RefCell<Option<(Delivery, bool)>>> = Rc::default();
    let choose = {
        let (vault, state, latest, picked) = (vault.clone(), state.clone(), latest.clone(), picked.clone());
        Closure::once_into_js(move |held: bool| -> JsValue {
            let Some((entry, kept)) = held.then(|| next_due::<F>(&vault, &latest, at_once)).flatten() else {
                return JsValue::UNDEFINED;
            };
            let delivery = entry.delivery().expect("found by its delivery").clone();
            state.dispatch(Action::Sending(delivery.id.clone()));
            let body = state.flow.payload(&entry, &delivery);
            let next = js_sys::Array::of2(&delivery.endpoint.as_str().into(), &body.into());
            *picked.borrow_mut() = Some((delivery, kept));
            next.into()
        })
    };
    let name = vault.key("outbox");
    let report = Closure::once_into_js(move |status: i32, wait: String| {
        let Some((delivery, kept)) = picked.borrow_mut().take() else { return };
        let answer = match status {
            -1 => Reply::Blocked,
            100..=599 => Reply::Status { status: status as u16, retry_after: retry_after(&wait) },
            _ => Reply::Silent,
        };
        let mut next = after_try(&delivery.state, answer, now(), browser::jitter());
        if !kept && !matches!(next, State::Delivered { .. }) {
            // Nothing keeps it for a later try: this one was the only one.
            let status = if let Reply::Status { status, .. } = answer { status } else { 0 };
            next = State::Refused { status };
        }
        // This tab's copy, for the next round when storage keeps nothing.
        set_state(latest.borrow_mut().iter_mut(), &delivery.id, &next);
        let delivered = matches!(next, State::Delivered { .. });
        state.dispatch(Action::Tried { id: delivery.id, state: next });
        // An endpoint that failed is given its wait before anything else is tried. The next
        // round reads storage once the outcome is stored, in a task of its own.
        if delivered {
            browser::soon(move || drain(vault, state, latest, at_once));
        }
    });
    browser::send(&name, &choose, &report, TIMEOUT_MS);
}

/// The next entry to send, and whether storage keeps it: from what storage holds now, so that
/// what another tab sent is not sent again; else from what only this tab holds (storage off or
/// full), which is tried once.
fn next_due<F: Flow>(vault: &Vault, latest: &Latest<F>, at_once: bool) -> Option<(F::Entry, bool)> {
    let due =
        |entry: &&F::Entry| entry.delivery().is_some_and(|d| if at_once { d.is_waiting() } else { d.is_due(now()) });
    let id = |entry: &F::Entry| entry.delivery().map(|d| d.id.clone());
    let stored = stored::<F>(vault);
    if let Some(entry) = stored.iter().find(due) {
        return Some((entry.clone(), true));
    }
    let memory = latest.borrow();
    let only_here = memory.iter().filter(|entry| !stored.iter().any(|kept| id(kept) == id(entry)));
    only_here.into_iter().find(due).map(|entry| (entry.clone(), false))
}

/// The flow's history as storage holds it now.
fn stored<F: Flow>(vault: &Vault) -> Vec<F::Entry> {
    store::read::<F>(vault, now()).0 .1.map(F::entries).unwrap_or_default()
}

/// Sets the state of the delivery with this id among `entries`.
fn set_state<'a, E: Finished + 'a>(entries: impl Iterator<Item = &'a mut E>, id: &str, next: &State) {
    if let Some(delivery) = entries.filter_map(Finished::delivery_mut).find(|delivery| delivery.id == id) {
        delivery.state = next.clone();
    }
}
