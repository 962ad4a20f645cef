//! Starts and stops widgets, each in the element it is handed: by the embed loader
//! (`alliance-widget.js`), an element in a shadow root; on a standalone page, the page's mount
//! (its prerendered screens' script calls `mount` once the wasm is in). Each flow is its own
//! binary (and wasm file), so a page downloads only the flows it shows.

use crate::assessment::screens::{AssessmentProps, AssessmentWidget};
use crate::assessment::share;
use crate::browser;
use crate::content::{assessment, text};
use crate::early::{uid, Early};
use crate::flow::SendTo;
use crate::storage::{local::LocalStore, KeyValue, Vault};
use crate::survey::screens::{SurveyProps, SurveyWidget};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use web_sys::Element;
use yew::BaseComponent;

thread_local! {
    /// Widgets started so far: each gets the next `uid`, so that a page's prerendered screens
    /// (numbered the same way at build time) and the widget that takes them over agree.
    static STARTED: Cell<usize> = const { Cell::new(0) };
}

/// What stops a rendered widget: its app destroyed.
type Stop = Box<dyn FnOnce()>;

thread_local! {
    /// The widgets rendered so far, by their root, each with what stops it.
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

/// Starts a survey in `root`, keeping its data under `namespace` and sending answers to
/// `endpoint`, if any.
pub fn mount_survey(root: Element, namespace: &str, endpoint: Option<String>) {
    crate::crash::watch(&root, text().crash);
    let (vault, uid, send_to) = (vault(namespace, "survey"), next_uid("survey"), send_to(endpoint));
    render_later::<SurveyWidget>(root, move |early| SurveyProps { vault, uid: uid.into(), early, send_to });
}

/// Starts a self-assessment in `root`; a share link in the page's address shows its result.
/// `survey_link` is where the survey is offered, if anywhere; `export_module` the address of
/// the download's code; `endpoint` where the reader may send the result.
pub fn mount_assessment(root: Element, namespace: &str, options: AssessmentOptions) {
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
    render_later::<AssessmentWidget>(root, props);
}

/// Renders in a task of its own: the task that instantiated the wasm ends sooner, and several
/// widgets on a page take a short task each rather than one long one together. The widget
/// takes the place of what `root` held (a noscript note, or prerendered screens, whose
/// `early.js` puts focus back once the widget is in) and carries on from what the visitor did
/// there. A widget unmounted before its task never renders; a rendered one is kept for
/// [`unmount`].
fn render_later<C: BaseComponent>(root: Element, props: impl FnOnce(Early) -> C::Properties + 'static) {
    browser::soon(move || {
        if !crate::crash::watched(&root) {
            return;
        }
        let early = match root.query_selector("[data-prerendered]") {
            Ok(Some(screens)) => Early::read(&screens.get_attribute("data-early").unwrap_or_default()),
            _ => Early::default(),
        };
        root.set_inner_html("");
        let app = yew::Renderer::<C>::with_root_and_props(root.clone(), props(early)).render();
        STOPS.with(|stops| stops.borrow_mut().push((root, Box::new(move || app.destroy()))));
    });
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

/// A self-assessment's options besides its namespace.
pub struct AssessmentOptions {
    pub survey_link: Option<String>,
    pub export_module: String,
    pub endpoint: Option<String>,
}
