//! How long the assessment takes each role: the project's completion-time estimator.
//!
//! Words read at 238 a minute in English (Brysbaert 2019: average adult silent reading of
//! non-fiction) plus 4 seconds per answer (each Likert or choice item, and each matrix area and
//! checklist part), counting the welcome screen, the intros of the sections the role sees, every
//! question and its options. Another language reads the same message in more or fewer words; the
//! same review finds that reading rates in other languages follow from the number of words a
//! language needs for the same message, so a language's rate is 238 times its words over
//! English's words for the whole questionnaire (every role's texts). The figure is an estimate
//! for planning and for the welcome screen's promise, not a measurement of people.

use crate::i18n::{key, Locale};
use crate::instrument::{Instrument, ItemKind, Role};

/// Reading speed in English, words a minute.
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
    let (w, answers) = read(instrument, role, locale);
    let minutes = w as f64 / words_per_minute(instrument, locale) + answers as f64 * SECONDS_PER_ANSWER / 60.0;
    Estimate { words: w, answers, minutes }
}

/// A language's reading rate: English's, scaled by how many words the language uses for the
/// same questionnaire (see the module docs).
pub fn words_per_minute(instrument: &Instrument, locale: Locale) -> f64 {
    let total = |l: Locale| Role::ALL.iter().map(|r| read(instrument, *r, l).0).sum::<usize>() as f64;
    let english = total(Locale::En);
    if english == 0.0 {
        return WORDS_PER_MINUTE;
    }
    WORDS_PER_MINUTE * total(locale) / english
}

/// The words a role reads in a language, and the answers it gives.
fn read(instrument: &Instrument, role: Role, locale: Locale) -> (usize, usize) {
    let words = |s: &str| s.split_whitespace().count();
    let mut w: usize = [
        key::ui::welcome::LEAD,
        key::ui::welcome::DURATION,
        key::ui::welcome::PROMISE_NO_NAMES,
        key::ui::welcome::PROMISE_LOCAL,
        key::ui::welcome::PROMISE_LINK,
        key::ui::welcome::PROMISE_GROUPS,
    ]
    .iter()
    .map(|k| words(locale.t(*k)))
    .sum();
    for (s, sec) in instrument.sections.iter().enumerate() {
        if instrument.section_items(s, role).next().is_some() {
            w += words(locale.t(sec.intro));
        }
    }
    let mut answers = 0usize;
    for item in instrument.items_for(role) {
        w += words(locale.t(item.text));
        answers += item.answer_count();
        match item.kind {
            ItemKind::Likert { .. } => {}
            ItemKind::Choice { labels, .. } | ItemKind::Matrix { labels, .. } | ItemKind::Checklist { labels, .. } => {
                w += labels.iter().map(|k| words(locale.t(*k))).sum::<usize>();
            }
        }
    }
    (w, answers)
}
