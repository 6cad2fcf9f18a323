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
