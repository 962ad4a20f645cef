//! Every language's content has English's shape: the same keys, ids, numbers, placeholders and
//! list lengths, so a German reader gets the same questions, statements, weights and
//! conditions, and every template receives the values the screens fill in.

use serde_json::Value;

const ENGLISH: &str = include_str!("../content/en.json");
const OTHERS: [(&str, &str); 1] = [("de", include_str!("../content/de.json"))];

/// Where `other` differs from `english` in anything but the wording of its texts.
fn differences(english: &Value, other: &Value, at: &str, found: &mut Vec<String>) {
    match (english, other) {
        (Value::Object(a), Value::Object(b)) => {
            let (keys_a, keys_b): (Vec<_>, Vec<_>) = (a.keys().collect(), b.keys().collect());
            if keys_a != keys_b {
                found.push(format!("{at}: keys {keys_b:?}, not {keys_a:?}"));
            }
            for (key, value) in a {
                if let Some(theirs) = b.get(key) {
                    differences(value, theirs, &format!("{at}.{key}"), found);
                }
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            if a.len() != b.len() {
                found.push(format!("{at}: {} items, not {}", b.len(), a.len()));
            }
            for (index, (mine, theirs)) in a.iter().zip(b).enumerate() {
                differences(mine, theirs, &format!("{at}[{index}]"), found);
            }
        }
        (Value::String(a), Value::String(b)) => {
            // Ids (and what names them) are the records' and payloads' words: never translated.
            let is_id = at.ends_with(".id") || at.ends_with(".statement");
            if is_id && a != b {
                found.push(format!("{at}: id \"{b}\", not \"{a}\""));
            }
            if placeholders(a) != placeholders(b) {
                found.push(format!("{at}: placeholders {:?}, not {:?}", placeholders(b), placeholders(a)));
            }
        }
        (a, b)
            if std::mem::discriminant(a) != std::mem::discriminant(b)
                || (a.is_number() || a.is_boolean()) && a != b =>
        {
            found.push(format!("{at}: {b}, not {a}"));
        }
        _ => {}
    }
}

/// The `{name}`s of a template, sorted.
fn placeholders(text: &str) -> Vec<&str> {
    let mut found: Vec<&str> = text
        .match_indices('{')
        .filter_map(|(start, _)| Some(&text[start..=start + text[start..].find('}')?]))
        .collect();
    found.sort_unstable();
    found
}

fn parse(json: &str) -> Value {
    serde_json::from_str(json).expect("content is JSON")
}

#[test]
fn every_language_has_the_shape_of_english() {
    let english = parse(ENGLISH);
    for (language, json) in OTHERS {
        let other = parse(json);
        assert_eq!(other["language"], language);
        let mut found = Vec::new();
        differences(&english, &other, language, &mut found);
        // The language's own name is the one value that must differ.
        found.retain(|difference| !difference.starts_with(&format!("{language}.language")));
        assert_eq!(found, Vec::<String>::new());
    }
}

#[test]
fn a_difference_in_shape_is_found() {
    let english = parse(ENGLISH);
    let mut other = english.clone();
    other["text"]["progress"] = "Frage {n}".into();
    other["assessment"]["statements"][0]["id"] = "dringend".into();
    other["assessment"]["statements"][1]["weights"]["interim"] = 1.into();
    other["survey"]["questions"][0]["options"].as_array_mut().unwrap().pop();
    other["results"].as_object_mut().unwrap().remove("print");
    let mut found = Vec::new();
    differences(&english, &other, "xx", &mut found);
    let found = found.join("\n");
    for expected in [
        "xx.text.progress: placeholders",
        "xx.assessment.statements[0].id: id",
        "xx.assessment.statements[1].weights.interim: 1, not 2",
        "xx.survey.questions[0].options: 4 items, not 5",
        "xx.results: keys",
    ] {
        assert!(found.contains(expected), "{expected} in:\n{found}");
    }
}

#[test]
fn templates_list_their_placeholders() {
    assert_eq!(placeholders("{option}: {fit} von 100, {fit}"), ["{fit}", "{fit}", "{option}"]);
    assert_eq!(placeholders("no holes"), Vec::<&str>::new());
}
