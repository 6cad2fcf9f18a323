//! Presentation of a report in one locale: the rows, labels and sentences the results screen,
//! the print report and the exports show. Pure, so both locales can be checked natively to
//! carry the same numbers.

use crate::i18n::{key, Key, Locale};
use crate::instrument::{Instrument, ItemKind, Owner, Role, Slot};
use crate::share::LinkError;

/// The keys of the texts code picks by an enum, in one place: each enum's order is its
/// vocabulary's in `instrument/names.rs`, which the build used to make these arrays.
pub fn role_key(r: Role) -> Key {
    key::ui::role::NAME[r.code() as usize]
}

pub fn owner_key(o: Owner) -> Key {
    key::ui::owner::NAME[o.code() as usize - 1]
}

/// The question of an answer (a matrix cell or checklist part reads "Question — Row").
pub fn question_text(instrument: &Instrument, locale: Locale, slot: Slot) -> String {
    let Some((item, row)) = instrument.slot_item(slot) else { return "?".to_string() };
    let text = locale.t(item.text);
    let row = match item.kind {
        ItemKind::Matrix { labels, .. } | ItemKind::Checklist { labels, .. } => labels.get(row).map(|k| locale.t(*k)),
        _ => None,
    };
    // A dash between the question and its row, so a quoted "why" reads as two parts rather than
    // one run-on sentence ("...are in writing? — Which positions are protected").
    match row {
        Some(r) => [text, " \u{2014} ", r].concat(),
        None => text.to_string(),
    }
}

/// A checklist part's answer: in writing, not in writing, don't know.
pub fn checklist_text(locale: Locale, answer: u8) -> &'static str {
    match key::ui::checklist::NAME.get(answer as usize) {
        Some(k) => locale.t(*k),
        None => locale.t(key::ui::DONT_KNOW),
    }
}

pub fn owner_text(locale: Locale, owner: Owner) -> &'static str {
    locale.t(owner_key(owner))
}

/// Why a link could not be opened, in one sentence (the link error screen and the team view's
/// list of unreadable links).
pub fn link_error_text(locale: Locale, error: LinkError) -> String {
    let reason = |i: usize| locale.t(key::ui::link_error::REASON[i]).to_string();
    match error {
        LinkError::NotOverlap => reason(0),
        LinkError::Garbled => reason(1),
        LinkError::Truncated => reason(2),
        LinkError::Altered => reason(3),
        LinkError::Sealed => reason(4),
        LinkError::SealedOtherRound => reason(5),
        LinkError::SealedDamaged => reason(6),
        LinkError::UnknownVersion(_) => locale.t(key::ui::link_error::UNKNOWN_VERSION).to_string(),
    }
}

// What only the report and the team view show: the results module's part.
#[cfg(feature = "results")]
mod report;
#[cfg(feature = "results")]
pub use report::*;

// What the team view, its printouts and its files share: the team module's part.
#[cfg(feature = "team")]
pub mod team;

/// An ownership area's text in the person's language ("?" past the last area, which no caller
/// asks for: areas come from the same instrument).
pub fn area_name(instrument: &Instrument, locale: Locale, area: usize) -> &'static str {
    instrument.ownership.label(area).map_or("?", |k| locale.t(k))
}

#[cfg(test)]
mod tests;
