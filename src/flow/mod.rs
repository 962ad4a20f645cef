//! What every flow has in common, written once: the state beside each flow's own answers
//! (started, reminders, moved, notice, already stored), the reducer arms for history, storage
//! and other tabs, loading from storage, and carrying on from the prerendered screens.
//!
//! A flow (the survey, the self-assessment) brings only its own state, actions and screens,
//! through the [`Flow`] trait; `hook::use_flow` wires it to storage, tab sync and focus.

pub mod hook;
mod outbox;
pub mod screens;
pub mod store;

use crate::delivery::{self, Delivery};
use crate::early::{replay, Early};
use crate::storage::{Notice, Vault};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::fmt::Debug;
use std::rc::Rc;
use store::Records;
use yew::{Reducible, UseReducerHandle};

/// What every flow keeps beside its own answers: where the visitor is, what they finished
/// before, and how the widget is doing.
#[derive(Clone, Debug, PartialEq)]
pub struct Common<F: Flow> {
    pub step: F::Step,
    /// The rounds finished on this device, oldest first.
    pub history: Vec<F::Entry>,
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
    /// The delivery being sent from this tab right now, by its id.
    pub sending: Option<String>,
    /// The visitor's last action finished a round: the host page hears of it.
    pub just_finished: bool,
}

impl<F: Flow> Common<F> {
    fn new() -> Self {
        Common {
            step: F::Step::default(),
            history: Vec::new(),
            started: None,
            reminders: 0,
            moved: false,
            notice: None,
            already_stored: false,
            sending: None,
            just_finished: false,
        }
    }

    /// Moves to `step`: the reminder goes, and the move is announced and focused.
    pub fn go(&mut self, step: F::Step) {
        self.step = step;
        self.reminders = 0;
        self.moved = true;
    }

    /// Adds a round the visitor just finished to the history.
    pub fn finish(&mut self, entry: F::Entry) {
        self.history.push(entry);
        self.just_finished = true;
    }
}

/// An entry of a flow's history (a response, a completed assessment): known by the time it
/// was finished, and on its way to the author when it has a delivery.
pub trait Finished {
    fn at(&self) -> u64;
    fn delivery(&self) -> Option<&Delivery>;
    fn delivery_mut(&mut self) -> Option<&mut Delivery>;
}

/// One flow: its own state, actions and stored records.
pub trait Flow: Clone + Debug + PartialEq + 'static {
    /// Its name, as mounts, payloads and the host page's events give it.
    const NAME: &'static str;
    /// Storage names of its two records: the round in progress, and the history.
    const RECORDS: (&'static str, &'static str);
    /// Where the visitor is, the introduction by default; focus follows its changes.
    type Step: Copy + Debug + Default + PartialEq + 'static;
    type Action;
    type Progress: Serialize + DeserializeOwned + Clone + Debug + PartialEq + 'static;
    type History: Serialize + DeserializeOwned + Clone + Debug + Default + PartialEq + 'static;
    type Entry: Finished + Clone + Debug + PartialEq;

    /// A new visitor's flow, on the build's content.
    fn new() -> Self;
    /// Takes back the round in progress, keeping only what still matches the content (it may
    /// have changed since it was stored).
    fn restore(&mut self, common: &mut Common<Self>, progress: Self::Progress);
    /// The round in progress as stored, begun at `started`.
    fn progress(&self, common: &Common<Self>, started: u64) -> Self::Progress;
    /// The history's entries from its record, and back.
    fn entries(history: Self::History) -> Vec<Self::Entry>;
    fn history_record(entries: Vec<Self::Entry>) -> Self::History;
    /// The flow's own reducer.
    fn act(&mut self, common: &mut Common<Self>, action: Self::Action);
    /// What is sent to the author for `entry`: the payload's JSON.
    fn payload(&self, entry: &Self::Entry, delivery: &Delivery) -> String;
    /// The actions that stand for what a visitor did in the prerendered screens: Start, a form
    /// field's value, and asking for the next step.
    fn start(now: u64) -> Self::Action;
    fn early_field(&self, name: &str, value: &str) -> Option<Self::Action>;
    fn go_on(now: u64) -> Self::Action;
}

/// Where a widget sends finished entries: the author's endpoint, and the page they are given
/// on (origin and path).
#[derive(Clone, Debug, PartialEq)]
pub struct SendTo {
    pub endpoint: String,
    pub page: String,
}

impl SendTo {
    /// A new entry's delivery, due at once, under the random `id`.
    pub fn delivery(&self, id: String, now: u64) -> Delivery {
        Delivery::new(id, &self.endpoint, &self.page, now)
    }

    pub fn host(&self) -> &str {
        delivery::host(&self.endpoint)
    }
}

/// A flow's state as its component holds it.
pub type Handle<F> = UseReducerHandle<State<F>>;

/// A flow with what every flow has.
#[derive(Clone, Debug, PartialEq)]
pub struct State<F: Flow> {
    pub flow: F,
    pub common: Common<F>,
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
    /// Another tab or widget stored the flow: this is what storage now holds.
    Synced(Box<State<F>>),
    /// The delivery with this id is being sent from this tab.
    Sending(String),
    /// A try of the delivery with this id ended in this state.
    Tried { id: String, state: delivery::State },
    /// The visitor asks to send a refused delivery again.
    TryAgain { id: String, now: u64 },
}

impl<F: Flow> State<F> {
    pub fn new() -> Self {
        State { flow: F::new(), common: Common::new() }
    }

    /// The state the visitor left, read from storage. Unreadable records have been set aside
    /// by the vault; the first problem met becomes the notice.
    pub fn load(vault: &Vault, now: u64) -> Self {
        let (records, notice) = store::read::<F>(vault, now);
        Self::stored(records, notice)
    }

    /// The state that stored `records` stand for, with `notice` to tell the visitor.
    pub fn stored((progress, history): Records<F>, notice: Option<Notice>) -> Self {
        let mut state = Self::new();
        state.common.history = history.map(F::entries).unwrap_or_default();
        if let Some(progress) = progress {
            state.flow.restore(&mut state.common, progress);
        }
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

    /// What to store; `None` where there is nothing to keep.
    pub fn records(&self) -> Records<F> {
        let progress = self.common.started.map(|started| self.flow.progress(&self.common, started));
        let history = &self.common.history;
        (progress, (!history.is_empty()).then(|| F::history_record(history.clone())))
    }

    /// The history entry whose delivery has this id.
    pub fn delivery(&self, id: &str) -> Option<&Delivery> {
        self.common.history.iter().filter_map(Finished::delivery).find(|delivery| delivery.id == id)
    }

    fn delivery_mut(&mut self, id: &str) -> Option<&mut Delivery> {
        self.common.history.iter_mut().filter_map(Finished::delivery_mut).find(|delivery| delivery.id == id)
    }

    /// Whether anything of the visitor's is stored, so "delete my data" has something to do.
    pub fn has_data(&self) -> bool {
        !self.common.history.is_empty() || self.common.started.is_some()
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
        let mut next = State {
            flow: self.flow.clone(),
            common: Common { already_stored: false, just_finished: false, ..self.common.clone() },
        };
        match action {
            Action::Synced(stored) => {
                let notice = stored.common.notice.or(next.common.notice);
                return Rc::new(State { common: Common { notice, already_stored: true, ..stored.common }, ..*stored });
            }
            Action::Flow(action) => next.flow.act(&mut next.common, action),
            // A deleted entry leaves the outbox with it: nothing is sent after that.
            Action::Forget(at) => next.common.history.retain(|entry| entry.at() != at),
            Action::DeletedAll => {
                next = State::new();
                next.common.notice = Some(Notice::Deleted);
            }
            Action::StorageFailed(notice) => next.common.notice = Some(notice),
            Action::Sending(id) => next.common.sending = Some(id),
            Action::Tried { id, state } => {
                next.common.sending = None;
                if let Some(delivery) = next.delivery_mut(&id) {
                    delivery.state = state;
                }
            }
            Action::TryAgain { id, now } => {
                if let Some(delivery) = next.delivery_mut(&id) {
                    if let delivery::State::Refused { .. } = delivery.state {
                        delivery.state = delivery::State::Waiting { attempts: 0, next: now };
                    }
                }
            }
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

/// Tests give a flow its own actions through the reducer the widget uses: `state.on(action)`.
#[cfg(test)]
pub trait On<F: Flow> {
    fn on(self, action: F::Action) -> Self;
}

#[cfg(test)]
impl<F: Flow> On<F> for Rc<State<F>> {
    fn on(self, action: F::Action) -> Self {
        self.reduce(Action::Flow(action))
    }
}
