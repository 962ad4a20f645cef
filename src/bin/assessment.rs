//! The self-assessment's page script: starts every `data-alliance-widget="assessment"` mount of
//! the page. Embeds run `embed-assessment` instead.

fn main() {
    #[cfg(target_arch = "wasm32")]
    alliance_widget::embed::start_assessment();
}
