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

/// A page's widget, as the build read it from its mount (`scripts/page-options.mjs`, by the
/// embeds' rules in `embed/options.js`, whose names it keeps).
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MountOptions {
    pub flow: String,
    pub namespace: String,
    pub theme: String,
    pub accent: Option<String>,
    pub compact: bool,
    pub survey_link: Option<String>,
    pub endpoint: Option<String>,
}

/// `page` with the first screens of each of its widget mounts, started with `mounts` (their
/// options, in the page's order): each mount gets a widget root, as an embed's shadow root
/// does, styled by the options, holding the screens and `script` (`embed/early.js`, minified),
/// which runs them until the wasm arrives, and starts the widget with the same arguments as
/// the loader (the download's module among them, of use to self-assessments only).
pub async fn into_page(page: &str, script: &str, export_module: &str, mounts: &[MountOptions]) -> String {
    let mut out = String::with_capacity(page.len() * 4);
    let mut rest = page;
    let mut mounts = mounts.iter();
    let mut counts = [0, 0];
    while let Some(at) = rest.find(MOUNT) {
        let Some(end) = rest[at..].find('>').map(|end| at + end + 1) else { break };
        let tag = &rest[rest[..at].rfind('<').unwrap_or(at)..end];
        let options = mounts.next().expect("the options of every mount on the page");
        let flow = attribute(tag, "data-alliance-widget").unwrap_or_default();
        assert_eq!(flow, options.flow, "the mounts' options in the page's order");
        let index = usize::from(flow == "assessment");
        let screens = match flow {
            "survey" => survey_screens(counts[0], options).await,
            _ => assessment_screens(counts[1], options).await,
        };
        counts[index] += 1;
        out.push_str(&rest[..end]);
        out.push_str(&root(options));
        out.push_str(&screens);
        out.push_str(&early_script(script, options, export_module));
        out.push_str("</div>");
        rest = &rest[end..];
    }
    assert!(mounts.next().is_none(), "as many mounts as options");
    out.push_str(rest);
    out
}

/// The opening tag of a widget's root: the theme and density as classes, the accent as the
/// custom property the widget's styles read, as the embed loader sets them (`embed/loader.js`).
fn root(options: &MountOptions) -> String {
    let compact = if options.compact { " aw-compact" } else { "" };
    let accent = options.accent.as_deref().map(|accent| format!(" style=\"--alliance-accent:{}\"", escape(accent)));
    format!("<div class=\"aw-root aw-theme-{}{compact}\"{}>", escape(&options.theme), accent.unwrap_or_default())
}

/// `text` safe inside a double-quoted attribute.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;")
}

/// An attribute's value in an opening tag, quoted or not (the built pages are minified).
pub fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let value = &tag[tag.find(&format!(" {name}="))? + name.len() + 2..];
    match value.strip_prefix(['"', '\'']) {
        Some(quoted) => quoted.split(['"', '\'']).next(),
        None => value.split([' ', '>']).next(),
    }
}

fn vault(namespace: &str, flow: &str) -> Vault {
    Vault::new(Rc::new(MemoryStore::default()), namespace, flow)
}

/// The first screens of `flow` alone, for the embed loader to put in a shadow root; `None` for
/// a flow that does not exist.
pub async fn screens(flow: &str) -> Option<String> {
    let options = MountOptions { namespace: DEFAULT_NAMESPACE.into(), ..Default::default() };
    match flow {
        "survey" => Some(survey_screens(0, &options).await),
        "assessment" => Some(assessment_screens(0, &options).await),
        _ => None,
    }
}

async fn survey_screens(index: usize, options: &MountOptions) -> String {
    let (uid, namespace) = (uid("survey", index), options.namespace.clone());
    ServerRenderer::<SurveyScreens>::with_props(move || SurveyProps {
        vault: vault(&namespace, "survey"),
        uid: uid.into(),
        early: Default::default(),
        send_to: None,
    })
    .hydratable(false)
    .render()
    .await
}

async fn assessment_screens(index: usize, options: &MountOptions) -> String {
    let (uid, namespace, survey_link) =
        (uid("assessment", index), options.namespace.clone(), options.survey_link.clone());
    ServerRenderer::<AssessmentScreens>::with_props(move || AssessmentProps {
        vault: vault(&namespace, "assessment"),
        namespace: namespace.into(),
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

/// The script for the widget's keys, which also starts it once trunk's module has the wasm
/// running (its `TrunkApplicationStarted` event): the flow's `mount`, handed the widget's
/// options in the order the embed loader hands an embed's (`embed/loader.js`). An error before
/// then (trunk's module failing to fetch the wasm, or its own import; not a link's, such as the
/// icon's) has the screens say that the rest could not be loaded. And, for a browser without
/// script, what hides the buttons it cannot run.
fn early_script(script: &str, options: &MountOptions, export_module: &str) -> String {
    let keys = js(&flow_prefix(&options.namespace, &options.flow));
    let (namespace, endpoint, survey_link) = (js(&options.namespace), js(&options.endpoint), js(&options.survey_link));
    // Short names, as this goes into every page: `m` the widget's root, `x` the screens, `s`
    // whether trunk's module has started the wasm.
    let start = format!(
        "addEventListener(\"TrunkApplicationStarted\",()=>{{s=1;wasmBindings.mount(m,{namespace},{endpoint},{survey_link},{})}})",
        js(export_module)
    );
    let failed = r#"addEventListener("error",e=>s||e.target.localName==="link"||unloaded(x),true)"#;
    let run = format!(
        "const m=document.currentScript.parentElement,x=document.currentScript.previousElementSibling;let s;early(x,{keys});{start};{failed}"
    );
    // Without script, the introduction still reads, but the buttons would do nothing.
    let noscript = "<noscript><style>[data-prerendered] .aw-nav{display:none}</style></noscript>";
    format!("<script>{}{{{run}}}</script>{noscript}", script.trim())
}

/// `value` as a JS literal inside a `<script>` (`null` for none, which wasm-bindgen takes for
/// `None`): JSON, with no `<` to end the script early.
fn js<T: serde::Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).expect("text as JSON").replace('<', "\\u003c")
}
