//! File downloads (JSON and CSV exports) made in the browser from a string; no server involved.

use wasm_bindgen::JsCast;

/// Offers `content` as a file named `name`. Returns false if the browser refused.
pub fn offer(name: &str, mime: &str, content: &str) -> bool {
    let Some(document) = super::window().and_then(|w| w.document()) else { return false };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return false };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return false };
    let ok = match document.create_element("a").ok().and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok()) {
        Some(a) => {
            a.set_href(&url);
            a.set_download(name);
            a.click();
            true
        }
        None => false,
    };
    // The object URL is not revoked here: Chromium may still be reading it after `click()`
    // returns, and one small blob per export is not worth a timer.
    ok
}
