//! The visitor's own data as a file they can keep: every survey response and assessment, with
//! the questions, statements and answers written out, as JSON or as CSV.

use crate::assessment::scoring::score;
use crate::assessment::Completed;
use crate::clock::date_label;
use crate::content::{assessment, fill, survey};
use crate::delivery::Delivery;
use crate::survey::Response;
use serde::Serialize;

#[derive(Serialize)]
struct Data {
    survey: Vec<SurveyResponse>,
    assessments: Vec<AssessmentResult>,
}

#[derive(Serialize)]
struct SurveyResponse {
    /// Tells entries apart when the author reads several files (see `id_of`).
    id: String,
    /// The page it was sent from; empty when it was not sent.
    page: String,
    sent: String,
    answers: Vec<Row>,
    /// Where its delivery to the author stands, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    delivery: Option<String>,
}

#[derive(Serialize)]
struct AssessmentResult {
    id: String,
    page: String,
    completed: String,
    best_fit: &'static str,
    /// Fit per option, 0 to 100.
    fits: Vec<(&'static str, u32)>,
    answers: Vec<Row>,
    #[serde(skip_serializing_if = "Option::is_none")]
    delivery: Option<String>,
}

/// One answered question or statement.
#[derive(Serialize)]
struct Row {
    item: &'static str,
    answer: String,
    comment: String,
}

fn data(responses: &[Response], assessments: &[Completed]) -> Data {
    let survey = survey();
    let assessment = assessment();
    Data {
        survey: responses
            .iter()
            .map(|response| SurveyResponse {
                id: id_of(response.delivery.as_ref(), "survey", response.submitted),
                page: page_of(response.delivery.as_ref()),
                sent: date_label(response.submitted),
                answers: survey
                    .questions
                    .iter()
                    .filter_map(|question| {
                        let answer = response.answers.get(question.id)?;
                        let chosen = question.options.iter().filter(|o| answer.choices.iter().any(|c| c == o.id));
                        Some(Row {
                            item: question.title,
                            answer: chosen.map(|o| o.label).collect::<Vec<_>>().join("; "),
                            comment: answer.comment.clone(),
                        })
                    })
                    .collect(),
                delivery: state_of(response.delivery.as_ref()),
            })
            .collect(),
        assessments: assessments
            .iter()
            .map(|completed| {
                let values: Vec<i32> = assessment
                    .statements
                    .iter()
                    .map(|s| completed.answers.iter().find(|g| g.statement == s.id).map_or(0, |g| g.value))
                    .collect();
                let score = score(assessment, &values);
                AssessmentResult {
                    id: id_of(completed.delivery.as_ref(), "assessment", completed.completed),
                    page: page_of(completed.delivery.as_ref()),
                    completed: date_label(completed.completed),
                    best_fit: assessment.outcomes[score.best().index()].name,
                    fits: assessment.outcomes.iter().zip(score.fits).map(|(o, fit)| (o.name, fit)).collect(),
                    answers: assessment
                        .statements
                        .iter()
                        .zip(&values)
                        .map(|(statement, value)| Row {
                            item: statement.text,
                            answer: assessment.scale.iter().find(|p| p.value == *value).map_or("", |p| p.label).into(),
                            comment: String::new(),
                        })
                        .collect(),
                    delivery: state_of(completed.delivery.as_ref()),
                }
            })
            .collect(),
    }
}

/// The id the author's endpoint received it under, so that the author's results page counts
/// it once when it reads both; an entry never sent is told apart by its flow and moment.
fn id_of(delivery: Option<&Delivery>, flow: &str, at: u64) -> String {
    delivery.map_or_else(|| format!("{flow}-{at}"), |delivery| delivery.id.clone())
}

fn page_of(delivery: Option<&Delivery>) -> String {
    delivery.map(|delivery| delivery.page.clone()).unwrap_or_default()
}

fn state_of(delivery: Option<&Delivery>) -> Option<String> {
    delivery.map(|delivery| delivery.sentence(false, true))
}

pub fn json(responses: &[Response], assessments: &[Completed]) -> String {
    // Plain structs, lists and strings: serialising them cannot fail.
    serde_json::to_string(&data(responses, assessments)).unwrap_or_default()
}

/// One row per answer: `flow,date,item,answer,comment,id,page`, with each assessment's best
/// fit first. The entry's `id` and `page` repeat on each of its rows.
pub fn csv(responses: &[Response], assessments: &[Completed]) -> String {
    let data = data(responses, assessments);
    let mut lines = vec![COLUMNS.join(",")];
    let mut line = |fields: [&str; 7]| lines.push(fields.map(cell).join(","));
    let delivery_item = crate::content::text().delivery_item;
    for response in &data.survey {
        let (date, id, page) = (response.sent.as_str(), response.id.as_str(), response.page.as_str());
        for row in &response.answers {
            line(["survey", date, row.item, &row.answer, &row.comment, id, page]);
        }
        if let Some(delivery) = &response.delivery {
            line(["survey", date, delivery_item, delivery, "", id, page]);
        }
    }
    let best_fit = assessment().wording.recommendation;
    for result in &data.assessments {
        let (date, id, page) = (result.completed.as_str(), result.id.as_str(), result.page.as_str());
        line(["assessment", date, &fill(best_fit, &[("option", result.best_fit)]), result.best_fit, "", id, page]);
        for row in &result.answers {
            line(["assessment", date, row.item, &row.answer, "", id, page]);
        }
        if let Some(delivery) = &result.delivery {
            line(["assessment", date, delivery_item, delivery, "", id, page]);
        }
    }
    lines.join("\r\n") + "\r\n"
}

/// The CSV download's columns; the results page reads files by them.
pub const COLUMNS: [&str; 7] = ["flow", "date", "item", "answer", "comment", "id", "page"];

/// Characters that make a spreadsheet read a cell as a formula.
const FORMULA: [char; 4] = ['=', '+', '-', '@'];

/// A CSV field, quoted; a leading `= + - @` is neutralised with a `'` so that a spreadsheet
/// shows the visitor's text instead of running it as a formula.
pub fn cell(text: &str) -> String {
    let text = if text.starts_with(FORMULA) { format!("'{text}") } else { text.to_string() };
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// A field as the visitor wrote it, the `'` that [`cell`] put before a formula taken off.
pub fn uncell(text: &str) -> &str {
    text.strip_prefix('\'').filter(|rest| rest.starts_with(FORMULA)).unwrap_or(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::Given;
    use crate::survey::Answers;

    fn response() -> Response {
        let answers: Answers = serde_json::from_str(
            r#"[{"question":"interim-fit","choices":["no"],"comment":"=HYPERLINK(\"x\"), <script>alert(1)</script>\nsecond line"}]"#,
        )
        .unwrap();
        Response { submitted: 1_795_391_999_000, content: "c".into(), answers, delivery: None }
    }

    fn completed() -> Completed {
        let answers = assessment().statements.iter().map(|s| Given { statement: s.id.into(), value: 2 }).collect();
        Completed { completed: 1_795_391_999_000, content: "c".into(), answers, delivery: None }
    }

    #[test]
    fn json_holds_every_answer_in_words() {
        let json: serde_json::Value = serde_json::from_str(&json(&[response()], &[completed()])).unwrap();
        let answer = &json["survey"][0]["answers"][0];
        assert_eq!(answer["item"], "Would interim or contractor alliance management work for your company?");
        assert_eq!(answer["answer"], "No");
        assert!(answer["comment"].as_str().unwrap().contains("<script>"), "kept as the visitor typed it");
        let result = &json["assessments"][0];
        assert_eq!(result["completed"], "2026-11-22");
        assert_eq!(result["best_fit"], assessment().outcomes[0].name);
        assert_eq!(result["answers"].as_array().unwrap().len(), 9);
        assert_eq!(result["fits"].as_array().unwrap().len(), 3);
    }

    #[test]
    fn csv_quotes_fields_and_defuses_formulas() {
        let csv = csv(&[response()], &[completed()]);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(lines[0], "flow,date,item,answer,comment,id,page");
        assert!(lines[1].starts_with(r#""survey","2026-11-22","Would interim"#), "{}", lines[1]);
        assert!(csv.contains(r#""'=HYPERLINK(""x""), <script>alert(1)</script>"#), "{csv}");
        assert_eq!(uncell("'=HYPERLINK(1)"), "=HYPERLINK(1)");
        assert_eq!(uncell("'quoted'"), "'quoted'", "only the defusing quote is taken off");
        assert!(csv.contains("\nsecond line\""), "a newline stays inside its quoted field");
        assert_eq!(csv.matches("\"assessment\"").count(), 10, "the best fit and nine answers");
    }

    #[test]
    fn each_entry_says_where_its_delivery_stands() {
        use crate::delivery::{Delivery, State};
        let delivery = Delivery {
            state: State::Delivered { at: 1_795_391_999_000 },
            ..Delivery::new("a".into(), "https://collector.example/r", "p", 1)
        };
        let sent = Response { delivery: Some(delivery), ..response() };
        let json: serde_json::Value = serde_json::from_str(&json(&[sent.clone(), response()], &[])).unwrap();
        assert_eq!(json["survey"][0]["delivery"], "Delivered to collector.example on 2026-11-22 23:59 UTC.");
        assert!(json["survey"][1].get("delivery").is_none(), "a response kept on this device only");
        assert_eq!((&json["survey"][0]["id"], &json["survey"][0]["page"]), (&"a".into(), &"p".into()));
        assert_eq!(json["survey"][1]["id"], "survey-1795391999000", "never sent: told apart by its moment");
        let csv = csv(&[sent], &[]);
        assert!(
            csv.contains(r#""survey","2026-11-22","Delivery to the author","Delivered to collector.example"#),
            "{csv}"
        );
    }
}
