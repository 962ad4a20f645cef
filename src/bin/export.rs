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
    alliance_widget::browser::offer_file(name, kind, &text);
}
