//! The few small calls the widget makes to the browser beyond rendering: focus, the address,
//! the clipboard, printing, and downloads. Each is a courtesy that may fail quietly: the
//! widget goes on either way.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::Location;
use yew::prelude::*;

/// Moves keyboard focus to the first element under `root` matching `selector`, if any.
pub fn focus_first(root: &NodeRef, selector: &str) {
    let target = root
        .cast::<web_sys::Element>()
        .and_then(|root| root.query_selector(selector).ok().flatten())
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(target) = target {
        let _ = target.focus();
    }
}

pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// Offers `text` as a file download named `name`, of the MIME type `kind`.
pub fn offer_file(name: &str, kind: &str, text: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(kind);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Some(link) = document.create_element("a").ok().and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        link.set_href(&url);
        link.set_download(name);
        link.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Puts `text` on the clipboard; a share link also stays on screen to copy by hand.
pub fn copy(text: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.navigator().clipboard().write_text(text);
    }
}

/// The page's address in parts: origin, path, query and fragment.
pub fn address() -> [String; 4] {
    let location = web_sys::window().map(|window| window.location());
    let part = |get: fn(&Location) -> Result<String, wasm_bindgen::JsValue>| {
        location.as_ref().and_then(|l| get(l).ok()).unwrap_or_default()
    };
    [part(Location::origin), part(Location::pathname), part(Location::search), part(Location::hash)]
}

/// Drops a share link's fragment from the address, so a reload shows the reader's own
/// assessment rather than the shared one.
pub fn forget_fragment() {
    let [_, path, search, _] = address();
    let Some(history) = web_sys::window().and_then(|window| window.history().ok()) else { return };
    let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("{path}{search}")));
}

/// 128 random bits as 32 hex digits, from the browser's cryptographic generator.
pub fn random_id() -> String {
    let mut bytes = [0u8; 16];
    if let Some(crypto) = web_sys::window().and_then(|window| window.crypto().ok()) {
        let _ = crypto.get_random_values_with_u8_array(&mut bytes);
    }
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// Runs `task` in a task of its own, once the current one and what it queued (a render, its
/// effects) are done.
pub fn soon(task: impl FnOnce() + 'static) {
    if let Some(window) = web_sys::window() {
        let _ = window.set_timeout_with_callback(Closure::once_into_js(task).unchecked_ref());
    }
}

/// A number in 0..1, to spread retries.
pub fn jitter() -> f64 {
    js_sys::Math::random()
}

// Sending, one try at a time, by one tab or widget at a time. `send` takes the lock `name`
// (Web Locks where the browser has them, else a lease in localStorage that expires) and calls
// `choose(held)`: without the lock it returns nothing; with it, the [endpoint, body] of what
// is due, or nothing. Then it POSTs that and calls `report(status, retryAfter)`: status 0 when
// nothing answered (offline, a refused connection, over `timeout` ms), -1 when the page's
// Content-Security-Policy blocked the request, -2 when nothing was sent. Each is called once.
// Beside it, to cost the pages no file of their own: `finished`, which tells the host page of
// a finished round, and `download`, which fetches the download's code (a wasm of its own,
// src/bin/export.rs, whose module's address comes from the build's manifest through the
// widget's mount).
#[wasm_bindgen::prelude::wasm_bindgen(inline_js = "
async function post(url, body, timeout) {
  let blocked = false;
  const seen = (event) => { if (url.startsWith(event.blockedURI)) blocked = true; };
  document.addEventListener('securitypolicyviolation', seen);
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeout);
  try {
    const response = await fetch(url, { method: 'POST', body, signal: abort.signal, credentials: 'omit',
      cache: 'no-store', referrerPolicy: 'no-referrer', headers: { 'Content-Type': 'application/json' } });
    return [response.status, response.headers.get('Retry-After') ?? ''];
  } catch {
    // The page reports a blocked request by an event of its own, soon after.
    await new Promise((done) => setTimeout(done, 100));
    if (blocked) console.warn(`Alliance widget: this page's Content-Security-Policy does not allow sending answers to ${url} (connect-src).`);
    return [blocked ? -1 : 0, ''];
  } finally {
    clearTimeout(timer);
    document.removeEventListener('securitypolicyviolation', seen);
  }
}
function withLock(name, task) {
  if (navigator.locks) return navigator.locks.request(name, { ifAvailable: true }, (lock) => task(Boolean(lock)));
  const key = `${name}:lease`;
  const me = Math.random().toString(36).slice(2);
  try {
    const held = JSON.parse(localStorage.getItem(key) ?? 'null');
    if (held && held.until > Date.now()) return task(false);
    localStorage.setItem(key, JSON.stringify({ me, until: Date.now() + 60000 }));
    if (JSON.parse(localStorage.getItem(key)).me !== me) return task(false);
  } catch {
    // No storage: nothing is shared with another tab, so this one sends.
  }
  return Promise.resolve(task(true)).finally(() => { try { localStorage.removeItem(key); } catch {} });
}
export function download(module, namespace, assessments, csv, failed) {
  import(module)
    .then(async (code) => { await code.default(); code.download(namespace, assessments, csv); })
    .catch((error) => { console.error(error); failed(); });
}
export function stored(prefix) {
  dispatchEvent(new CustomEvent('alliance-widget-stored', { detail: prefix }));
}
export function finished(target, flow, id) {
  target.dispatchEvent(new CustomEvent('alliance-widget-finish', { bubbles: true, composed: true, detail: { flow, id: id ?? null } }));
}
export function send(name, choose, report, timeout) {
  withLock(name, async (held) => {
    const next = choose(held);
    const [status, retryAfter] = next ? await post(next[0], next[1], timeout) : [-2, ''];
    report(status, retryAfter);
  });
}")]
extern "C" {
    pub fn send(name: &str, choose: &wasm_bindgen::JsValue, report: &wasm_bindgen::JsValue, timeout: u32);
    /// Tells the host page that the visitor finished a round of `flow`: the event
    /// `alliance-widget-finish` from the widget's element, which reaches the mount (and the
    /// document) out of the shadow root, with the delivery's `id` if the round is sent.
    pub fn finished(target: &web_sys::Node, flow: &str, id: Option<&str>);
    /// Tells the page's other widgets that this one wrote the keys starting with `prefix`
    /// (the `STORED` event on the window): the `storage` event reaches only other tabs.
    pub fn stored(prefix: &str);
    /// Fetches the export's wasm from `module` (once) and offers the reader's data as a file;
    /// calls `failed` when that wasm cannot be fetched (offline before it was ever kept).
    pub fn download(module: &str, namespace: &str, assessments: &str, csv: bool, failed: &wasm_bindgen::JsValue);
}

#[wasm_bindgen::prelude::wasm_bindgen(inline_js = "export function read_texts(files, done) {
    Promise.all(files.map((file) => file.text().catch(() => null))).then(done);
}")]
extern "C" {
    /// Reads each of `files` (an array of `File`) as text, then calls `done` with an array of
    /// their texts, `null` where the browser could not read one.
    pub fn read_texts(files: &js_sys::Array, done: &wasm_bindgen::JsValue);
}

/// The window's event that [`stored`] sends.
pub const STORED: &str = "alliance-widget-stored";

/// Whether `event`, another tab's `storage` event or another widget's [`STORED`], may have
/// changed the keys starting with `prefix` (a storage cleared, or everything deleted, too).
pub fn concerns(event: &web_sys::Event, prefix: &str) -> bool {
    if let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() {
        return event.key().is_none_or(|key| key.starts_with(prefix));
    }
    let written = event.dyn_ref::<web_sys::CustomEvent>().and_then(|event| event.detail().as_string());
    written.is_some_and(|written| prefix.starts_with(&written))
}

/// Passes every `name` event the window receives to `handler` while the component is shown:
/// another tab's storage writes, a share link opened by changing only the address's fragment.
#[hook]
pub fn use_window_event(name: &'static str, handler: Callback<web_sys::Event>) {
    use_effect_with(name, move |&name| {
        let listener = Closure::<dyn Fn(web_sys::Event)>::new(move |event| handler.emit(event));
        let window = web_sys::window();
        if let Some(window) = &window {
            let _ = window.add_event_listener_with_callback(name, listener.as_ref().unchecked_ref());
        }
        move || {
            if let Some(window) = window {
                let _ = window.remove_event_listener_with_callback(name, listener.as_ref().unchecked_ref());
            }
        }
    });
}
