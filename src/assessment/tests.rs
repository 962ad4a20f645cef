use super::*;
use crate::content::assessment;
use crate::prerender::{Early, Field};
use crate::storage::{KeyValue, MemoryStore};

fn fresh() -> Rc<AssessmentState> {
    Rc::new(AssessmentState::new(assessment()))
}

fn answer_all(state: Rc<AssessmentState>, value: i32) -> Rc<AssessmentState> {
    (0..state.values.len()).fold(state, |state, statement| state.reduce(AssessmentAction::Answer { statement, value }))
}

#[test]
fn the_result_needs_every_statement_answered() {
    let state = fresh().reduce(AssessmentAction::Start { now: 1 });
    assert_eq!(state.stage, Stage::Statements);
    let state = state
        .reduce(AssessmentAction::Answer { statement: 0, value: 2 })
        .reduce(AssessmentAction::SeeResult { now: 2 });
    assert_eq!((state.stage, state.reminders), (Stage::Statements, 1));
    let state = answer_all(state, 0).reduce(AssessmentAction::SeeResult { now: 3 });
    assert_eq!(state.stage, Stage::Result);
    assert_eq!(state.history.len(), 1);
    assert_eq!(state.history[0].completed, 3);
}

#[test]
fn answers_off_the_scale_or_outside_the_statements_are_ignored() {
    let state = fresh().reduce(AssessmentAction::Start { now: 1 });
    let same = state.clone().reduce(AssessmentAction::Answer { statement: 0, value: 7 });
    assert!(Rc::ptr_eq(&state, &same));
    let same = state.clone().reduce(AssessmentAction::Answer { statement: 99, value: 2 });
    assert!(Rc::ptr_eq(&state, &same));
}

#[test]
fn changing_answers_keeps_them_and_retaking_clears_them() {
    let state = answer_all(fresh().reduce(AssessmentAction::Start { now: 1 }), 2)
        .reduce(AssessmentAction::SeeResult { now: 2 });
    let changing = state.clone().reduce(AssessmentAction::ChangeAnswers);
    assert_eq!(changing.stage, Stage::Statements);
    assert!(changing.is_complete());
    let retaken = state.reduce(AssessmentAction::Retake { now: 5 });
    assert_eq!(retaken.answered(), 0);
    assert_eq!(retaken.history.len(), 1, "earlier results stay");
}

#[test]
fn a_reload_on_the_result_shows_the_result_again() {
    let store = Rc::new(MemoryStore::default());
    let vault = Vault::new(store.clone(), "default", "assessment");
    let state = answer_all(fresh().reduce(AssessmentAction::Start { now: 1 }), -1)
        .reduce(AssessmentAction::SeeResult { now: 2 });
    vault.save(PROGRESS, state.progress().as_ref(), 3).unwrap();
    vault.save(COMPLETED, state.history_record().as_ref(), 3).unwrap();
    let restored = AssessmentState::load(assessment(), &vault, 4);
    assert_eq!(restored.stage, Stage::Result);
    assert_eq!(restored.values, state.values);
    assert_eq!(restored.history, state.history);
    assert_eq!(restored.score(), state.score());
    assert!(store.get("alliance-widget:default:assessment:progress").unwrap().unwrap().contains(r#""stage":"result""#));
}

#[test]
fn a_stored_result_with_missing_answers_reopens_the_statements() {
    let raw = r#"{"format":1,"updated":1,"record":{"content":"old","stage":"result","started":1,
        "answers":[{"statement":"urgent","value":2},{"statement":"gone","value":2},{"statement":"culture","value":9}]}}"#;
    let store = Rc::new(MemoryStore::with(&[("alliance-widget:default:assessment:progress", raw)]));
    let state = AssessmentState::load(assessment(), &Vault::new(store, "default", "assessment"), 2);
    assert_eq!(state.stage, Stage::Statements);
    assert_eq!(state.answered(), 1, "unknown statements and values off the scale are dropped");
}

#[test]
fn completed_assessments_are_deleted_one_by_one_or_all_at_once() {
    let mut state = answer_all(fresh().reduce(AssessmentAction::Start { now: 1 }), 2)
        .reduce(AssessmentAction::SeeResult { now: 2 });
    state = state.reduce(AssessmentAction::ChangeAnswers).reduce(AssessmentAction::SeeResult { now: 3 });
    assert_eq!(state.history.len(), 2);
    let state = state.reduce(AssessmentAction::DeleteCompleted(2));
    assert_eq!(state.history.iter().map(|a| a.completed).collect::<Vec<_>>(), vec![3]);
    let state = state.reduce(AssessmentAction::DeletedAll);
    assert_eq!((state.stage, state.history.len(), state.notice), (Stage::Intro, 0, Some(Notice::Deleted)));
}

fn early(started: bool, fields: &[(&str, &str)], submitted: bool) -> Early {
    let fields =
        fields.iter().map(|(name, value)| Field { name: name.to_string(), value: value.to_string() }).collect();
    Early { started, fields, submitted }
}

#[test]
fn answers_given_before_the_wasm_arrived_are_taken_over_where_the_reader_is() {
    let fields = [("urgent", "2"), ("temporary", "-1"), ("nonsense", "2"), ("culture", "7"), ("guidance", "x")];
    let state = AssessmentState::new(assessment()).take_over(&early(true, &fields, false), 9);
    assert_eq!(state.stage, Stage::Statements);
    assert_eq!(state.started, Some(9));
    assert_eq!(&state.values[..4], &[Some(2), Some(-1), None, None], "unknown statements and values left out");
    assert!(!state.moved, "focus stays where the reader has it");
    assert_eq!(state.progress().map(|p| p.answers.len()), Some(2), "stored at once");
}

#[test]
fn an_early_see_my_result_is_carried_out() {
    let all: Vec<(&str, &str)> = assessment().statements.iter().map(|s| (s.id, "2")).collect();
    let state = AssessmentState::new(assessment()).take_over(&early(true, &all, true), 9);
    assert_eq!((state.stage, state.history.len(), state.moved), (Stage::Result, 1, true));
    let state = AssessmentState::new(assessment()).take_over(&early(true, &all[..3], true), 9);
    assert_eq!((state.stage, state.reminders), (Stage::Statements, 1), "unanswered statements: the reminder");
}

#[test]
fn nothing_is_taken_over_without_a_start_or_from_a_reader_who_started_before() {
    let fresh = AssessmentState::new(assessment());
    assert_eq!(fresh.clone().take_over(&early(false, &[("urgent", "2")], false), 9), fresh);
    let started = Rc::unwrap_or_clone(Rc::new(fresh).reduce(AssessmentAction::Start { now: 1 }));
    assert_eq!(started.clone().take_over(&early(true, &[("urgent", "2")], true), 9), started);
}

#[test]
fn a_state_just_loaded_is_not_written_back_but_what_came_before_the_wasm_is() {
    let vault = Vault::new(Rc::new(MemoryStore::default()), "default", "assessment");
    let loaded = AssessmentState::load(assessment(), &vault, 1);
    assert!(loaded.already_stored, "a new tab writes nothing, so it cannot undo another tab's write");
    assert!(!loaded.take_over(&early(true, &[], false), 2).already_stored);
}
