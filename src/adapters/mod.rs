//! Thin adapters over the browser: each owns one outside system and never panics on it.

pub mod config;
pub mod embed;
pub mod locale;
pub mod location;
pub mod modules;
pub mod storage;

/// The browser window, if there is one (there always is in the app; tests may lack parts).
pub(crate) fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// An element of the page by id, as the type asked for; `None` when absent or of another type.
pub fn by_id<T: wasm_bindgen::JsCast>(id: &str) -> Option<T> {
    wasm_bindgen::JsCast::dyn_into(window()?.document()?.get_element_by_id(id)?).ok()
}

/// The body of a `fetch` as text; an error sentence for the console when the request failed,
/// the server answered with an error status, or the body could not be read.
pub(crate) async fn fetched_text(request: js_sys::Promise) -> Result<String, String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let response = JsFuture::from(request).await.map_err(|_| "could not be fetched".to_string())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "no response".to_string())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let text = response.text().map_err(|_| "unreadable".to_string())?;
    JsFuture::from(text).await.ok().and_then(|t| t.as_string()).ok_or_else(|| "unreadable".to_string())
}
