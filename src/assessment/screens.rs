//! What the reader sees of the self-assessment, all text from `content`. As in the survey, one
//! component owns state and effects and each screen is a plain function of that state.

use super::scoring::{reasons, what_would_change, Route, Score};
use super::share::{decode, encode, Broken};
use super::{score_values, AssessmentAction, AssessmentState, Completed, Stage, COMPLETED, PROGRESS};
use crate::accessibility::use_step_focus;
use crate::content::{assessment, date_label, fill, Assessment};
use crate::now;
use crate::page::use_window_event;
use crate::prerender::Early;
use crate::privacy::{delete_my_data, notice_banner};
use crate::storage::hook::use_stored;
use crate::storage::{Failure, Vault};
use wasm_bindgen::closure::Closure;
use yew::prelude::*;

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
    /// What the reader did in the page's prerendered screens before the wasm arrived.
    #[prop_or_default]
    pub early: Early,
}

type Handle = UseReducerHandle<AssessmentState>;

/// The self-assessment: restores the reader's answers, stores every change, and shows a shared
/// result read-only when the page was opened from a share link.
#[function_component]
pub fn AssessmentWidget(props: &AssessmentProps) -> Html {
    let assessment = assessment();
    let state = {
        let (vault, early) = (props.vault.clone(), props.early.clone());
        use_reducer(move || AssessmentState::load(assessment, &vault, now()).take_over(&early, now()))
    };
    let shared = use_state(|| props.shared.clone());
    // What the result's buttons have to say: a link copied, a download that could not start.
    let said = use_state(|| None::<&'static str>);
    {
        let said = said.clone();
        use_effect_with(state.stage, move |_| said.set(None));
    }
    let failed = {
        let state = state.clone();
        Callback::from(move |failure: Failure| state.dispatch(AssessmentAction::StorageFailed(failure.into())))
    };
    let synced = {
        let (state, vault) = (state.clone(), props.vault.clone());
        Callback::from(move |()| {
            state.dispatch(AssessmentAction::Synced(Box::new(AssessmentState::load(assessment, &vault, now()))))
        })
    };
    let records = (state.progress(), state.history_record());
    use_stored(&props.vault, (PROGRESS, COMPLETED), records, state.already_stored, failed, synced);
    let root = use_node_ref();
    use_step_focus(&root, (state.stage, shared.is_some()), state.moved, state.reminders);
    let delete_all = {
        let (vault, state) = (props.vault.clone(), state.clone());
        // Removes every key the widget wrote, the survey's included.
        Callback::from(move |_| match vault.delete_all() {
            Ok(()) => state.dispatch(AssessmentAction::DeletedAll),
            Err(failure) => state.dispatch(AssessmentAction::StorageFailed(failure.into())),
        })
    };
    // A share link opened while the page shows (only the fragment changed), or Back and
    // Forward between a shared result and the reader's own.
    let fragment_changed = {
        let shared = shared.clone();
        Callback::from(move |_| shared.set(decode(assessment, &browser::fragment()).transpose()))
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
        Some(Ok(values)) => shared_result(assessment, values, take_it_yourself),
        Some(Err(Broken)) => broken_link(take_it_yourself),
        None => match state.stage {
            Stage::Intro => intro_screen(&state, &page),
            Stage::Statements => statements_screen(&state, &page),
            Stage::Result => result_screen(&state, &page, said),
        },
    };
    let has_data = !state.history.is_empty() || state.started.is_some();
    html! {
        <section class="aw-widget aw-assessment" ref={root} aria-label={assessment.title}>
            { notice_banner(state.notice) }
            <p class="aw-visually-hidden" aria-live="polite">{ announcement(&state) }</p>
            { screen }
            if has_data && shared.is_none() && matches!(state.stage, Stage::Intro | Stage::Result) {
                { delete_my_data(delete_all) }
            }
        </section>
    }
}

/// A new reader's introduction and, hidden until Start, the statements: what the page's HTML
/// holds until the wasm takes over (see `prerender`).
#[cfg(feature = "ssr")]
#[function_component]
pub fn AssessmentScreens(props: &AssessmentProps) -> Html {
    let assessment = assessment();
    let intro = use_reducer(|| AssessmentState::new(assessment));
    let statements = use_reducer(|| AssessmentState { stage: Stage::Statements, ..AssessmentState::new(assessment) });
    let page = Page::of(props);
    crate::prerender::frame(
        "aw-assessment",
        assessment.title,
        intro_screen(&intro, &page),
        statements_screen(&statements, &page),
    )
}

/// Where the widget sits: ids, the page's address, the survey's place.
struct Page<'a> {
    uid: &'a str,
    namespace: &'a str,
    page_url: &'a str,
    survey_link: Option<&'a str>,
}

impl<'a> Page<'a> {
    fn of(props: &'a AssessmentProps) -> Self {
        Page {
            uid: &props.uid,
            namespace: &props.namespace,
            page_url: &props.page_url,
            survey_link: props.survey_link.as_deref(),
        }
    }
}

/// What a screen reader hears when the stage changes: the result's headline on the result.
fn announcement(state: &AssessmentState) -> String {
    if !state.moved {
        return String::new();
    }
    match state.stage {
        Stage::Result => headline(state.assessment, &state.score()),
        _ => state.assessment.title.to_string(),
    }
}

fn on_click(state: &Handle, action: impl Fn() -> AssessmentAction + 'static) -> Callback<MouseEvent> {
    let state = state.clone();
    Callback::from(move |_| state.dispatch(action()))
}

fn survey_offer(page: &Page) -> Html {
    match page.survey_link {
        Some(link) => {
            html! { <p class="aw-offer"><a href={link.to_string()}>{ assessment().wording.to_survey }</a></p> }
        }
        None => html! {},
    }
}

fn intro_screen(state: &Handle, page: &Page) -> Html {
    let assessment = state.assessment;
    let resuming = state.answered() > 0;
    html! {
        <div class="aw-step">
            <h2 class="aw-step-heading" tabindex="-1">{ assessment.title }</h2>
            { for assessment.intro.iter().map(|paragraph| html! { <p>{ *paragraph }</p> }) }
            <div class="aw-nav">
                <button type="button" class="aw-primary" onclick={on_click(state, || AssessmentAction::Start { now: now() })}>
                    { if resuming { assessment.resume } else { assessment.start } }
                </button>
            </div>
            { survey_offer(page) }
            { history(state) }
        </div>
    }
}

fn statements_screen(state: &Handle, page: &Page) -> Html {
    let assessment = state.assessment;
    let wording = &assessment.wording;
    let total = assessment.statements.len();
    let answered = state.answered();
    let progress_id = format!("{}-progress", page.uid);
    let onsubmit = {
        let state = state.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            state.dispatch(AssessmentAction::SeeResult { now: now() });
        })
    };
    html! {
        <form class="aw-step" {onsubmit} novalidate=true>
            <h2 class="aw-step-heading" tabindex="-1">{ assessment.title }</h2>
            <div class="aw-progress">
                <p id={progress_id.clone()}>
                    { fill(wording.statement_progress, &[("answered", &answered.to_string()), ("total", &total.to_string())]) }
                </p>
                <progress max={total.to_string()} value={answered.to_string()} aria-labelledby={progress_id} />
            </div>
            if state.reminders > 0 {
                <p class="aw-error" tabindex="-1">{ wording.answer_all }</p>
            }
            { for assessment.statements.iter().enumerate().map(|(index, statement)| {
                let missing = state.reminders > 0 && state.values[index].is_none();
                html! {
                    <fieldset class={classes!("aw-statement", missing.then_some("aw-missing"))}>
                        <legend>{ statement.text }</legend>
                        <div class="aw-scale">
                            { for assessment.scale.iter().map(|point| {
                                let value = point.value;
                                let choose = {
                                    let state = state.clone();
                                    Callback::from(move |_: Event| state.dispatch(AssessmentAction::Answer { statement: index, value }))
                                };
                                html! {
                                    <label class="aw-option">
                                        <input type="radio" name={format!("{}-{}", page.uid, statement.id)} value={value.to_string()}
                                            checked={state.values[index] == Some(value)} onchange={choose} aria-invalid={missing.then_some("true")} />
                                        <span>{ point.label }</span>
                                    </label>
                                }
                            }) }
                        </div>
                    </fieldset>
                }
            }) }
            <div class="aw-nav">
                <button type="submit" class="aw-primary">{ wording.see_result }</button>
            </div>
        </form>
    }
}

/// "Best fit: …", or the close call naming both.
fn headline(assessment: &Assessment, score: &Score) -> String {
    let name = |route: Route| assessment.outcomes[route.index()].name;
    let wording = &assessment.wording;
    match score.close_second() {
        Some(second) => fill(wording.close_call, &[("first", name(score.best())), ("second", name(second))]),
        None => fill(wording.recommendation, &[("option", name(score.best()))]),
    }
}

/// The result's explanation, shared by the reader's own result and a shared one.
fn explanation(assessment: &'static Assessment, values: &[i32]) -> Html {
    let wording = &assessment.wording;
    let score = score_values(assessment, values);
    let best = score.best();
    let shown: Vec<Route> = std::iter::once(best).chain(score.close_second()).collect();
    let scale: Vec<i32> = assessment.scale.iter().map(|p| p.value).collect();
    let change = what_would_change(assessment.statements, values, &scale);
    html! {
        <>
            <p class="aw-headline">{ headline(assessment, &score) }</p>
            if score.close_second().is_some() {
                <p>{ wording.close_call_body }</p>
            }
            { fit_chart(assessment, &score) }
            <h3>{ wording.reasons_title }</h3>
            <ul class="aw-reasons">
                { for reasons(&score, best, 3).into_iter().map(|at| {
                    let statement = &assessment.statements[at];
                    html! { <li>{ if values[at] > 0 { statement.agree } else { statement.disagree } }</li> }
                }) }
            </ul>
            { for shown.iter().map(|&route| html! {
                <div class="aw-outcome">
                    <h3>{ assessment.outcomes[route.index()].name }</h3>
                    { outcome_details(assessment, route) }
                </div>
            }) }
            { for Route::ALL.into_iter().filter(|route| !shown.contains(route)).map(|route| html! {
                <details class="aw-outcome aw-other">
                    <summary>{ fill(wording.other_option, &[("option", assessment.outcomes[route.index()].name)]) }</summary>
                    { outcome_details(assessment, route) }
                </details>
            }) }
            <h3>{ wording.change_title }</h3>
            <p class="aw-change">{
                match change {
                    Some(change) => fill(wording.change, &[
                        ("answer", assessment.scale.iter().find(|p| p.value == change.value).map_or("", |p| p.label)),
                        ("statement", assessment.statements[change.statement].text),
                        ("option", assessment.outcomes[change.becomes.index()].name),
                    ]),
                    None => wording.no_change.to_string(),
                }
            }</p>
        </>
    }
}

/// An option's summary with its caveats and next steps, which always go with it.
fn outcome_details(assessment: &Assessment, route: Route) -> Html {
    let (outcome, wording) = (&assessment.outcomes[route.index()], &assessment.wording);
    html! {
        <>
            <p>{ outcome.summary }</p>
            <h4>{ wording.caveats_title }</h4>
            <ul>{ for outcome.caveats.iter().map(|c| html! { <li>{ *c }</li> }) }</ul>
            <h4>{ wording.next_steps_title }</h4>
            <ul>{ for outcome.next_steps.iter().map(|s| html! { <li>{ *s }</li> }) }</ul>
        </>
    }
}

/// The three fits as bars, with the same figures as text beside them for every reader.
fn fit_chart(assessment: &Assessment, score: &Score) -> Html {
    let wording = &assessment.wording;
    let labels: Vec<String> = Route::ALL
        .iter()
        .map(|&route| {
            let fit = score.fit(route).to_string();
            fill(wording.fit_label, &[("option", assessment.outcomes[route.index()].name), ("fit", &fit)])
        })
        .collect();
    html! {
        <figure class="aw-chart">
            <figcaption>{ wording.fits_title }</figcaption>
            <div class="aw-bars">
                { for Route::ALL.iter().zip(&labels).map(|(&route, label)| html! {
                    <div class="aw-bar">
                        <p>{ label }</p>
                        <svg viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                            <rect class="aw-bar-track" x="0" y="0" width="100" height="6" />
                            <rect class={classes!("aw-bar-fill", (route == score.best()).then_some("aw-best"))}
                                x="0" y="0" width={score.fit(route).to_string()} height="6" />
                        </svg>
                    </div>
                }) }
            </div>
        </figure>
    }
}

fn result_screen(state: &Handle, page: &Page, said: UseStateHandle<Option<&'static str>>) -> Html {
    let assessment = state.assessment;
    let wording = &assessment.wording;
    let values: Vec<i32> = state.values.iter().map(|v| v.unwrap_or(0)).collect();
    let link = format!("{}{}", page.page_url, encode(assessment, &values));
    let share = {
        let (link, said) = (link.clone(), said.clone());
        Callback::from(move |_| {
            browser::copy(&link);
            said.set(Some(assessment.wording.share_copied));
        })
    };
    let download = |csv: bool| {
        let namespace = page.namespace.to_string();
        let history = state.history_record().unwrap_or_default();
        let said = said.clone();
        Callback::from(move |_| {
            let said = said.clone();
            let failed = Closure::once_into_js(move || said.set(Some(assessment.wording.export_failed)));
            browser::download(&namespace, &miniserde::json::to_string(&history), csv, &failed);
        })
    };
    html! {
        <div class="aw-step aw-result">
            <h2 class="aw-step-heading" tabindex="-1">{ wording.result_title }</h2>
            { explanation(assessment, &values) }
            { comparison(state) }
            <div class="aw-share aw-no-print">
                <label for={format!("{}-share", page.uid)}>{ wording.share_label }</label>
                <input id={format!("{}-share", page.uid)} type="url" readonly=true value={link} />
            </div>
            <div class="aw-actions aw-no-print">
                <button type="button" class="aw-secondary" onclick={share}>{ wording.share }</button>
                <button type="button" class="aw-secondary" onclick={Callback::from(|_| browser::print())}>{ wording.print }</button>
                <button type="button" class="aw-secondary" onclick={download(false)}>{ wording.export_json }</button>
                <button type="button" class="aw-secondary" onclick={download(true)}>{ wording.export_csv }</button>
                <button type="button" class="aw-secondary" onclick={on_click(state, || AssessmentAction::ChangeAnswers)}>{ wording.change_answers }</button>
                <button type="button" class="aw-primary" onclick={on_click(state, || AssessmentAction::Retake { now: now() })}>{ wording.retake }</button>
            </div>
            <p class="aw-no-print" role="status">{ said.unwrap_or_default() }</p>
            <div class="aw-no-print">
                { survey_offer(page) }
                { history(state) }
            </div>
        </div>
    }
}

/// How the fits moved since the previous completed assessment, when there is one.
fn comparison(state: &AssessmentState) -> Html {
    let [.., previous, latest] = state.history.as_slice() else { return html! {} };
    let assessment = state.assessment;
    let wording = &assessment.wording;
    let fits = |completed: &Completed| score_of(state, completed).fits;
    let (before, after) = (fits(previous), fits(latest));
    let moved: Vec<String> = Route::ALL
        .iter()
        .filter(|route| before[route.index()] != after[route.index()])
        .map(|route| {
            fill(
                wording.compare_moved,
                &[
                    ("option", assessment.outcomes[route.index()].name),
                    ("before", &before[route.index()].to_string()),
                    ("after", &after[route.index()].to_string()),
                ],
            )
        })
        .collect();
    html! {
        <div class="aw-compare">
            <h3>{ fill(wording.compare_title, &[("date", &date_label(previous.completed))]) }</h3>
            if moved.is_empty() {
                <p>{ wording.compare_same }</p>
            } else {
                <ul>{ for moved.into_iter().map(|line| html! { <li>{ line }</li> }) }</ul>
            }
        </div>
    }
}

fn score_of(state: &AssessmentState, completed: &Completed) -> Score {
    let values: Vec<i32> = state.values_of(&completed.answers).into_iter().map(|v| v.unwrap_or(0)).collect();
    score_values(state.assessment, &values)
}

/// Earlier assessments on this device, newest first, each deletable.
fn history(state: &Handle) -> Html {
    let wording = &state.assessment.wording;
    if state.history.is_empty() {
        return html! {};
    }
    html! {
        <section class="aw-history">
            <h3>{ wording.history_title }</h3>
            <ul>
                { for state.history.iter().rev().map(|completed| {
                    let date = date_label(completed.completed);
                    let best = state.assessment.outcomes[score_of(state, completed).best().index()].name;
                    let when = completed.completed;
                    html! {
                        <li key={when.to_string()}>
                            <p>{ fill(wording.history_entry, &[("date", &date), ("option", best)]) }</p>
                            <button type="button" class="aw-secondary aw-no-print"
                                aria-label={fill(wording.delete_assessment_label, &[("date", &date)])}
                                onclick={on_click(state, move || AssessmentAction::DeleteCompleted(when))}>
                                { wording.delete_assessment }
                            </button>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}

/// Someone else's result, read-only, with the way to take the assessment oneself.
fn shared_result(assessment: &'static Assessment, values: &[i32], take_it_yourself: Callback<MouseEvent>) -> Html {
    let wording = &assessment.wording;
    html! {
        <div class="aw-step aw-result">
            <h2 class="aw-step-heading" tabindex="-1">{ wording.shared_title }</h2>
            <p>{ wording.shared_body }</p>
            { explanation(assessment, values) }
            <div class="aw-nav aw-no-print">
                <button type="button" class="aw-primary" onclick={take_it_yourself}>{ wording.take_it_yourself }</button>
            </div>
        </div>
    }
}

fn broken_link(take_it_yourself: Callback<MouseEvent>) -> Html {
    let wording = &assessment().wording;
    html! {
        <div class="aw-step">
            <h2 class="aw-step-heading" tabindex="-1">{ assessment().title }</h2>
            <p class="aw-notice" role="alert">{ wording.share_broken }</p>
            <div class="aw-nav">
                <button type="button" class="aw-primary" onclick={take_it_yourself}>{ wording.take_it_yourself }</button>
            </div>
        </div>
    }
}

/// The few browser calls the result's buttons make.
mod browser {
    pub fn print() {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    }

    /// Puts `text` on the clipboard; the link also stays on screen to copy by hand.
    pub fn copy(text: &str) {
        if let Some(window) = web_sys::window() {
            let _ = window.navigator().clipboard().write_text(text);
        }
    }

    /// The address's fragment, where share links keep their answers.
    pub fn fragment() -> String {
        web_sys::window().and_then(|window| window.location().hash().ok()).unwrap_or_default()
    }

    /// Drops a share link's fragment from the address, so a reload shows the reader's own
    /// assessment rather than the shared one.
    pub fn forget_fragment() {
        let Some(window) = web_sys::window() else { return };
        let (Ok(path), Ok(history)) = (window.location().pathname(), window.history()) else { return };
        let search = window.location().search().unwrap_or_default();
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("{path}{search}")));
    }

    // The download's code is a wasm of its own (src/bin/export.rs), built to `export.js` at
    // the site's root: two folders up from this snippet, wherever the page that embeds it is.
    #[wasm_bindgen::prelude::wasm_bindgen(inline_js = "export function download(namespace, assessments, csv, failed) {
        import(new URL('../../export.js', import.meta.url))
            .then(async (module) => { await module.default(); module.download(namespace, assessments, csv); })
            .catch((error) => { console.error(error); failed(); });
    }")]
    extern "C" {
        /// Fetches the export's wasm (once) and offers the reader's data as a file; calls
        /// `failed` when that wasm cannot be fetched (offline before it was ever kept).
        pub fn download(namespace: &str, assessments: &str, csv: bool, failed: &wasm_bindgen::JsValue);
    }
}
