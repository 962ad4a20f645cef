//! The first screens written into a built page: each mount gets its flow's, they are the very
//! screens the widget renders for a new visitor, and the script that runs them and starts the
//! widget with the mount's options comes along.
#![cfg(all(feature = "ssr", not(target_arch = "wasm32")))]

use alliance_widget::assessment::screens::{AssessmentProps, AssessmentWidget};
use alliance_widget::prerender::{into_page, MountOptions};
use alliance_widget::storage::{MemoryStore, Vault};
use alliance_widget::survey::screens::{SurveyProps, SurveyWidget};
use std::rc::Rc;
use yew::ServerRenderer;

/// Mounts as trunk's minifier leaves them: unquoted where it can.
const PAGE: &str = concat!(
    r#"<main><div data-alliance-widget=assessment data-survey-link=survey/><noscript>needs script</noscript></div>"#,
    r#"<div data-alliance-widget="survey"></div><div class=x data-alliance-widget=assessment></div></main>"#,
);

/// The options of a mount with none but its flow, as the build reads them.
fn plain(flow: &str) -> MountOptions {
    MountOptions { flow: flow.into(), namespace: "default".into(), theme: "auto".into(), ..Default::default() }
}

/// PAGE's mounts' options: the first names where the survey is.
fn mounts() -> Vec<MountOptions> {
    let first = MountOptions { survey_link: Some("survey/".into()), ..plain("assessment") };
    vec![first, plain("survey"), plain("assessment")]
}

/// Stands in for the minified `embed/early.js`.
const SCRIPT: &str = "function early(){}\n";

fn vault(entries: &'static [(&'static str, &'static str)], flow: &str) -> Vault {
    Vault::new(Rc::new(MemoryStore::with(entries)), "default", flow)
}

async fn assessment_widget(entries: &'static [(&'static str, &'static str)], uid: &'static str) -> String {
    ServerRenderer::<AssessmentWidget>::with_props(move || AssessmentProps {
        vault: vault(entries, "assessment"),
        namespace: "default".into(),
        uid: uid.into(),
        page_url: "".into(),
        shared: None,
        survey_link: Some("survey/".into()),
        export_module: Default::default(),
        early: Default::default(),
        send_to: None,
    })
    .hydratable(false)
    .render()
    .await
}

async fn survey_widget(entries: &'static [(&'static str, &'static str)]) -> String {
    ServerRenderer::<SurveyWidget>::with_props(move || SurveyProps {
        vault: vault(entries, "survey"),
        uid: "aws0".into(),
        early: Default::default(),
        send_to: None,
    })
    .hydratable(false)
    .render()
    .await
}

/// The screen a widget shows: what follows its live region.
fn screen(widget: &str) -> &str {
    let start = widget.find("aria-live").and_then(|at| widget[at..].find("</p>").map(|end| at + end + 4));
    &widget[start.expect("a live region")..widget.rfind("</section>").expect("the widget's frame")]
}

#[tokio::test]
async fn every_mount_of_a_known_flow_gets_its_first_screens_and_their_script() {
    let page = into_page(PAGE, SCRIPT, "/export-1.js", &mounts()).await;
    assert_eq!(page.matches("data-prerendered=\"\"").count(), 3, "{page}");
    assert_eq!(
        page.matches("<div data-then=\"\" hidden=\"hidden\">").count(),
        3,
        "the first question hidden until Start"
    );
    assert!(
        page.contains(r#"name="awa0-urgent""#) && page.contains(r#"name="awa1-urgent""#),
        "ids of each widget's own"
    );
    assert!(page.contains(r#"name="aws0-"#), "{page}");
    assert_eq!(page.matches(r#"href="survey/""#).count(), 1, "the survey offered where the mount asks for it");
    assert_eq!(page.matches("<script>").count(), 3);
    assert_eq!(page.matches("<noscript><style>").count(), 3, "without script, no dead buttons");
    let run = |flow: &str, survey_link: &str| {
        format!(
            r#"<script>function early(){{}}{{const m=document.currentScript.parentElement,x=document.currentScript.previousElementSibling;let s;early(x,"alliance-widget:default:{flow}:");addEventListener("TrunkApplicationStarted",()=>{{s=1;wasmBindings.mount(m,"default",null,{survey_link},"/export-1.js")}});addEventListener("error",e=>s||e.target.localName==="link"||unloaded(x),true)}}</script>"#
        )
    };
    assert!(page.contains(&run("assessment", r#""survey/""#)), "{page}");
    assert!(page.contains(&run("assessment", "null")), "{page}");
    assert!(page.contains(&run("survey", "null")), "{page}");
    assert!(
        page.contains(r#"<div data-alliance-widget="survey"><div class="aw-root aw-theme-auto"><section"#),
        "each widget in a root of its own inside the mount: {page}"
    );
    assert!(page.contains("<noscript>needs script</noscript></div>"), "the page's own note stays after the root");
}

#[tokio::test]
async fn each_widget_starts_with_its_mounts_options() {
    let options = MountOptions {
        namespace: "column-7".into(),
        theme: "dark".into(),
        accent: Some("rgb(10 20 30)".into()),
        compact: true,
        endpoint: Some("https://collector.example/r?a=1&b=</script>".into()),
        ..plain("survey")
    };
    let page = into_page(r#"<div data-alliance-widget=survey></div>"#, SCRIPT, "/export-1.js", &[options]).await;
    assert!(
        page.starts_with(r#"<div data-alliance-widget=survey><div class="aw-root aw-theme-dark aw-compact" style="--alliance-accent:rgb(10 20 30)"><section"#),
        "{page}"
    );
    assert!(
        page.contains(r#"early(x,"alliance-widget:column-7:survey:")"#),
        "a returning visitor's data under its namespace"
    );
    assert!(
        page.contains(r#"wasmBindings.mount(m,"column-7","https://collector.example/r?a=1&b=\u003c/script>",null,"#),
        "the endpoint handed on, unable to end the script: {page}"
    );
    assert_eq!(page.matches("</script>").count(), 1);
}

#[test]
#[should_panic(expected = "the mounts' options in the page's order")]
fn options_read_for_another_page_stop_the_build() {
    let page = r#"<div data-alliance-widget=survey></div>"#;
    tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(into_page(
        page,
        SCRIPT,
        "/x.js",
        &[plain("assessment")],
    ));
}

#[tokio::test]
async fn the_prerendered_screens_are_those_the_widget_renders() {
    let page = into_page(PAGE, SCRIPT, "/export-1.js", &mounts()).await;
    let fresh = assessment_widget(&[], "awa0").await;
    assert!(page.contains(screen(&fresh)), "the introduction: {fresh}");
    // Started, nothing answered yet: the statements as after Start.
    const STARTED: &[(&str, &str)] = &[(
        "alliance-widget:default:assessment:progress",
        r#"{"format":1,"updated":1,"record":{"content":"c","stage":"statements","started":1,"answers":[]}}"#,
    )];
    let statements = assessment_widget(STARTED, "awa0").await;
    assert!(screen(&statements).contains("<form"), "{statements}");
    assert!(page.contains(screen(&statements)), "the statements: {statements}");

    assert!(page.contains(screen(&survey_widget(&[]).await)), "the survey's introduction");
    const ON_FIRST: &[(&str, &str)] = &[(
        "alliance-widget:default:survey:progress",
        r#"{"format":1,"updated":1,"record":{"content":"c","step":{"question":0},"started":1,"answers":[]}}"#,
    )];
    let first = survey_widget(ON_FIRST).await;
    assert!(screen(&first).contains("Question 1 of 4"), "{first}");
    assert!(page.contains(screen(&first)), "the survey's first question: {first}");
}
