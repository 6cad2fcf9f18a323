//! Which locale texts the first load carries and which only the results module needs.
//!
//! build.rs compiles each language into two tables from this rule; the app builds the core
//! without the `results` feature, so the second table is not in its WebAssembly at all. The
//! lists are here, in one place, because the rule must stay true: every text the app's own
//! components name (core/tests/tidy.rs checks the literals in `src/`) and every text the survey
//! screens use (checked in i18n/tests.rs) must be in the first tier.

/// Prefixes of the keys only the results module shows: the report and its controls, the team
/// view.
pub const RESULTS_PREFIXES: [&str; 12] = [
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
];

/// Keys under those prefixes that the app's own components show (waiting for and failing to
/// load the results module, the way back from a link error), so they stay in the first tier.
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
