//! How answers become fits: pure arithmetic over the statements' weights.
//!
//! Each answer's value (agree 2 … disagree −2, "don't know" 0) times a statement's weight for
//! an option is that answer's contribution to the option. An option's fit is its summed
//! contributions placed on 0..=100, where 0 is every answer against it at full strength and
//! 100 every answer for it: so fits are always within range, and 50 means the answers balance.
//!
//! The columns also draw limits a sum can miss: an option may come with conditions (in the
//! content, beside its caveats), each an answer to one statement that rules it out. An option
//! whose condition the answers break ranks after every option whose conditions hold, whatever
//! its fit: the best of those is recommended, and the result says which answer set the other
//! aside and what would have to change.

use crate::content::{Assessment, Condition, Statement, Weights};

/// The options weighed, in the order of the content's outcomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    Interim,
    Internal,
    External,
}

impl Route {
    pub const ALL: [Route; 3] = [Route::Interim, Route::Internal, Route::External];

    /// Position in `Route::ALL` and in the content's outcomes.
    pub fn index(self) -> usize {
        self as usize
    }

    fn weight(self, weights: &Weights) -> i32 {
        weights.by_route()[self.index()]
    }
}

/// Fits closer than this are a close call.
pub const CLOSE_CALL: u32 = 5;

#[derive(Clone, Debug, PartialEq)]
pub struct Score {
    /// Fit per route, 0..=100, in `Route::ALL` order.
    pub fits: [u32; 3],
    /// Per statement, what its answer added to (or took from) each route.
    pub contributions: Vec<[i32; 3]>,
    /// Per route, the first of its conditions that the answers break, by its place in the
    /// outcome's conditions.
    pub broken: [Option<usize>; 3],
    /// Routes whose conditions hold from best to worst fit, then those set aside by a broken
    /// condition, from best to worst fit; ties keep `Route::ALL` order.
    pub ranking: [Route; 3],
}

impl Score {
    pub fn best(&self) -> Route {
        self.ranking[0]
    }

    pub fn fit(&self, route: Route) -> u32 {
        self.fits[route.index()]
    }

    /// The runner-up, when it is within `CLOSE_CALL` of the best and not set aside.
    pub fn close_second(&self) -> Option<Route> {
        let [first, second, _] = self.ranking;
        (self.broken[second.index()].is_none() && self.fit(first) - self.fit(second) < CLOSE_CALL).then_some(second)
    }
}

/// Scores `values` (one per statement, 0 for "don't know") on the assessment's statements,
/// scale and conditions.
pub fn score(assessment: &Assessment, values: &[i32]) -> Score {
    let statements = assessment.statements;
    let strongest = assessment.scale.iter().map(|point| point.value).max().unwrap_or(0);
    let contributions: Vec<[i32; 3]> = statements
        .iter()
        .zip(values)
        .map(|(statement, value)| Route::ALL.map(|route| value * route.weight(&statement.weights)))
        .collect();
    let fits = Route::ALL.map(|route| {
        let span: i32 = statements.iter().map(|s| strongest * route.weight(&s.weights).abs()).sum();
        let sum: i32 = contributions.iter().map(|c| c[route.index()]).sum();
        // (sum + span) / 2·span, as a whole percentage rounded half up; span 0 means no
        // statement weighs on the route, which sits in the middle.
        if span == 0 {
            50
        } else {
            ((100 * (sum + span) + span) / (2 * span)) as u32
        }
    });
    let mut broken = [None; 3];
    for (route, outcome) in broken.iter_mut().zip(assessment.outcomes) {
        *route = outcome.conditions.iter().position(|condition| breaks(statements, values, condition));
    }
    // Fits are at most 100: those of options whose conditions hold rank above every other.
    let mut ranking = Route::ALL;
    sort_descending(&mut ranking, |route| fits[route.index()] + if broken[route.index()].is_none() { 1000 } else { 0 });
    Score { fits, contributions, broken, ranking }
}

/// Whether `values` answer the condition's statement in a way that rules its option out.
pub fn breaks(statements: &[Statement], values: &[i32], condition: &Condition) -> bool {
    let at = statements.iter().position(|statement| statement.id == condition.statement);
    at.is_some_and(|at| condition.broken_by.contains(&values[at]))
}

/// The statements whose answers pushed `route` up most (`sign` 1), or down most (`sign` −1),
/// strongest first, at most `most`.
pub fn reasons(score: &Score, route: Route, most: usize, sign: i32) -> Vec<usize> {
    let pull = |at: usize| sign * score.contributions[at][route.index()];
    let mut pushing: Vec<usize> = (0..score.contributions.len()).filter(|&at| pull(at) > 0).collect();
    sort_descending(&mut pushing, pull);
    pushing.truncate(most);
    pushing
}

/// Sorts by `key`, highest first, keeping ties in their order. An insertion sort: these lists
/// hold a dozen items at most, and the standard library's stable sort adds kilobytes of code
/// to the wasm.
fn sort_descending<T: Copy, K: Ord>(items: &mut [T], key: impl Fn(T) -> K) {
    for next in 1..items.len() {
        let mut at = next;
        while at > 0 && key(items[at - 1]) < key(items[at]) {
            items.swap(at - 1, at);
            at -= 1;
        }
    }
}

/// One answer, given differently, that would put another route on top.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub statement: usize,
    pub value: i32,
    pub becomes: Route,
}

/// The smallest single change of answer that makes another route the best fit: fewest steps
/// along the scale first, then the clearest new lead. `None` when no single answer can.
pub fn what_would_change(assessment: &Assessment, values: &[i32]) -> Option<Change> {
    let best = score(assessment, values).best();
    let mut found: Option<(i32, u32, Change)> = None;
    for (statement, &current) in values.iter().enumerate() {
        for value in assessment.scale.iter().map(|point| point.value).filter(|&value| value != current) {
            let mut changed = values.to_vec();
            changed[statement] = value;
            let after = score(assessment, &changed);
            let becomes = after.best();
            // A tie is not a new best fit; an option set aside by a condition no longer is one.
            let set_aside = after.broken[best.index()].is_some();
            if becomes == best || (!set_aside && after.fit(becomes) <= after.fit(best)) {
                continue;
            }
            let steps = (value - current).abs();
            let lead = after.fit(becomes).saturating_sub(after.fit(after.ranking[1]));
            let better = found.as_ref().is_none_or(|(s, l, _)| steps < *s || (steps == *s && lead > *l));
            if better {
                found = Some((steps, lead, Change { statement, value, becomes }));
            }
        }
    }
    found.map(|(_, _, change)| change)
}

#[cfg(test)]
pub(crate) mod tests;
