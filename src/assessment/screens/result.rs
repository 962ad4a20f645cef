//! The reader's own result: the explanation, how it moved since last time, sharing, printing,
//! the download, and the earlier results.

use super::explanation::explanation;
use super::intro::survey_offer;
use super::{AssessmentHandle, Page};
use crate::assessment::scoring::Route;
use crate::assessment::share::encode;
use crate::assessment::AssessmentAction;
use crate::browser;
use crate::clock::now;
use crate::content::{fill, LANGUAGE};
use crate::flow::screens::{delivery_status, history as history_list, on_click, HistoryText};
use crate::locale;
use wasm_bindgen::closure::Closure;
use yew::prelude::*;

pub fn result_screen(state: &AssessmentHandle, page: &Page, said: UseStateHandle<Option<&'static str>>) -> Html {
    let assessment = state.flow.assessment;
    let wording = &assessment.wording;
    let values = state.flow.plain_values();
    let link = format!("{}{}", page.page_url, encode(assessment, &values));
    let share = {
        let (link, said) = (link.clone(), said.clone());
        Callback::from(move |_| {
            browser::copy(&link);
            said.set(Some(assessment.wording.share_copied));
        })
    };
    let download = |csv: bool| {
        let (module, namespace) = (page.export_module.to_string(), page.namespace.to_string());
        let history = state.records().1.unwrap_or_default();
        let said = said.clone();
        Callback::from(move |_| {
            let said = said.clone();
            let failed = Closure::once_into_js(move || said.set(Some(assessment.wording.export_failed)));
            let history = serde_json::to_string(&history).unwrap_or_default();
            browser::download(&module, &namespace, &history, csv, &failed);
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
            { send(state, page) }
            <div class="aw-no-print">
                { survey_offer(page) }
                { history(state) }
            </div>
        </div>
    }
}

/// With an endpoint: the offer to send this result to the author, or where it stands once sent.
fn send(state: &AssessmentHandle, page: &Page) -> Html {
    let (Some(to), Some(latest)) = (page.send_to, state.common.history.last()) else { return html! {} };
    let wording = &state.flow.assessment.wording;
    if latest.delivery.is_some() {
        return html! {
            <div class="aw-send aw-no-print">{ delivery_status(state, latest.delivery.as_ref(), &locale::date(latest.completed, LANGUAGE)) }</div>
        };
    }
    let completed = latest.completed;
    let to = to.clone();
    let host = to.host().to_string();
    let send = on_click(state, move || AssessmentAction::Send {
        completed,
        delivery: to.delivery(browser::random_id(), now()),
    });
    html! {
        <div class="aw-send aw-no-print">
            <p class="aw-hint">{ fill(wording.send_note, &[("host", &host)]) }</p>
            <button type="button" class="aw-secondary" onclick={send}>{ wording.send }</button>
        </div>
    }
}

/// How the fits moved since the previous completed assessment, when there is one.
fn comparison(state: &AssessmentHandle) -> Html {
    let [.., previous, latest] = state.common.history.as_slice() else { return html! {} };
    let assessment = state.flow.assessment;
    let wording = &assessment.wording;
    let (before, after) = (state.flow.score_of(previous).fits, state.flow.score_of(latest).fits);
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
            <h3>{ fill(wording.compare_title, &[("date", &locale::date(previous.completed, LANGUAGE))]) }</h3>
            if moved.is_empty() {
                <p>{ wording.compare_same }</p>
            } else {
                <ul>{ for moved.into_iter().map(|line| html! { <li>{ line }</li> }) }</ul>
            }
        </div>
    }
}

/// Earlier assessments on this device, newest first, each with its best fit, each deletable.
pub fn history(state: &AssessmentHandle) -> Html {
    let wording = &state.flow.assessment.wording;
    let words = HistoryText {
        title: wording.history_title,
        delete: wording.delete_assessment,
        delete_label: wording.delete_assessment_label,
    };
    history_list(state, words, |completed, date| {
        let best = state.flow.assessment.outcomes[state.flow.score_of(completed).best().index()].name;
        html! { <p>{ fill(wording.history_entry, &[("date", date), ("option", best)]) }</p> }
    })
}
