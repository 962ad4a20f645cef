use super::*;
use crate::content::assessment;

fn statements() -> &'static [Statement] {
    assessment().statements
}

fn scale() -> Vec<i32> {
    assessment().scale.iter().map(|point| point.value).collect()
}

fn at(id: &str) -> usize {
    statements().iter().position(|s| s.id == id).unwrap_or_else(|| panic!("no statement {id}"))
}

/// Scores answers given as (statement id, value); every other answer is "don't know".
fn scored(answers: &[(&str, i32)]) -> Score {
    score(assessment(), &values(answers))
}

fn values(answers: &[(&str, i32)]) -> Vec<i32> {
    let mut values = vec![0; statements().len()];
    for (id, value) in answers {
        values[at(id)] = *value;
    }
    values
}

/// Every combination of answers, in turn, as values.
pub(crate) fn every_combination(mut visit: impl FnMut(&[i32])) {
    let scale = scale();
    let mut digits = vec![0usize; statements().len()];
    loop {
        let values: Vec<i32> = digits.iter().map(|&d| scale[d]).collect();
        visit(&values);
        let Some(carry) = digits.iter().position(|&d| d + 1 < scale.len()) else { return };
        digits[carry] += 1;
        digits[..carry].fill(0);
    }
}

#[test]
fn fits_stay_within_0_to_100_and_rank_in_order_for_every_combination() {
    let mut combinations = 0;
    every_combination(|values| {
        let score = score(assessment(), values);
        assert!(score.fits.iter().all(|&fit| fit <= 100), "{values:?} gives {:?}", score.fits);
        // In order within the options whose conditions hold, and within those set aside.
        for pair in score.ranking.windows(2) {
            let [a, b] = [pair[0], pair[1]].map(|route| (score.broken[route.index()].is_none(), score.fit(route)));
            assert!(a >= b, "{values:?}: {:?}", score.ranking);
        }
        combinations += 1;
    });
    assert_eq!(combinations, 5usize.pow(statements().len() as u32));
}

#[test]
fn all_dont_know_is_an_even_three_way_close_call() {
    let score = scored(&[]);
    assert_eq!(score.fits, [50, 50, 50]);
    assert!(score.close_second().is_some());
    assert!(what_would_change(assessment(), &values(&[])).is_some());
}

/// Whether agreeing with `id` moves each route's fit the given way (+1 up, −1 down, 0 not at all)
/// compared with not knowing.
fn agreeing_moves(id: &str) -> [i32; 3] {
    let base = scored(&[]);
    let agreed = scored(&[(id, 2)]);
    Route::ALL.map(|route| (agreed.fit(route) as i32 - base.fit(route) as i32).signum())
}

#[test]
fn each_factor_moves_the_fits_the_way_the_columns_say() {
    // [interim, internal, external]
    assert_eq!(agreeing_moves("urgent"), [1, -1, -1], "urgent need: interim bridges, hiring takes time");
    assert_eq!(agreeing_moves("temporary"), [1, -1, -1], "a temporary gap is what interim is for");
    assert_eq!(agreeing_moves("culture")[0], 1, "a culture accepting outsiders allows interim");
    assert_eq!(agreeing_moves("guidance")[0], 1, "interim needs the leader's guidance and support");
    assert_eq!(agreeing_moves("handover")[0], 1, "interim should end in a planned handover");
    assert_eq!(agreeing_moves("development"), [-1, 1, -1], "development alliances: the inside network counts");
    assert_eq!(agreeing_moves("operational")[2], 1, "operational alliances suit an experienced outsider");
    assert_eq!(agreeing_moves("operational")[1], -1);
    assert_eq!(agreeing_moves("insiders")[1], 1, "seasoned insiders can be trained");
    assert_eq!(agreeing_moves("experience"), [1, -1, 1], "a fresh, senior perspective comes from outside");
}

#[test]
fn disagreeing_moves_the_other_way() {
    let culture_refused = scored(&[("culture", -2)]);
    assert!(culture_refused.fit(Route::Interim) < 50, "\"the alliance manager should be part of the company\"");
    assert!(culture_refused.fit(Route::Internal) > 50);
    let no_guidance = scored(&[("guidance", -2)]);
    assert!(no_guidance.fit(Route::Interim) < 50, "interim is not fire-and-forget");
}

#[test]
fn three_contrasting_situations_get_three_different_answers() {
    let urgent_bridge =
        scored(&[("urgent", 2), ("temporary", 2), ("culture", 1), ("guidance", 2), ("handover", 2), ("insiders", 1)]);
    assert_eq!(urgent_bridge.best(), Route::Interim);
    let grow_inside = scored(&[
        ("urgent", -2),
        ("temporary", -2),
        ("culture", -2),
        ("development", 2),
        ("insiders", 2),
        ("experience", -1),
    ]);
    assert_eq!(grow_inside.best(), Route::Internal);
    let hire_outside = scored(&[
        ("urgent", -1),
        ("temporary", -2),
        ("operational", 2),
        ("development", -2),
        ("insiders", -2),
        ("experience", 2),
    ]);
    assert_eq!(hire_outside.best(), Route::External);
}

#[test]
fn a_close_call_names_the_runner_up_and_a_clear_lead_does_not() {
    let clear = scored(&[("urgent", 2), ("temporary", 2), ("guidance", 2), ("handover", 2)]);
    assert_eq!(clear.close_second(), None);
    let tied = Score {
        fits: [60, 60, 10],
        contributions: vec![],
        broken: [None; 3],
        ranking: [Route::Interim, Route::Internal, Route::External],
    };
    assert_eq!(tied.close_second(), Some(Route::Internal));
    let set_aside = Score { broken: [None, Some(0), None], ..tied };
    assert_eq!(set_aside.close_second(), None, "an option set aside is no close second");
}

#[test]
fn ties_rank_in_a_fixed_order() {
    let score = scored(&[]);
    assert_eq!(score.ranking, Route::ALL);
}

#[test]
fn reasons_are_the_answers_that_pushed_the_best_fit_most() {
    let values = values(&[("urgent", 2), ("temporary", 1), ("development", 2), ("insiders", -2)]);
    let score = score(assessment(), &values);
    let reasons = reasons(&score, Route::Interim, 3, 1);
    assert_eq!(reasons, vec![at("urgent"), at("temporary")], "only answers that pushed interim up, strongest first");
    assert!(!reasons.contains(&at("development")), "development alliances weigh against interim");
}

#[test]
fn what_speaks_against_is_the_answers_that_pushed_the_best_fit_down_most() {
    let values = values(&[
        ("urgent", 2),
        ("development", 2),
        ("experience", -2),
        ("culture", -1),
        ("operational", -1),
        ("temporary", 1),
    ]);
    let score = score(assessment(), &values);
    let against = reasons(&score, Route::Interim, 3, -1);
    assert_eq!(against.len(), 3, "at most three of the four");
    assert_eq!(against[0], at("experience"), "the strongest first");
    assert!(against.iter().all(|&at| score.contributions[at][Route::Interim.index()] < 0), "each pushed interim down");
    let pulls: Vec<i32> = against.iter().map(|&at| score.contributions[at][Route::Interim.index()]).collect();
    assert!(pulls.windows(2).all(|pair| pair[0] <= pair[1]), "strongest first: {pulls:?}");
    assert!(
        !against.contains(&at("urgent")) && !against.contains(&at("temporary")),
        "answers for interim are not against it"
    );
}

#[test]
fn a_broken_condition_sets_its_option_aside_for_every_combination() {
    let outcomes = assessment().outcomes;
    every_combination(|values| {
        let score = score(assessment(), values);
        for route in Route::ALL {
            let conditions = outcomes[route.index()].conditions;
            let broken = conditions.iter().position(|condition| {
                let at = at(condition.statement);
                condition.broken_by.contains(&values[at])
            });
            assert_eq!(score.broken[route.index()], broken, "{values:?}");
            if broken.is_some() {
                assert_ne!(score.best(), route, "{values:?}: set aside, yet the best fit");
                assert_ne!(score.close_second(), Some(route), "{values:?}: set aside, yet a close call");
            }
        }
    });
}

#[test]
fn the_columns_limits_rule_interim_out() {
    // Everything else says interim; the leader cannot guide, or the company wants one of its own.
    let keen = [("urgent", 2), ("temporary", 2), ("culture", 2), ("guidance", 2), ("handover", 2), ("experience", 2)];
    assert_eq!(scored(&keen).best(), Route::Interim);
    for limit in [("guidance", -2), ("guidance", -1), ("culture", -2), ("culture", -1)] {
        let mut answers = keen.to_vec();
        answers.retain(|(id, _)| *id != limit.0);
        answers.push(limit);
        let score = scored(&answers);
        assert!(score.fit(Route::Interim) > score.fit(score.best()), "{limit:?}: interim still fits best by the sum");
        assert_ne!(score.best(), Route::Interim, "{limit:?}");
        assert!(score.broken[Route::Interim.index()].is_some());
    }
    // "Don't know" breaks nothing: the reader has not said no.
    let unsure = scored(&[("urgent", 2), ("temporary", 2), ("handover", 2)]);
    assert_eq!(unsure.broken, [None; 3]);
}

/// Walks a spread of combinations: every 97th, so that all statements vary.
fn sample(mut visit: impl FnMut(&[i32])) {
    let mut n = 0u32;
    every_combination(|values| {
        n += 1;
        if n.is_multiple_of(97) {
            visit(values);
        }
    });
}

#[test]
fn what_would_change_it_really_changes_the_best_fit() {
    let mut checked = 0;
    sample(|values| {
        let before = score(assessment(), values);
        match what_would_change(assessment(), values) {
            Some(change) => {
                let mut changed = values.to_vec();
                assert_ne!(changed[change.statement], change.value);
                changed[change.statement] = change.value;
                let after = score(assessment(), &changed);
                assert_eq!(after.best(), change.becomes, "{values:?} with {change:?}");
                let set_aside = after.broken[before.best().index()].is_some();
                assert!(
                    set_aside || after.fit(change.becomes) > after.fit(before.best()),
                    "a strict new lead: {values:?}"
                );
            }
            None => {
                // No single change can do it: check by trying them all.
                for statement in 0..values.len() {
                    for &value in &scale() {
                        let mut changed = values.to_vec();
                        changed[statement] = value;
                        let after = score(assessment(), &changed);
                        let set_aside = after.broken[before.best().index()].is_some();
                        assert!(
                            !set_aside && after.fit(after.best()) <= after.fit(before.best()),
                            "{values:?} missed {statement}={value}"
                        );
                    }
                }
            }
        }
        checked += 1;
    });
    assert!(checked > 10_000, "{checked}");
}

#[test]
fn what_would_change_it_prefers_the_smallest_step() {
    // Interim leads only slightly: one step on one answer should be enough.
    let values = values(&[("urgent", 1), ("insiders", 1)]);
    let change = what_would_change(assessment(), &values).expect("a slight lead can change");
    let steps = (change.value - values[change.statement]).abs();
    assert!(steps <= 2, "{change:?}");
}
