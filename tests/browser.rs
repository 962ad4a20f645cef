//! The browser half of storage and mounting, run in headless Chromium by wasm-bindgen-test
//! against the real localStorage, and the browser's way of reading JSON (`json`), held to
//! serde_json's reading of the same values.
#![cfg(target_arch = "wasm32")]

use alliance_widget::early::Early;
use alliance_widget::flow::{Action, State};
use alliance_widget::storage::local::LocalStore;
use alliance_widget::storage::{Failure, KeyValue, Notice, Vault};
use alliance_widget::survey::screens::{SurveyProps, SurveyWidget};
use alliance_widget::survey::{Step, SurveyAction, SurveyState, PROGRESS};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::value::RawValue;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use yew::Reducible;

wasm_bindgen_test_configure!(run_in_browser);

// Ways a browser's storage misbehaves, switched on and off around a test.
#[wasm_bindgen(inline_js = "
const proto = Storage.prototype;
const original = { getItem: proto.getItem, setItem: proto.setItem };
const accessor = Object.getOwnPropertyDescriptor(window, 'localStorage');
export function throw_on_write(name) {
  proto.setItem = function () { throw new DOMException('refused', name); };
}
export function throw_on_read() {
  proto.getItem = function () { throw new DOMException('refused', 'SecurityError'); };
}
export function block_storage() {
  Object.defineProperty(window, 'localStorage', {
    configurable: true,
    get() { throw new DOMException('denied', 'SecurityError'); },
  });
}
export function restore_storage() {
  Object.assign(proto, original);
  Object.defineProperty(window, 'localStorage', accessor);
  window.localStorage.clear();
}
")]
extern "C" {
    fn throw_on_write(name: &str);
    fn throw_on_read();
    fn block_storage();
    fn restore_storage();
}

fn local() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn json(text: &str) -> Box<RawValue> {
    RawValue::from_string(text.to_string()).unwrap()
}

fn vault() -> Vault {
    Vault::new(Rc::new(LocalStore::open()), "default", "survey")
}

#[wasm_bindgen_test]
fn values_round_trip_through_local_storage() {
    restore_storage();
    let store = LocalStore::open();
    store.set_text("alliance-widget:x", "«half-typed»").unwrap();
    assert_eq!(local().get_item("alliance-widget:x").unwrap().as_deref(), Some("«half-typed»"));
    assert_eq!(store.get("alliance-widget:x").unwrap().as_deref(), Some("«half-typed»"));
    store.set("alliance-widget:y", &json(r#"{"text":"«half-typed»"}"#)).unwrap();
    assert_eq!(local().get_item("alliance-widget:y").unwrap().as_deref(), Some(r#"{"text":"«half-typed»"}"#));
    store.remove("alliance-widget:y").unwrap();
    assert_eq!(store.keys().unwrap(), vec!["alliance-widget:x"]);
    store.remove("alliance-widget:x").unwrap();
    assert_eq!(store.get("alliance-widget:x").unwrap(), None);
}

#[wasm_bindgen_test]
fn progress_saved_in_the_browser_comes_back_at_the_same_step() {
    restore_storage();
    let state = [
        SurveyAction::Start { now: 1 },
        SurveyAction::Choose("internal".into()),
        SurveyAction::Next,
        SurveyAction::Comment("We tried".into()),
    ]
    .into_iter()
    .fold(Rc::new(State::<SurveyState>::new()), |state, action| state.reduce(Action::Flow(action)));
    vault().save(PROGRESS, state.records().0.as_ref(), 2).unwrap();
    let restored = State::<SurveyState>::load(&vault(), 3);
    assert_eq!((restored.common.step, &restored.flow.answers), (Step::Question(1), &state.flow.answers));
    assert_eq!(restored.flow.answers["works-best"].comment, "We tried");
}

#[wasm_bindgen_test]
fn a_corrupt_value_is_moved_aside_in_local_storage() {
    restore_storage();
    local().set_item("alliance-widget:default:survey:progress", "{oops").unwrap();
    let state = State::<SurveyState>::load(&vault(), 99);
    assert_eq!(state.common.notice, Some(Notice::Unreadable));
    assert_eq!(local().get_item("alliance-widget:default:survey:progress").unwrap(), None);
    assert_eq!(
        local().get_item("alliance-widget:default:survey:progress:backup:99").unwrap().as_deref(),
        Some("{oops")
    );
}

#[wasm_bindgen_test]
fn a_full_storage_is_reported_as_full() {
    restore_storage();
    throw_on_write("QuotaExceededError");
    let saved = LocalStore::open().set("alliance-widget:x", &json("\"y\""));
    restore_storage();
    assert_eq!(saved, Err(Failure::Full));
}

#[wasm_bindgen_test]
fn storage_that_throws_on_read_is_unavailable_not_fatal() {
    restore_storage();
    throw_on_read();
    let state = State::<SurveyState>::load(&vault(), 1);
    restore_storage();
    assert_eq!(state.common.notice, Some(Notice::Unavailable));
    assert_eq!(state.common.step, Step::Intro);
}

#[wasm_bindgen_test]
fn blocked_storage_opens_without_panicking_and_refuses_every_call() {
    block_storage();
    let store = LocalStore::open();
    let results = (store.get("k").err(), store.set("k", &json("1")).err(), store.keys().err());
    restore_storage();
    assert_eq!(results, (Some(Failure::Unavailable), Some(Failure::Unavailable), Some(Failure::Unavailable)));
}

#[wasm_bindgen_test]
fn the_crash_message_replaces_the_widget_and_leaves_storage_alone() {
    restore_storage();
    local().set_item("alliance-widget:default:survey:progress", "kept").unwrap();
    let document = web_sys::window().unwrap().document().unwrap();
    let mount = document.create_element("div").unwrap();
    mount.set_inner_html("<button>dead widget</button>");
    alliance_widget::crash::show(&mount, "Something went wrong.");
    assert_eq!(mount.inner_html(), r#"<p role="alert" class="aw-crash">Something went wrong.</p>"#);
    assert_eq!(local().get_item("alliance-widget:default:survey:progress").unwrap().as_deref(), Some("kept"));
}

#[wasm_bindgen_test]
async fn a_mounted_survey_with_blocked_storage_still_starts_and_says_why() {
    block_storage();
    let document = web_sys::window().unwrap().document().unwrap();
    let mount = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&mount).unwrap();
    let props = SurveyProps { vault: vault(), uid: "b".into(), early: Default::default(), send_to: None };
    yew::Renderer::<SurveyWidget>::with_root_and_props(mount.clone(), props).render();
    yew::platform::time::sleep(std::time::Duration::from_millis(50)).await;
    let text = mount.text_content().unwrap_or_default();
    restore_storage();
    assert!(text.contains("will not be kept on this device"), "{text}");
    let start = mount.query_selector(".aw-primary").unwrap().unwrap();
    start.dyn_into::<web_sys::HtmlElement>().unwrap().click();
    yew::platform::time::sleep(std::time::Duration::from_millis(50)).await;
    assert!(mount.text_content().unwrap().contains("Question 1 of 4"));
}

/// A stored value as storage writes it.
#[derive(Debug, PartialEq, Deserialize)]
struct Stored<T> {
    format: u64,
    updated: u64,
    record: T,
}

/// `raw` reads the same through the browser's `JSON.parse` as through serde_json, readable
/// or not; returns whether it was readable.
fn reads_as_natively<T: DeserializeOwned + PartialEq + std::fmt::Debug>(raw: &str) -> bool {
    let native = serde_json::from_str::<T>(raw).ok();
    assert_eq!(alliance_widget::json::parse::<T>(raw), native, "{raw}");
    native.is_some()
}

#[wasm_bindgen_test]
fn every_kind_of_record_reads_in_the_browser_as_it_does_natively() {
    use alliance_widget::assessment;
    use alliance_widget::survey;
    let deliveries = [
        r#"{"waiting":{"attempts":2,"next":1795391999000}}"#,
        r#"{"delivered":{"at":1795391999000}}"#,
        r#"{"refused":{"status":400}}"#,
        r#"{"refused":{"status":0}}"#,
    ];
    for state in deliveries {
        let raw = format!(
            r#"{{"format":1,"updated":9,"record":{{"responses":[{{"submitted":5,"content":"c","answers":[{{"question":"interim-fit","choices":["yes-bridge"],"comment":"«Twice» \"quoted\" \u00e9"}}],"delivery":{{"id":"9f2c","endpoint":"https://c.example/r","page":"p","state":{state}}}}}]}}}}"#
        );
        assert!(reads_as_natively::<Stored<survey::History>>(&raw), "{raw}");
        let completed = raw.replace("responses", "assessments").replace("submitted", "completed");
        let completed = completed.replace(
            r#""answers":[{"question":"interim-fit","choices":["yes-bridge"],"comment":"«Twice» \"quoted\" \u00e9"}]"#,
            r#""answers":[{"statement":"urgent","value":-2}]"#,
        );
        assert!(reads_as_natively::<Stored<assessment::History>>(&completed), "{completed}");
    }
    for readable in [
        r#"{"format":1,"updated":2,"record":{"content":"c","step":"review","answers":[{"question":"source","choices":["internal"]}],"started":1}}"#,
        r#"{"format":1,"updated":2,"record":{"content":"c","step":{"question":2},"answers":[],"started":1,"editing_from_review":true}}"#,
        r#"{"format":1,"updated":2,"record":{"content":"c","step":{"question":1},"answers":[{"question":"source","choices":["mix"],"comment":"«Ask» \"them\""},{"question":"works-best","choices":[]}],"started":1,"editing_from_review":false,"unknown":[1]}}"#,
    ] {
        assert!(reads_as_natively::<Stored<survey::Progress>>(readable), "{readable}");
    }
    let progress = r#"{"format":1,"updated":2,"record":{"content":"c","stage":"statements","answers":[{"statement":"urgent","value":2},{"statement":"culture","value":-1}],"started":1}}"#;
    assert!(reads_as_natively::<Stored<assessment::Progress>>(progress));
    // Unreadable either way: not JSON, cut off, the wrong shape or types, out of range.
    for unreadable in [
        "{oops",
        r#"{"format":1,"updated":2,"record":{"content":"c","step":"review""#,
        "[1,2]",
        r#""a string""#,
        r#"{"format":"1","updated":2,"record":{}}"#,
        r#"{"format":1,"updated":2,"record":{"content":"c","step":"sideways","answers":[],"started":1}}"#,
        r#"{"format":1,"updated":2,"record":{"content":"c","step":{"question":-1},"answers":[],"started":1}}"#,
        r#"{"format":1,"updated":-2,"record":{"content":"c","step":"intro","answers":[],"started":1}}"#,
        r#"{"format":1,"updated":2,"record":{"content":7,"step":"intro","answers":[],"started":1}}"#,
        r#"{"format":1,"updated":2,"record":{"content":"c","step":"intro","answers":null,"started":1}}"#,
    ] {
        assert!(!reads_as_natively::<Stored<survey::Progress>>(unreadable), "{unreadable}");
    }
    // What the prerendered screens hand over.
    assert!(reads_as_natively::<Early>(
        r#"{"started":true,"fields":[{"name":"choice","value":"mix"},{"name":"comment","value":"«typed»"}],"submitted":false}"#
    ));
    assert!(!reads_as_natively::<Early>("not json"));
}
