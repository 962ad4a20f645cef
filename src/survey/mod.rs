//! The survey flow: its state, the actions a visitor takes, and how each changes the state.
//! What every flow shares (storage, tabs, history, notices) is in `flow`.
//!
//! Pure: time comes in with the actions that need it.

mod records;
pub mod screens;

use crate::content::{survey, Question, Survey};
use crate::delivery::{Delivery, Payload};
use crate::flow::{Flow, State};
pub use records::{Answer, Answers, History, Progress, Response, Step, PROGRESS, RESPONSES};

#[derive(Clone, Debug, PartialEq)]
pub struct SurveyState {
    pub survey: &'static Survey,
    pub answers: Answers,
    /// The visitor came from the review screen to change one answer and returns there next.
    pub editing_from_review: bool,
    /// The last comment typed was longer than the limit and was cut.
    pub clamped: bool,
}

type Common = crate::flow::Common<SurveyState>;

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
    /// Keep the answers; send them too when `delivery` says where.
    Submit {
        now: u64,
        delivery: Option<Delivery>,
    },
}

impl Flow for SurveyState {
    const NAME: &'static str = "survey";
    const RECORDS: (&'static str, &'static str) = (PROGRESS, RESPONSES);
    type Step = Step;
    type Action = SurveyAction;
    type Progress = Progress;
    type History = History;
    type Entry = Response;

    fn new() -> Self {
        SurveyState { survey: survey(), answers: Default::default(), editing_from_review: false, clamped: false }
    }

    fn restore(&mut self, common: &mut Common, progress: Progress) {
        for mut answer in progress.answers.0 {
            let Some(question) = self.survey.questions.iter().find(|q| q.id == answer.question) else { continue };
            answer.choices.retain(|choice| question.options.iter().any(|o| o.id == choice));
            answer.choices.truncate(if question.multiple { question.options.len() } else { 1 });
            answer.comment = clamp(&answer.comment, question.comment_max).0;
            self.answers.remove(question.id);
            self.answers.0.push(answer);
        }
        let last = self.survey.questions.len() - 1;
        common.step = match progress.step {
            Step::Question(index) => Step::Question(index.min(last)),
            Step::Thanks => Step::Intro,
            step => step,
        };
        common.started = Some(progress.started);
        self.editing_from_review = progress.editing_from_review == Some(true) && common.step != Step::Intro;
    }

    fn progress(&self, common: &Common, started: u64) -> Progress {
        Progress {
            content: self.survey.id.to_string(),
            step: common.step,
            answers: self.answers.clone(),
            started,
            editing_from_review: Some(self.editing_from_review),
        }
    }

    fn entries(history: History) -> Vec<Response> {
        history.responses
    }

    fn history_record(responses: Vec<Response>) -> History {
        History { responses }
    }

    fn act(&mut self, common: &mut Common, action: SurveyAction) {
        match action {
            SurveyAction::Start { now } => {
                if common.step == Step::Thanks {
                    self.answers = Default::default();
                }
                common.started.get_or_insert(now);
                self.editing_from_review = false;
                self.go(common, Step::Question(0));
            }
            SurveyAction::Choose(option) => self.choose(common, option),
            SurveyAction::Comment(text) => self.comment(common, text),
            SurveyAction::Next => self.next(common),
            SurveyAction::Back => self.back(common),
            SurveyAction::Edit(index) if common.step == Step::Review && index < self.survey.questions.len() => {
                self.editing_from_review = true;
                self.go(common, Step::Question(index));
            }
            SurveyAction::Edit(_) => {}
            SurveyAction::Submit { now, delivery } => self.submit(common, now, delivery),
        }
    }

    fn start(now: u64) -> SurveyAction {
        SurveyAction::Start { now }
    }

    /// The first question's fields, named `<question>-choice` and `<question>-comment`.
    fn early_field(&self, name: &str, value: &str) -> Option<SurveyAction> {
        match name.rsplit_once('-') {
            Some((_, "choice")) => Some(SurveyAction::Choose(value.to_string())),
            Some((_, "comment")) => Some(SurveyAction::Comment(value.to_string())),
            _ => None,
        }
    }

    fn go_on(_: u64) -> SurveyAction {
        SurveyAction::Next
    }

    fn payload(&self, response: &Response, delivery: &Delivery) -> String {
        Payload::new(delivery, Self::NAME, &response.content, response.submitted, &response.answers).json()
    }
}

impl State<SurveyState> {
    /// The question the visitor is on, with its index.
    pub fn question(&self) -> Option<(usize, &'static Question)> {
        self.flow.question(self.common.step)
    }
}

impl SurveyState {
    fn question(&self, step: Step) -> Option<(usize, &'static Question)> {
        match step {
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

    fn go(&mut self, common: &mut Common, step: Step) {
        self.clamped = false;
        common.go(step);
    }

    fn next(&mut self, common: &mut Common) {
        match common.step {
            Step::Intro => self.go(common, Step::Question(0)),
            Step::Question(index) => {
                if !self.is_answered(&self.survey.questions[index]) {
                    common.reminders += 1;
                } else if self.editing_from_review || index + 1 == self.survey.questions.len() {
                    self.editing_from_review = false;
                    self.go(common, Step::Review);
                } else {
                    self.go(common, Step::Question(index + 1));
                }
            }
            Step::Review | Step::Thanks => {}
        }
    }

    fn back(&mut self, common: &mut Common) {
        let last = self.survey.questions.len() - 1;
        match common.step {
            Step::Question(_) if self.editing_from_review => {
                self.editing_from_review = false;
                self.go(common, Step::Review);
            }
            Step::Question(0) => self.go(common, Step::Intro),
            Step::Question(index) => self.go(common, Step::Question(index - 1)),
            Step::Review => self.go(common, Step::Question(last)),
            Step::Intro | Step::Thanks => {}
        }
    }

    fn choose(&mut self, common: &mut Common, option: String) {
        let Some((_, question)) = self.question(common.step) else { return };
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
            common.reminders = 0;
        }
    }

    fn comment(&mut self, common: &Common, text: String) {
        let Some((_, question)) = self.question(common.step) else { return };
        let (comment, clamped) = clamp(&text, question.comment_max);
        self.answers.entry(question.id).comment = comment;
        self.clamped = clamped;
    }

    fn submit(&mut self, common: &mut Common, now: u64, delivery: Option<Delivery>) {
        if common.step != Step::Review {
            return;
        }
        if let Some(index) = self.first_unanswered() {
            self.editing_from_review = true;
            self.go(common, Step::Question(index));
            common.reminders = 1;
            return;
        }
        common.finish(Response {
            submitted: now,
            content: self.survey.id.to_string(),
            answers: std::mem::take(&mut self.answers),
            delivery,
        });
        common.started = None;
        self.go(common, Step::Thanks);
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
