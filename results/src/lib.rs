//! The lazily loaded results module: `overlap_core::results` behind wasm-bindgen, and the results
//! screens' behaviour in the browser (`screen`).
//!
//! The app (`src/adapters/results.rs`) imports this module the first time it needs a report or
//! the team view, and calls [`show`] with the element to draw into. Arguments are strings and
//! numbers, so the boundary between the two WebAssembly modules carries no Rust types. A link
//! that does not decode returns false; the app then shows its own link error, never a blank
//! screen. The markup itself comes from `overlap_core::results`, tested natively.

use overlap_core::i18n::Locale;
use overlap_core::markup::controls::Surroundings;
use overlap_core::ui::ResultsView;
use wasm_bindgen::prelude::*;

mod screen;

// Talc instead of dlmalloc: the team view allocates for every link it decodes and combines.
#[cfg(all(target_arch = "wasm32", feature = "allocator"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn locale(code: &str) -> Locale {
    Locale::from_tag(code).unwrap_or_default()
}

fn around(share_base: &str, cta_text: &str, cta_url: &str) -> Surroundings {
    let cta = (!cta_url.is_empty()).then(|| (cta_text.to_string(), cta_url.to_string()));
    Surroundings { share_base: share_base.to_string(), cta }
}

/// Draws a results screen into `host` and answers its controls. `kind` names a
/// [`ResultsView`]; `fresh` is true the first time the app shows the screen and false when it
/// redraws it (a change of language). An empty `cta_url` means no call to action. Returns false
/// when the fragment does not decode, or when `kind` is not a view this module knows (an app and
/// a module from different releases): the app then says the link could not be read, rather than
/// this module guessing which screen was meant.
#[wasm_bindgen]
#[allow(clippy::too_many_arguments)]
pub fn show(
    host: web_sys::HtmlElement,
    kind: &str,
    locale_code: &str,
    fragment: &str,
    fresh: bool,
    share_base: &str,
    cta_text: &str,
    cta_url: &str,
    threshold: u32,
) -> bool {
    let Some(view) = ResultsView::parse(kind) else {
        web_sys::console::error_1(&format!("overlap: unknown results view `{kind}`").into());
        return false;
    };
    let request = screen::Request { view, fragment: fragment.to_string() };
    screen::show(host, request, locale(locale_code), fresh, around(share_base, cta_text, cta_url), threshold as usize)
}
