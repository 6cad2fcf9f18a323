//! Thin components, one per file, named as nouns. Each reads the view-model from context.
//!
//! The screens themselves (welcome, role, sections, review, report) are HTML rendered by
//! `overlap_core::markup`; [`flow::Flow`] and [`report_view::ReportView`] host that HTML and
//! turn its events into view-model calls. Interactive pieces with their own state (sharing,
//! start over, notices, the language switch) are Leptos components.

pub mod flow;
pub mod header;
pub mod link_error;
pub mod notice;
pub mod report_view;
pub mod start_over;
pub mod start_own;
pub mod team;
pub mod text;
