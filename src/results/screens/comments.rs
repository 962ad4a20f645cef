//! A question's comments, the quotes the author looks for: searched, narrowed to those of
//! respondents who chose one option, shown a page at a time, each copied as a quote in a click.

use super::Loaded;
use crate::browser;
use crate::content::{fill, results, survey, LANGUAGE};
use crate::locale;
use crate::results::report::page_name;
use crate::results::summary::comments;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Comments shown at first, and added by each "show more".
const PAGE: usize = 20;

#[derive(Properties, PartialEq)]
pub struct CommentsProps {
    pub loaded: Loaded,
    pub page: Option<String>,
    /// The question's place in the content.
    pub index: usize,
}

#[function_component]
pub fn Comments(props: &CommentsProps) -> Html {
    let text = results();
    let question = &survey().questions[props.index];
    let search = use_state(String::new);
    let option = use_state(|| None::<usize>);
    let shown = use_state(|| PAGE);
    let copied = use_state(|| false);
    let found = comments(&props.loaded.0, props.page.as_deref(), props.index, *option, &search);
    let id = |what: &str| format!("aw-q{}-{what}", props.index);
    let on_search = {
        let (search, shown) = (search.clone(), shown.clone());
        Callback::from(move |event: InputEvent| {
            search.set(event.target_unchecked_into::<HtmlInputElement>().value());
            shown.set(PAGE);
        })
    };
    let on_option = {
        let (option, shown) = (option.clone(), shown.clone());
        Callback::from(move |event: Event| {
            let index = event.target_unchecked_into::<HtmlSelectElement>().selected_index();
            option.set(usize::try_from(index - 1).ok());
            shown.set(PAGE);
        })
    };
    let more = {
        let shown = shown.clone();
        Callback::from(move |_| shown.set(*shown + PAGE))
    };
    let count = fill(
        text.comments_shown,
        &[
            ("shown", &locale::number(found.len().min(*shown), LANGUAGE)),
            ("count", &locale::number(found.len(), LANGUAGE)),
        ],
    );
    html! {
        <div class="aw-comments">
            <h4>{ text.comments_title }</h4>
            <div class="aw-toolbar">
                <label for={id("search")}>{ text.search }</label>
                <input id={id("search")} type="search" value={(*search).clone()} oninput={on_search} />
                <label for={id("option")}>{ text.option_filter }</label>
                <select id={id("option")} onchange={on_option}>
                    <option selected={option.is_none()}>{ text.all_options }</option>
                    { for question.options.iter().enumerate().map(|(at, choice)| html! {
                        <option selected={*option == Some(at)}>{ choice.label }</option>
                    }) }
                </select>
            </div>
            <p role="status">{ if found.is_empty() { text.no_comments.to_string() } else { count } }</p>
            <ul class="aw-quotes">
                { for found.iter().take(*shown).enumerate().map(|(at, comment)| {
                    let quote = id(&format!("c{at}"));
                    let chose: Vec<&str> = comment.chosen.options.iter().filter_map(|&at| question.options.get(at)).map(|o| o.label).collect();
                    let onclick = {
                        let (words, copied) = (fill(text.quote, &[("comment", comment.chosen.comment.trim())]), copied.clone());
                        Callback::from(move |_| {
                            browser::copy(&words);
                            copied.set(true);
                        })
                    };
                    html! {
                        <li key={comment.received.id.clone()}>
                            <blockquote id={quote.clone()}>{ comment.chosen.comment.clone() }</blockquote>
                            <p class="aw-hint">
                                { fill(text.comment_about, &[
                                    ("options", &chose.join(", ")),
                                    ("date", &locale::day(&comment.received.date, LANGUAGE)),
                                    ("page", page_name(&comment.received.page)),
                                ]) }
                            </p>
                            <button type="button" class="aw-link" aria-describedby={quote} {onclick}>{ text.copy_quote }</button>
                        </li>
                    }
                }) }
            </ul>
            if found.len() > *shown {
                <button type="button" class="aw-secondary" onclick={more}>{ text.show_more }</button>
            }
            <p class="aw-visually-hidden" aria-live="polite">{ if *copied { text.copied } else { "" } }</p>
        </div>
    }
}
