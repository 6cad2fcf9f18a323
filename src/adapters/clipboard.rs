//! Copying a share link: the Clipboard API where allowed, otherwise the caller shows the link
//! selected in a text field (clipboard access is often denied inside iframes).

use wasm_bindgen_futures::JsFuture;

/// Tries the asynchronous Clipboard API; `false` means "show the select-the-text fallback".
pub async fn copy(text: &str) -> bool {
    let Some(w) = super::window() else { return false };
    let clipboard = w.navigator().clipboard();
    // `navigator.clipboard` is undefined in insecure contexts; calling into it would throw.
    if wasm_bindgen::JsValue::from(clipboard.clone()).is_undefined() {
        return false;
    }
    JsFuture::from(clipboard.write_text(text)).await.is_ok()
}

/// Selects the text of an input so the user can copy it with the keyboard or menu.
pub fn select_input(id: &str) {
    if let Some(input) = super::by_id::<web_sys::HtmlInputElement>(id) {
        let _ = input.focus();
        input.select();
    }
}
