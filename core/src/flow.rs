//! The assessment's flow: its screens, their order for a role, Back and Next, the progress shown,
//! the rule for changing role, and the names saved progress gives the screens.
//!
//! The app keeps the current [`Screen`] in a signal and asks [`Flow`] where Back and Next lead;
//! everything here is plain data, tested natively. A screen is saved by its stable name
//! ([`Screen::id`]: `section:trust`, not a position), so adding a section to a new instrument
//! version never moves a person who resumes to the wrong screen.

use crate::instrument::{Instrument, Role};
use crate::response::Response;

/// Where the person is in the assessment. `Section(i)` indexes the instrument's sections.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Screen {
    Welcome,
    Role,
    Section(usize),
    Review,
    Results,
}

/// The prefix of a section screen's saved name (`section:<section id>`).
const SECTION_PREFIX: &str = "section:";

impl Screen {
    /// The screen's stable name, for saved progress: `welcome`, `role`, `section:<id>`,
    /// `review`, `results`.
    pub fn id(self, instrument: &Instrument) -> String {
        match self {
            Screen::Welcome => "welcome".into(),
            Screen::Role => "role".into(),
            Screen::Section(i) => match instrument.sections.get(i) {
                Some(s) => format!("{SECTION_PREFIX}{}", s.id),
                None => "review".into(),
            },
            Screen::Review => "review".into(),
            Screen::Results => "results".into(),
        }
    }

    /// The screen a saved name stands for in `instrument`; `None` for a name it does not have
    /// (a section another version had).
    pub fn parse(id: &str, instrument: &Instrument) -> Option<Screen> {
        match id {
            "welcome" => Some(Screen::Welcome),
            "role" => Some(Screen::Role),
            "review" => Some(Screen::Review),
            "results" => Some(Screen::Results),
            _ => {
                let section = id.strip_prefix(SECTION_PREFIX)?;
                instrument.sections.iter().position(|s| s.id == section).map(Screen::Section)
            }
        }
    }

    /// Saved progress from the first release stored the screen as a position: welcome, role,
    /// then each section of its instrument (`saved_with`), then review and results. Read it
    /// back as a name, so it can be found again in any version.
    pub fn from_legacy_step(step: usize, saved_with: &Instrument) -> Screen {
        let n = saved_with.sections.len();
        match step {
            0 => Screen::Welcome,
            1 => Screen::Role,
            s if s < 2 + n => Screen::Section(s - 2),
            s if s == 2 + n => Screen::Review,
            _ => Screen::Results,
        }
    }
}

/// The flow for one respondent: the instrument and the role they chose (if any yet).
#[derive(Clone, Copy, Debug)]
pub struct Flow<'a> {
    instrument: &'a Instrument,
    role: Option<Role>,
}

impl<'a> Flow<'a> {
    pub fn new(instrument: &'a Instrument, role: Option<Role>) -> Flow<'a> {
        Flow { instrument, role }
    }

    /// The sections the role is shown (indices into the instrument's sections), in order. None
    /// before a role is chosen.
    pub fn sections(&self) -> Vec<usize> {
        let Some(role) = self.role else { return Vec::new() };
        (0..self.instrument.sections.len())
            .filter(|s| self.instrument.section_items(*s, role).next().is_some())
            .collect()
    }

    /// Where Next leads from `screen`.
    pub fn next(&self, screen: Screen) -> Screen {
        let sections = self.sections();
        match screen {
            Screen::Welcome => Screen::Role,
            Screen::Role if self.role.is_none() => Screen::Role,
            Screen::Role => sections.first().map_or(Screen::Review, |s| Screen::Section(*s)),
            Screen::Section(i) => sections.iter().find(|s| **s > i).map_or(Screen::Review, |s| Screen::Section(*s)),
            Screen::Review | Screen::Results => Screen::Results,
        }
    }

    /// Where Back leads from `screen`.
    pub fn previous(&self, screen: Screen) -> Screen {
        let sections = self.sections();
        match screen {
            Screen::Welcome | Screen::Role => Screen::Welcome,
            Screen::Section(i) => sections.iter().rev().find(|s| **s < i).map_or(Screen::Role, |s| Screen::Section(*s)),
            Screen::Review => sections.last().map_or(Screen::Role, |s| Screen::Section(*s)),
            Screen::Results => Screen::Review,
        }
    }

    /// "Section n of m" for a section or the review screen (m of m), else `None`.
    pub fn progress(&self, screen: Screen) -> Option<(usize, usize)> {
        let sections = self.sections();
        let total = sections.len();
        match screen {
            Screen::Section(i) => sections.iter().position(|s| *s == i).map(|p| (p + 1, total)),
            Screen::Review => Some((total, total)),
            _ => None,
        }
    }

    /// The screen to show for a wanted one: a section needs a role and must be one the role
    /// sees (saved progress, or a section another version had); otherwise the nearest sensible
    /// screen.
    pub fn resolve(&self, screen: Screen) -> Screen {
        match screen {
            Screen::Section(_) | Screen::Review | Screen::Results if self.role.is_none() => Screen::Role,
            Screen::Section(i) if !self.sections().contains(&i) => {
                self.sections().into_iter().find(|s| *s > i).map_or(Screen::Review, Screen::Section)
            }
            s => s,
        }
    }
}

/// The role-change rule: the new role is recorded, and answers to items that role is not shown
/// are dropped, so nothing hidden from the respondent is ever scored or shared. Returns how many
/// answers were dropped.
pub fn change_role(instrument: &Instrument, response: &mut Response, role: Role) -> usize {
    if response.role == Some(role) {
        return 0;
    }
    let before = response.len();
    response.retain(|slot, _| instrument.slot_item(slot).is_some_and(|(i, _)| i.roles.contains(role)));
    response.role = Some(role);
    before - response.len()
}

#[cfg(test)]
mod tests;
