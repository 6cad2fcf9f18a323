//! The team summary link's figures, bit by bit (the layout is in the parent module's docs).

use super::envelope;
use crate::aggregate::{
    AreaRow, FlagCount, GroupStat, Majority, PerceptionGap, RoleGroup, Spread, TeamDimension, TeamReport, OWNERS,
};
use crate::instrument::{Dimension, Instrument, Owner, Role};
use crate::share::{BitReader, BitWriter, LinkError};

/// Figures travel in tenths of a point, as the view shows them (10 bits; this value = none).
const NONE10: u32 = 1023;
/// At most this many comparisons travel (the view lists the largest).
pub const MAX_GAPS: usize = 12;

fn tenth(v: Option<f64>) -> u32 {
    v.map_or(NONE10, |v| ((v * 10.0).round().max(0.0) as u32).min(1000))
}

fn untenth(v: u32) -> Result<Option<f64>, LinkError> {
    match v {
        NONE10 => Ok(None),
        v if v <= 1000 => Ok(Some(v as f64 / 10.0)),
        _ => Err(LinkError::Altered),
    }
}

/// The first release's half points (8 bits; 255 = none).
fn unhalf(v: u32) -> Result<Option<f64>, LinkError> {
    match v {
        255 => Ok(None),
        v if v <= 200 => Ok(Some(v as f64 / 2.0)),
        _ => Err(LinkError::Altered),
    }
}

fn areas(instrument: &Instrument) -> usize {
    instrument.ownership.len()
}

/// Encodes a team report's shown figures (means and spreads are kept to a tenth of a point).
pub fn encode(instrument: &Instrument, t: &TeamReport) -> String {
    let mut w = BitWriter::default();
    w.push(instrument.version as u32, 6);
    w.push(t.threshold.min(63) as u32, 6);
    w.push(t.n.min(1023) as u32, 10);
    w.push(t.n_full.min(1023) as u32, 10);
    w.push(t.suppressed as u32, 1);
    for d in &t.dimensions {
        w.push(tenth(d.score), 10);
        w.push(tenth(d.spread.map(|s| s.median)), 10);
        w.push(tenth(d.spread.map(|s| s.q1)), 10);
        w.push(tenth(d.spread.map(|s| s.q3)), 10);
        w.push(d.spread.map_or(0, |s| s.n.min(1023)) as u32, 10);
    }
    for g in &t.roles {
        // A hidden group travels as hidden, with no size (the aggregate keeps none) and no
        // figures. Code 2 (hidden to protect another group) was written by earlier releases.
        let shown = g.is_shown();
        w.push(if shown { g.n.min(1023) as u32 } else { 0 }, 10);
        w.push(if shown { 0 } else { 1 }, 2);
        if shown {
            for m in &g.means {
                w.push(tenth(*m), 10);
            }
        }
    }
    let gaps: Vec<&PerceptionGap> = t.gaps.iter().take(MAX_GAPS).collect();
    w.push(gaps.len() as u32, 5);
    for g in gaps {
        w.push(g.dimension.index() as u32, 4);
        for s in [g.higher, g.lower] {
            w.push(s.role.code() as u32, 2);
            w.push(s.n.min(1023) as u32, 10);
            w.push(tenth(Some(s.mean)), 10);
            w.push(tenth(Some(s.sd)), 10);
        }
        w.push(g.gap as u32, 1);
    }
    for a in 0..areas(instrument) {
        let row = t.ownership.iter().find(|r| r.area == a);
        w.push(row.is_some_and(|r| r.gap) as u32, 1);
        w.push(row.is_some_and(|r| r.disagreement) as u32, 1);
        for role in Role::ALL {
            let m = row.and_then(|r| r.majority.iter().find(|m| m.role == role));
            w.push(m.and_then(|m| m.owner).map_or(0, |o| o.code() as u32), 3);
            w.push(m.map_or(0, |m| m.agree.min(127)) as u32, 7);
            w.push(m.map_or(0, |m| m.of.min(127)) as u32, 7);
        }
    }
    let flags: Vec<&FlagCount> = t.flags.iter().take(63).collect();
    w.push(flags.len() as u32, 6);
    for f in flags {
        w.push(f.rule.min(63) as u32, 6);
        w.push(f.count.min(1023) as u32, 10);
        w.push(f.of.min(1023) as u32, 10);
    }
    w.push(t.withheld.iter().fold(0u32, |a, r| a | 1 << r.code()), 4);
    w.finish()
}

/// Decodes `#t=...` (or `t=...`). Never panics.
pub fn decode(text: &str) -> Result<TeamReport, LinkError> {
    let body = envelope(text)?;
    let mut r = BitReader::new(&body);
    let instrument = Instrument::by_version(r.take(6) as u8)?;
    let threshold = r.take(6) as usize;
    let n = r.take(10) as usize;
    let n_full = r.take(10) as usize;
    let suppressed = r.take(1) == 1;
    let report = if instrument.version == 1 {
        decode_v1(instrument, &mut r, threshold, n, n_full, suppressed)?
    } else {
        decode_v2(instrument, &mut r, threshold, n, n_full, suppressed)?
    };
    if !r.rest_is_zero() {
        return Err(LinkError::Altered);
    }
    Ok(report)
}

fn role_groups(r: &mut BitReader, v1: bool) -> Result<Vec<RoleGroup>, LinkError> {
    let mut roles = Vec::new();
    for role in Role::ALL {
        let size = r.take(10) as usize;
        let shown = r.take(2) == 0 && size > 0;
        let mut mean = || if v1 { unhalf(r.take(8)) } else { untenth(r.take(10)) };
        let means = if shown { (0..9).map(|_| mean()).collect::<Result<Vec<_>, _>>()? } else { Vec::new() };
        // Links of earlier releases carried a hidden group's size; it is not shown any more.
        roles.push(if shown { RoleGroup { role, n: size, shown, means } } else { RoleGroup::hidden(role) });
    }
    Ok(roles)
}

fn decode_v2(
    instrument: &Instrument,
    r: &mut BitReader,
    threshold: usize,
    n: usize,
    n_full: usize,
    suppressed: bool,
) -> Result<TeamReport, LinkError> {
    let mut t = TeamReport::empty(instrument.version, threshold, n, n_full, suppressed);
    for dimension in Dimension::ALL {
        let score = untenth(r.take(10))?;
        let (median, q1, q3, count) =
            (untenth(r.take(10))?, untenth(r.take(10))?, untenth(r.take(10))?, r.take(10) as usize);
        let spread = match (median, q1, q3) {
            (Some(median), Some(q1), Some(q3)) => Some(Spread { n: count, median, q1, q3 }),
            _ => None,
        };
        t.dimensions[dimension.index()] = TeamDimension { dimension, score, spread, groups: 0, capped: false };
    }
    t.roles = role_groups(r, false)?;
    let gaps = r.take(5) as usize;
    for _ in 0..gaps {
        let dimension = Dimension::from_index(r.take(4) as usize).ok_or(LinkError::Altered)?;
        let mut stat = || -> Result<GroupStat, LinkError> {
            let role = Role::from_code(r.take(2) as u8).ok_or(LinkError::Altered)?;
            let n = r.take(10) as usize;
            let mean = untenth(r.take(10))?.ok_or(LinkError::Altered)?;
            let sd = untenth(r.take(10))?.ok_or(LinkError::Altered)?;
            Ok(GroupStat { role, n, mean, sd })
        };
        let (higher, lower) = (stat()?, stat()?);
        let gap = r.take(1) == 1;
        t.gaps.push(PerceptionGap { dimension, higher, lower, size: higher.mean - lower.mean, gap });
    }
    for area in 0..areas(instrument) {
        let gap = r.take(1) == 1;
        let disagreement = r.take(1) == 1;
        let mut majority = Vec::new();
        for role in Role::ALL {
            let (code, agree, of) = (r.take(3) as u8, r.take(7) as usize, r.take(7) as usize);
            // A group with no figure on the area travels as nobody answering.
            if t.roles[role.code() as usize].is_shown() && of > 0 {
                majority.push(Majority { role, owner: Owner::from_code(code), agree, of });
            }
        }
        // Only the marks and majorities travel; the per-role counts stay with the facilitator.
        t.ownership.push(AreaRow { area, counts: [0; OWNERS], by_role: Vec::new(), majority, disagreement, gap });
    }
    let flags = r.take(6) as usize;
    for _ in 0..flags {
        let (rule, count, of) = (r.take(6) as usize, r.take(10) as usize, r.take(10) as usize);
        if rule >= instrument.red_flags().len() || count > of {
            return Err(LinkError::Altered);
        }
        t.flags.push(FlagCount { rule, count, of });
    }
    let withheld = r.take(4);
    t.withheld = Role::ALL.into_iter().filter(|role| withheld & (1 << role.code()) != 0).collect();
    crate::aggregate::apply_critical(instrument, &mut t);
    Ok(t)
}

/// The first release's layout: medians and quartiles (its headline was the median), shown
/// groups' means, gap and dispute marks, flag counts over the full links.
fn decode_v1(
    instrument: &Instrument,
    r: &mut BitReader,
    threshold: usize,
    n: usize,
    n_full: usize,
    suppressed: bool,
) -> Result<TeamReport, LinkError> {
    let mut t = TeamReport::empty(instrument.version, threshold, n, n_full, suppressed);
    for dimension in Dimension::ALL {
        let (median, q1, q3, count) = (unhalf(r.take(8))?, unhalf(r.take(8))?, unhalf(r.take(8))?, r.take(10) as usize);
        let spread = match (median, q1, q3) {
            (Some(median), Some(q1), Some(q3)) => Some(Spread { n: count, median, q1, q3 }),
            _ => None,
        };
        t.dimensions[dimension.index()] =
            TeamDimension { dimension, score: spread.map(|s| s.median), spread, groups: 0, capped: false };
    }
    t.roles = role_groups(r, true)?;
    for area in 0..areas(instrument) {
        let gap = r.take(1) == 1;
        let disagreement = r.take(1) == 1;
        t.ownership.push(AreaRow {
            area,
            counts: [0; OWNERS],
            by_role: Vec::new(),
            majority: Vec::new(),
            disagreement,
            gap,
        });
    }
    for rule in 0..instrument.red_flags().len() {
        let count = r.take(10) as usize;
        if count > 0 {
            t.flags.push(FlagCount { rule, count, of: n_full });
        }
    }
    crate::order::sort_by(&mut t.flags, |a, b| b.count.cmp(&a.count).then(a.rule.cmp(&b.rule)));
    crate::aggregate::apply_critical(instrument, &mut t);
    Ok(t)
}
