//! The result's explanation, the same for the reader's own result and a shared one: the
//! headline, the fits, the reasons, the options' caveats and next steps, and what would change
//! the result.

use crate::assessment::score_values;
use crate::assessment::scoring::{reasons, what_would_change, Route, Score};
use crate::content::{fill, Assessment};
use yew::prelude::*;

/// "Best fit: …", or the close call naming both.
pub fn headline(assessment: &Assessment, score: &Score) -> String {
    let name = |route: Route| assessment.outcomes[route.index()].name;
    let wording = &assessment.wording;
    match score.close_second() {
        Some(second) => fill(wording.close_call, &[("first", name(score.best())), ("second", name(second))]),
        None => fill(wording.recommendation, &[("option", name(score.best()))]),
    }
}

/// The result's explanation, shared by the reader's own result and a shared one.
pub fn explanation(assessment: &'static Assessment, values: &[i32]) -> Html {
    let wording = &assessment.wording;
    let score = score_values(assessment, values);
    let best = score.best();
    let shown: Vec<Route> = std::iter::once(best).chain(score.close_second()).collect();
    let scale: Vec<i32> = assessment.scale.iter().map(|p| p.value).collect();
    let change = what_would_change(assessment.statements, values, &scale);
    html! {
        <>
            <p class="aw-headline">{ headline(assessment, &score) }</p>
            if score.close_second().is_some() {
                <p>{ wording.close_call_body }</p>
            }
            { fit_chart(assessment, &score) }
            <h3>{ wording.reasons_title }</h3>
            <ul class="aw-reasons">
                { for reasons(&score, best, 3).into_iter().map(|at| {
                    let statement = &assessment.statements[at];
                    html! { <li>{ if values[at] > 0 { statement.agree } else { statement.disagree } }</li> }
                }) }
            </ul>
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
                        ("answer", assessment.scale.iter().find(|p| p.value == change.value).map_or("", |p| p.label)),
                        ("statement", assessment.statements[change.statement].text),
                        ("option", assessment.outcomes[change.becomes.index()].name),
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
