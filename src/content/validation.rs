//! What `cargo test` checks of the content as a whole: ids, limits, placeholders, weights,
//! conditions.

use super::{Assessment, Content, Outcome, Results};
use std::collections::HashSet;

/// Comments longer than this would not fit a reader's sentence or two; shorter than this
/// would cut real answers.
const COMMENT_LIMITS: std::ops::RangeInclusive<usize> = 100..=10_000;

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
        ("goes_to", text.goes_to, &["{host}"]),
        ("delivery_sending", text.delivery_sending, &["{host}"]),
        ("delivery_delivered", text.delivery_delivered, &["{host}", "{time}"]),
        ("delivery_waiting", text.delivery_waiting, &["{host}"]),
        ("delivery_refused", text.delivery_refused, &["{host}", "{status}"]),
        ("delivery_blocked", text.delivery_blocked, &["{host}"]),
        ("try_again_label", text.try_again_label, &["{date}"]),
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
    let values: Vec<i32> = assessment.scale.iter().map(|point| point.value).collect();
    for outcome in assessment.outcomes {
        if outcome.caveats.is_empty() || outcome.next_steps.is_empty() {
            found.push(format!("outcome '{}' needs caveats and next steps", outcome.id));
        }
        found.extend(condition_problems(assessment, outcome, &values));
    }
    if assessment.outcomes.iter().all(|outcome| !outcome.conditions.is_empty()) {
        found.push("at least one outcome must have no conditions, to be recommended whatever the answers".into());
    }
    let wording = &assessment.wording;
    for (name, template) in [("change", wording.change), ("condition_broken", wording.condition_broken)] {
        // Closing quotes of English (”) and German (“).
        let stray = ["”,", "”.", "“,", "“."].iter().any(|after| template.contains(&format!("{{statement}}{after}")));
        if stray {
            found.push(format!("{name}: a statement ends with its own full stop; no comma or stop after its quote"));
        }
    }
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
    // Statements end with their own full stop, so a template closes its quote after one and
    // goes on with a new sentence, not a comma.
    for (name, template, holes) in [
        ("statement_progress", wording.statement_progress, &["{answered}", "{total}"][..]),
        ("recommendation", wording.recommendation, &["{option}"]),
        ("close_call", wording.close_call, &["{first}", "{second}"]),
        ("condition_broken", wording.condition_broken, &["{option}", "{answer}", "{statement}", "{needs}"]),
        ("fit_label", wording.fit_label, &["{option}", "{fit}"]),
        ("change", wording.change, &["{answer}", "{statement}", "{option}"]),
        ("compare_title", wording.compare_title, &["{date}"]),
        ("compare_moved", wording.compare_moved, &["{option}", "{before}", "{after}"]),
        ("history_entry", wording.history_entry, &["{date}", "{option}"]),
        ("delete_assessment_label", wording.delete_assessment_label, &["{date}"]),
        ("other_option", wording.other_option, &["{option}"]),
        ("send_note", wording.send_note, &["{host}"]),
    ] {
        found.extend(missing_placeholders(name, template, holes));
    }
    found
}

/// An outcome's sentence form and conditions: each on a known statement, ruled out only by
/// answers on the scale (never "don't know", which says nothing against it), and saying
/// what the option needs as a clause.
fn condition_problems(assessment: &Assessment, outcome: &Outcome, scale: &[i32]) -> Vec<String> {
    let mut found = Vec::new();
    let clause = |text: &str| !text.trim().is_empty() && !text.ends_with(['.', '!', '?', ':', ','].as_slice());
    if !clause(outcome.in_sentence) {
        found.push(format!(
            "outcome '{}' needs its name as it reads inside a sentence, without a full stop",
            outcome.id
        ));
    }
    for condition in outcome.conditions {
        let on = format!("a condition of '{}' on '{}'", outcome.id, condition.statement);
        if !assessment.statements.iter().any(|statement| statement.id == condition.statement) {
            found.push(format!("{on}: no such statement"));
        }
        if condition.broken_by.is_empty()
            || condition.broken_by.iter().any(|value| *value == 0 || !scale.contains(value))
        {
            found.push(format!(
                "{on}: broken by {:?}, which must be answers on the scale other than don't know",
                condition.broken_by
            ));
        }
        if !clause(condition.needs) {
            found.push(format!("{on}: what it needs must be a clause, without a full stop"));
        }
    }
    found
}

/// The results page's templates, each with the values the page fills in.
pub fn results_problems(results: &Results) -> Vec<String> {
    let mut found = Vec::new();
    for (name, template, holes) in [
        ("reading", results.reading, &["{count}"][..]),
        ("totals", results.totals, &["{responses}", "{assessments}", "{files}"]),
        ("file_read", results.file_read, &["{name}", "{read}"]),
        ("file_too_large", results.file_too_large, &["{name}", "{size}", "{limit}"]),
        ("line", results.line, &["{n}", "{reason}"]),
        ("entry", results.entry, &["{n}", "{reason}"]),
        ("answered", results.answered, &["{count}", "{total}"]),
        ("comments_shown", results.comments_shown, &["{shown}", "{count}"]),
        ("comment_about", results.comment_about, &["{options}", "{date}", "{page}"]),
        ("quote", results.quote, &["{comment}"]),
        ("cross_caption", results.cross_caption, &["{rows}", "{columns}"]),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::*;

    #[test]
    fn the_embedded_content_is_sound() {
        for (content, results) in every_language() {
            assert_eq!(problems(&content), Vec::<String>::new(), "{}", content.language);
            assert_eq!(results_problems(results), Vec::<String>::new(), "{}", content.language);
        }
        assert_eq!(every_language().map(|(content, _)| content.language), ["en", "de"]);
        let broken = Results { quote: "“comment”", ..results().clone() };
        assert_eq!(results_problems(&broken), ["text 'quote' lacks the placeholder {comment}"]);
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
        let [interim, internal, external] = ASSESSMENT.outcomes else { unreachable!() };
        let unknown = [Condition { statement: "budget", ..interim.conditions[0].clone() }];
        let dont_know = [Condition { broken_by: &[0], ..interim.conditions[0].clone() }];
        let off_scale = [Condition { broken_by: &[-3], ..interim.conditions[0].clone() }];
        let sentence = [Condition { needs: "you can guide them.", ..interim.conditions[0].clone() }];
        for (conditions, expected) in [
            (&unknown, "no such statement"),
            (&dont_know, "other than don't know"),
            (&off_scale, "other than don't know"),
            (&sentence, "without a full stop"),
        ] {
            let outcome = Outcome { conditions: Box::leak(Box::new(conditions.clone())), ..interim.clone() };
            let outcomes = Box::leak(Box::new([outcome, internal.clone(), external.clone()]));
            let found = assessment_problems(&Assessment { outcomes, ..ASSESSMENT.clone() }).join("\n");
            assert!(found.contains(expected), "{expected}: {found}");
        }
        let stop = Outcome { in_sentence: "an interim.", ..interim.clone() };
        let outcomes = Box::leak(Box::new([stop, internal.clone(), external.clone()]));
        let named = assessment_problems(&Assessment { outcomes, ..ASSESSMENT.clone() }).join("\n");
        assert!(named.contains("as it reads inside a sentence"), "{named}");
        let stray = Wording {
            change: "If you answered “{answer}” to “{statement}”, it would be {option}.",
            ..ASSESSMENT.wording.clone()
        };
        let stray = assessment_problems(&Assessment { wording: stray, ..ASSESSMENT.clone() }).join("\n");
        assert!(stray.contains("no comma or stop after its quote"), "{stray}");
        let german = Wording {
            change: "Mit „{answer}“ auf „{statement}“, wäre es {option}.",
            ..ASSESSMENT.wording.clone()
        };
        let german = assessment_problems(&Assessment { wording: german, ..ASSESSMENT.clone() }).join("\n");
        assert!(german.contains("no comma or stop after its quote"), "{german}");
        assert!(found.contains("used twice"), "{found}");
        assert!(found.contains("comment characters"), "{found}");
        assert!(found.contains("{total}"), "{found}");
    }
}
