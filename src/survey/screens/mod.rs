//! What the visitor sees of the survey, all text from `content`: one component wires the flow
//! (`flow::hook::use_flow`), and each screen is a plain function of its state.

mod intro;
mod question;
mod review;
mod thanks;

use super::{Step, SurveyState};
use crate::content::{fill, text};
use crate::early::Early;
use crate::flow::hook::use_flow;
use crate::flow::screens::frame;
use crate::flow::{Handle, SendTo};
use crate::storage::Vault;
use yew::prelude::*;

pub use intro::intro_screen;
pub use question::question_screen;

#[derive(Properties, PartialEq)]
pub struct SurveyProps {
    pub vault: Vault,
    /// Prefix for element ids, unique per widget on the page.
    pub uid: AttrValue,
    /// What the visitor did in the page's prerendered screens before the wasm arrived.
    #[prop_or_default]
    pub early: Early,
    /// Where the answers go; kept on this device only when `None`.
    #[prop_or_default]
    pub send_to: Option<SendTo>,
}

pub type SurveyHandle = Handle<SurveyState>;

/// The whole survey: restores the visitor's progress, stores every change at once, and moves
/// focus and announces each step change.
#[function_component]
pub fn SurveyWidget(props: &SurveyProps) -> Html {
    let wired = use_flow::<SurveyState>(&props.vault, &props.early, false);
    let survey = &wired.state;
    let screen = match survey.common.step {
        Step::Intro => intro_screen(survey),
        Step::Question(_) => question_screen(survey, &props.uid),
        Step::Review => review::review_screen(survey, props.send_to.as_ref()),
        Step::Thanks => thanks::thanks_screen(survey),
    };
    let at_an_end = matches!(survey.common.step, Step::Intro | Step::Thanks);
    frame(&wired, "aw-survey", survey.flow.survey.title, announcement(survey), screen, at_an_end)
}

/// What a screen reader hears when the step changes; silent on first load.
fn announcement(survey: &SurveyHandle) -> String {
    if !survey.common.moved {
        return String::new();
    }
    let text = text();
    match survey.question() {
        Some((index, question)) => {
            fill(text.announce_question, &[("progress", &progress_label(index, survey)), ("question", question.title)])
        }
        None => match survey.common.step {
            Step::Review => text.review_title.to_string(),
            Step::Thanks => text.thanks_title.to_string(),
            _ => survey.flow.survey.title.to_string(),
        },
    }
}

fn progress_label(index: usize, survey: &SurveyHandle) -> String {
    let total = survey.flow.survey.questions.len().to_string();
    fill(text().progress, &[("n", &(index + 1).to_string()), ("total", &total)])
}
