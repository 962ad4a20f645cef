//! Sends a flow's finished entries to the author's endpoint, each until it is delivered or
//! refused: at once, when the browser comes back online, and when the next wait ends. One
//! sender at a time per flow and namespace (`browser::with_lock`), and it reads what storage
//! holds before each try, so an entry another tab has sent, or the visitor deleted, is not
//! sent again. The decisions are `delivery`'s; this is the browser's half.

use super::Handle;
use super::{Action, Finished, Flow};
use crate::browser;
use crate::browser::use_window_event;
use crate::clock::now;
use crate::delivery::{after_try, retry_after, Answer, State, TIMEOUT_MS};
use crate::storage::{Notice, Vault};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

/// What this tab knows of the flow's history, for when storage keeps nothing.
struct Latest<F: Flow> {
    history: Vec<F::Entry>,
    /// Storage keeps what is written (not off, not full).
    kept: bool,
}

/// Runs the outbox of the flow `state` shows, stored in `vault`.
#[hook]
pub fn use_outbox<F: Flow>(vault: &Vault, state: &Handle<F>) {
    let latest = use_mut_ref(|| Latest::<F> { history: Vec::new(), kept: true });
    {
        let kept = !matches!(state.common.notice, Some(Notice::Unavailable | Notice::Full));
        *latest.borrow_mut() = Latest { history: state.common.history.clone(), kept };
    }
    let drain = {
        let (vault, state, latest) = (vault.clone(), state.clone(), latest.clone());
        Callback::from(move |()| drain(vault.clone(), state.clone(), latest.clone()))
    };
    use_window_event("online", drain.reform(|_| ()));
    // The next moment something is due; while a try is under way, it sets the next one itself.
    let next = state.common.history.iter().filter_map(Finished::delivery).filter_map(|delivery| match delivery.state {
        State::Waiting { next, .. } => Some(next),
        _ => None,
    });
    let due = next.min().filter(|_| state.common.sending.is_none());
    use_effect_with(due, move |&due| {
        let window = web_sys::window();
        let timer = due.zip(window.as_ref()).and_then(|(due, window)| {
            let task = Closure::once_into_js(move || drain.emit(()));
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

/// Sends what is due, one at a time, if no other tab or widget is sending this flow's outbox.
fn drain<F: Flow>(vault: Vault, state: Handle<F>, latest: Rc<RefCell<Latest<F>>>) {
    let name = vault.key("outbox");
    let task = Closure::once_into_js(move || {
        wasm_bindgen_futures::future_to_promise(async move {
            send_due(&vault, &state, &latest).await;
            Ok(JsValue::UNDEFINED)
        })
    });
    let _ = browser::with_lock(&name, &task);
}

async fn send_due<F: Flow>(vault: &Vault, state: &Handle<F>, latest: &RefCell<Latest<F>>) {
    loop {
        let kept = latest.borrow().kept;
        let entries = if kept { stored::<F>(vault) } else { latest.borrow().history.clone() };
        let Some(entry) = entries.iter().find(|entry| entry.delivery().is_some_and(|d| d.is_due(now()))) else {
            return;
        };
        let delivery = entry.delivery().expect("found by its delivery").clone();
        state.dispatch(Action::Sending(delivery.id.clone()));
        let answer = try_once(&delivery.endpoint, &state.flow.payload(entry, &delivery)).await;
        let mut next = after_try(&delivery.state, answer, now(), browser::jitter());
        if !kept && !matches!(next, State::Delivered { .. }) {
            // Nothing keeps it for a later try: this one was the only one.
            let status = match answer {
                Answer::Status { status, .. } => status,
                _ => 0,
            };
            next = State::Refused { status };
        }
        if kept {
            store::<F>(vault, &delivery.id, &next);
        }
        let delivered = matches!(next, State::Delivered { .. });
        state.dispatch(Action::Tried { id: delivery.id, state: next });
        // An endpoint that failed once is given its wait before anything else is tried.
        if !delivered {
            return;
        }
    }
}

/// One POST of `body` to `endpoint`.
async fn try_once(endpoint: &str, body: &str) -> Answer {
    let Ok(answer) = wasm_bindgen_futures::JsFuture::from(browser::post(endpoint, body, TIMEOUT_MS)).await else {
        return Answer::NoAnswer;
    };
    let answer = js_sys::Array::from(&answer);
    match answer.get(0).as_f64().unwrap_or(0.0) as i32 {
        -1 => Answer::Blocked,
        status @ 100..=599 => {
            let retry_after = answer.get(1).as_string().and_then(|value| retry_after(&value));
            Answer::Status { status: status as u16, retry_after }
        }
        _ => Answer::NoAnswer,
    }
}

/// The flow's history as storage holds it now.
fn stored<F: Flow>(vault: &Vault) -> Vec<F::Entry> {
    vault.load::<F::History>(F::RECORDS.1, now()).record.map(F::entries).unwrap_or_default()
}

/// Writes a try's outcome into the stored history at once, before another tab may look.
fn store<F: Flow>(vault: &Vault, id: &str, next: &State) {
    let mut entries = stored::<F>(vault);
    let Some(delivery) = entries.iter_mut().filter_map(Finished::delivery_mut).find(|d| d.id == id) else { return };
    delivery.state = next.clone();
    let _ = vault.save(F::RECORDS.1, Some(&F::history_record(entries)), now());
}
