//! Counting what was read: per question, pairs of questions, weeks, pages, self-assessments.
//! Every count can be narrowed to the answers given on one page.

use super::{Answered, Chosen, Collection, Received};
use crate::clock::week_of;
use crate::content;

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
    (part * 100 + whole / 2).checked_div(whole).unwrap_or(0)
}

pub fn summarise(collection: &Collection, page: Option<&str>) -> Summary {
    let questions = content::survey().questions;
    let mut tallies: Vec<Tally> =
        questions.iter().map(|q| Tally { answered: 0, counts: vec![0; q.options.len()] }).collect();
    let mut weeks: Vec<Week> = Vec::new();
    // How many self-assessments gave each option each fit from 0 to 100.
    let mut fits = [[0; 101]; 3];
    let (mut responses, mut best) = (0, [0; 3]);
    // The collection is in date order, so each week's answers come together.
    for received in collection.on(page) {
        let start = week_of(&received.date).unwrap_or_default();
        if weeks.last().is_none_or(|week| week.start != start) {
            weeks.push(Week { start, responses: 0, assessments: 0 });
        }
        let Some(week) = weeks.last_mut() else { continue };
        match &received.answered {
            Answered::Survey(answers) => {
                responses += 1;
                week.responses += 1;
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
            Answered::Assessment(fit) => {
                week.assessments += 1;
                best[fit.best.min(2)] += 1;
                for (counts, &one) in fits.iter_mut().zip(&fit.fits) {
                    counts[one.min(100) as usize] += 1;
                }
            }
        }
    }
    let assessments = best.iter().sum();
    let outcomes = fits
        .iter()
        .zip(best)
        .map(|(counts, best)| OutcomeCount { best, median: median(counts, assessments) })
        .collect();
    Summary { responses, assessments, tallies, weeks, outcomes }
}

/// The middle fit of `total` counted by fit; between two middle fits, their mean, rounded down.
fn median(counts: &[usize; 101], total: usize) -> u32 {
    // The fit at a place in the sorted fits (counted from 0).
    let at = |place: usize| {
        let mut seen = 0;
        counts.iter().position(|&count| {
            seen += count;
            seen > place
        })
    };
    match (at(total.saturating_sub(1) / 2), at(total / 2)) {
        (Some(low), Some(high)) => ((low + high) / 2) as u32,
        _ => 0,
    }
}

/// How many responses chose each pair of options of the questions `rows` and `columns`:
/// `counts[row option][column option]`.
pub fn cross_tab(collection: &Collection, page: Option<&str>, rows: usize, columns: usize) -> Vec<Vec<usize>> {
    let questions = content::survey().questions;
    let size = |question: usize| questions.get(question).map_or(0, |q| q.options.len());
    let mut counts = vec![vec![0; size(columns)]; size(rows)];
    let chosen = |answers: &[Chosen], question: usize| {
        answers
            .iter()
            .find(|chosen| chosen.question == question)
            .map(|chosen| chosen.options.clone())
            .unwrap_or_default()
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

/// The pages answers came from, in the order of their first answer, with how many came from
/// each.
pub fn pages(collection: &Collection) -> Vec<(String, usize)> {
    let mut pages: Vec<(String, usize)> = Vec::new();
    for received in &collection.received {
        match pages.iter_mut().find(|(page, _)| *page == received.page) {
            Some((_, count)) => *count += 1,
            None => pages.push((received.page.clone(), 1)),
        }
    }
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
    let search = folded(search.trim());
    // The collection is in date order: backwards, the newest come first.
    collection
        .responses(page)
        .rev()
        .filter_map(|(received, answers)| {
            let chosen = answers.iter().find(|chosen| chosen.question == question)?;
            let kept = !chosen.comment.trim().is_empty()
                && option.is_none_or(|option| chosen.options.contains(&option))
                && (search.is_empty() || folded(&chosen.comment).contains(&search));
            kept.then_some(Comment { received, chosen })
        })
        .collect()
}

/// `text` in lower case for searching, for the letters the columns' readers write: ASCII and
/// Latin-1 (Ä, É, Ñ …). Unicode's full case tables would cost the page 8 KB.
fn folded(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'A'..='Z' | 'À'..='Þ' if c != '×' => char::from_u32(c as u32 + 32).unwrap_or(c),
            _ => c,
        })
        .collect()
}
