//! The survey: `mount` and `unmount`, called by the embed loader (`alliance-widget.js`) and by
//! a standalone page's own mount once the wasm is in (`src/prerender.rs`), with the same
//! options.

fn main() {}

/// Starts a survey in `root`, its data under `namespace`, its answers sent to `endpoint`, if
/// any. Both flows' `mount` take the same arguments, in the same order; the survey has no use
/// for the last two.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn mount(root: web_sys::Element, namespace: String, endpoint: Option<String>) {
    alliance_widget::embed::mount_survey(root, &namespace, endpoint);
}

/// Stops the widget that `mount` started in `root`, leaving nothing running.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn unmount(root: web_sys::Element) {
    alliance_widget::embed::unmount(&root);
}
