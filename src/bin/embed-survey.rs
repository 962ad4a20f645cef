//! The survey for the embed loader (`alliance-widget.js`): `mount` and `unmount`, which the
//! page's own script does without (a standalone page never unmounts its widget).

fn main() {}

/// Starts a survey in `root` (the loader's element in a shadow root), its data under `namespace`,
/// its answers sent to `endpoint`, if any.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn mount(root: web_sys::Element, namespace: String, endpoint: Option<String>) {
    alliance_widget::embed::mount_survey(root, &namespace, endpoint, alliance_widget::embed::kept);
}

/// Stops the widget that `mount` started in `root`, leaving nothing running.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn unmount(root: web_sys::Element) {
    alliance_widget::embed::unmount(&root);
}
