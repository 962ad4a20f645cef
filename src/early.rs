//! What a visitor did in a page's prerendered screens before the wasm took over, as
//! `embed/early.js` keeps it in the screens' `data-early`, and what the wasm needs to carry on
//! from there: the same element ids, and the visitor's steps replayed through the reducer.
//! Imports nothing else of the crate, so both the flows and the prerendering can use it.

use serde::Deserialize;
use std::rc::Rc;
use yew::Reducible;

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct Early {
    /// Went on from the introduction to the first question.
    pub started: bool,
    /// Checked options and typed text.
    pub fields: Vec<Field>,
    /// Asked for the next step (Next, See my result).
    pub submitted: bool,
}

/// A form field, named without the widget's id prefix.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Field {
    pub name: String,
    pub value: String,
}

impl Early {
    /// Reads `data-early`; anything unreadable counts as nothing done.
    pub fn read(json: &str) -> Early {
        crate::json::parse(json).unwrap_or_default()
    }
}

/// The prefix of the element ids of a page's `index`th widget of `flow`, the same in the
/// prerendered screens and in the widget that takes them over.
pub fn uid(flow: &str, index: usize) -> String {
    let letter = if flow == "survey" { "s" } else { "a" };
    format!("aw{letter}{index}")
}

/// `state` after `actions`, one after another, as the widget's reducer takes them.
pub fn replay<S: Reducible + Clone>(state: S, actions: impl IntoIterator<Item = S::Action>) -> S {
    Rc::unwrap_or_clone(actions.into_iter().fold(Rc::new(state), |state, action| state.reduce(action)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_early_js_keeps_is_read_and_anything_else_is_nothing() {
        let early = Early::read(r#"{"started":true,"fields":[{"name":"urgent","value":"2"}],"submitted":false}"#);
        assert!(early.started && !early.submitted);
        assert_eq!(early.fields, vec![Field { name: "urgent".into(), value: "2".into() }]);
        for broken in ["", "{", "null", r#"{"started":"yes"}"#] {
            assert_eq!(Early::read(broken), Early::default(), "{broken}");
        }
    }

    #[test]
    fn each_widget_on_a_page_has_ids_of_its_own() {
        assert_eq!([uid("assessment", 0), uid("assessment", 1), uid("survey", 0)], ["awa0", "awa1", "aws0"]);
    }
}
