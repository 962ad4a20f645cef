//! The survey's introduction, with the visitor's earlier responses below it.

use super::thanks::history;
use super::SurveyHandle;
use crate::clock::now;
use crate::flow::screens::on_click;
use crate::survey::SurveyAction;
use yew::prelude::*;

pub fn intro_screen(survey: &SurveyHandle) -> Html {
    let content = survey.flow.survey;
    let resuming = !survey.flow.answers.is_empty();
    html! {
        <div class="aw-step">
            <h2 class="aw-step-heading" tabindex="-1">{ content.title }</h2>
            { for content.intro.iter().map(|paragraph| html! { <p>{ *paragraph }</p> }) }
            <div class="aw-nav">
                <button type="button" class="aw-primary" onclick={on_click(survey, || SurveyAction::Start { now: now() })}>
                    { if resuming { content.resume } else { content.start } }
                </button>
            </div>
            { history(survey) }
        </div>
    }
}
