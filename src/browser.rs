//! The few small calls the widget makes to the browser beyond rendering: focus, the address,
//! the clipboard, printing, and the download. Each is a courtesy that may fail quietly: the
//! widget goes on either way.

use wasm_bindgen::JsCast;
use web_sys::Location;
use yew::NodeRef;

/// Moves keyboard focus to the first element under `root` matching `selector`, if any.
pub fn focus_first(root: &NodeRef, selector: &str) {
    let target = root
        .cast::<web_sys::Element>()
        .and_then(|root| root.query_selector(selector).ok().flatten())
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(target) = target {
        let _ = target.focus();
    }
}

pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// Puts `text` on the clipboard; a share link also stays on screen to copy by hand.
pub fn copy(text: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.navigator().clipboard().write_text(text);
    }
}

/// The page's address in parts: origin, path, query and fragment.
pub fn address() -> [String; 4] {
    let location = web_sys::window().map(|window| window.location());
    let part = |get: fn(&Location) -> Result<String, wasm_bindgen::JsValue>| {
        location.as_ref().and_then(|l| get(l).ok()).unwrap_or_default()
    };
    [part(Location::origin), part(Location::pathname), part(Location::search), part(Location::hash)]
}

/// Drops a share link's fragment from the address, so a reload shows the reader's own
/// assessment rather than the shared one.
pub fn forget_fragment() {
    let [_, path, search, _] = address();
    let Some(history) = web_sys::window().and_then(|window| window.history().ok()) else { return };
    let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("{path}{search}")));
}

// The download's code is a wasm of its own (src/bin/export.rs); its module's address comes
// from the build's manifest through the widget's mount.
#[wasm_bindgen::prelude::wasm_bindgen(
    inline_js = "export function download(module, namespace, assessments, csv, failed) {
    import(module)
        .then(async (code) => { await code.default(); code.download(namespace, assessments, csv); })
        .catch((error) => { console.error(error); failed(); });
}"
)]
extern "C" {
    /// Fetches the export's wasm from `module` (once) and offers the reader's data as a file;
    /// calls `failed` when that wasm cannot be fetched (offline before it was ever kept).
    pub fn download(module: &str, namespace: &str, assessments: &str, csv: bool, failed: &wasm_bindgen::JsValue);
}
