//! The results page's screens rendered to HTML by yew's server renderer: the empty page, and
//! the report on files read.
#![cfg(not(target_arch = "wasm32"))]

use alliance_widget::content::{results, survey};
use alliance_widget::results::screens::{Loaded, Report, ReportProps, ResultsPage};
use alliance_widget::results::{read_file, Collection};
use std::rc::Rc;
use yew::ServerRenderer;

/// 25 responses from one page, every third saying no to interim with a comment that carries
/// markup, and one from another page.
fn log() -> String {
    let mut lines: Vec<String> = (0..25)
        .map(|n| {
            let choice = if n % 3 == 0 { "no" } else { "yes" };
            format!(
                r#"{{"format":1,"id":"r{n}","flow":"survey","content":"{}","submitted":"2026-11-{:02}T10:00:00Z","page":"https://columns.example/a","answers":[{{"question":"interim-fit","choices":["{choice}"],"comment":"<img src=x onerror=alert({n})> reason {n}"}},{{"question":"alliance-kinds","choices":["development","distribution"]}}]}}"#,
                survey().id,
                1 + n % 28
            )
        })
        .collect();
    lines.push(lines[0].replace(r#""id":"r0""#, r#""id":"other""#).replace("columns.example/a", "columns.example/b"));
    lines.push("not json".into());
    lines.join("\n")
}

async fn report() -> String {
    ServerRenderer::<Report>::with_props(|| {
        let mut collection = Collection::default();
        collection.add(read_file("log.jsonl", &log()));
        ReportProps { loaded: Loaded(Rc::new(collection)) }
    })
    .hydratable(false)
    .render()
    .await
}

#[tokio::test]
async fn the_empty_page_offers_to_open_files_and_says_they_stay_here() {
    let html = ServerRenderer::<ResultsPage>::new().hydratable(false).render().await;
    let text = results();
    assert!(html.contains(r#"<label for="aw-files">"#), "{html}");
    assert!(html.contains(r#"type="file""#) && html.contains("multiple"), "{html}");
    assert!(html.contains(text.private) && html.contains(text.nothing_yet), "{html}");
    assert!(!html.contains("aw-report"), "no report before a file is read");
}

#[tokio::test]
async fn the_report_counts_each_question_as_figures_and_bars() {
    let html = report().await;
    let text = results();
    assert!(html.contains("26 of 26 respondents answered."), "{html}");
    // interim-fit: 10 of 26 said no (n = 0, 3, …, 24, and the other page's copy of r0).
    assert!(html.contains(r#"<meter min="0" max="100" aria-hidden="true" value="38"></meter>38%"#), "{html}");
    assert!(html.contains(text.several), "the multiple-choice question says its shares are of respondents");
    assert!(html.contains(r#"value="100"></meter>100%"#), "every respondent chose development");
    assert!(html.contains("Every page (26)") && html.contains("https://columns.example/b (1)"), "{html}");
}

#[tokio::test]
async fn comments_show_as_text_a_page_at_a_time_with_a_way_to_copy_each() {
    let html = report().await;
    let text = results();
    assert!(html.contains("&lt;img src=x onerror=alert(24)&gt; reason 24"), "markup in a comment is text");
    assert!(!html.contains("<img"), "never an element");
    assert!(html.contains("20 of 26 comments shown."), "{html}");
    assert!(html.contains(text.show_more));
    assert_eq!(html.matches(text.copy_quote).count(), 20);
    assert!(html.contains(r#"aria-describedby="aw-q2-c0""#), "each copy button names its quote");
}

#[tokio::test]
async fn the_report_sets_two_questions_side_by_side_and_counts_by_week_and_page() {
    let html = report().await;
    let text = results();
    assert!(html.contains(text.cross_title));
    assert!(html.contains("Respondents by their answers to both questions"), "{html}");
    assert!(html.contains(r#"<th scope="row">2026-10-26</th>"#), "the week of 2026-11-01: {html}");
    assert!(html.contains(text.pages_title));
    assert!(!html.contains("aw-assessments-title"), "no self-assessments were read");
}
