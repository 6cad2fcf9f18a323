//! The report's and the team view's shared text: band, risk and confidence names, the profile's
//! rows and the phase chart's segments, how a trigger or an answer reads (results module only).

use super::{checklist_text, owner_text, question_text};
use crate::chart::{PhaseSegment, ProfileRow};
use crate::i18n::{key, Key, Locale};
use crate::instrument::{Dimension, Instrument, ItemKind, Phase, Role, Slot};
use crate::response::{Answer, Response};
use crate::scoring::{Band, ConfidenceLevel, PhaseReading, Report, RiskLevel, Trigger};

pub fn role_letter_key(r: Role) -> Key {
    key::ui::team::letter::ROLE[r.code() as usize]
}

pub fn band_key(b: Band) -> Key {
    key::ui::band::NAME[b as usize]
}

pub fn risk_key(r: RiskLevel) -> Key {
    key::ui::risk::NAME[r as usize]
}

pub fn confidence_key(c: ConfidenceLevel) -> Key {
    key::ui::confidence::NAME[c as usize]
}

pub fn phase_index(p: Phase) -> usize {
    p as usize
}

/// The profile rows for charts and tables, in prerequisite order; a dimension the role is not
/// asked about reads "not asked of your role".
pub fn profile_rows(report: &Report, locale: Locale) -> Vec<ProfileRow> {
    report
        .dimensions
        .iter()
        .map(|d| ProfileRow {
            label: locale.t(key::dim::SHORT[d.dimension.index()]).to_string(),
            score: d.score,
            band: d.band(),
            band_label: match d.band() {
                Some(b) if d.cap_lowers_band() => {
                    locale.fmt(key::ui::results::BAND_CAPPED, &[("band", locale.t(band_key(b)))])
                }
                Some(b) => locale.t(band_key(b)).to_string(),
                None if !d.asked => locale.t(key::ui::results::NOT_ASKED).to_string(),
                None => locale.t(key::ui::band::NONE).to_string(),
            },
            range: d.range,
        })
        .collect()
}

pub fn phase_segments(locale: Locale) -> Vec<PhaseSegment> {
    Phase::TIMELINE
        .iter()
        .map(|p| PhaseSegment {
            phase: *p,
            name: locale.t(key::phase::NAME[phase_index(*p)]).to_string(),
            span: locale.t(key::phase::SPAN[phase_index(*p)]).to_string(),
        })
        .collect()
}

/// The sentence reading friction against the phase.
pub fn phase_reading(report: &Report, locale: Locale) -> String {
    let p = phase_index(report.phase);
    match report.phase_reading {
        PhaseReading::Calm => locale.t(key::phase::CALM[p]).to_string(),
        PhaseReading::Tense => locale.t(key::phase::TENSE[p]).to_string(),
        PhaseReading::NotEnough => locale.t(key::ui::results::PHASE_NOT_ENOUGH).to_string(),
    }
}

/// Why the report's "fix this first" names its dimension, in one sentence: the scores (the
/// first area, in the order problems build on each other, clearly below the line) or a critical
/// answer (named). Empty when nothing is named.
pub fn barrier_reason(instrument: &Instrument, locale: Locale, report: &Report) -> String {
    let Some(d) = report.barrier else { return String::new() };
    match (report.barrier_reason, report.barrier_flag(instrument)) {
        (Some(crate::scoring::BarrierReason::Critical), Some(f)) => {
            let flag = instrument.red_flags().get(f.rule).map_or("?", |r| locale.t(r.text));
            locale.fmt(key::ui::results::BARRIER_CRITICAL, &[("flag", flag)])
        }
        _ => {
            let score =
                report.dimension(d).score.map(|s| crate::markup::html::uint_string(s as u64)).unwrap_or_default();
            locale.fmt(key::ui::results::BARRIER_BELOW, &[("score", &score)])
        }
    }
}

/// An answer as the respondent saw it.
pub fn answer_text(instrument: &Instrument, locale: Locale, slot: Slot, answer: Answer) -> String {
    match answer {
        Answer::Likert(v) => {
            key::ui::likert::ANSWER.get((v as usize).wrapping_sub(1)).map_or("?", |k| locale.t(*k)).to_string()
        }
        Answer::DontKnow => locale.t(key::ui::DONT_KNOW).to_string(),
        Answer::NotApplicable => locale.t(key::ui::NOT_APPLICABLE).to_string(),
        Answer::Owner(o) => owner_text(locale, o).to_string(),
        Answer::Choice(i) => match instrument.slot_item(slot).map(|(it, _)| &it.kind) {
            Some(ItemKind::Choice { labels, .. }) => labels.get(i as usize).map_or("?", |k| locale.t(*k)).to_string(),
            Some(ItemKind::Checklist { .. }) => checklist_text(locale, i).to_string(),
            _ => "?".to_string(),
        },
    }
}

pub fn dimension_name(locale: Locale, d: Dimension) -> &'static str {
    locale.t(key::dim::NAME[d.index()])
}

/// Why an action is on the list, in one sentence.
pub fn trigger_text(instrument: &Instrument, locale: Locale, report: &Report, trigger: Trigger) -> String {
    match trigger {
        Trigger::Barrier(d) => {
            locale.fmt(key::ui::action::BECAUSE_BARRIER, &[("dimension", dimension_name(locale, d))])
        }
        Trigger::LowDimension(d) => {
            let score =
                report.dimension(d).score.map(|s| crate::markup::html::uint_string(s as u64)).unwrap_or_default();
            locale.fmt(key::ui::action::BECAUSE_LOW, &[("dimension", dimension_name(locale, d)), ("score", &score)])
        }
        Trigger::Flag(rule) => {
            let flag = instrument.red_flags().get(rule).map_or("?", |f| locale.t(f.text));
            locale.fmt(key::ui::action::BECAUSE_FLAG, &[("flag", flag)])
        }
        Trigger::Fallback => locale.t(key::ui::action::BECAUSE_FALLBACK).to_string(),
        Trigger::Answer { slot, answer } => locale.fmt(
            key::ui::action::BECAUSE_ANSWER,
            &[
                ("answer", &answer_text(instrument, locale, slot, answer)),
                ("question", &question_text(instrument, locale, slot)),
            ],
        ),
        Trigger::Phase { slot, answer } => locale.fmt(
            key::ui::action::BECAUSE_PHASE,
            &[
                ("answer", &answer_text(instrument, locale, slot, answer)),
                ("question", &question_text(instrument, locale, slot)),
            ],
        ),
        Trigger::Withheld => locale.t(key::ui::action::BECAUSE_WITHHELD).to_string(),
    }
}

/// The answers as rows: (answer name, question, answer) in instrument order.
pub fn answered_rows(instrument: &Instrument, locale: Locale, response: &Response) -> Vec<(String, String, String)> {
    response
        .answered()
        .map(|(slot, a)| {
            (
                instrument.slot_name(slot).to_string(),
                question_text(instrument, locale, slot),
                answer_text(instrument, locale, slot, a),
            )
        })
        .collect()
}
