//! Embedding: when the app runs in an iframe, it tells the parent page its height whenever the
//! content changes, so the host can size the iframe with no inner scrollbar. It posts only to
//! the configured parent origins; the browser drops a message whose target origin does not match.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The message type the host script listens for.
pub const MESSAGE_TYPE: &str = "overlap:height";

/// Starts reporting the height to `origins` if the app is in an iframe. Does nothing otherwise.
pub fn start(origins: Vec<String>) {
    if origins.is_empty() {
        return;
    }
    let Some(window) = super::window() else { return };
    let Ok(Some(parent)) = window.parent() else { return };
    // Not embedded: the parent is the window itself.
    if js_sys::Object::is(parent.as_ref(), window.as_ref()) {
        return;
    }
    let Some(root) = window.document().and_then(|d| d.document_element()) else { return };
    // Embedded, the page is as tall as its content (no full-viewport minimum), so the height
    // can shrink as well as grow.
    let _ = root.class_list().add_1("ov-embedded");
    let measured = root.clone();
    let post = move || {
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &MESSAGE_TYPE.into());
        let height = measured.get_bounding_client_rect().height().ceil();
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        for origin in &origins {
            // Fails silently when the parent is not this origin: that is the point.
            let _ = parent.post_message(&message, origin);
        }
    };
    post();
    let callback = Closure::<dyn FnMut()>::new(post);
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(&root);
        // The observer lives as long as the page.
        std::mem::forget(observer);
    }
    callback.forget();
}
