//! Keeps a flow's records in storage: written at every change, taken up from other tabs.

use super::{Failure, Vault};
use crate::now;
use crate::page::use_window_event;
use miniserde::Serialize;
use wasm_bindgen::JsCast;
use web_sys::StorageEvent;
use yew::prelude::*;

/// Keeps a flow's records in storage. Writes `progress` and `history` under their names
/// whenever either changes (removing the key of one that is `None`), unless they are
/// `already_stored`, and reports a refused write through `failed`. Calls `other_tab_wrote`
/// when another tab writes one of them (or clears the storage), so that a flow open in two
/// tabs stays in step rather than one tab overwriting the other's answers with an older copy.
#[hook]
pub fn use_stored<P, H>(
    vault: &Vault,
    names: (&'static str, &'static str),
    records: (Option<P>, Option<H>),
    already_stored: bool,
    failed: Callback<Failure>,
    other_tab_wrote: Callback<()>,
) where
    P: Serialize + PartialEq + 'static,
    H: Serialize + PartialEq + 'static,
{
    let keys = (vault.key(names.0), vault.key(names.1));
    use_window_event(
        "storage",
        Callback::from(move |event: web_sys::Event| {
            let key = event.dyn_into::<StorageEvent>().ok().and_then(|event| event.key());
            if key.is_none_or(|key| key == keys.0 || key == keys.1) {
                other_tab_wrote.emit(());
            }
        }),
    );
    let vault = vault.clone();
    use_effect_with(records, move |(progress, history)| {
        if already_stored {
            return;
        }
        let saved =
            vault.save(names.0, progress.as_ref(), now()).and_then(|()| vault.save(names.1, history.as_ref(), now()));
        if let Err(failure) = saved {
            failed.emit(failure);
        }
    });
}
