//! Thin adapters over the browser: each owns one outside system and never panics on it.

pub mod clipboard;
pub mod config;
pub mod download;
pub mod embed;
pub mod location;
pub mod results;
pub mod storage;

/// The browser window, if there is one (there always is in the app; tests may lack parts).
pub(crate) fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// An element of the page by id, as the type asked for; `None` when absent or of another type.
pub fn by_id<T: wasm_bindgen::JsCast>(id: &str) -> Option<T> {
    wasm_bindgen::JsCast::dyn_into(window()?.document()?.get_element_by_id(id)?).ok()
}
