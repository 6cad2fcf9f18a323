//! The team module: the team view (combining result links under the anonymity rules, the
//! workshop, its printouts and files) and a team summary link's screen, loaded by the app only
//! when someone opens one of them.
//!
//! The app (`src/adapters/modules.rs`) imports this module the first time it needs it and calls
//! [`show_team`] with the element to draw into and its request as text. The markup comes from
//! `overlap_core::team`, tested natively; this crate only draws it and answers its controls
//! (`screen`).

use wasm_bindgen::prelude::*;

mod keys;
mod kiosk;
mod present;
mod screen;

// Talc instead of dlmalloc: the team view allocates for every link it decodes and combines.
#[cfg(all(target_arch = "wasm32", feature = "allocator"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Draws the screen that `request` (an encoded `overlap_core::request::Request`) asks for into
/// `host` and answers its controls, after fetching the language's text if this module does not
/// have it yet. Resolves to a `Shown` code for the app.
#[wasm_bindgen]
pub async fn show_team(host: web_sys::HtmlElement, request: String) -> u32 {
    match overlap_module::prepare(&host, &request).await {
        Ok(ready) => overlap_module::answer(screen::show(host, ready.request, ready.locale), ready.in_language),
        Err(shown) => shown.code(),
    }
}
