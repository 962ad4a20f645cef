//! The survey's screens rendered to HTML by yew's server renderer, from stored progress,
//! as a returning visitor would see them.
#![cfg(not(target_arch = "wasm32"))]

use alliance_widget::flow::SendTo;
use alliance_widget::storage::{MemoryStore, Vault};
use alliance_widget::survey::screens::{SurveyProps, SurveyWidget};
use std::rc::Rc;
use yew::ServerRenderer;

const PROGRESS: &str = "alliance-widget:default:survey:progress";
const RESPONSES: &str = "alliance-widget:default:survey:responses";

async fn render(entries: &'static [(&'static str, &'static str)]) -> String {
    render_sending(entries, None).await
}

/// As a widget whose mount names `endpoint`.
async fn render_sending(entries: &'static [(&'static str, &'static str)], endpoint: Option<&'static str>) -> String {
    ServerRenderer::<SurveyWidget>::with_props(move || SurveyProps {
        vault: Vault::new(Rc::new(MemoryStore::with(entries)), "default", "survey"),
        uid: "t".into(),
        early: Default::default(),
        send_to: endpoint
            .map(|endpoint| SendTo { endpoint: endpoint.into(), page: "https://columns.example/a".into() }),
    })
    .hydratable(false)
    .render()
    .await
}

/// Whether some `<tag …>` in the HTML carries every one of `attributes`, in any order.
fn has_element(html: &str, tag: &str, attributes: &[&str]) -> bool {
    html.split(&format!("<{tag} ")).skip(1).any(|rest| {
        let opening = &rest[..rest.find('>').unwrap_or(rest.len())];
        attributes.iter().all(|attribute| opening.contains(attribute))
    })
}

#[tokio::test]
async fn a_first_visit_shows_the_intro_with_a_start_button() {
    let html = render(&[]).await;
    assert!(html.contains("Where do you find your next alliance manager?"), "{html}");
    assert!(html.contains(">Start the survey</button>"), "{html}");
    assert!(!html.contains("Delete my data"), "nothing stored, nothing to delete: {html}");
    assert!(!html.contains("aw-notice"), "{html}");
}

#[tokio::test]
async fn a_question_shows_progress_labelled_options_and_the_comment_count() {
    let html = render(&[(
        PROGRESS,
        r#"{"format":1,"updated":1,"record":{"content":"c","step":{"question":1},"started":1,
            "answers":[{"question":"works-best","choices":["interim"],"comment":"Saves coaching"}]}}"#,
    )])
    .await;
    assert!(html.contains("Question 2 of 4"), "{html}");
    assert!(has_element(&html, "progress", &[r#"max="4""#, r#"value="2""#, "aria-labelledby"]), "{html}");
    assert!(html.contains("What works best for your company, and why?"), "{html}");
    assert_eq!(html.matches(r#"type="radio""#).count(), 5, "{html}");
    assert!(html.contains(r#"<label for="t-works-best-comment">"#), "{html}");
    assert!(has_element(&html, "input", &[r#"value="interim""#, "checked"]), "the stored choice is ticked: {html}");
    assert!(html.contains("Saves coaching"), "the half-typed comment is back: {html}");
    assert!(html.contains("14 of 2,000 characters"), "{html}");
    assert!(html.contains(">Back</button>") && html.contains(">Next</button>"), "{html}");
}

#[tokio::test]
async fn the_last_question_offers_checkboxes_and_the_review() {
    let html = render(&[(
        PROGRESS,
        r#"{"format":1,"updated":1,"record":{"content":"c","step":{"question":3},"started":1,"answers":[]}}"#,
    )])
    .await;
    assert_eq!(html.matches(r#"type="checkbox""#).count(), 4, "{html}");
    assert!(html.contains(">Review your answers</button>"), "{html}");
}

const ON_REVIEW: &[(&str, &str)] = &[(
    PROGRESS,
    r#"{"format":1,"updated":1,"record":{"content":"c","step":"review","started":1,"answers":[
        {"question":"source","choices":["mix"]},
        {"question":"works-best","choices":["depends"],"comment":"<b>bold</b> claim"},
        {"question":"alliance-kinds","choices":["development","distribution"]}]}}"#,
)];

#[tokio::test]
async fn the_review_lists_every_answer_with_a_way_to_change_it() {
    let html = render(ON_REVIEW).await;
    assert!(html.contains("Check your answers"), "{html}");
    assert!(html.contains("A mix of these"), "{html}");
    assert!(html.contains("Development alliances, Distribution alliances"), "{html}");
    assert!(html.contains("Not answered"), "the skipped question says so: {html}");
    assert!(html.contains("&lt;b&gt;bold&lt;/b&gt; claim"), "comments are text, never markup: {html}");
    assert_eq!(html.matches(">Change</button>").count(), 4, "{html}");
    assert!(
        html.contains(r#"aria-label="Change your answer to: Where do you find your alliance managers?""#),
        "{html}"
    );
    assert!(html.contains(">Save my answers</button>"), "without an endpoint the answers are kept: {html}");
    assert!(!html.to_lowercase().contains("send"), "nothing says send: {html}");
}

#[tokio::test]
async fn with_an_endpoint_the_review_says_where_the_answers_go() {
    let html = render_sending(ON_REVIEW, Some("https://collector.example/responses")).await;
    assert!(html.contains(">Send my answers</button>"), "{html}");
    assert!(html.contains("comments included, go to collector.example"), "{html}");
}

#[tokio::test]
async fn each_response_says_where_its_delivery_stands() {
    const SENT: &[(&str, &str)] = &[(
        RESPONSES,
        r#"{"format":1,"updated":1,"record":{"responses":[
            {"submitted":1,"content":"c","answers":[],"delivery":{"id":"a","endpoint":"https://collector.example/r","page":"p","state":{"delivered":{"at":1795391999000}}}},
            {"submitted":2,"content":"c","answers":[],"delivery":{"id":"b","endpoint":"https://collector.example/r","page":"p","state":{"waiting":{"attempts":3,"next":5}}}},
            {"submitted":3,"content":"c","answers":[],"delivery":{"id":"c","endpoint":"https://collector.example/r","page":"p","state":{"refused":{"status":400}}}}]}}"#,
    )];
    let html = render(SENT).await;
    assert!(html.contains("Delivered to collector.example on 2026-11-22 23:59 UTC."), "{html}");
    assert!(html.contains("Waiting for a connection to collector.example"), "{html}");
    assert!(html.contains("collector.example answered with status 400"), "{html}");
    assert_eq!(html.matches(">Try again</button>").count(), 1, "only the refused one: {html}");
}

#[tokio::test]
async fn past_responses_are_listed_with_their_date_and_a_delete_button() {
    let html = render(&[(
        RESPONSES,
        r#"{"format":1,"updated":1,"record":{"responses":[
            {"submitted":1795391999000,"content":"c","answers":[{"question":"source","choices":["internal"]}]}]}}"#,
    )])
    .await;
    assert!(html.contains("Your answers on this device"), "{html}");
    assert!(html.contains("Saved on 2026-11-22"), "{html}");
    assert!(html.contains(r#"aria-label="Delete the answers saved on 2026-11-22""#), "{html}");
    assert!(html.contains(">Delete my data</button>"), "{html}");
}

#[tokio::test]
async fn corrupt_storage_shows_one_sentence_and_a_working_start() {
    let html = render(&[(PROGRESS, "{{{{ not json")]).await;
    assert!(has_element(&html, "p", &[r#"class="aw-notice""#, r#"role="status""#]), "{html}");
    assert!(html.contains("could not be read"), "{html}");
    assert!(html.contains(">Start the survey</button>"), "{html}");
}

#[tokio::test]
async fn a_record_from_a_newer_version_is_reported_as_such() {
    let html = render(&[(PROGRESS, r#"{"format":7,"whatever":true}"#)]).await;
    assert!(html.contains("newer version"), "{html}");
}
