//! Stores a flow's records at every change.

use super::{Failure, Vault};
use crate::now;
use miniserde::Serialize;
use yew::prelude::*;

/// Writes `progress` and `history` under their names whenever either changes (removing the key
/// of one that is `None`), and reports a refused write through `failed`.
#[hook]
pub fn use_stored<P, H>(
    vault: &Vault,
    names: (&'static str, &'static str),
    records: (Option<P>, Option<H>),
    failed: Callback<Failure>,
) where
    P: Serialize + PartialEq + 'static,
    H: Serialize + PartialEq + 'static,
{
    let vault = vault.clone();
    use_effect_with(records, move |(progress, history)| {
        let saved =
            vault.save(names.0, progress.as_ref(), now()).and_then(|()| vault.save(names.1, history.as_ref(), now()));
        if let Err(failure) = saved {
            failed.emit(failure);
        }
    });
}
