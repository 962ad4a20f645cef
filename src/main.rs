//! The survey's script: starts every `data-alliance-widget="survey"` mount on the page.
fn main() {
    #[cfg(target_arch = "wasm32")]
    alliance_widget::embed::start_survey();
}
