//! A flow's two records in storage (the round in progress and the history), read and written
//! here only. Several writers share them: the same flow in another tab, or in another widget
//! of the same namespace on this page. So a write first reads what storage holds; when that
//! is not what this widget last read or wrote, someone else wrote meanwhile, and this widget's
//! change is replayed onto theirs ([`merge`]) rather than its older copy written over it.
//!
//! Pure: the vault may be the browser's localStorage or the tests' memory.

use super::{Finished, Flow};
use crate::storage::{Failure, Notice, Vault};

/// A flow's stored records: the round in progress, and the history (`None` when empty). Each
/// is `None` where nothing is kept, and its key is removed.
pub type Records<F> = (Option<<F as Flow>::Progress>, Option<<F as Flow>::History>);

/// What storage holds of flow `F` now, and the first problem met reading it (a value that
/// could not be read has been set aside by the vault).
pub fn read<F: Flow>(vault: &Vault, now: u64) -> (Records<F>, Option<Notice>) {
    let (progress, history, notice) = vault.load_flow::<F::Progress, F::History>(F::RECORDS, now);
    let entries = F::entries(history);
    ((progress, (!entries.is_empty()).then(|| F::history_record(entries))), notice)
}

/// Stores `mine`, the records of a widget that last read or wrote `known`, and returns what
/// storage holds afterwards: `mine`, or `mine` replayed onto what another writer stored
/// meanwhile. A record storage already holds as it is is not written again. Storage that
/// cannot be read tells nothing of other writers: `mine` is written as it is.
pub fn write<F: Flow>(vault: &Vault, known: &Records<F>, mine: Records<F>, now: u64) -> Result<Records<F>, Failure> {
    let theirs = match read::<F>(vault, now) {
        (_, Some(Notice::Unavailable)) => known.clone(),
        (theirs, _) => theirs,
    };
    let next = if theirs == *known { mine } else { merge::<F>(known, mine, theirs.clone()) };
    let (progress, history) = F::RECORDS;
    if next.0 != theirs.0 {
        vault.save(progress, next.0.as_ref(), now)?;
    }
    if next.1 != theirs.1 {
        vault.save(history, next.1.as_ref(), now)?;
    }
    Ok(next)
}

/// This widget's change (from `known` to `mine`) replayed onto `theirs`: the round in progress
/// is this widget's if it changed it, else theirs; the history is theirs, with the entries
/// this widget added or changed (a delivery's state) put in, and those it deleted taken out.
/// Entries are known by the time they were finished, and kept oldest first.
pub fn merge<F: Flow>(known: &Records<F>, mine: Records<F>, theirs: Records<F>) -> Records<F> {
    let progress = if mine.0 != known.0 { mine.0 } else { theirs.0 };
    let entries = |history: Option<F::History>| history.map(F::entries).unwrap_or_default();
    let (before, after) = (entries(known.1.clone()), entries(mine.1));
    let mut merged = entries(theirs.1);
    let kept = |entry: &F::Entry| {
        let was = before.iter().find(|old| old.at() == entry.at());
        was.is_none() || after.iter().any(|new| new.at() == entry.at())
    };
    merged.retain(kept);
    for entry in after.iter().filter(|entry| !before.contains(entry)) {
        match merged.iter_mut().find(|other| other.at() == entry.at()) {
            Some(other) => *other = entry.clone(),
            None => merged.push(entry.clone()),
        }
    }
    merged.sort_by_key(Finished::at);
    (progress, (!merged.is_empty()).then(|| F::history_record(merged)))
}
