use super::*;
use crate::content::assessment;
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
