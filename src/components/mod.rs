//! Thin components, one per file, named as nouns. Each reads the view-model from context.
//!
//! No component draws controls as Leptos views: the screens and pieces are HTML from the core.
//! The survey's screens (welcome, role, sections, review) and the app's own pieces (header,
//! notice, start over, link error, the results' waiting and could-not-load screens, the buttons
//! under the person's own results) come from `overlap_core::markup` and are hosted here. The
//! results are drawn by the lazily loaded results module, the team view and a team summary by the
//! team module, into
//! the element [`on_demand::OnDemandScreen`] gives them, and each module answers its controls
//! itself. The app's events reach the view-model by delegation: [`actions`] carries out the
//! app's buttons from one click handler on its root, [`flow::Flow`] turns answers (change
//! events) into view-model calls, and [`header::Header`] the language switch's choice (the
//! switch is a native select in the header's markup).

pub mod actions;
pub mod flow;
pub mod header;
pub mod link_error;
pub mod notice;
pub mod on_demand;
