//! A panic must not leave a dead widget: the hook replaces each widget with a short message.
//! Stored data is not touched, so a reload carries on where the visitor was.

use web_sys::Element;

pub fn install(mounts: Vec<Element>, message: &'static str) {
    std::panic::set_hook(Box::new(move |info| {
        web_sys::console::error_1(&info.to_string().into());
        for mount in &mounts {
            show(mount, message);
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
