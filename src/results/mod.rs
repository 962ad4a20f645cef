//! The author's results page: the answers collected at the author's endpoint, read from files
//! in the browser, merged, counted and searched. Everything but `screens` is pure and tested
//! natively.
//!
//! - `read` turns a file (JSON Lines, a JSON array, the widget's own downloads) into
//!   [`Received`] entries and the reasons anything was skipped;
//! - `summary` counts them: per question, pairs of questions, weeks, pages, self-assessments;
//! - `report` writes the summary as CSV.

mod downloads;
mod read;
pub mod report;
pub mod screens;
pub mod summary;

pub use read::{read_file, unread, FileReading, Place, Problem, Reason, Skipped, LARGEST_FILE};

use std::collections::HashSet;

/// One reader's answers as the author received them, whatever file they came in.
#[derive(Clone, Debug, PartialEq)]
pub struct Received {
    /// The delivery's id: the same answers sent twice, or kept in two files, have the same id.
    pub id: String,
    /// The day they were given, `2026-11-25`.
    pub date: String,
    /// The page they were given on; empty when the file does not say.
    pub page: String,
    pub answered: Answered,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Answered {
    /// The survey's answers, by question.
    Survey(Vec<Chosen>),
    /// A self-assessment's outcome.
    Assessment(Fit),
}

/// One answered question: the question's and the options' places in the content.
#[derive(Clone, Debug, PartialEq)]
pub struct Chosen {
    pub question: usize,
    pub options: Vec<usize>,
    pub comment: String,
}

/// A self-assessment's best option and its fit per option (0 to 100), in the content's order.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fit {
    pub best: usize,
    pub fits: [u32; 3],
}

/// The files opened so far and what they hold, each answer once.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Collection {
    pub received: Vec<Received>,
    pub files: Vec<FileReading>,
    seen: HashSet<String>,
}

impl Collection {
    /// Adds a file's entries, except those with an id already read (counted as duplicates).
    /// The answers are kept in date order, which the counts by week and the comments rely on.
    pub fn add(&mut self, mut file: FileReading) {
        for received in std::mem::take(&mut file.received) {
            if self.seen.insert(received.id.clone()) {
                self.received.push(received);
            } else {
                file.duplicates += 1;
            }
        }
        // Stable: answers of one day stay in the order they were read.
        self.received.sort_by(|a, b| a.date.cmp(&b.date));
        self.files.push(file);
    }

    /// The survey responses among the answers, optionally only those from `page`.
    pub fn responses<'a>(
        &'a self,
        page: Option<&'a str>,
    ) -> impl DoubleEndedIterator<Item = (&'a Received, &'a [Chosen])> {
        self.on(page).filter_map(|received| match &received.answered {
            Answered::Survey(chosen) => Some((received, chosen.as_slice())),
            Answered::Assessment(_) => None,
        })
    }

    /// The self-assessments among the answers, optionally only those from `page`.
    pub fn assessments<'a>(&'a self, page: Option<&'a str>) -> impl Iterator<Item = (&'a Received, &'a Fit)> {
        self.on(page).filter_map(|received| match &received.answered {
            Answered::Assessment(fit) => Some((received, fit)),
            Answered::Survey(_) => None,
        })
    }

    /// Every answer, in date order, optionally only those from `page`.
    pub fn on<'a>(&'a self, page: Option<&'a str>) -> impl DoubleEndedIterator<Item = &'a Received> {
        self.received.iter().filter(move |received| page.is_none_or(|page| received.page == page))
    }
}

#[cfg(test)]
mod tests;
