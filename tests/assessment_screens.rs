//! The self-assessment's screens rendered by yew's server renderer: the reader's result, a
//! shared result and a damaged share link.
#![cfg(not(target_arch = "wasm32"))]

use alliance_widget::assessment::screens::{AssessmentProps, AssessmentWidget};
use alliance_widget::assessment::share::Broken;
use alliance_widget::storage::{MemoryStore, Vault};
use std::rc::Rc;
use yew::ServerRenderer;

/// Urgent, temporary, a leader who can guide, a planned handover: an interim situation.
const INTERIM_RESULT: &str = r#"{"format":1,"updated":1,"record":{"content":"c","stage":"result","started":1,"answers":[
    {"statement":"urgent","value":2},{"statement":"temporary","value":2},{"statement":"culture","value":1},
    {"statement":"guidance","value":2},{"statement":"handover","value":2},{"statement":"development","value":0},
    {"statement":"operational","value":0},{"statement":"insiders","value":1},{"statement":"experience","value":0}]}}"#;

async fn render(entries: &'static [(&'static str, &'static str)], shared: Option<Result<Vec<i32>, Broken>>) -> String {
    ServerRenderer::<AssessmentWidget>::with_props(move || {
        let store = Rc::new(MemoryStore::with(entries));
        AssessmentProps {
            vault: Vault::new(store, "default", "assessment"),
            namespace: "default".into(),
            uid: "t".into(),
            page_url: "https://columns.example/interim/".into(),
            shared,
            survey_link: Some("/survey/".into()),
            export_module: "/export-0.js".into(),
            early: Default::default(),
            send_to: None,
        }
    })
    .hydratable(false)
    .render()
    .await
}

#[tokio::test]
async fn the_result_explains_itself() {
    let html = render(&[("alliance-widget:default:assessment:progress", INTERIM_RESULT)], None).await;
    assert!(html.contains("Best fit: an interim or contract alliance manager"), "{html}");
    assert_eq!(html.matches("out of 100</p>").count(), 3, "the three fits as text: {html}");
    assert_eq!(html.matches("<svg").count(), 3, "{html}");
    assert!(html.contains("You need someone in the role within months"), "the strongest reason: {html}");
    assert!(html.contains("It is not fire-and-forget"), "interim's caveat: {html}");
    assert!(html.contains("plan training and a handover"), "{html}");
    assert!(html.contains("What would change the result"), "{html}");
    assert!(!html.contains("”,") && !html.contains(".”."), "no stray punctuation after a quote: {html}");
    assert!(
        html.contains("An internal hire: train a seasoned insider: what to keep in mind"),
        "other options on request: {html}"
    );
    assert!(html.contains("Training takes time"), "with their own caveats: {html}");
    assert!(html.contains("https://columns.example/interim/#result=v1."), "the share link: {html}");
    for button in ["Print or save as PDF", "Download my data (JSON)", "Download my data (CSV)", "Start again"] {
        assert!(html.contains(&format!(">{button}</button>")), "{button}: {html}");
    }
    assert!(html.contains(r#"href="/survey/""#), "the survey is offered: {html}");
}

#[tokio::test]
async fn a_shared_result_is_read_only_and_offers_the_assessment() {
    let html = render(&[], Some(Ok(vec![2, 2, 1, 2, 2, 0, 0, 1, 0]))).await;
    assert!(html.contains("A shared result"), "{html}");
    assert!(html.contains("Best fit: an interim or contract alliance manager"), "{html}");
    assert!(html.contains(">Take the self-assessment yourself</button>"), "{html}");
    assert!(!html.contains(">Start again</button>") && !html.contains("Download my data"), "read-only: {html}");
}

#[tokio::test]
async fn a_damaged_share_link_says_so() {
    let html = render(&[], Some(Err(Broken))).await;
    assert!(html.contains("incomplete or damaged"), "{html}");
    assert!(html.contains(">Take the self-assessment yourself</button>"), "{html}");
}

#[tokio::test]
async fn the_statements_offer_the_whole_scale_with_dont_know() {
    let progress = r#"{"format":1,"updated":1,"record":{"content":"c","stage":"statements","started":1,"answers":[]}}"#;
    let entries: &'static [(&str, &str)] =
        Box::leak(Box::new([("alliance-widget:default:assessment:progress", progress)]));
    let html = render(entries, None).await;
    assert_eq!(html.matches("<fieldset").count(), 9, "{html}");
    assert_eq!(html.matches(r#"type="radio""#).count(), 45, "{html}");
    assert_eq!(html.matches("Don’t know").count(), 9, "{html}");
    assert!(html.contains("0 of 9 answered"), "{html}");
}

#[tokio::test]
async fn interim_is_set_aside_when_the_leader_cannot_guide_whatever_its_fit() {
    // Everything for interim, but "Disagree" on guidance.
    let html = render(&[], Some(Ok(vec![2, 2, 2, -2, 2, 0, 0, 0, 2]))).await;
    assert!(!html.contains("Best fit: an interim"), "{html}");
    assert!(
        html.contains("Not an interim or contract alliance manager: you answered “Disagree” to “I can give an external specialist regular guidance"),
        "the answer that sets it aside: {html}"
    );
    assert!(
        html.contains("It would only work if you can give them regular guidance"),
        "what would have to change: {html}"
    );
    assert!(
        html.contains("You could not give an external specialist the guidance"),
        "against the best fit, in the reader's terms: {html}"
    );
}

#[tokio::test]
async fn a_result_resting_on_few_answers_says_so() {
    let html = render(&[], Some(Ok(vec![2, 2, 0, 0, 0, 0, 0, 1, 0]))).await;
    assert!(html.contains("rests on few answers"), "{html}");
    let html = render(&[], Some(Ok(vec![2, 2, 1, 2, 2, 0, 0, 1, 0]))).await;
    assert!(!html.contains("rests on few answers"), "four of nine unknown is not more than half: {html}");
}
