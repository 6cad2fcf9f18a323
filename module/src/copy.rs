//! Copying a field's text for the person: the Clipboard API where the page may use it, else the
//! field is focused and selected for copying by hand (clipboard access is often refused inside
//! iframes and on insecure pages). One way for the report's share link, the kiosk's collected
//! links and the setup screen's snippet. Nothing here panics on the browser.

use crate::dom::by_id;
use overlap_core::ui::names;
use wasm_bindgen::JsValue;

/// Copies the value of the input or text area `field`, then sets the text of `status` to the
/// message its `copied` data attribute carries, or, when the browser refused, selects the field
/// and shows the message of [`names::MANUAL_ATTR`].
pub fn copy_field(field: &'static str, status: &'static str, copied: &'static str) {
    let input = by_id::<web_sys::HtmlInputElement>(field);
    let area = by_id::<web_sys::HtmlTextAreaElement>(field);
    let Some(value) = input.as_ref().map(|i| i.value()).or_else(|| area.as_ref().map(|a| a.value())) else { return };
    let clipboard = web_sys::window().map(|w| w.navigator().clipboard()).filter(|c| !JsValue::from(c).is_undefined());
    wasm_bindgen_futures::spawn_local(async move {
        let done = match clipboard {
            Some(c) => wasm_bindgen_futures::JsFuture::from(c.write_text(&value)).await.is_ok(),
            None => false,
        };
        if let Some(line) = by_id::<web_sys::Element>(status) {
            let text = line.get_attribute(if done { copied } else { names::MANUAL_ATTR });
            line.set_text_content(text.as_deref());
        }
        if !done {
            if let Some(i) = &input {
                let _ = i.focus();
                i.select();
            } else if let Some(a) = &area {
                let _ = a.focus();
                a.select();
            }
        }
    });
}
