//! Reading one file: which format it is, each entry checked against the content, and every
//! skipped entry with its place and reason. Nothing in a file stops the rest of it.

use super::downloads;
use super::{Answered, Chosen, Fit, Received};
use crate::assessment::{self, scoring::score};
use crate::clock::week_of;
use crate::content;
use crate::delivery::FORMAT;
use crate::survey::Answer;
use serde::Deserialize;
use serde_json::value::RawValue;

/// Larger files are not read: a collector's log of 10,000 answers is about 4 MB.
pub const LARGEST_FILE: u64 = 20 * 1024 * 1024;

/// What came of reading one file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FileReading {
    pub name: String,
    /// The entries read, until the page merges them (`Collection::add`).
    pub received: Vec<Received>,
    /// How many entries were read, duplicates included.
    pub read: usize,
    /// Entries whose id was read before, in this file or an earlier one.
    pub duplicates: usize,
    pub skipped: Vec<Skipped>,
    /// Why nothing at all was read from it.
    pub problem: Option<Problem>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    Empty,
    /// Its size in bytes, over [`LARGEST_FILE`].
    TooLarge(u64),
    /// Neither answers in JSON nor a CSV download of the widget.
    Unknown,
    /// The browser could not read it.
    Unreadable,
}

/// An entry left out, and where it stands in its file.
#[derive(Clone, Debug, PartialEq)]
pub struct Skipped {
    pub place: Place,
    pub reason: Reason,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Place {
    Line(usize),
    /// The n-th entry of a JSON document, counted from 1.
    Entry(usize),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Reason {
    /// Not JSON at all, or cut off.
    NotJson,
    /// JSON, or a CSV row, but not the widget's answers.
    Shape,
    /// A field the answers need is empty or missing.
    Missing(&'static str),
    /// A format this page does not know.
    Format(u64),
    /// Neither the survey's nor the self-assessment's.
    Flow(String),
    /// Answers to another survey or self-assessment than the content's.
    Content(String),
    /// A question or statement the content does not hold.
    Item(String),
    /// An answer the question or statement does not offer.
    Answer { item: String, answer: String },
}

/// The file `name`, which could not be read for `problem`.
pub fn unread(name: &str, problem: Problem) -> FileReading {
    FileReading { name: name.into(), problem: Some(problem), ..Default::default() }
}

/// Reads the file `name` holding `text`: JSON Lines (a collector's log), a JSON array of
/// payloads or a single one, or the widget's own JSON or CSV download.
pub fn read_file(name: &str, text: &str) -> FileReading {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut file = FileReading { name: name.into(), ..Default::default() };
    let start = text.trim_start();
    let first_line = start.lines().next().unwrap_or_default();
    if start.is_empty() {
        file.problem = Some(Problem::Empty);
    } else if start.starts_with('[') {
        array(&mut file, text);
    } else if start.starts_with('{') {
        // The widget's download, one payload (perhaps spread over lines), or one a line.
        if let Ok(download) = serde_json::from_str::<downloads::Download>(text) {
            downloads::json(&mut file, download);
        } else if let Ok(one) = serde_json::from_str::<&RawValue>(text) {
            file.take(Place::Entry(1), payload(one.get()));
        } else {
            lines(&mut file, text, false);
        }
    } else if !(first_line.contains(',') && downloads::csv(&mut file, text)) {
        // Not the widget's CSV: a log whose first line is stray still reads from the second.
        lines(&mut file, text, false);
    }
    file.read = file.received.len();
    file
}

impl FileReading {
    /// Takes the entry at `place`, or notes why it was skipped.
    pub(super) fn take(&mut self, place: Place, entry: Result<Received, Reason>) {
        match entry {
            Ok(received) => self.received.push(received),
            Err(reason) => self.skipped.push(Skipped { place, reason }),
        }
    }
}

/// A JSON array of payloads; one that is cut off is read line by line, as one written an
/// entry a line (`JSON.stringify` of each) reads that way.
fn array(file: &mut FileReading, text: &str) {
    match serde_json::from_str::<Vec<&RawValue>>(text) {
        Ok(entries) => {
            for (index, entry) in entries.iter().enumerate() {
                file.take(Place::Entry(index + 1), payload(entry.get()));
            }
        }
        Err(_) => lines(file, text, true),
    }
}

/// One payload a line; blank lines are passed over. `in_array`: the lines are an array's,
/// with its brackets and commas around them.
fn lines(file: &mut FileReading, text: &str, in_array: bool) {
    for (index, line) in text.lines().enumerate() {
        let mut line = line.trim();
        if in_array {
            line = line.trim_start_matches('[').trim_end_matches(',').trim_end_matches(']').trim();
        }
        if !line.is_empty() {
            file.take(Place::Line(index + 1), payload(line));
        }
    }
    // A file of which no line is JSON is not a log with bad lines: it is another kind of file.
    if file.received.is_empty() && file.skipped.iter().all(|skipped| skipped.reason == Reason::NotJson) {
        file.skipped.clear();
        file.problem = Some(Problem::Unknown);
    }
}

/// The envelope the widget sends (see `delivery::Payload`).
#[derive(Deserialize)]
struct Payload<'a> {
    format: u64,
    #[serde(default)]
    id: String,
    #[serde(default)]
    flow: String,
    #[serde(default)]
    content: String,
    #[serde(default)]
    submitted: String,
    #[serde(default)]
    page: String,
    #[serde(borrow)]
    answers: Option<&'a RawValue>,
}

/// One payload, checked against the content.
fn payload(text: &str) -> Result<Received, Reason> {
    let payload: Payload = serde_json::from_str(text).map_err(|error| match error.classify() {
        serde_json::error::Category::Data => Reason::Shape,
        _ => Reason::NotJson,
    })?;
    if payload.format != u64::from(FORMAT) {
        return Err(Reason::Format(payload.format));
    }
    if payload.id.trim().is_empty() {
        return Err(Reason::Missing("id"));
    }
    let date = dated(&payload.submitted).ok_or(Reason::Missing("submitted"))?;
    let answers = payload.answers.map(RawValue::get).ok_or(Reason::Missing("answers"))?;
    let answered = match payload.flow.as_str() {
        "survey" if payload.content != content::survey().id => return Err(Reason::Content(payload.content)),
        "assessment" if payload.content != content::assessment().id => return Err(Reason::Content(payload.content)),
        "survey" => Answered::Survey(survey(serde_json::from_str(answers).map_err(|_| Reason::Shape)?)?),
        "assessment" => {
            let given: Vec<assessment::Given> = serde_json::from_str(answers).map_err(|_| Reason::Shape)?;
            Answered::Assessment(assessment(&given)?)
        }
        _ => return Err(Reason::Flow(payload.flow)),
    };
    Ok(Received { id: payload.id, date, page: payload.page, answered })
}

/// The day of a `2026-11-25…` moment, when it is a real one.
pub(super) fn dated(moment: &str) -> Option<String> {
    week_of(moment)?;
    moment.get(..10).map(String::from)
}

/// The survey's answers by the content's questions and options.
pub(super) fn survey(answers: Vec<Answer>) -> Result<Vec<Chosen>, Reason> {
    let questions = content::survey().questions;
    answers
        .into_iter()
        .map(|answer| {
            let question =
                questions.iter().position(|q| q.id == answer.question).ok_or(Reason::Item(answer.question))?;
            let offered = questions[question].options;
            let options = answer
                .choices
                .into_iter()
                .map(|choice| {
                    let item = questions[question].id.into();
                    offered.iter().position(|o| o.id == choice).ok_or(Reason::Answer { item, answer: choice })
                })
                .collect::<Result<_, _>>()?;
            Ok(Chosen { question, options, comment: answer.comment })
        })
        .collect()
}

/// A self-assessment's fits, scored from its answers as the reader's own page scored them.
pub(super) fn assessment(answers: &[assessment::Given]) -> Result<Fit, Reason> {
    let content = content::assessment();
    let mut values = vec![0; content.statements.len()];
    for given in answers {
        let at = content.statements.iter().position(|s| s.id == given.statement);
        let at = at.ok_or_else(|| Reason::Item(given.statement.clone()))?;
        if !content.scale.iter().any(|point| point.value == given.value) {
            return Err(Reason::Answer { item: given.statement.clone(), answer: given.value.to_string() });
        }
        values[at] = given.value;
    }
    let score = score(content, &values);
    Ok(Fit { best: score.best().index(), fits: score.fits })
}
