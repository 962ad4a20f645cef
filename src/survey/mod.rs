//! The survey flow: its state, the actions a visitor takes, and how each changes the state.
//!
//! Pure: time comes in with the actions that need it, storage is read by [`SurveyState::load`]
//! and written by the component from [`SurveyState::progress`] and `responses`.

pub mod screens;
mod stored;

use crate::content::{Question, Survey};
use crate::prerender::{replay, Early};
use crate::storage::{Notice, Vault};
use miniserde::{Deserialize, Serialize};
use std::rc::Rc;
use yew::Reducible;

/// Storage names of the survey's two records.
pub const PROGRESS: &str = "progress";
pub const RESPONSES: &str = "responses";

/// One question's answer: the chosen option ids and the optional comment.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Answer {
    /// The question's id.
    pub question: String,
    pub choices: Vec<String>,
    pub comment: String,
}

/// The answers of one round, at most one per question. A list rather than a map: there are
/// only a few, and a map's code would cost the wasm more than the lookups save.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Answers(Vec<Answer>);

impl Answers {
    pub fn get(&self, question: &str) -> Option<&Answer> {
        self.0.iter().find(|answer| answer.question == question)
    }

    /// The answer to `question`, created empty when there is none yet.
    fn entry(&mut self, question: &str) -> &mut Answer {
        match self.0.iter().position(|answer| answer.question == question) {
            Some(at) => &mut self.0[at],
            None => {
                self.0.push(Answer { question: question.to_string(), ..Default::default() });
                self.0.last_mut().expect("just pushed")
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn remove(&mut self, question: &str) {
        self.0.retain(|answer| answer.question != question);
    }
}

impl std::ops::Index<&str> for Answers {
    type Output = Answer;
    fn index(&self, question: &str) -> &Answer {
        self.get(question).expect("no answer to that question")
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Intro,
    /// The question at this index of the survey.
    Question(usize),
    Review,
    Thanks,
}

/// A finished survey, kept so the visitor can see (and delete) what they sent.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Response {
    /// Milliseconds since 1970; also tells responses apart.
    pub submitted: u64,
    pub content: String,
    pub answers: Answers,
}

/// The stored record of a survey in progress.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    pub content: String,
    pub step: Step,
    pub answers: Answers,
    pub started: u64,
    /// Absent from records of early builds, which means no.
    pub editing_from_review: Option<bool>,
}

/// The stored list of submitted responses.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct History {
    pub responses: Vec<Response>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SurveyState {
    pub survey: &'static Survey,
    pub step: Step,
    pub answers: Answers,
    /// When the current round of answers began; `None` before the visitor starts.
    pub started: Option<u64>,
    /// The visitor came from the review screen to change one answer and returns there next.
    pub editing_from_review: bool,
    /// How often Next was pressed without a required choice; above 0 shows the reminder.
    pub reminders: u32,
    /// The last comment typed was longer than the limit and was cut.
    pub clamped: bool,
    /// The step changed through the visitor's action, so it is announced and focused.
    pub moved: bool,
    pub responses: Vec<Response>,
    pub notice: Option<Notice>,
    /// Just read from storage (on load, or after another tab wrote): writing it back could
    /// overwrite a newer change another tab has made meanwhile, or one still on its way here.
    pub already_stored: bool,
}

pub enum SurveyAction {
    /// Begin (or, from the thank-you screen, begin again) at the first question.
    Start {
        now: u64,
    },
    /// Pick an option of the current question; on a multiple-choice question, toggle it.
    Choose(String),
    Comment(String),
    Next,
    Back,
    /// From the review screen, change the answer to the question at this index.
    Edit(usize),
    Submit {
        now: u64,
    },
    /// Delete the response submitted at this time.
    DeleteResponse(u64),
    /// Everything stored was deleted: start from nothing.
    DeletedAll,
    /// Storage refused a read or write.
    StorageFailed(Notice),
    /// Another tab stored the flow: this is what storage now holds.
    Synced(Box<SurveyState>),
}

impl SurveyState {
    pub fn new(survey: &'static Survey) -> Self {
        SurveyState {
            survey,
            step: Step::Intro,
            answers: Default::default(),
            started: None,
            editing_from_review: false,
            reminders: 0,
            clamped: false,
            moved: false,
            responses: Vec::new(),
            notice: None,
            already_stored: false,
        }
    }

    /// The state the visitor left, read from storage. Unreadable records have been set aside
    /// by the vault; the first problem met becomes the notice.
    pub fn load(survey: &'static Survey, vault: &Vault, now: u64) -> Self {
        let (progress, history, notice) = vault.load_flow::<Progress, History>((PROGRESS, RESPONSES), now);
        let mut state = SurveyState::new(survey);
        state.notice = notice;
        state.responses = history.responses;
        if let Some(progress) = progress {
            state.restore(progress);
        }
        state.already_stored = true;
        state
    }

    /// Carries on from what a new visitor did in the page's prerendered screens before the
    /// wasm arrived. A visitor who has started before never saw them.
    pub fn take_over(self, early: &Early, now: u64) -> Self {
        if !early.started || self.started.is_some() {
            return self;
        }
        let mut actions = vec![SurveyAction::Start { now }];
        for field in &early.fields {
            match field.name.rsplit_once('-') {
                Some((_, "choice")) => actions.push(SurveyAction::Choose(field.value.clone())),
                Some((_, "comment")) => actions.push(SurveyAction::Comment(field.value.clone())),
                _ => {}
            }
        }
        if early.submitted {
            actions.push(SurveyAction::Next);
        }
        // Focus stays where the visitor has it, unless they asked for the next step.
        SurveyState { moved: early.submitted, ..replay(self, actions) }
    }

    /// Takes back a stored round of answers, keeping only what still matches the questions
    /// (the content may have changed since it was saved).
    fn restore(&mut self, progress: Progress) {
        for mut answer in progress.answers.0 {
            let Some(question) = self.survey.questions.iter().find(|q| q.id == answer.question) else { continue };
            answer.choices.retain(|choice| question.options.iter().any(|o| o.id == choice));
            answer.choices.truncate(if question.multiple { question.options.len() } else { 1 });
            answer.comment = clamp(&answer.comment, question.comment_max).0;
            self.answers.remove(question.id);
            self.answers.0.push(answer);
        }
        let last = self.survey.questions.len() - 1;
        self.step = match progress.step {
            Step::Question(index) => Step::Question(index.min(last)),
            Step::Thanks => Step::Intro,
            step => step,
        };
        self.started = Some(progress.started);
        self.editing_from_review = progress.editing_from_review == Some(true) && self.step != Step::Intro;
    }

    /// The record to store for the round in progress; `None` when there is nothing to keep.
    pub fn progress(&self) -> Option<Progress> {
        let started = self.started?;
        Some(Progress {
            content: self.survey.id.to_string(),
            step: self.step,
            answers: self.answers.clone(),
            started,
            editing_from_review: Some(self.editing_from_review),
        })
    }

    pub fn history(&self) -> Option<History> {
        (!self.responses.is_empty()).then(|| History { responses: self.responses.clone() })
    }

    pub fn question(&self) -> Option<(usize, &'static Question)> {
        match self.step {
            Step::Question(index) => Some((index, &self.survey.questions[index])),
            _ => None,
        }
    }

    pub fn answer(&self, question: &Question) -> Option<&Answer> {
        self.answers.get(question.id)
    }

    fn is_answered(&self, question: &Question) -> bool {
        !question.required || self.answer(question).is_some_and(|a| !a.choices.is_empty())
    }

    fn first_unanswered(&self) -> Option<usize> {
        self.survey.questions.iter().position(|q| !self.is_answered(q))
    }

    fn go(&mut self, step: Step) {
        self.step = step;
        self.reminders = 0;
        self.clamped = false;
        self.moved = true;
    }

    fn next(&mut self) {
        match self.step {
            Step::Intro => self.go(Step::Question(0)),
            Step::Question(index) => {
                if !self.is_answered(&self.survey.questions[index]) {
                    self.reminders += 1;
                } else if self.editing_from_review || index + 1 == self.survey.questions.len() {
                    self.editing_from_review = false;
                    self.go(Step::Review);
                } else {
                    self.go(Step::Question(index + 1));
                }
            }
            Step::Review | Step::Thanks => {}
        }
    }

    fn back(&mut self) {
        let last = self.survey.questions.len() - 1;
        match self.step {
            Step::Question(_) if self.editing_from_review => {
                self.editing_from_review = false;
                self.go(Step::Review);
            }
            Step::Question(0) => self.go(Step::Intro),
            Step::Question(index) => self.go(Step::Question(index - 1)),
            Step::Review => self.go(Step::Question(last)),
            Step::Intro | Step::Thanks => {}
        }
    }

    fn choose(&mut self, option: String) {
        let Some((_, question)) = self.question() else { return };
        if !question.options.iter().any(|o| o.id == option) {
            return;
        }
        let choices = &mut self.answers.entry(question.id).choices;
        if !question.multiple {
            *choices = vec![option];
        } else if let Some(at) = choices.iter().position(|c| *c == option) {
            choices.remove(at);
        } else {
            choices.push(option);
        }
        if self.is_answered(question) {
            self.reminders = 0;
        }
    }

    fn comment(&mut self, text: String) {
        let Some((_, question)) = self.question() else { return };
        let (comment, clamped) = clamp(&text, question.comment_max);
        self.answers.entry(question.id).comment = comment;
        self.clamped = clamped;
    }

    fn submit(&mut self, now: u64) {
        if self.step != Step::Review {
            return;
        }
        if let Some(index) = self.first_unanswered() {
            self.editing_from_review = true;
            self.go(Step::Question(index));
            self.reminders = 1;
            return;
        }
        self.responses.push(Response {
            submitted: now,
            content: self.survey.id.to_string(),
            answers: std::mem::take(&mut self.answers),
        });
        self.started = None;
        self.go(Step::Thanks);
    }
}

impl Reducible for SurveyState {
    type Action = SurveyAction;

    fn reduce(self: Rc<Self>, action: SurveyAction) -> Rc<Self> {
        let mut state = SurveyState { already_stored: false, ..(*self).clone() };
        match action {
            SurveyAction::Synced(stored) => {
                return Rc::new(SurveyState { notice: stored.notice.or(state.notice), already_stored: true, ..*stored })
            }
            SurveyAction::Start { now } => {
                if state.step == Step::Thanks {
                    state.answers = Default::default();
                }
                state.started.get_or_insert(now);
                state.editing_from_review = false;
                state.go(Step::Question(0));
            }
            SurveyAction::Choose(option) => state.choose(option),
            SurveyAction::Comment(text) => state.comment(text),
            SurveyAction::Next => state.next(),
            SurveyAction::Back => state.back(),
            SurveyAction::Edit(index) if state.step == Step::Review && index < state.survey.questions.len() => {
                state.editing_from_review = true;
                state.go(Step::Question(index));
            }
            SurveyAction::Edit(_) => {}
            SurveyAction::Submit { now } => state.submit(now),
            SurveyAction::DeleteResponse(submitted) => state.responses.retain(|r| r.submitted != submitted),
            SurveyAction::DeletedAll => {
                state = SurveyState::new(state.survey);
                state.notice = Some(Notice::Deleted);
            }
            SurveyAction::StorageFailed(notice) => state.notice = Some(notice),
        }
        if state == *self {
            self
        } else {
            Rc::new(state)
        }
    }
}

/// Cuts a comment to at most `max` characters; tells whether it had to.
fn clamp(text: &str, max: usize) -> (String, bool) {
    match text.char_indices().nth(max) {
        Some((at, _)) => (text[..at].to_string(), true),
        None => (text.to_string(), false),
    }
}

#[cfg(test)]
mod tests;
