//! The fixed vocabularies of the instrument files, one list each, in code order: shared by the
//! build script (which validates the files against them and emits the tables) and the core
//! (whose enums they name), so the two can never disagree.

/// The nine scored dimensions, in prerequisite (barrier) order; `Dimension` codes index this.
pub const DIMENSIONS: [&str; 9] =
    ["leadership", "threat", "trust", "knowledge", "info_flow", "ownership", "roles", "collaboration", "readiness"];

/// Respondent roles; `Role` codes index this.
pub const ROLES: [&str; 4] = ["internal_it", "msp", "leadership", "other"];

/// Matrix answers; `Owner` code n is entry n - 1 (0 means unanswered in share links).
pub const OWNERS: [&str; 7] = ["internal_it", "msp", "shared", "vendor", "nobody", "dont_know", "shared_unwritten"];

/// The owners version 1 offered, in its display order (it had no "shared, nothing written").
pub const OWNERS_V1: [&str; 6] = ["internal_it", "msp", "shared", "vendor", "nobody", "dont_know"];

/// Engagement phases, from the months since the engagement started.
pub const PHASES: [&str; 5] = ["orientation", "adjustment", "normalization", "optimization", "unknown"];

/// A checklist part's answers, in display order; an answer is its index here.
pub const CHECKLIST_ANSWERS: [&str; 3] = ["yes", "no", "dk"];

/// What the scoring reads from context items.
pub const CONTEXTS: [&str; 2] = ["months", "size"];

/// Score bands, lowest first; `Band` codes index this.
pub const BANDS: [&str; 4] = ["critical", "at_risk", "workable", "strong"];

/// Resistance risk levels, lowest first; `RiskLevel` codes index this.
pub const RISKS: [&str; 4] = ["low", "guarded", "elevated", "high"];

/// Confidence levels, lowest first; `ConfidenceLevel` codes index this.
pub const CONFIDENCE: [&str; 3] = ["low", "medium", "high"];

/// Why a link could not be read, each with its own sentence (a newer version's link has its own,
/// with the version in it); `LinkError` codes index this.
pub const LINK_ERRORS: [&str; 7] =
    ["not_overlap", "garbled", "truncated", "altered", "sealed", "sealed_other_round", "sealed_damaged"];

/// The workshop agenda's parts, in meeting order; `Part` codes index this.
pub const AGENDA_PARTS: [&str; 6] = ["purpose", "picture", "disagreements", "ownership", "flags_actions", "close"];

/// How an alpha value reads, best first.
pub const ALPHA_READINGS: [&str; 3] = ["good", "adequate", "low"];

/// The agreement scale's five answers.
pub const LIKERT: [&str; 5] = ["1", "2", "3", "4", "5"];

/// The months, for a date in words (`format.month.<name>` in the locale files).
pub const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// Who carries out an action; `Actor` codes index this.
pub const ACTORS: [&str; 4] = ["leadership", "internal_it", "msp", "together"];
