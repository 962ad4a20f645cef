//! The review of every answer before they are given, and the list of answers it shares with
//! the thank-you screen and the history.

use super::SurveyHandle;
use crate::browser;
use crate::clock::now;
use crate::content::{fill, survey, text};
use crate::flow::screens::on_click;
use crate::flow::{Action, SendTo};
use crate::survey::{Answers, SurveyAction};
use yew::prelude::*;

/// `send_to`: where the answers go when given; kept on this device only when `None`.
pub fn review_screen(survey: &SurveyHandle, send_to: Option<&SendTo>) -> Html {
    let text = text();
    let submit = {
        let send_to = send_to.cloned();
        on_click(survey, move || {
            let now = now();
            SurveyAction::Submit { now, delivery: send_to.as_ref().map(|to| to.delivery(browser::random_id(), now)) }
        })
    };
    let edit = {
        let survey = survey.clone();
        Callback::from(move |index| survey.dispatch(Action::Flow(SurveyAction::Edit(index))))
    };
    html! {
        <div class="aw-step">
            <h2 class="aw-step-heading" tabindex="-1">{ text.review_title }</h2>
            <p>{ if send_to.is_some() { text.review_intro_send } else { text.review_intro } }</p>
            { answer_list(&survey.flow.answers, Some(edit)) }
            if let Some(to) = send_to {
                <p class="aw-hint">{ fill(text.goes_to, &[("host", to.host())]) }</p>
            }
            <div class="aw-nav">
                <button type="button" class="aw-secondary" onclick={on_click(survey, || SurveyAction::Back)}>{ text.back }</button>
                <button type="button" class="aw-primary" onclick={submit}>
                    { if send_to.is_some() { text.send } else { text.submit } }
                </button>
            </div>
        </div>
    }
}

/// Every question with the visitor's choices and comment, and a "Change" button per question
/// when `on_edit` is given.
pub fn answer_list(answers: &Answers, on_edit: Option<Callback<usize>>) -> Html {
    let text = text();
    html! {
        <dl class="aw-answers">
            { for survey().questions.iter().enumerate().map(|(index, question)| {
                let answer = answers.get(question.id);
                let labels: Vec<&str> = question.options.iter()
                    .filter(|o| answer.is_some_and(|a| a.choices.iter().any(|c| c == o.id)))
                    .map(|o| o.label)
                    .collect();
                let comment = answer.map(|a| a.comment.clone()).filter(|c| !c.is_empty());
                html! {
                    <div class="aw-answer">
                        <dt>{ question.title }</dt>
                        <dd>{ if labels.is_empty() { text.no_answer.to_string() } else { labels.join(", ") } }</dd>
                        if let Some(comment) = comment {
                            <dd class="aw-answer-comment"><span class="aw-visually-hidden">{ text.your_comment }</span>{ comment }</dd>
                        }
                        if let Some(on_edit) = &on_edit {
                            <dd>
                                <button type="button" class="aw-link" onclick={on_edit.reform(move |_| index)}
                                    aria-label={fill(text.change_label, &[("question", question.title)])}>{ text.change }</button>
                            </dd>
                        }
                    </div>
                }
            }) }
        </dl>
    }
}
