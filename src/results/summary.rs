//! Counting what was read: per question, pairs of questions, weeks, pages, self-assessments.
//! Every count can be narrowed to the answers given on one page.

use super::{Chosen, Collection, Received};
use crate::clock::week_of;
use crate::content;
use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// Survey responses.
    pub responses: usize,
    pub assessments: usize,
    /// Per question, in the content's order.
    pub tallies: Vec<Tally>,
    /// Oldest first.
    pub weeks: Vec<Week>,
    /// Per option weighed by the self-assessment, in the content's order.
    pub outcomes: Vec<OutcomeCount>,
}

/// One question's answers.
#[derive(Clone, Debug, PartialEq)]
pub struct Tally {
    /// Respondents who answered it.
    pub answered: usize,
    /// Respondents who chose each option, in the content's order.
    pub counts: Vec<usize>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Week {
    /// Its Monday, `2026-11-23`.
    pub start: String,
    pub responses: usize,
    pub assessments: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct OutcomeCount {
    /// Self-assessments in which it came out best.
    pub best: usize,
    /// Its median fit, 0 to 100.
    pub median: u32,
}

/// The whole part `part` is of `whole`, in percent, rounded; 0 of nothing.
pub fn percent(part: usize, whole: usize) -> usize {
    if whole == 0 {
        0
    } else {
        (part * 100 + whole / 2) / whole
    }
}

pub fn summarise(collection: &Collection, page: Option<&str>) -> Summary {
    let questions = content::survey().questions;
    let mut tallies: Vec<Tally> =
        questions.iter().map(|q| Tally { answered: 0, counts: vec![0; q.options.len()] }).collect();
    let mut weeks: BTreeMap<String, Week> = BTreeMap::new();
    let mut responses = 0;
    for (received, answers) in collection.responses(page) {
        responses += 1;
        week(&mut weeks, received).responses += 1;
        for chosen in answers.iter().filter(|chosen| !chosen.options.is_empty()) {
            let Some(tally) = tallies.get_mut(chosen.question) else { continue };
            tally.answered += 1;
            for &option in &chosen.options {
                if let Some(count) = tally.counts.get_mut(option) {
                    *count += 1;
                }
            }
        }
    }
    let mut fits: [Vec<u32>; 3] = Default::default();
    let mut best = [0; 3];
    for (received, fit) in collection.assessments(page) {
        week(&mut weeks, received).assessments += 1;
        best[fit.best.min(2)] += 1;
        for (all, &one) in fits.iter_mut().zip(&fit.fits) {
            all.push(one);
        }
    }
    let outcomes = fits.into_iter().zip(best).map(|(fits, best)| OutcomeCount { best, median: median(fits) }).collect();
    let assessments = best.iter().sum();
    Summary { responses, assessments, tallies, weeks: weeks.into_values().collect(), outcomes }
}

/// The week `received` was given in, counted from nothing when it is the first.
fn week<'w>(weeks: &'w mut BTreeMap<String, Week>, received: &Received) -> &'w mut Week {
    let start = week_of(&received.date).unwrap_or_default();
    weeks.entry(start.clone()).or_insert(Week { start, responses: 0, assessments: 0 })
}

/// The middle value; between two middle values, their mean, rounded down.
fn median(mut values: Vec<u32>) -> u32 {
    values.sort_unstable();
    match values.len() {
        0 => 0,
        n if n % 2 == 1 => values[n / 2],
        n => (values[n / 2 - 1] + values[n / 2]) / 2,
    }
}

/// How many responses chose each pair of options of the questions `rows` and `columns`:
/// `counts[row option][column option]`.
pub fn cross_tab(collection: &Collection, page: Option<&str>, rows: usize, columns: usize) -> Vec<Vec<usize>> {
    let questions = content::survey().questions;
    let size = |question: usize| questions.get(question).map_or(0, |q| q.options.len());
    let mut counts = vec![vec![0; size(columns)]; size(rows)];
    let chosen = |answers: &[Chosen], question: usize| {
        answers.iter().find(|chosen| chosen.question == question).map(|chosen| chosen.options.clone()).unwrap_or_default()
    };
    for (_, answers) in collection.responses(page) {
        for row in chosen(answers, rows) {
            for column in chosen(answers, columns) {
                if let Some(count) = counts.get_mut(row).and_then(|counts| counts.get_mut(column)) {
                    *count += 1;
                }
            }
        }
    }
    counts
}

/// The pages answers came from, with how many came from each, most first.
pub fn pages(collection: &Collection) -> Vec<(String, usize)> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for received in &collection.received {
        *counts.entry(received.page.as_str()).or_default() += 1;
    }
    let mut pages: Vec<(String, usize)> = counts.into_iter().map(|(page, count)| (page.to_string(), count)).collect();
    pages.sort_by(|a, b| b.1.cmp(&a.1));
    pages
}

/// A comment on a question, with the response it is part of.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Comment<'a> {
    pub received: &'a Received,
    pub chosen: &'a Chosen,
}

/// The comments on `question`, newest first: only those of respondents who chose `option`,
/// if given, and only those containing `search` (in any case), if not empty.
pub fn comments<'a>(
    collection: &'a Collection,
    page: Option<&'a str>,
    question: usize,
    option: Option<usize>,
    search: &str,
) -> Vec<Comment<'a>> {
    let search = search.trim().to_lowercase();
    let mut found: Vec<Comment> = collection
        .responses(page)
        .filter_map(|(received, answers)| {
            let chosen = answers.iter().find(|chosen| chosen.question == question)?;
            let kept = !chosen.comment.trim().is_empty()
                && option.is_none_or(|option| chosen.options.contains(&option))
                && (search.is_empty() || chosen.comment.to_lowercase().contains(&search));
            kept.then_some(Comment { received, chosen })
        })
        .collect();
    found.sort_by(|a, b| b.received.date.cmp(&a.received.date));
    found
}
