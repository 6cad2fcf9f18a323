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
//! One request type and one answer type (a list of strings) on purpose: every distinct future
//! and signal type costs the first load code, and the screens only need markup and file contents.

use overlap_core::i18n::Locale;
use overlap_core::markup::controls::Surroundings;

/// The results module could not be loaded or did not answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unavailable;

/// A screen the results module renders.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Request {
    /// A result fragment (`r=...`): the person's own results or a shared link.
    Report { fragment: String, shared: bool },
    /// The team view; `combined` once the person has combined the links.
    Team { combined: bool },
    /// Only the team figures, for "combine" (the form stays as it is).
    TeamResult,
    /// A team summary fragment (`t=...`).
    TeamSummary { fragment: String },
}

/// What the screens need besides the request: language, date, configuration, the team boxes.
pub struct Context {
    pub locale: Locale,
    pub date: String,
    pub around: Surroundings,
    pub threshold: usize,
    pub links: String,
    pub baseline: String,
}

/// Starts loading the results module in the background, if it is not loaded yet.
pub fn preload() {
    #[cfg(not(feature = "inline-results"))]
    lazy::results_preload();
}

/// Renders a screen: `[html, …file contents]`, or `[]` when a link does not decode. For a
/// report the files are `[JSON export (empty for a summary link), CSV export]`; for the team
/// view and its figures `[CSV export]` (empty before combining).
pub async fn render(request: &Request, cx: &Context) -> Result<Vec<String>, Unavailable> {
    // The component tests call the results module's own functions, linked in, with the same
    // arguments the lazy path sends.
    #[cfg(feature = "inline-results")]
    {
        let (cta_text, cta_url) = cx.around.cta.clone().unwrap_or_default();
        let (code, base, threshold) = (cx.locale.code(), cx.around.share_base.as_str(), cx.threshold as u32);
        return Ok(match request {
            Request::Report { fragment, shared } => overlap_results::report(code, fragment, *shared, &cx.date, base, &cta_text, &cta_url),
            Request::Team { combined } => overlap_results::team(code, &cx.links, &cx.baseline, threshold, base, *combined),
            Request::TeamResult => overlap_results::team_result(code, &cx.links, &cx.baseline, threshold, base),
            Request::TeamSummary { fragment } => overlap_results::team_summary(code, fragment),
        });
    }
    #[cfg(not(feature = "inline-results"))]
    {
        use wasm_bindgen::JsValue;
        let s = |v: &str| JsValue::from_str(v);
        let locale = s(cx.locale.code());
        let (name, args) = match request {
            Request::Report { fragment, shared } => {
                let (cta_text, cta_url) = cx.around.cta.clone().unwrap_or_default();
                let args = vec![locale, s(fragment), JsValue::from_bool(*shared), s(&cx.date), s(&cx.around.share_base), s(&cta_text), s(&cta_url)];
                ("report", args)
            }
            Request::Team { combined } => {
                let threshold = JsValue::from_f64(cx.threshold as f64);
                ("team", vec![locale, s(&cx.links), s(&cx.baseline), threshold, s(&cx.around.share_base), JsValue::from_bool(*combined)])
            }
            Request::TeamResult => {
                let threshold = JsValue::from_f64(cx.threshold as f64);
                ("team_result", vec![locale, s(&cx.links), s(&cx.baseline), threshold, s(&cx.around.share_base)])
            }
            Request::TeamSummary { fragment } => ("team_summary", vec![locale, s(fragment)]),
        };
        lazy::call(name, &args).await
    }
}

#[cfg(not(feature = "inline-results"))]
mod lazy {
    use super::Unavailable;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

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

    /// Calls an export of the results module and reads back its array of strings.
    pub async fn call(name: &str, args: &[JsValue]) -> Result<Vec<String>, Unavailable> {
        let array: js_sys::Array = args.iter().collect();
        let promise = results_call(name, array).map_err(|_| Unavailable)?;
        let value = wasm_bindgen_futures::JsFuture::from(promise).await.map_err(|_| Unavailable)?;
        let array = value.dyn_into::<js_sys::Array>().map_err(|_| Unavailable)?;
        Ok(array.iter().filter_map(|v| v.as_string()).collect())
    }
}
