//! Thin components, one per file, named as nouns. Each reads the view-model from context.
//!
//! The screens themselves are HTML: the survey's (welcome, role, sections, review) from
//! `overlap_core::markup` in this module, the results and team view's from the lazily loaded
//! results module. [`flow::Flow`] and [`results_screen::ResultsScreen`] host that HTML and turn
//! its events into view-model calls; [`actions`] handles every button on the app's root. The
//! language switch is the one Leptos view with controls of its own.

pub mod actions;
pub mod flow;
pub mod header;
pub mod link_error;
pub mod notice;
pub mod results_screen;
