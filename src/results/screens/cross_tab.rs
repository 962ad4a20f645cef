//! Two questions side by side: how many respondents gave each pair of answers.

use super::table::{count, table};
use super::Loaded;
use crate::content::{fill, results, survey};
use crate::results::summary::cross_tab;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CrossTabProps {
    pub loaded: Loaded,
    pub page: Option<String>,
}

#[function_component]
pub fn CrossTab(props: &CrossTabProps) -> Html {
    let text = results();
    let questions = survey().questions;
    // At first, whether interim would work by where alliance managers come from.
    let rows = use_state(|| questions.len().saturating_sub(2));
    let columns = use_state(|| 0);
    let choose = |which: &UseStateHandle<usize>| {
        let which = which.clone();
        Callback::from(move |event: Event| {
            let index = event.target_unchecked_into::<HtmlSelectElement>().selected_index();
            which.set(usize::try_from(index).unwrap_or(0));
        })
    };
    let select = |id: &'static str, label: &'static str, chosen: &UseStateHandle<usize>| {
        html! {
            <>
                <label for={id}>{ label }</label>
                <select {id} onchange={choose(chosen)}>
                    { for questions.iter().enumerate().map(|(at, question)| html! {
                        <option selected={**chosen == at}>{ question.title }</option>
                    }) }
                </select>
            </>
        }
    };
    let (Some(row_question), Some(column_question)) = (questions.get(*rows), questions.get(*columns)) else {
        return html! {};
    };
    let counts = cross_tab(&props.loaded.0, props.page.as_deref(), *rows, *columns);
    let caption = fill(text.cross_caption, &[("rows", row_question.title), ("columns", column_question.title)]);
    let head: Vec<&str> =
        std::iter::once(row_question.title).chain(column_question.options.iter().map(|o| o.label)).collect();
    let cells = row_question
        .options
        .iter()
        .zip(counts)
        .map(|(option, counts)| (option.label.to_string(), counts.into_iter().map(count).collect()));
    html! {
        <section class="aw-cross" aria-labelledby="aw-cross-title">
            <h3 id="aw-cross-title">{ text.cross_title }</h3>
            <div class="aw-toolbar">
                { select("aw-cross-rows", text.cross_rows, &rows) }
                { select("aw-cross-columns", text.cross_columns, &columns) }
            </div>
            <div class="aw-scroll" tabindex="0" role="region" aria-label={caption.clone()}>
                { table(&caption, true, &head, cells.collect()) }
            </div>
        </section>
    }
}
