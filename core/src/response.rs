//! One person's answers: what the flow edits, storage saves and share links carry.
//!
//! Answers are keyed by item id (matrix cells by `item.area`), so a response is readable on its
//! own and scoring can report ids it does not know instead of misreading them.
//!
//! The map is a hash map with a fast deterministic hasher and borrowed static keys where possible: scoring and
//! the team view look answers up thousands of times, and profiling showed ordered string-keyed
//! lookups dominating. Where order matters (exports, reported problems), callers sort.

use crate::instrument::{Instrument, ItemKind, Owner, Role};
use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};

/// Answers by key. Keys from the instrument are borrowed (`&'static str`), others owned.
pub type Answers = HashMap<Cow<'static, str>, Answer, KeyHash>;

/// A small, fast, deterministic hasher for short keys (the rustc "Fx" mixing step over 8-byte
/// words). No random seed is needed: the keys are instrument ids, or whatever a person pastes
/// into their own browser.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KeyHash;

pub struct KeyHasher(u64);

impl KeyHasher {
    fn mix(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.mix(u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.mix(u64::from_le_bytes(last));
        }
    }

    fn write_u8(&mut self, b: u8) {
        self.mix(b as u64);
    }
}

impl BuildHasher for KeyHash {
    type Hasher = KeyHasher;

    fn build_hasher(&self) -> KeyHasher {
        KeyHasher(0)
    }
}

/// One answer. Values are raw (not yet scored or reverse-keyed).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Answer {
    /// 1 = strongly disagree .. 5 = strongly agree.
    Likert(u8),
    /// Don't know on a Likert item (never scored as a midpoint).
    DontKnow,
    /// Not applicable on a Likert item that offers it: not scored, counted apart from don't know.
    NotApplicable,
    /// Index into the item's options (the last one is `dk`).
    Choice(u8),
    /// A cell of the ownership matrix.
    Owner(Owner),
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Response {
    pub instrument_version: u8,
    pub role: Option<Role>,
    pub answers: Answers,
}

impl Response {
    pub fn new(instrument: &Instrument, role: Option<Role>) -> Response {
        Response { instrument_version: instrument.version, role, answers: Answers::default() }
    }

    pub fn get(&self, key: &str) -> Option<Answer> {
        self.answers.get(key).copied()
    }

    pub fn set(&mut self, key: impl Into<Cow<'static, str>>, answer: Answer) {
        self.answers.insert(key.into(), answer);
    }

    pub fn clear(&mut self, key: &str) {
        self.answers.remove(key);
    }

    /// Keys of the items (and matrix cells) this respondent is shown but has not answered yet.
    pub fn unanswered(&self, instrument: &Instrument) -> Vec<String> {
        let Some(role) = self.role else { return Vec::new() };
        instrument
            .items_for(role)
            .flat_map(|i| i.answer_keys())
            .filter(|k| !self.answers.contains_key(k.as_str()))
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
            (ItemKind::Likert { .. }, None, Answer::NotApplicable) => item.not_applicable,
            (ItemKind::Choice { options, .. }, None, Answer::Choice(i)) => (i as usize) < options.len(),
            (ItemKind::Matrix { areas, owners, .. }, Some(a), Answer::Owner(o)) => {
                areas.contains(&a) && owners.contains(&o)
            }
            (ItemKind::Checklist { parts, .. }, Some(p), Answer::Choice(i)) => {
                parts.contains(&p) && (i as usize) < crate::instrument::CHECKLIST_ANSWERS.len()
            }
            _ => false,
        }
    }
}
