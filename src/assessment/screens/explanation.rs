//! The result's explanation, the same for the reader's own result and a shared one: the
//! headline, the options a condition set aside, the fits, what speaks for and against the best
//! fit, the options' caveats and next steps, and what would change the result.

use crate::assessment::scoring::{reasons, score, what_would_change, Route, Score};
use crate::content::{fill, Assessment};
use yew::prelude::*;

/// "Best fit: …", or the close call naming both.
pub fn headline(assessment: &Assessment, score: &Score) -> String {
    let name = |route: Route| assessment.outcomes[route.index()].in_sentence;
    let wording = &assessment.wording;
    match score.close_second() {
        Some(second) => fill(wording.close_call, &[("first", name(score.best())), ("second", name(second))]),
        None => fill(wording.recommendation, &[("option", name(score.best()))]),
    }
}

/// The scale's label for an answer's value.
fn label(assessment: &Assessment, value: i32) -> &'static str {
    assessment.scale.iter().find(|point| point.value == value).map_or("", |point| point.label)
}

/// For each option a condition sets aside, a sentence: the answer that does and what would
/// have to change.
pub fn set_aside(assessment: &Assessment, values: &[i32], score: &Score) -> String {
    let mut sentences = String::new();
    for (outcome, broken) in assessment.outcomes.iter().zip(score.broken) {
        let Some(condition) = broken.map(|at| &outcome.conditions[at]) else { continue };
        let Some(at) = assessment.statements.iter().position(|s| s.id == condition.statement) else { continue };
        let sentence = fill(
            assessment.wording.condition_broken,
            &[
                ("option", outcome.in_sentence),
                ("answer", label(assessment, values[at])),
                ("statement", assessment.statements[at].text),
                ("needs", condition.needs),
            ],
        );
        sentences = if sentences.is_empty() { sentence } else { sentences + " " + &sentence };
    }
    sentences
}

/// The result's explanation, shared by the reader's own result and a shared one.
pub fn explanation(assessment: &'static Assessment, values: &[i32]) -> Html {
    let wording = &assessment.wording;
    let score = score(assessment, values);
    let best = score.best();
    let shown: Vec<Route> = std::iter::once(best).chain(score.close_second()).collect();
    let change = what_would_change(assessment, values);
    // The reader's own answers, as sentences about their situation.
    let answers = |statements: Vec<usize>| -> Html {
        statements
            .into_iter()
            .map(|at| {
                let statement = &assessment.statements[at];
                html! { <li>{ if values[at] > 0 { statement.agree } else { statement.disagree } }</li> }
            })
            .collect()
    };
    let against = reasons(&score, best, 3, -1);
    let set_aside = set_aside(assessment, values, &score);
    html! {
        <>
            <p class="aw-headline">{ headline(assessment, &score) }</p>
            if score.close_second().is_some() {
                <p>{ wording.close_call_body }</p>
            }
            if 2 * values.iter().filter(|&&value| value == 0).count() > values.len() {
                <p>{ wording.few_answers }</p>
            }
            if !set_aside.is_empty() {
                <p class="aw-set-aside">{ set_aside }</p>
            }
            { fit_chart(assessment, &score) }
            <h3>{ wording.reasons_title }</h3>
            <ul class="aw-reasons">{ answers(reasons(&score, best, 3, 1)) }</ul>
            if !against.is_empty() {
                <h3>{ wording.against_title }</h3>
                <ul class="aw-reasons">{ answers(against) }</ul>
            }
            { for shown.iter().map(|&route| html! {
                <div class="aw-outcome">
                    <h3>{ assessment.outcomes[route.index()].name }</h3>
                    { outcome_details(assessment, route) }
                </div>
            }) }
            { for Route::ALL.into_iter().filter(|route| !shown.contains(route)).map(|route| html! {
                <details class="aw-outcome aw-other">
                    <summary>{ fill(wording.other_option, &[("option", assessment.outcomes[route.index()].name)]) }</summary>
                    { outcome_details(assessment, route) }
                </details>
            }) }
            <h3>{ wording.change_title }</h3>
            <p class="aw-change">{
                match change {
                    Some(change) => fill(wording.change, &[
                        ("answer", label(assessment, change.value)),
                        ("statement", assessment.statements[change.statement].text),
                        ("option", assessment.outcomes[change.becomes.index()].in_sentence),
                    ]),
                    None => wording.no_change.to_string(),
                }
            }</p>
        </>
    }
}

/// An option's summary with its caveats and next steps, which always go with it.
fn outcome_details(assessment: &Assessment, route: Route) -> Html {
    let (outcome, wording) = (&assessment.outcomes[route.index()], &assessment.wording);
    html! {
        <>
            <p>{ outcome.summary }</p>
            <h4>{ wording.caveats_title }</h4>
            <ul>{ for outcome.caveats.iter().map(|c| html! { <li>{ *c }</li> }) }</ul>
            <h4>{ wording.next_steps_title }</h4>
            <ul>{ for outcome.next_steps.iter().map(|s| html! { <li>{ *s }</li> }) }</ul>
        </>
    }
}

/// The three fits as bars, with the same figures as text beside them for every reader.
fn fit_chart(assessment: &Assessment, score: &Score) -> Html {
    let wording = &assessment.wording;
    let labels: Vec<String> = Route::ALL
        .iter()
        .map(|&route| {
            let fit = score.fit(route).to_string();
            fill(wording.fit_label, &[("option", assessment.outcomes[route.index()].name), ("fit", &fit)])
        })
        .collect();
    html! {
        <figure class="aw-chart">
            <figcaption>{ wording.fits_title }</figcaption>
            <div class="aw-bars">
                { for Route::ALL.iter().zip(&labels).map(|(&route, label)| html! {
                    <div class="aw-bar">
                        <p>{ label }</p>
                        <svg viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                            <rect class="aw-bar-track" x="0" y="0" width="100" height="6" />
                            <rect class={classes!("aw-bar-fill", (route == score.best()).then_some("aw-best"))}
                                x="0" y="0" width={score.fit(route).to_string()} height="6" />
                        </svg>
                    </div>
                }) }
            </div>
        </figure>
    }
}
