//! The results module (`results/`, a second WebAssembly module): loaded on first use, then called.
//!
//! The survey is the first load; the report, charts, exports and team view live in
//! `overlap-results_bg.wasm`, which this adapter imports the first time they are needed (or
//! earlier, from `preload`, once the person reaches the review screen). A failed load (offline,
//! a blocked file) comes back as `Unavailable` so the screen can say so and offer to retry; the
//! answers are saved already, so nothing is lost. Built with the `inline-results` feature (the
//! component tests), the same core functions are called directly instead.

use overlap_core::i18n::Locale;
use overlap_core::markup::controls::Surroundings;

/// The results module could not be loaded or did not answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unavailable;

/// A rendered screen and the files it offers for download.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Screen {
    pub html: String,
    /// The JSON export (empty when there is none) and the CSV export.
    pub json: String,
    pub csv: String,
}

/// Starts loading the results module in the background, if it is not loaded yet.
pub fn preload() {
    #[cfg(not(feature = "inline-results"))]
    lazy::results_preload();
}

/// The results screen for a result fragment (`r=...`); `Ok(None)` when it does not decode.
pub async fn report(locale: Locale, fragment: &str, shared: bool, date: &str, around: &Surroundings) -> Result<Option<Screen>, Unavailable> {
    #[cfg(feature = "inline-results")]
    return Ok(overlap_core::results::report(locale, fragment, shared, date, around).map(|r| Screen { html: r.html, json: r.json, csv: r.csv }));
    #[cfg(not(feature = "inline-results"))]
    {
        let (cta_text, cta_url) = around.cta.clone().unwrap_or_default();
        let args = [
            js(locale.code()),
            js(fragment),
            wasm_bindgen::JsValue::from_bool(shared),
            js(date),
            js(&around.share_base),
            js(&cta_text),
            js(&cta_url),
        ];
        Ok(match <[String; 3]>::try_from(lazy::call("report", &args).await?) {
            Ok([html, json, csv]) => Some(Screen { html, json, csv }),
            Err(_) => None,
        })
    }
}

/// The team view's heading and form, holding `links` and `baseline`.
pub async fn team_form(locale: Locale, links: &str, baseline: &str) -> Result<String, Unavailable> {
    #[cfg(feature = "inline-results")]
    return Ok(overlap_core::results::team_form(locale, links, baseline));
    #[cfg(not(feature = "inline-results"))]
    lazy::call("team_form", &[js(locale.code()), js(links), js(baseline)]).await?.into_iter().next().ok_or(Unavailable)
}

/// The team figures for pasted links and an optional baseline round (no JSON export).
pub async fn team(locale: Locale, links: &str, baseline: &str, threshold: usize, share_base: &str) -> Result<Screen, Unavailable> {
    #[cfg(feature = "inline-results")]
    return {
        let out = overlap_core::results::team(locale, links, baseline, threshold, share_base);
        Ok(Screen { html: out.html, json: String::new(), csv: out.csv })
    };
    #[cfg(not(feature = "inline-results"))]
    {
        let args = [js(locale.code()), js(links), js(baseline), wasm_bindgen::JsValue::from_f64(threshold as f64), js(share_base)];
        match <[String; 2]>::try_from(lazy::call("team", &args).await?) {
            Ok([html, csv]) => Ok(Screen { html, json: String::new(), csv }),
            Err(_) => Err(Unavailable),
        }
    }
}

/// The screen for a team summary fragment (`t=...`); `Ok(None)` when it does not decode.
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
