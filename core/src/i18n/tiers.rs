//! Which locale texts the first load carries and which only the results module needs.
//!
//! The build (`core/build/locales.rs`) splits each language into these two tiers, adding one
//! rule of its own: an older instrument version's item texts go with the results, since only
//! reports of that version's links show them. The app builds the core without the `results`
//! feature, so the second tier is not in its WebAssembly at all. The rule must stay true: every
//! key the app names in `src/`, and every text the survey screens and the app's own pieces
//! (`markup::app`) use, must be in the first tier; `i18n/tests.rs` checks both.

/// Prefixes of the keys only the results module shows: the report and its controls, the team
/// view.
pub const RESULTS_PREFIXES: [&str; 16] = [
    "ui.actor.",
    "format.",
    "action.",
    "flag.",
    "phase.",
    "dim.",
    "ui.results.",
    "ui.team.",
    "ui.shared.",
    "ui.share.",
    "ui.action.",
    "ui.band.",
    "ui.risk.",
    "ui.confidence.",
    "ui.kiosk.",
    "ui.setup.",
];

/// Keys under those prefixes that the app itself shows (`markup::app`: waiting for and failing
/// to load the results module, the way back from a link error, the buttons under the person's own
/// results), so they stay in the first tier.
pub const FIRST_LOAD_EXCEPTIONS: [&str; 6] = [
    "ui.results.edit",
    "ui.results.load_failed",
    "ui.results.load_failed_title",
    "ui.results.loading",
    "ui.results.retry",
    "ui.shared.start_own",
];

/// Keys every build carries for every language, whatever text it bundles: a language's own name
/// (the language switch lists it before its text is loaded) and the sentence that says its text
/// could not be loaded (shown in that language, to the person who asked for it).
pub const EVERY_BUILD_KEYS: [&str; 2] = ["ui.language_name", "ui.language_unavailable"];

/// Whether `key` belongs to the results tier (left out of the first load).
pub fn results_tier(key: &str) -> bool {
    RESULTS_PREFIXES.iter().any(|p| key.starts_with(p)) && !FIRST_LOAD_EXCEPTIONS.contains(&key)
}
