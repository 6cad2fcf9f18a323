//! The lazily loaded results module: `overlap_core::results` behind wasm-bindgen, and the results
//! screens' behaviour in the browser (`screen`).
//!
//! The app (`src/adapters/results.rs`) imports this module the first time it needs a report or
//! the team view, and calls [`show`] with the element to draw into. Arguments are strings and
//! numbers, so the boundary between the two WebAssembly modules carries no Rust types. A link
//! that does not decode answers [`Shown::LinkUnread`]; the app then shows its own link error,
//! never a blank screen. The markup itself comes from `overlap_core::results`, tested natively.
//!
//! The module bundles English only. Before drawing in another language it fetches that
//! language's text (`locale`); if it cannot, it draws in English and answers
//! [`Shown::InEnglish`], and the app says so in the language asked for.

use overlap_core::i18n::Locale;
use overlap_core::markup::controls::Surroundings;
use overlap_core::ui::{ResultsView, Shown};
use std::cell::Cell;
use wasm_bindgen::prelude::*;

mod locale;
mod screen;

// Talc instead of dlmalloc: the team view allocates for every link it decodes and combines.
#[cfg(all(target_arch = "wasm32", feature = "allocator"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// The configuration's strings as the app sends them: an empty string means "not configured".
/// (The app validated them but the facilitator's address; the markup escapes them anyway.)
fn around(share_base: &str, cta_text: &str, cta_url: &str, email: &str, brand: &str, logo: &str) -> Surroundings {
    let some = |s: &str| (!s.is_empty()).then(|| s.to_string());
    let url = |s: &str| overlap_core::markup::SafeUrl::new(s);
    let cta = (!cta_url.is_empty()).then(|| url(cta_url)).flatten().map(|url| (cta_text.to_string(), url));
    // The app passes the facilitator's address as configured; it is checked here, where it is
    // used, and a bad one is set aside with the same kind of warning as any other setting.
    let facilitator_email = some(email).and_then(|e| match overlap_core::config::facilitator_email(&e) {
        Ok(e) => Some(e),
        Err(warning) => {
            web_sys::console::warn_1(&format!("overlap.json: {warning}").into());
            None
        }
    });
    let share_base = url(share_base).unwrap_or_default();
    let logo = (!logo.is_empty()).then(|| url(logo)).flatten();
    Surroundings { share_base, cta, facilitator_email, brand: some(brand), logo }
}

thread_local! {
    // Counts calls to `show`, so a call that waited for a language file gives way to a later one
    // (the person changed language meanwhile) instead of drawing over it.
    static CALLS: Cell<u32> = const { Cell::new(0) };
}

/// Draws a results screen into `host` and answers its controls, after fetching the language's
/// text if this module does not have it yet. `kind` names a [`ResultsView`]; `fresh` is true the
/// first time the app shows the screen and false when it redraws it (a change of language). An
/// empty `cta_url` means no call to action. Resolves to a [`Shown`] code: `LinkUnread` when the
/// fragment does not decode, or when `kind` is not a view this module knows (an app and a module
/// from different releases), so the app says the link could not be read rather than this module
/// guessing which screen was meant; `InEnglish` when the language's text could not be had.
#[wasm_bindgen]
#[allow(clippy::too_many_arguments)]
pub async fn show(
    host: web_sys::HtmlElement,
    kind: String,
    locale_code: String,
    fragment: String,
    fresh: bool,
    share_base: String,
    cta_text: String,
    cta_url: String,
    facilitator_email: String,
    brand: String,
    logo: String,
    threshold: u32,
) -> u32 {
    let Some(view) = ResultsView::parse(&kind) else {
        web_sys::console::error_1(&format!("overlap: unknown results view `{kind}`").into());
        return Shown::LinkUnread.code();
    };
    let call = CALLS.with(|c| {
        c.set(c.get().wrapping_add(1));
        c.get()
    });
    let wanted = Locale::from_tag(&locale_code).unwrap_or_default();
    let loaded = locale::load(wanted).await;
    if CALLS.with(Cell::get) != call {
        // A later call draws the screen; this one's language is no longer wanted.
        return Shown::Drawn.code();
    }
    let drawn_in = if loaded { wanted } else { Locale::En };
    locale::mark(&host, drawn_in);
    let request = screen::Request { view, fragment };
    let around = around(&share_base, &cta_text, &cta_url, &facilitator_email, &brand, &logo);
    let shown = match screen::show(host, request, drawn_in, fresh, around, threshold as usize) {
        false => Shown::LinkUnread,
        true if loaded => Shown::Drawn,
        true => Shown::InEnglish,
    };
    shown.code()
}
