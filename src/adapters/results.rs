//! The results module (`results/`, a second WebAssembly module): loaded on first use, then called.
//!
//! The survey is the first load; the report, charts, exports and team view live in
//! `overlap-results_bg.wasm`, which this adapter imports the first time they are needed (or
//! earlier, from `preload`, once the person reaches the review screen). A failed load (offline,
//! a blocked file) comes back as `Unavailable` so the screen can say so and offer to retry; the
//! answers are saved already, so nothing is lost. Built with the `inline-results` feature (the
//! component tests), the same core functions are called directly instead.

use overlap_core::i18n::Locale;
use overlap_core::results::{ReportOutput, TeamOutput};

/// The results module could not be loaded or did not answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unavailable;

/// Starts loading the results module in the background, if it is not loaded yet.
pub fn preload() {
    #[cfg(not(feature = "inline-results"))]
    lazy::results_preload();
}

/// The report for a result fragment (`r=...`); `Ok(None)` when the fragment does not decode.
pub async fn report(locale: Locale, fragment: &str, shared: bool, date: &str) -> Result<Option<ReportOutput>, Unavailable> {
    #[cfg(feature = "inline-results")]
    return Ok(overlap_core::results::report(locale, fragment, shared, date));
    #[cfg(not(feature = "inline-results"))]
    {
        let args = [js(locale.code()), js(fragment), wasm_bindgen::JsValue::from_bool(shared), js(date)];
        let out = lazy::call("report", &args).await?;
        Ok(match <[String; 4]>::try_from(out) {
            Ok([html, summary_payload, json, csv]) => Some(ReportOutput { html, summary_payload, json, csv }),
            Err(_) => None,
        })
    }
}

/// The team view for pasted links and an optional baseline round.
pub async fn team(locale: Locale, links: &str, baseline: &str, threshold: usize) -> Result<TeamOutput, Unavailable> {
    #[cfg(feature = "inline-results")]
    return Ok(overlap_core::results::team(locale, links, baseline, threshold));
    #[cfg(not(feature = "inline-results"))]
    {
        let args = [js(locale.code()), js(links), js(baseline), wasm_bindgen::JsValue::from_f64(threshold as f64)];
        match <[String; 3]>::try_from(lazy::call("team", &args).await?) {
            Ok([html, summary_payload, csv]) => Ok(TeamOutput { html, summary_payload, csv }),
            Err(_) => Err(Unavailable),
        }
    }
}

/// The markup for a team summary fragment (`t=...`); `Ok(None)` when it does not decode.
pub async fn team_summary(locale: Locale, fragment: &str) -> Result<Option<String>, Unavailable> {
    #[cfg(feature = "inline-results")]
    return Ok(overlap_core::results::team_summary(locale, fragment));
    #[cfg(not(feature = "inline-results"))]
    {
        let out = lazy::call("team_summary", &[js(locale.code()), js(fragment)]).await?;
        Ok(out.into_iter().next())
    }
}

#[cfg(not(feature = "inline-results"))]
fn js(s: &str) -> wasm_bindgen::JsValue {
    wasm_bindgen::JsValue::from_str(s)
}

#[cfg(not(feature = "inline-results"))]
mod lazy {
    use super::Unavailable;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    // wasm-bindgen writes this snippet to `snippets/overlap-<hash>/inline0.js`, two folders below
    // the app's own files, so the results module is found relative to the snippet itself (not the
    // page, which may be a host page embedding the app). A failed import is forgotten, so the
    // next call (the screen's retry button) fetches again.
    #[wasm_bindgen(inline_js = r#"
let loading;
function load() {
  if (!loading) {
    const root = new URL('../../', import.meta.url);
    loading = import(new URL('overlap-results.js', root).href).then(async (m) => {
      await m.default({ module_or_path: new URL('overlap-results_bg.wasm', root) });
      return m;
    });
    loading.catch(() => { loading = undefined; });
  }
  return loading;
}
export function results_call(name, args) { return load().then((m) => m[name](...args)); }
export function results_preload() { load().catch(() => {}); }
"#)]
    extern "C" {
        #[wasm_bindgen(catch)]
        fn results_call(name: &str, args: js_sys::Array) -> Result<js_sys::Promise, JsValue>;
        pub fn results_preload();
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
