//! The on-demand modules (`results/` and `team/`, WebAssembly modules of their own): loaded on
//! first use, then asked to draw a screen.
//!
//! The survey is the first load; a report lives in `overlap-results_bg.wasm` and the team view in
//! `overlap-team_bg.wasm`. This adapter imports the module a screen needs (through the loader in
//! `boot.js`) the first time it is needed, or earlier, from `preload`, once the person reaches the
//! review screen. It hands the module one [`Request`], encoded as text, and the element to draw
//! into; the module draws the screen and answers its controls itself, so none of that code is in
//! the first load. A failed load (offline, a blocked file) comes back as `Unavailable` so the
//! screen can say so and offer to retry; the answers are saved already, so nothing is lost. Built
//! with the `inline-modules` feature (the component tests), both modules are linked in and called
//! directly instead.

use overlap_core::request::Request;
use overlap_core::ui::{Module, Shown};

/// The module could not be loaded or did not answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unavailable;

/// The name boot.js knows a module by, and the function that draws its screens.
fn names(module: Module) -> (&'static str, &'static str) {
    match module {
        Module::Results => ("results", "show_results"),
        Module::Team => ("team", "show_team"),
        Module::Setup => ("setup", "show_setup"),
    }
}

/// Starts loading a module in the background, if it is not loaded yet.
pub fn preload(module: Module) {
    #[cfg(not(feature = "inline-modules"))]
    lazy::preload(names(module).0);
    #[cfg(feature = "inline-modules")]
    let _ = names(module);
}

/// Has the module the request's view belongs to draw it into `host`; from then on the module
/// answers the screen's controls itself. `Ok(Shown::LinkUnread)` when the link does not decode,
/// `Ok(Shown::InEnglish)` when the module could not load the language's text.
pub async fn show(host: &web_sys::HtmlElement, request: &Request) -> Result<Shown, Unavailable> {
    let module = request.view.module();
    let text = request.encode();
    // The component tests call the module's own function, linked in, with the same request.
    #[cfg(feature = "inline-modules")]
    let code = match module {
        Module::Results => overlap_results::show_results(host.clone(), text).await,
        Module::Team => overlap_team::show_team(host.clone(), text).await,
        Module::Setup => overlap_setup::show_setup(host.clone(), text).await,
    };
    #[cfg(not(feature = "inline-modules"))]
    let code = {
        let (name, function) = names(module);
        let args = [host.into(), wasm_bindgen::JsValue::from_str(&text)];
        // The module's function is async: boot.js's `call` chains its promise, so this is its
        // answer, a `Shown` code.
        let code = lazy::call(name, function, &args).await?.as_f64().ok_or(Unavailable)?;
        code as u32
    };
    Shown::from_code(code).ok_or(Unavailable)
}

#[cfg(not(feature = "inline-modules"))]
mod lazy {
    use super::Unavailable;
    use wasm_bindgen::prelude::*;

    // boot.js defines `overlapModules` (it imports each module relative to itself). If it is
    // missing, or the import fails, the call comes back as an error, never a panic.
    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(catch, js_namespace = overlapModules, js_name = call)]
        fn modules_call(module: &str, name: &str, args: js_sys::Array) -> Result<js_sys::Promise, JsValue>;
        #[wasm_bindgen(catch, js_namespace = overlapModules, js_name = preload)]
        fn modules_preload(module: &str) -> Result<(), JsValue>;
    }

    pub fn preload(module: &str) {
        let _ = modules_preload(module);
    }

    /// Calls a function of a module and returns its answer.
    pub async fn call(module: &str, name: &str, args: &[JsValue]) -> Result<JsValue, Unavailable> {
        let array: js_sys::Array = args.iter().collect();
        let promise = modules_call(module, name, array).map_err(|_| Unavailable)?;
        wasm_bindgen_futures::JsFuture::from(promise).await.map_err(|_| Unavailable)
    }
}
