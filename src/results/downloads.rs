//! The widget's own downloads (`export`), read back: a reader may send the author their file
//! by hand. It holds questions and answers in words, which are matched to the content here;
//! the defusing `'` before formulas in the CSV is taken off again.

use super::read::{self, FileReading, Place, Reason};
use super::{Answered, Received};
use crate::assessment::Given;
use crate::content::{self, fill};
use crate::export::{uncell, COLUMNS};
use crate::survey::Answer;
use serde::Deserialize;

/// The JSON download.
#[derive(Deserialize)]
pub struct Download {
    survey: Vec<Entry>,
    assessments: Vec<Entry>,
}

/// A survey response or a self-assessment as the download writes it. Downloads made before
/// they carried `id` and `page` still read.
#[derive(Deserialize)]
struct Entry {
    #[serde(default)]
    id: String,
    #[serde(default)]
    page: String,
    #[serde(alias = "completed")]
    sent: String,
    answers: Vec<Row>,
}

/// One answered question or statement, in words.
#[derive(Deserialize)]
struct Row {
    item: String,
    answer: String,
    #[serde(default)]
    comment: String,
}

pub fn json(file: &mut FileReading, download: Download) {
    let survey = download.survey.into_iter().map(|entry| ("survey", entry));
    let entries = survey.chain(download.assessments.into_iter().map(|entry| ("assessment", entry)));
    for (index, (flow, entry)) in entries.enumerate() {
        file.take(Place::Entry(index + 1), received(flow, entry));
    }
}

/// The CSV download: a row per answer, an entry's rows one after another. False when `text`
/// does not start with its columns.
pub fn csv(file: &mut FileReading, text: &str) -> bool {
    let mut records = records(text).into_iter();
    let headers = records.next().map(|(_, headers)| headers).unwrap_or_default();
    let column = |name: &str| headers.iter().position(|header| header.trim() == name);
    let [Some(flow), Some(date), Some(item), Some(answer), comment, id, page] = COLUMNS.map(column) else {
        return false;
    };
    let mut entry: Option<(String, usize, Entry)> = None;
    for (line, record) in records {
        let field = |at: Option<usize>| at.and_then(|at| record.get(at)).map_or("", |field| uncell(field)).to_string();
        let row = Row { item: field(Some(item)), answer: field(Some(answer)), comment: field(comment) };
        let (flow, sent, id, page) = (field(Some(flow)), field(Some(date)), field(id), field(page));
        // The next entry begins at another id; in downloads without ids, at another flow or
        // day, or where an item comes again.
        let goes_on = entry.as_ref().is_some_and(|(was, _, entry)| {
            *was == flow
                && entry.sent == sent
                && entry.id == id
                && (!id.is_empty() || !entry.answers.iter().any(|r| r.item == row.item))
        });
        if !goes_on {
            if let Some((flow, line, done)) = entry.take() {
                file.take(Place::Line(line), received(&flow, done));
            }
            entry = Some((flow, line, Entry { id, page, sent, answers: Vec::new() }));
        }
        if let Some((_, _, entry)) = entry.as_mut() {
            entry.answers.push(row);
        }
    }
    if let Some((flow, line, done)) = entry {
        file.take(Place::Line(line), received(&flow, done));
    }
    true
}

/// The records of a CSV text, each with the line it starts on. csv-core parses (quotes,
/// doubled quotes, line breaks inside fields); this hands it buffers, grown as it asks.
fn records(text: &str) -> Vec<(usize, Vec<String>)> {
    use csv_core::ReadRecordResult::*;
    let mut reader = csv_core::Reader::new();
    let (mut output, mut ends) = (vec![0; 1024], vec![0; 16]);
    let (mut input, mut written, mut ended) = (text.as_bytes(), 0, 0);
    let (mut records, mut line) = (Vec::new(), 1);
    loop {
        let (result, read, more, fields) = reader.read_record(input, &mut output[written..], &mut ends[ended..]);
        (input, written, ended) = (&input[read..], written + more, ended + fields);
        match result {
            // Given no more input, the reader ends the last record.
            InputEmpty => {}
            OutputFull => output.resize(output.len() * 2, 0),
            OutputEndsFull => ends.resize(ends.len() * 2, 0),
            Record => {
                // Field ends count from the record's start.
                let starts = std::iter::once(0).chain(ends[..ended].iter().copied());
                let fields = starts.zip(&ends[..ended]).map(|(start, &end)| {
                    String::from_utf8_lossy(output.get(start..end).unwrap_or_default()).into_owned()
                });
                records.push((line, fields.collect()));
                (written, ended, line) = (0, 0, reader.line() as usize);
            }
            End => return records,
        }
    }
}

fn received(flow: &str, entry: Entry) -> Result<Received, Reason> {
    let date = read::dated(&entry.sent).ok_or(Reason::Missing("date"))?;
    let id = if entry.id.is_empty() { made_up_id(flow, &entry) } else { entry.id };
    let answered = match flow {
        "survey" => Answered::Survey(read::survey(survey(entry.answers)?)?),
        "assessment" => Answered::Assessment(read::assessment(&assessment(entry.answers)?)?),
        _ => return Err(Reason::Flow(flow.into())),
    };
    Ok(Received { id, date, page: entry.page, answered })
}

/// For a download without ids: the same entry read from two copies of the file is the same.
fn made_up_id(flow: &str, entry: &Entry) -> String {
    let rows = entry.answers.iter().map(|row| [row.item.as_str(), &row.answer, &row.comment].join("\u{1f}"));
    [flow.to_string(), entry.sent.clone()].into_iter().chain(rows).collect::<Vec<_>>().join("\u{1e}")
}

/// Questions and options by their wording; the download's row about the delivery is passed over.
fn survey(rows: Vec<Row>) -> Result<Vec<Answer>, Reason> {
    let questions = content::survey().questions;
    let delivery_item = content::text().delivery_item;
    rows.into_iter()
        .filter(|row| row.item != delivery_item)
        .map(|row| {
            let question =
                questions.iter().find(|q| q.title == row.item).ok_or_else(|| Reason::Item(row.item.clone()))?;
            let choices = row
                .answer
                .split("; ")
                .filter(|label| !label.is_empty())
                .map(|label| {
                    let option = question.options.iter().find(|option| option.label == label);
                    let unknown = || Reason::Answer { item: row.item.clone(), answer: label.into() };
                    option.map(|option| option.id.to_string()).ok_or_else(unknown)
                })
                .collect::<Result<_, _>>()?;
            Ok(Answer { question: question.id.into(), choices, comment: row.comment })
        })
        .collect()
}

/// Statements and scale points by their wording; the best-fit row is scored again instead.
fn assessment(rows: Vec<Row>) -> Result<Vec<Given>, Reason> {
    let content = content::assessment();
    let delivery_item = content::text().delivery_item;
    let mut given = Vec::new();
    for row in rows {
        let best_fit = row.item == fill(content.wording.recommendation, &[("option", &row.answer)]);
        match content.statements.iter().find(|statement| statement.text == row.item) {
            // The download leaves an answer off the scale empty; it weighs as "don't know".
            Some(_) if row.answer.is_empty() => {}
            Some(statement) => {
                let point = content.scale.iter().find(|point| point.label == row.answer);
                let unknown = || Reason::Answer { item: row.item.clone(), answer: row.answer.clone() };
                given.push(Given { statement: statement.id.into(), value: point.ok_or_else(unknown)?.value });
            }
            None if best_fit || row.item == delivery_item => {}
            None => return Err(Reason::Item(row.item)),
        }
    }
    Ok(given)
}
