//! A result opened from someone's share link: shown read-only, or, when the link was cut
//! short or altered, a sentence that says so.

use super::explanation::explanation;
use crate::content::{assessment, Assessment};
use yew::prelude::*;

/// Someone else's result, read-only, with the way to take the assessment oneself.
pub fn shared_result(assessment: &'static Assessment, values: &[i32], take_it_yourself: Callback<MouseEvent>) -> Html {
    let wording = &assessment.wording;
    html! {
        <div class="aw-step aw-result">
            <h2 class="aw-step-heading" tabindex="-1">{ wording.shared_title }</h2>
            <p>{ wording.shared_body }</p>
            { explanation(assessment, values) }
            <div class="aw-nav aw-no-print">
                <button type="button" class="aw-primary" onclick={take_it_yourself}>{ wording.take_it_yourself }</button>
            </div>
        </div>
    }
}

pub fn broken_link(take_it_yourself: Callback<MouseEvent>) -> Html {
    let wording = &assessment().wording;
    html! {
        <div class="aw-step">
            <h2 class="aw-step-heading" tabindex="-1">{ assessment().title }</h2>
            <p class="aw-notice" role="alert">{ wording.share_broken }</p>
            <div class="aw-nav">
                <button type="button" class="aw-primary" onclick={take_it_yourself}>{ wording.take_it_yourself }</button>
            </div>
        </div>
    }
}
