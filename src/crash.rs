//! A panic must not leave a dead widget: the hook replaces each widget with a short message.
//! Stored data is not touched, so a reload carries on where the visitor was.

use wasm_bindgen::JsCast;
use web_sys::Element;

/// Installs the hook through yew, which would otherwise put its own in place on first render.
pub fn install(mounts: &'static str, message: &'static str) {
    yew::set_custom_panic_hook(Box::new(move |info| {
        web_sys::console::error_1(&info.to_string().into());
        let document = web_sys::window().and_then(|window| window.document());
        let Some(found) = document.and_then(|document| document.query_selector_all(mounts).ok()) else { return };
        for mount in (0..found.length()).filter_map(|index| found.item(index)?.dyn_into::<Element>().ok()) {
            show(&mount, message);
        }
    }));
}

/// Replaces what `mount` shows with `message`, announced at once.
pub fn show(mount: &Element, message: &str) {
    let Some(document) = mount.owner_document() else { return };
    let Ok(alert) = document.create_element("p") else { return };
    let _ = alert.set_attribute("role", "alert");
    let _ = alert.set_attribute("class", "aw-crash");
    alert.set_text_content(Some(message));
    mount.set_inner_html("");
    let _ = mount.append_child(&alert);
}
