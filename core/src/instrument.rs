//! The instrument model: roles, dimensions, sections and items, compiled in from versioned data.
//!
//! The data lives in `instrument/v<N>.toml`; the build script (`build/`) validates it and emits the static tables
//! this module exposes. Item ids and their order are frozen once a version is released, because
//! share links store answers by position: a change means a new file with a new version number.

pub mod names;

use crate::i18n::Key;

/// Who is answering. The code is stored in share links, so the numbers never change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    InternalIt = 0,
    Msp = 1,
    Leadership = 2,
    Other = 3,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::InternalIt, Role::Msp, Role::Leadership, Role::Other];

    pub fn code(self) -> u8 {
        self as u8
    }

    pub fn from_code(code: u8) -> Option<Role> {
        Role::ALL.get(code as usize).copied()
    }

    /// The id used in the instrument file and in locale keys (`role.<id>`).
    pub fn id(self) -> &'static str {
        names::ROLES[self as usize]
    }

    pub fn from_id(id: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.id() == id)
    }
}

/// A set of roles as a bit mask (bit n = `Role` code n).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RoleSet(pub u8);

impl RoleSet {
    pub fn contains(self, role: Role) -> bool {
        self.0 & (1 << role.code()) != 0
    }
}

/// The nine scored dimensions. Declaration order is the prerequisite order used for the barrier
/// point, and also the order of the sections in the flow. Codes are stored in share links.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Dimension {
    Leadership = 0,
    Threat = 1,
    Trust = 2,
    Knowledge = 3,
    InfoFlow = 4,
    Ownership = 5,
    Roles = 6,
    Collaboration = 7,
    Readiness = 8,
}

impl Dimension {
    pub const ALL: [Dimension; 9] = [
        Dimension::Leadership,
        Dimension::Threat,
        Dimension::Trust,
        Dimension::Knowledge,
        Dimension::InfoFlow,
        Dimension::Ownership,
        Dimension::Roles,
        Dimension::Collaboration,
        Dimension::Readiness,
    ];

    /// The four dimensions whose weakness is resistance: the Resistance risk is built from them.
    pub const RESISTANCE: [Dimension; 4] =
        [Dimension::Threat, Dimension::Knowledge, Dimension::InfoFlow, Dimension::Trust];

    /// The dimensions that show day-to-day friction, read against the engagement phase.
    pub const FRICTION: [Dimension; 4] =
        [Dimension::Trust, Dimension::InfoFlow, Dimension::Roles, Dimension::Collaboration];

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn from_index(i: usize) -> Option<Dimension> {
        Dimension::ALL.get(i).copied()
    }

    /// The id used in the instrument file and in locale keys (`dim.<id>.name`).
    pub fn id(self) -> &'static str {
        names::DIMENSIONS[self as usize]
    }

    pub fn from_id(id: &str) -> Option<Dimension> {
        Dimension::ALL.into_iter().find(|d| d.id() == id)
    }
}

/// An answer in the ownership matrix. Code 0 means unanswered in share links, so these start at 1.
/// Which of them an instrument offers, and in what order, is its matrix's `owners` (version 1
/// had no `SharedUnwritten`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Owner {
    InternalIt = 1,
    Msp = 2,
    /// Shared, with the split in writing.
    Shared = 3,
    Vendor = 4,
    Nobody = 5,
    DontKnow = 6,
    /// Shared, with nothing written: the gray area.
    SharedUnwritten = 7,
}

impl Owner {
    pub const ALL: [Owner; 7] = [
        Owner::InternalIt,
        Owner::Msp,
        Owner::Shared,
        Owner::Vendor,
        Owner::Nobody,
        Owner::DontKnow,
        Owner::SharedUnwritten,
    ];

    pub fn code(self) -> u8 {
        self as u8
    }

    pub fn from_code(code: u8) -> Option<Owner> {
        Owner::ALL.into_iter().find(|o| o.code() == code)
    }

    pub fn id(self) -> &'static str {
        names::OWNERS[self as usize - 1]
    }

    /// Nobody, Don't know and Shared-nothing-written are gaps: nobody can act on the area with
    /// authority.
    pub fn is_gap(self) -> bool {
        matches!(self, Owner::Nobody | Owner::DontKnow | Owner::SharedUnwritten)
    }

    /// A real owner someone can be held to: the area counts as named in the score.
    pub fn is_named(self) -> bool {
        matches!(self, Owner::InternalIt | Owner::Msp | Owner::Shared | Owner::Vendor)
    }
}

/// Where the relationship is in time, from the months since the MSP engagement started.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Phase {
    Orientation,
    Adjustment,
    Normalization,
    Optimization,
    Unknown,
}

impl Phase {
    pub const TIMELINE: [Phase; 4] = [Phase::Orientation, Phase::Adjustment, Phase::Normalization, Phase::Optimization];

    pub fn id(self) -> &'static str {
        names::PHASES[self as usize]
    }

    /// Maps the option index of the months item (four bands, then `dk`) to a phase.
    pub fn from_months_option(option: Option<u8>) -> Phase {
        match option {
            Some(0) => Phase::Orientation,
            Some(1) => Phase::Adjustment,
            Some(2) => Phase::Normalization,
            Some(3) => Phase::Optimization,
            _ => Phase::Unknown,
        }
    }

    /// Friction is expected early and a warning late; Normalization sits in between.
    pub fn friction_is_expected(self) -> bool {
        matches!(self, Phase::Orientation | Phase::Adjustment)
    }
}

/// Which scoring rules a version uses. A released version keeps its rules, so its links score
/// exactly as they did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rules {
    /// The first release: actions by dimension and red flag, the plain barrier point, every role
    /// scored on every dimension.
    V1,
    /// Actions by answer, the barrier named only beyond the score's margin, roles scored only on
    /// what they can judge, phase-aware first action.
    V2,
}

/// One version of the questionnaire.
#[derive(Debug)]
pub struct Instrument {
    pub version: u8,
    pub rules: Rules,
    /// A dimension is scored from this many answered items.
    pub min_answered: u8,
    /// Per dimension (prerequisite order), the roles scored on it.
    pub scored_roles: [RoleSet; 9],
    pub sections: &'static [Section],
    pub items: &'static [Item],
    /// (hash of the id, index into `items`), sorted by hash, for lookups by id.
    pub items_by_hash: &'static [(u32, u16)],
    /// How many answers a response to this version holds at most: one per Likert or choice
    /// item, one per grid area or checklist part (see [`Slot`]).
    pub slot_count: usize,
    /// How many actions `actions()` lists (share links name actions by index).
    pub action_count: usize,
    /// The ownership matrix.
    pub ownership: Ownership,
}

/// The ownership matrix, typed: its areas (in slot order), the owners it offers (in display
/// order) and each area's text. Every version has exactly one (checked at build time).
#[derive(Debug)]
pub struct Ownership {
    /// The matrix item's index in `Instrument::items`.
    pub item: usize,
    pub areas: &'static [&'static str],
    pub owners: &'static [Owner],
    pub labels: &'static [Key],
}

impl Ownership {
    /// How many areas the matrix asks about.
    pub fn len(&self) -> usize {
        self.areas.len()
    }

    pub fn is_empty(&self) -> bool {
        self.areas.is_empty()
    }

    /// Area `area`'s text key; `None` past the last area.
    pub fn label(&self, area: usize) -> Option<Key> {
        self.labels.get(area).copied()
    }
}

/// How precise one role's score on one dimension is, from the validity simulation
/// (METHODOLOGY.md): Cronbach's alpha over its `items` scored items and the scores' spread.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Precision {
    pub role: Role,
    pub dimension: Dimension,
    pub items: u8,
    pub alpha: f64,
    pub sd: f64,
}

#[derive(Debug)]
pub struct Section {
    pub id: &'static str,
    /// `None` for the unscored context section.
    pub dimension: Option<Dimension>,
    /// Its heading and its introduction, in the locale files.
    pub title: Key,
    pub intro: Key,
}

#[derive(Debug)]
pub struct Item {
    pub id: &'static str,
    /// The item's first answer slot; a grid or checklist has one per row, in row order.
    pub slot: u16,
    /// The question, in the locale files.
    pub text: Key,
    /// Index into `Instrument::sections`.
    pub section: usize,
    pub dimension: Option<Dimension>,
    pub roles: RoleSet,
    pub kind: ItemKind,
    /// Worded identically for every role scored on the dimension: comparisons between roles
    /// use these alone.
    pub anchor: bool,
    /// A Likert item that offers "Not applicable" (a choice item offers it as option `na`).
    pub not_applicable: bool,
    /// What the scoring reads from an unscored context item.
    pub context: Option<Context>,
    /// The first release's item this one replaces with the same meaning.
    pub carry: Option<Carry>,
}

/// What a context item tells the scoring.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Context {
    /// Months since the engagement started (four bands, then don't know): the phase.
    Months,
    /// The company's headcount band.
    Size,
}

/// Where a version-1 answer goes: the old item's id and, for a choice, (old option, new option)
/// pairs; an old option not listed is not carried.
#[derive(Debug)]
pub struct Carry {
    pub from: &'static str,
    pub options: &'static [(u8, u8)],
}

#[derive(Debug)]
pub enum ItemKind {
    /// Five-point agreement plus a separate Don't know. `reverse` means agreeing is unhealthy.
    Likert { reverse: bool },
    /// A factual single choice; the last option is always `dk`, scored -1 (not scored).
    /// `scores` is empty for context items.
    Choice { options: &'static [&'static str], scores: &'static [i8], labels: &'static [Key] },
    /// Who owns each area; answers are the [`Owner`]s in `owners`, in display order.
    /// `keys[i]` is `"<item id>.<areas[i]>"`, the answer key of each cell, precomputed.
    /// `labels[i]` is area i's text.
    Matrix {
        areas: &'static [&'static str],
        keys: &'static [&'static str],
        owners: &'static [Owner],
        labels: &'static [Key],
    },
    /// Parts each answered In writing / Not in writing / Don't know (`Answer::Choice` of
    /// [`CHECKLIST_ANSWERS`]); `keys[i]` is `"<item id>.<parts[i]>"`.
    Checklist { parts: &'static [&'static str], keys: &'static [&'static str], labels: &'static [Key] },
}

/// A checklist part's answers; an answer is its index here.
pub const CHECKLIST_ANSWERS: [&str; 3] = names::CHECKLIST_ANSWERS;
/// The index of "yes" (in writing) and "no" among [`CHECKLIST_ANSWERS`].
pub const CHECKLIST_YES: u8 = 0;
pub const CHECKLIST_NO: u8 = 1;

/// Which of an item's answers a rule looks at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Selector {
    /// A Likert or choice item's one answer.
    Whole,
    /// One matrix area or checklist part (index into `areas` or `parts`).
    One(usize),
    /// Any area or part.
    Any,
    /// Every part, each answered.
    All,
}

/// Specific answers to one item: raw values, as Likert 1..=5, a choice option's index, an
/// `Owner` code, or a checklist answer's index.
#[derive(Clone, Copy, Debug)]
pub struct AnswerRule {
    /// Index into `Instrument::items`.
    pub item: usize,
    pub part: Selector,
    pub values: &'static [u8],
}

/// A red flag raised by specific answers to one item.
#[derive(Debug)]
pub struct RedFlagRule {
    pub id: &'static str,
    /// What the flag says, in the locale files.
    pub text: Key,
    pub answers: AnswerRule,
    /// Decides on its own, whatever the mean (METHODOLOGY.md, Critical answers).
    pub critical: bool,
    /// The dimension of the question that raises it (none for a context question).
    pub dimension: Option<Dimension>,
}

/// Who carries out an action.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Actor {
    Leadership,
    InternalIt,
    Msp,
    /// Internal IT and the MSP, jointly.
    Together,
}

impl Actor {
    pub const ALL: [Actor; 4] = [Actor::Leadership, Actor::InternalIt, Actor::Msp, Actor::Together];

    pub fn id(self) -> &'static str {
        names::ACTORS[self as usize]
    }
}

/// A recommendation and what triggers it.
#[derive(Debug)]
pub struct ActionRule {
    pub id: &'static str,
    /// Its title, what to do, and what done looks like, in the locale files.
    pub title: Key,
    pub detail: Key,
    pub done: Key,
    pub priority: u16,
    /// Suggested only to fill the list up to three when few triggered actions apply.
    pub fallback: bool,
    /// Rules 1: indices into `Instrument::red_flags`, and dimensions whose low score triggers it.
    pub flags: &'static [usize],
    pub dimensions: &'static [Dimension],
    /// Rules 2: the dimension it serves.
    pub dimension: Option<Dimension>,
    /// Rules 2: answers that call for it (any one present).
    pub triggers: &'static [AnswerRule],
    /// Rules 2: answers that say it is already done (any one present rules it out).
    pub in_place: &'static [AnswerRule],
    /// Rules 2: only in these phases (empty: any), and only when friction reads tense.
    pub phases: &'static [Phase],
    pub when_tense: bool,
    /// Rules 2: who carries it out (rules 1 actions name nobody).
    pub actor: Option<Actor>,
    /// The roles whose reports may offer it: those who can do it or ask for it.
    pub offer_to: RoleSet,
}

/// Where one answer lives in a response: a Likert or choice item's one answer, or one row of a
/// grid or checklist. Slots are numbered through an instrument version's items in order, so a
/// response is a plain array of answers; the name of a slot (`ow_matrix.backup`) is only for
/// what crosses to the outside (input names, exports, messages).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Slot(pub u16);

impl Slot {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// The error for an instrument version this build does not know (e.g. a link from the future).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnknownVersion(pub u8);

impl Instrument {
    /// The newest instrument: what a new assessment uses.
    pub fn current() -> &'static Instrument {
        let all = Instrument::all();
        all[all.len() - 1]
    }

    /// Every released version, oldest first. Old share links decode against their own version.
    pub fn all() -> &'static [&'static Instrument] {
        &crate::generated::INSTRUMENTS
    }

    /// The red flags. Like the actions and the precision table, they are their own tables, reached
    /// through the version, so a build that never asks for them (the survey app) does not carry
    /// them.
    pub fn red_flags(&self) -> &'static [RedFlagRule] {
        crate::generated::red_flags(self.version)
    }

    /// The actions, sorted by priority, most urgent first.
    pub fn actions(&self) -> &'static [ActionRule] {
        crate::generated::actions(self.version)
    }

    /// The simulated reliability of each role x dimension score (`instrument/precision/`).
    pub fn precision(&self) -> &'static [Precision] {
        crate::generated::precision(self.version)
    }

    /// Whether `role` is scored on `dimension` (sees its items and gets a score).
    pub fn scores(&self, role: Role, dimension: Dimension) -> bool {
        self.scored_roles[dimension.index()].contains(role)
    }

    /// The simulated precision of `role`'s score on `dimension`, if this version has a table.
    pub fn precision_of(&self, role: Role, dimension: Dimension) -> Option<&'static Precision> {
        self.precision().iter().find(|p| p.role == role && p.dimension == dimension)
    }

    /// The context item of a kind (validated to exist exactly once).
    pub fn context_item(&self, context: Context) -> Option<&'static Item> {
        self.items.iter().find(|i| i.context == Some(context))
    }

    pub fn by_version(version: u8) -> Result<&'static Instrument, UnknownVersion> {
        Instrument::all().iter().copied().find(|i| i.version == version).ok_or(UnknownVersion(version))
    }

    pub fn item(&self, id: &str) -> Option<&'static Item> {
        self.item_index(id).map(|i| &self.items[i])
    }

    pub fn item_index(&self, id: &str) -> Option<usize> {
        let h = crate::i18n::hash(id);
        let k = self.items_by_hash.binary_search_by(|(x, _)| x.cmp(&h)).ok()?;
        let i = self.items_by_hash[k].1 as usize;
        (self.items[i].id == id).then_some(i)
    }

    /// Items a role is shown, in order.
    pub fn items_for(&self, role: Role) -> impl Iterator<Item = &'static Item> + '_ {
        self.items.iter().filter(move |i| i.roles.contains(role))
    }

    /// Items of one section that a role is shown.
    pub fn section_items(&self, section: usize, role: Role) -> impl Iterator<Item = &'static Item> + '_ {
        self.items_for(role).filter(move |i| i.section == section)
    }

    /// The item a slot belongs to, and the slot's row within it (0 for a one-answer item).
    pub fn slot_item(&self, slot: Slot) -> Option<(&'static Item, usize)> {
        let k = self.items.partition_point(|i| i.slot <= slot.0).checked_sub(1)?;
        let item = &self.items[k];
        let row = (slot.0 - item.slot) as usize;
        (row < item.answer_count()).then_some((item, row))
    }

    /// The slot an answer input stands for: inputs are named [`names::ANSWER_PREFIX`] and the
    /// slot's index (`q:12`); `None` for another name, or a slot this version does not have (a
    /// page from another release).
    ///
    /// [`names::ANSWER_PREFIX`]: crate::ui::names::ANSWER_PREFIX
    pub fn input_slot(&self, name: &str) -> Option<Slot> {
        let index: u16 = name.strip_prefix(crate::ui::names::ANSWER_PREFIX)?.parse().ok()?;
        ((index as usize) < self.slot_count).then_some(Slot(index))
    }

    /// The name of a slot (`ctx_size`, `ow_matrix.backup`), as exports name answers.
    pub fn slot_name(&self, slot: Slot) -> &'static str {
        self.slot_item(slot).and_then(|(item, row)| item.keys().get(row).copied()).unwrap_or("?")
    }

    /// The slot a name stands for (an item id, or `id.row` for a grid area or checklist part).
    pub fn slot_named(&self, name: &str) -> Option<Slot> {
        let (id, row) = name.split_once('.').map_or((name, None), |(i, r)| (i, Some(r)));
        let item = self.item(id)?;
        match (&item.kind, row) {
            (ItemKind::Matrix { areas: rows, .. } | ItemKind::Checklist { parts: rows, .. }, Some(r)) => {
                rows.iter().position(|x| *x == r).map(|k| Slot(item.slot + k as u16))
            }
            (ItemKind::Likert { .. } | ItemKind::Choice { .. }, None) => Some(Slot(item.slot)),
            _ => None,
        }
    }

    /// The dimensions a critical red flag can be raised on, in order (a summary link carries one
    /// bit for each: capped or not).
    pub fn critical_dimensions(&self) -> impl Iterator<Item = Dimension> + '_ {
        Dimension::ALL.into_iter().filter(|d| self.red_flags().iter().any(|f| f.critical && f.dimension == Some(*d)))
    }

    /// The matrix item (validated to exist exactly once): its roles and answer slots. What it
    /// asks about is [`Instrument::ownership`].
    pub fn matrix(&self) -> &'static Item {
        &self.items[self.ownership.item]
    }
}

impl Item {
    /// The item's answer slots, one per answer it asks for.
    pub fn slots(&self) -> impl Iterator<Item = Slot> + '_ {
        (self.slot..self.slot + self.answer_count() as u16).map(Slot)
    }

    /// The names of the item's answers: its id, or `id.area` per matrix area (`id.part` per
    /// checklist part), in slot order.
    pub fn keys(&'static self) -> &'static [&'static str] {
        match self.kind {
            ItemKind::Matrix { keys, .. } | ItemKind::Checklist { keys, .. } => keys,
            _ => std::slice::from_ref(&self.id),
        }
    }

    pub fn is_scored(&self) -> bool {
        match self.kind {
            ItemKind::Likert { .. } | ItemKind::Matrix { .. } | ItemKind::Checklist { .. } => true,
            ItemKind::Choice { scores, .. } => !scores.is_empty(),
        }
    }

    /// How many answers the item asks for: one, or one per matrix area or checklist part.
    pub fn answer_count(&self) -> usize {
        match self.kind {
            ItemKind::Matrix { keys, .. } | ItemKind::Checklist { keys, .. } => keys.len(),
            _ => 1,
        }
    }
}

#[cfg(test)]
mod tests;
