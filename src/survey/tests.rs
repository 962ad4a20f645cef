use super::*;
use crate::early::{Early, Field};
use crate::flow::{Action, On, State};
use crate::storage::{KeyValue, MemoryStore, Notice, Vault};
use std::rc::Rc;
use yew::Reducible;

type Survey = State<SurveyState>;

fn fresh() -> Rc<Survey> {
    Rc::new(Survey::new())
}

fn act(state: Rc<Survey>, actions: Vec<SurveyAction>) -> Rc<Survey> {
    actions.into_iter().fold(state, |state, action| state.on(action))
}

/// Answers every question with its first option, ending on the review screen.
fn answered() -> Rc<Survey> {
    let mut state = fresh().on(SurveyAction::Start { now: 1_000 });
    for question in survey().questions {
        state = act(state, vec![SurveyAction::Choose(question.options[0].id.to_string()), SurveyAction::Next]);
    }
    state
}

#[test]
fn starting_opens_the_first_question_and_notes_the_time() {
    let state = fresh().on(SurveyAction::Start { now: 5 });
    assert_eq!(state.common.step, Step::Question(0));
    assert_eq!(state.common.started, Some(5));
    assert!(state.common.moved);
}

#[test]
fn next_without_a_required_choice_stays_and_reminds() {
    let state = act(fresh(), vec![SurveyAction::Start { now: 1 }, SurveyAction::Next, SurveyAction::Next]);
    assert_eq!(state.common.step, Step::Question(0));
    assert_eq!(state.common.reminders, 2);
    let state = state.on(SurveyAction::Choose("external".into()));
    assert_eq!(state.common.reminders, 0, "choosing clears the reminder");
    assert_eq!(state.on(SurveyAction::Next).common.step, Step::Question(1));
}

#[test]
fn a_single_choice_replaces_and_a_multiple_choice_toggles() {
    let state = act(
        fresh(),
        vec![
            SurveyAction::Start { now: 1 },
            SurveyAction::Choose("internal".into()),
            SurveyAction::Choose("mix".into()),
        ],
    );
    assert_eq!(state.flow.answers["source"].choices, vec!["mix"]);
    let mut state = state;
    for _ in 0..3 {
        state = state.on(SurveyAction::Next);
        let id = state.question().unwrap().1.options[0].id.to_string();
        state = state.on(SurveyAction::Choose(id));
    }
    assert_eq!(state.question().unwrap().1.id, "alliance-kinds");
    let state = act(
        state,
        vec![
            SurveyAction::Choose("distribution".into()),
            SurveyAction::Choose("development".into()),
            SurveyAction::Choose("other".into()),
        ],
    );
    assert_eq!(state.flow.answers["alliance-kinds"].choices, vec!["distribution", "other"]);
}

#[test]
fn options_that_do_not_exist_are_ignored() {
    let state = act(fresh(), vec![SurveyAction::Start { now: 1 }, SurveyAction::Choose("<script>".into())]);
    assert!(state.flow.answers.get("source").is_none());
}

#[test]
fn back_walks_to_the_previous_question_then_the_intro() {
    let state = act(
        fresh(),
        vec![
            SurveyAction::Start { now: 1 },
            SurveyAction::Choose("internal".into()),
            SurveyAction::Next,
            SurveyAction::Back,
        ],
    );
    assert_eq!(state.common.step, Step::Question(0));
    assert_eq!(state.flow.answers["source"].choices, vec!["internal"], "going back keeps answers");
    assert_eq!(state.on(SurveyAction::Back).common.step, Step::Intro);
}

#[test]
fn comments_are_kept_and_clamped_to_the_limit() {
    let max = survey().questions[0].comment_max;
    let state = act(fresh(), vec![SurveyAction::Start { now: 1 }, SurveyAction::Comment("Half-typ".into())]);
    assert_eq!(state.flow.answers["source"].comment, "Half-typ");
    assert!(!state.flow.clamped);
    let state = state.on(SurveyAction::Comment("é".repeat(max + 500)));
    assert_eq!(state.flow.answers["source"].comment.chars().count(), max);
    assert!(state.flow.clamped);
}

#[test]
fn the_last_question_leads_to_review_and_edit_returns_there() {
    let state = answered();
    assert_eq!(state.common.step, Step::Review);
    let state = state.on(SurveyAction::Edit(1));
    assert_eq!(state.common.step, Step::Question(1));
    let state = act(state, vec![SurveyAction::Choose("interim".into()), SurveyAction::Next]);
    assert_eq!(state.common.step, Step::Review);
    assert_eq!(state.flow.answers["works-best"].choices, vec!["interim"]);
    assert_eq!(state.on(SurveyAction::Edit(2)).on(SurveyAction::Back).common.step, Step::Review);
}

#[test]
fn submitting_keeps_the_response_and_clears_the_round() {
    let state = answered().on(SurveyAction::Submit { now: 9_000, delivery: None });
    assert_eq!(state.common.step, Step::Thanks);
    assert_eq!(state.common.history.len(), 1);
    assert_eq!(state.common.history[0].submitted, 9_000);
    assert_eq!(state.common.history[0].answers.len(), 4);
    assert!(state.flow.answers.is_empty());
    assert_eq!(state.records().0, None, "nothing left in progress to store");
    let twice = state.clone().on(SurveyAction::Submit { now: 9_001, delivery: None });
    assert_eq!(
        (&twice.flow, &twice.common.history),
        (&state.flow, &state.common.history),
        "a second click changes nothing"
    );
}

#[test]
fn submitting_with_a_gap_goes_to_the_missing_question() {
    let mut state = (*answered()).clone();
    state.flow.answers.remove("interim-fit");
    let state = Rc::new(state).on(SurveyAction::Submit { now: 2, delivery: None });
    assert_eq!(state.common.step, Step::Question(2));
    assert_eq!(state.common.reminders, 1);
    assert!(state.common.history.is_empty());
}

#[test]
fn start_again_after_thanks_begins_a_new_round_and_keeps_history() {
    let state = answered().on(SurveyAction::Submit { now: 3, delivery: None }).on(SurveyAction::Start { now: 4 });
    assert_eq!(state.common.step, Step::Question(0));
    assert_eq!(state.common.started, Some(4));
    assert!(state.flow.answers.is_empty());
    assert_eq!(state.common.history.len(), 1);
}

#[test]
fn responses_are_deleted_one_by_one_or_all_at_once() {
    let state = answered().on(SurveyAction::Submit { now: 3, delivery: None });
    let state = act(state, vec![SurveyAction::Start { now: 4 }]);
    let mut state = (*state).clone();
    state.common.history.push(Response {
        submitted: 8,
        content: "x".into(),
        answers: Default::default(),
        delivery: None,
    });
    let state = Rc::new(state).reduce(Action::Forget(3));
    assert_eq!(state.common.history.iter().map(|r| r.submitted).collect::<Vec<_>>(), vec![8]);
    let state = state.reduce(Action::DeletedAll);
    assert_eq!(
        (state.common.step, state.common.history.len(), state.common.notice),
        (Step::Intro, 0, Some(Notice::Deleted))
    );
}

#[test]
fn progress_round_trips_through_storage_at_the_same_step() {
    let store = Rc::new(MemoryStore::default());
    let vault = Vault::new(store.clone(), "default", "survey");
    let state = act(
        fresh(),
        vec![
            SurveyAction::Start { now: 10 },
            SurveyAction::Choose("interim".into()),
            SurveyAction::Next,
            SurveyAction::Comment("We tried once and".into()),
        ],
    );
    vault.save(PROGRESS, state.records().0.as_ref(), 11).unwrap();
    let restored = Survey::load(&vault, 12);
    assert_eq!(restored.common.step, Step::Question(1));
    assert_eq!(restored.flow.answers, state.flow.answers);
    assert_eq!(restored.common.started, Some(10));
    assert!(!restored.common.moved, "a restored step is not announced as a change");
    assert_eq!(restored.common.notice, None);
}

#[test]
fn stale_answers_from_other_content_are_dropped_on_restore() {
    let raw = r#"{"format":1,"updated":2,"record":{"content":"old","step":{"question":99},"started":1,
        "answers":[{"question":"gone","choices":["a"]},{"question":"source","choices":["removed","internal","mix"],"comment":"kept"}]}}"#;
    let store = Rc::new(MemoryStore::with(&[("alliance-widget:default:survey:progress", raw)]));
    let state = Survey::load(&Vault::new(store, "default", "survey"), 3);
    assert_eq!(state.common.step, Step::Question(3), "a step past the end lands on the last question");
    assert_eq!(state.flow.answers.len(), 1);
    let kept = Answer { question: "source".into(), choices: vec!["internal".into()], comment: "kept".into() };
    assert_eq!(state.flow.answers["source"], kept);
}

#[test]
fn corrupt_progress_starts_clean_with_a_notice_and_keeps_the_history() {
    let history = r#"{"format":1,"updated":2,"record":{"responses":[{"submitted":5,"content":"c","answers":[]}]}}"#;
    let store = Rc::new(MemoryStore::with(&[
        ("alliance-widget:default:survey:progress", "{\"format\":1,\"step\":"),
        ("alliance-widget:default:survey:responses", history),
    ]));
    let state = Survey::load(&Vault::new(store.clone(), "default", "survey"), 77);
    assert_eq!(state.common.step, Step::Intro);
    assert_eq!(state.common.notice, Some(Notice::Unreadable));
    assert_eq!(state.common.history.len(), 1);
    assert!(store.get("alliance-widget:default:survey:progress:backup:77").unwrap().is_some());
}

#[test]
fn records_written_by_earlier_builds_read_back() {
    // As the first builds wrote them: an empty comment left out, no editing flag.
    let raw = r#"{"format":1,"updated":2,"record":{"content":"c","step":{"question":1},"started":1,
        "answers":[{"question":"interim-fit","choices":["yes"]},{"question":"source","choices":[],"comment":"Ask"}]}}"#;
    let store = Rc::new(MemoryStore::with(&[("alliance-widget:default:survey:progress", raw)]));
    let loaded = Vault::new(store, "default", "survey").load::<Progress>(PROGRESS, 3);
    let progress = loaded.record.expect("readable");
    assert_eq!(progress.step, Step::Question(1));
    assert_eq!(progress.editing_from_review, None);
    assert_eq!(progress.answers["interim-fit"].comment, "");
    assert_eq!(progress.answers["source"].comment, "Ask");
}

#[test]
fn every_step_and_answer_reads_back_as_saved() {
    let store = Rc::new(MemoryStore::default());
    let vault = Vault::new(store.clone(), "default", "survey");
    let state = act(answered(), vec![SurveyAction::Edit(0), SurveyAction::Comment("Ask \"them\" <b>".into())]);
    for step in [Step::Intro, Step::Question(2), Step::Review, Step::Thanks] {
        let progress = Progress { step, ..state.records().0.unwrap() };
        vault.save(PROGRESS, Some(&progress), 2).unwrap();
        assert_eq!(vault.load::<Progress>(PROGRESS, 3).record, Some(progress));
    }
    let raw = store.get("alliance-widget:default:survey:progress").unwrap().unwrap();
    assert!(raw.contains(r#""step":"thanks""#), "{raw}");
}

#[test]
fn a_state_synced_from_another_tab_replaces_this_one_but_keeps_its_notice() {
    let store = Rc::new(MemoryStore::default());
    let vault = Vault::new(store, "default", "survey");
    let other_tab = act(answered(), vec![SurveyAction::Back]);
    vault.save(PROGRESS, other_tab.records().0.as_ref(), 5).unwrap();
    let here = fresh().reduce(Action::StorageFailed(Notice::Full));
    let synced = here.reduce(Action::Synced(Box::new(Survey::load(&vault, 6))));
    assert_eq!(synced.common.step, Step::Question(3));
    assert_eq!(synced.flow.answers, other_tab.flow.answers);
    assert_eq!(synced.common.notice, Some(Notice::Full));
    assert!(!synced.common.moved, "a step taken in another tab is not announced here");
    assert!(synced.common.already_stored, "nothing to write back");
    assert!(!synced.on(SurveyAction::Back).common.already_stored, "a change made here is written");
}

#[test]
fn a_choice_a_comment_and_next_given_before_the_wasm_arrived_are_taken_over() {
    let [first, ..] = survey().questions else { panic!("the survey has questions") };
    let field = |name: String, value: &str| Field { name, value: value.to_string() };
    let long = "x".repeat(first.comment_max + 10);
    let fields = vec![
        field(format!("{}-choice", first.id), first.options[1].id),
        field(format!("{}-comment", first.id), &long),
        field("other-thing".into(), "ignored"),
    ];
    let early = Early { started: true, fields: fields.clone(), submitted: false };
    let state = Survey::new().take_over(&early, 7);
    assert_eq!((state.common.step, state.common.started, state.common.moved), (Step::Question(0), Some(7), false));
    let answer = state.flow.answer(first).expect("the early answer");
    assert_eq!(answer.choices, vec![first.options[1].id.to_string()]);
    assert_eq!(answer.comment.chars().count(), first.comment_max, "clamped as if typed into the widget");
    assert!(state.flow.clamped, "with the message that says so");

    let state = Survey::new().take_over(&Early { submitted: true, ..early }, 7);
    assert_eq!((state.common.step, state.common.moved), (Step::Question(1), true), "an early Next moves on");
}

#[test]
fn a_visitor_who_started_before_keeps_their_own_place() {
    let started = Rc::unwrap_or_clone(fresh().on(SurveyAction::Start { now: 1 }));
    let early = Early { started: true, fields: Vec::new(), submitted: true };
    assert_eq!(started.clone().take_over(&early, 7), started);
    assert_eq!(Survey::new().take_over(&<Early as Default>::default(), 7), Survey::new());
}

#[test]
fn a_state_just_loaded_is_not_written_back() {
    let vault = Vault::new(Rc::new(MemoryStore::default()), "default", "survey");
    let loaded = Survey::load(&vault, 1);
    assert!(loaded.common.already_stored, "a new tab writes nothing, so it cannot undo another tab's write");
    assert!(!Rc::new(loaded).on(SurveyAction::Start { now: 2 }).common.already_stored);
}

fn sent(state: Rc<Survey>, id: &str, now: u64) -> Rc<Survey> {
    let to = crate::flow::SendTo {
        endpoint: "https://collector.example/r".into(),
        page: "https://columns.example/a".into(),
    };
    state.on(SurveyAction::Submit { now, delivery: Some(to.delivery(id.into(), now)) })
}

#[test]
fn a_sent_response_enters_the_outbox_in_the_same_record_as_the_history() {
    let state = sent(answered(), "id-1", 50);
    let (_, history) = state.records();
    let response = &history.expect("the history is stored").responses[0];
    let delivery = response.delivery.as_ref().expect("in the outbox");
    assert_eq!((delivery.id.as_str(), delivery.is_due(50)), ("id-1", true));
    assert_eq!(delivery.page, "https://columns.example/a");
    let twice = sent(state.clone(), "id-2", 51);
    assert_eq!(twice.common.history, state.common.history, "a double click sends one response");
    assert!(state.common.just_finished && !twice.common.just_finished, "the host page hears of one");
}

#[test]
fn tries_change_the_delivery_and_try_again_puts_a_refused_one_back() {
    use crate::delivery::State as Delivery;
    let state = sent(answered(), "id-1", 50).reduce(Action::Sending("id-1".into()));
    assert_eq!(state.common.sending.as_deref(), Some("id-1"));
    let refused = state.reduce(Action::Tried { id: "id-1".into(), state: Delivery::Refused { status: 400 } });
    assert_eq!(refused.common.sending, None);
    assert_eq!(refused.delivery("id-1").unwrap().state, Delivery::Refused { status: 400 });
    let again = refused.reduce(Action::TryAgain { id: "id-1".into(), now: 60 });
    assert_eq!(again.delivery("id-1").unwrap().state, Delivery::Waiting { attempts: 0, next: 60 });
    let delivered = again.reduce(Action::Tried { id: "id-1".into(), state: Delivery::Delivered { at: 61 } });
    let same = delivered.clone().reduce(Action::TryAgain { id: "id-1".into(), now: 62 });
    assert!(Rc::ptr_eq(&delivered, &same), "a delivered response is never sent again");
}

#[test]
fn deleting_a_response_takes_it_out_of_the_outbox() {
    let state = sent(answered(), "id-1", 50);
    let deleted = state.clone().reduce(Action::Forget(50));
    assert_eq!(deleted.delivery("id-1"), None, "nothing is sent after the visitor deleted it");
    assert_eq!(state.reduce(Action::DeletedAll).records(), (None, None), "delete my data empties the outbox");
}
