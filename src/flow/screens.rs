//! What every flow shows around its own screens: the widget's frame with the sentence about
//! stored data and the live region, "delete my data", and the list of earlier entries.

use super::hook::Wired;
use super::Handle;
use super::{Action, Flow};
use crate::clock::now;
use crate::content::{fill, text, LANGUAGE};
use crate::delivery::{Delivery, State};
use crate::locale;
use crate::storage::Notice;
use yew::prelude::*;

/// The widget: `screen` in a section named `title`, after the notice and the live region that
/// announces `announcement`; "delete my data" below when `offer_delete`.
pub fn frame<F: Flow>(
    wired: &Wired<F>,
    class: &'static str,
    title: &'static str,
    announcement: String,
    screen: Html,
    offer_delete: bool,
) -> Html {
    html! {
        <section class={classes!("aw-widget", class)} ref={wired.root.clone()} aria-label={title} lang={LANGUAGE}>
            { notice_banner(wired.state.common.notice) }
            <p class="aw-visually-hidden" aria-live="polite">{ announcement }</p>
            { screen }
            if offer_delete && wired.state.has_data() {
                <div class="aw-data">
                    <button type="button" class="aw-secondary" onclick={wired.delete_all.clone()}>{ text().delete_all }</button>
                    <p class="aw-hint">{ text().delete_all_hint }</p>
                </div>
            }
        </section>
    }
}

/// One sentence about the visitor's stored data, when there is something to say.
fn notice_banner(notice: Option<Notice>) -> Html {
    let text = text();
    let Some(notice) = notice else { return html! {} };
    let message = match notice {
        Notice::Unreadable => text.notice_unreadable,
        Notice::Newer => text.notice_newer,
        Notice::Unavailable => text.notice_unavailable,
        Notice::Full => text.notice_full,
        Notice::Deleted => text.deleted_all,
    };
    html! { <p class="aw-notice" role="status">{ message }</p> }
}

/// A flow's introduction: its title and paragraphs, Start (`resume` once answers are given),
/// and `below` it what the flow adds (offers, earlier entries).
pub fn intro<F: Flow>(
    state: &Handle<F>,
    title: &str,
    paragraphs: &[&str],
    labels: (&str, &str),
    resuming: bool,
    below: Html,
) -> Html {
    let (start, resume) = labels;
    html! {
        <div class="aw-step">
            <h2 class="aw-step-heading" tabindex="-1">{ title }</h2>
            { for paragraphs.iter().map(|paragraph| html! { <p>{ *paragraph }</p> }) }
            <div class="aw-nav">
                <button type="button" class="aw-primary" onclick={on_click(state, || F::start(now()))}>
                    { if resuming { resume } else { start } }
                </button>
            </div>
            { below }
        </div>
    }
}

/// A button that takes one of the flow's own actions.
pub fn on_click<F: Flow>(state: &Handle<F>, action: impl Fn() -> F::Action + 'static) -> Callback<MouseEvent> {
    let state = state.clone();
    Callback::from(move |_| state.dispatch(Action::Flow(action())))
}

/// What a history list says.
pub struct HistoryText {
    pub title: &'static str,
    pub delete: &'static str,
    /// The delete button's name for screen readers, with `{date}`.
    pub delete_label: &'static str,
}

/// The visitor's earlier entries on this device, newest first, each shown by `entry` (given
/// the entry and its date) with a button that deletes it.
pub fn history<F: Flow>(state: &Handle<F>, words: HistoryText, entry: impl Fn(&F::Entry, &str) -> Html) -> Html {
    let entries = &state.common.history;
    if entries.is_empty() {
        return html! {};
    }
    html! {
        <section class="aw-history">
            <h3>{ words.title }</h3>
            <ul>
                { for entries.iter().rev().map(|finished| {
                    let at = super::Finished::at(finished);
                    let date = locale::date(at, LANGUAGE);
                    let forget = {
                        let state = state.clone();
                        Callback::from(move |_| state.dispatch(Action::Forget(at)))
                    };
                    html! {
                        <li key={at.to_string()}>
                            { entry(finished, &date) }
                            { delivery_status(state, super::Finished::delivery(finished), &date) }
                            <button type="button" class="aw-secondary aw-no-print"
                                aria-label={fill(words.delete_label, &[("date", &date)])} onclick={forget}>
                                { words.delete }
                            </button>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}

/// Where an entry's way to the author stands, announced as it changes; "try again" when it
/// was refused. Nothing for an entry that is not sent.
pub fn delivery_status<F: Flow>(state: &Handle<F>, delivery: Option<&Delivery>, date: &str) -> Html {
    let Some(delivery) = delivery else { return html! {} };
    let text = text();
    let kept = !matches!(state.common.notice, Some(Notice::Unavailable | Notice::Full));
    let sending = state.common.sending.as_deref() == Some(delivery.id.as_str());
    let refused = matches!(delivery.state, State::Refused { .. }) && !sending;
    let try_again = {
        let (state, id) = (state.clone(), delivery.id.clone());
        Callback::from(move |_| state.dispatch(Action::TryAgain { id: id.clone(), now: now() }))
    };
    html! {
        <p class="aw-delivery" role="status">
            { delivery.sentence(sending, kept) }
            if refused {
                { " " }
                <button type="button" class="aw-link aw-no-print" onclick={try_again}
                    aria-label={fill(text.try_again_label, &[("date", date)])}>{ text.try_again }</button>
            }
        </p>
    }
}
