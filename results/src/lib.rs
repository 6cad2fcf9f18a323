//! The results module: a report (the person's own, or a shared result link) and its controls,
//! loaded by the app only when someone reaches their results or opens a result link.
//!
//! The app (`src/adapters/modules.rs`) imports this module the first time it needs it, or earlier,
//! from the review screen, and calls [`show_results`] with the element to draw into and its
//! request as text. The markup comes from `overlap_core::results`, tested natively; this crate only
//! draws it and answers its controls (`screen`).

use wasm_bindgen::prelude::*;

mod kiosk;
mod screen;

// Talc instead of dlmalloc: smaller and faster, and this module is its own WebAssembly instance
// with its own heap. Off when the app links the module in (`inline-modules`).
#[cfg(all(target_arch = "wasm32", feature = "allocator"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Draws the report that `request` (an encoded `overlap_core::request::Request`) asks for into
/// `host` and answers its controls, after fetching the language's text if this module does not
/// have it yet. Resolves to a `Shown` code for the app.
#[wasm_bindgen]
pub async fn show_results(host: web_sys::HtmlElement, request: String) -> u32 {
    match overlap_module::prepare(&host, &request).await {
        Ok(ready) => overlap_module::answer(screen::show(host, ready.request, ready.locale), ready.in_language),
        Err(shown) => shown.code(),
    }
}
