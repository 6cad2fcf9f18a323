//! Thin components, one per file, named as nouns. Each reads the view-model from context.
//!
//! The screens themselves are HTML: the survey's (welcome, role, sections, review) from
//! `overlap_core::markup` in this module, the results and team view's from the lazily loaded
//! results module. [`flow::Flow`] and [`results_screen::ResultsScreen`] host that HTML and turn
//! its events into view-model calls. Pieces with their own state in the first load (start over,
//! notices, the language switch) are Leptos components.

pub mod flow;
pub mod header;
pub mod link_error;
pub mod notice;
pub mod results_screen;
pub mod start_over;
pub mod start_own;
pub mod text;
