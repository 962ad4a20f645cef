//! Keyboard focus that follows the visitor through a flow.

use wasm_bindgen::JsCast;
use yew::prelude::*;

/// After a step change made by the visitor, moves focus to the new step's heading; after a
/// refused "next", to the reminder. A first load moves nothing, so a host page keeps its
/// scroll position.
#[hook]
pub fn use_step_focus<Step: PartialEq + 'static>(root: &NodeRef, step: Step, moved: bool, reminders: u32) {
    let root = root.clone();
    use_effect_with((step, moved, reminders), move |(_, moved, reminders)| {
        if *reminders > 0 {
            focus_first(&root, ".aw-error");
        } else if *moved {
            focus_first(&root, ".aw-step-heading");
        }
    });
}

/// Moves keyboard focus to the first element under `root` matching `selector`, if any.
fn focus_first(root: &NodeRef, selector: &str) {
    let target = root
        .cast::<web_sys::Element>()
        .and_then(|root| root.query_selector(selector).ok().flatten())
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(target) = target {
        // Focus is a courtesy: a failure leaves it where the visitor had it.
        let _ = target.focus();
    }
}
