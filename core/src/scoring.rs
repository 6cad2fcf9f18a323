//! The scoring engine: `score(&Instrument, &Response) -> Report`, deterministic and total.
//!
//! Any response (empty, partial, with unknown ids or out-of-range values) yields a Report;
//! problems are listed in `Report::problems`, never raised as panics. Every formula and threshold
//! here is explained in METHODOLOGY.md, and the constants below are the single source of truth.

use crate::instrument::{Dimension, Instrument, ItemKind, Owner, Phase, Role};
use crate::response::{Answer, Response};

/// A dimension needs this many scored (not "don't know") answers before it gets a score.
pub const MIN_ANSWERED: u8 = 2;
/// The barrier point is the first dimension, in prerequisite order, scoring below this.
pub const BARRIER_THRESHOLD: u8 = 60;
/// The Readiness index needs this many scored dimensions out of nine.
pub const MIN_DIMENSIONS_FOR_INDEX: usize = 5;
/// The Resistance risk needs this many of its four dimensions scored.
pub const MIN_DIMENSIONS_FOR_RISK: usize = 2;
/// At most this many actions are recommended, at least `MIN_ACTIONS` when fallbacks allow.
pub const MAX_ACTIONS: usize = 5;
pub const MIN_ACTIONS: usize = 3;

/// Score bands; a band is always shown with its label, never by colour alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Band {
    Critical,
    AtRisk,
    Workable,
    Strong,
}

impl Band {
    pub const ALL: [Band; 4] = [Band::Critical, Band::AtRisk, Band::Workable, Band::Strong];

    pub fn of(score: u8) -> Band {
        match score {
            0..=39 => Band::Critical,
            40..=59 => Band::AtRisk,
            60..=79 => Band::Workable,
            _ => Band::Strong,
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Band::Critical => "critical",
            Band::AtRisk => "at_risk",
            Band::Workable => "workable",
            Band::Strong => "strong",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RiskLevel {
    Low,
    Guarded,
    Elevated,
    High,
}

impl RiskLevel {
    /// From the resistance score (0 = none, 100 = maximal).
    pub fn of(resistance: u8) -> RiskLevel {
        match resistance {
            0..=24 => RiskLevel::Low,
            25..=44 => RiskLevel::Guarded,
            45..=64 => RiskLevel::Elevated,
            _ => RiskLevel::High,
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            RiskLevel::Low => "low",
            RiskLevel::Guarded => "guarded",
            RiskLevel::Elevated => "elevated",
            RiskLevel::High => "high",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DimensionScore {
    pub dimension: Dimension,
    /// 0-100, higher is healthier; `None` means "not enough answers".
    pub score: Option<u8>,
    /// Answer units shown to the respondent (an item, or one matrix area).
    pub shown: u8,
    /// Units answered with something other than "don't know".
    pub answered: u8,
    pub dont_know: u8,
}

impl DimensionScore {
    pub fn band(&self) -> Option<Band> {
        self.score.map(Band::of)
    }
}

/// How much of the report rests on real answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Confidence {
    pub shown: u16,
    pub answered: u16,
    pub dont_know: u16,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ConfidenceLevel {
    Low,
    Medium,
    High,
}

impl ConfidenceLevel {
    pub fn id(self) -> &'static str {
        match self {
            ConfidenceLevel::Low => "low",
            ConfidenceLevel::Medium => "medium",
            ConfidenceLevel::High => "high",
        }
    }
}

impl Confidence {
    /// Share of shown units answered with a real answer, 0-100.
    pub fn percent(&self) -> u8 {
        if self.shown == 0 {
            return 0;
        }
        ((self.answered as f64 * 100.0 / self.shown as f64).round() as u16).min(100) as u8
    }

    pub fn level(&self) -> ConfidenceLevel {
        match self.percent() {
            80.. => ConfidenceLevel::High,
            50..=79 => ConfidenceLevel::Medium,
            _ => ConfidenceLevel::Low,
        }
    }
}

/// A red flag raised by an answer; `key` and `answer` say exactly which answer raised it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RaisedFlag {
    /// Index into `Instrument::red_flags`.
    pub rule: usize,
    pub id: &'static str,
    pub key: String,
    pub answer: Answer,
}

/// What made an action appear on the list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trigger {
    /// The headline: this dimension is the barrier point.
    Barrier(Dimension),
    /// A red flag (index into `Report::red_flags`' rules, i.e. `Instrument::red_flags`).
    Flag(usize),
    /// A dimension scoring below the barrier threshold.
    LowDimension(Dimension),
    /// Nothing urgent: good practice suggested to keep things healthy.
    Fallback,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PickedAction {
    /// Index into `Instrument::actions`.
    pub rule: usize,
    pub id: &'static str,
    pub trigger: Trigger,
}

/// How to read friction given the phase: calm, tense, or not enough to say.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhaseReading {
    Calm,
    Tense,
    NotEnough,
}

/// How much of the response a report is built from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detail {
    /// From every answer: flags, ownership map and item drill-down are present.
    Full,
    /// From a summary share link: dimension figures and headline only.
    Summary,
}

/// Something in the response that scoring set aside. Reported, never fatal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    NoRole,
    VersionMismatch { instrument: u8, response: u8 },
    UnknownKey(String),
    InvalidValue(String),
    NotShownToRole(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    pub instrument_version: u8,
    pub role: Option<Role>,
    pub detail: Detail,
    /// All nine, in prerequisite order.
    pub dimensions: Vec<DimensionScore>,
    pub readiness: Option<u8>,
    /// 0-100: 100 minus the mean of the resistance dimensions.
    pub resistance: Option<u8>,
    pub risk: Option<RiskLevel>,
    pub barrier: Option<Dimension>,
    pub red_flags: Vec<RaisedFlag>,
    /// The matrix as answered: (area index, answer). Empty for summary reports.
    pub ownership: Vec<(usize, Option<Owner>)>,
    /// Option index of `ctx_months`, if answered; `phase` is derived from it.
    pub months: Option<u8>,
    pub phase: Phase,
    /// Option index of `ctx_size`, if answered.
    pub size: Option<u8>,
    /// 0-100: 100 minus the mean of the friction dimensions.
    pub friction: Option<u8>,
    pub phase_reading: PhaseReading,
    pub confidence: Confidence,
    pub actions: Vec<PickedAction>,
    pub problems: Vec<Problem>,
}

impl Report {
    pub fn dimension(&self, d: Dimension) -> &DimensionScore {
        &self.dimensions[d.index()]
    }

    /// Matrix areas answered Nobody or Don't know.
    pub fn ownership_gaps(&self) -> impl Iterator<Item = (usize, Owner)> + '_ {
        self.ownership.iter().filter_map(|(a, o)| o.filter(|o| o.is_gap()).map(|o| (*a, o)))
    }

    /// Builds the report a summary share link describes: the headline, phase reading and
    /// dimension-triggered actions are recomputed from the same figures the full report used,
    /// so they match what the sender saw.
    pub fn from_summary(
        instrument: &Instrument,
        role: Option<Role>,
        months: Option<u8>,
        size: Option<u8>,
        dimensions: Vec<DimensionScore>,
    ) -> Report {
        let mut report = Report::assemble(instrument, role, dimensions, Vec::new(), Vec::new(), months, size);
        report.detail = Detail::Summary;
        report
    }

    fn assemble(
        instrument: &Instrument,
        role: Option<Role>,
        dimensions: Vec<DimensionScore>,
        red_flags: Vec<RaisedFlag>,
        ownership: Vec<(usize, Option<Owner>)>,
        months: Option<u8>,
        size: Option<u8>,
    ) -> Report {
        let scores: Vec<Option<u8>> = dimensions.iter().map(|d| d.score).collect();
        let scored: Vec<u8> = scores.iter().flatten().copied().collect();
        let readiness = (scored.len() >= MIN_DIMENSIONS_FOR_INDEX).then(|| mean_u8(&scored));
        let resistance = inverse_mean(&scores, &Dimension::RESISTANCE, MIN_DIMENSIONS_FOR_RISK);
        let friction = inverse_mean(&scores, &Dimension::FRICTION, 2);
        let barrier = Dimension::ALL.into_iter().find(|d| scores[d.index()].is_some_and(|s| s < BARRIER_THRESHOLD));
        let phase = Phase::from_months_option(months);
        let phase_reading = match friction {
            None => PhaseReading::NotEnough,
            Some(f) if f > 100 - BARRIER_THRESHOLD => PhaseReading::Tense,
            Some(_) => PhaseReading::Calm,
        };
        let confidence = Confidence {
            shown: dimensions.iter().map(|d| d.shown as u16).sum(),
            answered: dimensions.iter().map(|d| d.answered as u16).sum(),
            dont_know: dimensions.iter().map(|d| d.dont_know as u16).sum(),
        };
        let actions = pick_actions(instrument, &scores, barrier, &red_flags);
        Report {
            instrument_version: instrument.version,
            role,
            detail: Detail::Full,
            dimensions,
            readiness,
            resistance,
            risk: resistance.map(RiskLevel::of),
            barrier,
            red_flags,
            ownership,
            months,
            phase,
            size,
            friction,
            phase_reading,
            confidence,
            actions,
            problems: Vec::new(),
        }
    }
}

/// Scores one response against the instrument it claims to answer.
/// What one answer to a Likert or Choice item is worth. The one definition of an item's score,
/// used by `score` and by the team view's consistency figures.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Worth {
    /// 0-100, keyed: Likert 1-5 map to 0-100 (reversed items the other way), a Choice option to
    /// its score.
    Score(f64),
    /// "Don't know": the Likert "don't know", a Choice's last option or one scored below zero.
    DontKnow,
    /// Unanswered, out of range, or the wrong kind of answer.
    Nothing,
}

pub(crate) fn worth(kind: &ItemKind, answer: Option<Answer>) -> Worth {
    match (kind, answer) {
        (ItemKind::Likert { reverse }, Some(Answer::Likert(v @ 1..=5))) => {
            Worth::Score(if *reverse { 5 - v } else { v - 1 } as f64 * 25.0)
        }
        (ItemKind::Likert { .. }, Some(Answer::DontKnow)) => Worth::DontKnow,
        (ItemKind::Choice { options, scores }, Some(Answer::Choice(i))) => {
            let i = i as usize;
            if i + 1 == options.len() || scores.get(i).is_some_and(|s| *s < 0) {
                Worth::DontKnow
            } else {
                scores.get(i).map_or(Worth::Nothing, |s| Worth::Score(*s as f64))
            }
        }
        _ => Worth::Nothing,
    }
}

pub fn score(instrument: &Instrument, response: &Response) -> Report {
    let mut problems = Vec::new();
    if response.role.is_none() {
        problems.push(Problem::NoRole);
    }
    if response.instrument_version != instrument.version {
        problems
            .push(Problem::VersionMismatch { instrument: instrument.version, response: response.instrument_version });
    }
    // Answers that do not fit the instrument are set aside and named, never guessed at.
    let mut set_aside = Vec::new();
    for (key, answer) in &response.answers {
        let key = key.as_ref();
        let id = key.split('.').next().unwrap_or(key);
        match instrument.item(id) {
            None => set_aside.push(Problem::UnknownKey(key.to_string())),
            Some(_) if !Response::answer_fits(instrument, key, *answer) => {
                set_aside.push(Problem::InvalidValue(key.to_string()))
            }
            Some(item) => {
                if response.role.is_some_and(|role| !item.roles.contains(role)) {
                    set_aside.push(Problem::NotShownToRole(key.to_string()));
                }
            }
        }
    }
    // Answers are a hash map; sorting the (usually empty) list keeps reports identical run to run.
    set_aside.sort_unstable_by(|a, b| problem_key(a).cmp(problem_key(b)));
    problems.extend(set_aside);
    let shown = |roles: crate::instrument::RoleSet| response.role.is_none_or(|r| roles.contains(r));

    let mut sums = [(0.0f64, 0u32); 9];
    let mut dims: Vec<DimensionScore> = Dimension::ALL
        .into_iter()
        .map(|dimension| DimensionScore { dimension, score: None, shown: 0, answered: 0, dont_know: 0 })
        .collect();
    for item in instrument.items.iter().filter(|i| shown(i.roles)) {
        let Some(dim) = item.dimension else { continue };
        let d = &mut dims[dim.index()];
        let sum = &mut sums[dim.index()];
        // Values are range-checked here, per kind; anything else counts as unanswered (and was
        // listed in `problems` above).
        match item.kind {
            ItemKind::Likert { .. } | ItemKind::Choice { .. } => {
                // Choice items without scores are context questions, not part of any score.
                if matches!(item.kind, ItemKind::Choice { scores: [], .. }) {
                    continue;
                }
                d.shown = d.shown.saturating_add(1);
                match worth(&item.kind, response.get(item.id)) {
                    Worth::Score(s) => {
                        *sum = (sum.0 + s, sum.1 + 1);
                        d.answered += 1;
                    }
                    Worth::DontKnow => d.dont_know += 1,
                    Worth::Nothing => {}
                }
            }
            ItemKind::Matrix { keys, .. } => {
                // The matrix counts as one scored item (share of answered areas with a named
                // owner), while each area counts as its own unit for confidence.
                let (mut named, mut nobody) = (0u32, 0u32);
                for key in keys {
                    d.shown = d.shown.saturating_add(1);
                    match response.get(key) {
                        Some(Answer::Owner(Owner::DontKnow)) => d.dont_know += 1,
                        Some(Answer::Owner(Owner::Nobody)) => {
                            nobody += 1;
                            d.answered += 1;
                        }
                        Some(Answer::Owner(_)) => {
                            named += 1;
                            d.answered += 1;
                        }
                        _ => {}
                    }
                }
                if named + nobody > 0 {
                    *sum = (sum.0 + named as f64 * 100.0 / (named + nobody) as f64, sum.1 + 1);
                }
            }
        }
    }
    for (d, (total, n)) in dims.iter_mut().zip(sums) {
        // The matrix is one item for the minimum but many units for `answered`, so the
        // minimum is checked against the number of scored items, `n`.
        if n >= MIN_ANSWERED as u32 {
            d.score = Some((total / n as f64).round().clamp(0.0, 100.0) as u8);
        }
    }

    let valid =
        |key: &str| -> Option<Answer> { response.get(key).filter(|a| Response::answer_fits(instrument, key, *a)) };
    let mut red_flags = Vec::new();
    for (rule_index, rule) in instrument.red_flags.iter().enumerate() {
        let item = &instrument.items[rule.item];
        if !shown(item.roles) {
            continue;
        }
        let key = match (rule.area, &item.kind) {
            (Some(a), ItemKind::Matrix { keys, .. }) => keys.get(a).copied().unwrap_or(item.id),
            _ => item.id,
        };
        let Some(answer) = valid(key) else { continue };
        let raw = match answer {
            Answer::Likert(v) => v,
            Answer::Choice(i) => i,
            Answer::Owner(o) => o.code(),
            Answer::DontKnow => continue,
        };
        if rule.when.contains(&raw) {
            red_flags.push(RaisedFlag { rule: rule_index, id: rule.id, key: key.to_string(), answer });
        }
    }

    let matrix = instrument.matrix();
    let ownership = match matrix.kind {
        ItemKind::Matrix { keys, .. } if shown(matrix.roles) => keys
            .iter()
            .enumerate()
            .map(|(i, key)| {
                let owner = match valid(key) {
                    Some(Answer::Owner(o)) => Some(o),
                    _ => None,
                };
                (i, owner)
            })
            .collect(),
        _ => Vec::new(),
    };
    let months = valid("ctx_months").and_then(|a| match a {
        Answer::Choice(i) => Some(i),
        _ => None,
    });
    let size = valid("ctx_size").and_then(|a| match a {
        Answer::Choice(i) if (i as usize) + 1 < 5 => Some(i),
        _ => None,
    });
    let mut report = Report::assemble(instrument, response.role, dims, red_flags, ownership, months, size);
    report.problems = problems;
    report
}

fn problem_key(p: &Problem) -> &str {
    match p {
        Problem::UnknownKey(k) | Problem::InvalidValue(k) | Problem::NotShownToRole(k) => k,
        Problem::NoRole | Problem::VersionMismatch { .. } => "",
    }
}

/// Picks 3-5 actions: the barrier's first, then flags and low dimensions by priority, then
/// fallbacks until there are three.
fn pick_actions(
    instrument: &Instrument,
    scores: &[Option<u8>],
    barrier: Option<Dimension>,
    red_flags: &[RaisedFlag],
) -> Vec<PickedAction> {
    let low = |d: &Dimension| scores[d.index()].is_some_and(|s| s < BARRIER_THRESHOLD);
    let mut picked: Vec<PickedAction> = Vec::new();
    let push = |picked: &mut Vec<PickedAction>, rule: usize, trigger: Trigger| {
        if picked.len() < MAX_ACTIONS && !picked.iter().any(|p| p.rule == rule) {
            picked.push(PickedAction { rule, id: instrument.actions[rule].id, trigger });
        }
    };
    if let Some(b) = barrier {
        if let Some(rule) = instrument.actions.iter().position(|a| a.dimensions.contains(&b)) {
            push(&mut picked, rule, Trigger::Barrier(b));
        }
    }
    for (rule, action) in instrument.actions.iter().enumerate() {
        let flag = red_flags.iter().find(|f| action.flags.contains(&f.rule));
        if let Some(f) = flag {
            push(&mut picked, rule, Trigger::Flag(f.rule));
        } else if let Some(d) = action.dimensions.iter().find(|d| low(d)) {
            push(&mut picked, rule, Trigger::LowDimension(*d));
        }
    }
    for (rule, action) in instrument.actions.iter().enumerate() {
        if picked.len() >= MIN_ACTIONS {
            break;
        }
        if action.fallback {
            push(&mut picked, rule, Trigger::Fallback);
        }
    }
    picked
}

fn mean_u8(values: &[u8]) -> u8 {
    let sum: u32 = values.iter().map(|v| *v as u32).sum();
    (sum as f64 / values.len() as f64).round() as u8
}

/// 100 minus the mean of the given dimensions' scores, when at least `min` are scored.
fn inverse_mean(scores: &[Option<u8>], dims: &[Dimension], min: usize) -> Option<u8> {
    let v: Vec<u8> = dims.iter().filter_map(|d| scores[d.index()]).collect();
    (v.len() >= min).then(|| 100 - mean_u8(&v))
}

#[cfg(test)]
mod tests;
