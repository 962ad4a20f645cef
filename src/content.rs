//! The visitor-facing text and the survey's questions, read from `content/en.json`.
//!
//! Components take every string from here, so a second language is a second JSON file.

use std::collections::HashSet;

/// All the content, for validating it as a whole.
#[derive(Clone, Copy, Debug)]
pub struct Content<'a> {
    pub language: &'a str,
    pub survey: &'a Survey,
    pub text: &'a Text,
    pub assessment: &'a Assessment,
}

#[derive(Clone, Debug)]
pub struct Survey {
    /// Changes when questions change, so stored answers can be matched to their wording.
    pub id: &'static str,
    pub title: &'static str,
    pub intro: &'static [&'static str],
    pub start: &'static str,
    pub resume: &'static str,
    pub questions: &'static [Question],
}

#[derive(Clone, Debug)]
pub struct Question {
    pub id: &'static str,
    pub title: &'static str,
    pub hint: &'static str,
    /// Several options may be chosen (checkboxes) rather than one (radio buttons).
    pub multiple: bool,
    pub required: bool,
    pub options: &'static [Choice],
    pub comment_label: &'static str,
    /// Longest comment kept, in characters.
    pub comment_max: usize,
}

#[derive(Clone, Debug)]
pub struct Choice {
    pub id: &'static str,
    pub label: &'static str,
}

/// The self-assessment "Is interim right for us?".
#[derive(Clone, Debug)]
pub struct Assessment {
    /// Changes when statements or weights change, so stored answers can be matched to them.
    pub id: &'static str,
    pub title: &'static str,
    pub intro: &'static [&'static str],
    pub start: &'static str,
    pub resume: &'static str,
    /// The answers every statement offers, from agreement to disagreement and "don't know" (0).
    pub scale: &'static [ScalePoint],
    pub statements: &'static [Statement],
    /// The options weighed, in the order of `Weights`' fields: interim, internal, external.
    pub outcomes: &'static [Outcome],
    pub wording: Wording,
}

#[derive(Clone, Debug)]
pub struct ScalePoint {
    /// How strongly the answer agrees: positive agrees, negative disagrees, 0 is "don't know".
    pub value: i32,
    pub label: &'static str,
}

#[derive(Clone, Debug)]
pub struct Statement {
    pub id: &'static str,
    pub text: &'static str,
    /// How much agreeing weighs for each option; disagreeing weighs the other way.
    pub weights: Weights,
    /// The reason given when agreement with this statement drove the result...
    pub agree: &'static str,
    /// ...and when disagreement did.
    pub disagree: &'static str,
}

#[derive(Clone, Copy, Debug)]
pub struct Weights {
    pub interim: i32,
    pub internal: i32,
    pub external: i32,
}

impl Weights {
    /// The weights in the order of the outcomes: interim, internal, external.
    pub fn by_route(&self) -> [i32; 3] {
        [self.interim, self.internal, self.external]
    }
}

#[derive(Clone, Debug)]
pub struct Outcome {
    pub id: &'static str,
    pub name: &'static str,
    pub summary: &'static str,
    /// Always shown with the option.
    pub caveats: &'static [&'static str],
    pub next_steps: &'static [&'static str],
}

/// The self-assessment's own screen text.
#[derive(Clone, Debug)]
pub struct Wording {
    pub statement_progress: &'static str,
    pub see_result: &'static str,
    pub answer_all: &'static str,
    pub result_title: &'static str,
    pub recommendation: &'static str,
    pub close_call: &'static str,
    pub close_call_body: &'static str,
    pub fits_title: &'static str,
    pub fit_label: &'static str,
    pub reasons_title: &'static str,
    pub caveats_title: &'static str,
    pub next_steps_title: &'static str,
    pub change_title: &'static str,
    pub change: &'static str,
    pub no_change: &'static str,
    pub compare_title: &'static str,
    pub compare_moved: &'static str,
    pub compare_same: &'static str,
    pub print: &'static str,
    pub share: &'static str,
    pub share_copied: &'static str,
    pub share_label: &'static str,
    pub shared_title: &'static str,
    pub shared_body: &'static str,
    pub take_it_yourself: &'static str,
    pub share_broken: &'static str,
    pub export_json: &'static str,
    pub export_csv: &'static str,
    pub export_failed: &'static str,
    pub retake: &'static str,
    pub change_answers: &'static str,
    pub history_title: &'static str,
    pub history_entry: &'static str,
    pub delete_assessment: &'static str,
    pub delete_assessment_label: &'static str,
    pub to_survey: &'static str,
    /// Heading of an option that is not the best fit, opened on request.
    pub other_option: &'static str,
}

/// A survey is the one in the build's content: the same survey is the same place in memory.
impl PartialEq for Survey {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

/// Like a survey, an assessment is identified by its place in the build's content.
impl PartialEq for Assessment {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

/// Every string the screens show that is not part of a question.
#[derive(Clone, Debug)]
pub struct Text {
    pub progress: &'static str,
    /// What a screen reader hears on reaching a question.
    pub announce_question: &'static str,
    pub back: &'static str,
    pub next: &'static str,
    pub to_review: &'static str,
    pub back_to_review: &'static str,
    pub choose_one: &'static str,
    pub choose_some: &'static str,
    pub comment_count: &'static str,
    pub comment_clamped: &'static str,
    pub review_title: &'static str,
    pub review_intro: &'static str,
    pub change: &'static str,
    pub change_label: &'static str,
    pub no_answer: &'static str,
    pub no_comment: &'static str,
    pub your_comment: &'static str,
    pub submit: &'static str,
    pub thanks_title: &'static str,
    pub thanks_body: &'static str,
    pub start_again: &'static str,
    pub history_title: &'static str,
    pub history_empty: &'static str,
    pub submitted_on: &'static str,
    pub delete_response: &'static str,
    pub delete_response_label: &'static str,
    pub delete_all: &'static str,
    pub delete_all_hint: &'static str,
    pub deleted_all: &'static str,
    pub notice_unreadable: &'static str,
    pub notice_newer: &'static str,
    pub notice_unavailable: &'static str,
    pub notice_full: &'static str,
    /// For the page's author, when a mount names no known flow.
    pub unknown_flow: &'static str,
    pub crash: &'static str,
}

// `LANGUAGE`, `SURVEY`, `TEXT` and `ASSESSMENT`, written by build.rs from content/en.json.
include!(concat!(env!("OUT_DIR"), "/content.rs"));

/// Comments longer than this would not fit a reader's sentence or two; shorter than this
/// would cut real answers.
const COMMENT_LIMITS: std::ops::RangeInclusive<usize> = 100..=10_000;

/// The survey's questions. `cargo test` checks that all the content makes sense.
pub fn survey() -> &'static Survey {
    &SURVEY
}

/// The screens' text shared by both flows.
pub fn text() -> &'static Text {
    &TEXT
}

pub fn assessment() -> &'static Assessment {
    &ASSESSMENT
}

pub fn content() -> Content<'static> {
    Content { language: LANGUAGE, survey: &SURVEY, text: &TEXT, assessment: &ASSESSMENT }
}

/// Problems that would make the survey misbehave; empty when the content is sound.
pub fn problems(content: &Content) -> Vec<String> {
    let survey = content.survey;
    let mut found = Vec::new();
    if survey.id.trim().is_empty() {
        found.push("the survey has no id".to_string());
    }
    if survey.questions.is_empty() {
        found.push("the survey has no questions".to_string());
    }
    let mut question_ids = HashSet::new();
    for question in survey.questions {
        if !question_ids.insert(question.id) {
            found.push(format!("question id '{}' is used twice", question.id));
        }
        if question.title.trim().is_empty() {
            found.push(format!("question '{}' has no title", question.id));
        }
        if question.options.len() < 2 {
            found.push(format!("question '{}' needs at least two options", question.id));
        }
        let mut option_ids = HashSet::new();
        for option in question.options {
            if !option_ids.insert(option.id) {
                found.push(format!("question '{}' repeats option id '{}'", question.id, option.id));
            }
            if option.label.trim().is_empty() {
                found.push(format!("option '{}' of '{}' has no label", option.id, question.id));
            }
        }
        if !COMMENT_LIMITS.contains(&question.comment_max) {
            found.push(format!(
                "question '{}' allows {} comment characters, outside {:?}",
                question.id, question.comment_max, COMMENT_LIMITS
            ));
        }
    }
    found.extend(assessment_problems(content.assessment));
    let text = content.text;
    for (name, template, holes) in [
        ("progress", text.progress, &["{n}", "{total}"][..]),
        ("announce_question", text.announce_question, &["{progress}", "{question}"]),
        ("comment_count", text.comment_count, &["{used}", "{max}"]),
        ("comment_clamped", text.comment_clamped, &["{max}"]),
        ("change_label", text.change_label, &["{question}"]),
        ("submitted_on", text.submitted_on, &["{date}"]),
        ("delete_response_label", text.delete_response_label, &["{date}"]),
        ("unknown_flow", text.unknown_flow, &["{value}"]),
    ] {
        found.extend(missing_placeholders(name, template, holes));
    }
    found
}

/// The statements the assessment asks about; fewer says too little, more tires the reader.
const STATEMENTS: std::ops::RangeInclusive<usize> = 8..=12;

/// The routes the scoring weighs, in the order of `Weights`' fields.
const ROUTES: [&str; 3] = ["interim", "internal", "external"];

fn assessment_problems(assessment: &Assessment) -> Vec<String> {
    let mut found = Vec::new();
    if !STATEMENTS.contains(&assessment.statements.len()) {
        found.push(format!("the assessment has {} statements, not {STATEMENTS:?}", assessment.statements.len()));
    }
    let mut ids = HashSet::new();
    for statement in assessment.statements {
        if !ids.insert(statement.id) {
            found.push(format!("statement id '{}' is used twice", statement.id));
        }
        if [statement.text, statement.agree, statement.disagree].iter().any(|t| t.trim().is_empty()) {
            found.push(format!("statement '{}' lacks a text or a reason", statement.id));
        }
    }
    let outcome_ids: Vec<&str> = assessment.outcomes.iter().map(|o| o.id).collect();
    if outcome_ids != ROUTES {
        found.push(format!("the outcomes must be {ROUTES:?} in that order, not {outcome_ids:?}"));
    }
    for outcome in assessment.outcomes {
        if outcome.caveats.is_empty() || outcome.next_steps.is_empty() {
            found.push(format!("outcome '{}' needs caveats and next steps", outcome.id));
        }
    }
    let values: Vec<i32> = assessment.scale.iter().map(|point| point.value).collect();
    let distinct: HashSet<i32> = values.iter().copied().collect();
    if distinct.len() != values.len()
        || !values.contains(&0)
        || !values.iter().any(|&v| v > 0)
        || !values.iter().any(|&v| v < 0)
    {
        found
            .push(format!("the scale {values:?} needs distinct values for agreeing, disagreeing and 0 for don't know"));
    }
    for (index, route) in ROUTES.iter().enumerate() {
        if !assessment.statements.iter().any(|s| s.weights.by_route()[index] > 0) {
            found.push(format!("no statement weighs for '{route}'"));
        }
    }
    let wording = &assessment.wording;
    for (name, template, holes) in [
        ("statement_progress", wording.statement_progress, &["{answered}", "{total}"][..]),
        ("recommendation", wording.recommendation, &["{option}"]),
        ("close_call", wording.close_call, &["{first}", "{second}"]),
        ("fit_label", wording.fit_label, &["{option}", "{fit}"]),
        ("change", wording.change, &["{answer}", "{statement}", "{option}"]),
        ("compare_title", wording.compare_title, &["{date}"]),
        ("compare_moved", wording.compare_moved, &["{option}", "{before}", "{after}"]),
        ("history_entry", wording.history_entry, &["{date}", "{option}"]),
        ("delete_assessment_label", wording.delete_assessment_label, &["{date}"]),
        ("other_option", wording.other_option, &["{option}"]),
    ] {
        found.extend(missing_placeholders(name, template, holes));
    }
    found
}

fn missing_placeholders(name: &str, template: &str, holes: &[&str]) -> Vec<String> {
    holes
        .iter()
        .filter(|hole| !template.contains(*hole))
        .map(|hole| format!("text '{name}' lacks the placeholder {hole}"))
        .collect()
}

/// Fills `{name}` placeholders in a template from the content, in one pass (a value is never
/// filled in again). Splitting on braces keeps `str::replace`'s substring search and
/// `format!` out of the wasm.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut parts = template.split('{');
    let mut text = parts.next().unwrap_or_default().to_string();
    for part in parts {
        let known = part.split_once('}').and_then(|(name, rest)| Some((values.iter().find(|v| v.0 == name)?.1, rest)));
        match known {
            Some((value, rest)) => text.extend([value, rest]),
            None => text.extend(["{", part]),
        }
    }
    text
}

/// A date as the visitor's answers list shows it: `2026-11-22`, the same in every language.
pub fn date_label(millis: u64) -> String {
    // Days since 1970 to a civil date (Howard Hinnant's algorithm), to avoid a date crate.
    let days = (millis / 86_400_000) as i64 + 719_468;
    let era = days / 146_097;
    let day_of_era = days - era * 146_097;
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 { month_index + 3 } else { month_index - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_content_is_sound() {
        assert_eq!(problems(&content()), Vec::<String>::new());
        assert_eq!(content().language, "en");
        assert_eq!(content().survey.questions.len(), 4);
    }

    #[test]
    fn the_known_question_is_asked_word_for_word() {
        let titles: Vec<_> = content().survey.questions.iter().map(|q| q.title).collect();
        assert!(titles.contains(&"Would interim or contractor alliance management work for your company?"));
    }

    #[test]
    fn alliance_kinds_allow_several_answers() {
        let kinds = content().survey.questions.iter().find(|q| q.id == "alliance-kinds").unwrap();
        assert!(kinds.multiple);
    }

    #[test]
    fn problems_are_found() {
        let [source, works_best, ..] = SURVEY.questions else { unreachable!() };
        let one_option = Question { options: &source.options[..1], comment_max: 5, ..source.clone() };
        let same_id = Question { id: source.id, ..works_best.clone() };
        let survey = Survey { questions: Box::leak(Box::new([one_option, same_id])), ..SURVEY.clone() };
        let text = Text { progress: "Question {n}", ..TEXT.clone() };
        let broken = Content { survey: &survey, text: &text, ..content() };
        let found = problems(&broken).join("\n");
        assert!(found.contains("needs at least two options"), "{found}");
        let few = Assessment { statements: &ASSESSMENT.statements[..3], ..ASSESSMENT.clone() };
        let swapped = [ASSESSMENT.outcomes[1].clone(), ASSESSMENT.outcomes[0].clone()];
        let reordered = Assessment { outcomes: Box::leak(Box::new(swapped)), ..ASSESSMENT.clone() };
        assert!(assessment_problems(&few).join("").contains("3 statements"));
        assert!(assessment_problems(&reordered).join("").contains("in that order"));
        assert!(found.contains("used twice"), "{found}");
        assert!(found.contains("comment characters"), "{found}");
        assert!(found.contains("{total}"), "{found}");
    }

    #[test]
    fn dates_read_as_calendar_days() {
        assert_eq!(date_label(0), "1970-01-01");
        assert_eq!(date_label(951_782_400_000), "2000-02-29");
        assert_eq!(date_label(1_795_391_999_000), "2026-11-22");
    }

    #[test]
    fn unknown_fields_in_templates_stay_visible() {
        assert_eq!(fill("Question {n} of {total}", &[("n", "2"), ("total", "4")]), "Question 2 of 4");
        assert_eq!(fill("{x} stays", &[("n", "2")]), "{x} stays");
        assert_eq!(fill("{a} and {b", &[("a", "{b}"), ("b", "no")]), "{b} and {b", "one pass; an open brace stays");
    }
}
