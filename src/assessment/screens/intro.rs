//! The self-assessment's introduction, with the offer of the survey and earlier results.

use super::result::history;
use super::{AssessmentHandle, Page};
use crate::assessment::AssessmentAction;
use crate::clock::now;
use crate::content::assessment;
use crate::flow::screens::on_click;
use yew::prelude::*;

pub fn intro_screen(state: &AssessmentHandle, page: &Page) -> Html {
    let assessment = state.flow.assessment;
    let resuming = state.flow.answered() > 0;
    html! {
        <div class="aw-step">
            <h2 class="aw-step-heading" tabindex="-1">{ assessment.title }</h2>
            { for assessment.intro.iter().map(|paragraph| html! { <p>{ *paragraph }</p> }) }
            <div class="aw-nav">
                <button type="button" class="aw-primary" onclick={on_click(state, || AssessmentAction::Start { now: now() })}>
                    { if resuming { assessment.resume } else { assessment.start } }
                </button>
            </div>
            { survey_offer(page) }
            { history(state) }
        </div>
    }
}

/// The link to the survey, where the page has one.
pub fn survey_offer(page: &Page) -> Html {
    match page.survey_link {
        Some(link) => {
            html! { <p class="aw-offer"><a href={link.to_string()}>{ assessment().wording.to_survey }</a></p> }
        }
        None => html! {},
    }
}
