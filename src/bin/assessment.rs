//! The self-assessment: `mount` and `unmount`, called by the embed loader
//! (`alliance-widget.js`) and by a standalone page's own mount once the wasm is in
//! (`src/prerender.rs`), with the same options.

fn main() {}

/// Starts a self-assessment in `root`, its data under `namespace`; `endpoint` is where the
/// reader may send the result, `survey_link` where the survey is offered, if anywhere, and
/// `export_module` the address of the download's code.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn mount(
    root: web_sys::Element,
    namespace: String,
    endpoint: Option<String>,
    survey_link: Option<String>,
    export_module: String,
) {
    use alliance_widget::embed::{mount_assessment, AssessmentOptions};
    mount_assessment(root, &namespace, AssessmentOptions { survey_link, export_module, endpoint });
}

/// Stops the widget that `mount` started in `root`, leaving nothing running.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn unmount(root: web_sys::Element) {
    alliance_widget::embed::unmount(&root);
}
