//! The assessment's flow: its screens, their order for a role, Back and Next, the progress shown,
//! the rule for changing role, and the names saved progress gives the screens.
//!
//! The app keeps the current [`Screen`] in a signal and asks [`Flow`] where Back and Next lead;
//! everything here is plain data, tested natively. A screen is saved by its stable name
//! ([`Screen::id`]: `section:trust`, not a position), so adding a section to a new instrument
//! version never moves a person who resumes to the wrong screen.

use crate::instrument::{Instrument, Item, ItemKind, Role};
use crate::response::Response;

/// Where the person is in the assessment. `Section(s, p)` is page `p` of the instrument's
/// section `s` (a section longer than a page on a phone is split into pages, see [`pages`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Screen {
    Welcome,
    Role,
    Section(usize, usize),
    Review,
    Results,
}

/// How much one page may hold, in the rough units of [`weight`] (about 48 CSS pixels each on a
/// 360-pixel-wide phone): about two and a half phone screens of questions, so a page with its
/// heading, progress and buttons stays under three (checked in the browser at 360 pixels).
pub const PAGE_BUDGET: u32 = 28;

/// An item's height on a phone, in units of about 48 CSS pixels: its question and its answers
/// as laid out at 360 pixels (a five-point scale in one row with "don't know" below, a choice's
/// options stacked, a grid's rows each a labelled menu or a row of three).
pub fn weight(item: &Item) -> u32 {
    match item.kind {
        ItemKind::Likert { .. } if item.not_applicable => 6,
        ItemKind::Likert { .. } => 5,
        ItemKind::Choice { options, .. } => 2 + options.len() as u32,
        ItemKind::Matrix { areas, .. } => 1 + 2 * areas.len() as u32,
        ItemKind::Checklist { parts, .. } => 2 + 2 * parts.len() as u32,
    }
}

/// A section's pages for a role: its items in order, a new page started whenever the next item
/// would take the page over [`PAGE_BUDGET`] (an item is never split; a grid larger than a page
/// gets a page of its own). At least one page when the role sees the section.
pub fn pages(instrument: &Instrument, section: usize, role: Role) -> Vec<Vec<&'static Item>> {
    let mut out: Vec<Vec<&'static Item>> = Vec::new();
    let mut used = 0;
    for item in instrument.section_items(section, role) {
        let w = weight(item);
        match out.last_mut() {
            Some(page) if used + w <= PAGE_BUDGET => page.push(item),
            _ => {
                out.push(vec![item]);
                used = 0;
            }
        }
        used += w;
    }
    out
}

/// The prefix of a section screen's saved name (`section:<section id>`, then `:<page>` from
/// the second page on, counted from 1).
const SECTION_PREFIX: &str = "section:";

impl Screen {
    /// The screen's stable name, for saved progress: `welcome`, `role`, `section:<id>`,
    /// `review`, `results`.
    pub fn id(self, instrument: &Instrument) -> String {
        match self {
            Screen::Welcome => "welcome".into(),
            Screen::Role => "role".into(),
            Screen::Section(i, page) => match instrument.sections.get(i) {
                Some(s) if page == 0 => [SECTION_PREFIX, s.id].concat(),
                Some(s) => [SECTION_PREFIX, s.id, ":", &crate::markup::html::uint_string(page as u64 + 1)].concat(),
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
                let rest = id.strip_prefix(SECTION_PREFIX)?;
                let (section, page) = match rest.split_once(':') {
                    Some((s, p)) => (s, p.parse::<usize>().ok()?.checked_sub(1)?),
                    None => (rest, 0),
                };
                instrument.sections.iter().position(|s| s.id == section).map(|s| Screen::Section(s, page))
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
            s if s < 2 + n => Screen::Section(s - 2, 0),
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

    /// Every page of every section the role is shown, in order, as screens.
    pub fn screens(&self) -> Vec<Screen> {
        let Some(role) = self.role else { return Vec::new() };
        self.sections()
            .into_iter()
            .flat_map(|s| (0..pages(self.instrument, s, role).len()).map(move |p| Screen::Section(s, p)))
            .collect()
    }

    /// Where Next leads from `screen`.
    pub fn next(&self, screen: Screen) -> Screen {
        let screens = self.screens();
        match screen {
            Screen::Welcome => Screen::Role,
            Screen::Role if self.role.is_none() => Screen::Role,
            Screen::Role => screens.first().copied().unwrap_or(Screen::Review),
            Screen::Section(..) => match screens.iter().position(|s| *s == screen) {
                Some(k) => screens.get(k + 1).copied().unwrap_or(Screen::Review),
                None => self.resolve(screen),
            },
            Screen::Review | Screen::Results => Screen::Results,
        }
    }

    /// Where Back leads from `screen`.
    pub fn previous(&self, screen: Screen) -> Screen {
        let screens = self.screens();
        match screen {
            Screen::Welcome | Screen::Role => Screen::Welcome,
            Screen::Section(..) => match screens.iter().position(|s| *s == screen) {
                Some(0) | None => Screen::Role,
                Some(k) => screens[k - 1],
            },
            Screen::Review => screens.last().copied().unwrap_or(Screen::Role),
            Screen::Results => Screen::Review,
        }
    }

    /// "Page n of m" for a section's page or the review screen (m of m), else `None`.
    pub fn progress(&self, screen: Screen) -> Option<(usize, usize)> {
        let screens = self.screens();
        let total = screens.len();
        match screen {
            Screen::Section(..) => screens.iter().position(|s| *s == screen).map(|p| (p + 1, total)),
            Screen::Review => Some((total, total)),
            _ => None,
        }
    }

    /// The page of its section that holds `item` for this role.
    pub fn page_of(&self, item: &Item) -> Screen {
        let page = self.role.map_or(0, |role| {
            pages(self.instrument, item.section, role)
                .iter()
                .position(|p| p.iter().any(|i| i.id == item.id))
                .unwrap_or(0)
        });
        Screen::Section(item.section, page)
    }

    /// The screen to show for a wanted one: a section's page needs a role and must be one the
    /// role sees (saved progress, or a section another version had); otherwise the nearest
    /// sensible screen (the section's first page, or the next section the role sees).
    pub fn resolve(&self, screen: Screen) -> Screen {
        match screen {
            Screen::Section(..) | Screen::Review | Screen::Results if self.role.is_none() => Screen::Role,
            Screen::Section(i, _) if !self.screens().contains(&screen) => self
                .screens()
                .into_iter()
                .find(|s| matches!(s, Screen::Section(j, _) if *j >= i))
                .unwrap_or(Screen::Review),
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
