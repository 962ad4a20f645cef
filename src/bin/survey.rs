//! The survey's page script: starts every `data-alliance-widget="survey"` mount of the page.
//! Embeds run `embed-survey` instead.

fn main() {
    #[cfg(target_arch = "wasm32")]
    alliance_widget::embed::start_survey();
}
