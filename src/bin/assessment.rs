//! The self-assessment's script: starts every `data-alliance-widget="assessment"` mount.
fn main() {
    #[cfg(target_arch = "wasm32")]
    alliance_widget::embed::start_assessment();
}
