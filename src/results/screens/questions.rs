//! Each question's answers: how many respondents chose each option, as figures in a table with
//! a bar beside each share, and the comments below.

use super::comments::Comments;
use super::table::{count, share, table};
use super::Loaded;
use crate::content::{fill, results, survey, Question, LANGUAGE};
use crate::locale;
use crate::results::summary::{percent, Summary, Tally};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QuestionsProps {
    pub loaded: Loaded,
    pub summary: Rc<Summary>,
    pub page: Option<String>,
}

#[function_component]
pub fn Questions(props: &QuestionsProps) -> Html {
    html! {
        { for survey().questions.iter().zip(&props.summary.tallies).enumerate().map(|(index, (question, tally))| html! {
            <section class="aw-question-result" aria-labelledby={format!("aw-q{index}")}>
                <h3 id={format!("aw-q{index}")}>{ question.title }</h3>
                { shares(question, tally, props.summary.responses) }
                <Comments loaded={props.loaded.clone()} page={props.page.clone()} {index} />
            </section>
        }) }
    }
}

/// The options' counts and shares; the bars repeat the shares for the eye only.
pub fn shares(question: &Question, tally: &Tally, total: usize) -> Html {
    let text = results();
    let number = |value| locale::number(value, LANGUAGE);
    let answered = fill(text.answered, &[("count", &number(tally.answered)), ("total", &number(total))]);
    let rows = question.options.iter().zip(&tally.counts).map(|(option, &counted)| {
        let part = percent(counted, tally.answered);
        let figure = html! {
            <span class="aw-figure">
                <meter min="0" max="100" value={part.to_string()} aria-hidden="true"></meter>
                { share(part) }
            </span>
        };
        (option.label.to_string(), vec![count(counted), figure])
    });
    html! {
        <>
            <p>{ answered }</p>
            if question.multiple {
                <p class="aw-hint">{ text.several }</p>
            }
            { table(question.title, false, &[text.option, text.count, text.share], rows.collect()) }
        </>
    }
}
