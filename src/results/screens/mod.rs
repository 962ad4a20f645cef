//! The results page's screens: the files to open, how they were read, and the report on the
//! answers, narrowed to one page if the author likes. `ResultsPage` holds what was read, in
//! memory only; `Report` renders it and is rendered on its own by the tests.

mod assessments;
mod comments;
mod cross_tab;
mod files;
mod open;
mod questions;
mod table;
mod weeks;

use super::report::{page_name, summary_csv};
use super::summary::{pages, summarise};
use super::{Collection, FileReading};
use crate::browser;
use crate::content::{fill, results, LANGUAGE};
use crate::locale;
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// What was read so far; screens compare it by identity, as it is large and never changed in
/// place.
#[derive(Clone, Default)]
pub struct Loaded(pub Rc<Collection>);

impl PartialEq for Loaded {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The files opened so far, and how many are being read.
#[derive(Default, PartialEq)]
struct Opened {
    loaded: Loaded,
    reading: usize,
}

enum Opening {
    Started(usize),
    Read(Vec<FileReading>),
}

impl Reducible for Opened {
    type Action = Opening;
    fn reduce(self: Rc<Self>, action: Opening) -> Rc<Self> {
        match action {
            Opening::Started(count) => Rc::new(Opened { loaded: self.loaded.clone(), reading: count }),
            Opening::Read(files) => {
                let mut collection = (*self.loaded.0).clone();
                files.into_iter().for_each(|file| collection.add(file));
                Rc::new(Opened { loaded: Loaded(Rc::new(collection)), reading: 0 })
            }
        }
    }
}

#[function_component]
pub fn ResultsPage() -> Html {
    let text = results();
    let opened = use_reducer(Opened::default);
    let on_start = {
        let opened = opened.dispatcher();
        Callback::from(move |count| opened.dispatch(Opening::Started(count)))
    };
    let on_read = {
        let opened = opened.dispatcher();
        Callback::from(move |files| opened.dispatch(Opening::Read(files)))
    };
    let collection = &opened.loaded.0;
    let status = if opened.reading > 0 {
        fill(text.reading, &[("count", &opened.reading.to_string())])
    } else if collection.files.is_empty() {
        text.nothing_yet.into()
    } else {
        totals(collection)
    };
    html! {
        <section class="aw-widget aw-results" aria-labelledby="aw-results-title" lang={LANGUAGE}>
            <h2 id="aw-results-title">{ text.title }</h2>
            <p>{ text.intro }</p>
            <p class="aw-hint">{ text.private }</p>
            <open::Open {on_start} {on_read} />
            <p class="aw-status" role="status">{ status }</p>
            if !collection.files.is_empty() {
                <files::Files loaded={opened.loaded.clone()} />
            }
            if !collection.received.is_empty() {
                <Report loaded={opened.loaded.clone()} />
            }
        </section>
    }
}

/// "4 survey responses and 2 self-assessments, from 1 files."
fn totals(collection: &Collection) -> String {
    let number = |value| locale::number(value, LANGUAGE);
    let responses = number(collection.responses(None).count());
    let assessments = number(collection.assessments(None).count());
    let files = number(collection.files.len());
    fill(results().totals, &[("responses", &responses), ("assessments", &assessments), ("files", &files)])
}

#[derive(Properties, PartialEq)]
pub struct ReportProps {
    pub loaded: Loaded,
}

/// The summary of what was read, for every page or the one chosen.
#[function_component]
pub fn Report(props: &ReportProps) -> Html {
    let text = results();
    let page = use_state(|| None::<String>);
    let loaded = props.loaded.clone();
    let summary = use_memo((loaded.clone(), (*page).clone()), |(loaded, page)| summarise(&loaded.0, page.as_deref()));
    let on_page = {
        let page = page.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            let index = select.selected_index();
            page.set(if index <= 0 { None } else { Some(select.value()) });
        })
    };
    let download = {
        let (summary, loaded) = (summary.clone(), loaded.clone());
        Callback::from(move |_| browser::offer_file(text.summary_file, "text/csv", &summary_csv(&summary, &loaded.0)))
    };
    let all = loaded.0.received.len().to_string();
    html! {
        <div class="aw-report">
            <div class="aw-toolbar">
                <label for="aw-page">{ text.page_filter }</label>
                <select id="aw-page" onchange={on_page}>
                    <option value="" selected={page.is_none()}>{ fill(text.all_pages, &[("count", &all)]) }</option>
                    { for pages(&loaded.0).into_iter().map(|(name, count)| html! {
                        <option value={name.clone()} selected={page.as_deref() == Some(name.as_str())}>
                            { format!("{} ({count})", page_name(&name)) }
                        </option>
                    }) }
                </select>
                <button type="button" class="aw-secondary" onclick={download}>{ text.download }</button>
                <button type="button" class="aw-secondary" onclick={Callback::from(|_| browser::print())}>{ text.print }</button>
            </div>
            <questions::Questions loaded={loaded.clone()} summary={summary.clone()} page={(*page).clone()} />
            if summary.responses > 0 {
                <cross_tab::CrossTab loaded={loaded.clone()} page={(*page).clone()} />
            }
            <weeks::Weeks summary={summary.clone()} loaded={loaded.clone()} />
            if summary.assessments > 0 {
                <assessments::Assessments summary={summary.clone()} />
            }
        </div>
    }
}
