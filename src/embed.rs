//! Starts widgets: every `<div data-alliance-widget="survey">` (or `"assessment"`) of a page,
//! or one element handed over by the embed loader (`alliance-widget.js`), which puts it in a
//! shadow root. Each flow is its own binary (and wasm file), so a page downloads only the
//! flows it shows.

use crate::assessment::screens::{AssessmentProps, AssessmentWidget};
use crate::assessment::share;
use crate::browser;
use crate::content::{assessment, fill, text};
use crate::early::{uid, Early};
use crate::flow::SendTo;
use crate::storage::{local::LocalStore, KeyValue, Vault, DEFAULT_NAMESPACE};
use crate::survey::screens::{SurveyProps, SurveyWidget};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, NodeList};
use yew::{AppHandle, BaseComponent};

/// Mount elements on a page carry this attribute; its value names the flow.
const MOUNT: &str = "data-alliance-widget";
const FLOWS: [&str; 2] = ["survey", "assessment"];

thread_local! {
    /// Widgets started so far: each gets the next `uid`, whether the page or the loader
    /// started it, so that the page's prerendered screens (numbered the same way at build
    /// time) and the widget that takes them over agree.
    static STARTED: Cell<usize> = const { Cell::new(0) };
}

/// What stops a rendered widget: its app destroyed.
type Stop = Box<dyn FnOnce()>;

thread_local! {
    /// The embeds' widgets rendered so far, by their root, each with what stops it.
    static STOPS: RefCell<Vec<(Element, Stop)>> = const { RefCell::new(Vec::new()) };
}

fn next_uid(flow: &str) -> String {
    uid(flow, STARTED.replace(STARTED.get() + 1))
}

fn vault(namespace: &str, flow: &str) -> Vault {
    let store: Rc<dyn KeyValue> = Rc::new(LocalStore::open());
    Vault::new(store, namespace, flow)
}

/// Where answers go from this page, when the mount names an endpoint: the page they are given
/// on is its origin and path, without query or fragment.
fn send_to(endpoint: Option<String>) -> Option<SendTo> {
    let [origin, path, ..] = browser::address();
    endpoint.map(|endpoint| SendTo { endpoint, page: origin + &path })
}

/// What becomes of a rendered widget: a page's lives as long as the page ([`on_page`]); an
/// embed's is kept ([`kept`]) for [`unmount`] to stop. A page's script thus carries no code to
/// stop a widget.
pub type Started<C> = fn(Element, AppHandle<C>);

pub fn on_page<C: BaseComponent>(_: Element, _: AppHandle<C>) {}

pub fn kept<C: BaseComponent>(root: Element, app: AppHandle<C>) {
    STOPS.with(|stops| stops.borrow_mut().push((root, Box::new(move || app.destroy()))));
}

/// Starts a survey in `root`, keeping its data under `namespace` and sending answers to
/// `endpoint`, if any.
pub fn mount_survey(root: Element, namespace: &str, endpoint: Option<String>, started: Started<SurveyWidget>) {
    crate::crash::watch(&root, text().crash);
    let (vault, uid, send_to) = (vault(namespace, "survey"), next_uid("survey"), send_to(endpoint));
    render_later(root, move |early| SurveyProps { vault, uid: uid.into(), early, send_to }, started);
}

/// Starts a self-assessment in `root`; a share link in the page's address shows its result.
/// `survey_link` is where the survey is offered, if anywhere; `export_module` the address of
/// the download's code; `endpoint` where the reader may send the result.
pub fn mount_assessment(
    root: Element,
    namespace: &str,
    options: AssessmentOptions,
    started: Started<AssessmentWidget>,
) {
    crate::crash::watch(&root, text().crash);
    let AssessmentOptions { survey_link, export_module, endpoint } = options;
    let (vault, uid, send_to) = (vault(namespace, "assessment"), next_uid("assessment"), send_to(endpoint));
    let [origin, path, search, fragment] = browser::address();
    let page_url = [origin, path, search].concat().into();
    let shared = share::decode(assessment(), &fragment).transpose();
    let namespace = namespace.to_string().into();
    let props = move |early| {
        let (uid, survey_link, export_module) = (uid.into(), survey_link.map(Into::into), export_module.into());
        AssessmentProps { vault, namespace, uid, page_url, shared, survey_link, export_module, early, send_to }
    };
    render_later(root, props, started);
}

/// Renders in a task of its own: the task that instantiated the wasm ends sooner, and several
/// widgets on a page take a short task each rather than one long one together. The widget
/// takes the place of what `root` held (a noscript note, or prerendered screens, whose
/// `early.js` puts focus back once the widget is in) and carries on from what the visitor did
/// there. A widget unmounted before its task never renders.
fn render_later<C: BaseComponent>(
    root: Element,
    props: impl FnOnce(Early) -> C::Properties + 'static,
    started: Started<C>,
) {
    let Some(window) = web_sys::window() else { return };
    let task = Closure::once_into_js(move || {
        if !crate::crash::watched(&root) {
            return;
        }
        let early = match root.query_selector("[data-prerendered]") {
            Ok(Some(screens)) => Early::read(&screens.get_attribute("data-early").unwrap_or_default()),
            _ => Early::default(),
        };
        root.set_inner_html("");
        started(root.clone(), yew::Renderer::<C>::with_root_and_props(root, props(early)).render());
    });
    let _ = window.set_timeout_with_callback(task.unchecked_ref());
}

/// Stops the widget started in `root` (the host's `unmount()`): its app is destroyed, and with
/// it every listener and timer its hooks set.
pub fn unmount(root: &Element) {
    crate::crash::forget(root);
    let stop = STOPS.with(|stops| {
        let mut stops = stops.borrow_mut();
        let at = stops.iter().position(|(started, _)| started == root)?;
        Some(stops.swap_remove(at).1)
    });
    if let Some(stop) = stop {
        stop();
    }
}

fn elements(list: Result<NodeList, JsValue>) -> Vec<Element> {
    let Ok(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|index| list.item(index)?.dyn_into::<Element>().ok()).collect()
}

/// The page's mounts naming `flow`. Only the survey's script tells the page's author about
/// mounts naming no known flow, so that a page running both scripts says it once.
fn page_mounts(flow: &str) -> Vec<Element> {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else { return Vec::new() };
    let mut mine = Vec::new();
    for mount in elements(document.query_selector_all(&format!("[{MOUNT}]"))) {
        let named = mount.get_attribute(MOUNT).unwrap_or_default();
        if named == flow {
            mine.push(mount);
        } else if flow == "survey" && !FLOWS.contains(&named.as_str()) {
            let message = fill(text().unknown_flow, &[("value", &named)]);
            web_sys::console::warn_1(&message.clone().into());
            mount.set_text_content(Some(&message));
        }
    }
    mine
}

/// A self-assessment's options besides its namespace.
pub struct AssessmentOptions {
    pub survey_link: Option<String>,
    pub export_module: String,
    pub endpoint: Option<String>,
}

/// Starts every survey mount of the page; the build wrote where answers go into each
/// (`data-endpoint`), when it was given an endpoint.
pub fn start_survey() {
    for mount in page_mounts("survey") {
        let endpoint = mount.get_attribute("data-endpoint");
        mount_survey(mount, DEFAULT_NAMESPACE, endpoint, on_page);
    }
}

/// Starts every self-assessment mount of the page; the build wrote where the download's code
/// is into each (`data-export`), and where results may be sent (`data-endpoint`).
pub fn start_assessment() {
    for mount in page_mounts("assessment") {
        let options = AssessmentOptions {
            survey_link: mount.get_attribute("data-survey-link"),
            export_module: mount.get_attribute("data-export").unwrap_or_default(),
            endpoint: mount.get_attribute("data-endpoint"),
        };
        mount_assessment(mount, DEFAULT_NAMESPACE, options, on_page);
    }
}
