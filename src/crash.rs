//! A panic must not leave a dead widget: the hook replaces each widget with a short message.
//! Stored data is not touched, so a reload carries on where the visitor was.

use std::cell::RefCell;
use web_sys::Element;

thread_local! {
    /// Every element a widget was started in, on the page or in a shadow root.
    static ROOTS: RefCell<Vec<Element>> = const { RefCell::new(Vec::new()) };
}

/// Installs the hook (once; through yew, which would otherwise put its own in place on first
/// render) and remembers `root` as a place to show `message`.
pub fn watch(root: &Element, message: &'static str) {
    ROOTS.with(|roots| {
        let mut roots = roots.borrow_mut();
        if roots.is_empty() {
            yew::set_custom_panic_hook(Box::new(move |info| {
                web_sys::console::error_1(&info.to_string().into());
                ROOTS.with(|roots| roots.borrow().iter().for_each(|root| show(root, message)));
            }));
        }
        roots.push(root.clone());
    });
}

/// Stops watching `root`: its widget was unmounted.
pub fn forget(root: &Element) {
    ROOTS.with(|roots| roots.borrow_mut().retain(|watched| watched != root));
}

/// Whether `root` is watched: started, and not unmounted since.
pub fn watched(root: &Element) -> bool {
    ROOTS.with(|roots| roots.borrow().contains(root))
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
