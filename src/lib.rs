//! The alliance-manager widget: a survey on finding your next alliance manager, kept in the
//! visitor's browser.
//!
//! `content`, `storage` and the state half of `survey` are pure and tested natively;
//! `survey::screens` renders; `embed` and `crash` exist only in the browser build.

pub mod assessment;
pub mod content;
pub mod storage;
pub mod survey;

#[cfg(target_arch = "wasm32")]
pub mod crash;
#[cfg(target_arch = "wasm32")]
pub mod embed;

use wasm_bindgen::JsCast;
use yew::NodeRef;

/// Milliseconds since 1970.
pub fn now() -> u64 {
    #[cfg(target_arch = "wasm32")]
    return js_sys::Date::now() as u64;
    #[cfg(not(target_arch = "wasm32"))]
    return std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_millis() as u64);
}

/// Moves keyboard focus to the first element under `root` matching `selector`, if any.
fn focus_first(root: &NodeRef, selector: &str) {
    let target = root
        .cast::<web_sys::Element>()
        .and_then(|root| root.query_selector(selector).ok().flatten())
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(target) = target {
        // Focus is a courtesy: a failure leaves it where the visitor had it.
        let _ = target.focus();
    }
}
