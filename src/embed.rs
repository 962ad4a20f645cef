//! Finds the page's mount elements and starts a widget in each.

use crate::content::content;
use crate::storage::{local::LocalStore, KeyValue, Vault};
use crate::survey::screens::{SurveyProps, SurveyWidget};
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// Mount elements carry this attribute.
const MOUNT: &str = "[data-alliance-widget]";

pub fn start() {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else { return };
    let mounts: Vec<web_sys::Element> = match document.query_selector_all(MOUNT) {
        Ok(list) => {
            (0..list.length()).filter_map(|index| list.item(index)).filter_map(|node| node.dyn_into().ok()).collect()
        }
        Err(_) => return,
    };
    crate::crash::install(MOUNT, content().text.crash);
    let store: Rc<dyn KeyValue> = Rc::new(LocalStore::open());
    for (index, mount) in mounts.into_iter().enumerate() {
        mount.set_inner_html("");
        let props =
            SurveyProps { vault: Vault::new(store.clone(), "default", "survey"), uid: format!("aw{index}").into() };
        yew::Renderer::<SurveyWidget>::with_root_and_props(mount, props).render();
    }
}
