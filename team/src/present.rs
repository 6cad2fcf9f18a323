//! Present mode: the workshop pack's pages full screen, one at a time, for a projector in the
//! workshop room. The arrow keys, Page Up and Page Down, Home and End move between pages; Escape
//! (or the Leave button) ends it and gives focus back to the button that started it. The pages
//! are the pack's own markup; the stylesheet shows the one marked current. Nothing here panics:
//! without a pack, or without fullscreen, it does what it can.

use overlap_core::ui::{ids, names, PRESENTING};
use overlap_module::dom::by_id;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A handler of the document's key presses.
type KeyHandler = Closure<dyn FnMut(web_sys::KeyboardEvent)>;

thread_local! {
    // The keyboard handler, added to the document while presenting and removed after.
    static KEYS: RefCell<Option<KeyHandler>> = const { RefCell::new(None) };
}

fn root() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.document_element()
}

fn pages() -> Vec<web_sys::HtmlElement> {
    let Some(pack) = by_id::<web_sys::Element>(ids::PACK) else { return Vec::new() };
    let Ok(list) = pack.query_selector_all(".ov-pack-page") else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into().ok()).collect()
}

/// Starts presenting at the first page.
pub fn start() {
    let Some(root) = root() else { return };
    let _ = root.set_attribute(names::PRESENT_ATTR, PRESENTING);
    // Full screen where the browser allows it; the pages fill the window anyway.
    let _ = root.request_fullscreen();
    show(0);
    let keys = KeyHandler::new(on_key);
    if let Some(d) = web_sys::window().and_then(|w| w.document()) {
        let _ = d.add_event_listener_with_callback("keydown", keys.as_ref().unchecked_ref());
    }
    KEYS.with_borrow_mut(|k| *k = Some(keys));
}

/// Ends present mode and gives focus back to the button that started it.
pub fn stop() {
    let Some(root) = root() else { return };
    let _ = root.remove_attribute(names::PRESENT_ATTR);
    for p in pages() {
        let _ = p.remove_attribute(names::CURRENT_PAGE_ATTR);
    }
    if let Some(d) = web_sys::window().and_then(|w| w.document()) {
        if d.fullscreen_element().is_some() {
            d.exit_fullscreen();
        }
        if let Some(keys) = KEYS.with_borrow_mut(|k| k.take()) {
            let _ = d.remove_event_listener_with_callback("keydown", keys.as_ref().unchecked_ref());
        }
        if let Some(button) = by_id::<web_sys::HtmlElement>(ids::PRESENT) {
            let _ = button.focus();
        }
    }
}

/// Moves `by` pages (negative: back), staying within the pack.
pub fn step(by: isize) {
    let pages = pages();
    let current = pages.iter().position(|p| p.has_attribute(names::CURRENT_PAGE_ATTR)).unwrap_or(0);
    let last = pages.len().saturating_sub(1) as isize;
    show((current as isize + by).clamp(0, last) as usize);
}

/// Shows page `n` alone and moves focus to it, so a screen reader reads its label ("Page 2 of 5").
fn show(n: usize) {
    for (i, p) in pages().iter().enumerate() {
        if i == n {
            let _ = p.set_attribute(names::CURRENT_PAGE_ATTR, "");
            let _ = p.focus();
        } else {
            let _ = p.remove_attribute(names::CURRENT_PAGE_ATTR);
        }
    }
}

fn on_key(ev: web_sys::KeyboardEvent) {
    let handled = match ev.key().as_str() {
        "ArrowRight" | "PageDown" | "ArrowDown" => {
            step(1);
            true
        }
        "ArrowLeft" | "PageUp" | "ArrowUp" => {
            step(-1);
            true
        }
        "Home" => {
            show(0);
            true
        }
        "End" => {
            show(pages().len().saturating_sub(1));
            true
        }
        "Escape" => {
            stop();
            true
        }
        _ => false,
    };
    if handled {
        ev.prevent_default();
    }
}
