//! Templates from the content with their `{placeholders}` filled in.

/// Fills `{name}` placeholders in a template from the content, in one pass: a value is never
/// filled in again, so braces in what it carries (a page author's attribute, say) stay as they
/// are.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_fields_in_templates_stay_visible() {
        assert_eq!(fill("Question {n} of {total}", &[("n", "2"), ("total", "4")]), "Question 2 of 4");
        assert_eq!(fill("{x} stays", &[("n", "2")]), "{x} stays");
        assert_eq!(fill("{a} and {b", &[("a", "{b}"), ("b", "no")]), "{b} and {b", "one pass; an open brace stays");
    }
}
