//! A page's first screens written into its HTML at build time (`src/bin/prerender.rs`), so
//! that the first question can be answered before the wasm has arrived; and what the visitor
//! did there meanwhile, which the wasm carries on from (`embed`).
//!
//! The page holds the introduction and, hidden until Start, the first question, as the widget
//! renders them for a new visitor. `embed/early.js`, inlined after them, makes Start and Back
//! work until the wasm takes their place, and keeps what the visitor does for it.

use std::rc::Rc;
use yew::Reducible;

/// What a visitor did in the prerendered screens before the wasm took over, as `early.js`
/// keeps it in the screens' `data-early`.
#[derive(Clone, Debug, Default, PartialEq, miniserde::Deserialize)]
pub struct Early {
    /// Went on from the introduction to the first question.
    pub started: bool,
    /// Checked options and typed text.
    pub fields: Vec<Field>,
    /// Asked for the next step (Next, See my result).
    pub submitted: bool,
}

/// A form field, named without the widget's id prefix.
#[derive(Clone, Debug, PartialEq, miniserde::Deserialize)]
pub struct Field {
    pub name: String,
    pub value: String,
}

impl Early {
    /// Reads `data-early`; anything unreadable counts as nothing done.
    pub fn read(json: &str) -> Early {
        miniserde::json::from_str(json).unwrap_or_default()
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

#[cfg(feature = "ssr")]
pub use build::{attribute, frame, into_page};

#[cfg(feature = "ssr")]
mod build {
    use crate::assessment::screens::{AssessmentProps, AssessmentScreens};
    use crate::storage::{flow_prefix, MemoryStore, Vault, DEFAULT_NAMESPACE};
    use crate::survey::screens::{SurveyProps, SurveyScreens};
    use std::rc::Rc;
    use yew::prelude::*;
    use yew::ServerRenderer;

    /// The widget's frame around a flow's introduction and its first question, the second
    /// hidden; marked for `early.js` and for `embed`, which takes it over.
    pub fn frame(class: &'static str, title: &'static str, intro: Html, first: Html) -> Html {
        html! {
            <section class={classes!("aw-widget", class)} aria-label={title} data-prerendered="">
                <p class="aw-visually-hidden" aria-live="polite"></p>
                { intro }
                <div data-then="" hidden=true>{ first }</div>
            </section>
        }
    }

    const MOUNT: &str = "data-alliance-widget=";

    /// `page` with the first screens of each of its widget mounts, each followed by `script`
    /// (`embed/early.js`, minified), which runs them until the wasm arrives. Mounts of no known
    /// flow stay as they are.
    pub async fn into_page(page: &str, script: &str) -> String {
        let mut out = String::with_capacity(page.len() * 4);
        let mut rest = page;
        let mut counts = [0, 0];
        while let Some(at) = rest.find(MOUNT) {
            let Some(end) = rest[at..].find('>').map(|end| at + end + 1) else { break };
            let tag = &rest[rest[..at].rfind('<').unwrap_or(at)..end];
            out.push_str(&rest[..end]);
            let flow = attribute(tag, "data-alliance-widget").unwrap_or_default();
            let survey_link = attribute(tag, "data-survey-link").map(str::to_string);
            let screens = match flow {
                "survey" => Some(survey_screens(counts[0]).await),
                "assessment" => Some(assessment_screens(counts[1], survey_link).await),
                _ => None,
            };
            if let Some(screens) = screens {
                counts[usize::from(flow == "assessment")] += 1;
                out.push_str(&screens);
                out.push_str(&early_script(script, flow));
            }
            rest = &rest[end..];
        }
        out.push_str(rest);
        out
    }

    /// An attribute's value in an opening tag, quoted or not (the built pages are minified).
    pub fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
        let value = &tag[tag.find(&format!(" {name}="))? + name.len() + 2..];
        match value.strip_prefix(['"', '\'']) {
            Some(quoted) => quoted.split(['"', '\'']).next(),
            None => value.split([' ', '>']).next(),
        }
    }

    fn vault(flow: &str) -> Vault {
        Vault::new(Rc::new(MemoryStore::default()), DEFAULT_NAMESPACE, flow)
    }

    async fn survey_screens(index: usize) -> String {
        let uid = super::uid("survey", index);
        ServerRenderer::<SurveyScreens>::with_props(move || SurveyProps {
            vault: vault("survey"),
            uid: uid.into(),
            early: Default::default(),
        })
        .hydratable(false)
        .render()
        .await
    }

    async fn assessment_screens(index: usize, survey_link: Option<String>) -> String {
        let uid = super::uid("assessment", index);
        ServerRenderer::<AssessmentScreens>::with_props(move || AssessmentProps {
            vault: vault("assessment"),
            namespace: DEFAULT_NAMESPACE.into(),
            uid: uid.into(),
            page_url: AttrValue::default(),
            shared: None,
            survey_link: survey_link.map(Into::into),
            early: Default::default(),
        })
        .hydratable(false)
        .render()
        .await
    }

    /// The script for the flow's keys; and, for a browser without script, what hides the
    /// buttons it cannot run.
    fn early_script(script: &str, flow: &str) -> String {
        let keys = format!("{:?}", flow_prefix(DEFAULT_NAMESPACE, flow));
        // Without script, the introduction still reads, but the buttons would do nothing.
        let noscript = "<noscript><style>[data-prerendered] .aw-nav{display:none}</style></noscript>";
        format!("<script>{}</script>{noscript}", script.trim().replace("__KEYS__", &keys))
    }
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
