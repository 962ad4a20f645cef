use super::report::{file_sentences, summary_csv};
use super::summary::{comments, cross_tab, pages, summarise};
use super::*;
use crate::content::{assessment, survey};

const SURVEY_ID: &str = "next-alliance-manager-2026-1";

/// A survey payload as the widget sends it.
fn sent(id: &str, date: &str, page: &str, answers: &str) -> String {
    format!(
        r#"{{"format":1,"id":"{id}","flow":"survey","content":"{SURVEY_ID}","language":"en","submitted":"{date}T10:00:00Z","page":"{page}","answers":{answers}}}"#
    )
}

/// A self-assessment payload: every statement answered `value`.
fn assessed(id: &str, date: &str, value: i32) -> String {
    let answers: Vec<String> =
        assessment().statements.iter().map(|s| format!(r#"{{"statement":"{}","value":{value}}}"#, s.id)).collect();
    format!(
        r#"{{"format":1,"id":"{id}","flow":"assessment","content":"{}","submitted":"{date}T09:00:00Z","page":"https://a.example/","answers":[{}],"fits":{{"interim":1,"internal":2,"external":3}},"best_fit":"interim"}}"#,
        assessment().id,
        answers.join(",")
    )
}

/// Four responses on two pages over two weeks, with known totals: `source` internal ×2,
/// external ×1, interim ×1; `interim-fit` yes ×1, no ×2 (one unanswered); `alliance-kinds`
/// (several allowed) development ×3, go-to-market ×2. Two self-assessments.
fn fixture() -> String {
    let a = "https://a.example/column-1";
    let b = "https://b.example/column-2";
    [
        sent("r1", "2026-11-16", a, r#"[{"question":"source","choices":["internal"],"comment":"We grow our own"},{"question":"interim-fit","choices":["no"],"comment":"No! Never."},{"question":"alliance-kinds","choices":["development","go-to-market"]}]"#),
        sent("r2", "2026-11-17", a, r#"[{"question":"source","choices":["internal"]},{"question":"interim-fit","choices":["yes"],"comment":"Yes, as a bridge"},{"question":"alliance-kinds","choices":["development"]}]"#),
        sent("r3", "2026-11-23", b, r#"[{"question":"source","choices":["external"]},{"question":"interim-fit","choices":["no"],"comment":"<script>alert(1)</script> no"},{"question":"alliance-kinds","choices":["development","go-to-market"]}]"#),
        sent("r4", "2026-11-25", b, r#"[{"question":"source","choices":["interim"],"comment":"A bridge, for 14 months"}]"#),
        assessed("s1", "2026-11-24", 2),
        assessed("s2", "2026-11-25", -2),
    ]
    .join("\n")
}

fn collection(files: &[(&str, &str)]) -> Collection {
    let mut collection = Collection::default();
    for (name, text) in files {
        collection.add(read_file(name, text));
    }
    collection
}

fn question(id: &str) -> usize {
    survey().questions.iter().position(|q| q.id == id).unwrap()
}

#[test]
fn a_collector_log_is_read_line_by_line_and_bad_lines_are_skipped_with_their_reason() {
    let good = fixture();
    let text = [
        good.as_str(),
        "",
        "this is not json",
        &sent("x1", "2026-11-25", "p", r#"[{"question":"salary","choices":["high"]}]"#),
        &sent("x2", "2026-11-25", "p", r#"[{"question":"source","choices":["robots"]}]"#),
        &sent("x3", "2026-11-25", "p", "[]").replace(SURVEY_ID, "another-survey"),
        &sent("x4", "2026-11-25", "p", "[]").replace(r#""format":1"#, r#""format":2"#),
        &sent("x5", "2026-11-25", "p", "[]").replace(r#""id":"x5""#, r#""id":"""#),
        r#"{"hello":"world"}"#,
        &sent("x6", "2026-11-25", "p", "[]")[..60],
    ]
    .join("\n");
    let file = read_file("log.jsonl", &text);
    assert_eq!((file.read, file.problem.clone()), (6, None));
    let skipped: Vec<(Place, Reason)> = file.skipped.iter().map(|s| (s.place, s.reason.clone())).collect();
    assert_eq!(
        skipped,
        [
            (Place::Line(8), Reason::NotJson),
            (Place::Line(9), Reason::Item("salary".into())),
            (Place::Line(10), Reason::Answer { item: "source".into(), answer: "robots".into() }),
            (Place::Line(11), Reason::Content("another-survey".into())),
            (Place::Line(12), Reason::Format(2)),
            (Place::Line(13), Reason::Missing("id")),
            (Place::Line(14), Reason::Shape),
            (Place::Line(15), Reason::NotJson),
        ]
    );
    let (said, places) = file_sentences(&file);
    assert_eq!(said, "log.jsonl: 6 answers read. 8 entries skipped:");
    assert_eq!(places[4], "Line 12: format 2, which this page does not know.");
    let many = FileReading {
        skipped: [file.skipped.clone(), file.skipped.clone(), file.skipped].concat(),
        ..Default::default()
    };
    let (_, places) = file_sentences(&many);
    assert_eq!((places.len(), places[20].as_str()), (21, "And 4 more."), "the first 20 by place, then a count");
}

#[test]
fn json_arrays_are_read_whole_or_when_cut_off_line_by_line() {
    let lines: Vec<String> = fixture().lines().map(String::from).collect();
    let whole = read_file("all.json", &format!("[{}]", lines.join(",")));
    assert_eq!((whole.read, whole.skipped.len()), (6, 0));
    let cut = format!("[\n{},\n{}", lines[..5].join(",\n"), &lines[5][..40]);
    let file = read_file("cut.json", &cut);
    assert_eq!(file.read, 5, "everything before the cut is read");
    assert_eq!(file.skipped[0].reason, Reason::NotJson);
    let one = read_file(
        "one.json",
        &serde_json::to_string_pretty(&serde_json::from_str::<serde_json::Value>(&lines[0]).unwrap()).unwrap(),
    );
    assert_eq!(one.read, 1, "a single payload, spread over lines");
}

#[test]
fn files_that_hold_no_answers_say_so_in_one_sentence() {
    for (text, problem) in [
        ("", Problem::Empty),
        ("  \n\n ", Problem::Empty),
        ("<html><body>Hello</body></html>\n<p>more</p>", Problem::Unknown),
        ("name,email\nAda,ada@example.com", Problem::Unknown),
        ("\u{0}\u{1}PNG binary", Problem::Unknown),
    ] {
        let file = read_file("f", text);
        assert_eq!((file.problem, file.read, file.skipped.len()), (Some(problem), 0, 0), "{text:?}");
    }
    let stray = format!("collector started, version 2\n{}", fixture());
    let file = read_file("log.jsonl", &stray);
    let first = Skipped { place: Place::Line(1), reason: Reason::NotJson };
    assert_eq!((file.read, &file.skipped[0]), (6, &first), "a stray first line with a comma is not taken for CSV");
    let (said, _) = file_sentences(&unread("big.jsonl", Problem::TooLarge(50 * 1_048_576)));
    assert_eq!(said, "big.jsonl is 50.0 MB, more than the 20 MB this page reads. Split it into smaller files.");
    let (said, places) = file_sentences(&read_file("empty.csv", ""));
    assert_eq!((said.as_str(), places.len()), ("empty.csv is empty, so there was nothing to read.", 0));
}

#[test]
fn answers_in_two_files_are_counted_once() {
    let lines: Vec<&str> = fixture().lines().map(|l| &*Box::leak(l.to_string().into_boxed_str())).collect();
    let first = lines[..4].join("\n");
    let second = [lines[2], lines[3], lines[4], lines[3]].join("\n");
    let both = collection(&[("a.jsonl", &first), ("b.jsonl", &second)]);
    assert_eq!(both.received.len(), 5);
    assert_eq!((both.files[0].duplicates, both.files[1].read, both.files[1].duplicates), (0, 4, 3));
    assert!(file_sentences(&both.files[1]).0.contains("3 of them were read before"));
}

#[test]
fn counts_shares_and_cross_tabs_match_the_fixture() {
    let all = collection(&[("log.jsonl", &fixture())]);
    let summary = summarise(&all, None);
    assert_eq!((summary.responses, summary.assessments), (4, 2));
    let source = &summary.tallies[question("source")];
    assert_eq!((source.answered, &source.counts[..3]), (4, &[2, 1, 1][..]));
    let fit = &summary.tallies[question("interim-fit")];
    assert_eq!(fit.answered, 3);
    assert_eq!(super::summary::percent(fit.counts[3], fit.answered), 67, "two of three said no");
    let kinds = &summary.tallies[question("alliance-kinds")];
    assert_eq!((kinds.answered, &kinds.counts[..2]), (3, &[3, 2][..]), "shares of respondents: 100% and 67%");
    let weeks: Vec<_> = summary.weeks.iter().map(|w| (w.start.as_str(), w.responses, w.assessments)).collect();
    assert_eq!(weeks, [("2026-11-16", 2, 0), ("2026-11-23", 2, 2)]);
    let best: Vec<_> = summary.outcomes.iter().map(|o| o.best).collect();
    assert_eq!(best.iter().sum::<usize>(), 2);
    let cross = cross_tab(&all, None, question("interim-fit"), question("source"));
    assert_eq!(cross[3][0], 1, "no × internal");
    assert_eq!(cross[3][1], 1, "no × external");
    assert_eq!(cross[0][0], 1, "yes × internal");
    assert_eq!(cross.iter().flatten().sum::<usize>(), 3, "r4 did not answer interim-fit");
    let page_b = summarise(&all, Some("https://b.example/column-2"));
    assert_eq!(page_b.responses, 2);
    let pages = pages(&all);
    assert_eq!(pages.len(), 3);
    assert!(pages.contains(&("https://b.example/column-2".to_string(), 2)), "{pages:?}");
}

#[test]
fn median_fits_are_the_middle_of_the_self_assessments() {
    let lines = [assessed("a", "2026-11-24", 2), assessed("b", "2026-11-24", 1), assessed("c", "2026-11-24", -2)];
    let all = collection(&[("s.jsonl", &lines.join("\n"))]);
    let middle = read_file("b", &lines[1]).received[0].clone();
    let Answered::Assessment(fit) = middle.answered else { panic!("an assessment") };
    let summary = summarise(&all, None);
    assert_eq!(summary.outcomes.iter().map(|o| o.median).collect::<Vec<_>>(), fit.fits.to_vec());
}

#[test]
fn comments_are_searched_and_filtered_by_option_newest_first() {
    let all = collection(&[("log.jsonl", &fixture())]);
    let fit = question("interim-fit");
    let texts = |found: Vec<summary::Comment>| found.iter().map(|c| c.chosen.comment.clone()).collect::<Vec<_>>();
    assert_eq!(
        texts(comments(&all, None, fit, None, "")),
        ["<script>alert(1)</script> no", "Yes, as a bridge", "No! Never."]
    );
    assert_eq!(texts(comments(&all, None, fit, Some(3), "")).len(), 2, "those who chose no");
    assert_eq!(texts(comments(&all, None, fit, None, "BRIDGE")), ["Yes, as a bridge"]);
    let german = collection(&[(
        "de.jsonl",
        &sent("d", "2026-11-25", "p", r#"[{"question":"interim-fit","choices":["no"],"comment":"ÜBERBRÜCKUNG, nie"}]"#),
    )]);
    assert_eq!(texts(comments(&german, None, fit, None, "überbrückung")).len(), 1, "case folds beyond ASCII");
    assert!(comments(&all, None, question("works-best"), None, "").is_empty());
}

#[test]
fn the_widgets_own_downloads_read_back() {
    use crate::survey::{Answers, Response};
    let answers: Answers = serde_json::from_str(
        r#"[{"question":"source","choices":["mix"],"comment":"=SUM(A1) \"quoted\", <b>bold</b>"},{"question":"alliance-kinds","choices":["development","other"]}]"#,
    )
    .unwrap();
    let response = Response { submitted: 1_795_391_999_000, content: SURVEY_ID.into(), answers, delivery: None };
    let completed = crate::assessment::Completed {
        completed: 1_795_391_999_000,
        content: assessment().id.into(),
        answers: assessment()
            .statements
            .iter()
            .map(|s| crate::assessment::Given { statement: s.id.into(), value: 1 })
            .collect(),
        delivery: None,
    };
    let responses = [response.clone(), Response { submitted: 1_795_391_000_000, ..response }];
    for (name, text) in [
        ("alliance-widget-data.json", crate::export::json(&responses, std::slice::from_ref(&completed))),
        ("alliance-widget-data.csv", crate::export::csv(&responses, std::slice::from_ref(&completed))),
    ] {
        let file = read_file(name, &text);
        assert_eq!((file.read, file.skipped.clone()), (3, vec![]), "{name}");
        let Answered::Survey(chosen) = &file.received[0].answered else { panic!("a response") };
        assert_eq!(chosen[0].comment, "=SUM(A1) \"quoted\", <b>bold</b>", "{name}: the visitor's words, as typed");
        assert_eq!(chosen[1].options, [0, 3]);
        assert_eq!(file.received[0].date, "2026-11-22");
        let Answered::Assessment(fit) = &file.received[2].answered else { panic!("an assessment") };
        let values = vec![1; assessment().statements.len()];
        assert_eq!(fit.fits, crate::assessment::scoring::score(assessment(), &values).fits);
        assert_eq!(collection(&[("a", &text), ("b", &text)]).received.len(), 3, "{name}: the same file twice");
    }
    // A CSV download made before it had ids: an entry ends where its items begin again.
    let source = &survey().questions[question("source")];
    let row = format!("survey,2026-11-22,{:?},{:?},\"'-- fine\"\r\n", source.title, source.options[1].label);
    let file = read_file("old.csv", &format!("flow,date,item,answer,comment\r\n{row}{row}"));
    assert_eq!((file.read, file.skipped.len()), (2, 0));
    let Answered::Survey(chosen) = &file.received[1].answered else { panic!("a response") };
    assert_eq!((chosen[0].options.as_slice(), chosen[0].comment.as_str()), (&[1][..], "-- fine"));
}

#[test]
fn the_summary_file_defuses_what_readers_wrote() {
    let page = sent("z", "2026-11-25", "=cmd|' /C calc'!A0", r#"[{"question":"source","choices":["internal"]}]"#);
    let all = collection(&[("log.jsonl", &format!("{}\n{page}", fixture()))]);
    let csv = summary_csv(&summarise(&all, None), &all);
    assert!(csv.starts_with("part,item,answer,count,percent\r\n"));
    assert!(csv.contains(r#""page","'=cmd|' /C calc'!A0","","1","#), "{csv}");
    let source = survey().questions[question("source")].title;
    assert!(
        csv.contains(&format!(r#""question","{source}","{}","3","60""#, survey().questions[0].options[0].label)),
        "{csv}"
    );
    assert!(csv.contains(r#""week","2026-11-23","Self-assessments","2","""#), "{csv}");
}
