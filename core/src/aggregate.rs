//! Team aggregation: many decoded share links into one picture, computed locally, with
//! anonymity rules applied before any figure leaves this module.
//!
//! [`collect`] reads pasted text (links one per line or inside prose), decodes each link, drops
//! exact duplicates and lists invalid ones with their reason. [`aggregate`] computes per-dimension
//! distributions, the team barrier point, per-role means and the perception gaps between roles,
//! the ownership disagreement map, red-flag prevalence and Cronbach's alpha. Role groups smaller
//! than the threshold are hidden, and so is the next-smallest group when the hidden ones could
//! otherwise be worked out by subtraction from the team total.

use crate::instrument::{Dimension, Instrument, ItemKind, Owner, Role};
use crate::response::{Answer, Response};
use crate::scoring::{score, Report, BARRIER_THRESHOLD};
use crate::share::{self, LinkError, Shared};
use std::collections::BTreeSet;

/// The smallest anonymity threshold a deployment may configure.
pub const MIN_THRESHOLD: usize = 3;
/// The default: a role group is shown from five respondents (as Viva Glint does).
pub const DEFAULT_THRESHOLD: usize = 5;
/// Owner answers counted per area, indexed by `Owner::code() - 1`.
pub const OWNERS: usize = Owner::ALL.len();
/// Cronbach's alpha is computed from this many complete full responses.
pub const ALPHA_MIN_N: usize = 10;

/// One respondent as the team view sees them.
#[derive(Clone, Debug)]
pub struct Member {
    pub report: Report,
    /// Present for full links only.
    pub response: Option<Response>,
}

/// The result of reading pasted text.
#[derive(Clone, Debug, Default)]
pub struct Collected {
    pub members: Vec<Member>,
    /// (the text that failed, why).
    pub invalid: Vec<(String, LinkError)>,
    /// Links pasted more than once (counted once).
    pub duplicates: usize,
}

/// Reads links from free text: every `#r=` payload, plus any line that looks like a URL but
/// holds none (reported as not an Overlap link).
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
            if !seen.insert(payload) {
                out.duplicates += 1;
                continue;
            }
            match share::decode(payload) {
                Ok(shared) => out.members.push(member(shared)),
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
    /// Mean score per dimension (prerequisite order); empty when hidden.
    pub means: Vec<Option<f64>>,
}

impl RoleGroup {
    /// Whether the group's figures are shown: not hidden by the anonymity rules, and scored.
    pub fn is_shown(&self) -> bool {
        self.hidden.is_none() && !self.means.is_empty()
    }
}

/// A difference between two shown role groups on one dimension.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PerceptionGap {
    pub dimension: Dimension,
    pub higher: Role,
    pub lower: Role,
    pub size: f64,
}

/// One ownership area: how many respondents named each owner, overall and per shown role.
#[derive(Clone, Debug, PartialEq)]
pub struct AreaRow {
    pub area: usize,
    /// Counts indexed by `Owner::code() - 1`.
    pub counts: [usize; OWNERS],
    pub by_role: Vec<(Role, [usize; OWNERS])>,
    /// Respondents named more than one real owner (Internal IT, MSP, Shared, Vendor).
    pub disagreement: bool,
    /// Someone answered Nobody or Don't know.
    pub gap: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Alpha {
    pub dimension: Dimension,
    /// Complete responses used.
    pub n: usize,
    pub items: usize,
    pub value: Option<f64>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TeamReport {
    pub threshold: usize,
    pub n: usize,
    pub n_full: usize,
    /// Too few respondents overall: no figure is shown at all.
    pub suppressed: bool,
    pub dimensions: Vec<(Dimension, Option<Spread>)>,
    pub barrier: Option<Dimension>,
    pub roles: Vec<RoleGroup>,
    pub gaps: Vec<PerceptionGap>,
    pub ownership: Vec<AreaRow>,
    /// (index into `Instrument::red_flags`, respondents who raised it), most common first.
    pub flags: Vec<(usize, usize)>,
    pub alpha: Vec<Alpha>,
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

/// Aggregates members with an anonymity threshold (raised to at least [`MIN_THRESHOLD`]).
pub fn aggregate(instrument: &Instrument, members: &[Member], threshold: usize) -> TeamReport {
    let threshold = threshold.max(MIN_THRESHOLD);
    let n = members.len();
    // Item-level figures come from full links of this instrument version; a link from an earlier
    // version counts for its dimension scores only, like a summary link.
    let full: Vec<&Member> = members
        .iter()
        .filter(|m| m.response.as_ref().is_some_and(|r| r.instrument_version == instrument.version))
        .collect();
    let suppressed = n < threshold;
    let dim_values = |group: &[&Member], d: Dimension| -> Vec<f64> {
        group.iter().filter_map(|m| m.report.dimension(d).score.map(f64::from)).collect()
    };
    let everyone: Vec<&Member> = members.iter().collect();
    let dimensions: Vec<(Dimension, Option<Spread>)> = Dimension::ALL
        .into_iter()
        .map(|d| (d, if suppressed { None } else { spread(&dim_values(&everyone, d)) }))
        .collect();
    let barrier = team_barrier(&dimensions);

    let sizes: Vec<(Role, usize)> =
        Role::ALL.iter().map(|r| (*r, members.iter().filter(|m| m.report.role == Some(*r)).count())).collect();
    let hidden = hidden_groups(&sizes, threshold);
    let roles: Vec<RoleGroup> = sizes
        .iter()
        .zip(&hidden)
        .map(|((role, size), (_, h))| {
            let group: Vec<&Member> = members.iter().filter(|m| m.report.role == Some(*role)).collect();
            let means = if h.is_some() || *size == 0 || suppressed {
                Vec::new()
            } else {
                Dimension::ALL
                    .into_iter()
                    .map(|d| {
                        let v = dim_values(&group, d);
                        (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
                    })
                    .collect()
            };
            RoleGroup {
                role: *role,
                n: *size,
                hidden: if suppressed && *size > 0 { Some(Hidden::TooFew) } else { *h },
                means,
            }
        })
        .collect();

    let gaps = perception_gaps(&roles);

    let ownership = if suppressed { Vec::new() } else { ownership_rows(instrument, &full, &roles) };
    let mut flags: Vec<(usize, usize)> = if suppressed {
        Vec::new()
    } else {
        (0..instrument.red_flags().len())
            .map(|f| (f, full.iter().filter(|m| m.report.red_flags.iter().any(|x| x.rule == f)).count()))
            .filter(|(_, c)| *c > 0)
            .collect()
    };
    flags.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let alpha = if suppressed { Vec::new() } else { alphas(instrument, &full) };
    TeamReport {
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
        alpha,
    }
}

/// The first dimension, in prerequisite order, whose team median is below the threshold.
pub fn team_barrier(dimensions: &[(Dimension, Option<Spread>)]) -> Option<Dimension> {
    dimensions.iter().find(|(_, s)| s.is_some_and(|s| s.median < BARRIER_THRESHOLD as f64)).map(|(d, _)| *d)
}

/// Differences between every pair of shown role groups on every dimension, largest first.
pub fn perception_gaps(roles: &[RoleGroup]) -> Vec<PerceptionGap> {
    let shown: Vec<&RoleGroup> = roles.iter().filter(|g| g.is_shown()).collect();
    let mut gaps = Vec::new();
    for d in Dimension::ALL {
        for (i, a) in shown.iter().enumerate() {
            for b in &shown[i + 1..] {
                if let (Some(x), Some(y)) = (a.means[d.index()], b.means[d.index()]) {
                    let (higher, lower) = if x >= y { (a.role, b.role) } else { (b.role, a.role) };
                    gaps.push(PerceptionGap { dimension: d, higher, lower, size: (x - y).abs() });
                }
            }
        }
    }
    gaps.sort_unstable_by(|a, b| b.size.total_cmp(&a.size).then(a.dimension.cmp(&b.dimension)));
    gaps
}

fn ownership_rows(instrument: &Instrument, full: &[&Member], roles: &[RoleGroup]) -> Vec<AreaRow> {
    let matrix = instrument.matrix();
    let ItemKind::Matrix { keys, .. } = matrix.kind else { return Vec::new() };
    (0..keys.len())
        .map(|a| {
            let key = keys[a];
            let owner_of = |m: &&Member| match m.response.as_ref().and_then(|r| r.get(key)) {
                Some(Answer::Owner(o)) => Some(o),
                _ => None,
            };
            let mut counts = [0usize; OWNERS];
            for o in full.iter().filter_map(owner_of) {
                counts[o.code() as usize - 1] += 1;
            }
            let by_role = roles
                .iter()
                .filter(|g| g.hidden.is_none() && g.n > 0)
                .map(|g| {
                    let mut c = [0usize; OWNERS];
                    for o in full.iter().filter(|m| m.report.role == Some(g.role)).filter_map(owner_of) {
                        c[o.code() as usize - 1] += 1;
                    }
                    (g.role, c)
                })
                .collect();
            let named = [Owner::InternalIt, Owner::Msp, Owner::Shared, Owner::Vendor]
                .iter()
                .filter(|o| counts[o.code() as usize - 1] > 0)
                .count();
            let gap = counts[Owner::Nobody.code() as usize - 1] + counts[Owner::DontKnow.code() as usize - 1] > 0;
            AreaRow { area: a, counts, by_role, disagreement: named > 1, gap }
        })
        .collect()
}

/// Cronbach's alpha per dimension over the items enough people answered, listwise complete.
fn alphas(instrument: &Instrument, full: &[&Member]) -> Vec<Alpha> {
    // Every member's item scores, computed once: members × items, indexed by item position.
    let scores: Vec<Vec<Option<f64>>> = full
        .iter()
        .filter_map(|m| m.response.as_ref())
        .map(|r| instrument.items.iter().map(|it| item_score(it, r)).collect())
        .collect();
    Dimension::ALL
        .into_iter()
        .map(|d| {
            let items: Vec<usize> = instrument
                .items
                .iter()
                .enumerate()
                .filter(|(_, i)| i.dimension == Some(d) && !matches!(i.kind, ItemKind::Matrix { .. }) && i.is_scored())
                .map(|(k, _)| k)
                .collect();
            // Start from items answered by at least ALPHA_MIN_N people, most answered first, and
            // drop the least answered until enough respondents answered all that remain.
            let mut ranked: Vec<(usize, usize)> =
                items.iter().map(|k| (*k, scores.iter().filter(|s| s[*k].is_some()).count())).collect();
            ranked.retain(|(_, c)| *c >= ALPHA_MIN_N);
            ranked.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            while ranked.len() >= 2 {
                let rows: Vec<Vec<f64>> = scores
                    .iter()
                    .filter_map(|s| ranked.iter().map(|(k, _)| s[*k]).collect::<Option<Vec<f64>>>())
                    .collect();
                if rows.len() >= ALPHA_MIN_N {
                    return Alpha { dimension: d, n: rows.len(), items: ranked.len(), value: cronbach_alpha(&rows) };
                }
                ranked.pop();
            }
            Alpha { dimension: d, n: 0, items: ranked.len(), value: None }
        })
        .collect()
}

/// An item's 0-100 score in one response (None for unanswered or "don't know"), by the same
/// rules as the report's scores.
fn item_score(item: &crate::instrument::Item, response: &Response) -> Option<f64> {
    match crate::scoring::worth(&item.kind, response.get(item.id)) {
        crate::scoring::Worth::Score(s) => Some(s),
        _ => None,
    }
}

/// Cronbach's alpha of respondents × items: k/(k-1) × (1 - Σ item variances / total variance),
/// with sample variances. `None` when undefined (fewer than 2 items or 2 rows, no variance).
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
    /// Follow-up median minus baseline median, per dimension.
    pub deltas: Vec<(Dimension, Option<f64>)>,
    pub flags_closed: Vec<usize>,
    pub flags_opened: Vec<usize>,
    pub gaps_closed: Vec<usize>,
    pub gaps_opened: Vec<usize>,
}

pub fn change(before: &TeamReport, after: &TeamReport) -> Change {
    let deltas = Dimension::ALL
        .into_iter()
        .map(|d| {
            let m = |t: &TeamReport| t.dimensions[d.index()].1.map(|s| s.median);
            (d, m(before).zip(m(after)).map(|(a, b)| b - a))
        })
        .collect();
    let flag_set = |t: &TeamReport| t.flags.iter().map(|(f, _)| *f).collect::<BTreeSet<_>>();
    let gap_set = |t: &TeamReport| t.ownership.iter().filter(|r| r.gap).map(|r| r.area).collect::<BTreeSet<_>>();
    let (fb, fa, gb, ga) = (flag_set(before), flag_set(after), gap_set(before), gap_set(after));
    Change {
        deltas,
        flags_closed: fb.difference(&fa).copied().collect(),
        flags_opened: fa.difference(&fb).copied().collect(),
        gaps_closed: gb.difference(&ga).copied().collect(),
        gaps_opened: ga.difference(&gb).copied().collect(),
    }
}

/// Scores a response against its own instrument version (for callers holding a Response).
pub fn member_from_response(response: Response) -> Member {
    let instrument = Instrument::by_version(response.instrument_version).unwrap_or(Instrument::current());
    Member { report: score(instrument, &response), response: Some(response) }
}

#[cfg(test)]
mod tests;
