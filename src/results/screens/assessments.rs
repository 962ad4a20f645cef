//! The self-assessments sent to the author: how often each option came out best, and its
//! median fit.

use super::table::{share, table};
use crate::content::{assessment, results, LANGUAGE};
use crate::locale;
use crate::results::summary::{percent, Summary};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AssessmentsProps {
    pub summary: Rc<Summary>,
}

#[function_component]
pub fn Assessments(props: &AssessmentsProps) -> Html {
    let text = results();
    let summary = &props.summary;
    let rows = assessment().outcomes.iter().zip(&summary.outcomes).map(|(outcome, counted)| {
        let part = locale::percent(percent(counted.best, summary.assessments), LANGUAGE);
        let best = format!("{} ({part})", locale::number(counted.best, LANGUAGE));
        (outcome.name.to_string(), vec![html! { best }, share(counted.median as usize)])
    });
    html! {
        <section aria-labelledby="aw-assessments-title">
            <h3 id="aw-assessments-title">{ text.assessments_title }</h3>
            { table(text.assessments_title, false, &[text.option, text.came_out_best, text.median_fit], rows.collect()) }
        </section>
    }
}
