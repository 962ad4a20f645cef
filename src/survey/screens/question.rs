//! One question: its progress, its options, the optional comment, Back and Next.

use super::{progress_label, SurveyHandle};
use crate::content::{fill, text, Question, LANGUAGE};
use crate::flow::screens::on_click;
use crate::flow::Action;
use crate::locale;
use crate::survey::SurveyAction;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

pub fn question_screen(survey: &SurveyHandle, uid: &str) -> Html {
    let text = text();
    let Some((index, question)) = survey.question() else { return html! {} };
    let total = survey.flow.survey.questions.len();
    let answer = survey.flow.answer(question).cloned().unwrap_or_default();
    let id = |part: &str| format!("{uid}-{}-{part}", question.id);
    let reminded = survey.common.reminders > 0;
    let reminder = if question.multiple { text.choose_some } else { text.choose_one };
    let described_by = if reminded { format!("{} {}", id("hint"), id("error")) } else { id("hint") };
    let onsubmit = {
        let survey = survey.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            survey.dispatch(Action::Flow(SurveyAction::Next));
        })
    };
    let editing = survey.flow.editing_from_review;
    let last = index + 1 == total || editing;
    html! {
        <form class="aw-step" {onsubmit} novalidate=true>
            <div class="aw-progress">
                <p id={id("progress")}>{ progress_label(index, survey) }</p>
                <progress max={total.to_string()} value={(index + 1).to_string()} aria-labelledby={id("progress")} />
            </div>
            <fieldset class="aw-choices" aria-describedby={described_by}>
                <legend><h2 class="aw-step-heading" tabindex="-1">{ question.title }</h2></legend>
                <p class="aw-hint" id={id("hint")}>{ question.hint }</p>
                if reminded {
                    <p class="aw-error" id={id("error")} tabindex="-1">{ reminder }</p>
                }
                { for question.options.iter().map(|option| {
                    let chosen = answer.choices.iter().any(|c| c == option.id);
                    let choose = {
                        let survey = survey.clone();
                        Callback::from(move |_: Event| survey.dispatch(Action::Flow(SurveyAction::Choose(option.id.to_string()))))
                    };
                    html! {
                        <label class="aw-option">
                            <input type={if question.multiple { "checkbox" } else { "radio" }}
                                name={id("choice")} value={option.id} checked={chosen} onchange={choose} />
                            <span>{ option.label }</span>
                        </label>
                    }
                }) }
            </fieldset>
            { comment_box(survey, question, &id("comment"), &answer.comment) }
            <div class="aw-nav">
                <button type="button" class="aw-secondary" onclick={on_click(survey, || SurveyAction::Back)}>
                    { if editing { text.back_to_review } else { text.back } }
                </button>
                <button type="submit" class="aw-primary">{ if last { text.to_review } else { text.next } }</button>
            </div>
        </form>
    }
}

/// The optional comment, with a running count against its limit.
fn comment_box(survey: &SurveyHandle, question: &Question, id: &str, comment: &str) -> Html {
    let text = text();
    let max = locale::number(question.comment_max, LANGUAGE);
    let used = locale::number(comment.chars().count(), LANGUAGE);
    let count_id = format!("{id}-count");
    let oninput = {
        let survey = survey.clone();
        Callback::from(move |event: InputEvent| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            survey.dispatch(Action::Flow(SurveyAction::Comment(area.value())));
        })
    };
    html! {
        <div class="aw-comment">
            <label for={id.to_string()}>{ question.comment_label }</label>
            <textarea id={id.to_string()} rows="4" value={comment.to_string()} {oninput} aria-describedby={count_id.clone()} />
            <p class="aw-count" id={count_id}>{ fill(text.comment_count, &[("used", &used), ("max", &max)]) }</p>
            if survey.flow.clamped {
                <p class="aw-error" role="alert">{ fill(text.comment_clamped, &[("max", &max)]) }</p>
            }
        </div>
    }
}
