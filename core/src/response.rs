//! One person's answers: what the flow edits, storage saves and share links carry.
//!
//! Answers are keyed by item id (matrix cells by `item.area`), so a response is readable on its
//! own and scoring can report ids it does not know instead of misreading them.

use crate::instrument::{Instrument, ItemKind, Owner, Role};
use std::collections::BTreeMap;

/// One answer. Values are raw (not yet scored or reverse-keyed).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Answer {
    /// 1 = strongly disagree .. 5 = strongly agree.
    Likert(u8),
    /// Don't know on a Likert item (never scored as a midpoint).
    DontKnow,
    /// Index into the item's options (the last one is `dk`).
    Choice(u8),
    /// A cell of the ownership matrix.
    Owner(Owner),
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Response {
    pub instrument_version: u8,
    pub role: Option<Role>,
    pub answers: BTreeMap<String, Answer>,
}

impl Response {
    pub fn new(instrument: &Instrument, role: Option<Role>) -> Response {
        Response { instrument_version: instrument.version, role, answers: BTreeMap::new() }
    }

    pub fn get(&self, key: &str) -> Option<Answer> {
        self.answers.get(key).copied()
    }

    pub fn set(&mut self, key: impl Into<String>, answer: Answer) {
        self.answers.insert(key.into(), answer);
    }

    pub fn clear(&mut self, key: &str) {
        self.answers.remove(key);
    }

    /// The option index chosen for a choice item, if any.
    pub fn choice(&self, key: &str) -> Option<u8> {
        match self.get(key) {
            Some(Answer::Choice(i)) => Some(i),
            _ => None,
        }
    }

    /// Keys of the items (and matrix cells) this respondent is shown but has not answered yet.
    pub fn unanswered(&self, instrument: &Instrument) -> Vec<String> {
        let Some(role) = self.role else { return Vec::new() };
        instrument
            .items_for(role)
            .flat_map(|i| i.answer_keys())
            .filter(|k| !self.answers.contains_key(k))
            .collect()
    }

    /// Whether `answer` is a value the item can hold (used by storage and share decoding).
    pub fn answer_fits(instrument: &Instrument, key: &str, answer: Answer) -> bool {
        let (id, area) = match key.split_once('.') {
            Some((id, area)) => (id, Some(area)),
            None => (key, None),
        };
        let Some(item) = instrument.item(id) else { return false };
        match (&item.kind, area, answer) {
            (ItemKind::Likert { .. }, None, Answer::Likert(v)) => (1..=5).contains(&v),
            (ItemKind::Likert { .. }, None, Answer::DontKnow) => true,
            (ItemKind::Choice { options, .. }, None, Answer::Choice(i)) => (i as usize) < options.len(),
            (ItemKind::Matrix { areas, .. }, Some(a), Answer::Owner(_)) => areas.contains(&a),
            _ => false,
        }
    }
}
