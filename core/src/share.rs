//! Share links: a response (or its summary) packed into bits, checksummed, and written as
//! base64url for the URL fragment (`#r=...`).
//!
//! Layout, the same for every version (an invariant old links rely on):
//! `version:6 | detail:1 | role:3 | payload | zero padding to a byte | CRC-16/XMODEM:16`.
//! The payload of a *full* link is, in order, every item of that instrument version (rules 1)
//! or every item the link's role is shown (rules 2, so a role's link carries nothing else):
//! Likert 3 bits (0 none, 1-5, 6 don't know, 7 not applicable); choice: 0 none or option+1 in
//! the fewest bits that fit; matrix: 3 bits per area, 0 none or the `Owner` code; checklist: 2
//! bits per part, 0 none or answer+1. A *summary* link holds the two context answers and, per
//! dimension, the score (7 bits, 127 = not enough answers) and counts: rules 1 the shown,
//! answered and don't-know units (5 bits each); rules 2 those (6 bits each), the not-applicable
//! units (6) and the scored items (4), then the actions the report offered (five slots of 6
//! bits, 63 = empty). Decoding reads old versions with their own instrument and layout; bits are
//! never reinterpreted.

use crate::instrument::{
    Dimension, Instrument, Item, ItemKind, Owner, Role, Rules, Slot, UnknownVersion, CHECKLIST_ANSWERS,
};
use crate::response::{Answer, Response};
use crate::scoring::{margin, DimensionScore, Report, MAX_ACTIONS};

/// What follows `#` in a share link, before the payload.
pub const FRAGMENT_PREFIX: &str = "r=";
/// What follows `#` in an invitation that carries a round's public key (`#k=<key>`; sealing is
/// `crate::seal`'s, the prefix is here with the other fragments').
pub const ROUND_KEY_PREFIX: &str = "k=";
const NO_SCORE: u32 = 127;
/// An empty action slot in a rules-2 summary link.
const NO_ACTION: u32 = 63;
// A summary link's last field: one bit per dimension that can hold a critical answer
// (`Instrument::critical_dimensions`, in order), set when one capped it. Summary links made
// before the field existed end without it: a version-2 link had the room in its zero padding
// (it reads as "none capped"), a version-1 link is one byte shorter.

/// How much a link carries; the sender chooses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// Every answer: needed for the team view and item drill-down.
    Full,
    /// Dimension figures and headline only, no item answers.
    Summary,
}

/// What a link decodes to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Shared {
    Full(Response),
    Summary(Report),
}

impl Shared {
    pub fn report(&self) -> Report {
        match self {
            Shared::Full(r) => match Instrument::by_version(r.instrument_version) {
                Ok(i) => crate::scoring::score(i, r),
                Err(_) => crate::scoring::score(Instrument::current(), r),
            },
            Shared::Summary(report) => report.clone(),
        }
    }
}

/// Why a link could not be opened. Each case has its own message for the user.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// No `r=` payload: not an Overlap result link at all.
    NotOverlap,
    /// Characters that base64url does not use, or a malformed ending.
    Garbled,
    /// Shorter than its version's layout: cut off when copied.
    Truncated,
    /// The checksum does not match, or extra data follows: the link was edited.
    Altered,
    /// Made by an instrument version this build does not know (a newer Overlap).
    UnknownVersion(u8),
    /// A sealed link (`#s=`): only the facilitator of its round can read it.
    Sealed,
    /// A sealed link for a round whose key this team view does not hold.
    SealedOtherRound,
    /// A sealed link for a key this team view holds that does not open: changed on the way.
    SealedDamaged,
}

impl LinkError {
    pub fn id(self) -> &'static str {
        match self {
            LinkError::NotOverlap => "not_overlap",
            LinkError::Garbled => "garbled",
            LinkError::Truncated => "truncated",
            LinkError::Altered => "altered",
            LinkError::UnknownVersion(_) => "unknown_version",
            LinkError::Sealed => "sealed",
            LinkError::SealedOtherRound => "sealed_other_round",
            LinkError::SealedDamaged => "sealed_damaged",
        }
    }
}

impl From<UnknownVersion> for LinkError {
    fn from(v: UnknownVersion) -> Self {
        LinkError::UnknownVersion(v.0)
    }
}

/// The items a full link carries, in order: every item (rules 1), or the role's (rules 2).
fn carried(instrument: &'static Instrument, role: Option<Role>) -> impl Iterator<Item = &'static Item> {
    let every = instrument.rules == Rules::V1;
    instrument.items.iter().filter(move |i| every || role.is_some_and(|r| i.roles.contains(r)))
}

/// Bits for one item's answers in a full link.
fn item_bits(item: &Item) -> usize {
    match item.kind {
        ItemKind::Likert { .. } => 3,
        ItemKind::Choice { options, .. } => choice_bits(options.len()) as usize,
        ItemKind::Matrix { areas, .. } => 3 * areas.len(),
        ItemKind::Checklist { parts, .. } => 2 * parts.len(),
    }
}

/// Encodes a full response; answers that do not fit the instrument are left out.
pub fn encode_full(response: &Response) -> Result<String, LinkError> {
    let instrument = Instrument::by_version(response.instrument_version)?;
    let mut w = header(instrument.version, Level::Full, response.role);
    let fits = |slot: Slot| response.get(slot).filter(|a| Response::answer_fits(instrument, slot, *a));
    for item in carried(instrument, response.role) {
        let first = Slot(item.slot);
        match item.kind {
            ItemKind::Likert { .. } => {
                let v = match fits(first) {
                    Some(Answer::Likert(v)) => v as u32,
                    Some(Answer::DontKnow) => 6,
                    Some(Answer::NotApplicable) => 7,
                    _ => 0,
                };
                w.push(v, 3);
            }
            ItemKind::Choice { options, .. } => {
                let v = match fits(first) {
                    Some(Answer::Choice(i)) => i as u32 + 1,
                    _ => 0,
                };
                w.push(v, choice_bits(options.len()));
            }
            ItemKind::Matrix { .. } => {
                for slot in item.slots() {
                    let v = match fits(slot) {
                        Some(Answer::Owner(o)) => o.code() as u32,
                        _ => 0,
                    };
                    w.push(v, 3);
                }
            }
            ItemKind::Checklist { .. } => {
                for slot in item.slots() {
                    let v = match fits(slot) {
                        Some(Answer::Choice(i)) => i as u32 + 1,
                        _ => 0,
                    };
                    w.push(v, 2);
                }
            }
        }
    }
    Ok(w.finish())
}

/// Encodes the summary of a report: no item answers leave the browser.
pub fn encode_summary(report: &Report) -> Result<String, LinkError> {
    let instrument = Instrument::by_version(report.instrument_version)?;
    let mut w = header(instrument.version, Level::Summary, report.role);
    w.push(option_code(report.months), 3);
    w.push(option_code(report.size), 3);
    let (width, rules2) = match instrument.rules {
        Rules::V1 => (5, false),
        Rules::V2 => (6, true),
    };
    let max = (1u32 << width) - 1;
    for d in &report.dimensions {
        w.push(d.score.map_or(NO_SCORE, |s| s.min(100) as u32), 7);
        for count in [d.shown, d.answered, d.dont_know] {
            w.push((count as u32).min(max), width);
        }
        if rules2 {
            w.push((d.not_applicable as u32).min(max), width);
            w.push((d.items as u32).min(15), 4);
        }
    }
    if rules2 {
        for slot in 0..MAX_ACTIONS {
            w.push(report.actions.get(slot).map_or(NO_ACTION, |a| (a.rule as u32).min(NO_ACTION - 1)), 6);
        }
    }
    // Which dimensions a critical answer capped, so the headline reads as the sender's did.
    for d in instrument.critical_dimensions() {
        w.push(report.dimension(d).capped as u32, 1);
    }
    Ok(w.finish())
}

/// Decodes a link, a fragment (`#r=...`), or a bare `r=...`. Never panics.
pub fn decode(text: &str) -> Result<Shared, LinkError> {
    Ok(match decode_raw(text)? {
        Raw::Full(response) => Shared::Full(response),
        Raw::Summary { instrument, role, months, size, mut dimensions, actions } => {
            for d in dimensions.iter_mut().filter(|d| d.score.is_some()) {
                d.range = role.and_then(|r| instrument.precision_of(r, d.dimension)).and_then(|p| margin(p, d.items));
            }
            Shared::Summary(Report::from_summary(instrument, role, months, size, dimensions, &actions))
        }
    })
}

/// Whether a link opens, and if not why, without scoring it: what the app checks before it loads
/// the results module (which decodes the link again, in full).
pub fn check(text: &str) -> Result<(), LinkError> {
    decode_raw(text).map(|_| ())
}

/// The answers a full link (or saved progress) carries; a summary link carries none.
pub fn decode_response(text: &str) -> Result<Response, LinkError> {
    match decode_raw(text)? {
        Raw::Full(response) => Ok(response),
        Raw::Summary { .. } => Err(LinkError::NotOverlap),
    }
}

/// A link's content before any scoring: a response, or a summary's figures.
enum Raw {
    Full(Response),
    Summary {
        instrument: &'static Instrument,
        role: Option<Role>,
        months: Option<u8>,
        size: Option<u8>,
        dimensions: Vec<DimensionScore>,
        actions: Vec<usize>,
    },
}

fn decode_raw(text: &str) -> Result<Raw, LinkError> {
    let payload = payload_of(text, FRAGMENT_PREFIX).ok_or(LinkError::NotOverlap)?;
    if payload.is_empty() {
        return Err(LinkError::Truncated);
    }
    if !in_link_alphabet(payload) {
        return Err(LinkError::Garbled);
    }
    // Only the alphabet's characters: a length base64 cannot have means characters were lost.
    let bytes = crate::wire::decode(payload).ok_or_else(|| {
        let head = payload.get(..4).and_then(crate::wire::decode);
        let expected = head.and_then(|h| expected_len(&h)).map(|n| n.div_ceil(3) * 4);
        match expected {
            Some(n) if payload.len() < n => LinkError::Truncated,
            _ => LinkError::Altered,
        }
    })?;
    if bytes.len() < 4 {
        return Err(LinkError::Truncated);
    }
    let expected = expected_len(&bytes);
    let (body, sum) = bytes.split_at(bytes.len() - 2);
    if crate::wire::crc16(body).to_be_bytes() != sum {
        return Err(match expected {
            Some(n) if bytes.len() < n => LinkError::Truncated,
            _ => LinkError::Altered,
        });
    }
    let version = bytes[0] >> 2;
    let summary = bytes[0] & 0b10 != 0;
    let instrument = Instrument::by_version(version)?;
    // A summary link from before the capped dimensions existed may be shorter by a byte.
    let earlier_summary = summary && bytes.len() == byte_len_without_caps(instrument) && expected != Some(bytes.len());
    match expected {
        _ if earlier_summary => {}
        Some(n) if bytes.len() < n => return Err(LinkError::Truncated),
        Some(n) if bytes.len() > n => return Err(LinkError::Altered),
        None => return Err(LinkError::Altered),
        _ => {}
    }
    let mut r = BitReader::new(body);
    r.take(7);
    let role = role_from_code(r.take(3))?;
    let shared = if summary {
        decode_summary(instrument, role, &mut r, !earlier_summary)?
    } else {
        decode_full(instrument, role, &mut r)?
    };
    // Padding bits must be zero, so that each response has exactly one link.
    if !r.rest_is_zero() {
        return Err(LinkError::Altered);
    }
    Ok(shared)
}

fn role_from_code(code: u32) -> Result<Option<Role>, LinkError> {
    match code {
        0 => Ok(None),
        c => Role::from_code(c as u8 - 1).map(Some).ok_or(LinkError::Altered),
    }
}

/// The byte length a link must have, from its first bytes (version, level and role), or `None`
/// when its version is unknown or its role code impossible.
fn expected_len(head: &[u8]) -> Option<usize> {
    let instrument = Instrument::by_version(*head.first()? >> 2).ok()?;
    let summary = head[0] & 0b10 != 0;
    let mut r = BitReader::new(head);
    r.take(7);
    let role = role_from_code(r.take(3)).ok()?;
    Some(byte_len(instrument, summary, role))
}

fn decode_full(instrument: &'static Instrument, role: Option<Role>, r: &mut BitReader) -> Result<Raw, LinkError> {
    let mut response = Response::new(instrument, role);
    for item in carried(instrument, role) {
        let first = Slot(item.slot);
        match item.kind {
            ItemKind::Likert { .. } => match r.take(3) {
                0 => {}
                v @ 1..=5 => response.set(first, Answer::Likert(v as u8)),
                6 => response.set(first, Answer::DontKnow),
                7 if item.not_applicable => response.set(first, Answer::NotApplicable),
                _ => return Err(LinkError::Altered),
            },
            ItemKind::Choice { options, .. } => match r.take(choice_bits(options.len())) {
                0 => {}
                v if (v as usize) <= options.len() => response.set(first, Answer::Choice(v as u8 - 1)),
                _ => return Err(LinkError::Altered),
            },
            ItemKind::Matrix { owners, .. } => {
                for slot in item.slots() {
                    match r.take(3) {
                        0 => {}
                        v => {
                            let owner =
                                Owner::from_code(v as u8).filter(|o| owners.contains(o)).ok_or(LinkError::Altered)?;
                            response.set(slot, Answer::Owner(owner));
                        }
                    }
                }
            }
            ItemKind::Checklist { .. } => {
                for slot in item.slots() {
                    match r.take(2) {
                        0 => {}
                        v if (v as usize) <= CHECKLIST_ANSWERS.len() => response.set(slot, Answer::Choice(v as u8 - 1)),
                        _ => return Err(LinkError::Altered),
                    }
                }
            }
        }
    }
    Ok(Raw::Full(response))
}

/// `capped`: the link carries the capped dimensions (made by this release or later).
fn decode_summary(
    instrument: &'static Instrument,
    role: Option<Role>,
    r: &mut BitReader,
    capped: bool,
) -> Result<Raw, LinkError> {
    let months = option_from_code(r.take(3), 5)?;
    let size = option_from_code(r.take(3), 4)?;
    let rules2 = instrument.rules == Rules::V2;
    let width = if rules2 { 6 } else { 5 };
    let mut dims = Vec::with_capacity(9);
    for dimension in Dimension::ALL {
        let score = match r.take(7) {
            NO_SCORE => None,
            s if s <= 100 => Some(s as u8),
            _ => return Err(LinkError::Altered),
        };
        let (shown, answered, dont_know) = (r.take(width) as u8, r.take(width) as u8, r.take(width) as u8);
        let (not_applicable, items) = if rules2 { (r.take(width) as u8, r.take(4) as u8) } else { (0, 0) };
        if answered as u16 + dont_know as u16 + not_applicable as u16 > shown as u16 {
            return Err(LinkError::Altered);
        }
        let asked = match (rules2, role) {
            (true, Some(role)) => instrument.scores(role, dimension),
            _ => true,
        };
        let range =
            score.and(role).and_then(|role| instrument.precision_of(role, dimension)).and_then(|p| margin(p, items));
        dims.push(DimensionScore {
            dimension,
            score,
            shown,
            answered,
            dont_know,
            not_applicable,
            items,
            asked,
            range,
            capped: false,
        });
    }
    let mut actions = Vec::new();
    if rules2 {
        // Filled slots come first, so each report has exactly one link.
        let mut ended = false;
        for _ in 0..MAX_ACTIONS {
            match r.take(6) {
                NO_ACTION => ended = true,
                a if (a as usize) < instrument.action_count && !ended => actions.push(a as usize),
                _ => return Err(LinkError::Altered),
            }
        }
    }
    if capped {
        for d in instrument.critical_dimensions() {
            dims[d.index()].capped = r.take(1) == 1;
        }
    }
    Ok(Raw::Summary { instrument, role, months, size, dimensions: dims, actions })
}

/// A one-line summary of a report's figures, used by the old-link fixtures: version, role,
/// dimension scores, headline, phase, confidence, then (full links only) flags and actions.
pub fn fixture_summary(report: &Report) -> String {
    let dims: Vec<String> = report.dimensions.iter().map(|d| d.score.map_or("-".into(), |s| s.to_string())).collect();
    let flags: Vec<&str> = report.red_flags.iter().map(|f| f.id).collect();
    let actions: Vec<&str> = report.actions.iter().map(|a| a.id).collect();
    format!(
        "v{} role={} dims={} readiness={} risk={} barrier={} phase={} confidence={}/{}/{} flags={} actions={}",
        report.instrument_version,
        report.role.map_or("-", |r| r.id()),
        dims.join(","),
        report.readiness.map_or("-".into(), |v| v.to_string()),
        report.risk.map_or("-", |r| r.id()),
        report.barrier.map_or("-", |d| d.id()),
        report.phase.id(),
        report.confidence.answered,
        report.confidence.dont_know,
        report.confidence.shown,
        flags.join(","),
        actions.join(","),
    )
}

/// Finds every share-link payload in free text (one per line, or pasted in prose), in order.
pub fn find_links(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(pos) = rest.find("#r=") {
        let start = pos + 1;
        let end = rest[start + 2..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .map_or(rest.len(), |e| start + 2 + e);
        out.push(&rest[start..end]);
        rest = &rest[end..];
    }
    out
}

/// The payload after `r=` in a URL, fragment or bare string; `None` if there is no `r=` part.
/// The payload after `prefix` (`r=`, `t=`) in a link, a fragment or a bare `r=...`.
pub(crate) fn payload_of<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let text = text.trim();
    let fragment = match text.find('#') {
        Some(i) => &text[i + 1..],
        None => text,
    };
    fragment.strip_prefix(prefix)
}

/// Whether every character is in the base64url alphabet links use.
pub(crate) fn in_link_alphabet(payload: &str) -> bool {
    payload.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

fn header(version: u8, level: Level, role: Option<Role>) -> BitWriter {
    let mut w = BitWriter::default();
    w.push(version as u32, 6);
    w.push(matches!(level, Level::Summary) as u32, 1);
    w.push(role.map_or(0, |r| r.code() as u32 + 1), 3);
    w
}

/// Bits for a choice: values 0 (unanswered) to `n` (option n-1).
fn choice_bits(n: usize) -> u32 {
    usize::BITS - n.leading_zeros()
}

fn option_code(o: Option<u8>) -> u32 {
    o.map_or(0, |i| i as u32 + 1)
}

fn option_from_code(code: u32, options: u32) -> Result<Option<u8>, LinkError> {
    match code {
        0 => Ok(None),
        c if c <= options => Ok(Some(c as u8 - 1)),
        _ => Err(LinkError::Altered),
    }
}

/// The exact byte length of a link for an instrument, level and role, checksum included.
pub fn byte_len(instrument: &'static Instrument, summary: bool, role: Option<Role>) -> usize {
    let body_bits = 10
        + match (summary, instrument.rules) {
            (true, Rules::V1) => 6 + 9 * 22 + instrument.critical_dimensions().count(),
            (true, Rules::V2) => 6 + 9 * 35 + 6 * MAX_ACTIONS + instrument.critical_dimensions().count(),
            (false, _) => carried(instrument, role).map(item_bits).sum::<usize>(),
        };
    body_bits.div_ceil(8) + 2
}

/// A summary link's length before the capped dimensions were added (links made until then).
fn byte_len_without_caps(instrument: &'static Instrument) -> usize {
    let body_bits = 10
        + match instrument.rules {
            Rules::V1 => 6 + 9 * 22,
            Rules::V2 => 6 + 9 * 35 + 6 * MAX_ACTIONS,
        };
    body_bits.div_ceil(8) + 2
}

#[derive(Default)]
pub(crate) struct BitWriter {
    bytes: Vec<u8>,
    bits: usize,
}

impl BitWriter {
    pub(crate) fn push(&mut self, value: u32, width: u32) {
        for i in (0..width).rev() {
            if self.bits.is_multiple_of(8) {
                self.bytes.push(0);
            }
            if value >> i & 1 == 1 {
                let last = self.bytes.len() - 1;
                self.bytes[last] |= 0x80 >> (self.bits % 8);
            }
            self.bits += 1;
        }
    }

    pub(crate) fn finish(mut self) -> String {
        let sum = crate::wire::crc16(&self.bytes);
        self.bytes.extend_from_slice(&sum.to_be_bytes());
        crate::wire::encode(&self.bytes)
    }
}

pub(crate) struct BitReader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> BitReader<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Self {
        BitReader { bytes, pos: 0 }
    }

    /// Reads `width` bits; past the end reads zeros (lengths are checked before reading).
    pub(crate) fn take(&mut self, width: u32) -> u32 {
        let mut v = 0;
        for _ in 0..width {
            let bit = self.bytes.get(self.pos / 8).map_or(0, |b| b >> (7 - self.pos % 8) & 1);
            v = v << 1 | bit as u32;
            self.pos += 1;
        }
        v
    }

    pub(crate) fn rest_is_zero(&mut self) -> bool {
        let end = self.bytes.len() * 8;
        while self.pos < end {
            if self.take(1) != 0 {
                return false;
            }
        }
        true
    }
}

#[cfg(test)]
mod tests;
