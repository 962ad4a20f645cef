use super::*;
use crate::early::{Early, Field};
use crate::flow::{Action, On, State};
use crate::storage::{KeyValue, MemoryStore, Notice, Vault};
use std::rc::Rc;
use yew::Reducible;

type Assessment = State<AssessmentState>;

fn fresh() -> Rc<Assessment> {
    Rc::new(Assessment::new())
}

fn answer_all(state: Rc<Assessment>, value: i32) -> Rc<Assessment> {
    (0..state.flow.values.len()).fold(state, |state, statement| state.on(AssessmentAction::Answer { statement, value }))
}

#[test]
fn the_result_needs_every_statement_answered() {
    let state = fresh().on(AssessmentAction::Start { now: 1 });
    assert_eq!(state.common.step, Step::Statements);
    let state =
        state.on(AssessmentAction::Answer { statement: 0, value: 2 }).on(AssessmentAction::SeeResult { now: 2 });
    assert_eq!((state.common.step, state.common.reminders), (Step::Statements, 1));
    let state = answer_all(state, 0).on(AssessmentAction::SeeResult { now: 3 });
    assert_eq!(state.common.step, Step::Result);
    assert_eq!(state.common.history.len(), 1);
    assert_eq!(state.common.history[0].completed, 3);
}

#[test]
fn answers_off_the_scale_or_outside_the_statements_are_ignored() {
    let state = fresh().on(AssessmentAction::Start { now: 1 });
    let same = state.clone().on(AssessmentAction::Answer { statement: 0, value: 7 });
    assert!(Rc::ptr_eq(&state, &same));
    let same = state.clone().on(AssessmentAction::Answer { statement: 99, value: 2 });
    assert!(Rc::ptr_eq(&state, &same));
}

#[test]
fn changing_answers_keeps_them_and_retaking_clears_them() {
    let state =
        answer_all(fresh().on(AssessmentAction::Start { now: 1 }), 2).on(AssessmentAction::SeeResult { now: 2 });
    let changing = state.clone().on(AssessmentAction::ChangeAnswers);
    assert_eq!(changing.common.step, Step::Statements);
    assert!(changing.flow.is_complete());
    let retaken = state.on(AssessmentAction::Retake { now: 5 });
    assert_eq!(retaken.flow.answered(), 0);
    assert_eq!(retaken.common.history.len(), 1, "earlier results stay");
}

#[test]
fn a_reload_on_the_result_shows_the_result_again() {
    let store = Rc::new(MemoryStore::default());
    let vault = Vault::new(store.clone(), "default", "assessment");
    let state =
        answer_all(fresh().on(AssessmentAction::Start { now: 1 }), -1).on(AssessmentAction::SeeResult { now: 2 });
    vault.save(PROGRESS, state.records().0.as_ref(), 3).unwrap();
    vault.save(COMPLETED, state.records().1.as_ref(), 3).unwrap();
    let restored = Assessment::load(&vault, 4);
    assert_eq!(restored.common.step, Step::Result);
    assert_eq!(restored.flow.values, state.flow.values);
    assert_eq!(restored.common.history, state.common.history);
    assert_eq!(restored.flow.score(), state.flow.score());
    assert!(store.get("alliance-widget:default:assessment:progress").unwrap().unwrap().contains(r#""stage":"result""#));
}

#[test]
fn a_stored_result_with_missing_answers_reopens_the_statements() {
    let raw = r#"{"format":1,"updated":1,"record":{"content":"old","stage":"result","started":1,
        "answers":[{"statement":"urgent","value":2},{"statement":"gone","value":2},{"statement":"culture","value":9}]}}"#;
    let store = Rc::new(MemoryStore::with(&[("alliance-widget:default:assessment:progress", raw)]));
    let state = Assessment::load(&Vault::new(store, "default", "assessment"), 2);
    assert_eq!(state.common.step, Step::Statements);
    assert_eq!(state.flow.answered(), 1, "unknown statements and values off the scale are dropped");
}

#[test]
fn completed_assessments_are_deleted_one_by_one_or_all_at_once() {
    let mut state =
        answer_all(fresh().on(AssessmentAction::Start { now: 1 }), 2).on(AssessmentAction::SeeResult { now: 2 });
    state = state.on(AssessmentAction::ChangeAnswers).on(AssessmentAction::SeeResult { now: 3 });
    assert_eq!(state.common.history.len(), 2);
    let state = state.reduce(Action::Forget(2));
    assert_eq!(state.common.history.iter().map(|a| a.completed).collect::<Vec<_>>(), vec![3]);
    let state = state.reduce(Action::DeletedAll);
    assert_eq!(
        (state.common.step, state.common.history.len(), state.common.notice),
        (Step::Intro, 0, Some(Notice::Deleted))
    );
}

fn early(started: bool, fields: &[(&str, &str)], submitted: bool) -> Early {
    let fields =
        fields.iter().map(|(name, value)| Field { name: name.to_string(), value: value.to_string() }).collect();
    Early { started, fields, submitted }
}

#[test]
fn answers_given_before_the_wasm_arrived_are_taken_over_where_the_reader_is() {
    let fields = [("urgent", "2"), ("temporary", "-1"), ("nonsense", "2"), ("culture", "7"), ("guidance", "x")];
    let state = Assessment::new().take_over(&early(true, &fields, false), 9);
    assert_eq!(state.common.step, Step::Statements);
    assert_eq!(state.common.started, Some(9));
    assert_eq!(&state.flow.values[..4], &[Some(2), Some(-1), None, None], "unknown statements and values left out");
    assert!(!state.common.moved, "focus stays where the reader has it");
    assert_eq!(state.records().0.map(|p| p.answers.len()), Some(2), "stored at once");
}

#[test]
fn an_early_see_my_result_is_carried_out() {
    let all: Vec<(&str, &str)> = assessment().statements.iter().map(|s| (s.id, "2")).collect();
    let state = Assessment::new().take_over(&early(true, &all, true), 9);
    assert_eq!((state.common.step, state.common.history.len(), state.common.moved), (Step::Result, 1, true));
    let state = Assessment::new().take_over(&early(true, &all[..3], true), 9);
    assert_eq!(
        (state.common.step, state.common.reminders),
        (Step::Statements, 1),
        "unanswered statements: the reminder"
    );
}

#[test]
fn nothing_is_taken_over_without_a_start_or_from_a_reader_who_started_before() {
    let fresh = Assessment::new();
    assert_eq!(fresh.clone().take_over(&early(false, &[("urgent", "2")], false), 9), fresh);
    let started = Rc::unwrap_or_clone(Rc::new(fresh).on(AssessmentAction::Start { now: 1 }));
    assert_eq!(started.clone().take_over(&early(true, &[("urgent", "2")], true), 9), started);
}

#[test]
fn a_state_just_loaded_is_not_written_back_but_what_came_before_the_wasm_is() {
    let vault = Vault::new(Rc::new(MemoryStore::default()), "default", "assessment");
    let loaded = Assessment::load(&vault, 1);
    assert!(loaded.common.already_stored, "a new tab writes nothing, so it cannot undo another tab's write");
    assert!(!loaded.take_over(&early(true, &[], false), 2).common.already_stored);
}

#[test]
fn a_result_is_sent_only_when_the_reader_asks_and_only_once() {
    let state =
        answer_all(fresh().on(AssessmentAction::Start { now: 1 }), 2).on(AssessmentAction::SeeResult { now: 2 });
    assert!(state.common.history[0].delivery.is_none(), "nothing is sent on its own");
    let to = crate::flow::SendTo { endpoint: "https://collector.example/r".into(), page: "p".into() };
    let state = state.on(AssessmentAction::Send { completed: 2, delivery: to.delivery("a".into(), 3) });
    assert_eq!(state.common.history[0].delivery.as_ref().map(|d| d.id.as_str()), Some("a"));
    let again = state.clone().on(AssessmentAction::Send { completed: 2, delivery: to.delivery("b".into(), 4) });
    assert!(Rc::ptr_eq(&state, &again), "a second click sends nothing more");
    let payload: serde_json::Value =
        serde_json::from_str(&state.flow.payload(&state.common.history[0], state.delivery("a").unwrap())).unwrap();
    assert_eq!(payload["flow"], "assessment");
    assert_eq!(payload["answers"].as_array().unwrap().len(), 9);
    assert_eq!(payload["best_fit"], state.flow.assessment.outcomes[state.flow.score().best().index()].id);
    assert_eq!(payload["fits"].as_object().unwrap().len(), 3);
}

#[test]
fn every_broken_condition_is_named_on_the_result_for_every_combination() {
    use super::screens::explanation::{headline, set_aside};
    let assessment = assessment();
    scoring::tests::every_combination(|values| {
        let score = scoring::score(assessment, values);
        let sentences = set_aside(assessment, values, &score);
        for route in Route::ALL {
            let outcome = &assessment.outcomes[route.index()];
            let Some(broken) = score.broken[route.index()] else {
                assert!(!sentences.contains(outcome.in_sentence), "{values:?}: {sentences}");
                continue;
            };
            let condition = &outcome.conditions[broken];
            let statement = assessment.statements.iter().find(|s| s.id == condition.statement).unwrap();
            assert!(sentences.contains(outcome.in_sentence) && sentences.contains(statement.text), "{sentences}");
            assert!(sentences.contains(condition.needs), "what would have to change: {sentences}");
            assert!(
                !headline(assessment, &score).contains(outcome.in_sentence),
                "{values:?}: recommended though set aside"
            );
        }
    });
}
