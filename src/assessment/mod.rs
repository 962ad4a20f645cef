//! The self-assessment "Is interim right for us?": its state, the actions a reader takes, and
//! how each changes the state. Pure, like the survey's; scoring lives in `scoring`, share
//! links in `share`.

pub mod scoring;
pub mod screens;
pub mod share;

use crate::content::Assessment;
use crate::prerender::{replay, Early};
use crate::storage::{Notice, Vault};
use miniserde::{Deserialize, Serialize};
use scoring::{score, Score};
use std::rc::Rc;
use yew::Reducible;

/// Storage names of the assessment's two records.
pub const PROGRESS: &str = "progress";
pub const COMPLETED: &str = "completed";

/// One statement's answer as stored: its id and the scale value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Given {
    pub statement: String,
    pub value: i32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Stage {
    #[serde(rename = "intro")]
    Intro,
    #[serde(rename = "statements")]
    Statements,
    #[serde(rename = "result")]
    Result,
}

/// The stored record of an assessment in progress.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    pub content: String,
    pub stage: Stage,
    pub answers: Vec<Given>,
    pub started: u64,
}

/// A finished assessment, kept to compare with the next one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Completed {
    /// Milliseconds since 1970; also tells assessments apart.
    pub completed: u64,
    pub content: String,
    pub answers: Vec<Given>,
}

/// The stored list of finished assessments.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct History {
    pub assessments: Vec<Completed>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AssessmentState {
    pub assessment: &'static Assessment,
    pub stage: Stage,
    /// The answer to each statement, in the content's order; `None` until answered.
    pub values: Vec<Option<i32>>,
    pub started: Option<u64>,
    /// How often the result was asked for with statements unanswered.
    pub reminders: u32,
    /// The stage changed through the reader's action, so it is announced and focused.
    pub moved: bool,
    pub history: Vec<Completed>,
    pub notice: Option<Notice>,
    /// Just read from storage (on load, or after another tab wrote): writing it back could
    /// overwrite a newer change another tab has made meanwhile, or one still on its way here.
    pub already_stored: bool,
}

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
    DeleteCompleted(u64),
    DeletedAll,
    StorageFailed(Notice),
    /// Another tab stored the flow: this is what storage now holds.
    Synced(Box<AssessmentState>),
}

impl AssessmentState {
    pub fn new(assessment: &'static Assessment) -> Self {
        AssessmentState {
            assessment,
            stage: Stage::Intro,
            values: vec![None; assessment.statements.len()],
            started: None,
            reminders: 0,
            moved: false,
            history: Vec::new(),
            notice: None,
            already_stored: false,
        }
    }

    /// The state the reader left, read from storage (unreadable records set aside).
    pub fn load(assessment: &'static Assessment, vault: &Vault, now: u64) -> Self {
        let (progress, history, notice) = vault.load_flow::<Progress, History>((PROGRESS, COMPLETED), now);
        let mut state = AssessmentState::new(assessment);
        state.notice = notice;
        state.history = history.assessments;
        if let Some(progress) = progress {
            state.values = state.values_of(&progress.answers);
            state.started = Some(progress.started);
            state.stage = match progress.stage {
                Stage::Result if !state.is_complete() => Stage::Statements,
                stage => stage,
            };
        }
        state.already_stored = true;
        state
    }

    /// Carries on from what a new reader did in the page's prerendered screens before the
    /// wasm arrived. A reader who has started before never saw them.
    pub fn take_over(self, early: &Early, now: u64) -> Self {
        if !early.started || self.started.is_some() {
            return self;
        }
        let mut actions = vec![AssessmentAction::Start { now }];
        for field in &early.fields {
            let statement = self.assessment.statements.iter().position(|s| s.id == field.name);
            if let (Some(statement), Ok(value)) = (statement, field.value.parse()) {
                actions.push(AssessmentAction::Answer { statement, value });
            }
        }
        if early.submitted {
            actions.push(AssessmentAction::SeeResult { now });
        }
        // Focus stays where the reader has it, unless they asked for the next step.
        AssessmentState { moved: early.submitted, ..replay(self, actions) }
    }

    /// Stored answers by statement, keeping only statements and values that still exist.
    pub fn values_of(&self, answers: &[Given]) -> Vec<Option<i32>> {
        let on_scale = |value: i32| self.assessment.scale.iter().any(|point| point.value == value);
        self.assessment
            .statements
            .iter()
            .map(|statement| {
                answers.iter().find(|g| g.statement == statement.id).map(|g| g.value).filter(|&v| on_scale(v))
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

    pub fn progress(&self) -> Option<Progress> {
        let started = self.started?;
        Some(Progress { content: self.assessment.id.to_string(), stage: self.stage, answers: self.given(), started })
    }

    pub fn history_record(&self) -> Option<History> {
        (!self.history.is_empty()).then(|| History { assessments: self.history.clone() })
    }

    pub fn answered(&self) -> usize {
        self.values.iter().flatten().count()
    }

    pub fn is_complete(&self) -> bool {
        self.answered() == self.values.len()
    }

    /// The score of the current answers, "don't know" and unanswered counting as 0.
    pub fn score(&self) -> Score {
        score_values(self.assessment, &self.values.iter().map(|v| v.unwrap_or(0)).collect::<Vec<_>>())
    }

    fn go(&mut self, stage: Stage) {
        self.stage = stage;
        self.reminders = 0;
        self.moved = true;
    }
}

/// Scores plain values against the assessment's statements and scale.
pub fn score_values(assessment: &Assessment, values: &[i32]) -> Score {
    let strongest = assessment.scale.iter().map(|point| point.value).max().unwrap_or(0);
    score(assessment.statements, values, strongest)
}

impl Reducible for AssessmentState {
    type Action = AssessmentAction;

    fn reduce(self: Rc<Self>, action: AssessmentAction) -> Rc<Self> {
        let mut state = AssessmentState { already_stored: false, ..(*self).clone() };
        match action {
            AssessmentAction::Synced(stored) => {
                return Rc::new(AssessmentState {
                    notice: stored.notice.or(state.notice),
                    already_stored: true,
                    ..*stored
                })
            }
            AssessmentAction::Start { now } => {
                state.started.get_or_insert(now);
                state.go(Stage::Statements);
            }
            AssessmentAction::Answer { statement, value } => {
                let on_scale = state.assessment.scale.iter().any(|point| point.value == value);
                if state.stage == Stage::Statements && on_scale && statement < state.values.len() {
                    state.values[statement] = Some(value);
                }
            }
            AssessmentAction::SeeResult { now } if state.stage == Stage::Statements => {
                if state.is_complete() {
                    let completed =
                        Completed { completed: now, content: state.assessment.id.to_string(), answers: state.given() };
                    state.history.push(completed);
                    state.go(Stage::Result);
                } else {
                    state.reminders += 1;
                }
            }
            AssessmentAction::SeeResult { .. } => {}
            AssessmentAction::ChangeAnswers => state.go(Stage::Statements),
            AssessmentAction::Retake { now } => {
                state.values = vec![None; state.values.len()];
                state.started = Some(now);
                state.go(Stage::Statements);
            }
            AssessmentAction::DeleteCompleted(completed) => state.history.retain(|a| a.completed != completed),
            AssessmentAction::DeletedAll => {
                state = AssessmentState::new(state.assessment);
                state.notice = Some(Notice::Deleted);
            }
            AssessmentAction::StorageFailed(notice) => state.notice = Some(notice),
        }
        if state == *self {
            self
        } else {
            Rc::new(state)
        }
    }
}

#[cfg(test)]
mod tests;
