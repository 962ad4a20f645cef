//! What the self-assessment stores, as JSON: the assessment in progress and the completed
//! ones. Records written by every earlier build read back (tested in `tests`).

use crate::delivery::Delivery;
use crate::flow::Finished;
use serde::{Deserialize, Serialize};

/// Storage names of the assessment's two records.
pub const PROGRESS: &str = "progress";
pub const COMPLETED: &str = "completed";

/// One statement's answer as stored: its id and the scale value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Given {
    pub statement: String,
    pub value: i32,
}

/// Where the reader is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Step {
    #[default]
    Intro,
    Statements,
    Result,
}

/// The stored record of an assessment in progress.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    pub content: String,
    /// Stored as `stage`, its name in the first builds.
    #[serde(rename = "stage")]
    pub step: Step,
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
    /// Its way to the author, once the reader chose to send it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery: Option<Delivery>,
}

impl Finished for Completed {
    fn at(&self) -> u64 {
        self.completed
    }
    fn delivery(&self) -> Option<&Delivery> {
        self.delivery.as_ref()
    }
    fn delivery_mut(&mut self) -> Option<&mut Delivery> {
        self.delivery.as_mut()
    }
}

/// The stored list of finished assessments.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct History {
    pub assessments: Vec<Completed>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::{KeyValue, MemoryStore, Vault};
    use std::rc::Rc;

    /// The same JSON from the serde_json builds and the miniserde builds: read back, and
    /// written again byte for byte.
    #[test]
    fn records_of_earlier_builds_read_back_and_are_written_the_same_way() {
        let progress = r#"{"format":1,"updated":2,"record":{"content":"c","stage":"statements","answers":[{"statement":"urgent","value":2},{"statement":"culture","value":-1}],"started":1}}"#;
        let completed = r#"{"format":1,"updated":2,"record":{"assessments":[{"completed":7,"content":"c","answers":[{"statement":"urgent","value":0}]}]}}"#;
        let store = Rc::new(MemoryStore::with(&[
            ("alliance-widget:default:assessment:progress", progress),
            ("alliance-widget:default:assessment:completed", completed),
        ]));
        let vault = Vault::new(store.clone(), "default", "assessment");
        let (read, history, notice) = vault.load_flow::<Progress, History>((PROGRESS, COMPLETED), 3);
        let read = read.expect("readable");
        assert_eq!((read.step, read.answers.len(), notice), (Step::Statements, 2, None));
        assert_eq!(history.assessments[0].completed, 7);
        vault.save(PROGRESS, Some(&read), 2).unwrap();
        vault.save(COMPLETED, Some(&history), 2).unwrap();
        assert_eq!(store.get("alliance-widget:default:assessment:progress").unwrap().as_deref(), Some(progress));
        assert_eq!(store.get("alliance-widget:default:assessment:completed").unwrap().as_deref(), Some(completed));
    }
}
