//! The thank-you screen with the answers just given, and the visitor's earlier responses.

use super::review::answer_list;
use super::SurveyHandle;
use crate::clock::now;
use crate::content::{fill, text, LANGUAGE};
use crate::flow::screens::{delivery_status, history as history_list, on_click, HistoryText};
use crate::locale;
use crate::survey::SurveyAction;
use yew::prelude::*;

pub fn thanks_screen(survey: &SurveyHandle) -> Html {
    let text = text();
    let latest = survey.common.history.last();
    let answers = latest.map(|r| r.answers.clone()).unwrap_or_default();
    let delivery = latest.and_then(|r| r.delivery.as_ref());
    let date = latest.map(|r| locale::date(r.submitted, LANGUAGE)).unwrap_or_default();
    html! {
        <div class="aw-step">
            <h2 class="aw-step-heading" tabindex="-1">{ text.thanks_title }</h2>
            <p>{ text.thanks_body }</p>
            { delivery_status(survey, delivery, &date) }
            { answer_list(&answers, None) }
            <div class="aw-nav">
                <button type="button" class="aw-primary" onclick={on_click(survey, || SurveyAction::Start { now: now() })}>
                    { text.start_again }
                </button>
            </div>
            { history(survey) }
        </div>
    }
}

/// The visitor's earlier responses on this device, newest first, each deletable.
pub fn history(survey: &SurveyHandle) -> Html {
    let text = text();
    let words = HistoryText {
        title: text.history_title,
        delete: text.delete_response,
        delete_label: text.delete_response_label,
    };
    history_list(survey, words, |response, date| {
        html! {
            <details>
                <summary>{ fill(text.submitted_on, &[("date", date)]) }</summary>
                { answer_list(&response.answers, None) }
            </details>
        }
    })
}
