//! The survey's script: on a page, starts every `data-alliance-widget="survey"` mount; for the
//! embed loader, exports `mount`.

fn main() {
    #[cfg(target_arch = "wasm32")]
    alliance_widget::embed::start_survey();
}

/// Starts a survey in `root` (the loader's element in a shadow root), its data under `namespace`,
/// its answers sent to `endpoint`, if any.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn mount(root: web_sys::Element, namespace: String, endpoint: Option<String>) {
    alliance_widget::embed::mount_survey(root, &namespace, endpoint);
}
