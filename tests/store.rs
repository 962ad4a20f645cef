//! Two writers of one flow's records (two tabs, or two widgets of a namespace on one page):
//! neither ever writes an older copy over what the other stored (`flow::store`).
#![cfg(not(target_arch = "wasm32"))]

use alliance_widget::delivery::State as Delivery;
use alliance_widget::flow::store::{write, Records};
use alliance_widget::flow::{Action, SendTo, State};
use alliance_widget::storage::{Failure, KeyValue, MemoryStore, Vault};
use alliance_widget::survey::{SurveyAction, SurveyState, PROGRESS};
use std::rc::Rc;
use yew::Reducible;

type Survey = State<SurveyState>;

/// Two widgets of one flow on one store, as both read it when they started.
struct Two {
    store: Rc<MemoryStore>,
    vault: Vault,
}

impl Two {
    fn new() -> Self {
        let store = Rc::new(MemoryStore::default());
        Two { vault: Vault::new(store.clone(), "default", "survey"), store }
    }

    /// What a widget that started now shows.
    fn load(&self) -> Rc<Survey> {
        Rc::new(Survey::load(&self.vault, 1))
    }

    /// `state` written by a widget that last read or wrote `known`.
    fn write(&self, known: &Rc<Survey>, state: &Rc<Survey>, now: u64) -> Records<SurveyState> {
        write::<SurveyState>(&self.vault, &known.records(), state.records(), now).expect("stored")
    }
}

fn act(state: Rc<Survey>, actions: Vec<SurveyAction>) -> Rc<Survey> {
    actions.into_iter().fold(state, |state, action| state.reduce(Action::Flow(action)))
}

/// Every question answered with its first option, on the review screen.
fn answered(state: Rc<Survey>) -> Rc<Survey> {
    let mut state = act(state, vec![SurveyAction::Start { now: 1_000 }]);
    for question in alliance_widget::content::survey().questions {
        state = act(state, vec![SurveyAction::Choose(question.options[0].id.to_string()), SurveyAction::Next]);
    }
    state
}

fn sent(state: Rc<Survey>, id: &str, now: u64) -> Rc<Survey> {
    let to = SendTo { endpoint: "https://collector.example/r".into(), page: "https://columns.example/a".into() };
    act(answered(state), vec![SurveyAction::Submit { now, delivery: Some(to.delivery(id.into(), now)) }])
}

fn comment(state: Rc<Survey>, text: &str) -> Rc<Survey> {
    act(state, vec![SurveyAction::Start { now: 5 }, SurveyAction::Comment(text.into())])
}

#[test]
fn a_lone_writer_stores_its_records_as_they_are() {
    let two = Two::new();
    let start = two.load();
    let typed = comment(start.clone(), "half-typed");
    assert_eq!(two.write(&start, &typed, 2), typed.records());
    assert_eq!(two.load().records(), typed.records());
}

#[test]
fn a_comment_typed_in_one_widget_survives_a_round_finished_in_the_other() {
    let two = Two::new();
    let (first, second) = (two.load(), two.load());
    let done = sent(second.clone(), "id-1", 20);
    two.write(&second, &done, 20);
    // The first widget has not taken that up yet: its copy of the history is older.
    let typed = comment(first.clone(), "only with a plan to hand over");
    let stored = two.write(&first, &typed, 21);
    assert_eq!(stored.0, typed.records().0, "the round in progress is the one typed");
    assert_eq!(stored.1, done.records().1, "the other widget's response is kept");
    assert_eq!(two.load().records(), stored);
}

#[test]
fn a_delivery_marked_in_one_widget_keeps_the_round_typed_in_the_other() {
    let two = Two::new();
    let start = two.load();
    let done = sent(start.clone(), "id-1", 20);
    two.write(&start, &done, 20);
    let (sender, typist) = (two.load(), two.load());
    let typed = comment(typist.clone(), "typed while it was sent");
    two.write(&typist, &typed, 21);
    // The sender's copy still has no round in progress; only the delivery changed there.
    let delivered = sender.clone().reduce(Action::Tried { id: "id-1".into(), state: Delivery::Delivered { at: 22 } });
    let stored = two.write(&sender, &delivered, 22);
    assert_eq!(stored.0, typed.records().0, "the comment typed in the other widget is kept");
    assert_eq!(stored.1, delivered.records().1, "the delivery is marked");
}

#[test]
fn an_entry_deleted_in_one_widget_stays_deleted_and_one_added_in_the_other_stays() {
    let two = Two::new();
    let start = two.load();
    let once = sent(start.clone(), "id-1", 20);
    two.write(&start, &once, 20);
    let (deleting, adding) = (two.load(), two.load());
    let twice = sent(adding.clone(), "id-2", 30);
    two.write(&adding, &twice, 30);
    let deleted = deleting.clone().reduce(Action::Forget(20));
    let stored = two.write(&deleting, &deleted, 31);
    let ids: Vec<_> = stored.1.expect("a history").responses.iter().map(|r| r.submitted).collect();
    assert_eq!(ids, vec![30]);
}

#[test]
fn an_unchanged_record_is_not_written_again() {
    let two = Two::new();
    let start = two.load();
    let done = sent(start.clone(), "id-1", 20);
    two.write(&start, &done, 20);
    let key = "alliance-widget:default:survey:responses";
    let before = two.store.get(key).unwrap();
    let known = two.load();
    two.write(&known, &comment(known.clone(), "a new round"), 40);
    assert_eq!(two.store.get(key).unwrap(), before, "the history, written at 20, is as it was");
    assert!(two.store.get(&format!("alliance-widget:default:survey:{PROGRESS}")).unwrap().is_some());
}

/// A store whose reads fail and whose writes work (as a page that blocks `getItem` does).
struct Unreadable(MemoryStore);
impl KeyValue for Unreadable {
    fn get(&self, _: &str) -> Result<Option<String>, Failure> {
        Err(Failure::Unavailable)
    }
    fn set(&self, key: &str, json: &serde_json::value::RawValue) -> Result<(), Failure> {
        self.0.set(key, json)
    }
    fn set_text(&self, key: &str, text: &str) -> Result<(), Failure> {
        self.0.set_text(key, text)
    }
    fn remove(&self, key: &str) -> Result<(), Failure> {
        self.0.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, Failure> {
        self.0.keys()
    }
}

#[test]
fn storage_that_cannot_be_read_does_not_count_as_emptied_by_another_writer() {
    let vault = Vault::new(Rc::new(Unreadable(MemoryStore::default())), "default", "survey");
    let known = sent(Rc::new(Survey::new()), "id-1", 20);
    let typed = comment(known.clone(), "a new round");
    let stored = write::<SurveyState>(&vault, &known.records(), typed.records(), 30).expect("written");
    assert_eq!(stored, typed.records(), "the response is not taken for deleted");
}
