//! What the reader sees of the self-assessment, all text from `content`. As in the survey, one
//! component wires the flow and each screen is a plain function of its state.

pub(crate) mod explanation;
mod intro;
mod result;
mod shared;
mod statements;

use super::share::{decode, Broken};
use super::{AssessmentState, Step};
use crate::browser;
use crate::browser::use_window_event;
use crate::content::assessment;
use crate::early::Early;
use crate::flow::hook::use_flow;
use crate::flow::screens::frame;
use crate::flow::{Handle, SendTo};
use crate::storage::Vault;
use yew::prelude::*;

pub use intro::intro_screen;
pub use statements::statements_screen;

#[derive(Properties, PartialEq)]
pub struct AssessmentProps {
    pub vault: Vault,
    /// Where the widget keeps its data, for the download, which includes the survey's.
    pub namespace: AttrValue,
    /// Prefix for element ids, unique per widget on the page.
    pub uid: AttrValue,
    /// The page's address without its fragment, for share links.
    pub page_url: AttrValue,
    /// A shared result to show read-only, or a share link that could not be read.
    #[prop_or_default]
    pub shared: Option<Result<Vec<i32>, Broken>>,
    /// Where the survey is, for the link that offers it.
    #[prop_or_default]
    pub survey_link: Option<AttrValue>,
    /// The address of the download's module, from the build's manifest.
    #[prop_or_default]
    pub export_module: AttrValue,
    /// What the reader did in the page's prerendered screens before the wasm arrived.
    #[prop_or_default]
    pub early: Early,
    /// Where the result may be sent, at the reader's request; nowhere when `None`.
    #[prop_or_default]
    pub send_to: Option<SendTo>,
}

pub type AssessmentHandle = Handle<AssessmentState>;

/// The self-assessment: restores the reader's answers, stores every change, and shows a shared
/// result read-only when the page was opened from a share link.
#[function_component]
pub fn AssessmentWidget(props: &AssessmentProps) -> Html {
    let assessment = assessment();
    let shared = use_state(|| props.shared.clone());
    let wired = use_flow::<AssessmentState>(&props.vault, &props.early, shared.is_some());
    let state = &wired.state;
    // What the result's buttons have to say: a link copied, a download that could not start.
    let said = use_state(|| None::<&'static str>);
    {
        let said = said.clone();
        use_effect_with(state.common.step, move |_| said.set(None));
    }
    // A share link opened while the page shows (only the fragment changed), or Back and
    // Forward between a shared result and the reader's own.
    let fragment_changed = {
        let shared = shared.clone();
        Callback::from(move |_| shared.set(decode(assessment, &browser::address()[3]).transpose()))
    };
    use_window_event("hashchange", fragment_changed);
    let take_it_yourself = {
        let shared = shared.clone();
        Callback::from(move |_| {
            browser::forget_fragment();
            shared.set(None);
        })
    };
    let page = Page::of(props);
    let screen = match &*shared {
        Some(Ok(values)) => shared::shared_result(assessment, values, take_it_yourself),
        Some(Err(Broken)) => shared::broken_link(take_it_yourself),
        None => match state.common.step {
            Step::Intro => intro_screen(state, &page),
            Step::Statements => statements_screen(state, &page),
            Step::Result => result::result_screen(state, &page, said),
        },
    };
    let at_an_end = shared.is_none() && matches!(state.common.step, Step::Intro | Step::Result);
    frame(&wired, "aw-assessment", assessment.title, announcement(state), screen, at_an_end)
}

/// Where the widget sits: ids, the page's address, the survey's place, the download's code.
pub struct Page<'a> {
    uid: &'a str,
    namespace: &'a str,
    page_url: &'a str,
    survey_link: Option<&'a str>,
    export_module: &'a str,
    send_to: Option<&'a SendTo>,
}

impl<'a> Page<'a> {
    pub fn of(props: &'a AssessmentProps) -> Self {
        Page {
            uid: &props.uid,
            namespace: &props.namespace,
            page_url: &props.page_url,
            survey_link: props.survey_link.as_deref(),
            export_module: &props.export_module,
            send_to: props.send_to.as_ref(),
        }
    }
}

/// What a screen reader hears when the step changes: the result's headline on the result.
fn announcement(state: &AssessmentHandle) -> String {
    if !state.common.moved {
        return String::new();
    }
    match state.common.step {
        Step::Result => explanation::headline(state.flow.assessment, &state.flow.score()),
        _ => state.flow.assessment.title.to_string(),
    }
}
