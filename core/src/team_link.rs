//! Team summary links (`#t=...`): the aggregate figures of a team view, and nothing about any
//! individual, packed like share links (version, bits, CRC-16, base64url) to pass on to
//! leadership.
//!
//! Only what the team view already shows travels: the count of results, per-dimension median and
//! quartiles, each role group's size and (when shown) its means, which ownership areas were
//! gaps or disputed, and red-flag counts. Hidden groups travel as hidden, with no figures, and a
//! team below the threshold travels as suppressed, so the link cannot reveal more than the
//! screen did. Layout: `version:6 | threshold:6 | n:10 | n_full:10 | suppressed:1 | per
//! dimension (median, q1, q3 as half-points:8 each, 255 = none; n:10) | per role (n:10,
//! hidden:2, means as half-points:8 ×9 when shown) | per area (gap:1, disputed:1) | per red flag
//! (count:10)`, zero padding, CRC-16/XMODEM.

use crate::aggregate::{AreaRow, Hidden, RoleGroup, Spread, TeamReport};
use crate::instrument::{Dimension, Instrument, Role};
use crate::share::{BitReader, BitWriter, LinkError};

pub const FRAGMENT_PREFIX: &str = "t=";
const NONE8: u32 = 255;

fn half(v: Option<f64>) -> u32 {
    v.map_or(NONE8, |v| ((v * 2.0).round() as u32).min(200))
}

fn unhalf(v: u32) -> Result<Option<f64>, LinkError> {
    match v {
        NONE8 => Ok(None),
        v if v <= 200 => Ok(Some(v as f64 / 2.0)),
        _ => Err(LinkError::Altered),
    }
}

/// Encodes a team report's shown figures (means are kept to half a point).
pub fn encode(instrument: &Instrument, t: &TeamReport) -> String {
    let mut w = BitWriter::default();
    w.push(instrument.version as u32, 6);
    w.push(t.threshold.min(63) as u32, 6);
    w.push(t.n.min(1023) as u32, 10);
    w.push(t.n_full.min(1023) as u32, 10);
    w.push(t.suppressed as u32, 1);
    for (_, s) in &t.dimensions {
        w.push(half(s.map(|s| s.median)), 8);
        w.push(half(s.map(|s| s.q1)), 8);
        w.push(half(s.map(|s| s.q3)), 8);
        w.push(s.map_or(0, |s| s.n.min(1023)) as u32, 10);
    }
    for g in &t.roles {
        w.push(g.n.min(1023) as u32, 10);
        let shown = g.is_shown();
        w.push(
            match g.hidden {
                None if shown => 0,
                Some(Hidden::TooFew) => 1,
                Some(Hidden::Complementary) => 2,
                None => 3,
            },
            2,
        );
        if shown {
            for m in &g.means {
                w.push(half(*m), 8);
            }
        }
    }
    let areas = match instrument.matrix().kind {
        crate::ItemKind::Matrix { areas, .. } => areas.len(),
        _ => 0,
    };
    for a in 0..areas {
        let row = t.ownership.iter().find(|r| r.area == a);
        w.push(row.is_some_and(|r| r.gap) as u32, 1);
        w.push(row.is_some_and(|r| r.disagreement) as u32, 1);
    }
    for f in 0..instrument.red_flags().len() {
        w.push(t.flags.iter().find(|(x, _)| *x == f).map_or(0, |(_, c)| (*c).min(1023)) as u32, 10);
    }
    w.finish()
}

/// What a team summary link carries, ready for the team view's markup.
#[derive(Clone, Debug, PartialEq)]
pub struct TeamSummary {
    pub report: TeamReport,
    /// Ownership areas (indices) that were gaps, and that were disputed.
    pub gaps: Vec<usize>,
    pub disputed: Vec<usize>,
}

/// The checked body of a team link: the right prefix and alphabet, long enough, and the CRC
/// matches. Never panics.
fn envelope(text: &str) -> Result<Vec<u8>, LinkError> {
    let payload = crate::share::payload_of(text, FRAGMENT_PREFIX).ok_or(LinkError::NotOverlap)?;
    if !crate::share::in_link_alphabet(payload) {
        return Err(LinkError::Garbled);
    }
    let bytes = crate::wire::decode(payload).ok_or(LinkError::Truncated)?;
    if bytes.len() < 8 {
        return Err(LinkError::Truncated);
    }
    let (body, sum) = bytes.split_at(bytes.len() - 2);
    if crate::wire::crc16(body).to_be_bytes() != sum {
        return Err(LinkError::Altered);
    }
    Ok(body.to_vec())
}

/// Whether a team link opens, and if not why, without building the report: what the app checks
/// before it loads the results module (which decodes the link in full).
pub fn check(text: &str) -> Result<(), LinkError> {
    let body = envelope(text)?;
    Instrument::by_version(BitReader::new(&body).take(6) as u8)?;
    Ok(())
}

/// Decodes `#t=...` (or `t=...`). Never panics.
pub fn decode(text: &str) -> Result<TeamSummary, LinkError> {
    let body = envelope(text)?;
    let mut r = BitReader::new(&body);
    let instrument = Instrument::by_version(r.take(6) as u8)?;
    let threshold = r.take(6) as usize;
    let n = r.take(10) as usize;
    let n_full = r.take(10) as usize;
    let suppressed = r.take(1) == 1;
    let mut dimensions = Vec::new();
    for d in Dimension::ALL {
        let (median, q1, q3, count) = (unhalf(r.take(8))?, unhalf(r.take(8))?, unhalf(r.take(8))?, r.take(10) as usize);
        let spread = match (median, q1, q3) {
            (Some(median), Some(q1), Some(q3)) => Some(Spread { n: count, median, q1, q3 }),
            _ => None,
        };
        dimensions.push((d, spread));
    }
    let mut roles = Vec::new();
    for role in Role::ALL {
        let size = r.take(10) as usize;
        let hidden = match r.take(2) {
            0 => None,
            1 => Some(Hidden::TooFew),
            2 => Some(Hidden::Complementary),
            _ => None,
        };
        let shown_code = hidden.is_none() && size > 0;
        let means =
            if shown_code { (0..9).map(|_| unhalf(r.take(8))).collect::<Result<Vec<_>, _>>()? } else { Vec::new() };
        roles.push(RoleGroup { role, n: size, hidden, means });
    }
    let areas = match instrument.matrix().kind {
        crate::ItemKind::Matrix { areas, .. } => areas.len(),
        _ => 0,
    };
    let (mut gaps, mut disputed) = (Vec::new(), Vec::new());
    for a in 0..areas {
        if r.take(1) == 1 {
            gaps.push(a);
        }
        if r.take(1) == 1 {
            disputed.push(a);
        }
    }
    let mut flags = Vec::new();
    for f in 0..instrument.red_flags().len() {
        let c = r.take(10) as usize;
        if c > 0 {
            flags.push((f, c));
        }
    }
    if !r.rest_is_zero() {
        return Err(LinkError::Altered);
    }
    flags.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let barrier = crate::aggregate::team_barrier(&dimensions);
    let gaps_between = crate::aggregate::perception_gaps(&roles);
    let report = TeamReport {
        threshold,
        n,
        n_full,
        suppressed,
        dimensions,
        barrier,
        roles,
        gaps: gaps_between,
        // Only gap and dispute marks travel; the per-role answers stay with the facilitator.
        ownership: (0..areas)
            .map(|a| AreaRow {
                area: a,
                counts: [0; crate::aggregate::OWNERS],
                by_role: Vec::new(),
                disagreement: disputed.contains(&a),
                gap: gaps.contains(&a),
            })
            .collect(),
        flags,
        alpha: Vec::new(),
    };
    Ok(TeamSummary { report, gaps, disputed })
}

#[cfg(test)]
mod tests;
