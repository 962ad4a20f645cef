//! Reading the widget's JSON (stored records, what the prerendered screens hand over): in the
//! browser through its own `JSON.parse`, natively through serde_json. Imports nothing of the
//! crate.
//!
//! In the browser this is the smaller route: the wasm then carries no JSON parser, only
//! serde-wasm-bindgen's reading of what `JSON.parse` made (about 1.4 KB gzip less per page).
//! `tests/browser.rs` reads every kind of record through it in headless Chromium, the native
//! tests through serde_json, each against the same expectations.

use serde::de::DeserializeOwned;

/// `text` read as a `T`, or `None` when it is not JSON or not of that shape.
pub fn parse<T: DeserializeOwned>(text: &str) -> Option<T> {
    #[cfg(target_arch = "wasm32")]
    return serde_wasm_bindgen::from_value(js_sys::JSON::parse(text).ok()?).ok();
    #[cfg(not(target_arch = "wasm32"))]
    return serde_json::from_str(text).ok();
}
