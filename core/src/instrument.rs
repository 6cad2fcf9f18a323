//! The instrument model: roles, dimensions, sections and items, compiled in from versioned data.
//!
//! The data lives in `instrument/v<N>.toml`; build.rs validates it and emits the static tables
//! this module exposes. Item ids and their order are frozen once a version is released, because
//! share links store answers by position: a change means a new file with a new version number.

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
        match self {
            Role::InternalIt => "internal_it",
            Role::Msp => "msp",
            Role::Leadership => "leadership",
            Role::Other => "other",
        }
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
        match self {
            Dimension::Leadership => "leadership",
            Dimension::Threat => "threat",
            Dimension::Trust => "trust",
            Dimension::Knowledge => "knowledge",
            Dimension::InfoFlow => "info_flow",
            Dimension::Ownership => "ownership",
            Dimension::Roles => "roles",
            Dimension::Collaboration => "collaboration",
            Dimension::Readiness => "readiness",
        }
    }

    pub fn from_id(id: &str) -> Option<Dimension> {
        Dimension::ALL.into_iter().find(|d| d.id() == id)
    }
}

/// An answer in the ownership matrix. Code 0 means unanswered in share links, so these start at 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Owner {
    InternalIt = 1,
    Msp = 2,
    Shared = 3,
    Vendor = 4,
    Nobody = 5,
    DontKnow = 6,
}

impl Owner {
    pub const ALL: [Owner; 6] =
        [Owner::InternalIt, Owner::Msp, Owner::Shared, Owner::Vendor, Owner::Nobody, Owner::DontKnow];

    pub fn code(self) -> u8 {
        self as u8
    }

    pub fn from_code(code: u8) -> Option<Owner> {
        Owner::ALL.into_iter().find(|o| o.code() == code)
    }

    pub fn id(self) -> &'static str {
        match self {
            Owner::InternalIt => "internal_it",
            Owner::Msp => "msp",
            Owner::Shared => "shared",
            Owner::Vendor => "vendor",
            Owner::Nobody => "nobody",
            Owner::DontKnow => "dont_know",
        }
    }

    /// Nobody and Don't know are both gaps: nobody can act on the area with authority.
    pub fn is_gap(self) -> bool {
        matches!(self, Owner::Nobody | Owner::DontKnow)
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
        match self {
            Phase::Orientation => "orientation",
            Phase::Adjustment => "adjustment",
            Phase::Normalization => "normalization",
            Phase::Optimization => "optimization",
            Phase::Unknown => "unknown",
        }
    }

    /// Maps the option index of `ctx_months` (m0_2, m2_6, m6_12, m12p, dk) to a phase.
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

/// One version of the questionnaire.
#[derive(Debug)]
pub struct Instrument {
    pub version: u8,
    pub sections: &'static [Section],
    pub items: &'static [Item],
    /// (hash of the id, index into `items`), sorted by hash, for lookups by id.
    pub items_by_hash: &'static [(u32, u16)],
    pub red_flags: &'static [RedFlagRule],
    /// Sorted by priority, most urgent first.
    pub actions: &'static [ActionRule],
}

#[derive(Debug)]
pub struct Section {
    pub id: &'static str,
    /// `None` for the unscored context section.
    pub dimension: Option<Dimension>,
}

#[derive(Debug)]
pub struct Item {
    pub id: &'static str,
    /// Index into `Instrument::sections`.
    pub section: usize,
    pub dimension: Option<Dimension>,
    pub roles: RoleSet,
    pub kind: ItemKind,
}

#[derive(Debug)]
pub enum ItemKind {
    /// Five-point agreement plus a separate Don't know. `reverse` means agreeing is unhealthy.
    Likert { reverse: bool },
    /// A factual single choice; the last option is always `dk`, scored -1 (not scored).
    /// `scores` is empty for context items.
    Choice { options: &'static [&'static str], scores: &'static [i8] },
    /// Who owns each area; answers are [`Owner`]s.
    /// `keys[i]` is `"<item id>.<areas[i]>"`, the answer key of each cell, precomputed.
    Matrix { areas: &'static [&'static str], keys: &'static [&'static str] },
}

/// A red flag raised by specific answers to one item (one area, for the matrix).
#[derive(Debug)]
pub struct RedFlagRule {
    pub id: &'static str,
    /// Index into `Instrument::items`.
    pub item: usize,
    pub area: Option<usize>,
    /// Raw answer values that raise it: Likert 1..=5, choice option index, or `Owner` code.
    pub when: &'static [u8],
}

/// A recommendation and what triggers it.
#[derive(Debug)]
pub struct ActionRule {
    pub id: &'static str,
    pub priority: u16,
    /// Indices into `Instrument::red_flags`.
    pub flags: &'static [usize],
    pub dimensions: &'static [Dimension],
    /// Suggested only to fill the list up to three when few triggered actions apply.
    pub fallback: bool,
}

/// The error for an instrument version this build does not know (e.g. a link from the future).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnknownVersion(pub u8);

impl Instrument {
    /// The newest instrument: what a new assessment uses.
    pub fn current() -> &'static Instrument {
        &crate::generated::INSTRUMENT_V1
    }

    /// Every released version, oldest first. Old share links decode against their own version.
    pub fn all() -> &'static [&'static Instrument] {
        static ALL: [&Instrument; 1] = [&crate::generated::INSTRUMENT_V1];
        &ALL
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

    /// The matrix item (validated to exist exactly once).
    pub fn matrix(&self) -> &'static Item {
        self.items.iter().find(|i| matches!(i.kind, ItemKind::Matrix { .. })).expect("validated by build.rs")
    }
}

impl Item {
    /// The keys this item's answers are stored under: its id, or `id.area` per matrix area.
    pub fn answer_keys(&self) -> Vec<String> {
        match self.kind {
            ItemKind::Matrix { keys, .. } => keys.iter().map(|k| k.to_string()).collect(),
            _ => vec![self.id.to_string()],
        }
    }

    pub fn is_scored(&self) -> bool {
        match self.kind {
            ItemKind::Likert { .. } => true,
            ItemKind::Choice { scores, .. } => !scores.is_empty(),
            ItemKind::Matrix { .. } => true,
        }
    }
}

#[cfg(test)]
mod tests;
