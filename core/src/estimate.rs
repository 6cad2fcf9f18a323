//! How long the assessment takes each role: the project's completion-time estimator.
//!
//! Words read at 238 a minute (average adult silent reading) plus 4 seconds per answer (each
//! Likert or choice item, and each matrix area and checklist part), counting the welcome screen,
//! the intros of the sections the role sees, every question and its options. The figure is an
//! estimate for planning and for the welcome screen's promise, not a measurement of people.

use crate::i18n::Locale;
use crate::instrument::{Instrument, ItemKind, Role};

/// Reading speed, words a minute.
pub const WORDS_PER_MINUTE: f64 = 238.0;
/// Seconds to decide one answer.
pub const SECONDS_PER_ANSWER: f64 = 4.0;

/// What a role reads and decides.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Estimate {
    pub words: usize,
    pub answers: usize,
    pub minutes: f64,
}

pub fn estimate(instrument: &Instrument, role: Role, locale: Locale) -> Estimate {
    let words = |s: &str| s.split_whitespace().count();
    let mut w: usize = [
        "ui.welcome.lead",
        "ui.welcome.duration",
        "ui.welcome.promise_no_names",
        "ui.welcome.promise_local",
        "ui.welcome.promise_link",
    ]
    .iter()
    .map(|k| words(locale.t(k)))
    .sum();
    for (s, sec) in instrument.sections.iter().enumerate() {
        if instrument.section_items(s, role).next().is_some() {
            w += words(locale.t(&format!("section.{}.intro", sec.id)));
        }
    }
    let mut answers = 0usize;
    for item in instrument.items_for(role) {
        w += words(locale.t(&format!("item.{}.text", item.id)));
        answers += item.answer_count();
        match item.kind {
            ItemKind::Likert { .. } => {}
            ItemKind::Choice { options, .. } => {
                w += options.iter().map(|o| words(locale.t(&format!("item.{}.opt.{o}", item.id)))).sum::<usize>();
            }
            ItemKind::Matrix { areas, .. } => {
                w += areas.iter().map(|a| words(locale.t(&format!("item.{}.area.{a}", item.id)))).sum::<usize>();
            }
            ItemKind::Checklist { parts, .. } => {
                w += parts.iter().map(|p| words(locale.t(&format!("item.{}.part.{p}", item.id)))).sum::<usize>();
            }
        }
    }
    let minutes = w as f64 / WORDS_PER_MINUTE + answers as f64 * SECONDS_PER_ANSWER / 60.0;
    Estimate { words: w, answers, minutes }
}
