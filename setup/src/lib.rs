//! The setup module: the consultant's setup screen, loaded by the app only for `#setup`.
//!
//! The app (`src/adapters/modules.rs`) imports this module when someone opens the setup screen
//! and calls [`show_setup`] with the element to draw into and its request as text. The rules
//! (validation, the files, the snippet) and the markup come from `overlap_core::setup` and
//! `overlap_core::markup::setup`, tested natively; this crate draws them and answers the form.

use wasm_bindgen::prelude::*;

mod screen;

#[cfg(all(target_arch = "wasm32", feature = "allocator"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Draws the setup screen that `request` asks for into `host` and answers its form. Resolves to a
/// `Shown` code for the app.
#[wasm_bindgen]
pub async fn show_setup(host: web_sys::HtmlElement, request: String) -> u32 {
    match overlap_module::prepare(&host, &request).await {
        Ok(ready) => overlap_module::answer(screen::show(host, ready.request, ready.locale).await, ready.in_language),
        Err(shown) => shown.code(),
    }
}
