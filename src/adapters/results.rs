//! The results module (`results/`, a second WebAssembly module): loaded on first use, then called.
//!
//! The survey is the first load; the report, charts, exports and team view live in
//! `overlap-results_bg.wasm`, which this adapter imports (through the loader in `boot.js`) the
//! first time they are needed, or earlier, from `preload`, once the person reaches the review
//! screen. A failed load (offline,
//! a blocked file) comes back as `Unavailable` so the screen can say so and offer to retry; the
//! answers are saved already, so nothing is lost. Built with the `inline-results` feature (the
//! component tests), the results module's functions are linked in and called directly instead.
//!
//! The module draws the screen into an element the app hands it and answers the screen's controls
//! itself (exports, copying, the team boxes), so none of that code is in the first load.

use overlap_core::i18n::Locale;
use overlap_core::markup::controls::Surroundings;
use overlap_core::ui::{ResultsView, Shown};

/// The results module could not be loaded or did not answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unavailable;

/// A screen for the results module to draw: which one, and the fragment it shows (a result
/// link's `r=...` for the own and shared results, a team link's `t=...`, nothing for the team
/// view).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    pub view: ResultsView,
    pub fragment: String,
}

/// What the screens need besides the request: language, configuration, and whether this is the
/// screen's first drawing (the team boxes start empty) or a redraw (a change of language).
pub struct Context {
    pub locale: Locale,
    pub fresh: bool,
    pub around: Surroundings,
    pub threshold: usize,
}

/// Starts loading the results module in the background, if it is not loaded yet.
pub fn preload() {
    #[cfg(not(feature = "inline-results"))]
    lazy::results_preload();
}

/// Has the results module draw a screen into `host`; from then on the module answers the
/// screen's controls itself. `Ok(Shown::LinkUnread)` when the link does not decode,
/// `Ok(Shown::InEnglish)` when the module could not load the language's text.
pub async fn show(host: &web_sys::HtmlElement, request: &Request, cx: &Context) -> Result<Shown, Unavailable> {
    let (kind, fragment) = (request.view.as_str(), request.fragment.as_str());
    let (cta_text, cta_url) =
        cx.around.cta.as_ref().map(|(t, u)| (t.clone(), u.as_str().to_string())).unwrap_or_default();
    let (code, base, threshold) = (cx.locale.code(), cx.around.share_base.as_str(), cx.threshold as u32);
    let email = cx.around.facilitator_email.clone().unwrap_or_default();
    let brand = cx.around.brand.clone().unwrap_or_default();
    let logo = cx.around.logo.as_ref().map(|l| l.as_str().to_string()).unwrap_or_default();
    // The component tests call the results module's own function, linked in, with the same
    // arguments the lazy path sends.
    #[cfg(feature = "inline-results")]
    return Shown::from_code(
        overlap_results::show(
            host.clone(),
            kind.into(),
            code.into(),
            fragment.into(),
            cx.fresh,
            base.into(),
            cta_text,
            cta_url,
            email,
            brand,
            logo,
            threshold,
        )
        .await,
    )
    .ok_or(Unavailable);
    #[cfg(not(feature = "inline-results"))]
    {
        use wasm_bindgen::JsValue;
        let s = |v: &str| JsValue::from_str(v);
        let args = [
            host.into(),
            s(kind),
            s(code),
            s(fragment),
            JsValue::from_bool(cx.fresh),
            s(base),
            s(&cta_text),
            s(&cta_url),
            s(&email),
            s(&brand),
            s(&logo),
            JsValue::from_f64(threshold as f64),
        ];
        // The module's `show` is async: boot.js's `call` chains its promise, so this is its
        // answer, a `Shown` code.
        let code = lazy::call("show", &args).await?.as_f64().ok_or(Unavailable)?;
        Shown::from_code(code as u32).ok_or(Unavailable)
    }
}

#[cfg(not(feature = "inline-results"))]
mod lazy {
    use super::Unavailable;
    use wasm_bindgen::prelude::*;

    // boot.js defines `overlapResults` (it imports the module relative to itself). If it is
    // missing, or the import fails, the call comes back as an error, never a panic.
    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(catch, js_namespace = overlapResults, js_name = call)]
        fn results_call(name: &str, args: js_sys::Array) -> Result<js_sys::Promise, JsValue>;
        #[wasm_bindgen(catch, js_namespace = overlapResults, js_name = preload)]
        fn results_preload_js() -> Result<(), JsValue>;
    }

    pub fn results_preload() {
        let _ = results_preload_js();
    }

    /// Calls an export of the results module and returns its answer.
    pub async fn call(name: &str, args: &[JsValue]) -> Result<JsValue, Unavailable> {
        let array: js_sys::Array = args.iter().collect();
        let promise = results_call(name, array).map_err(|_| Unavailable)?;
        wasm_bindgen_futures::JsFuture::from(promise).await.map_err(|_| Unavailable)
    }
}
