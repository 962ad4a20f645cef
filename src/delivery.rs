//! Answers on their way to the author: what is sent, and the outbox's decisions (when to try
//! again, when to stop). Pure; `flow::delivery` does the sending in the browser.
//!
//! The outbox is not a record of its own: each finished entry of a flow's history carries its
//! [`Delivery`], so an entry and its place in the outbox are stored in one write, deleting an
//! entry takes it out of the outbox, and "delete my data" empties it.

use crate::clock::iso_date_time;
use crate::content::{fill, text, LANGUAGE};
use crate::locale;
use serde::{Deserialize, Serialize};

/// The payload's format number: receivers can tell later formats apart.
pub const FORMAT: u32 = 1;

/// A request that takes longer than this counts as failed, to be tried again.
pub const TIMEOUT_MS: u32 = 15_000;

/// The first wait before trying again; it doubles with each failure up to [`LONGEST_WAIT_MS`].
pub const FIRST_WAIT_MS: u64 = 1_000;
pub const LONGEST_WAIT_MS: u64 = 5 * 60_000;

/// One entry's way to the author's endpoint.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Delivery {
    /// Made when the visitor sent it, random, the same on every try: receivers deduplicate on it.
    pub id: String,
    pub endpoint: String,
    /// The page it was given on: origin and path, without query or fragment.
    pub page: String,
    pub state: State,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum State {
    /// In the outbox: tried `attempts` times, next due at `next` (ms since 1970).
    Waiting { attempts: u32, next: u64 },
    /// The endpoint answered 2xx at `at`.
    Delivered { at: u64 },
    /// The endpoint refused it (a 4xx other than 408, 425 and 429): not tried again unless the
    /// visitor asks. `status` 0: it could not be sent from this page at all.
    Refused { status: u16 },
}

impl Delivery {
    /// A new entry's delivery, due at once.
    pub fn new(id: String, endpoint: &str, page: &str, now: u64) -> Self {
        Delivery { id, endpoint: endpoint.into(), page: page.into(), state: State::Waiting { attempts: 0, next: now } }
    }

    pub fn is_due(&self, now: u64) -> bool {
        matches!(self.state, State::Waiting { next, .. } if next <= now)
    }

    pub fn is_waiting(&self) -> bool {
        matches!(self.state, State::Waiting { .. })
    }

    /// The endpoint's host, as the visitor is told where answers go.
    pub fn host(&self) -> &str {
        host(&self.endpoint)
    }

    /// Where it stands, in a sentence for the visitor: being sent now (`sending`), delivered,
    /// waiting, or refused (`kept`: storage keeps it for a later try).
    pub fn sentence(&self, sending: bool, kept: bool) -> String {
        let text = text();
        let host = self.host();
        match self.state {
            _ if sending => fill(text.delivery_sending, &[("host", host)]),
            State::Delivered { at } => {
                fill(text.delivery_delivered, &[("host", host), ("time", &locale::time(at, LANGUAGE))])
            }
            State::Waiting { .. } => fill(text.delivery_waiting, &[("host", host)]),
            State::Refused { status: 0 } if kept => fill(text.delivery_blocked, &[("host", host)]),
            State::Refused { status } => {
                let refused = fill(text.delivery_refused, &[("host", host), ("status", &status.to_string())]);
                if kept {
                    refused
                } else {
                    [refused.as_str(), text.delivery_not_kept].join(" ")
                }
            }
        }
    }
}

/// What came back from one try.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Reply {
    /// The HTTP status, and `Retry-After` in milliseconds when the endpoint said one.
    Status { status: u16, retry_after: Option<u64> },
    /// No answer: offline, the connection failed, or the request took longer than the timeout.
    Silent,
    /// The page's rules (its Content-Security-Policy) do not let it reach the endpoint.
    Blocked,
}

/// The delivery's state after a try that got `answer` at `now`; `jitter` in 0..1 spreads the
/// waits of many visitors so that a recovering endpoint is not hit by all at once.
pub fn after_try(state: &State, answer: Reply, now: u64, jitter: f64) -> State {
    let attempts = match state {
        State::Waiting { attempts, .. } => attempts + 1,
        _ => 1,
    };
    let again = |wait: u64| State::Waiting { attempts, next: now + wait };
    match answer {
        Reply::Status { status: 200..=299, .. } => State::Delivered { at: now },
        Reply::Status { status: 429, retry_after: Some(wait) } => again(wait.min(LONGEST_WAIT_MS)),
        Reply::Status { status, .. } if retried(status) => again(backoff(attempts, jitter)),
        Reply::Status { status, .. } => State::Refused { status },
        Reply::Silent => again(backoff(attempts, jitter)),
        Reply::Blocked => State::Refused { status: 0 },
    }
}

/// Statuses worth trying again: the endpoint is busy, rate-limiting, or failing for now.
pub fn retried(status: u16) -> bool {
    matches!(status, 408 | 425 | 429 | 500..=599)
}

/// The wait before try `attempts + 1`: about a second, doubling, at most five minutes, with
/// jitter taking up to a quarter off either way.
pub fn backoff(attempts: u32, jitter: f64) -> u64 {
    let doubled = FIRST_WAIT_MS.saturating_mul(1 << attempts.saturating_sub(1).min(20));
    let base = doubled.min(LONGEST_WAIT_MS) as f64;
    (base * (0.75 + 0.5 * jitter.clamp(0.0, 1.0))).round() as u64
}

/// `Retry-After` as milliseconds, when it gives seconds (an HTTP date falls back to backoff).
pub fn retry_after(value: &str) -> Option<u64> {
    value.trim().parse::<u64>().ok().map(|seconds| seconds.saturating_mul(1_000))
}

/// The host of an `https://host/…` address.
pub fn host(endpoint: &str) -> &str {
    let rest = endpoint.split_once("://").map_or(endpoint, |(_, rest)| rest);
    rest.split(['/', '?', '#']).next().unwrap_or(rest)
}

/// What is sent: one finished entry in the versioned envelope the README documents.
#[derive(Serialize)]
pub struct Payload<'a, A: Serialize> {
    pub format: u32,
    pub id: &'a str,
    pub flow: &'a str,
    pub content: &'a str,
    pub language: &'a str,
    pub submitted: String,
    pub page: &'a str,
    pub answers: A,
    /// The self-assessment's fit per option (0 to 100) and its best fit; not in the survey's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fits: Option<Fits>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub best_fit: Option<&'a str>,
}

/// A fit per option, by the options' ids (the content's validation keeps them these three).
#[derive(Serialize)]
pub struct Fits {
    pub interim: u32,
    pub internal: u32,
    pub external: u32,
}

impl<'a, A: Serialize> Payload<'a, A> {
    /// The payload of `flow`'s entry finished `at`, with its `content` id and `answers`.
    pub fn new(delivery: &'a Delivery, flow: &'a str, content: &'a str, at: u64, answers: A) -> Self {
        Payload {
            format: FORMAT,
            id: &delivery.id,
            flow,
            content,
            language: crate::content::content().language,
            submitted: iso_date_time(at),
            page: &delivery.page,
            answers,
            fits: None,
            best_fit: None,
        }
    }

    pub fn json(&self) -> String {
        // Plain structs, lists and strings: serialising them cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests;
