//! What the visitor sees of the survey, all text from `content`.
//!
//! One component owns the flow's state and effects; each screen is a plain function of that
//! state. Every yew component brings its own copy of the lifecycle code (about 0.5 KB gzip
//! each), and these screens have no state of their own, so functions keep the first load
//! within its 100 KB budget.

use super::{Answers, Step, SurveyAction, SurveyState, PROGRESS, RESPONSES};
use crate::accessibility::use_step_focus;
use crate::content::{date_label, fill, survey, text, Question};
use crate::now;
use crate::prerender::Early;
use crate::privacy::{delete_my_data, notice_banner};
use crate::storage::hook::use_stored;
use crate::storage::{Failure, Vault};
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SurveyProps {
    pub vault: Vault,
    /// Prefix for element ids, unique per widget on the page.
    pub uid: AttrValue,
    /// What the visitor did in the page's prerendered screens before the wasm arrived.
    #[prop_or_default]
    pub early: Early,
}

type Survey = UseReducerHandle<SurveyState>;

/// The whole survey: restores the visitor's progress, stores every change at once, and moves
/// focus and announces each step change.
#[function_component]
pub fn SurveyWidget(props: &SurveyProps) -> Html {
    let survey = {
        let (vault, early) = (props.vault.clone(), props.early.clone());
        use_reducer(move || SurveyState::load(survey(), &vault, now()).take_over(&early, now()))
    };
    let failed = {
        let survey = survey.clone();
        Callback::from(move |failure: Failure| survey.dispatch(SurveyAction::StorageFailed(failure.into())))
    };
    let synced = {
        let (survey, vault) = (survey.clone(), props.vault.clone());
        Callback::from(move |()| {
            survey.dispatch(SurveyAction::Synced(Box::new(SurveyState::load(survey.survey, &vault, now()))))
        })
    };
    let records = (survey.progress(), survey.history());
    use_stored(&props.vault, (PROGRESS, RESPONSES), records, survey.already_stored, failed, synced);
    let root = use_node_ref();
    use_step_focus(&root, survey.step, survey.moved, survey.reminders);
    let delete_all = {
        let vault = props.vault.clone();
        let survey = survey.clone();
        Callback::from(move |_| match vault.delete_all() {
            Ok(()) => survey.dispatch(SurveyAction::DeletedAll),
            Err(failure) => survey.dispatch(SurveyAction::StorageFailed(failure.into())),
        })
    };
    let has_data = !survey.responses.is_empty() || survey.started.is_some();
    html! {
        <section class="aw-widget aw-survey" ref={root} aria-label={survey.survey.title}>
            { notice_banner(survey.notice) }
            <p class="aw-visually-hidden" aria-live="polite">{ announcement(&survey) }</p>
            {
                match survey.step {
                    Step::Intro => intro_screen(&survey),
                    Step::Question(_) => question_screen(&survey, &props.uid),
                    Step::Review => review_screen(&survey),
                    Step::Thanks => thanks_screen(&survey),
                }
            }
            if has_data && matches!(survey.step, Step::Intro | Step::Thanks) {
                { delete_my_data(delete_all) }
            }
        </section>
    }
}

/// A new visitor's introduction and, hidden until Start, the first question: what the page's
/// HTML holds until the wasm takes over (see `prerender`).
#[cfg(feature = "ssr")]
#[function_component]
pub fn SurveyScreens(props: &SurveyProps) -> Html {
    let content = survey();
    let intro = use_reducer(|| SurveyState::new(content));
    let first = use_reducer(|| SurveyState { step: Step::Question(0), ..SurveyState::new(content) });
    crate::prerender::frame("aw-survey", content.title, intro_screen(&intro), question_screen(&first, &props.uid))
}

/// What a screen reader hears when the step changes; silent on first load.
fn announcement(survey: &SurveyState) -> String {
    if !survey.moved {
        return String::new();
    }
    let text = text();
    match survey.question() {
        Some((index, question)) => {
            fill(text.announce_question, &[("progress", &progress_label(index, survey)), ("question", question.title)])
        }
        None => match survey.step {
            Step::Review => text.review_title.to_string(),
            Step::Thanks => text.thanks_title.to_string(),
            _ => survey.survey.title.to_string(),
        },
    }
}

fn progress_label(index: usize, survey: &SurveyState) -> String {
    let total = survey.survey.questions.len().to_string();
    fill(text().progress, &[("n", &(index + 1).to_string()), ("total", &total)])
}

fn on_click(survey: &Survey, action: impl Fn() -> SurveyAction + 'static) -> Callback<MouseEvent> {
    let survey = survey.clone();
    Callback::from(move |_| survey.dispatch(action()))
}

fn intro_screen(survey: &Survey) -> Html {
    let resuming = !survey.answers.is_empty();
    html! {
        <div class="aw-step">
            <h2 class="aw-step-heading" tabindex="-1">{ survey.survey.title }</h2>
            { for survey.survey.intro.iter().map(|paragraph| html! { <p>{ *paragraph }</p> }) }
            <div class="aw-nav">
                <button type="button" class="aw-primary" onclick={on_click(survey, || SurveyAction::Start { now: now() })}>
                    { if resuming { survey.survey.resume } else { survey.survey.start } }
                </button>
            </div>
            { history(survey) }
        </div>
    }
}

fn question_screen(survey: &Survey, uid: &str) -> Html {
    let text = text();
    let Some((index, question)) = survey.question() else { return html! {} };
    let total = survey.survey.questions.len();
    let answer = survey.answer(question).cloned().unwrap_or_default();
    let id = |part: &str| format!("{uid}-{}-{part}", question.id);
    let reminder = if question.multiple { text.choose_some } else { text.choose_one };
    let described_by = if survey.reminders > 0 { format!("{} {}", id("hint"), id("error")) } else { id("hint") };
    let onsubmit = {
        let survey = survey.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            survey.dispatch(SurveyAction::Next);
        })
    };
    let last = index + 1 == total || survey.editing_from_review;
    html! {
        <form class="aw-step" {onsubmit} novalidate=true>
            <div class="aw-progress">
                <p id={id("progress")}>{ progress_label(index, survey) }</p>
                <progress max={total.to_string()} value={(index + 1).to_string()} aria-labelledby={id("progress")} />
            </div>
            <fieldset class="aw-choices" aria-describedby={described_by}>
                <legend><h2 class="aw-step-heading" tabindex="-1">{ question.title }</h2></legend>
                <p class="aw-hint" id={id("hint")}>{ question.hint }</p>
                if survey.reminders > 0 {
                    <p class="aw-error" id={id("error")} tabindex="-1">{ reminder }</p>
                }
                { for question.options.iter().map(|option| {
                    let chosen = answer.choices.iter().any(|c| c == option.id);
                    let choose = {
                        let survey = survey.clone();
                        Callback::from(move |_: Event| survey.dispatch(SurveyAction::Choose(option.id.to_string())))
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
                    { if survey.editing_from_review { text.back_to_review } else { text.back } }
                </button>
                <button type="submit" class="aw-primary">{ if last { text.to_review } else { text.next } }</button>
            </div>
        </form>
    }
}

/// The optional comment, with a running count against its limit.
fn comment_box(survey: &Survey, question: &Question, id: &str, comment: &str) -> Html {
    let text = text();
    let max = question.comment_max.to_string();
    let used = comment.chars().count().to_string();
    let count_id = format!("{id}-count");
    let oninput = {
        let survey = survey.clone();
        Callback::from(move |event: InputEvent| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            survey.dispatch(SurveyAction::Comment(area.value()));
        })
    };
    html! {
        <div class="aw-comment">
            <label for={id.to_string()}>{ question.comment_label }</label>
            <textarea id={id.to_string()} rows="4" value={comment.to_string()} {oninput} aria-describedby={count_id.clone()} />
            <p class="aw-count" id={count_id}>{ fill(text.comment_count, &[("used", &used), ("max", &max)]) }</p>
            if survey.clamped {
                <p class="aw-error" role="alert">{ fill(text.comment_clamped, &[("max", &max)]) }</p>
            }
        </div>
    }
}

fn review_screen(survey: &Survey) -> Html {
    let text = text();
    let edit = {
        let survey = survey.clone();
        Callback::from(move |index| survey.dispatch(SurveyAction::Edit(index)))
    };
    html! {
        <div class="aw-step">
            <h2 class="aw-step-heading" tabindex="-1">{ text.review_title }</h2>
            <p>{ text.review_intro }</p>
            { answer_list(&survey.answers, Some(edit)) }
            <div class="aw-nav">
                <button type="button" class="aw-secondary" onclick={on_click(survey, || SurveyAction::Back)}>{ text.back }</button>
                <button type="button" class="aw-primary" onclick={on_click(survey, || SurveyAction::Submit { now: now() })}>
                    { text.submit }
                </button>
            </div>
        </div>
    }
}

fn thanks_screen(survey: &Survey) -> Html {
    let text = text();
    let latest = survey.responses.last().map(|r| r.answers.clone()).unwrap_or_default();
    html! {
        <div class="aw-step">
            <h2 class="aw-step-heading" tabindex="-1">{ text.thanks_title }</h2>
            <p>{ text.thanks_body }</p>
            { answer_list(&latest, None) }
            <div class="aw-nav">
                <button type="button" class="aw-primary" onclick={on_click(survey, || SurveyAction::Start { now: now() })}>
                    { text.start_again }
                </button>
            </div>
            { history(survey) }
        </div>
    }
}

/// Every question with the visitor's choices and comment, and a "Change" button per question
/// when `on_edit` is given.
fn answer_list(answers: &Answers, on_edit: Option<Callback<usize>>) -> Html {
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

/// The visitor's earlier responses on this device, newest first, each deletable.
fn history(survey: &Survey) -> Html {
    let text = text();
    if survey.responses.is_empty() {
        return html! {};
    }
    html! {
        <section class="aw-history">
            <h3>{ text.history_title }</h3>
            <ul>
                { for survey.responses.iter().rev().map(|response| {
                    let date = date_label(response.submitted);
                    let submitted = response.submitted;
                    html! {
                        <li key={submitted.to_string()}>
                            <details>
                                <summary>{ fill(text.submitted_on, &[("date", &date)]) }</summary>
                                { answer_list(&response.answers, None) }
                            </details>
                            <button type="button" class="aw-secondary"
                                aria-label={fill(text.delete_response_label, &[("date", &date)])}
                                onclick={on_click(survey, move || SurveyAction::DeleteResponse(submitted))}>
                                { text.delete_response }
                            </button>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
