//! The workshop the team view prepares: a 90-minute agenda, the discussion questions the data
//! raises, and the ownership register the meeting fills in.
//!
//! Everything here reads a [`TeamReport`], so every figure has passed the anonymity rules in
//! [`aggregate`](crate::aggregate) already: a hidden group never appears, and a question is only
//! raised from what the report shows.

use crate::aggregate::{AreaRow, Disagreement, Majority, TeamReport};
use crate::instrument::{Dimension, Instrument, Role};

/// The meeting's length in minutes.
pub const MEETING_MINUTES: u32 = 90;
/// Days from the workshop to the suggested next round: long enough for agreed owners to act,
/// short enough that the same people still remember this one.
pub const NEXT_ROUND_DAYS: u32 = 90;
/// How many discussion questions the pack sets.
pub const QUESTIONS: usize = 3;
/// Minutes the room needs to settle one ownership area (an owner, an escalation contact, a
/// review date): the ownership time box holds `Part::Ownership.minutes() / MINUTES_PER_AREA`
/// areas; the rest go to the pack's appendix, to settle after the meeting.
pub const MINUTES_PER_AREA: u32 = 5;
/// The pack's first page lists this many decisions to take today, at most and at least (when
/// the figures give that many).
pub const MAX_DECISIONS: usize = 5;
pub const MIN_DECISIONS: usize = 3;

/// A part of the agenda, in meeting order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// Why we are here, and the ground rules (no one's answers are identifiable; no blame).
    Purpose,
    /// The team headline and scores.
    Picture,
    /// The three discussion questions.
    Disagreements,
    /// The ownership register: an owner, an escalation contact and a review date per gray area.
    Ownership,
    /// Red flags and the actions, each with an owner and a date.
    FlagsAndActions,
    /// What was decided, who writes it up, and the next round's date.
    Close,
}

impl Part {
    pub const ALL: [Part; 6] =
        [Part::Purpose, Part::Picture, Part::Disagreements, Part::Ownership, Part::FlagsAndActions, Part::Close];

    /// The part's locale key suffix (`ui.team.agenda.<id>` and `.<id>_detail`).
    pub fn id(self) -> &'static str {
        match self {
            Part::Purpose => "purpose",
            Part::Picture => "picture",
            Part::Disagreements => "disagreements",
            Part::Ownership => "ownership",
            Part::FlagsAndActions => "flags_actions",
            Part::Close => "close",
        }
    }

    /// Minutes: most of the meeting goes to the disagreements and the ownership decisions,
    /// where the room has to talk; the picture is read beforehand.
    pub fn minutes(self) -> u32 {
        match self {
            Part::Purpose => 10,
            Part::Picture => 10,
            Part::Disagreements => 25,
            Part::Ownership => 25,
            Part::FlagsAndActions => 10,
            Part::Close => 10,
        }
    }
}

/// One time box: a part, and its start and end in minutes from the meeting's start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Slot {
    pub part: Part,
    pub start: u32,
    pub end: u32,
}

/// The agenda's time boxes, back to back from minute 0 to [`MEETING_MINUTES`].
pub fn agenda() -> Vec<Slot> {
    let mut start = 0;
    Part::ALL
        .into_iter()
        .map(|part| {
            let slot = Slot { part, start, end: start + part.minutes() };
            start = slot.end;
            slot
        })
        .collect()
}

/// `h:mm` from minutes, as a meeting clock reads ("0:45", "1:30").
pub fn clock(minutes: u32) -> String {
    format!("{}:{:02}", minutes / 60, minutes % 60)
}

/// A discussion question and the figure it is written from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Question {
    /// Two shown groups answered one anchor question far apart.
    Disagreement(Disagreement),
    /// Two shown groups name different owners for an area.
    Owners { area: usize, first: Majority, second: Majority },
    /// Many say nobody owns an area, or do not know who does.
    Gap { area: usize, count: usize, of: usize },
    /// The team's barrier point: what to change first.
    Barrier(Dimension),
}

/// Up to [`QUESTIONS`] questions, from the strongest evidence down: the biggest disagreements on
/// single questions (gaps the group sizes resolve first), then areas where groups name different
/// owners, then ownership gaps (most people first), then the team's barrier point. Nothing is
/// raised from a figure the report withholds, so a team with one shown group gets no
/// between-group questions.
pub fn questions(rep: &TeamReport) -> Vec<Question> {
    // The two largest disagreements on single questions, then one ownership question (groups
    // naming different owners, else the widest gap), then the barrier: never the same kind of
    // question on the same figure twice, and never one template three times.
    let mut out: Vec<Question> = rep.disagreements.iter().take(2).map(|d| Question::Disagreement(*d)).collect();
    let owners = rep.ownership.iter().filter(|r| r.disagreement).find_map(|row| {
        differing_owners(row).map(|(first, second)| Question::Owners { area: row.area, first, second })
    });
    let mut gaps: Vec<&AreaRow> = rep.ownership.iter().filter(|r| r.gap && !r.disagreement).collect();
    crate::order::sort_by_key(&mut gaps, |r| (std::cmp::Reverse(r.gap_answers()), r.area));
    let gap = gaps.first().map(|r| Question::Gap { area: r.area, count: r.gap_answers(), of: r.answered() });
    out.extend(owners.or(gap));
    if let Some(d) = rep.barrier {
        out.push(Question::Barrier(d));
    }
    out.truncate(QUESTIONS);
    out
}

/// The two largest shown groups (by how many answered) that name different owners.
fn differing_owners(row: &AreaRow) -> Option<(Majority, Majority)> {
    let mut named: Vec<Majority> = row.majority.iter().filter(|m| m.owner.is_some()).copied().collect();
    crate::order::sort_by_key(&mut named, |m| std::cmp::Reverse(m.agree));
    let first = *named.first()?;
    let second = named.iter().find(|m| m.owner != first.owner).copied()?;
    Some((first, second))
}

/// What one role group said about an area, as the register shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Said {
    /// A shown group: its majority (or no single answer) and how many agree.
    Shown(Majority),
    /// A hidden group: the cell stays blank and its column says the group is hidden.
    Hidden,
    /// A shown group of which fewer than the threshold answered the area: withheld.
    TooFew,
}

/// One row of the ownership register.
#[derive(Clone, Debug, PartialEq)]
pub struct RegisterRow {
    pub area: usize,
    /// Per role with members in the team, in role order.
    pub said: Vec<(Role, Said)>,
    /// Shown groups name different owners.
    pub disagreement: bool,
    /// A real share say Nobody, Don't know or Shared-nothing-written.
    pub gap: bool,
}

impl RegisterRow {
    /// The room must decide an owner: the groups disagree, or too many see nobody in charge.
    pub fn decision_needed(&self) -> bool {
        self.disagreement || self.gap
    }
}

/// The register: one row per ownership area, with a column for every role group asked about
/// ownership, shown or not (blank for hidden groups, so the columns say nothing about who took
/// part).
pub fn register(instrument: &Instrument, rep: &TeamReport) -> Vec<RegisterRow> {
    let roles = register_roles(instrument);
    let groups: Vec<_> = rep.roles.iter().filter(|g| roles.contains(&g.role)).collect();
    rep.ownership
        .iter()
        .map(|row| RegisterRow {
            area: row.area,
            said: groups
                .iter()
                .map(|g| {
                    let said = match row.majority.iter().find(|m| m.role == g.role) {
                        _ if !g.is_shown() => Said::Hidden,
                        Some(m) => Said::Shown(*m),
                        None => Said::TooFew,
                    };
                    (g.role, said)
                })
                .collect(),
            disagreement: row.disagreement,
            gap: row.gap,
        })
        .collect()
}

/// The ownership areas the meeting decides, most pressing first (groups name different owners
/// and many see nobody in charge; then different owners; then the widest gaps), as many as the
/// ownership time box holds; and the appendix: the other areas needing a decision, then those
/// that only need confirming.
pub struct OwnershipAgenda {
    pub on_agenda: Vec<RegisterRow>,
    pub appendix: Vec<RegisterRow>,
}

pub fn ownership_agenda(instrument: &Instrument, rep: &TeamReport) -> OwnershipAgenda {
    let cap = (Part::Ownership.minutes() / MINUTES_PER_AREA) as usize;
    let share = |area: usize| {
        let row = rep.ownership.iter().find(|r| r.area == area);
        row.map_or(0, |r| r.gap_answers() * 1000 / r.answered().max(1))
    };
    let mut rows = register(instrument, rep);
    crate::order::sort_by_key(&mut rows, |r| {
        let urgency = match (r.disagreement, r.gap) {
            (true, true) => 0,
            (true, false) => 1,
            (false, true) => 2,
            (false, false) => 3,
        };
        (urgency, std::cmp::Reverse(share(r.area)), r.area)
    });
    let needed = rows.iter().filter(|r| r.decision_needed()).count().min(cap);
    let appendix = rows.split_off(needed);
    OwnershipAgenda { on_agenda: rows, appendix }
}

/// A decision the pack's first page asks the room to take today.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    /// Who leads the work on the area to fix first.
    Lead(Dimension),
    /// An owner and a date for a critical red flag (index into `Instrument::red_flags`).
    Flag(usize),
    /// One owner for an ownership area on the agenda.
    Owner(usize),
    /// Who carries out an action the team's answers call for (index into `actions()`).
    Action(usize),
}

/// Three to five decisions for today, from the figures: who leads on the area to fix first,
/// owners for the critical red flags, owners for the two most pressing ownership areas, then
/// the actions called for most, until there are at least [`MIN_DECISIONS`].
pub fn decisions(instrument: &Instrument, rep: &TeamReport) -> Vec<Decision> {
    let mut out: Vec<Decision> = rep.barrier.into_iter().map(Decision::Lead).collect();
    let critical = |rule: usize| instrument.red_flags().get(rule).is_some_and(|r| r.critical);
    out.extend(rep.flags.iter().filter(|f| critical(f.rule)).take(2).map(|f| Decision::Flag(f.rule)));
    out.extend(ownership_agenda(instrument, rep).on_agenda.iter().take(2).map(|r| Decision::Owner(r.area)));
    for a in &rep.actions {
        if out.len() >= MIN_DECISIONS {
            break;
        }
        out.push(Decision::Action(a.rule));
    }
    out.truncate(MAX_DECISIONS);
    out
}

/// The role groups the ownership question is asked of: the register's and the heatmap's
/// columns, the same whoever took part.
pub fn register_roles(instrument: &Instrument) -> Vec<Role> {
    let asked = instrument.matrix().roles;
    Role::ALL.into_iter().filter(|r| asked.contains(*r)).collect()
}

#[cfg(test)]
mod tests;
