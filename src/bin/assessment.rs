//! The self-assessment's script: on a page, starts every `data-alliance-widget="assessment"`
//! mount; for the embed loader, exports `mount`.

fn main() {
    #[cfg(target_arch = "wasm32")]
    alliance_widget::embed::start_assessment();
}

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
    use alliance_widget::embed::{mount_assessment, AssessmentOptions};
    mount_assessment(root, &namespace, AssessmentOptions { survey_link, export_module, endpoint });
}
