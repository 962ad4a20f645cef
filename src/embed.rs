//! Finds the page's mount elements and starts the flow each one names:
//! `<div data-alliance-widget="survey">` or `"assessment"`. Each flow is its own binary (and
//! wasm file), so a page downloads only the flows it shows.

use crate::assessment::screens::{AssessmentProps, AssessmentWidget};
use crate::assessment::share;
use crate::content::{assessment, fill, text};
use crate::storage::{local::LocalStore, KeyValue, Vault};
use crate::survey::screens::{SurveyProps, SurveyWidget};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// Mount elements carry this attribute; its value names the flow.
const MOUNT: &str = "[data-alliance-widget]";
const NAMESPACE: &str = "default";

/// What every widget on the page shares: the storage and the page's address.
struct Page {
    store: Rc<dyn KeyValue>,
    url: String,
    fragment: String,
}

/// The page's mounts of `flow`, emptied and ready, with the crash message installed. Only the
/// survey's script (the main one) tells the page's author about mounts naming no known flow.
fn mounts(flow: &str) -> Option<(Page, Vec<Element>)> {
    let window = web_sys::window()?;
    let list = window.document()?.query_selector_all(MOUNT).ok()?;
    let all: Vec<Element> = (0..list.length()).filter_map(|index| list.item(index)?.dyn_into().ok()).collect();
    crate::crash::install(MOUNT, text().crash);
    let location = window.location();
    let page = Page {
        store: Rc::new(LocalStore::open()),
        url: [location.origin(), location.pathname(), location.search()].map(Result::unwrap_or_default).concat(),
        fragment: location.hash().unwrap_or_default(),
    };
    let mut mine = Vec::new();
    for mount in all {
        let named = mount.get_attribute("data-alliance-widget").unwrap_or_default();
        if named == flow {
            mount.set_inner_html("");
            mine.push(mount);
        } else if flow == "survey" && !FLOWS.contains(&named.as_str()) {
            let message = fill(text().unknown_flow, &[("value", &named)]);
            web_sys::console::warn_1(&message.clone().into());
            mount.set_text_content(Some(&message));
        }
    }
    Some((page, mine))
}

const FLOWS: [&str; 2] = ["survey", "assessment"];

/// Starts every survey on the page.
pub fn start_survey() {
    let Some((page, mounts)) = mounts("survey") else { return };
    for (index, mount) in mounts.into_iter().enumerate() {
        let props = SurveyProps {
            vault: Vault::new(page.store.clone(), NAMESPACE, "survey"),
            uid: format!("aws{index}").into(),
        };
        yew::Renderer::<SurveyWidget>::with_root_and_props(mount, props).render();
    }
}

/// Starts every self-assessment on the page; a share link in the address shows its result.
pub fn start_assessment() {
    let Some((page, mounts)) = mounts("assessment") else { return };
    for (index, mount) in mounts.into_iter().enumerate() {
        let props = AssessmentProps {
            vault: Vault::new(page.store.clone(), NAMESPACE, "assessment"),
            survey_vault: Vault::new(page.store.clone(), NAMESPACE, "survey"),
            uid: format!("awa{index}").into(),
            page_url: page.url.clone().into(),
            shared: share::decode(assessment(), &page.fragment).transpose(),
            survey_link: mount.get_attribute("data-survey-link").map(Into::into),
        };
        yew::Renderer::<AssessmentWidget>::with_root_and_props(mount, props).render();
    }
}
