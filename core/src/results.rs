//! The results module's surface: a report and its files, from what a result link holds.
//!
//! The browser app loads this part of the product only when someone reaches their results or
//! opens a result link (`results/`, a WebAssembly module of its own), so the first load carries
//! the survey alone. Each function takes what a URL fragment holds and decodes it again (the app
//! checked it already, but this module trusts nothing); a link that does not decode gives
//! `None`, never a panic. A file is made when the person asks for it, not with every drawing.

use crate::config::Surroundings;
use crate::i18n::{Date, Locale};
use crate::markup::html::Html;
use crate::markup::report::{self, Links, ReportOptions, SealedLinks};
use crate::seal::RoundKey;
use crate::share::{self, Shared};
use crate::ui::{ids, ReportFile};
use crate::{export, Instrument};

/// A round key to seal the links a report offers, and the random bytes for each seal (the full
/// link's, the summary link's), from a secure random source.
pub struct Sealing {
    pub key: RoundKey,
    pub random: [[u8; 32]; 2],
}

/// The results screen for a result fragment (`r=...`, as in a share link or saved progress): the
/// report, then its controls (call to action, share panel, keep and export). With `sealing`, the
/// links the person sends are sealed for the round.
pub fn report(
    locale: Locale,
    fragment: &str,
    shared: bool,
    date: Date,
    around: &Surroundings,
    sealing: Option<&Sealing>,
) -> Option<String> {
    let decoded = share::decode(fragment).ok()?;
    let report = decoded.report();
    let instrument = Instrument::by_version(report.instrument_version).unwrap_or(Instrument::current());
    let full = match &decoded {
        Shared::Full(response) => share::encode_full(response).unwrap_or_default(),
        Shared::Summary(_) => String::new(),
    };
    let summary = share::encode_summary(&report).unwrap_or_default();
    let mut o = Html::with_capacity(64 * 1024);
    o.raw(r#"<section class="ov-screen ov-results" aria-labelledby=""#);
    o.raw(ids::TITLE);
    o.raw(r#"" data-testid="results">"#);
    report::report(&mut o, instrument, locale, &report, &ReportOptions { shared, date });
    let sealed = sealing.map(|s| {
        let seal = |payload: &str, random| {
            if payload.is_empty() {
                return String::new();
            }
            s.key.seal_link(&[crate::share::FRAGMENT_PREFIX, payload].concat(), random).unwrap_or_default()
        };
        SealedLinks {
            full: seal(&full, s.random[0]),
            summary: seal(&summary, s.random[1]),
            fingerprint: s.key.fingerprint_text(),
        }
    });
    report::controls(&mut o, locale, around, shared, &Links { full, summary, sealed });
    o.raw("</section>");
    Some(o.into_string())
}

/// A finished report in kiosk mode: the report, then the kiosk's panel in place of the share
/// panel and the files (nothing to download or send on a shared device). `sealed` is the
/// person's result sealed to the round (`s=...`, empty when it could not be sealed), `key` the
/// round key, `kept` whether the device kept it in its collection.
pub fn kiosk_report(
    locale: Locale,
    fragment: &str,
    date: Date,
    around: &Surroundings,
    sealed: &str,
    key: RoundKey,
    kept: bool,
) -> Option<String> {
    let decoded = share::decode(fragment).ok()?;
    let report = decoded.report();
    let instrument = Instrument::by_version(report.instrument_version).unwrap_or(Instrument::current());
    let mut o = Html::with_capacity(64 * 1024);
    o.raw(r#"<section class="ov-screen ov-results" aria-labelledby=""#);
    o.raw(ids::TITLE);
    o.raw(r#"" data-testid="results">"#);
    report::report(&mut o, instrument, locale, &report, &ReportOptions { shared: false, date });
    let url = if sealed.is_empty() { String::new() } else { around.link("", sealed) };
    crate::markup::kiosk::report_panel(&mut o, locale, &url, &key.fingerprint_text(), kept);
    o.raw("</section>");
    Some(o.into_string())
}

/// A file of the report, made when asked for; `None` when the link does not decode, or for the
/// JSON file of a summary link (it carries no answers to export, and the screen offers none).
pub fn file(locale: Locale, fragment: &str, which: ReportFile) -> Option<String> {
    let decoded = share::decode(fragment).ok()?;
    let report = decoded.report();
    match (which, &decoded) {
        (ReportFile::Json, Shared::Full(response)) => {
            let instrument = Instrument::by_version(report.instrument_version).unwrap_or(Instrument::current());
            Some(export::json(instrument, response, &report, locale))
        }
        (ReportFile::Json, Shared::Summary(_)) => None,
        (ReportFile::Csv, _) => Some(export::csv(&report, locale)),
    }
}

#[cfg(test)]
pub(crate) mod tests;
