//! Turns each language's content (`content/en.json`, `content/de.json`) into Rust `static`s of
//! the types in `src/content/mod.rs`, a module per language, so the widget carries neither
//! the JSON nor code to parse it (and a wasm only the language it shows). A JSON field that does not match a
//! struct field fails the build with the compiler's message; `cargo test` then checks the
//! content's sense (unique ids, limits, placeholders).

use serde_json::Value;
use std::{env, fs, path::Path};

/// The languages, English first: the others are checked against it.
const LANGUAGES: [&str; 2] = ["en", "de"];
const SOURCE: &str = "content/<language>.json";

fn main() {
    let code: String = LANGUAGES.iter().map(|language| module(language)).collect();
    fs::write(Path::new(&env::var("OUT_DIR").unwrap()).join("content.rs"), code).unwrap();
}

/// `pub mod <language> { … }` with one static per part, so that a binary keeps only the
/// parts it uses.
fn module(language: &str) -> String {
    let source = format!("content/{language}.json");
    println!("cargo::rerun-if-changed={source}");
    let json = fs::read_to_string(&source).unwrap_or_else(|e| panic!("cannot read {source}: {e}"));
    let content: Value = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{source} is not valid JSON: {e}"));
    let Value::Object(parts) = &content else { panic!("{source} must hold an object") };
    let statics: String = parts
        .iter()
        .map(|(key, value)| {
            let name = if value.is_object() { type_of(key) } else { "&str" };
            format!("    pub static {}: {name} = {};\n", key.to_uppercase(), rust(value, name))
        })
        .collect();
    format!("pub mod {language} {{\n    use super::*;\n{statics}}}\n")
}

/// The struct a JSON object becomes, by the key that holds it.
fn type_of(key: &str) -> &'static str {
    match key {
        "survey" => "Survey",
        "questions" => "Question",
        "options" => "Choice",
        "text" => "Text",
        "assessment" => "Assessment",
        "scale" => "ScalePoint",
        "statements" => "Statement",
        "weights" => "Weights",
        "outcomes" => "Outcome",
        "conditions" => "Condition",
        "wording" => "Wording",
        "results" => "Results",
        other => panic!("{SOURCE}: no type for the object under \"{other}\""),
    }
}

/// A Rust expression for `value`, an object becoming the struct `name`.
fn rust(value: &Value, name: &str) -> String {
    match value {
        Value::Object(fields) => {
            let fields: Vec<String> = fields
                .iter()
                .map(|(key, value)| {
                    let holds_objects = value.is_object() || value.get(0).is_some_and(Value::is_object);
                    let name = if holds_objects { type_of(key) } else { "" };
                    format!("{}: {}", key.replace('-', "_"), rust(value, name))
                })
                .collect();
            format!("{name} {{ {} }}", fields.join(", "))
        }
        Value::Array(items) => {
            let items: Vec<String> = items.iter().map(|item| rust(item, name)).collect();
            format!("&[{}]", items.join(", "))
        }
        // Debug formatting of a str is a valid Rust string literal.
        Value::String(text) => format!("{text:?}"),
        Value::Number(number) => number.to_string(),
        Value::Bool(flag) => flag.to_string(),
        Value::Null => panic!("{SOURCE}: null is not a content value"),
    }
}
