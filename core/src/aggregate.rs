//! Team aggregation: many decoded share links into one picture, computed locally, with the
//! anonymity rules applied before any figure leaves this module.
//!
//! [`collect`] reads pasted text (links one per line or inside prose): every fragment found is a
//! result, a duplicate of a result, or unreadable with its reason. [`aggregate`] computes, per
//! dimension, a team score in which each role group counts once (so the largest group does not
//! outvote the rest) and the spread of individuals; the comparisons between role groups on the
//! anchor items every role is asked in the same words; the ownership map; red-flag counts; and
//! Cronbach's alpha on the anchors. Role groups smaller than the threshold are hidden, and so is
//! the next-smallest group when the hidden ones could otherwise be worked out by subtraction.
//!
//! Every figure rests on an audience (the respondents whose roles answer it), and [`Audience`]
//! decides which of them it may use: a figure only one role gives is shown only when that role's
//! group is shown; a figure several roles give includes hidden groups' members only when those
//! together reach the threshold. METHODOLOGY.md states the rules and their sources.

use crate::instrument::{Dimension, Instrument, ItemKind, Owner, Role, RoleSet};
use crate::response::{Answer, Response};
use crate::scoring::{score, Report, BARRIER_THRESHOLD};
use crate::share::{self, LinkError, Shared};

/// The smallest anonymity threshold a deployment may configure.
pub const MIN_THRESHOLD: usize = 3;
/// The default: a role group is shown from five respondents (as Viva Glint does).
pub const DEFAULT_THRESHOLD: usize = 5;
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
    pub report: Report,
    /// Present for full links only.
    pub response: Option<Response>,
}

impl Member {
    pub fn role(&self) -> Option<Role> {
        self.report.role
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
    let mut out = Collected::default();
    // Borrowed from the pasted text: no copy per link.
    let mut seen: std::collections::HashSet<&str, crate::response::KeyHash> = Default::default();
    for line in text.lines() {
        let found = share::find_links(line);
        if found.is_empty() {
            let l = line.trim();
            if l.contains("://") || l.starts_with('#') {
                out.invalid.push((l.to_string(), LinkError::NotOverlap));
            }
            continue;
        }
        for payload in found {
            if seen.contains(payload) {
                out.duplicates += 1;
                continue;
            }
            match share::decode(payload) {
                Ok(shared) => {
                    seen.insert(payload);
                    out.members.push(member(shared));
                }
                Err(e) => out.invalid.push((payload.to_string(), e)),
            }
        }
    }
    out
}

fn member(shared: Shared) -> Member {
    let report = shared.report();
    let response = match shared {
        Shared::Full(r) => Some(r),
        Shared::Summary(_) => None,
    };
    Member { report, response }
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
    v.sort_unstable_by(f64::total_cmp);
    let q = |p: f64| {
        let h = (v.len() - 1) as f64 * p;
        let (lo, hi) = (h.floor() as usize, h.ceil() as usize);
        v[lo] + (h - lo as f64) * (v[hi] - v[lo])
    };
    Some(Spread { n: v.len(), median: q(0.5), q1: q(0.25), q3: q(0.75) })
}

/// Why a role group is not shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hidden {
    /// Fewer respondents than the threshold.
    TooFew,
    /// Large enough itself, hidden so a smaller hidden group cannot be worked out by subtraction.
    Complementary,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RoleGroup {
    pub role: Role,
    pub n: usize,
    pub hidden: Option<Hidden>,
    /// Mean score per dimension (prerequisite order) of the group's members scored on it; empty
    /// when hidden.
    pub means: Vec<Option<f64>>,
}

impl RoleGroup {
    /// Whether the group's figures are shown: not hidden by the anonymity rules, and scored.
    pub fn is_shown(&self) -> bool {
        self.hidden.is_none() && !self.means.is_empty()
    }
}

/// One dimension for the team: the role-balanced score and the spread of individuals.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TeamDimension {
    pub dimension: Dimension,
    /// The mean of the group means: each shown role group counts once, and the hidden members the
    /// figure may include count together as one more group (see [`Audience`]).
    pub score: Option<f64>,
    /// Median and quartiles of the individual scores behind it (each person once).
    pub spread: Option<Spread>,
    /// How many groups the score averages (shown groups, plus one for the hidden members it
    /// includes), and how many hidden members share that one place: one of them moves the score
    /// by at most 100 / (groups x pooled) points.
    pub groups: usize,
    pub pooled: usize,
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
    /// `None` when nobody in the group answered, or two answers tie.
    pub owner: Option<Owner>,
    pub agree: usize,
    pub of: usize,
}

/// One ownership area.
#[derive(Clone, Debug, PartialEq)]
pub struct AreaRow {
    pub area: usize,
    /// Answers counted (indexed by `Owner::code() - 1`) from the respondents the figure may use.
    pub counts: [usize; OWNERS],
    /// Per shown role group.
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

/// An action the members' own reports offered: to how many of the people whose answers could
/// call for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ActionCount {
    /// Index into `Instrument::actions()`.
    pub rule: usize,
    pub count: usize,
    pub of: usize,
}

/// A red flag: how many of the people whose roles are asked its question raised it.
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
    pub n: usize,
    /// Full links of this instrument version (item-level figures come from these).
    pub n_full: usize,
    /// Too few respondents overall: no figure is shown at all.
    pub suppressed: bool,
    pub dimensions: Vec<TeamDimension>,
    pub barrier: Option<Dimension>,
    pub roles: Vec<RoleGroup>,
    /// Comparisons between shown groups on anchors, largest first.
    pub gaps: Vec<PerceptionGap>,
    pub ownership: Vec<AreaRow>,
    /// Raised flags whose figure may be shown, most common first.
    pub flags: Vec<FlagCount>,
    /// The flags whose question's audience may be shown (raised or not): what a later round can
    /// be compared with.
    pub flags_assessed: Vec<usize>,
    pub alpha: Vec<Alpha>,
    /// Hidden roles whose own questions' figures are withheld.
    pub withheld: Vec<Role>,
    /// The largest differences between shown groups on single anchor questions, largest first
    /// (gaps before differences the group sizes cannot resolve); at most `MAX_DISAGREEMENTS`.
    pub disagreements: Vec<Disagreement>,
    /// The actions the members' reports offered most often, subject to the same rules.
    pub actions: Vec<ActionCount>,
}

impl TeamReport {
    /// A report with its counts and no figures, which the aggregation (for a suppressed team)
    /// and the team-link decoder fill in.
    pub fn empty(instrument_version: u8, threshold: usize, n: usize, n_full: usize, suppressed: bool) -> TeamReport {
        TeamReport {
            instrument_version,
            threshold,
            n,
            n_full,
            suppressed,
            dimensions: Vec::new(),
            barrier: None,
            roles: Vec::new(),
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

/// Which role groups to hide: below the threshold, plus complementary suppression so that the
/// hidden groups together are either none or at least `threshold` respondents.
pub fn hidden_groups(sizes: &[(Role, usize)], threshold: usize) -> Vec<(Role, Option<Hidden>)> {
    let threshold = threshold.max(MIN_THRESHOLD);
    let mut out: Vec<(Role, Option<Hidden>)> =
        sizes.iter().map(|(r, n)| (*r, (*n > 0 && *n < threshold).then_some(Hidden::TooFew))).collect();
    loop {
        let hidden: usize = sizes.iter().zip(&out).filter(|(_, (_, h))| h.is_some()).map(|((_, n), _)| *n).sum();
        if hidden == 0 || hidden >= threshold {
            return out;
        }
        // Hide the smallest group still shown (ties: the later role, deterministically).
        let next = sizes
            .iter()
            .enumerate()
            .filter(|(i, (_, n))| out[*i].1.is_none() && *n > 0)
            .min_by_key(|(i, (_, n))| (*n, usize::MAX - i));
        match next {
            Some((i, _)) => out[i].1 = Some(Hidden::Complementary),
            None => return out,
        }
    }
}

/// The members a figure may use: each shown group's (role, members), and the hidden members it
/// may include, pooled.
pub type Included<'a> = (Vec<(Role, Vec<&'a Member>)>, Vec<&'a Member>);

/// The anonymity rule every figure goes through: given the roles a figure's question (or
/// dimension) is asked of, the members it may rest on.
pub struct Audience<'a> {
    shown: RoleSet,
    threshold: usize,
    members: &'a [&'a Member],
}

impl<'a> Audience<'a> {
    /// The members a figure over `roles` may use, among those who `contribute` to it (who
    /// answered it), split into the shown groups' (one vector per shown role, in role order) and
    /// the hidden members it may include; `None` when it may not be shown: it rests on one role
    /// whose group is hidden, or on nobody. Hidden members are counted by who contributes, not
    /// by group size, so a figure some of them skipped cannot rest on fewer than the threshold.
    pub fn of(&self, roles: RoleSet, contribute: impl Fn(&Member) -> bool) -> Option<Included<'a>> {
        let asked: Vec<Role> = Role::ALL.into_iter().filter(|r| roles.contains(*r)).collect();
        let in_role = |r: Role| -> Vec<&'a Member> {
            self.members.iter().copied().filter(|m| m.role() == Some(r) && contribute(m)).collect()
        };
        let shown: Vec<(Role, Vec<&'a Member>)> = asked
            .iter()
            .filter(|r| self.shown.contains(**r))
            .map(|r| (*r, in_role(*r)))
            .filter(|(_, v)| !v.is_empty())
            .collect();
        let hidden: Vec<&'a Member> =
            asked.iter().filter(|r| !self.shown.contains(**r)).flat_map(|r| in_role(*r)).collect();
        // A figure only one role gives is shown only when that role's group is shown.
        if asked.len() == 1 && !self.shown.contains(asked[0]) {
            return None;
        }
        // Hidden members count only when together they reach the threshold.
        let hidden = if hidden.len() >= self.threshold { hidden } else { Vec::new() };
        if shown.is_empty() && hidden.is_empty() {
            return None;
        }
        Some((shown, hidden))
    }
}

/// Aggregates members with an anonymity threshold (raised to at least [`MIN_THRESHOLD`]).
pub fn aggregate(instrument: &Instrument, members: &[Member], threshold: usize) -> TeamReport {
    let threshold = threshold.max(MIN_THRESHOLD);
    let n = members.len();
    let all: Vec<&Member> = members.iter().collect();
    let full: Vec<&Member> = members.iter().filter(|m| m.answers(instrument).is_some()).collect();
    let suppressed = n < threshold;
    let sizes: Vec<(Role, usize)> =
        Role::ALL.iter().map(|r| (*r, members.iter().filter(|m| m.role() == Some(*r)).count())).collect();
    let hidden = hidden_groups(&sizes, threshold);
    let shown_set = RoleSet(
        hidden
            .iter()
            .zip(&sizes)
            .filter(|((_, h), (_, n))| h.is_none() && *n > 0 && !suppressed)
            .fold(0u8, |a, ((r, _), _)| a | 1 << r.code()),
    );
    let scored = |m: &Member, d: Dimension| m.report.dimension(d).score.map(f64::from);
    let roles: Vec<RoleGroup> = sizes
        .iter()
        .zip(&hidden)
        .map(|((role, size), (_, h))| {
            let means = if shown_set.contains(*role) {
                Dimension::ALL
                    .into_iter()
                    .map(|d| {
                        mean(
                            &all.iter()
                                .filter(|m| m.role() == Some(*role))
                                .filter_map(|m| scored(m, d))
                                .collect::<Vec<_>>(),
                        )
                    })
                    .collect()
            } else {
                Vec::new()
            };
            let hidden = if suppressed && *size > 0 { Some(Hidden::TooFew) } else { *h };
            RoleGroup { role: *role, n: *size, hidden, means }
        })
        .collect();
    let everyone = Audience { shown: shown_set, threshold, members: &all };
    let with_answers = Audience { shown: shown_set, threshold, members: &full };
    if suppressed {
        return TeamReport {
            dimensions: Dimension::ALL
                .into_iter()
                .map(|dimension| TeamDimension { dimension, score: None, spread: None, groups: 0, pooled: 0 })
                .collect(),
            roles,
            ..TeamReport::empty(instrument.version, threshold, n, full.len(), suppressed)
        };
    }

    // Dimensions: the roles it is asked of are those with members scored on it.
    let dimensions: Vec<TeamDimension> = Dimension::ALL
        .into_iter()
        .map(|d| {
            let asked = RoleSet(
                all.iter()
                    .filter(|m| scored(m, d).is_some())
                    .filter_map(|m| m.role())
                    .fold(0u8, |a, r| a | 1 << r.code()),
            );
            let Some((groups, pooled)) = everyone.of(asked, |m| scored(m, d).is_some()) else {
                return TeamDimension { dimension: d, score: None, spread: None, groups: 0, pooled: 0 };
            };
            let mut units: Vec<f64> = groups
                .iter()
                .filter_map(|(_, ms)| mean(&ms.iter().filter_map(|m| scored(m, d)).collect::<Vec<_>>()))
                .collect();
            units.extend(mean(&pooled.iter().filter_map(|m| scored(m, d)).collect::<Vec<_>>()));
            let individuals: Vec<f64> =
                groups.iter().flat_map(|(_, ms)| ms.iter()).chain(pooled.iter()).filter_map(|m| scored(m, d)).collect();
            let pooled_scored = pooled.iter().filter(|m| scored(m, d).is_some()).count();
            TeamDimension {
                dimension: d,
                score: mean(&units),
                spread: spread(&individuals),
                groups: units.len(),
                pooled: pooled_scored,
            }
        })
        .collect();
    let barrier = team_barrier(&dimensions);
    let gaps = perception_gaps(instrument, &with_answers);
    let ownership = ownership_rows(instrument, &with_answers);
    let (flags, flags_assessed) = flag_counts(instrument, &with_answers);
    let alpha = alphas(instrument, &with_answers);
    let disagreements = disagreements(instrument, &with_answers);
    let actions = action_counts(instrument, &with_answers);
    let withheld = Role::ALL
        .into_iter()
        .filter(|r| sizes[r.code() as usize].1 > 0 && !shown_set.contains(*r))
        .filter(|r| instrument.items.iter().any(|i| i.is_scored() && i.roles == RoleSet(1u8 << r.code())))
        .collect();
    TeamReport {
        instrument_version: instrument.version,
        threshold,
        n,
        n_full: full.len(),
        suppressed,
        dimensions,
        barrier,
        roles,
        gaps,
        ownership,
        flags,
        flags_assessed,
        alpha,
        withheld,
        disagreements,
        actions,
    }
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

/// The first dimension, in prerequisite order, whose team score is below the threshold.
pub fn team_barrier(dimensions: &[TeamDimension]) -> Option<Dimension> {
    dimensions.iter().find(|d| d.score.is_some_and(|s| s < BARRIER_THRESHOLD as f64)).map(|d| d.dimension)
}

/// A person's mean over the anchor items of a dimension they answered with a score.
fn anchor_score(instrument: &Instrument, d: Dimension, response: &Response) -> Option<f64> {
    let scores: Vec<f64> = instrument
        .items
        .iter()
        .filter(|i| i.anchor && i.dimension == Some(d))
        .filter_map(|i| crate::scoring::item_score(i, response).0)
        .collect();
    mean(&scores)
}

/// Whether a difference between two groups is a gap: large enough to matter, and larger than
/// their sizes can resolve (Welch's standard error of a difference of means, 95%).
pub fn is_gap(a: &GroupStat, b: &GroupStat) -> bool {
    let size = (a.mean - b.mean).abs();
    let se = (a.sd.powi(2) / a.n.max(1) as f64 + b.sd.powi(2) / b.n.max(1) as f64).sqrt();
    a.n >= 2 && b.n >= 2 && size >= MIN_GAP_POINTS && size > GAP_Z * se
}

/// Every pair of shown groups, on every dimension both are asked, compared on the anchors alone.
fn perception_gaps(instrument: &Instrument, audience: &Audience) -> Vec<PerceptionGap> {
    let mut out = Vec::new();
    for d in Dimension::ALL {
        let anchors = RoleSet(
            instrument.items.iter().filter(|i| i.anchor && i.dimension == Some(d)).fold(0u8, |a, i| a | i.roles.0),
        );
        if anchors.0 == 0 {
            continue;
        }
        let answered = |m: &Member| m.answers(instrument).and_then(|r| anchor_score(instrument, d, r)).is_some();
        let Some((groups, _)) = audience.of(anchors, answered) else { continue };
        let stats: Vec<GroupStat> = groups
            .iter()
            .filter_map(|(role, ms)| {
                let v: Vec<f64> =
                    ms.iter().filter_map(|m| anchor_score(instrument, d, m.answers(instrument)?)).collect();
                mean_sd(&v).map(|(mean, sd)| GroupStat { role: *role, n: v.len(), mean, sd })
            })
            .collect();
        for (i, a) in stats.iter().enumerate() {
            for b in &stats[i + 1..] {
                let (higher, lower) = if a.mean >= b.mean { (*a, *b) } else { (*b, *a) };
                out.push(PerceptionGap {
                    dimension: d,
                    higher,
                    lower,
                    size: higher.mean - lower.mean,
                    gap: is_gap(&higher, &lower),
                });
            }
        }
    }
    out.sort_unstable_by(|a, b| b.gap.cmp(&a.gap).then(b.size.total_cmp(&a.size)).then(a.dimension.cmp(&b.dimension)));
    out
}

/// Every pair of shown groups on every Likert or choice anchor question, compared by the item's
/// score; the largest `MAX_DISAGREEMENTS`, gaps first.
fn disagreements(instrument: &Instrument, audience: &Audience) -> Vec<Disagreement> {
    let mut out = Vec::new();
    for (k, item) in instrument.items.iter().enumerate() {
        if !item.anchor || !matches!(item.kind, ItemKind::Likert { .. } | ItemKind::Choice { .. }) {
            continue;
        }
        let scored = |m: &Member| m.answers(instrument).and_then(|r| crate::scoring::item_score(item, r).0);
        let Some((groups, _)) = audience.of(item.roles, |m| scored(m).is_some()) else { continue };
        let stats: Vec<(GroupStat, Option<Answer>)> = groups
            .iter()
            .filter_map(|(role, ms)| {
                let v: Vec<f64> = ms.iter().filter_map(|m| scored(m)).collect();
                let (mean, sd) = mean_sd(&v)?;
                let answers: Vec<Answer> = ms.iter().filter_map(|m| m.answers(instrument)?.get(item.id)).collect();
                Some((GroupStat { role: *role, n: v.len(), mean, sd }, mode(&answers)))
            })
            .collect();
        for (i, a) in stats.iter().enumerate() {
            for b in &stats[i + 1..] {
                let ((higher, ha), (lower, la)) = if a.0.mean >= b.0.mean { (*a, *b) } else { (*b, *a) };
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
    }
    out.sort_unstable_by(|a, b| b.gap.cmp(&a.gap).then(b.size.total_cmp(&a.size)).then(a.item.cmp(&b.item)));
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

/// The most common answer; ties go to the answer given first.
fn mode(answers: &[Answer]) -> Option<Answer> {
    let mut best: Option<(Answer, usize)> = None;
    for a in answers {
        let n = answers.iter().filter(|x| *x == a).count();
        if best.is_none_or(|(_, m)| n > m) {
            best = Some((*a, n));
        }
    }
    best.map(|(a, _)| a)
}

/// How many members' reports offered each action, counting only members a figure over the
/// action's trigger questions may rest on; the most offered first.
fn action_counts(instrument: &Instrument, audience: &Audience) -> Vec<ActionCount> {
    let mut out = Vec::new();
    for (k, rule) in instrument.actions().iter().enumerate() {
        let roles = RoleSet(rule.triggers.iter().fold(0u8, |a, t| a | instrument.items[t.item].roles.0));
        let Some((groups, pooled)) = audience.of(roles, |_| true) else { continue };
        let people: Vec<&Member> = groups.iter().flat_map(|(_, ms)| ms.iter().copied()).chain(pooled).collect();
        let count = people.iter().filter(|m| m.report.actions.iter().any(|a| a.rule == k)).count();
        if count > 0 && !rule.fallback {
            out.push(ActionCount { rule: k, count, of: people.len() });
        }
    }
    out.sort_unstable_by(|a, b| {
        (b.count * a.of).cmp(&(a.count * b.of)).then(b.count.cmp(&a.count)).then(a.rule.cmp(&b.rule))
    });
    out.truncate(MAX_TEAM_ACTIONS);
    out
}

fn ownership_rows(instrument: &Instrument, audience: &Audience) -> Vec<AreaRow> {
    let matrix = instrument.matrix();
    let ItemKind::Matrix { keys, .. } = matrix.kind else { return Vec::new() };
    let answered = |m: &Member| m.answers(instrument).is_some_and(|r| keys.iter().any(|k| r.get(k).is_some()));
    let Some((groups, pooled)) = audience.of(matrix.roles, answered) else { return Vec::new() };
    let count = |ms: &[&Member], key: &str| {
        let mut c = [0usize; OWNERS];
        for m in ms {
            if let Some(Answer::Owner(o)) = m.answers(instrument).and_then(|r| r.get(key)) {
                c[o.code() as usize - 1] += 1;
            }
        }
        c
    };
    (0..keys.len())
        .map(|a| {
            let key = keys[a];
            let by_role: Vec<(Role, [usize; OWNERS])> = groups.iter().map(|(r, ms)| (*r, count(ms, key))).collect();
            let mut counts = count(&pooled, key);
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
        .collect()
}

fn flag_counts(instrument: &Instrument, audience: &Audience) -> (Vec<FlagCount>, Vec<usize>) {
    let mut flags = Vec::new();
    let mut assessed = Vec::new();
    for (f, rule) in instrument.red_flags().iter().enumerate() {
        let roles = instrument.items[rule.answers.item].roles;
        let Some((groups, pooled)) = audience.of(roles, |m| m.answers(instrument).is_some()) else { continue };
        assessed.push(f);
        let people: Vec<&Member> = groups.iter().flat_map(|(_, ms)| ms.iter().copied()).chain(pooled).collect();
        let count = people.iter().filter(|m| m.report.red_flags.iter().any(|x| x.rule == f)).count();
        if count > 0 {
            flags.push(FlagCount { rule: f, count, of: people.len() });
        }
    }
    flags.sort_unstable_by(|a, b| b.count.cmp(&a.count).then(a.rule.cmp(&b.rule)));
    (flags, assessed)
}

/// Cronbach's alpha per dimension on the anchor items, from all available answers: each item
/// variance and each covariance over the people who answered it (or both), so nobody is dropped
/// for a skipped question.
fn alphas(instrument: &Instrument, audience: &Audience) -> Vec<Alpha> {
    Dimension::ALL
        .into_iter()
        .filter_map(|d| {
            let items: Vec<&'static crate::Item> =
                instrument.items.iter().filter(|i| i.anchor && i.dimension == Some(d)).collect();
            let roles = RoleSet(items.iter().fold(0u8, |a, i| a | i.roles.0));
            if items.len() < 2 {
                return None;
            }
            let answered = |m: &Member| {
                m.answers(instrument)
                    .is_some_and(|r| items.iter().any(|i| crate::scoring::item_score(i, r).0.is_some()))
            };
            let (groups, pooled) = audience.of(roles, answered)?;
            let people: Vec<&Member> = groups.iter().flat_map(|(_, ms)| ms.iter().copied()).chain(pooled).collect();
            let rows: Vec<Vec<Option<f64>>> = people
                .iter()
                .filter_map(|m| m.answers(instrument))
                .map(|r| items.iter().map(|i| crate::scoring::item_score(i, r).0).collect())
                .collect();
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

/// How to read an alpha value.
pub fn alpha_reading(alpha: f64) -> &'static str {
    match alpha {
        a if a >= 0.8 => "good",
        a if a >= 0.7 => "adequate",
        _ => "low",
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
    use std::collections::BTreeSet;
    let deltas = Dimension::ALL
        .into_iter()
        .map(|d| {
            let s = |t: &TeamReport| t.dimensions[d.index()].score;
            (d, s(before).zip(s(after)).map(|(a, b)| b - a))
        })
        .collect();
    // A flag hidden in either round tells nothing about a change.
    let both: BTreeSet<usize> =
        before.flags_assessed.iter().filter(|f| after.flags_assessed.contains(f)).copied().collect();
    let flag_set =
        |t: &TeamReport| t.flags.iter().map(|f| f.rule).filter(|f| both.contains(f)).collect::<BTreeSet<_>>();
    let gap_set = |t: &TeamReport| t.ownership.iter().filter(|r| r.gap).map(|r| r.area).collect::<BTreeSet<_>>();
    let (fb, fa, gb, ga) = (flag_set(before), flag_set(after), gap_set(before), gap_set(after));
    // Areas only compared when both rounds show the map.
    let areas = !before.ownership.is_empty() && !after.ownership.is_empty();
    Change {
        deltas,
        flags_closed: fb.difference(&fa).copied().collect(),
        flags_opened: fa.difference(&fb).copied().collect(),
        gaps_closed: if areas { gb.difference(&ga).copied().collect() } else { Vec::new() },
        gaps_opened: if areas { ga.difference(&gb).copied().collect() } else { Vec::new() },
    }
}

/// Scores a response against its own instrument version (for callers holding a Response).
pub fn member_from_response(response: Response) -> Member {
    let instrument = Instrument::by_version(response.instrument_version).unwrap_or(Instrument::current());
    Member { report: score(instrument, &response), response: Some(response) }
}

#[cfg(test)]
mod tests;
