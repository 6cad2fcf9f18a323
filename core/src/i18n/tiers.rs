//! Which locale texts the first load carries and which only the results module needs.
//!
//! build.rs compiles each language into two tables from this rule; the app builds the core
//! without the `results` feature, so the second table is not in its WebAssembly at all. The
//! lists are here, in one place, because the rule must stay true: every text the app's own
//! components name (core/tests/tidy.rs checks the literals in `src/`) and every text the survey
//! screens use (checked in i18n/tests.rs) must be in the first tier.

/// Prefixes of the keys only the results module shows: the report, the team view's figures.
pub const RESULTS_PREFIXES: [&str; 11] = [
    "action.", "flag.", "phase.", "dim.", "ui.results.", "ui.team.", "ui.shared.", "ui.action.",
    "ui.band.", "ui.risk.", "ui.confidence.",
];

/// Keys under those prefixes that the app's own components show (controls around the report,
/// the team view's form), so they stay in the first tier.
pub const FIRST_LOAD_EXCEPTIONS: [&str; 25] = [
    "ui.results.cta_default", "ui.results.cta_title", "ui.results.edit", "ui.results.export_csv",
    "ui.results.export_json", "ui.results.keep", "ui.results.load_failed", "ui.results.load_failed_title",
    "ui.results.loading", "ui.results.print", "ui.results.retry", "ui.shared.start_own",
    "ui.team.analyse", "ui.team.baseline_hint", "ui.team.baseline_label", "ui.team.export_csv",
    "ui.team.file_label", "ui.team.intro", "ui.team.link_intro", "ui.team.link_title",
    "ui.team.paste_hint", "ui.team.paste_label", "ui.team.print", "ui.team.summary_banner",
    "ui.team.title",
];

/// Whether `key` belongs to the results tier (left out of the first load).
pub fn results_tier(key: &str) -> bool {
    RESULTS_PREFIXES.iter().any(|p| key.starts_with(p)) && !FIRST_LOAD_EXCEPTIONS.contains(&key)
}
