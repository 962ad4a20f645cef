//! The visitor-facing text, the survey's questions and the self-assessment's statements,
//! compiled in from `content/<language>.json` by `build.rs`.
//!
//! Components take every string from here; each language is a JSON file of the same shape.
//! `validation` checks that the content makes sense; `fill` puts values into its templates.

mod fill;
mod validation;

pub use fill::fill;
pub use validation::{problems, results_problems};

/// All the content, for validating it as a whole.
#[derive(Clone, Copy, Debug)]
pub struct Content<'a> {
    pub language: &'a str,
    pub survey: &'a Survey,
    pub text: &'a Text,
    pub assessment: &'a Assessment,
}

#[derive(Clone, Debug)]
pub struct Survey {
    /// Changes when questions change, so stored answers can be matched to their wording.
    pub id: &'static str,
    pub title: &'static str,
    pub intro: &'static [&'static str],
    pub start: &'static str,
    pub resume: &'static str,
    pub questions: &'static [Question],
}

#[derive(Clone, Debug)]
pub struct Question {
    pub id: &'static str,
    pub title: &'static str,
    pub hint: &'static str,
    /// Several options may be chosen (checkboxes) rather than one (radio buttons).
    pub multiple: bool,
    pub required: bool,
    pub options: &'static [Choice],
    pub comment_label: &'static str,
    /// Longest comment kept, in characters.
    pub comment_max: usize,
}

#[derive(Clone, Debug)]
pub struct Choice {
    pub id: &'static str,
    pub label: &'static str,
}

/// The self-assessment "Is interim right for us?".
#[derive(Clone, Debug)]
pub struct Assessment {
    /// Changes when statements or weights change, so stored answers can be matched to them.
    pub id: &'static str,
    pub title: &'static str,
    pub intro: &'static [&'static str],
    pub start: &'static str,
    pub resume: &'static str,
    /// The answers every statement offers, from agreement to disagreement and "don't know" (0).
    pub scale: &'static [ScalePoint],
    pub statements: &'static [Statement],
    /// The options weighed, in the order of `Weights`' fields: interim, internal, external.
    pub outcomes: &'static [Outcome],
    pub wording: Wording,
}

#[derive(Clone, Debug)]
pub struct ScalePoint {
    /// How strongly the answer agrees: positive agrees, negative disagrees, 0 is "don't know".
    pub value: i32,
    pub label: &'static str,
}

#[derive(Clone, Debug)]
pub struct Statement {
    pub id: &'static str,
    pub text: &'static str,
    /// How much agreeing weighs for each option; disagreeing weighs the other way.
    pub weights: Weights,
    /// The reason given when agreement with this statement drove the result...
    pub agree: &'static str,
    /// ...and when disagreement did.
    pub disagree: &'static str,
}

#[derive(Clone, Copy, Debug)]
pub struct Weights {
    pub interim: i32,
    pub internal: i32,
    pub external: i32,
}

impl Weights {
    /// The weights in the order of the outcomes: interim, internal, external.
    pub fn by_route(&self) -> [i32; 3] {
        [self.interim, self.internal, self.external]
    }
}

#[derive(Clone, Debug)]
pub struct Outcome {
    pub id: &'static str,
    pub name: &'static str,
    /// The name as it reads inside a sentence ("Best fit: …").
    pub in_sentence: &'static str,
    pub summary: &'static str,
    /// Always shown with the option.
    pub caveats: &'static [&'static str],
    pub next_steps: &'static [&'static str],
    /// Answers that rule the option out (see `assessment::scoring`).
    pub conditions: &'static [Condition],
}

/// An answer that rules an option out: `broken_by` (scale values) given to `statement` (an
/// id); the option would need what `needs` says (a clause: "…only work if {needs}").
#[derive(Clone, Debug)]
pub struct Condition {
    pub statement: &'static str,
    pub broken_by: &'static [i32],
    pub needs: &'static str,
}

/// The self-assessment's own screen text.
#[derive(Clone, Debug)]
pub struct Wording {
    pub statement_progress: &'static str,
    pub see_result: &'static str,
    pub answer_all: &'static str,
    pub result_title: &'static str,
    pub recommendation: &'static str,
    pub close_call: &'static str,
    pub close_call_body: &'static str,
    pub few_answers: &'static str,
    pub condition_broken: &'static str,
    pub fits_title: &'static str,
    pub fit_label: &'static str,
    pub reasons_title: &'static str,
    pub against_title: &'static str,
    pub caveats_title: &'static str,
    pub next_steps_title: &'static str,
    pub change_title: &'static str,
    pub change: &'static str,
    pub no_change: &'static str,
    pub compare_title: &'static str,
    pub compare_moved: &'static str,
    pub compare_same: &'static str,
    pub print: &'static str,
    pub share: &'static str,
    pub share_copied: &'static str,
    pub share_label: &'static str,
    pub shared_title: &'static str,
    pub shared_body: &'static str,
    pub take_it_yourself: &'static str,
    pub share_broken: &'static str,
    pub export_json: &'static str,
    pub export_csv: &'static str,
    pub export_failed: &'static str,
    pub retake: &'static str,
    pub change_answers: &'static str,
    pub history_title: &'static str,
    pub history_entry: &'static str,
    pub delete_assessment: &'static str,
    pub delete_assessment_label: &'static str,
    pub to_survey: &'static str,
    /// Heading of an option that is not the best fit, opened on request.
    pub other_option: &'static str,
    /// The result's button that sends the answers to the author, and what it sends.
    pub send: &'static str,
    pub send_note: &'static str,
}

/// A survey is the one in the build's content: the same survey is the same place in memory.
impl PartialEq for Survey {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

/// Like a survey, an assessment is identified by its place in the build's content.
impl PartialEq for Assessment {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

/// Every string the screens show that is not part of a question.
#[derive(Clone, Debug)]
pub struct Text {
    pub progress: &'static str,
    /// What a screen reader hears on reaching a question.
    pub announce_question: &'static str,
    pub back: &'static str,
    pub next: &'static str,
    pub to_review: &'static str,
    pub back_to_review: &'static str,
    pub choose_one: &'static str,
    pub choose_some: &'static str,
    pub comment_count: &'static str,
    pub comment_clamped: &'static str,
    pub review_title: &'static str,
    pub review_intro: &'static str,
    /// The review's introduction when the answers are sent to the author.
    pub review_intro_send: &'static str,
    /// Where the answers go, said before the button that sends them.
    pub goes_to: &'static str,
    pub change: &'static str,
    pub change_label: &'static str,
    pub no_answer: &'static str,
    pub no_comment: &'static str,
    pub your_comment: &'static str,
    /// The button that keeps the answers on this device, when nothing is sent...
    pub submit: &'static str,
    /// ...and the one that sends them to the author.
    pub send: &'static str,
    pub thanks_title: &'static str,
    pub thanks_body: &'static str,
    pub start_again: &'static str,
    pub history_title: &'static str,
    pub history_empty: &'static str,
    pub submitted_on: &'static str,
    pub delete_response: &'static str,
    pub delete_response_label: &'static str,
    pub delete_all: &'static str,
    pub delete_all_hint: &'static str,
    pub delivery_sending: &'static str,
    pub delivery_delivered: &'static str,
    pub delivery_waiting: &'static str,
    pub delivery_refused: &'static str,
    pub delivery_blocked: &'static str,
    pub delivery_not_kept: &'static str,
    pub try_again: &'static str,
    pub try_again_label: &'static str,
    /// The download's name for a delivery's row.
    pub delivery_item: &'static str,
    pub deleted_all: &'static str,
    pub notice_unreadable: &'static str,
    pub notice_newer: &'static str,
    pub notice_unavailable: &'static str,
    pub notice_full: &'static str,
    /// On the first screens, when the wasm that carries them on cannot be fetched.
    pub unloaded: &'static str,
    pub crash: &'static str,
}

/// The author's results page: its own static, so that the widget's pages do not carry it.
#[derive(Clone, Debug)]
pub struct Results {
    pub title: &'static str,
    pub intro: &'static str,
    pub private: &'static str,
    pub open: &'static str,
    pub open_hint: &'static str,
    pub reading: &'static str,
    pub totals: &'static str,
    pub nothing_yet: &'static str,
    pub files_title: &'static str,
    pub file_read: &'static str,
    pub file_duplicates: &'static str,
    pub file_skipped: &'static str,
    pub file_empty: &'static str,
    pub file_too_large: &'static str,
    pub file_unknown: &'static str,
    pub file_unreadable: &'static str,
    pub line: &'static str,
    pub entry: &'static str,
    pub more_skipped: &'static str,
    pub reason_not_json: &'static str,
    pub reason_shape: &'static str,
    pub reason_missing: &'static str,
    pub reason_format: &'static str,
    pub reason_flow: &'static str,
    pub reason_content: &'static str,
    pub reason_item: &'static str,
    pub reason_answer: &'static str,
    pub page_filter: &'static str,
    pub all_pages: &'static str,
    pub unknown_page: &'static str,
    pub answered: &'static str,
    pub several: &'static str,
    pub option: &'static str,
    pub count: &'static str,
    pub share: &'static str,
    pub comments_title: &'static str,
    pub search: &'static str,
    pub option_filter: &'static str,
    pub all_options: &'static str,
    pub comments_shown: &'static str,
    pub no_comments: &'static str,
    pub show_more: &'static str,
    pub comment_about: &'static str,
    pub quote: &'static str,
    pub copy_quote: &'static str,
    pub copied: &'static str,
    pub cross_title: &'static str,
    pub cross_rows: &'static str,
    pub cross_columns: &'static str,
    pub cross_caption: &'static str,
    pub weeks_title: &'static str,
    pub week: &'static str,
    pub responses: &'static str,
    pub assessments: &'static str,
    pub pages_title: &'static str,
    pub page: &'static str,
    pub answers: &'static str,
    pub assessments_title: &'static str,
    pub came_out_best: &'static str,
    pub median_fit: &'static str,
    pub download: &'static str,
    pub print: &'static str,
    pub summary_file: &'static str,
}

// A module per language (`en`, `de`), each with `LANGUAGE`, `SURVEY`, `TEXT`, `ASSESSMENT`
// and `RESULTS`, written by build.rs from content/<language>.json.
include!(concat!(env!("OUT_DIR"), "/content.rs"));

// The language a build shows: English, or German with the `lang-de` feature. A page (and its
// wasm) is built once per language, so it carries only its own text.
#[cfg(feature = "lang-de")]
pub use de::{ASSESSMENT, LANGUAGE, RESULTS, SURVEY, TEXT};
#[cfg(not(feature = "lang-de"))]
pub use en::{ASSESSMENT, LANGUAGE, RESULTS, SURVEY, TEXT};

/// The survey's questions. `cargo test` checks that all the content makes sense.
pub fn survey() -> &'static Survey {
    &SURVEY
}

/// The screens' text shared by both flows.
pub fn text() -> &'static Text {
    &TEXT
}

pub fn assessment() -> &'static Assessment {
    &ASSESSMENT
}

pub fn results() -> &'static Results {
    &RESULTS
}

pub fn content() -> Content<'static> {
    Content { language: LANGUAGE, survey: &SURVEY, text: &TEXT, assessment: &ASSESSMENT }
}

/// Every language's content with its results page, English first: for checking each of them.
pub fn every_language() -> [(Content<'static>, &'static Results); 2] {
    let english = Content { language: en::LANGUAGE, survey: &en::SURVEY, text: &en::TEXT, assessment: &en::ASSESSMENT };
    let german = Content { language: de::LANGUAGE, survey: &de::SURVEY, text: &de::TEXT, assessment: &de::ASSESSMENT };
    [(english, &en::RESULTS), (german, &de::RESULTS)]
}
