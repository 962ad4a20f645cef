//! The visitor's data as a file: its own small wasm, fetched only when the reader asks for a
//! download, so the export's code stays out of the self-assessment's first load.

fn main() {}

/// Offers the survey responses stored under `namespace` and `assessments` (the assessment's
/// history record, handed over as JSON because storage may be off) as a CSV or a JSON file.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn download(namespace: &str, assessments: &str, csv: bool) {
    use alliance_widget::assessment::History;
    use alliance_widget::clock::now;
    use alliance_widget::export;
    use alliance_widget::storage::{local::LocalStore, Vault};
    use alliance_widget::survey::{History as SurveyHistory, RESPONSES};
    use std::rc::Rc;

    let survey = Vault::new(Rc::new(LocalStore::open()), namespace, "survey");
    let responses = survey.load::<SurveyHistory>(RESPONSES, now()).record.unwrap_or_default().responses;
    let history: History = serde_json::from_str(assessments).unwrap_or_default();
    let (name, kind, text) = if csv {
        ("alliance-widget-data.csv", "text/csv", export::csv(&responses, &history.assessments))
    } else {
        ("alliance-widget-data.json", "application/json", export::json(&responses, &history.assessments))
    };
    offer(name, kind, &text);
}

/// Offers `text` as a file download named `name`.
#[cfg(target_arch = "wasm32")]
fn offer(name: &str, kind: &str, text: &str) {
    use wasm_bindgen::JsCast;
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
