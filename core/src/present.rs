//! Presentation of a report in one locale: the rows, labels and sentences the results screen,
//! the print report and the exports show. Pure, so both locales can be checked natively to
//! carry the same numbers.

use crate::chart::{PhaseSegment, ProfileRow};
use crate::i18n::Locale;
use crate::instrument::{Dimension, Instrument, ItemKind, Owner, Phase};
use crate::response::{Answer, Response};
use crate::scoring::{PhaseReading, Report, Trigger};

/// The profile rows for charts and tables, in prerequisite order; a dimension the role is not
/// asked about reads "not asked of your role".
pub fn profile_rows(report: &Report, locale: Locale) -> Vec<ProfileRow> {
    report
        .dimensions
        .iter()
        .map(|d| ProfileRow {
            label: locale.t(&format!("dim.{}.short", d.dimension.id())).to_string(),
            score: d.score,
            band: d.band(),
            band_label: match d.band() {
                Some(b) => locale.t(&format!("ui.band.{}", b.id())).to_string(),
                None if !d.asked => locale.t("ui.results.not_asked").to_string(),
                None => locale.t("ui.band.none").to_string(),
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
            name: locale.t(&format!("phase.{}.name", p.id())).to_string(),
            span: locale.t(&format!("phase.{}.span", p.id())).to_string(),
        })
        .collect()
}

/// The sentence reading friction against the phase.
pub fn phase_reading(report: &Report, locale: Locale) -> String {
    let p = report.phase.id();
    match report.phase_reading {
        PhaseReading::Calm => locale.t(&format!("phase.{p}.calm")).to_string(),
        PhaseReading::Tense => locale.t(&format!("phase.{p}.tense")).to_string(),
        PhaseReading::NotEnough => locale.t("ui.results.phase_not_enough").to_string(),
    }
}

/// The question text of an answer key (a matrix cell or checklist part reads "Question Row").
pub fn question_text(instrument: &Instrument, locale: Locale, key: &str) -> String {
    let (id, row) = key.split_once('.').map_or((key, None), |(i, a)| (i, Some(a)));
    let text = locale.t(&format!("item.{id}.text"));
    let row_kind = match instrument.item(id).map(|i| &i.kind) {
        Some(ItemKind::Checklist { .. }) => "part",
        _ => "area",
    };
    // A dash between the question and its row, so a quoted "why" reads as two parts rather than
    // one run-on sentence ("...are in writing? — Which positions are protected").
    match row {
        Some(r) => format!("{text} \u{2014} {}", locale.t(&format!("item.{id}.{row_kind}.{r}"))),
        None => text.to_string(),
    }
}

/// An answer as the respondent saw it.
pub fn answer_text(instrument: &Instrument, locale: Locale, key: &str, answer: Answer) -> String {
    let id = key.split('.').next().unwrap_or(key);
    match answer {
        Answer::Likert(v) => locale.t(&format!("ui.likert.{v}")).to_string(),
        Answer::DontKnow => locale.t("ui.dont_know").to_string(),
        Answer::NotApplicable => locale.t("ui.not_applicable").to_string(),
        Answer::Owner(o) => owner_text(locale, o).to_string(),
        Answer::Choice(i) => match instrument.item(id).map(|it| &it.kind) {
            Some(ItemKind::Choice { options, .. }) if (i as usize) < options.len() => {
                locale.t(&format!("item.{id}.opt.{}", options[i as usize])).to_string()
            }
            Some(ItemKind::Checklist { .. }) => checklist_text(locale, i).to_string(),
            _ => "?".to_string(),
        },
    }
}

/// A checklist part's answer: in writing, not in writing, don't know.
pub fn checklist_text(locale: Locale, answer: u8) -> &'static str {
    match crate::instrument::CHECKLIST_ANSWERS.get(answer as usize) {
        Some(&"dk") | None => locale.t("ui.dont_know"),
        Some(a) => locale.t(&format!("ui.checklist.{a}")),
    }
}

pub fn owner_text(locale: Locale, owner: Owner) -> &'static str {
    locale.t(&format!("ui.owner.{}", owner.id()))
}

pub fn dimension_name(locale: Locale, d: Dimension) -> &'static str {
    locale.t(&format!("dim.{}.name", d.id()))
}

/// Why an action is on the list, in one sentence.
pub fn trigger_text(instrument: &Instrument, locale: Locale, report: &Report, trigger: Trigger) -> String {
    match trigger {
        Trigger::Barrier(d) => locale.fmt("ui.action.because_barrier", &[("dimension", dimension_name(locale, d))]),
        Trigger::LowDimension(d) => {
            let score = report.dimension(d).score.map(|s| s.to_string()).unwrap_or_default();
            locale.fmt("ui.action.because_low", &[("dimension", dimension_name(locale, d)), ("score", &score)])
        }
        Trigger::Flag(rule) => {
            let flag = instrument.red_flags().get(rule).map_or("", |f| f.id);
            locale.fmt("ui.action.because_flag", &[("flag", locale.t(&format!("flag.{flag}.text")))])
        }
        Trigger::Fallback => locale.t("ui.action.because_fallback").to_string(),
        Trigger::Answer { key, answer } => locale.fmt(
            "ui.action.because_answer",
            &[
                ("answer", &answer_text(instrument, locale, key, answer)),
                ("question", &question_text(instrument, locale, key)),
            ],
        ),
        Trigger::Phase { key, answer } => locale.fmt(
            "ui.action.because_phase",
            &[
                ("answer", &answer_text(instrument, locale, key, answer)),
                ("question", &question_text(instrument, locale, key)),
            ],
        ),
        Trigger::Withheld => locale.t("ui.action.because_withheld").to_string(),
    }
}

/// The answers as CSV-safe JSON-free rows: (question, answer) in instrument order.
pub fn answered_rows(instrument: &Instrument, locale: Locale, response: &Response) -> Vec<(String, String, String)> {
    let mut rows = Vec::new();
    for item in instrument.items {
        for key in item.answer_keys() {
            if let Some(a) = response.get(&key) {
                rows.push((
                    key.clone(),
                    question_text(instrument, locale, &key),
                    answer_text(instrument, locale, &key, a),
                ));
            }
        }
    }
    rows
}

/// Why a link could not be opened, in one sentence (the link error screen and the team view's
/// list of unreadable links).
pub fn link_error_text(locale: Locale, error: crate::share::LinkError) -> String {
    match error {
        crate::share::LinkError::UnknownVersion(v) => {
            locale.fmt("ui.link_error.unknown_version", &[("version", &v.to_string())])
        }
        e => locale.t(&format!("ui.link_error.{}", e.id())).to_string(),
    }
}

#[cfg(test)]
mod tests;
