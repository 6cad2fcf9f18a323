//! The lazily loaded results module: `overlap_core::results` behind wasm-bindgen, nothing more.
//!
//! The app (`src/adapters/results.rs`) imports this module the first time it needs a report or
//! the team view. Every function takes strings and returns strings (or arrays of strings), so the
//! boundary between the two WebAssembly modules carries no Rust types. A link that does not
//! decode returns an empty array; the app then shows its own link error, never a blank screen.

use overlap_core::i18n::Locale;
use overlap_core::markup::controls::Surroundings;
use overlap_core::results;
use wasm_bindgen::prelude::*;

fn locale(code: &str) -> Locale {
    Locale::from_tag(code).unwrap_or_default()
}

fn around(share_base: &str, cta_text: &str, cta_url: &str) -> Surroundings {
    let cta = (!cta_url.is_empty()).then(|| (cta_text.to_string(), cta_url.to_string()));
    Surroundings { share_base: share_base.to_string(), cta }
}

/// `[html, JSON export, CSV export]` for a result fragment (`r=...`), or `[]` when the fragment
/// does not decode. An empty `cta_url` means no call to action.
#[wasm_bindgen]
pub fn report(locale_code: &str, fragment: &str, shared: bool, date: &str, share_base: &str, cta_text: &str, cta_url: &str) -> Vec<String> {
    results::report(locale(locale_code), fragment, shared, date, &around(share_base, cta_text, cta_url))
        .map(|r| vec![r.html, r.json, r.csv])
        .unwrap_or_default()
}

/// `[html, CSV export]`: the team view holding `links` and `baseline`, with the figures once
/// `combined` (the CSV is empty before).
#[wasm_bindgen]
pub fn team(locale_code: &str, links: &str, baseline: &str, threshold: u32, share_base: &str, combined: bool) -> Vec<String> {
    let (html, csv) = results::team_screen(locale(locale_code), links, baseline, threshold as usize, share_base, combined);
    vec![html, csv]
}

/// `[html, CSV export]`: only the team figures (what goes in `#ov-team-result`), for "combine".
#[wasm_bindgen]
pub fn team_result(locale_code: &str, links: &str, baseline: &str, threshold: u32, share_base: &str) -> Vec<String> {
    let out = results::team(locale(locale_code), links, baseline, threshold as usize, share_base);
    vec![out.html, out.csv]
}

/// `[html]` for a team summary fragment (`t=...`), or `[]` when it does not decode.
#[wasm_bindgen]
pub fn team_summary(locale_code: &str, fragment: &str) -> Vec<String> {
    results::team_summary(locale(locale_code), fragment).into_iter().collect()
}
