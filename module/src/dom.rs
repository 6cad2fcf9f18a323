//! The page around a module's screen: finding elements, the delegated click's action, printing one
//! part of the screen, offering a file, and today's date. None of it panics on the browser: a
//! missing element or a refused API does nothing.

use overlap_core::i18n::Date;
use overlap_core::ui::{names, Action, Download, PrintMode};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The element with `id`, as `T`; `None` when there is none or it is something else.
pub fn by_id<T: JsCast>(id: &str) -> Option<T> {
    web_sys::window()?.document()?.get_element_by_id(id)?.dyn_into().ok()
}

/// The action of the button a click landed in (or on), if any.
pub fn action_of(ev: &web_sys::Event) -> Option<Action> {
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let button = target.closest(ACTION_SELECTOR).ok()??;
    Action::parse(&button.get_attribute(names::ACTION_ATTR)?)
}

const ACTION_SELECTOR: &str = "[data-action]";

/// A host's delegated handlers. Kept by the module while the host is on show; a new host replaces
/// them (and dropping the old closures is safe: the old host is gone from the page).
pub struct Handlers {
    host: web_sys::HtmlElement,
    _closures: Vec<Closure<dyn FnMut(web_sys::Event)>>,
}

impl Handlers {
    /// Attaches click, change and input handlers to `host`.
    pub fn attach(
        host: web_sys::HtmlElement,
        click: fn(web_sys::Event),
        change: fn(web_sys::Event),
        input: fn(web_sys::Event),
    ) -> Handlers {
        let closures: Vec<Closure<dyn FnMut(web_sys::Event)>> =
            [click, change, input].into_iter().map(|f| Closure::<dyn FnMut(web_sys::Event)>::new(f)).collect();
        host.set_onclick(Some(closures[0].as_ref().unchecked_ref()));
        host.set_onchange(Some(closures[1].as_ref().unchecked_ref()));
        host.set_oninput(Some(closures[2].as_ref().unchecked_ref()));
        listen_after_print();
        Handlers { host, _closures: closures }
    }

    /// Whether these are `host`'s handlers.
    pub fn serve(&self, host: &web_sys::HtmlElement) -> bool {
        &self.host == host
    }
}

thread_local! {
    // Clears the print mode once the browser has printed; added to the window once.
    static AFTER_PRINT: RefCell<Option<Closure<dyn FnMut()>>> = const { RefCell::new(None) };
}

fn listen_after_print() {
    AFTER_PRINT.with_borrow_mut(|slot| {
        if slot.is_none() {
            let clear = Closure::<dyn FnMut()>::new(|| set_print_mode(None));
            if let Some(w) = web_sys::window() {
                let _ = w.add_event_listener_with_callback("afterprint", clear.as_ref().unchecked_ref());
            }
            *slot = Some(clear);
        }
    });
}

/// Prints one part of the screen: the print stylesheet shows only what `data-print` names, until
/// the browser reports it has printed.
pub fn print(mode: PrintMode) {
    set_print_mode(Some(mode));
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

fn set_print_mode(mode: Option<PrintMode>) {
    let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) else { return };
    let _ = match mode {
        Some(m) => root.set_attribute(names::PRINT_ATTR, m.as_str()),
        None => root.remove_attribute(names::PRINT_ATTR),
    };
}

/// Offers `content` as a downloaded file, made in the browser (no server).
pub fn offer(file: impl Download, content: &str) {
    offer_named(file.name(), file.mime(), content);
}

/// Offers `content` as a downloaded file called `name`.
pub fn offer_named(name: &str, mime: &str, content: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Some(a) = document.create_element("a").ok().and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok()) {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    // The object URL is not revoked: Chromium may still be reading it after `click()` returns,
    // and one small blob per export is not worth a timer.
}

/// 32 bytes from the platform's secure random source (`crypto.getRandomValues`); `None` where
/// there is none, and nothing weaker is ever used instead.
pub fn random_bytes() -> Option<[u8; 32]> {
    let crypto = web_sys::window()?.crypto().ok()?;
    let mut bytes = [0u8; 32];
    crypto.get_random_values_with_u8_array(&mut bytes).ok()?;
    // An all-zero answer means the source did nothing: refuse rather than use a known value.
    bytes.iter().any(|b| *b != 0).then_some(bytes)
}

/// Today, by the browser's clock and time zone.
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date { year: now.get_full_year() as u16, month: now.get_month() as u8 + 1, day: now.get_date() as u8 }
}
