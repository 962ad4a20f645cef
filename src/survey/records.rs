//! What the survey stores, as JSON: the round in progress and the responses given. Records
//! written by every earlier build read back (tested in `tests`).

use crate::delivery::Delivery;
use crate::flow::Finished;
use serde::{Deserialize, Serialize};

/// Storage names of the survey's two records.
pub const PROGRESS: &str = "progress";
pub const RESPONSES: &str = "responses";

/// One question's answer: the chosen option ids and the optional comment.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    /// The question's id.
    pub question: String,
    #[serde(default)]
    pub choices: Vec<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub comment: String,
}

/// The answers of one round, at most one per question, stored as a bare list.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Answers(pub(super) Vec<Answer>);

impl Answers {
    pub fn get(&self, question: &str) -> Option<&Answer> {
        self.0.iter().find(|answer| answer.question == question)
    }

    /// The answer to `question`, created empty when there is none yet.
    pub(super) fn entry(&mut self, question: &str) -> &mut Answer {
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

/// Where the visitor is, stored as a word or `{"question": n}`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Step {
    #[default]
    Intro,
    /// The question at this index of the survey.
    Question(usize),
    Review,
    Thanks,
}

/// A finished survey, kept so the visitor can see (and delete) what they gave.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Response {
    /// Milliseconds since 1970; also tells responses apart.
    pub submitted: u64,
    pub content: String,
    pub answers: Answers,
    /// Its way to the author, when the widget has an endpoint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery: Option<Delivery>,
}

impl Finished for Response {
    fn at(&self) -> u64 {
        self.submitted
    }
    fn delivery(&self) -> Option<&Delivery> {
        self.delivery.as_ref()
    }
    fn delivery_mut(&mut self) -> Option<&mut Delivery> {
        self.delivery.as_mut()
    }
}

/// The stored record of a survey in progress.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    pub content: String,
    pub step: Step,
    pub answers: Answers,
    pub started: u64,
    /// Absent from records of early builds, which means no.
    #[serde(default)]
    pub editing_from_review: Option<bool>,
}

/// The stored list of submitted responses.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct History {
    pub responses: Vec<Response>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::{MemoryStore, Vault};
    use std::rc::Rc;

    fn read<T: serde::de::DeserializeOwned>(name: &str, raw: &str) -> T {
        let key = format!("alliance-widget:default:survey:{name}");
        let store = Rc::new(MemoryStore::with(&[(key.as_str(), raw)]));
        let loaded = Vault::new(store, "default", "survey").load::<T>(name, 3);
        assert_eq!(loaded.notice, None, "{raw}");
        loaded.record.expect("readable")
    }

    #[test]
    fn records_of_the_serde_json_builds_read_back() {
        // Written by serde_json before the editing flag existed, and after.
        let first = read::<Progress>(
            PROGRESS,
            r#"{"format":1,"updated":2,"record":{"content":"c","step":"review","answers":[{"question":"source","choices":["internal"]}],"started":1}}"#,
        );
        assert_eq!((first.step, first.editing_from_review), (Step::Review, None));
        let later = read::<Progress>(
            PROGRESS,
            r#"{"format":1,"updated":2,"record":{"content":"c","step":{"question":2},"answers":[],"started":1,"editing_from_review":true}}"#,
        );
        assert_eq!((later.step, later.editing_from_review), (Step::Question(2), Some(true)));
        let history = read::<History>(
            RESPONSES,
            r#"{"format":1,"updated":9,"record":{"responses":[{"submitted":5,"content":"c","answers":[{"question":"interim-fit","choices":["yes-bridge"],"comment":"Twice"}]}]}}"#,
        );
        assert_eq!(history.responses[0].answers["interim-fit"].comment, "Twice");
    }

    #[test]
    fn records_of_the_miniserde_builds_read_back_and_are_written_the_same_way() {
        let raw = r#"{"format":1,"updated":2,"record":{"content":"c","step":{"question":1},"answers":[{"question":"source","choices":["mix"],"comment":"«Ask» \"them\""},{"question":"works-best","choices":[]}],"started":1,"editing_from_review":false}}"#;
        let progress = read::<Progress>(PROGRESS, raw);
        assert_eq!(progress.answers["source"].comment, "«Ask» \"them\"");
        assert_eq!(progress.editing_from_review, Some(false));
        let store = Rc::new(MemoryStore::default());
        Vault::new(store.clone(), "default", "survey").save(PROGRESS, Some(&progress), 2).unwrap();
        use crate::storage::KeyValue;
        assert_eq!(store.get("alliance-widget:default:survey:progress").unwrap().as_deref(), Some(raw));
    }
}
