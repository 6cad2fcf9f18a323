//! The team view's shared text: what a role group said about an area's owner, and why the room
//! must decide it. The heatmap, the pack and the register file all write these, so they read the
//! same everywhere (team module only).

use crate::aggregate::{below_threshold, TeamReport};
use crate::facilitation::{RegisterRow, Said};
use crate::i18n::{key, Locale, Plural};
use crate::instrument::Instrument;
use crate::markup::html::uint_string;

/// What one role group said about an area, in words: the owner it names most (or that no answer
/// leads), and how many of the group name it ("4 of 6"). Both are empty for a hidden group, and
/// for a shown group of which nobody answered the question.
pub struct SaidText {
    pub owner: String,
    pub agreement: String,
}

/// What a group said, in words; `threshold` is the team's, for "fewer than k answered".
pub fn said(locale: Locale, said: &Said, threshold: usize) -> SaidText {
    let none = || SaidText { owner: String::new(), agreement: String::new() };
    match said {
        Said::Shown(m) if m.of == 0 => none(),
        Said::Shown(m) => SaidText {
            owner: match m.owner {
                Some(o) => super::owner_text(locale, o).to_string(),
                None => locale.t(key::ui::team::NO_MAJORITY).to_string(),
            },
            agreement: locale.fmt(
                key::ui::team::register::AGREE_VALUE,
                &[("agree", &uint_string(m.agree as u64)), ("of", &uint_string(m.of as u64))],
            ),
        },
        Said::TooFew => SaidText {
            owner: locale.fmt(key::ui::team::TOO_FEW, &[("k", &uint_string(threshold as u64))]),
            agreement: String::new(),
        },
        Said::Hidden => none(),
    }
}

/// What a group said as one phrase, for a table cell: "MSP (4 of 6)"; "–" when a shown group's
/// members left the question unanswered; empty for a hidden group.
pub fn said_line(locale: Locale, s: &Said, threshold: usize) -> String {
    let text = said(locale, s, threshold);
    match s {
        Said::Shown(m) if m.of == 0 => "–".to_string(),
        Said::Shown(m) if m.owner.is_some() => locale.fmt(
            key::ui::team::MAJORITY,
            &[("owner", &text.owner), ("agree", &uint_string(m.agree as u64)), ("of", &uint_string(m.of as u64))],
        ),
        _ => text.owner,
    }
}

/// Why the room must decide an area's owner ("Different owners named; No clear owner"), or an
/// empty string when it need not.
pub fn decision_reasons(locale: Locale, row: &RegisterRow) -> String {
    let mut why = Vec::new();
    if row.disagreement {
        why.push(locale.t(key::ui::team::DIFFERENT_OWNERS));
    }
    if row.gap {
        why.push(locale.t(key::ui::team::register::NO_CLEAR_OWNER));
    }
    why.join("; ")
}

/// A count with its noun, in the locale's plural form ("1 link", "3 links").
pub fn counted(locale: Locale, plural: Plural, n: usize) -> String {
    locale.fmt(locale.plural_form(plural, n as u64), &[("n", &uint_string(n as u64))])
}

/// Why the team's "fix this first" names its area, in one sentence: the first area whose
/// team score is below 60, or a critical answer someone in a shown group gave on it. Empty when
/// nothing is named.
pub fn barrier_reason(instrument: &Instrument, locale: Locale, rep: &TeamReport) -> String {
    let Some(d) = rep.barrier else { return String::new() };
    let dim = &rep.dimensions[d.index()];
    if below_threshold(dim) || !dim.capped {
        let score = dim.shown_score().map(|s| uint_string(s as u64)).unwrap_or_default();
        return locale.fmt(key::ui::team::BARRIER_BELOW, &[("score", &score)]);
    }
    let flag = rep
        .flags
        .iter()
        .filter_map(|f| instrument.red_flags().get(f.rule))
        .find(|r| r.critical && r.dimension == Some(d))
        .map_or("?", |r| locale.t(r.text));
    locale.fmt(key::ui::team::BARRIER_CRITICAL, &[("flag", flag)])
}
