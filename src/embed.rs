//! Starts widgets: every `<div data-alliance-widget="survey">` (or `"assessment"`) of a page,
//! or one element handed over by the embed loader (`alliance-widget.js`), which puts it in a
//! shadow root. Each flow is its own binary (and wasm file), so a page downloads only the
//! flows it shows.

use crate::assessment::screens::{AssessmentProps, AssessmentWidget};
use crate::assessment::share;
use crate::content::{assessment, fill, text};
use crate::storage::{local::LocalStore, KeyValue, Vault};
use crate::survey::screens::{SurveyProps, SurveyWidget};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// Mount elements on a page carry this attribute; its value names the flow.
const MOUNT: &str = "data-alliance-widget";
const FLOWS: [&str; 2] = ["survey", "assessment"];
const DEFAULT_NAMESPACE: &str = "default";

fn vault(namespace: &str, flow: &str) -> Vault {
    let store: Rc<dyn KeyValue> = Rc::new(LocalStore::open());
    Vault::new(store, namespace, flow)
}

/// Starts a survey in `root`, keeping its data under `namespace`.
pub fn mount_survey(root: Element, namespace: &str, uid: String) {
    crate::crash::watch(&root, text().crash);
    root.set_inner_html("");
    let props = SurveyProps { vault: vault(namespace, "survey"), uid: uid.into() };
    render_later(move || {
        yew::Renderer::<SurveyWidget>::with_root_and_props(root, props).render();
    });
}

/// Starts a self-assessment in `root`; a share link in the page's address shows its result.
pub fn mount_assessment(root: Element, namespace: &str, uid: String, survey_link: Option<String>) {
    crate::crash::watch(&root, text().crash);
    root.set_inner_html("");
    let location = web_sys::window().map(|window| window.location());
    let part = |get: fn(&web_sys::Location) -> Result<String, wasm_bindgen::JsValue>| {
        location.as_ref().and_then(|l| get(l).ok()).unwrap_or_default()
    };
    let props = AssessmentProps {
        vault: vault(namespace, "assessment"),
        namespace: namespace.to_string().into(),
        uid: uid.into(),
        page_url: [part(web_sys::Location::origin), part(web_sys::Location::pathname), part(web_sys::Location::search)]
            .concat()
            .into(),
        shared: share::decode(assessment(), &part(web_sys::Location::hash)).transpose(),
        survey_link: survey_link.map(Into::into),
    };
    render_later(move || {
        yew::Renderer::<AssessmentWidget>::with_root_and_props(root, props).render();
    });
}

/// Renders in a task of its own: the task that instantiated the wasm ends sooner, and several
/// widgets on a page take a short task each rather than one long one together.
fn render_later(render: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else { return };
    let render = wasm_bindgen::closure::Closure::once_into_js(render);
    let _ = window.set_timeout_with_callback(render.unchecked_ref());
}

/// The page's mounts naming `flow`. Only the survey's script tells the page's author about
/// mounts naming no known flow, so that a page running both scripts says it once.
fn page_mounts(flow: &str) -> Vec<Element> {
    let Some(list) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.query_selector_all(&format!("[{MOUNT}]")).ok())
    else {
        return Vec::new();
    };
    let mut mine = Vec::new();
    for mount in (0..list.length()).filter_map(|index| list.item(index)?.dyn_into::<Element>().ok()) {
        let named = mount.get_attribute(MOUNT).unwrap_or_default();
        if named == flow {
            mine.push(mount);
        } else if flow == "survey" && !FLOWS.contains(&named.as_str()) {
            let message = fill(text().unknown_flow, &[("value", &named)]);
            web_sys::console::warn_1(&message.clone().into());
            mount.set_text_content(Some(&message));
        }
    }
    mine
}

/// Starts every survey mount of the page.
pub fn start_survey() {
    for (index, mount) in page_mounts("survey").into_iter().enumerate() {
        mount_survey(mount, DEFAULT_NAMESPACE, format!("aws{index}"));
    }
}

/// Starts every self-assessment mount of the page.
pub fn start_assessment() {
    for (index, mount) in page_mounts("assessment").into_iter().enumerate() {
        let link = mount.get_attribute("data-survey-link");
        mount_assessment(mount, DEFAULT_NAMESPACE, format!("awa{index}"), link);
    }
}
