//! Team aggregation: many decoded share links into one picture, computed locally, with the
//! anonymity rule applied before any figure leaves this module.
//!
//! [`collect`] reads pasted text (links one per line or inside prose): every fragment found is a
//! result, a duplicate of a result, or unreadable with its reason. [`aggregate`] computes, per
//! dimension, a team score in which each role group counts once (so the largest group does not
//! outvote the rest) and the spread of individuals; the comparisons between role groups on the
//! anchor items every role is asked in the same words; the ownership map; red-flag counts; the
//! actions the answers call for; and Cronbach's alpha on the anchors.
//!
//! One rule decides whose answers enter each of those figures (`Rule`): a role group's answers
//! enter a figure only when at least the threshold of its members answered what the figure is
//! about, and nobody else's do. A group smaller than the threshold is hidden whole and counted
//! nowhere, not even in totals, so neither its answers nor its size can be read or worked out by
//! the people who read the result (leadership knows its own answers, so pooling a hidden person
//! with the reading group would give them away). METHODOLOGY.md states the rule and its sources.

use crate::instrument::{AnswerRule, Dimension, Instrument, Item, ItemKind, Owner, Role, RoleSet, Selector};
use crate::response::{Answer, Response};
use crate::scoring::{raw_value, worth, Band, Report, Worth, BARRIER_THRESHOLD, CRITICAL_CAP};
use crate::seal::{self, SealError, SecretRoundKey};
use crate::share::{self, LinkError, Shared};

pub use crate::config::{DEFAULT_THRESHOLD, MIN_THRESHOLD};
/// Owner answers counted per area, indexed by `Owner::code() - 1`.
pub const OWNERS: usize = Owner::ALL.len();
/// Cronbach's alpha is shown from this many people (MEASUREMENT.md: below about 30 it is
/// unstable); below it the view says how many more it needs.
pub const ALPHA_MIN_N: usize = 30;
/// A difference between two groups' anchor means counts as a gap only when it is at least this
/// many points (half a band) and beyond what the groups' sizes can resolve (Welch's 95% bound).
pub const MIN_GAP_POINTS: f64 = 10.0;
/// The two-sided 95% normal quantile used for that bound.
pub const GAP_Z: f64 = 1.96;
/// How many single-question disagreements the workshop lists.
pub const MAX_DISAGREEMENTS: usize = 3;
/// How many team actions it lists.
pub const MAX_TEAM_ACTIONS: usize = 5;
/// An ownership area is a gap when at least this many people, and at least `GAP_SHARE_PERCENT`
/// of those who answered it, say Nobody, Don't know or Shared-nothing-written.
pub const GAP_MIN_PEOPLE: usize = 2;
pub const GAP_SHARE_PERCENT: usize = 20;

/// One respondent as the team view sees them.
#[derive(Clone, Debug)]
pub struct Member {
    role: Option<Role>,
    /// The member's own report, for a link whose answers the team figures cannot read item by
    /// item (a summary link, or an older version's full link): its dimension scores are used as
    /// they are. `None` for a full link of the current version, which is never scored whole
    /// (the team figures score it from the answers its group may show).
    report: Option<Report>,
    /// Present for full links only.
    pub response: Option<Response>,
}

impl Member {
    pub fn role(&self) -> Option<Role> {
        self.role
    }

    /// Whether the member's link carries every answer of this instrument version.
    pub fn is_full(&self, instrument_version: u8) -> bool {
        self.response.as_ref().is_some_and(|r| r.instrument_version == instrument_version)
    }

    /// The answers, when they are a full link of this instrument version (item-level figures come
    /// from these; an older version's link counts for its dimension scores only).
    fn answers(&self, instrument: &Instrument) -> Option<&Response> {
        self.response.as_ref().filter(|r| r.instrument_version == instrument.version)
    }
}

/// The result of reading pasted text. Every fragment found is exactly one of: a member, a
/// duplicate of a member, or unreadable.
#[derive(Clone, Debug, Default)]
pub struct Collected {
    pub members: Vec<Member>,
    /// Results pasted again (the same link), counted once.
    pub duplicates: usize,
    /// (the text that failed, why), for every unreadable fragment, repeats included.
    pub invalid: Vec<(String, LinkError)>,
}

impl Collected {
    /// How many fragments were found: results + duplicates + unreadable.
    pub fn found(&self) -> usize {
        self.members.len() + self.duplicates + self.invalid.len()
    }
}

/// Reads links from free text: every `#r=` payload, plus any line that looks like a URL but
/// holds none (unreadable: not an Overlap link). A payload that decodes and was seen before is a
/// duplicate; one that does not decode is unreadable every time it appears.
pub fn collect(text: &str) -> Collected {
    collect_with(text, &[])
}

/// [`collect`], also opening sealed links (`#s=`) with the round keys held: an opened one
/// counts as the result link inside it (so the same result sent plain and sealed counts once);
/// one for another round's key, or one that does not open, is unreadable with its reason.
pub fn collect_with(text: &str, keys: &[SecretRoundKey]) -> Collected {
    let mut out = Collected::default();
    let mut seen: std::collections::BTreeSet<String> = Default::default();
    let mut take = |out: &mut Collected, payload: &str, shown: &str| {
        if seen.contains(payload) {
            out.duplicates += 1;
            return;
        }
        match share::decode(payload) {
            Ok(shared) => {
                seen.insert(payload.to_string());
                out.members.push(member(shared));
            }
            Err(e) => out.invalid.push((shown.to_string(), e)),
        }
    };
    for line in text.lines() {
        let (plain, sealed) = (share::find_links(line), seal::find_links(line));
        if plain.is_empty() && sealed.is_empty() {
            let l = line.trim();
            if l.contains("://") || l.starts_with('#') {
                out.invalid.push((l.to_string(), LinkError::NotOverlap));
            }
            continue;
        }
        for payload in plain {
            take(&mut out, payload, payload);
        }
        for s in sealed {
            match seal::open_link(s, keys) {
                Ok(opened) => take(&mut out, &opened, s),
                Err(SealError::OtherRound) => out.invalid.push((s.to_string(), LinkError::SealedOtherRound)),
                Err(_) => out.invalid.push((s.to_string(), LinkError::SealedDamaged)),
            }
        }
    }
    out
}

fn member(shared: Shared) -> Member {
    match shared {
        Shared::Full(r) if r.instrument_version == Instrument::current().version => {
            Member { role: r.role, report: None, response: Some(r) }
        }
        other => {
            let report = other.report();
            let response = match other {
                Shared::Full(r) => Some(r),
                Shared::Summary(_) => None,
            };
            Member { role: report.role, report: Some(report), response }
        }
    }
}

/// Median and interquartile range (quartiles by linear interpolation, R type 7).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spread {
    pub n: usize,
    pub median: f64,
    pub q1: f64,
    pub q3: f64,
}

pub fn spread(values: &[f64]) -> Option<Spread> {
    if values.is_empty() {
        return None;
    }
    let mut v = values.to_vec();
    crate::order::sort_by(&mut v, f64::total_cmp);
    let q = |p: f64| {
        let h = (v.len() - 1) as f64 * p;
        let (lo, hi) = (h.floor() as usize, h.ceil() as usize);
        v[lo] + (h - lo as f64) * (v[hi] - v[lo])
    };
    Some(Spread { n: v.len(), median: q(0.5), q1: q(0.25), q3: q(0.75) })
}

/// One role group: shown when at least the threshold of people are in it. A hidden group's size
/// is never kept (it is 0 here), so nothing downstream can print or work it out.
#[derive(Clone, Debug, PartialEq)]
pub struct RoleGroup {
    pub role: Role,
    /// People in the group when it is shown; 0 when it is hidden.
    pub n: usize,
    pub shown: bool,
    /// Per dimension (prerequisite order), the mean of the members' scores, where at least the
    /// threshold of members have one; empty when the group is hidden.
    pub means: Vec<Option<f64>>,
}

impl RoleGroup {
    /// Whether the group's figures are shown.
    pub fn is_shown(&self) -> bool {
        self.shown
    }

    /// A group whose figures are withheld.
    pub fn hidden(role: Role) -> RoleGroup {
        RoleGroup { role, n: 0, shown: false, means: Vec::new() }
    }
}

/// One dimension for the team: the role-balanced score and the spread of individuals.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TeamDimension {
    pub dimension: Dimension,
    /// The mean of the group means of the groups whose figure on this dimension is shown: each
    /// counts once, so the largest group does not outvote the rest.
    pub score: Option<f64>,
    /// Median and quartiles of the individual scores behind it (each person once).
    pub spread: Option<Spread>,
    /// How many groups the score averages.
    pub groups: usize,
    /// A critical red flag was raised on this dimension by someone in a shown group: its band is
    /// capped at "At risk" and it is a candidate for "fix this first" (METHODOLOGY.md).
    pub capped: bool,
}

impl TeamDimension {
    /// The team score as every output shows it: a whole number (METHODOLOGY.md, One number
    /// per thing).
    pub fn shown_score(&self) -> Option<u8> {
        self.score.map(whole)
    }

    /// The band of the shown score, capped by a critical answer.
    pub fn band(&self) -> Option<Band> {
        self.shown_score().map(|s| if self.capped { Band::of(s).min(CRITICAL_CAP) } else { Band::of(s) })
    }
}

/// A team figure on 0-100 as every screen and printout shows it: a whole number. It is rounded
/// from the figure in tenths, which is what the CSV files (one decimal, their columns say so)
/// and the team summary link carry, so every output rounds the same tenths the same way and a
/// 22.45 never reads 22 in one place and 23 in another.
pub fn whole(v: f64) -> u8 {
    tenths(v).round().clamp(0.0, 100.0) as u8
}

/// A team figure to a tenth of a point, half away from zero.
pub fn tenths(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// One group's answers to a dimension's anchor items: people, mean and standard deviation of
/// their anchor scores (each person's mean over the anchors they answered).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GroupStat {
    pub role: Role,
    pub n: usize,
    pub mean: f64,
    pub sd: f64,
}

/// Two shown groups compared on a dimension's anchors (the same questions, the same words).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PerceptionGap {
    pub dimension: Dimension,
    pub higher: GroupStat,
    pub lower: GroupStat,
    /// Higher mean minus lower mean.
    pub size: f64,
    /// Whether the difference is a gap: at least `MIN_GAP_POINTS` and beyond `GAP_Z` standard
    /// errors of the difference (Welch).
    pub gap: bool,
}

/// What one shown group says owns an area most often, and how many of it say so.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Majority {
    pub role: Role,
    /// `None` when two answers tie.
    pub owner: Option<Owner>,
    pub agree: usize,
    pub of: usize,
}

/// One ownership area.
#[derive(Clone, Debug, PartialEq)]
pub struct AreaRow {
    pub area: usize,
    /// Answers counted (indexed by `Owner::code() - 1`) over the groups whose figure on the area
    /// is shown.
    pub counts: [usize; OWNERS],
    /// Per group whose figure on the area is shown.
    pub by_role: Vec<(Role, [usize; OWNERS])>,
    pub majority: Vec<Majority>,
    /// The majority owners of shown groups differ.
    pub disagreement: bool,
    /// A real share of people say Nobody, Don't know or Shared-nothing-written.
    pub gap: bool,
}

impl AreaRow {
    pub fn answered(&self) -> usize {
        self.counts.iter().sum()
    }

    pub fn gap_answers(&self) -> usize {
        Owner::ALL.iter().filter(|o| o.is_gap()).map(|o| self.counts[o.code() as usize - 1]).sum()
    }
}

/// Two shown groups far apart on one anchor question: what the workshop discusses first.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Disagreement {
    /// Index into `Instrument::items`.
    pub item: usize,
    pub higher: GroupStat,
    pub lower: GroupStat,
    /// Each group's most common answer (ties: the one given first among the group's answers).
    pub higher_answer: Option<Answer>,
    pub lower_answer: Option<Answer>,
    pub size: f64,
    pub gap: bool,
}

/// An action the team's answers call for: how many of the people who answered its questions
/// gave an answer that calls for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ActionCount {
    /// Index into `Instrument::actions()`.
    pub rule: usize,
    pub count: usize,
    pub of: usize,
}

/// A red flag: how many of the people who answered its question raised it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FlagCount {
    /// Index into `Instrument::red_flags()`.
    pub rule: usize,
    pub count: usize,
    pub of: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Alpha {
    pub dimension: Dimension,
    /// People with at least two anchor answers.
    pub n: usize,
    pub items: usize,
    /// Shown from `ALPHA_MIN_N` people; `None` below it (or when undefined).
    pub value: Option<f64>,
}

impl Alpha {
    /// How many more people the figure needs before it is shown.
    pub fn needs(&self) -> usize {
        ALPHA_MIN_N.saturating_sub(self.n)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct TeamReport {
    pub instrument_version: u8,
    pub threshold: usize,
    /// People in shown groups: every total the company sees counts these only.
    pub n: usize,
    /// Of them, full links of this instrument version (item-level figures come from these).
    pub n_full: usize,
    /// No group has enough people: no figure is shown at all.
    pub suppressed: bool,
    pub dimensions: Vec<TeamDimension>,
    pub barrier: Option<Dimension>,
    /// Every role, in role order, shown or hidden.
    pub roles: Vec<RoleGroup>,
    /// Comparisons between shown groups on anchors, largest first.
    pub gaps: Vec<PerceptionGap>,
    pub ownership: Vec<AreaRow>,
    /// Raised flags whose figure is shown, most common first.
    pub flags: Vec<FlagCount>,
    /// The flags whose figure is shown (raised or not): what a later round can be compared with.
    pub flags_assessed: Vec<usize>,
    pub alpha: Vec<Alpha>,
    /// Hidden roles whose own questions' figures are therefore withheld.
    pub withheld: Vec<Role>,
    /// The largest differences between shown groups on single anchor questions, largest first
    /// (gaps before differences the group sizes cannot resolve); at most `MAX_DISAGREEMENTS`.
    pub disagreements: Vec<Disagreement>,
    /// The actions the team's answers call for most often, subject to the same rule.
    pub actions: Vec<ActionCount>,
}

impl TeamReport {
    /// A report with its counts, every group hidden and no figures, which the aggregation (for a
    /// suppressed team) and the team-link decoder fill in.
    pub fn empty(instrument_version: u8, threshold: usize, n: usize, n_full: usize, suppressed: bool) -> TeamReport {
        TeamReport {
            instrument_version,
            threshold,
            n,
            n_full,
            suppressed,
            dimensions: Dimension::ALL
                .into_iter()
                .map(|dimension| TeamDimension { dimension, score: None, spread: None, groups: 0, capped: false })
                .collect(),
            barrier: None,
            roles: Role::ALL.into_iter().map(RoleGroup::hidden).collect(),
            gaps: Vec::new(),
            ownership: Vec::new(),
            flags: Vec::new(),
            flags_assessed: Vec::new(),
            alpha: Vec::new(),
            withheld: Vec::new(),
            disagreements: Vec::new(),
            actions: Vec::new(),
        }
    }

    pub fn shown(&self) -> impl Iterator<Item = &RoleGroup> {
        self.roles.iter().filter(|g| g.is_shown())
    }
}

/// How a figure counts the people who answered its question: every answer (a count of owners
/// or of raised flags, where Don't know is an answer too), or only answers with a score (a mean,
/// where Don't know and Not applicable are left out).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Counted {
    Answered,
    Scored,
}

/// One member as the rule sees them.
struct Person<'a> {
    member: &'a Member,
    role: Role,
    /// The answers by slot (see [`Slots`]), for a full link of this instrument version.
    answers: Option<Vec<Option<Answer>>>,
    /// Per dimension, the person's score from the questions that pass for their group.
    scores: [Option<f64>; 9],
    /// Per dimension, the mean of the anchor items that pass for their group.
    anchors: [Option<f64>; 9],
}

/// Where each item's answers start among the instrument's slots (`start[i]` for item `i`).
struct Slots {
    start: Vec<usize>,
    len: usize,
}

impl Slots {
    fn of(instrument: &Instrument) -> Slots {
        Slots { start: instrument.items.iter().map(|i| i.slot as usize).collect(), len: instrument.slot_count }
    }

    /// The answers of a response by slot: only items its role is shown, only valid values.
    fn dense(&self, instrument: &Instrument, response: &Response) -> Vec<Option<Answer>> {
        let mut out = vec![None; self.len];
        for item in instrument.items.iter().filter(|i| response.role.is_none_or(|r| i.roles.contains(r))) {
            for slot in item.slots() {
                out[slot.index()] = response.get(slot).filter(|a| Response::fits(item, *a));
            }
        }
        out
    }
}

/// What one answer to one key is worth on 0-100, or `None` (unanswered, Don't know, Not
/// applicable). A grid area is 100 when an owner is named and 0 when it is not, a checklist part
/// 100 in writing and 0 not, so an item's score is the mean of its keys' worths, as in scoring.
fn key_worth(item: &Item, answer: Option<Answer>) -> Option<f64> {
    match (&item.kind, answer) {
        (ItemKind::Matrix { .. }, Some(Answer::Owner(Owner::DontKnow))) => None,
        (ItemKind::Matrix { .. }, Some(Answer::Owner(o))) => Some(if o.is_named() { 100.0 } else { 0.0 }),
        (kind, a) => match worth(kind, a) {
            Worth::Score(s) => Some(s),
            _ => None,
        },
    }
}

/// The anonymity rule, in one place: the members of each role group, and for each group which
/// answers may enter a figure. A group's answers enter a figure only when at least `threshold`
/// of its members answered what the figure is about; nobody else's answers enter it.
/// METHODOLOGY.md (Anonymity) states the rule and why.
struct Rule<'a> {
    instrument: &'static Instrument,
    threshold: usize,
    slots: Slots,
    people: Vec<Person<'a>>,
    /// Per role: how many of its members answered each slot, and how many with a score.
    answered: [Vec<usize>; 4],
    scored: [Vec<usize>; 4],
    /// Per role: whether the group itself is shown (at least `threshold` members).
    shown: [bool; 4],
    /// Per role and dimension, the scored items the role is asked (`scored_items`) and the
    /// anchor items among them: found once, not once per person.
    scored_items: [[Vec<usize>; 9]; 4],
    anchor_items: [[Vec<usize>; 9]; 4],
}

impl<'a> Rule<'a> {
    fn new(instrument: &'static Instrument, members: &'a [Member], threshold: usize) -> Rule<'a> {
        let slots = Slots::of(instrument);
        let mut people: Vec<Person<'a>> = members
            .iter()
            .filter_map(|m| {
                let role = m.role()?;
                let answers = m.answers(instrument).map(|r| slots.dense(instrument, r));
                Some(Person { member: m, role, answers, scores: [None; 9], anchors: [None; 9] })
            })
            .collect();
        let mut answered = [(); 4].map(|_| vec![0usize; slots.len]);
        let mut scored = [(); 4].map(|_| vec![0usize; slots.len]);
        let mut sizes = [0usize; 4];
        for p in &people {
            let r = p.role.code() as usize;
            sizes[r] += 1;
            let Some(a) = &p.answers else { continue };
            for (i, item) in instrument.items.iter().enumerate() {
                for k in 0..item.keys().len() {
                    let s = slots.start[i] + k;
                    if a[s].is_some() {
                        answered[r][s] += 1;
                    }
                    if key_worth(item, a[s]).is_some() {
                        scored[r][s] += 1;
                    }
                }
            }
        }
        let shown = sizes.map(|n| n >= threshold);
        let items_of = |role: Role, d: Dimension, anchors: bool| -> Vec<usize> {
            let asked = |i: &Item| i.dimension == Some(d) && i.roles.contains(role);
            let wanted = |i: &Item| if anchors { i.anchor } else { i.is_scored() };
            instrument.items.iter().enumerate().filter(|(_, i)| asked(i) && wanted(i)).map(|(k, _)| k).collect()
        };
        let scored_items = Role::ALL.map(|r| Dimension::ALL.map(|d| items_of(r, d, false)));
        let anchor_items = Role::ALL.map(|r| Dimension::ALL.map(|d| items_of(r, d, true)));
        let mut rule = Rule {
            instrument,
            threshold,
            slots,
            people: Vec::new(),
            answered,
            scored,
            shown,
            scored_items,
            anchor_items,
        };
        for p in &mut people {
            for d in Dimension::ALL {
                p.scores[d.index()] = rule.person_score(p, d);
                p.anchors[d.index()] = rule.anchor_score(p, d);
            }
        }
        rule.people = people;
        rule
    }

    /// Whether a group's answers to a slot may enter a figure that counts people this way.
    fn passes(&self, role: Role, slot: usize, counted: Counted) -> bool {
        let r = role.code() as usize;
        let n = match counted {
            Counted::Answered => self.answered[r][slot],
            Counted::Scored => self.scored[r][slot],
        };
        self.shown[r] && n >= self.threshold
    }

    /// An item's score for one person from the keys that pass for their group.
    fn item_score(&self, role: Role, item: usize, answers: &[Option<Answer>]) -> Option<f64> {
        let it = &self.instrument.items[item];
        let (mut sum, mut n) = (0.0, 0usize);
        for k in 0..it.keys().len() {
            let s = self.slots.start[item] + k;
            if !self.passes(role, s, Counted::Scored) {
                continue;
            }
            if let Some(w) = key_worth(it, answers[s]) {
                sum += w;
                n += 1;
            }
        }
        (n > 0).then(|| sum / n as f64)
    }

    /// A person's score on a dimension, as the team view uses it: their own report's score,
    /// computed the same way (the mean of their scored items, rounded, from `min_answered`
    /// items) but only from the questions enough of their group answered. A summary link or an
    /// older version's link carries no answers, so its own score is used.
    fn person_score(&self, p: &Person, d: Dimension) -> Option<f64> {
        let Some(answers) = &p.answers else {
            return p.member.report.as_ref().and_then(|r| r.dimension(d).score).map(f64::from);
        };
        if !self.shown[p.role.code() as usize] {
            return None;
        }
        let asked = &self.scored_items[p.role.code() as usize][d.index()];
        let items: Vec<f64> = asked.iter().filter_map(|k| self.item_score(p.role, *k, answers)).collect();
        (items.len() >= self.instrument.min_answered as usize)
            .then(|| (items.iter().sum::<f64>() / items.len() as f64).round().clamp(0.0, 100.0))
    }

    /// A person's mean over a dimension's anchor items that pass for their group.
    fn anchor_score(&self, p: &Person, d: Dimension) -> Option<f64> {
        let answers = p.answers.as_ref()?;
        let asked = &self.anchor_items[p.role.code() as usize][d.index()];
        let scores: Vec<f64> = asked.iter().filter_map(|k| self.item_score(p.role, *k, answers)).collect();
        mean(&scores)
    }

    /// The people of a role group.
    fn group(&self, role: Role) -> impl Iterator<Item = &Person<'a>> {
        self.people.iter().filter(move |p| p.role == role)
    }

    /// The shown groups in role order.
    fn shown_roles(&self) -> impl Iterator<Item = Role> + '_ {
        Role::ALL.into_iter().filter(|r| self.shown[r.code() as usize])
    }

    /// Values of the people of each shown group who contribute one to a figure, kept only for
    /// the groups where at least the threshold contribute.
    fn values<T>(&self, value: impl Fn(&Person<'a>) -> Option<T>) -> Vec<(Role, Vec<T>)> {
        self.shown_roles()
            .map(|r| (r, self.group(r).filter_map(&value).collect::<Vec<T>>()))
            .filter(|(_, v)| v.len() >= self.threshold)
            .collect()
    }

    /// Whether a person answered an answer rule's keys (those that pass for their group), and
    /// whether the answer is one the rule names. `All` needs every key to pass and be answered.
    fn rule_answer(&self, p: &Person, rule: &AnswerRule) -> (bool, bool) {
        let Some(answers) = &p.answers else { return (false, false) };
        let Some(item) = self.instrument.items.get(rule.item) else { return (false, false) };
        if !item.roles.contains(p.role) {
            return (false, false);
        }
        let keys = item.keys().len();
        let slot = |k: usize| self.slots.start[rule.item] + k;
        let at = |k: usize| -> Option<(bool, bool)> {
            if k >= keys || !self.passes(p.role, slot(k), Counted::Answered) {
                return None;
            }
            let a = answers[slot(k)];
            Some((a.is_some(), a.and_then(raw_value).is_some_and(|v| rule.values.contains(&v))))
        };
        match rule.part {
            Selector::Whole => at(0).unwrap_or((false, false)),
            Selector::One(k) => at(k).unwrap_or((false, false)),
            Selector::Any => (0..keys).filter_map(at).fold((false, false), |(a, m), (x, y)| (a || x, m || y)),
            Selector::All => {
                let all: Option<Vec<(bool, bool)>> = (0..keys).map(at).collect();
                match all {
                    Some(v) if v.iter().all(|(a, _)| *a) => (true, v.iter().all(|(_, m)| *m)),
                    _ => (false, false),
                }
            }
        }
    }
}

/// Aggregates members under the anonymity rule with a threshold (raised to at least
/// [`MIN_THRESHOLD`]). Every figure, count and total in the result rests only on groups where at
/// least `threshold` people answered what it is about.
pub fn aggregate(instrument: &'static Instrument, members: &[Member], threshold: usize) -> TeamReport {
    let threshold = threshold.max(MIN_THRESHOLD);
    let rule = Rule::new(instrument, members, threshold);
    let roles: Vec<RoleGroup> = Role::ALL
        .into_iter()
        .map(|role| {
            if !rule.shown[role.code() as usize] {
                return RoleGroup::hidden(role);
            }
            let people: Vec<&Person> = rule.group(role).collect();
            let means = Dimension::ALL
                .into_iter()
                .map(|d| {
                    let v: Vec<f64> = people.iter().filter_map(|p| p.scores[d.index()]).collect();
                    if v.len() >= threshold {
                        mean(&v)
                    } else {
                        None
                    }
                })
                .collect();
            RoleGroup { role, n: people.len(), shown: true, means }
        })
        .collect();
    let shown_people: Vec<&Person> = rule.people.iter().filter(|p| rule.shown[p.role.code() as usize]).collect();
    let n = shown_people.len();
    let n_full = shown_people.iter().filter(|p| p.answers.is_some()).count();
    let suppressed = n == 0;
    if suppressed {
        return TeamReport::empty(instrument.version, threshold, 0, 0, true);
    }
    let dimensions: Vec<TeamDimension> = Dimension::ALL
        .into_iter()
        .map(|d| {
            let groups = rule.values(|p| p.scores[d.index()]);
            let units: Vec<f64> = groups.iter().filter_map(|(_, v)| mean(v)).collect();
            let individuals: Vec<f64> = groups.iter().flat_map(|(_, v)| v.iter().copied()).collect();
            let (score, spread) = (mean(&units), spread(&individuals));
            TeamDimension { dimension: d, score, spread, groups: units.len(), capped: false }
        })
        .collect();
    let (flags, flags_assessed) = flag_counts(&rule);
    let withheld = Role::ALL
        .into_iter()
        .filter(|r| !rule.shown[r.code() as usize])
        .filter(|r| instrument.items.iter().any(|i| i.is_scored() && i.roles == RoleSet(1u8 << r.code())))
        .collect();
    let mut report = TeamReport {
        instrument_version: instrument.version,
        threshold,
        n,
        n_full,
        suppressed,
        dimensions,
        barrier: None,
        roles,
        gaps: perception_gaps(&rule),
        ownership: ownership_rows(&rule),
        flags,
        flags_assessed,
        alpha: alphas(&rule),
        withheld,
        disagreements: disagreements(&rule),
        actions: action_counts(&rule),
    };
    apply_critical(instrument, &mut report);
    report
}

fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

fn mean_sd(values: &[f64]) -> Option<(f64, f64)> {
    let m = mean(values)?;
    let sd = if values.len() > 1 {
        (values.iter().map(|v| (v - m).powi(2)).sum::<f64>() / (values.len() - 1) as f64).sqrt()
    } else {
        0.0
    };
    Some((m, sd))
}

fn stat(role: Role, values: &[f64]) -> Option<GroupStat> {
    mean_sd(values).map(|(mean, sd)| GroupStat { role, n: values.len(), mean, sd })
}

/// The first dimension, in prerequisite order, whose team score (as shown, a whole number) is
/// below the threshold or that a critical answer capped.
pub fn team_barrier(dimensions: &[TeamDimension]) -> Option<Dimension> {
    dimensions.iter().find(|d| d.capped || below_threshold(d)).map(|d| d.dimension)
}

/// Whether the team score as shown is below the barrier threshold.
pub fn below_threshold(d: &TeamDimension) -> bool {
    d.shown_score().is_some_and(|s| s < BARRIER_THRESHOLD)
}

/// Marks the dimensions a shown critical flag caps and names the barrier, and puts critical
/// flags first: what the aggregation and the team-link decoder both do with the flags.
pub fn apply_critical(instrument: &Instrument, report: &mut TeamReport) {
    let critical = |rule: usize| instrument.red_flags().get(rule).filter(|r| r.critical);
    for f in &report.flags {
        if let Some(d) = critical(f.rule).and_then(|r| r.dimension) {
            report.dimensions[d.index()].capped = true;
        }
    }
    crate::order::sort_by_key(&mut report.flags, |f| critical(f.rule).is_none());
    report.barrier = team_barrier(&report.dimensions);
}

/// Whether a difference between two groups is a gap: large enough to matter, and larger than
/// their sizes can resolve (Welch's standard error of a difference of means, 95%).
pub fn is_gap(a: &GroupStat, b: &GroupStat) -> bool {
    let size = (a.mean - b.mean).abs();
    let se = (a.sd.powi(2) / a.n.max(1) as f64 + b.sd.powi(2) / b.n.max(1) as f64).sqrt();
    a.n >= 2 && b.n >= 2 && size >= MIN_GAP_POINTS && size > GAP_Z * se
}

/// Every pair of group figures, higher first.
fn pairs<T: Copy>(stats: &[(GroupStat, T)]) -> Vec<((GroupStat, T), (GroupStat, T))> {
    let mut out = Vec::new();
    for (i, a) in stats.iter().enumerate() {
        for b in &stats[i + 1..] {
            out.push(if a.0.mean >= b.0.mean { (*a, *b) } else { (*b, *a) });
        }
    }
    out
}

/// Every pair of shown groups, on every dimension both are asked, compared on the anchors alone.
fn perception_gaps(rule: &Rule) -> Vec<PerceptionGap> {
    let mut out = Vec::new();
    for d in Dimension::ALL {
        let stats: Vec<(GroupStat, ())> =
            rule.values(|p| p.anchors[d.index()]).iter().filter_map(|(r, v)| stat(*r, v).map(|s| (s, ()))).collect();
        for ((higher, _), (lower, _)) in pairs(&stats) {
            out.push(PerceptionGap {
                dimension: d,
                higher,
                lower,
                size: higher.mean - lower.mean,
                gap: is_gap(&higher, &lower),
            });
        }
    }
    crate::order::sort_by(&mut out, |a, b| {
        b.gap.cmp(&a.gap).then(b.size.total_cmp(&a.size)).then(a.dimension.cmp(&b.dimension))
    });
    out
}

/// Every pair of shown groups on every Likert or choice anchor question, compared by the item's
/// score; the largest `MAX_DISAGREEMENTS`, gaps first.
fn disagreements(rule: &Rule) -> Vec<Disagreement> {
    let instrument = rule.instrument;
    let mut out = Vec::new();
    for (k, item) in instrument.items.iter().enumerate() {
        if !item.anchor || !matches!(item.kind, ItemKind::Likert { .. } | ItemKind::Choice { .. }) {
            continue;
        }
        let slot = rule.slots.start[k];
        let scored = |p: &Person| {
            let a = p.answers.as_ref()?[slot]?;
            key_worth(item, Some(a)).map(|w| (w, a))
        };
        let stats: Vec<(GroupStat, Option<Answer>)> = rule
            .values(scored)
            .iter()
            .filter_map(|(r, v)| {
                let scores: Vec<f64> = v.iter().map(|(w, _)| *w).collect();
                let answers: Vec<Answer> = v.iter().map(|(_, a)| *a).collect();
                stat(*r, &scores).map(|s| (s, mode(&answers)))
            })
            .collect();
        for ((higher, ha), (lower, la)) in pairs(&stats) {
            out.push(Disagreement {
                item: k,
                higher,
                lower,
                higher_answer: ha,
                lower_answer: la,
                size: higher.mean - lower.mean,
                gap: is_gap(&higher, &lower),
            });
        }
    }
    crate::order::sort_by(&mut out, |a, b| b.gap.cmp(&a.gap).then(b.size.total_cmp(&a.size)).then(a.item.cmp(&b.item)));
    // One entry per question: the widest pair on it.
    let mut seen = Vec::new();
    out.retain(|d| {
        let first = !seen.contains(&d.item);
        seen.push(d.item);
        first
    });
    out.truncate(MAX_DISAGREEMENTS);
    out
}

/// The most common answer; ties go to the answer given first. One pass: an item offers a
/// handful of answers, so the counts are a short list in the order answers first appear.
fn mode(answers: &[Answer]) -> Option<Answer> {
    let mut counts: Vec<(Answer, usize)> = Vec::new();
    for a in answers {
        match counts.iter_mut().find(|(x, _)| x == a) {
            Some((_, n)) => *n += 1,
            None => counts.push((*a, 1)),
        }
    }
    let mut best: Option<(Answer, usize)> = None;
    for (a, n) in counts {
        if best.is_none_or(|(_, m)| n > m) {
            best = Some((a, n));
        }
    }
    best.map(|(a, _)| a)
}

/// For each action the team's answers can call for (not the fallbacks, which suggest good
/// practice, and not the phase actions, which read one person's friction against their own
/// phase): in each shown group whose members answered its questions, how many gave an answer that
/// calls for it and none that says it is already done; the most needed first.
fn action_counts(rule: &Rule) -> Vec<ActionCount> {
    let mut out = Vec::new();
    for (k, action) in rule.instrument.actions().iter().enumerate() {
        if action.fallback || action.when_tense || !action.phases.is_empty() {
            continue;
        }
        let needs = |p: &Person| -> Option<bool> {
            let (mut answered, mut matched) = (false, false);
            for t in action.triggers {
                let (a, m) = rule.rule_answer(p, t);
                (answered, matched) = (answered || a, matched || m);
            }
            if !answered {
                return None;
            }
            Some(matched && !action.in_place.iter().any(|r| rule.rule_answer(p, r).1))
        };
        let groups = rule.values(needs);
        let of: usize = groups.iter().map(|(_, v)| v.len()).sum();
        let count: usize = groups.iter().map(|(_, v)| v.iter().filter(|x| **x).count()).sum();
        if count > 0 {
            out.push(ActionCount { rule: k, count, of });
        }
    }
    crate::order::sort_by(&mut out, |a, b| {
        (b.count * a.of).cmp(&(a.count * b.of)).then(b.count.cmp(&a.count)).then(a.rule.cmp(&b.rule))
    });
    out.truncate(MAX_TEAM_ACTIONS);
    out
}

/// Per ownership area, what each shown group whose members answered it says, and the team's
/// counts over those groups.
fn ownership_rows(rule: &Rule) -> Vec<AreaRow> {
    let instrument = rule.instrument;
    let Some(m) = instrument.items.iter().position(|i| matches!(i.kind, ItemKind::Matrix { .. })) else {
        return Vec::new();
    };
    let areas = instrument.items[m].keys().len();
    let rows: Vec<AreaRow> = (0..areas)
        .map(|a| {
            let slot = rule.slots.start[m] + a;
            let owner = |p: &Person| match p.answers.as_ref()?[slot] {
                Some(Answer::Owner(o)) => Some(o),
                _ => None,
            };
            let by_role: Vec<(Role, [usize; OWNERS])> = rule
                .values(owner)
                .into_iter()
                .map(|(r, owners)| {
                    let mut c = [0usize; OWNERS];
                    for o in owners {
                        c[o.code() as usize - 1] += 1;
                    }
                    (r, c)
                })
                .collect();
            let mut counts = [0usize; OWNERS];
            for (_, c) in &by_role {
                for (t, x) in counts.iter_mut().zip(c) {
                    *t += x;
                }
            }
            let majority: Vec<Majority> = by_role
                .iter()
                .map(|(role, c)| {
                    let of: usize = c.iter().sum();
                    let top = *c.iter().max().unwrap_or(&0);
                    let tops: Vec<usize> = (0..OWNERS).filter(|i| c[*i] == top).collect();
                    let owner = (top > 0 && tops.len() == 1).then(|| Owner::from_code(tops[0] as u8 + 1)).flatten();
                    Majority { role: *role, owner, agree: top, of }
                })
                .collect();
            let named: Vec<Owner> = majority.iter().filter_map(|m| m.owner).collect();
            let disagreement = named.windows(2).any(|w| w[0] != w[1]);
            let mut row = AreaRow { area: a, counts, by_role, majority, disagreement, gap: false };
            let (gaps, answered) = (row.gap_answers(), row.answered());
            row.gap = gaps >= GAP_MIN_PEOPLE && gaps * 100 >= GAP_SHARE_PERCENT * answered;
            row
        })
        .collect();
    // With no group shown on any area, there is no map at all.
    if rows.iter().all(|r| r.by_role.is_empty()) {
        Vec::new()
    } else {
        rows
    }
}

/// Per red flag, in each shown group whose members answered its question: how many raised it.
fn flag_counts(rule: &Rule) -> (Vec<FlagCount>, Vec<usize>) {
    let mut flags = Vec::new();
    let mut assessed = Vec::new();
    for (f, flag) in rule.instrument.red_flags().iter().enumerate() {
        let groups = rule.values(|p| {
            let (answered, raised) = rule.rule_answer(p, &flag.answers);
            answered.then_some(raised)
        });
        if groups.is_empty() {
            continue;
        }
        assessed.push(f);
        let of: usize = groups.iter().map(|(_, v)| v.len()).sum();
        let count: usize = groups.iter().map(|(_, v)| v.iter().filter(|x| **x).count()).sum();
        if count > 0 {
            flags.push(FlagCount { rule: f, count, of });
        }
    }
    crate::order::sort_by(&mut flags, |a, b| b.count.cmp(&a.count).then(a.rule.cmp(&b.rule)));
    (flags, assessed)
}

/// Cronbach's alpha per dimension on the anchor items, from all available answers of the shown
/// groups (each answer only where enough of its group answered the question): each item variance
/// and each covariance over the people who answered it (or both), so nobody is dropped for a
/// skipped question.
fn alphas(rule: &Rule) -> Vec<Alpha> {
    let instrument = rule.instrument;
    Dimension::ALL
        .into_iter()
        .filter_map(|d| {
            let items: Vec<usize> = (0..instrument.items.len())
                .filter(|k| instrument.items[*k].anchor && instrument.items[*k].dimension == Some(d))
                .collect();
            if items.len() < 2 {
                return None;
            }
            let rows: Vec<Vec<Option<f64>>> = rule
                .people
                .iter()
                .filter(|p| rule.shown[p.role.code() as usize])
                .filter_map(|p| {
                    let a = p.answers.as_ref()?;
                    let row: Vec<Option<f64>> = items
                        .iter()
                        .map(|k| {
                            instrument.items[*k]
                                .roles
                                .contains(p.role)
                                .then(|| rule.item_score(p.role, *k, a))
                                .flatten()
                        })
                        .collect();
                    row.iter().any(Option::is_some).then_some(row)
                })
                .collect();
            if rows.is_empty() {
                return None;
            }
            let n = rows.iter().filter(|r| r.iter().flatten().count() >= 2).count();
            let value = if n >= ALPHA_MIN_N { pairwise_alpha(&rows) } else { None };
            Some(Alpha { dimension: d, n, items: items.len(), value })
        })
        .collect()
}

/// Cronbach's alpha from pairwise-available data: k/(k-1) × (1 - Σ var_i / (Σ var_i + 2 Σ cov_ij)),
/// each (co)variance over the rows that have the item (or both items). `None` when undefined.
pub fn pairwise_alpha(rows: &[Vec<Option<f64>>]) -> Option<f64> {
    let k = rows.first()?.len();
    if k < 2 {
        return None;
    }
    let cov = |a: usize, b: usize| -> Option<f64> {
        let pairs: Vec<(f64, f64)> = rows.iter().filter_map(|r| Some((r[a]?, r[b]?))).collect();
        if pairs.len() < 2 {
            return None;
        }
        let (mx, my) = (
            pairs.iter().map(|p| p.0).sum::<f64>() / pairs.len() as f64,
            pairs.iter().map(|p| p.1).sum::<f64>() / pairs.len() as f64,
        );
        Some(pairs.iter().map(|(x, y)| (x - mx) * (y - my)).sum::<f64>() / (pairs.len() - 1) as f64)
    };
    let mut variances = 0.0;
    let mut covariances = 0.0;
    for a in 0..k {
        variances += cov(a, a)?;
        for b in a + 1..k {
            covariances += cov(a, b)?;
        }
    }
    let total = variances + 2.0 * covariances;
    (total > 0.0).then(|| k as f64 / (k as f64 - 1.0) * (1.0 - variances / total))
}

/// Cronbach's alpha of complete respondents × items: k/(k-1) × (1 - Σ item variances / total
/// variance), with sample variances. `None` when undefined (fewer than 2 items or 2 rows, no
/// variance).
pub fn cronbach_alpha(rows: &[Vec<f64>]) -> Option<f64> {
    let k = rows.first()?.len();
    if k < 2 || rows.len() < 2 {
        return None;
    }
    let var = |xs: &[f64]| {
        let m = xs.iter().sum::<f64>() / xs.len() as f64;
        xs.iter().map(|x| (x - m).powi(2)).sum::<f64>() / (xs.len() - 1) as f64
    };
    let item_vars: f64 = (0..k).map(|j| var(&rows.iter().map(|r| r[j]).collect::<Vec<_>>())).sum();
    let total = var(&rows.iter().map(|r| r.iter().sum()).collect::<Vec<f64>>());
    (total > 0.0).then(|| k as f64 / (k as f64 - 1.0) * (1.0 - item_vars / total))
}

/// How to read an alpha value: an index into `names::ALPHA_READINGS` (good, adequate, low).
pub fn alpha_reading(alpha: f64) -> usize {
    match alpha {
        a if a >= 0.8 => 0,
        a if a >= 0.7 => 1,
        _ => 2,
    }
}

/// Change between a baseline and a follow-up set.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// Follow-up team score minus baseline team score, per dimension.
    pub deltas: Vec<(Dimension, Option<f64>)>,
    /// Flags raised in one round and not the other, among those both rounds could show.
    pub flags_closed: Vec<usize>,
    pub flags_opened: Vec<usize>,
    pub gaps_closed: Vec<usize>,
    pub gaps_opened: Vec<usize>,
}

pub fn change(before: &TeamReport, after: &TeamReport) -> Change {
    let deltas = Dimension::ALL
        .into_iter()
        .map(|d| {
            let s = |t: &TeamReport| t.dimensions[d.index()].score;
            (d, s(before).zip(s(after)).map(|(a, b)| b - a))
        })
        .collect();
    // A flag hidden in either round tells nothing about a change.
    let both = |f: &usize| before.flags_assessed.contains(f) && after.flags_assessed.contains(f);
    let flags = |t: &TeamReport| t.flags.iter().map(|f| f.rule).filter(both).collect::<Vec<usize>>();
    let gaps = |t: &TeamReport| t.ownership.iter().filter(|r| r.gap).map(|r| r.area).collect::<Vec<usize>>();
    let (fb, fa, gb, ga) = (flags(before), flags(after), gaps(before), gaps(after));
    // Areas only compared when both rounds show the map.
    let areas = !before.ownership.is_empty() && !after.ownership.is_empty();
    Change {
        deltas,
        flags_closed: only_in(&fb, &fa),
        flags_opened: only_in(&fa, &fb),
        gaps_closed: if areas { only_in(&gb, &ga) } else { Vec::new() },
        gaps_opened: if areas { only_in(&ga, &gb) } else { Vec::new() },
    }
}

/// The indices in `a` and not in `b`, ascending, each once (a flag rule or an area: a handful).
fn only_in(a: &[usize], b: &[usize]) -> Vec<usize> {
    let mut out: Vec<usize> = a.iter().copied().filter(|x| !b.contains(x)).collect();
    crate::order::sort_by_key(&mut out, |x| *x);
    out.dedup();
    out
}

/// Scores a response against its own instrument version (for callers holding a Response).
pub fn member_from_response(response: Response) -> Member {
    member(Shared::Full(response))
}

#[cfg(test)]
mod tests;
