//! The scoring engine: `score(&Instrument, &Response) -> Report`, deterministic and total.
//!
//! Any response (empty, partial, with unknown ids or out-of-range values) yields a Report;
//! problems are listed in `Report::problems`, never raised as panics. Every formula and threshold
//! here is explained in METHODOLOGY.md, and the constants below are the single source of truth.
//! A version's rules ([`Rules`]) decide the barrier point and the actions: the first release's
//! links keep the rules they were scored with.

use crate::instrument::{
    AnswerRule, Context, Dimension, Instrument, ItemKind, Owner, Phase, Precision, Role, Rules, Selector, Slot,
    CHECKLIST_NO, CHECKLIST_YES,
};
use crate::response::{Answer, Response};

/// The first release's minimum of scored answers per dimension (each version sets its own,
/// `Instrument::min_answered`; version 2 asks for 3).
pub const MIN_ANSWERED: u8 = 2;
/// The barrier point is the first dimension, in prerequisite order, scoring below this.
pub const BARRIER_THRESHOLD: u8 = 60;
/// The Readiness index needs this many scored dimensions out of nine.
pub const MIN_DIMENSIONS_FOR_INDEX: usize = 5;
/// The Resistance risk needs this many of its four dimensions scored.
pub const MIN_DIMENSIONS_FOR_RISK: usize = 2;
/// A critical answer caps its dimension's band here (SSL Labs caps a grade the same way).
pub const CRITICAL_CAP: Band = Band::AtRisk;
/// With any dimension capped, the overall health's band is at most this: a report with a
/// critical answer is never "Strong" overall.
pub const CRITICAL_OVERALL_CAP: Band = Band::Workable;
/// A critical answer on a resistance dimension raises the resistance risk to at least this.
pub const CRITICAL_RISK_FLOOR: RiskLevel = RiskLevel::Elevated;
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
    /// Units answered with something other than "don't know" or "not applicable".
    pub answered: u8,
    pub dont_know: u8,
    /// Units answered "not applicable": neither scored nor counted against confidence.
    pub not_applicable: u8,
    /// Scored items behind the score (the matrix and a checklist count one each).
    pub items: u8,
    /// Whether the respondent's role is scored on this dimension (rules 2 ask each role only
    /// what it can judge; the report says "not asked of your role" otherwise).
    pub asked: bool,
    /// The score's margin, ± points, from the simulated precision of this role's items.
    pub range: Option<u8>,
    /// A critical answer on this dimension caps its band at [`CRITICAL_CAP`] (METHODOLOGY.md,
    /// Critical answers); the score itself stays the mean of the answers.
    pub capped: bool,
}

impl DimensionScore {
    /// The score's band, capped at [`CRITICAL_CAP`] when a critical answer was given on it.
    pub fn band(&self) -> Option<Band> {
        self.score.map(|s| if self.capped { Band::of(s).min(CRITICAL_CAP) } else { Band::of(s) })
    }

    /// Whether the cap lowered the band the score alone would have (the report then says why).
    pub fn cap_lowers_band(&self) -> bool {
        self.capped && self.score.is_some_and(|s| Band::of(s) > CRITICAL_CAP)
    }

    /// An empty entry for a dimension (no answers yet).
    pub fn empty(dimension: Dimension, asked: bool) -> DimensionScore {
        DimensionScore {
            dimension,
            score: None,
            shown: 0,
            answered: 0,
            dont_know: 0,
            not_applicable: 0,
            items: 0,
            asked,
            range: None,
            capped: false,
        }
    }
}

/// The margin of a score from `answered` of a role's items: the standard error of measurement,
/// `SD x sqrt(1 - alpha)`, with alpha scaled to the items answered by the Spearman-Brown formula
/// from the simulated alpha of all the role's items (METHODOLOGY.md).
pub fn margin(p: &Precision, answered: u8) -> Option<u8> {
    if answered == 0 || p.items == 0 {
        return None;
    }
    let k = p.items as f64;
    let alpha = p.alpha.clamp(0.0, 0.99);
    let r = alpha / (k - (k - 1.0) * alpha);
    let n = answered as f64;
    let scaled = n * r / (1.0 + (n - 1.0) * r);
    Some((p.sd * (1.0 - scaled).max(0.0).sqrt()).round().clamp(0.0, 100.0) as u8)
}

/// How much of the report rests on real answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Confidence {
    pub shown: u16,
    pub answered: u16,
    pub dont_know: u16,
    /// Answered "not applicable": left out of `shown` for the percentage.
    pub not_applicable: u16,
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
        let applicable = self.shown.saturating_sub(self.not_applicable);
        if applicable == 0 {
            return 0;
        }
        ((self.answered as f64 * 100.0 / applicable as f64).round() as u16).min(100) as u8
    }

    pub fn level(&self) -> ConfidenceLevel {
        match self.percent() {
            80.. => ConfidenceLevel::High,
            50..=79 => ConfidenceLevel::Medium,
            _ => ConfidenceLevel::Low,
        }
    }
}

/// A red flag raised by an answer; `slot` and `answer` say exactly which answer raised it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RaisedFlag {
    /// Index into `Instrument::red_flags`.
    pub rule: usize,
    pub id: &'static str,
    pub slot: Slot,
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
    /// Rules 2: this answer called for it.
    Answer { slot: Slot, answer: Answer },
    /// Rules 2: the phase (this months answer) with tense friction called for it.
    Phase { slot: Slot, answer: Answer },
    /// Rules 2, from a summary link: triggered by an answer the link does not carry.
    Withheld,
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

/// Why a dimension is the one to fix first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BarrierReason {
    /// The first, in the order problems build on each other, clearly below the threshold
    /// (rules 2: below it by more than its margin; rules 1: below it).
    Below,
    /// A critical answer was given on it (and no earlier dimension is clearly below).
    Critical,
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
    VersionMismatch {
        instrument: u8,
        response: u8,
    },
    /// A value the slot's item cannot hold.
    InvalidValue(Slot),
    /// An answer to an item the respondent's role is not shown.
    NotShownToRole(Slot),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    pub instrument_version: u8,
    pub role: Option<Role>,
    pub detail: Detail,
    /// All nine, in prerequisite order.
    pub dimensions: Vec<DimensionScore>,
    /// The overall health index: the mean of the scored dimensions.
    pub readiness: Option<u8>,
    /// 0-100: 100 minus the mean of the resistance dimensions.
    pub resistance: Option<u8>,
    pub risk: Option<RiskLevel>,
    pub barrier: Option<Dimension>,
    /// Why `barrier` is the one to fix first.
    pub barrier_reason: Option<BarrierReason>,
    /// Whether the risk was raised to [`CRITICAL_RISK_FLOOR`] by a critical answer.
    pub risk_raised: bool,
    /// Rules 2: when no barrier stands out beyond its margin but some dimension is below the
    /// threshold, the lowest of them (named as a pointer, not a verdict).
    pub lowest: Option<Dimension>,
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

    /// The overall health's band, at most [`CRITICAL_OVERALL_CAP`] when a critical answer capped
    /// any dimension.
    pub fn readiness_band(&self) -> Option<Band> {
        let capped = self.dimensions.iter().any(|d| d.capped);
        self.readiness.map(|r| if capped { Band::of(r).min(CRITICAL_OVERALL_CAP) } else { Band::of(r) })
    }

    /// The critical flag that named the barrier, when a critical answer did.
    pub fn barrier_flag(&self, instrument: &Instrument) -> Option<&RaisedFlag> {
        let d = self.barrier.filter(|_| self.barrier_reason == Some(BarrierReason::Critical))?;
        self.red_flags
            .iter()
            .find(|f| instrument.red_flags().get(f.rule).is_some_and(|r| r.critical && r.dimension == Some(d)))
    }

    /// Matrix areas answered Nobody, Don't know or Shared-nothing-written.
    pub fn ownership_gaps(&self) -> impl Iterator<Item = (usize, Owner)> + '_ {
        self.ownership.iter().filter_map(|(a, o)| o.filter(|o| o.is_gap()).map(|o| (*a, o)))
    }

    /// Builds the report a summary share link describes: the headline and phase reading are
    /// recomputed from the same figures the full report used, so they match what the sender
    /// saw. Rules 1 recompute the dimension-triggered actions; rules 2 actions are triggered by
    /// answers the link does not carry, so the link names them (`actions`) and they are shown as
    /// withheld.
    pub fn from_summary(
        instrument: &Instrument,
        role: Option<Role>,
        months: Option<u8>,
        size: Option<u8>,
        dimensions: Vec<DimensionScore>,
        actions: &[usize],
    ) -> Report {
        let mut report = Report::assemble(instrument, role, dimensions, Vec::new(), Vec::new(), months, size, None);
        if instrument.rules == Rules::V2 {
            report.actions = actions
                .iter()
                .filter_map(|a| instrument.actions().get(*a).map(|rule| (a, rule)))
                .map(|(a, rule)| PickedAction { rule: *a, id: rule.id, trigger: Trigger::Withheld })
                .collect();
        }
        report.detail = Detail::Summary;
        report
    }

    #[allow(clippy::too_many_arguments)]
    fn assemble(
        instrument: &Instrument,
        role: Option<Role>,
        dimensions: Vec<DimensionScore>,
        red_flags: Vec<RaisedFlag>,
        ownership: Vec<(usize, Option<Owner>)>,
        months: Option<u8>,
        size: Option<u8>,
        response: Option<&Response>,
    ) -> Report {
        let scores: Vec<Option<u8>> = dimensions.iter().map(|d| d.score).collect();
        let scored: Vec<u8> = scores.iter().flatten().copied().collect();
        let readiness = (scored.len() >= MIN_DIMENSIONS_FOR_INDEX).then(|| mean_u8(&scored));
        let resistance = inverse_mean(&scores, &Dimension::RESISTANCE, MIN_DIMENSIONS_FOR_RISK);
        let friction = inverse_mean(&scores, &Dimension::FRICTION, 2);
        let (barrier, lowest) = match instrument.rules {
            Rules::V1 => {
                let first = dimensions.iter().find(|d| d.capped || d.score.is_some_and(|s| s < BARRIER_THRESHOLD));
                (first.map(|d| d.dimension), None)
            }
            Rules::V2 => barrier_with_margin(&dimensions),
        };
        let barrier_reason = barrier.map(|b| barrier_reason(instrument, &dimensions, b));
        let (risk, risk_raised) = risk(&dimensions, resistance);
        let phase = Phase::from_months_option(months);
        let phase_reading = match friction {
            None => PhaseReading::NotEnough,
            Some(f) if f > 100 - BARRIER_THRESHOLD => PhaseReading::Tense,
            Some(_) => PhaseReading::Calm,
        };
        let sum = |f: fn(&DimensionScore) -> u8| dimensions.iter().map(|d| f(d) as u16).sum();
        let confidence = Confidence {
            shown: sum(|d| d.shown),
            answered: sum(|d| d.answered),
            dont_know: sum(|d| d.dont_know),
            not_applicable: sum(|d| d.not_applicable),
        };
        let mut report = Report {
            instrument_version: instrument.version,
            role,
            detail: Detail::Full,
            dimensions,
            readiness,
            resistance,
            risk,
            risk_raised,
            barrier,
            barrier_reason,
            lowest,
            red_flags,
            ownership,
            months,
            phase,
            size,
            friction,
            phase_reading,
            confidence,
            actions: Vec::new(),
            problems: Vec::new(),
        };
        report.actions = match (instrument.rules, response) {
            (Rules::V1, _) => pick_actions(instrument, &scores, barrier, &report.red_flags),
            (Rules::V2, Some(response)) => pick_actions_v2(instrument, &report, response),
            (Rules::V2, None) => Vec::new(),
        };
        report
    }
}

/// Why the barrier was named: by the scores (the first dimension below the threshold, clearly so
/// under rules 2), or by a critical answer on an earlier dimension (or on one whose scores would
/// not name it).
fn barrier_reason(instrument: &Instrument, dimensions: &[DimensionScore], barrier: Dimension) -> BarrierReason {
    let first_below = dimensions.iter().find(|d| d.score.is_some_and(|s| s < BARRIER_THRESHOLD));
    let margin = |d: &DimensionScore| match instrument.rules {
        Rules::V1 => 0,
        Rules::V2 => d.range.unwrap_or(0) as u16,
    };
    let by_score = first_below.filter(|d| (d.score.unwrap_or(0) as u16 + margin(d)) < BARRIER_THRESHOLD as u16);
    if by_score.is_some_and(|d| d.dimension == barrier) {
        BarrierReason::Below
    } else {
        BarrierReason::Critical
    }
}

/// The resistance risk level, and whether a critical answer raised it: a critical answer on a
/// resistance dimension makes it at least [`CRITICAL_RISK_FLOOR`] whatever the mean (and names
/// it even when too few dimensions were scored to compute it).
fn risk(dimensions: &[DimensionScore], resistance: Option<u8>) -> (Option<RiskLevel>, bool) {
    let critical_resistance = Dimension::RESISTANCE.iter().any(|d| dimensions[d.index()].capped);
    let computed = resistance.map(RiskLevel::of);
    let risk = match computed {
        Some(r) if critical_resistance => Some(r.max(CRITICAL_RISK_FLOOR)),
        None if critical_resistance => Some(CRITICAL_RISK_FLOOR),
        r => r,
    };
    (risk, critical_resistance && computed.is_none_or(|r| r < CRITICAL_RISK_FLOOR))
}

/// Rules 2's barrier point: the first dimension, in prerequisite order, whose score is below
/// the threshold, named only when it is below by more than its margin. Otherwise no barrier is
/// named (the scores cannot tell it apart from one that is workable) and the lowest dimension
/// below the threshold is returned as a pointer. A later, clearer dimension is never named in
/// its place: it would not be the first barrier.
pub fn barrier_with_margin(dimensions: &[DimensionScore]) -> (Option<Dimension>, Option<Dimension>) {
    let below = |d: &&DimensionScore| d.score.is_some_and(|s| s < BARRIER_THRESHOLD);
    let by_score = dimensions.iter().find(below).filter(|first| {
        let margin = first.range.unwrap_or(0) as u16;
        (first.score.unwrap_or(0) as u16 + margin) < BARRIER_THRESHOLD as u16
    });
    // A critical answer makes its dimension a candidate whatever its score: the earlier, in
    // prerequisite order, of the first capped dimension and the one the scores name.
    let capped = dimensions.iter().find(|d| d.capped);
    let named = match (by_score, capped) {
        (Some(a), Some(b)) => Some(a.dimension.min(b.dimension)),
        (a, b) => a.or(b).map(|d| d.dimension),
    };
    if named.is_some() {
        return (named, None);
    }
    let lowest = dimensions.iter().filter(below).min_by_key(|d| (d.score, d.dimension)).map(|d| d.dimension);
    (None, lowest)
}

/// What one answer to an item is worth. The one definition of an item's score, used by `score`
/// and by the team view's consistency figures.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Worth {
    /// 0-100, keyed: Likert 1-5 map to 0-100 (reversed items the other way), a Choice option to
    /// its score, a checklist part's "in writing" to 100 and "not in writing" to 0.
    Score(f64),
    /// "Don't know": the Likert "don't know", a Choice's last option or one scored below zero.
    DontKnow,
    /// "Not applicable": the Likert answer, or a choice's `na` option.
    NotApplicable,
    /// Unanswered, out of range, or the wrong kind of answer.
    Nothing,
}

pub(crate) fn worth(kind: &ItemKind, answer: Option<Answer>) -> Worth {
    match (kind, answer) {
        (ItemKind::Likert { reverse }, Some(Answer::Likert(v @ 1..=5))) => {
            Worth::Score(if *reverse { 5 - v } else { v - 1 } as f64 * 25.0)
        }
        (ItemKind::Likert { .. }, Some(Answer::DontKnow)) => Worth::DontKnow,
        (ItemKind::Likert { .. }, Some(Answer::NotApplicable)) => Worth::NotApplicable,
        (ItemKind::Choice { options, scores, .. }, Some(Answer::Choice(i))) => {
            let i = i as usize;
            if options.get(i) == Some(&"na") {
                Worth::NotApplicable
            } else if i + 1 == options.len() || scores.get(i).is_some_and(|s| *s < 0) {
                Worth::DontKnow
            } else {
                scores.get(i).map_or(Worth::Nothing, |s| Worth::Score(*s as f64))
            }
        }
        (ItemKind::Checklist { .. }, Some(Answer::Choice(CHECKLIST_YES))) => Worth::Score(100.0),
        (ItemKind::Checklist { .. }, Some(Answer::Choice(CHECKLIST_NO))) => Worth::Score(0.0),
        (ItemKind::Checklist { .. }, Some(Answer::Choice(_))) => Worth::DontKnow,
        _ => Worth::Nothing,
    }
}

/// The 0-100 score of a whole item in a response (the matrix: share of answered areas with a
/// named owner; a checklist: share of answered parts in writing), and the answer units it
/// counted: (score if any, answered, don't know, not applicable, shown units).
pub(crate) fn item_score(item: &'static crate::instrument::Item, response: &Response) -> (Option<f64>, u8, u8, u8, u8) {
    match item.kind {
        ItemKind::Likert { .. } | ItemKind::Choice { .. } => match worth(&item.kind, response.get(Slot(item.slot))) {
            Worth::Score(s) => (Some(s), 1, 0, 0, 1),
            Worth::DontKnow => (None, 0, 1, 0, 1),
            Worth::NotApplicable => (None, 0, 0, 1, 1),
            Worth::Nothing => (None, 0, 0, 0, 1),
        },
        ItemKind::Matrix { .. } => {
            let (mut named, mut unnamed, mut dk) = (0u32, 0u32, 0u8);
            for slot in item.slots() {
                match response.get(slot) {
                    Some(Answer::Owner(Owner::DontKnow)) => dk += 1,
                    Some(Answer::Owner(o)) if o.is_named() => named += 1,
                    Some(Answer::Owner(_)) => unnamed += 1,
                    _ => {}
                }
            }
            let score = (named + unnamed > 0).then(|| named as f64 * 100.0 / (named + unnamed) as f64);
            (score, (named + unnamed) as u8, dk, 0, item.answer_count() as u8)
        }
        ItemKind::Checklist { .. } => {
            let (mut yes, mut no, mut dk) = (0u32, 0u32, 0u8);
            for slot in item.slots() {
                match worth(&item.kind, response.get(slot)) {
                    Worth::Score(s) if s > 0.0 => yes += 1,
                    Worth::Score(_) => no += 1,
                    Worth::DontKnow => dk += 1,
                    _ => {}
                }
            }
            let score = (yes + no > 0).then(|| yes as f64 * 100.0 / (yes + no) as f64);
            (score, (yes + no) as u8, dk, 0, item.answer_count() as u8)
        }
    }
}

/// Scores one response against the instrument it claims to answer: the answers that do not fit
/// set aside, each dimension scored, the red flags raised, the ownership map and the context read,
/// then the report assembled from them.
pub fn score(instrument: &Instrument, response: &Response) -> Report {
    let problems = problems(instrument, response);
    let mut dims = dimension_scores(instrument, response);
    let red_flags = raised_flags(instrument, response);
    for f in &red_flags {
        let rule = &instrument.red_flags()[f.rule];
        if let (true, Some(d)) = (rule.critical, rule.dimension) {
            dims[d.index()].capped = true;
        }
    }
    let ownership = ownership(instrument, response);
    let (months, size) = (context(instrument, response, Context::Months), context(instrument, response, Context::Size));
    let mut report =
        Report::assemble(instrument, response.role, dims, red_flags, ownership, months, size, Some(response));
    report.problems = problems;
    report
}

/// Whether the response's role is shown items for `roles` (every item, without a role).
fn shown_to(response: &Response, roles: crate::instrument::RoleSet) -> bool {
    response.role.is_none_or(|r| roles.contains(r))
}

/// What does not fit the instrument: a missing role, another version, answers that are out of
/// range or to items the role is not shown. They are set aside and named, never guessed at.
fn problems(instrument: &Instrument, response: &Response) -> Vec<Problem> {
    let mut problems = Vec::new();
    if response.role.is_none() {
        problems.push(Problem::NoRole);
    }
    if response.instrument_version != instrument.version {
        problems
            .push(Problem::VersionMismatch { instrument: instrument.version, response: response.instrument_version });
    }
    for (slot, answer) in response.answered() {
        match instrument.slot_item(slot) {
            Some(_) if !Response::answer_fits(instrument, slot, answer) => problems.push(Problem::InvalidValue(slot)),
            Some((item, _)) if response.role.is_some_and(|role| !item.roles.contains(role)) => {
                problems.push(Problem::NotShownToRole(slot))
            }
            Some(_) => {}
            None => problems.push(Problem::InvalidValue(slot)),
        }
    }
    problems
}

/// Each dimension's score, counts and margin: the mean of its scored items, from at least the
/// instrument's `min_answered` of them.
fn dimension_scores(instrument: &Instrument, response: &Response) -> Vec<DimensionScore> {
    let mut sums = [(0.0f64, 0u32); 9];
    let mut dims: Vec<DimensionScore> = Dimension::ALL
        .into_iter()
        .map(|d| {
            let asked = match (instrument.rules, response.role) {
                (Rules::V2, Some(role)) => instrument.scores(role, d),
                _ => true,
            };
            DimensionScore::empty(d, asked)
        })
        .collect();
    for item in instrument.items.iter().filter(|i| shown_to(response, i.roles) && i.is_scored()) {
        let Some(dim) = item.dimension else { continue };
        let d = &mut dims[dim.index()];
        let (score, answered, dont_know, not_applicable, units) = item_score(item, response);
        d.shown = d.shown.saturating_add(units);
        d.answered = d.answered.saturating_add(answered);
        d.dont_know = d.dont_know.saturating_add(dont_know);
        d.not_applicable = d.not_applicable.saturating_add(not_applicable);
        if let Some(s) = score {
            let sum = &mut sums[dim.index()];
            *sum = (sum.0 + s, sum.1 + 1);
        }
    }
    for (d, (total, n)) in dims.iter_mut().zip(sums) {
        d.items = n as u8;
        // The matrix and a checklist are one item each for the minimum, and many units for
        // `answered`, so the minimum is checked against the number of scored items, `n`.
        if n >= instrument.min_answered as u32 {
            d.score = Some((total / n as f64).round().clamp(0.0, 100.0) as u8);
            d.range =
                response.role.and_then(|r| instrument.precision_of(r, d.dimension)).and_then(|p| margin(p, d.items));
        }
    }
    dims
}

/// The red flags the answers raise, in the instrument's order.
fn raised_flags(instrument: &Instrument, response: &Response) -> Vec<RaisedFlag> {
    let mut red_flags = Vec::new();
    for (rule_index, rule) in instrument.red_flags().iter().enumerate() {
        if let Some((slot, answer)) = matching_answer(instrument, &rule.answers, response) {
            red_flags.push(RaisedFlag { rule: rule_index, id: rule.id, slot, answer });
        }
    }
    red_flags
}

/// An answer that fits its slot, if one was given.
fn valid_answer(instrument: &Instrument, response: &Response, slot: Slot) -> Option<Answer> {
    response.get(slot).filter(|a| Response::answer_fits(instrument, slot, *a))
}

/// The ownership map: each area's owner as answered, for a role that is shown the grid.
fn ownership(instrument: &Instrument, response: &Response) -> Vec<(usize, Option<crate::instrument::Owner>)> {
    let matrix = instrument.matrix();
    if !shown_to(response, matrix.roles) {
        return Vec::new();
    }
    matrix
        .slots()
        .enumerate()
        .map(|(i, slot)| match valid_answer(instrument, response, slot) {
            Some(Answer::Owner(o)) => (i, Some(o)),
            _ => (i, None),
        })
        .collect()
}

/// A context answer's option (months of engagement, company size); `None` for no answer, and for
/// "don't know" on the size (the months keep it: it reads as an unknown phase).
fn context(instrument: &Instrument, response: &Response, c: Context) -> Option<u8> {
    instrument.context_item(c).and_then(|item| match valid_answer(instrument, response, Slot(item.slot)) {
        // The last option is "don't know": no band.
        Some(Answer::Choice(i)) if (i as usize) + 1 < 5 || c == Context::Months => Some(i),
        _ => None,
    })
}

/// The raw value of an answer as rules store it (Likert 1-5, option index, owner code); `None`
/// for don't know and not applicable, which no rule names. The team view's rules read answers
/// the same way.
pub(crate) fn raw_value(answer: Answer) -> Option<u8> {
    match answer {
        Answer::Likert(v) => Some(v),
        Answer::Choice(i) => Some(i),
        Answer::Owner(o) => Some(o.code()),
        Answer::DontKnow | Answer::NotApplicable => None,
    }
}

/// Whether the response holds one of a rule's answers, to an item its role is shown; the slot
/// and answer that match (the first part, for `Selector::All`).
pub fn matching_answer(instrument: &Instrument, rule: &AnswerRule, response: &Response) -> Option<(Slot, Answer)> {
    let item = instrument.items.get(rule.item)?;
    if response.role.is_some_and(|r| !item.roles.contains(r)) {
        return None;
    }
    let matching = |slot: Slot| {
        response
            .get(slot)
            .filter(|a| Response::answer_fits(instrument, slot, *a))
            .filter(|a| raw_value(*a).is_some_and(|v| rule.values.contains(&v)))
            .map(|a| (slot, a))
    };
    let mut slots = item.slots();
    match rule.part {
        Selector::Whole => matching(Slot(item.slot)),
        Selector::One(i) => slots.nth(i).and_then(matching),
        Selector::Any => slots.find_map(matching),
        Selector::All => {
            let all: Option<Vec<_>> = slots.map(matching).collect();
            all.and_then(|v| v.first().copied())
        }
    }
}

/// Rules 1: picks 3-5 actions: the barrier's first, then flags and low dimensions by priority,
/// then fallbacks until there are three.
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
            picked.push(PickedAction { rule, id: instrument.actions()[rule].id, trigger });
        }
    };
    if let Some(b) = barrier {
        if let Some(rule) = instrument.actions().iter().position(|a| a.dimensions.contains(&b)) {
            push(&mut picked, rule, Trigger::Barrier(b));
        }
    }
    for (rule, action) in instrument.actions().iter().enumerate() {
        let flag = red_flags.iter().find(|f| action.flags.contains(&f.rule));
        if let Some(f) = flag {
            push(&mut picked, rule, Trigger::Flag(f.rule));
        } else if let Some(d) = action.dimensions.iter().find(|d| low(d)) {
            push(&mut picked, rule, Trigger::LowDimension(*d));
        }
    }
    for (rule, action) in instrument.actions().iter().enumerate() {
        if picked.len() >= MIN_ACTIONS {
            break;
        }
        if action.fallback {
            push(&mut picked, rule, Trigger::Fallback);
        }
    }
    picked
}

/// Rules 2: an action is offered when one of its trigger answers is present and none of its
/// in-place answers is (and, for a phase action, in its phase with tense friction). Phase
/// actions come first, then those serving the barrier dimension, then the rest by priority, at
/// most five; fallbacks fill the list to three.
fn pick_actions_v2(instrument: &Instrument, report: &Report, response: &Response) -> Vec<PickedAction> {
    let offered = |rule: &crate::instrument::ActionRule| -> Option<Trigger> {
        // Only what the reader can do or ask for.
        if report.role.is_some_and(|r| !rule.offer_to.contains(r)) {
            return None;
        }
        if !rule.phases.is_empty() && !rule.phases.contains(&report.phase) {
            return None;
        }
        if rule.when_tense && report.phase_reading != PhaseReading::Tense {
            return None;
        }
        if rule.in_place.iter().any(|r| matching_answer(instrument, r, response).is_some()) {
            return None;
        }
        let (slot, answer) = rule.triggers.iter().find_map(|r| matching_answer(instrument, r, response))?;
        Some(if rule.when_tense { Trigger::Phase { slot, answer } } else { Trigger::Answer { slot, answer } })
    };
    let candidates: Vec<(usize, &crate::instrument::ActionRule, Trigger)> =
        instrument.actions().iter().enumerate().filter_map(|(i, rule)| offered(rule).map(|t| (i, rule, t))).collect();
    // Actions are sorted by priority already; a stable sort by tier keeps that within a tier.
    let tier = |rule: &crate::instrument::ActionRule| {
        if rule.fallback {
            3
        } else if rule.when_tense {
            0
        } else if report.barrier.is_some() && rule.dimension == report.barrier {
            1
        } else {
            2
        }
    };
    let mut ordered = candidates;
    crate::order::sort_by_key(&mut ordered, |(_, rule, _)| tier(rule));
    let mut picked: Vec<PickedAction> = Vec::new();
    for (rule, action, trigger) in ordered {
        let room = if action.fallback { picked.len() < MIN_ACTIONS } else { picked.len() < MAX_ACTIONS };
        if room {
            picked.push(PickedAction { rule, id: action.id, trigger });
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
#[cfg(test)]
mod tests_v2;
