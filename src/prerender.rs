//! A page's first screens written into its HTML at build time (`src/bin/prerender.rs`), so
//! that the first question can be answered before the wasm has arrived.
//!
//! The page holds the introduction and, hidden until Start, the first question, as the widget
//! renders them for a new visitor. `embed/early.js`, inlined after them, makes Start and Back
//! work until the wasm takes their place, and keeps what the visitor does for it (`early`).

use crate::assessment::screens::{intro_screen, statements_screen, AssessmentProps, Page};
use crate::assessment::AssessmentState;
use crate::content::{assessment, survey, text, LANGUAGE};
use crate::early::uid;
use crate::flow::State;
use crate::storage::{flow_prefix, MemoryStore, Vault, DEFAULT_NAMESPACE};
use crate::survey::screens::{intro_screen as survey_intro, question_screen, SurveyProps};
use crate::survey::{Step, SurveyState};
use std::rc::Rc;
use yew::prelude::*;
use yew::ServerRenderer;

/// A new visitor's introduction and, hidden until Start, the first question: what the page's
/// HTML holds until the wasm takes over.
#[function_component]
fn SurveyScreens(props: &SurveyProps) -> Html {
    let intro = use_reducer(State::<SurveyState>::new);
    let first = use_reducer(|| {
        let mut first = State::<SurveyState>::new();
        first.common.step = Step::Question(0);
        first
    });
    frame("aw-survey", survey().title, survey_intro(&intro), question_screen(&first, &props.uid))
}

/// A new reader's introduction and, hidden until Start, the statements.
#[function_component]
fn AssessmentScreens(props: &AssessmentProps) -> Html {
    let intro = use_reducer(State::<AssessmentState>::new);
    let statements = use_reducer(|| {
        let mut statements = State::<AssessmentState>::new();
        statements.common.step = crate::assessment::Step::Statements;
        statements
    });
    let page = Page::of(props);
    frame("aw-assessment", assessment().title, intro_screen(&intro, &page), statements_screen(&statements, &page))
}

/// The widget's frame around a flow's introduction and its first question, the second
/// hidden; marked for `early.js` and for `embed`, which takes it over, and holding what
/// `early.js` says if the wasm never comes.
fn frame(class: &'static str, title: &'static str, intro: Html, first: Html) -> Html {
    html! {
        <section class={classes!("aw-widget", class)} aria-label={title} lang={LANGUAGE} data-prerendered="" data-unloaded={text().unloaded}>
            <p class="aw-visually-hidden" aria-live="polite"></p>
            { intro }
            <div data-then="" hidden=true>{ first }</div>
        </section>
    }
}

const MOUNT: &str = "data-alliance-widget=";

/// `page` with the first screens of each of its widget mounts, each followed by `script`
/// (`embed/early.js`, minified), which runs them until the wasm arrives. Self-assessment mounts
/// are told where the download's module is (`data-export`), and every mount where answers go
/// when the build names an `endpoint` (`data-endpoint`). Mounts of no known flow stay as they
/// are.
pub async fn into_page(page: &str, script: &str, export_module: &str, endpoint: Option<&str>) -> String {
    let mut out = String::with_capacity(page.len() * 4);
    let mut rest = page;
    let mut counts = [0, 0];
    while let Some(at) = rest.find(MOUNT) {
        let Some(end) = rest[at..].find('>').map(|end| at + end + 1) else { break };
        let tag = &rest[rest[..at].rfind('<').unwrap_or(at)..end];
        let flow = attribute(tag, "data-alliance-widget").unwrap_or_default();
        let survey_link = attribute(tag, "data-survey-link").map(str::to_string);
        let screens = match flow {
            "survey" => Some(survey_screens(counts[0]).await),
            "assessment" => Some(assessment_screens(counts[1], survey_link).await),
            _ => None,
        };
        out.push_str(&rest[..end - 1]);
        if flow == "assessment" {
            out.push_str(&format!(" data-export={export_module:?}"));
        }
        if let Some(endpoint) = endpoint.filter(|_| screens.is_some()) {
            out.push_str(&format!(" data-endpoint={endpoint:?}"));
        }
        out.push('>');
        if let Some(screens) = screens {
            counts[usize::from(flow == "assessment")] += 1;
            out.push_str(&screens);
            out.push_str(&early_script(script, flow));
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// An attribute's value in an opening tag, quoted or not (the built pages are minified).
pub fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let value = &tag[tag.find(&format!(" {name}="))? + name.len() + 2..];
    match value.strip_prefix(['"', '\'']) {
        Some(quoted) => quoted.split(['"', '\'']).next(),
        None => value.split([' ', '>']).next(),
    }
}

fn vault(flow: &str) -> Vault {
    Vault::new(Rc::new(MemoryStore::default()), DEFAULT_NAMESPACE, flow)
}

/// The first screens of `flow` alone, for the embed loader to put in a shadow root; `None` for
/// a flow that does not exist.
pub async fn screens(flow: &str) -> Option<String> {
    match flow {
        "survey" => Some(survey_screens(0).await),
        "assessment" => Some(assessment_screens(0, None).await),
        _ => None,
    }
}

async fn survey_screens(index: usize) -> String {
    let uid = uid("survey", index);
    ServerRenderer::<SurveyScreens>::with_props(move || SurveyProps {
        vault: vault("survey"),
        uid: uid.into(),
        early: Default::default(),
        send_to: None,
    })
    .hydratable(false)
    .render()
    .await
}

async fn assessment_screens(index: usize, survey_link: Option<String>) -> String {
    let uid = uid("assessment", index);
    ServerRenderer::<AssessmentScreens>::with_props(move || AssessmentProps {
        vault: vault("assessment"),
        namespace: DEFAULT_NAMESPACE.into(),
        uid: uid.into(),
        page_url: AttrValue::default(),
        shared: None,
        survey_link: survey_link.map(Into::into),
        export_module: AttrValue::default(),
        early: Default::default(),
        send_to: None,
    })
    .hydratable(false)
    .render()
    .await
}

/// The script for the flow's keys, which also starts the page's widget once trunk's module
/// has the wasm running (its `TrunkApplicationStarted` event): the flow's `mount`, handed the
/// mount's options in the order the embed loader hands an embed's (`embed/loader.js`), from
/// the attributes the build wrote and held to the embeds' rules. An error before then (trunk's
/// module failing to fetch the wasm, or its own import; not a link's, such as the icon's) has
/// the screens say that the rest could not be loaded. And, for a browser without script, what
/// hides the buttons it cannot run.
fn early_script(script: &str, flow: &str) -> String {
    let keys = format!("{:?}", flow_prefix(DEFAULT_NAMESPACE, flow));
    // Short names, as this goes into every page: `m` the mount, `d` its options (the build's
    // attributes), `x` the screens, `s` whether trunk's module has started the wasm.
    let start = format!(
        "addEventListener(\"TrunkApplicationStarted\",()=>{{s=1;wasmBindings.mount(m,{DEFAULT_NAMESPACE:?},d.endpoint,d.surveyLink,d.export)}})"
    );
    let failed = r#"addEventListener("error",e=>s||e.target.localName==="link"||unloaded(x),true)"#;
    let run = format!(
        "const m=document.currentScript.parentElement,d=m.dataset,x=document.currentScript.previousElementSibling;let s;early(x,{keys});{start};{failed}"
    );
    // Without script, the introduction still reads, but the buttons would do nothing.
    let noscript = "<noscript><style>[data-prerendered] .aw-nav{display:none}</style></noscript>";
    format!("<script>{}{{{run}}}</script>{noscript}", script.trim())
}
