//! The statements, each answered on the scale, and "See my result".

use super::{AssessmentHandle, Page};
use crate::assessment::AssessmentAction;
use crate::clock::now;
use crate::content::fill;
use crate::flow::Action;
use yew::prelude::*;

pub fn statements_screen(state: &AssessmentHandle, page: &Page) -> Html {
    let assessment = state.flow.assessment;
    let wording = &assessment.wording;
    let total = assessment.statements.len();
    let answered = state.flow.answered();
    let reminded = state.common.reminders > 0;
    let progress_id = format!("{}-progress", page.uid);
    let onsubmit = {
        let state = state.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            state.dispatch(Action::Flow(AssessmentAction::SeeResult { now: now() }));
        })
    };
    html! {
        <form class="aw-step" {onsubmit} novalidate=true>
            <h2 class="aw-step-heading" tabindex="-1">{ assessment.title }</h2>
            <div class="aw-progress">
                <p id={progress_id.clone()}>
                    { fill(wording.statement_progress, &[("answered", &answered.to_string()), ("total", &total.to_string())]) }
                </p>
                <progress max={total.to_string()} value={answered.to_string()} aria-labelledby={progress_id} />
            </div>
            if reminded {
                <p class="aw-error" tabindex="-1">{ wording.answer_all }</p>
            }
            { for assessment.statements.iter().enumerate().map(|(index, statement)| {
                let missing = reminded && state.flow.values[index].is_none();
                html! {
                    <fieldset class={classes!("aw-statement", missing.then_some("aw-missing"))}>
                        <legend>{ statement.text }</legend>
                        <div class="aw-scale">
                            { for assessment.scale.iter().map(|point| {
                                let value = point.value;
                                let choose = {
                                    let state = state.clone();
                                    Callback::from(move |_: Event| state.dispatch(Action::Flow(AssessmentAction::Answer { statement: index, value })))
                                };
                                html! {
                                    <label class="aw-option">
                                        <input type="radio" name={format!("{}-{}", page.uid, statement.id)} value={value.to_string()}
                                            checked={state.flow.values[index] == Some(value)} onchange={choose} aria-invalid={missing.then_some("true")} />
                                        <span>{ point.label }</span>
                                    </label>
                                }
                            }) }
                        </div>
                    </fieldset>
                }
            }) }
            <div class="aw-nav">
                <button type="submit" class="aw-primary">{ wording.see_result }</button>
            </div>
        </form>
    }
}
