//! The self-assessment for the embed loader (`alliance-widget.js`): `mount` and `unmount`,
//! which the page's own script does without (a standalone page never unmounts its widget).

fn main() {}

/// Starts a self-assessment in `root` (the loader's element in a shadow root), its data under
/// `namespace`; `survey_link` is where the survey is offered, if anywhere, `export_module` the
/// address of the download's code, and `endpoint` where the reader may send the result.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn mount(
    root: web_sys::Element,
    namespace: String,
    survey_link: Option<String>,
    export_module: String,
    endpoint: Option<String>,
) {
    use alliance_widget::embed::{kept, mount_assessment, AssessmentOptions};
    mount_assessment(root, &namespace, AssessmentOptions { survey_link, export_module, endpoint }, kept);
}

/// Stops the widget that `mount` started in `root`, leaving nothing running.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn unmount(root: web_sys::Element) {
    alliance_widget::embed::unmount(&root);
}
