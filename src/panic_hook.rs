//! The panic hook: a bug must never leave a blank page. It logs the panic to the console and
//! replaces the app with a short apology and a reload link, in the page's language.

use overlap_core::i18n::{key, Locale};

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("Overlap stopped: {info}").into());
        show_apology();
    }));
}

/// Replaces the app (or the page body) with the apology. Separate from the hook so it can be
/// tested without panicking.
pub fn show_apology() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let lang = document.document_element().and_then(|e| e.get_attribute("lang")).unwrap_or_default();
    let locale = Locale::from_tag(&lang).unwrap_or_default();
    let host = document.get_element_by_id(crate::HOST_ID).or_else(|| document.body().map(Into::into));
    if let Some(host) = host {
        // Text is set through text nodes, not HTML, so nothing in it can be interpreted.
        host.set_inner_html("");
        if let Ok(section) = document.create_element("section") {
            let _ = section.set_attribute("class", "ov-panic");
            let _ = section.set_attribute("role", "alert");
            if let Ok(h) = document.create_element("h1") {
                h.set_text_content(Some(locale.t(key::ui::panic::TITLE)));
                let _ = section.append_child(&h);
            }
            if let Ok(p) = document.create_element("p") {
                p.set_text_content(Some(locale.t(key::ui::panic::BODY)));
                let _ = section.append_child(&p);
            }
            if let Ok(a) = document.create_element("a") {
                let _ = a.set_attribute("href", "");
                a.set_text_content(Some(locale.t(key::ui::panic::RELOAD)));
                let _ = section.append_child(&a);
            }
            let _ = host.append_child(&section);
        }
    }
}
