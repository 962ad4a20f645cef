//! The self-assessment's introduction, with the offer of the survey and earlier results.

use super::result::history;
use super::{AssessmentHandle, Page};
use crate::content::assessment;
use crate::flow::screens::intro;
use yew::prelude::*;

pub fn intro_screen(state: &AssessmentHandle, page: &Page) -> Html {
    let content = state.flow.assessment;
    let labels = (content.start, content.resume);
    let below = html! { <>{ survey_offer(page) }{ history(state) }</> };
    intro(state, content.title, content.intro, labels, state.flow.answered() > 0, below)
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
