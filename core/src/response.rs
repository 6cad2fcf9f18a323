//! One person's answers: what the flow edits, storage saves and share links carry.
//!
//! Answers are held by [`Slot`]: one place per Likert or choice item and per grid area or
//! checklist part, numbered through the instrument version's items. A response is a plain array,
//! so scoring and the team view read an answer by index, and an answer to something the
//! instrument does not ask cannot be held at all. Slots have names (`ow_matrix.backup`) only
//! where answers cross to the outside: input names, exports, carrying version 1's answers over.

use crate::instrument::{Instrument, Item, ItemKind, Owner, Role, Slot};

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
    /// By slot of the response's instrument version.
    answers: Vec<Option<Answer>>,
}

impl Response {
    pub fn new(instrument: &Instrument, role: Option<Role>) -> Response {
        Response { instrument_version: instrument.version, role, answers: vec![None; instrument.slot_count] }
    }

    pub fn get(&self, slot: Slot) -> Option<Answer> {
        self.answers.get(slot.index()).copied().flatten()
    }

    pub fn set(&mut self, slot: Slot, answer: Answer) {
        let i = slot.index();
        if i >= self.answers.len() {
            self.answers.resize(i + 1, None);
        }
        self.answers[i] = Some(answer);
    }

    pub fn clear(&mut self, slot: Slot) {
        if let Some(a) = self.answers.get_mut(slot.index()) {
            *a = None;
        }
    }

    /// Removes every answer.
    pub fn clear_all(&mut self) {
        self.answers.iter_mut().for_each(|a| *a = None);
    }

    /// Every answer given, in slot order.
    pub fn answered(&self) -> impl Iterator<Item = (Slot, Answer)> + '_ {
        self.answers.iter().enumerate().filter_map(|(i, a)| a.map(|a| (Slot(i as u16), a)))
    }

    /// How many answers are given.
    pub fn len(&self) -> usize {
        self.answers.iter().flatten().count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Keeps only the answers `keep` accepts.
    pub fn retain(&mut self, mut keep: impl FnMut(Slot, Answer) -> bool) {
        for (i, a) in self.answers.iter_mut().enumerate() {
            if a.is_some_and(|x| !keep(Slot(i as u16), x)) {
                *a = None;
            }
        }
    }

    /// The answer of a slot named as inputs and exports name it (`ow_matrix.backup`), in this
    /// response's instrument version.
    pub fn get_named(&self, name: &str) -> Option<Answer> {
        let instrument = Instrument::by_version(self.instrument_version).ok()?;
        self.get(instrument.slot_named(name)?)
    }

    /// Sets the answer of a slot named as inputs name it; a name the version does not have
    /// changes nothing (and says so).
    pub fn set_named(&mut self, name: &str, answer: Answer) -> bool {
        match Instrument::by_version(self.instrument_version).ok().and_then(|i| i.slot_named(name)) {
            Some(slot) => {
                self.set(slot, answer);
                true
            }
            None => false,
        }
    }

    /// Clears the answer of a slot named as inputs name it.
    pub fn clear_named(&mut self, name: &str) {
        if let Some(slot) = Instrument::by_version(self.instrument_version).ok().and_then(|i| i.slot_named(name)) {
            self.clear(slot);
        }
    }

    /// The slots of the items (and matrix cells) this respondent is shown but has not answered
    /// yet, in order.
    pub fn unanswered(&self, instrument: &Instrument) -> Vec<Slot> {
        let Some(role) = self.role else { return Vec::new() };
        instrument.items_for(role).flat_map(|i| i.slots()).filter(|s| self.get(*s).is_none()).collect()
    }

    /// Whether `answer` is a value the slot can hold (used by storage and share decoding).
    pub fn answer_fits(instrument: &Instrument, slot: Slot, answer: Answer) -> bool {
        instrument.slot_item(slot).is_some_and(|(item, _)| Response::fits(item, answer))
    }

    /// Whether `answer` is one that `item` offers (for any of its slots).
    pub fn fits(item: &Item, answer: Answer) -> bool {
        match (&item.kind, answer) {
            (ItemKind::Likert { .. }, Answer::Likert(v)) => (1..=5).contains(&v),
            (ItemKind::Likert { .. }, Answer::DontKnow) => true,
            (ItemKind::Likert { .. }, Answer::NotApplicable) => item.not_applicable,
            (ItemKind::Choice { options, .. }, Answer::Choice(i)) => (i as usize) < options.len(),
            (ItemKind::Matrix { owners, .. }, Answer::Owner(o)) => owners.contains(&o),
            (ItemKind::Checklist { .. }, Answer::Choice(i)) => {
                (i as usize) < crate::instrument::CHECKLIST_ANSWERS.len()
            }
            _ => false,
        }
    }
}
