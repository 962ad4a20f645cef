//! What the page tells the author in words: how each file was read, and the summary as a CSV
//! file to keep.

use super::read::{FileReading, Place, Problem, Reason, LARGEST_FILE};
use super::summary::{pages, percent, Summary};
use super::Collection;
use crate::content::{self, fill, LANGUAGE};
use crate::export::cell;
use crate::locale;

/// Skipped entries listed by place; the rest are only counted.
pub const LISTED: usize = 20;

/// How a file was read: what was read, duplicates and how many were skipped, or why nothing
/// was; then a sentence per skipped entry, the first [`LISTED`] of them by place.
pub fn file_sentences(file: &FileReading) -> (String, Vec<String>) {
    let text = content::results();
    let name = file.name.as_str();
    // Tenths of a megabyte, in whole numbers: float formatting would cost the page 10 KB.
    let mb = |bytes: u64| locale::tenths(bytes * 10 / 1_048_576, LANGUAGE);
    let number = |value: usize| locale::number(value, LANGUAGE);
    let problem = match &file.problem {
        Some(Problem::Empty) => Some(fill(text.file_empty, &[("name", name)])),
        Some(Problem::TooLarge(bytes)) => {
            let limit = number((LARGEST_FILE / 1_048_576) as usize);
            Some(fill(text.file_too_large, &[("name", name), ("size", &mb(*bytes)), ("limit", &limit)]))
        }
        Some(Problem::Unknown) => Some(fill(text.file_unknown, &[("name", name)])),
        Some(Problem::Unreadable) => Some(fill(text.file_unreadable, &[("name", name)])),
        None => None,
    };
    if let Some(problem) = problem {
        return (problem, Vec::new());
    }
    let mut said = vec![fill(text.file_read, &[("name", name), ("read", &number(file.read))])];
    if file.duplicates > 0 {
        said.push(fill(text.file_duplicates, &[("count", &number(file.duplicates))]));
    }
    let mut sentences = Vec::new();
    if !file.skipped.is_empty() {
        said.push(fill(text.file_skipped, &[("count", &number(file.skipped.len()))]));
        for skipped in file.skipped.iter().take(LISTED) {
            let (template, n) = match skipped.place {
                Place::Line(n) => (text.line, n),
                Place::Entry(n) => (text.entry, n),
            };
            sentences.push(fill(template, &[("n", &n.to_string()), ("reason", &reason(&skipped.reason))]));
        }
        if file.skipped.len() > LISTED {
            sentences.push(fill(text.more_skipped, &[("count", &number(file.skipped.len() - LISTED))]));
        }
    }
    (said.join(" "), sentences)
}

fn reason(reason: &Reason) -> String {
    let text = content::results();
    match reason {
        Reason::NotJson => text.reason_not_json.into(),
        Reason::Shape => text.reason_shape.into(),
        Reason::Missing(field) => fill(text.reason_missing, &[("field", field)]),
        Reason::Format(format) => fill(text.reason_format, &[("format", &format.to_string())]),
        Reason::Flow(flow) => fill(text.reason_flow, &[("flow", flow)]),
        Reason::Content(id) => fill(text.reason_content, &[("content", id)]),
        Reason::Item(item) => fill(text.reason_item, &[("item", item)]),
        Reason::Answer { item, answer } => fill(text.reason_answer, &[("item", item), ("answer", answer)]),
    }
}

/// A page as the author reads it; answers whose page is not known share one name.
pub fn page_name(page: &str) -> &str {
    if page.is_empty() {
        content::results().unknown_page
    } else {
        page
    }
}

/// The summary as CSV, a row per figure: `part,item,answer,count,percent`. Cells are quoted
/// and defused as in the visitor's download, since comments and pages come from readers.
pub fn summary_csv(summary: &Summary, collection: &Collection) -> String {
    let (text, survey, assessment) = (content::results(), content::survey(), content::assessment());
    let mut rows = vec!["part,item,answer,count,percent".to_string()];
    let mut row = |fields: [&str; 5]| rows.push(fields.map(cell).join(","));
    row(["total", text.responses, "", &summary.responses.to_string(), ""]);
    row(["total", text.assessments, "", &summary.assessments.to_string(), ""]);
    for (question, tally) in survey.questions.iter().zip(&summary.tallies) {
        row(["question", question.title, text.answers, &tally.answered.to_string(), ""]);
        for (option, &count) in question.options.iter().zip(&tally.counts) {
            let share = percent(count, tally.answered).to_string();
            row(["question", question.title, option.label, &count.to_string(), &share]);
        }
    }
    for week in &summary.weeks {
        row(["week", &week.start, text.responses, &week.responses.to_string(), ""]);
        row(["week", &week.start, text.assessments, &week.assessments.to_string(), ""]);
    }
    let all = collection.received.len();
    for (page, count) in pages(collection) {
        row(["page", page_name(&page), "", &count.to_string(), &percent(count, all).to_string()]);
    }
    for (outcome, counted) in assessment.outcomes.iter().zip(&summary.outcomes) {
        let share = percent(counted.best, summary.assessments).to_string();
        row(["assessment", outcome.name, text.came_out_best, &counted.best.to_string(), &share]);
        row(["assessment", outcome.name, text.median_fit, &counted.median.to_string(), ""]);
    }
    rows.join("\r\n") + "\r\n"
}
