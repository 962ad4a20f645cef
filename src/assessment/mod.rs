//! The self-assessment "Is interim right for us?": its state, the actions a reader takes, and
//! how each changes the state. Pure, like the survey's; scoring lives in `scoring`, share
//! links in `share`, and what every flow shares in `flow`.

mod records;
pub mod scoring;
pub mod screens;
pub mod share;

use crate::content::{assessment, Assessment};
use crate::delivery::{Delivery, Fits, Payload};
use crate::flow::Flow;
pub use records::{Completed, Given, History, Progress, Step, COMPLETED, PROGRESS};
use scoring::{score, Route, Score};

#[derive(Clone, Debug, PartialEq)]
pub struct AssessmentState {
    pub assessment: &'static Assessment,
    /// The answer to each statement, in the content's order; `None` until answered.
    pub values: Vec<Option<i32>>,
}

type Common = crate::flow::Common<AssessmentState>;

pub enum AssessmentAction {
    Start {
        now: u64,
    },
    Answer {
        statement: usize,
        value: i32,
    },
    SeeResult {
        now: u64,
    },
    ChangeAnswers,
    /// Clear the answers and begin again.
    Retake {
        now: u64,
    },
    /// Send the assessment completed at this time to the author.
    Send {
        completed: u64,
        delivery: Delivery,
    },
}

impl Flow for AssessmentState {
    const NAME: &'static str = "assessment";
    const RECORDS: (&'static str, &'static str) = (PROGRESS, COMPLETED);
    type Step = Step;
    type Action = AssessmentAction;
    type Progress = Progress;
    type History = History;
    type Entry = Completed;

    fn new() -> Self {
        let assessment = assessment();
        AssessmentState { assessment, values: vec![None; assessment.statements.len()] }
    }

    fn restore(&mut self, common: &mut Common, progress: Progress) {
        self.values = self.values_of(&progress.answers);
        common.started = Some(progress.started);
        common.step = match progress.step {
            Step::Result if !self.is_complete() => Step::Statements,
            step => step,
        };
    }

    fn progress(&self, common: &Common, started: u64) -> Progress {
        Progress { content: self.assessment.id.to_string(), step: common.step, answers: self.given(), started }
    }

    fn entries(history: History) -> Vec<Completed> {
        history.assessments
    }

    fn history_record(assessments: Vec<Completed>) -> History {
        History { assessments }
    }

    fn act(&mut self, common: &mut Common, action: AssessmentAction) {
        match action {
            AssessmentAction::Start { now } => {
                common.started.get_or_insert(now);
                common.go(Step::Statements);
            }
            AssessmentAction::Answer { statement, value } => {
                if common.step == Step::Statements && self.on_scale(value) && statement < self.values.len() {
                    self.values[statement] = Some(value);
                }
            }
            AssessmentAction::SeeResult { now } if common.step == Step::Statements => {
                if self.is_complete() {
                    let content = self.assessment.id.to_string();
                    common.finish(Completed { completed: now, content, answers: self.given(), delivery: None });
                    common.go(Step::Result);
                } else {
                    common.reminders += 1;
                }
            }
            AssessmentAction::SeeResult { .. } => {}
            AssessmentAction::ChangeAnswers => common.go(Step::Statements),
            AssessmentAction::Send { completed, delivery } => {
                let entry = common.history.iter_mut().find(|entry| entry.completed == completed);
                if let Some(entry) = entry.filter(|entry| entry.delivery.is_none()) {
                    entry.delivery = Some(delivery);
                }
            }
            AssessmentAction::Retake { now } => {
                self.values = vec![None; self.values.len()];
                common.started = Some(now);
                common.go(Step::Statements);
            }
        }
    }

    fn start(now: u64) -> AssessmentAction {
        AssessmentAction::Start { now }
    }

    /// A statement's radio buttons, named by the statement's id.
    fn early_field(&self, name: &str, value: &str) -> Option<AssessmentAction> {
        let statement = self.assessment.statements.iter().position(|s| s.id == name)?;
        Some(AssessmentAction::Answer { statement, value: value.parse().ok()? })
    }

    fn go_on(now: u64) -> AssessmentAction {
        AssessmentAction::SeeResult { now }
    }

    /// The statements' answers, the fit of each option and the best fit.
    fn payload(&self, completed: &Completed, delivery: &Delivery) -> String {
        let score = self.score_of(completed);
        let id = |route: Route| self.assessment.outcomes[route.index()].id;
        let mut payload =
            Payload::new(delivery, Self::NAME, &completed.content, completed.completed, &completed.answers);
        let fit = |route| score.fit(route);
        payload.fits =
            Some(Fits { interim: fit(Route::Interim), internal: fit(Route::Internal), external: fit(Route::External) });
        payload.best_fit = Some(id(score.best()));
        payload.json()
    }
}

impl AssessmentState {
    fn on_scale(&self, value: i32) -> bool {
        self.assessment.scale.iter().any(|point| point.value == value)
    }

    /// Stored answers by statement, keeping only statements and values that still exist.
    pub fn values_of(&self, answers: &[Given]) -> Vec<Option<i32>> {
        self.assessment
            .statements
            .iter()
            .map(|statement| {
                let given = answers.iter().find(|g| g.statement == statement.id);
                given.map(|g| g.value).filter(|&v| self.on_scale(v))
            })
            .collect()
    }

    fn given(&self) -> Vec<Given> {
        self.assessment
            .statements
            .iter()
            .zip(&self.values)
            .filter_map(|(statement, value)| value.map(|value| Given { statement: statement.id.to_string(), value }))
            .collect()
    }

    pub fn answered(&self) -> usize {
        self.values.iter().flatten().count()
    }

    pub fn is_complete(&self) -> bool {
        self.answered() == self.values.len()
    }

    /// The current answers, "don't know" and unanswered counting as 0.
    pub fn plain_values(&self) -> Vec<i32> {
        self.values.iter().map(|v| v.unwrap_or(0)).collect()
    }

    /// The score of the current answers.
    pub fn score(&self) -> Score {
        score(self.assessment, &self.plain_values())
    }

    /// The score of a completed assessment.
    pub fn score_of(&self, completed: &Completed) -> Score {
        let values: Vec<i32> = self.values_of(&completed.answers).into_iter().map(|v| v.unwrap_or(0)).collect();
        score(self.assessment, &values)
    }
}

#[cfg(test)]
mod tests;
