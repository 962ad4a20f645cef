//! What every flow has in common, written once: the state beside each flow's own answers
//! (started, reminders, moved, notice, already stored), the reducer arms for history, storage
//! and other tabs, loading from storage, and carrying on from the prerendered screens.
//!
//! A flow (the survey, the self-assessment) brings only its own state, actions and screens,
//! through the [`Flow`] trait; `hook::use_flow` wires it to storage, tab sync and focus.

pub mod hook;
pub mod screens;

use crate::early::{replay, Early};
use crate::storage::{Notice, Vault};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::fmt::Debug;
use std::rc::Rc;
use yew::Reducible;

/// What every flow keeps beside its own answers.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Common {
    /// When the current round of answers began; `None` before the visitor starts.
    pub started: Option<u64>,
    /// How often the visitor asked to go on with something required unanswered; above 0 shows
    /// the reminder.
    pub reminders: u32,
    /// The step changed through the visitor's action, so it is announced and focused.
    pub moved: bool,
    pub notice: Option<Notice>,
    /// Just read from storage (on load, or after another tab wrote): writing it back could
    /// overwrite a newer change another tab has made meanwhile, or one still on its way here.
    pub already_stored: bool,
}

impl Common {
    /// Moving to another step: the reminder goes, and the move is announced and focused.
    pub fn moved_on(&mut self) {
        self.reminders = 0;
        self.moved = true;
    }
}

/// An entry of a flow's history (a response, a completed assessment), known by the time it
/// was finished.
pub trait Dated {
    fn at(&self) -> u64;
}

/// One flow: its own state, actions and stored records.
pub trait Flow: Clone + Debug + PartialEq + 'static {
    /// The flow's part of the storage keys: `alliance-widget:<namespace>:<NAME>:…`.
    const NAME: &'static str;
    /// Storage names of its two records: the round in progress, and the history.
    const RECORDS: (&'static str, &'static str);
    /// Where the visitor is; focus follows its changes.
    type Step: Copy + PartialEq + 'static;
    type Action;
    type Progress: Serialize + DeserializeOwned + PartialEq + 'static;
    type History: Serialize + DeserializeOwned + Default + PartialEq + 'static;
    type Entry: Dated;

    /// A new visitor's flow, on the build's content.
    fn new() -> Self;
    fn step(&self) -> Self::Step;
    fn history(&self) -> &[Self::Entry];
    fn history_mut(&mut self) -> &mut Vec<Self::Entry>;
    /// Takes back what was stored, keeping only what still matches the content (it may have
    /// changed since).
    fn restore(&mut self, common: &mut Common, progress: Option<Self::Progress>, history: Self::History);
    /// What to store; `None` where there is nothing to keep.
    fn records(&self, common: &Common) -> (Option<Self::Progress>, Option<Self::History>);
    /// The flow's own reducer.
    fn act(&mut self, common: &mut Common, action: Self::Action);
    /// The actions that stand for what a visitor did in the prerendered screens: Start, a form
    /// field's value, and asking for the next step.
    fn start(now: u64) -> Self::Action;
    fn early_field(&self, name: &str, value: &str) -> Option<Self::Action>;
    fn go_on(now: u64) -> Self::Action;
}

/// A flow with what every flow has.
#[derive(Clone, Debug, PartialEq)]
pub struct State<F> {
    pub flow: F,
    pub common: Common,
}

pub enum Action<F: Flow> {
    /// One of the flow's own actions.
    Flow(F::Action),
    /// Delete the history entry finished at this time.
    Forget(u64),
    /// Everything stored was deleted: start from nothing.
    DeletedAll,
    /// Storage refused a read or write.
    StorageFailed(Notice),
    /// Another tab stored the flow: this is what storage now holds.
    Synced(Box<State<F>>),
}

impl<F: Flow> State<F> {
    pub fn new() -> Self {
        State { flow: F::new(), common: Common::default() }
    }

    /// The state the visitor left, read from storage. Unreadable records have been set aside
    /// by the vault; the first problem met becomes the notice.
    pub fn load(vault: &Vault, now: u64) -> Self {
        let (progress, history, notice) = vault.load_flow::<F::Progress, F::History>(F::RECORDS, now);
        let mut state = Self::new();
        state.flow.restore(&mut state.common, progress, history);
        state.common.notice = notice;
        state.common.already_stored = true;
        state
    }

    /// Carries on from what a new visitor did in the page's prerendered screens before the
    /// wasm arrived. A visitor who has started before never saw them.
    pub fn take_over(self, early: &Early, now: u64) -> Self {
        if !early.started || self.common.started.is_some() {
            return self;
        }
        let mut actions = vec![Action::Flow(F::start(now))];
        let fields = early.fields.iter().filter_map(|field| self.flow.early_field(&field.name, &field.value));
        actions.extend(fields.map(Action::Flow).collect::<Vec<_>>());
        if early.submitted {
            actions.push(Action::Flow(F::go_on(now)));
        }
        let mut state = replay(self, actions);
        // Focus stays where the visitor has it, unless they asked for the next step.
        state.common.moved = early.submitted;
        state
    }

    pub fn records(&self) -> (Option<F::Progress>, Option<F::History>) {
        self.flow.records(&self.common)
    }

    /// Whether anything of the visitor's is stored, so "delete my data" has something to do.
    pub fn has_data(&self) -> bool {
        !self.flow.history().is_empty() || self.common.started.is_some()
    }
}

impl<F: Flow> Default for State<F> {
    fn default() -> Self {
        Self::new()
    }
}

impl<F: Flow> Reducible for State<F> {
    type Action = Action<F>;

    fn reduce(self: Rc<Self>, action: Action<F>) -> Rc<Self> {
        let mut next =
            State { flow: self.flow.clone(), common: Common { already_stored: false, ..self.common.clone() } };
        match action {
            Action::Synced(stored) => {
                let notice = stored.common.notice.or(next.common.notice);
                return Rc::new(State { common: Common { notice, already_stored: true, ..stored.common }, ..*stored });
            }
            Action::Flow(action) => next.flow.act(&mut next.common, action),
            Action::Forget(at) => next.flow.history_mut().retain(|entry| entry.at() != at),
            Action::DeletedAll => {
                next = State::new();
                next.common.notice = Some(Notice::Deleted);
            }
            Action::StorageFailed(notice) => next.common.notice = Some(notice),
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}
