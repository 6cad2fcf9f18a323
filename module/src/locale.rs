//! Another language's text for the results screens: fetched from beside this module and installed
//! in the core before a screen is drawn in it, so the module bundles English only.
//!
//! A language needs two files here: its survey texts (`overlap-<code>.txt`, which the report uses
//! too, for item and section names) and its results texts (`overlap-<code>-results.txt`). This
//! module is its own WebAssembly instance with its own copy of the core, so it installs the survey
//! file even when the app already has (the browser's cache usually answers). A file that cannot be
//! fetched or is refused never panics: the caller draws in English and the console says why.

use overlap_core::i18n::{Locale, LocaleFileError};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    // The URL of this module's JavaScript: the language files sit beside it, as the module sits
    // beside boot.js, whatever page embeds the app.
    #[wasm_bindgen(thread_local_v2, js_namespace = ["import", "meta"], js_name = url)]
    static MODULE_URL: String;
}

/// Makes every text of `locale` available, fetching only the files it lacks; resolves to whether
/// it is. Both requests start before either is awaited.
pub async fn load(locale: Locale) -> bool {
    let survey = (!locale.is_loaded()).then(|| request(locale.file_name()));
    let results = (!locale.is_results_loaded()).then(|| request(locale.results_file_name()));
    let survey = match survey {
        Some((name, request)) => install(&name, request, |t| locale.install(t)).await,
        None => true,
    };
    let results = match results {
        Some((name, request)) => install(&name, request, |t| locale.install_results(t)).await,
        None => true,
    };
    survey && results
}

/// Marks the host with the language the screen is drawn in, so assistive technology reads an
/// English fallback as English inside a page in another language.
pub fn mark(host: &web_sys::HtmlElement, locale: Locale) {
    let _ = host.set_attribute("lang", locale.code());
}

/// Starts fetching a file from beside this module; `None` (reported when awaited) without a
/// window or a usable URL.
fn request(name: String) -> (String, Option<js_sys::Promise>) {
    let url = MODULE_URL.with(|base| web_sys::Url::new_with_base(&name, base).ok());
    let request = url.zip(web_sys::window()).map(|(url, w)| w.fetch_with_str(&url.href()));
    (name, request)
}

/// Awaits a file, installs it, and says in the console why not when it fails.
async fn install(
    name: &str,
    request: Option<js_sys::Promise>,
    install: impl FnOnce(&str) -> Result<(), LocaleFileError>,
) -> bool {
    let text = match request {
        Some(request) => text(request).await,
        None => Err("no window".to_string()),
    };
    match text.and_then(|t| install(&t).map_err(|e| e.reason())) {
        Ok(()) => true,
        Err(why) => {
            web_sys::console::warn_1(&format!("{name}: {why}; the results are shown in English").into());
            false
        }
    }
}

/// The body of a fetch as text; a sentence for the console when the request failed, the server
/// answered with an error status, or the body could not be read.
async fn text(request: js_sys::Promise) -> Result<String, String> {
    let response = JsFuture::from(request).await.map_err(|_| "could not be fetched".to_string())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "no response".to_string())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let body = response.text().map_err(|_| "unreadable".to_string())?;
    JsFuture::from(body).await.ok().and_then(|t| t.as_string()).ok_or_else(|| "unreadable".to_string())
}
