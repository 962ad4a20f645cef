//! The survey's introduction, with the visitor's earlier responses below it.

use super::thanks::history;
use super::SurveyHandle;
use crate::flow::screens::intro;
use yew::prelude::*;

pub fn intro_screen(survey: &SurveyHandle) -> Html {
    let content = survey.flow.survey;
    let resuming = !survey.flow.answers.is_empty();
    intro(survey, content.title, content.intro, (content.start, content.resume), resuming, history(survey))
}
