//! Presentation tests: the same report carries the same numbers in every locale.

use crate::i18n::Locale;
use crate::instrument::{Instrument, Role};
use crate::present::*;
use crate::sample::{self, Rng};
use crate::scoring::score;

#[test]
fn a_report_has_the_same_numbers_in_every_locale() {
    let mut rng = Rng::new(7);
    for _ in 0..50 {
        let r = sample::random_any(&mut rng);
        let report = score(Instrument::current(), &r);
        let en = profile_rows(&report, Locale::En);
        for locale in Locale::ALL.into_iter().filter(|l| l.is_available()) {
            let rows = profile_rows(&report, locale);
            let scores: Vec<Option<u8>> = rows.iter().map(|r| r.score).collect();
            assert_eq!(scores, en.iter().map(|r| r.score).collect::<Vec<_>>());
            assert!(rows.iter().all(|r| !r.label.is_empty() && !r.band_label.is_empty()));
        }
    }
}

#[test]
fn every_answer_of_a_full_response_has_text() {
    let r = sample::healthy(Role::InternalIt);
    for locale in Locale::ALL.into_iter().filter(|l| l.is_available()) {
        for (key, q, a) in answered_rows(Instrument::current(), locale, &r) {
            assert!(!q.is_empty() && !a.is_empty() && a != "?", "{key}");
        }
    }
}

#[test]
fn every_trigger_reads_as_a_sentence() {
    let r = sample::dont_know(Role::Leadership);
    let report = score(Instrument::current(), &r);
    for a in &report.actions {
        let text = trigger_text(Instrument::current(), Locale::En, &report, a.trigger);
        assert!(text.len() > 10 && !text.contains('{'), "{text}");
    }
    assert!(!phase_reading(&report, Locale::En).is_empty());
    assert_eq!(phase_segments(Locale::En).len(), 4);
}
