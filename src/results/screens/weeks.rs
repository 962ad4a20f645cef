//! When and where the answers came: per week, and per page (article).

use super::table::{count, share, table};
use super::Loaded;
use crate::content::{results, LANGUAGE};
use crate::locale;
use crate::results::report::page_name;
use crate::results::summary::{self, percent, Summary};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct WeeksProps {
    pub summary: Rc<Summary>,
    pub loaded: Loaded,
}

#[function_component]
pub fn Weeks(props: &WeeksProps) -> Html {
    let text = results();
    let all = props.loaded.0.received.len();
    let weeks = props
        .summary
        .weeks
        .iter()
        .map(|week| (locale::day(&week.start, LANGUAGE), vec![count(week.responses), count(week.assessments)]));
    let pages = summary::pages(&props.loaded.0)
        .into_iter()
        .map(|(page, count)| (page_name(&page).to_string(), vec![self::count(count), share(percent(count, all))]));
    html! {
        <>
            <section aria-labelledby="aw-weeks-title">
                <h3 id="aw-weeks-title">{ text.weeks_title }</h3>
                { table(text.weeks_title, false, &[text.week, text.responses, text.assessments], weeks.collect()) }
            </section>
            <section aria-labelledby="aw-pages-title">
                <h3 id="aw-pages-title">{ text.pages_title }</h3>
                { table(text.pages_title, false, &[text.page, text.answers, text.share], pages.collect()) }
            </section>
        </>
    }
}
