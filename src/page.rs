//! What a widget hears from the page around it: events sent to the window, such as another
//! tab's storage writes or a share link opened by changing only the address's fragment.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Passes every `name` event the window receives to `handler` while the component is shown.
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
