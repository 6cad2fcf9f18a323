//! Saved progress as text: the answers, the screen the person was on, and their language.
//!
//! The browser adapter (`src/adapters/storage.rs`) only reads and writes this text; the format
//! and its checks live here, tested natively. The text is `v<version>|<screen>|<locale>|<payload>`
//! where the payload is the full share-link payload of the answers, so a corrupt value is
//! detected by the same checksum as a link rather than misread. `<screen>` is the screen's
//! stable name ([`Screen::id`]); the first release wrote a number there (its position in that
//! version's flow), which is still read. A fifth field, `k=<key>`, holds the round key from the
//! invitation when there was one.

use crate::flow::Screen;
use crate::i18n::Locale;
use crate::instrument::{Instrument, Slot};
use crate::response::Response;
use crate::share;
use crate::share::ROUND_KEY_PREFIX;

/// Progress as saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    pub response: Response,
    pub screen: Screen,
    pub locale: Option<Locale>,
    /// The round key from the invitation the person opened (its public half): their result is
    /// sealed to it. Saved with the answers so a reload keeps it.
    pub round_key: Option<String>,
}

/// The storage key of a version's progress.
pub fn key(version: u8) -> String {
    format!("{KEY_PREFIX}{version}")
}

/// Every progress key starts with this, followed by the instrument version.
pub const KEY_PREFIX: &str = "overlap:progress:v";
/// Unreadable progress is moved under this prefix (followed by its old key), never deleted.
pub const SET_ASIDE_PREFIX: &str = "overlap:set-aside:";

impl Progress {
    /// The text to save; `None` when the answers belong to a version this build cannot encode.
    pub fn to_text(&self) -> Option<String> {
        let instrument = Instrument::by_version(self.response.instrument_version).ok()?;
        let payload = share::encode_full(&self.response).ok()?;
        let locale = self.locale.map_or("", |l| l.code());
        let key = self.round_key.as_deref().map(|k| ["|", ROUND_KEY_PREFIX, k].concat()).unwrap_or_default();
        Some(format!("v{}|{}|{locale}|{payload}{key}", instrument.version, self.screen.id(instrument)))
    }

    /// Reads saved text; `None` when it is not progress this build can read (it is then set
    /// aside by the caller, not deleted). Text saved before round keys existed has no fifth
    /// field; a key that does not read is dropped (the result is then sent unsealed).
    pub fn from_text(text: &str) -> Option<Progress> {
        let mut parts = text.splitn(5, '|');
        let version: u8 = parts.next()?.strip_prefix('v')?.parse().ok()?;
        let screen = parts.next()?;
        let locale = Locale::from_tag(parts.next()?);
        let payload = parts.next()?;
        let round_key = parts.next().and_then(|k| k.strip_prefix(ROUND_KEY_PREFIX)).and_then(crate::config::round_key);
        let response = match share::decode_response(&format!("{}{payload}", share::FRAGMENT_PREFIX)) {
            Ok(response) if response.instrument_version == version => response,
            _ => return None,
        };
        let instrument = Instrument::by_version(version).ok()?;
        let screen = match screen.parse::<usize>() {
            Ok(step) => Screen::from_legacy_step(step, instrument),
            Err(_) => Screen::parse(screen, instrument)?,
        };
        Some(Progress { response, screen, locale, round_key })
    }
}

#[cfg(test)]
mod tests;

/// What carrying a half-finished response over to a newer instrument did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Migration {
    /// The response in the newer version: same role, the answers that kept their meaning.
    pub response: Response,
    /// Answers carried over.
    pub kept: usize,
    /// Answers the person had given that could not be carried (their question changed meaning
    /// or is gone); the old text is kept in the browser, set aside, not deleted.
    pub not_carried: usize,
    /// Questions the person's role is shown in the newer version that still need an answer.
    pub to_answer: usize,
}

/// Carries a response over to `to`: an item with the same id keeps its answer (the build checks
/// that a shared id is the same question); an item that replaces an old one with the same meaning
/// (`carry`) takes its answer, a choice through its option table ("don't know" stays "don't
/// know"); the matrix keeps its areas by name. Anything else is left for the person to answer.
pub fn migrate(old: &Response, to: &'static Instrument) -> Migration {
    use crate::instrument::ItemKind;
    use crate::response::Answer;
    let mut response = Response::new(to, old.role);
    let from = Instrument::by_version(old.instrument_version).ok();
    let fits = |slot: Slot, a: Answer| Response::answer_fits(to, slot, a);
    // The old version's answer to a name (item id, or `id.row`): versions share names, not slots.
    let old_answer = |name: &str| old.get_named(name);
    for item in to.items.iter().filter(|i| old.role.is_none_or(|r| i.roles.contains(r))) {
        let source = item.carry.as_ref().map_or(item.id, |c| c.from);
        let first = Slot(item.slot);
        match item.kind {
            ItemKind::Matrix { areas: rows, .. } | ItemKind::Checklist { parts: rows, .. } => {
                for (slot, row) in item.slots().zip(rows) {
                    if let Some(a) = old_answer(&[source, ".", row].concat()).filter(|a| fits(slot, *a)) {
                        response.set(slot, a);
                    }
                }
            }
            ItemKind::Choice { options, .. } => {
                let carried = match (old_answer(source), &item.carry, from.and_then(|f| f.item(source))) {
                    (Some(a), None, _) => Some(a),
                    (Some(Answer::Choice(i)), Some(c), Some(old_item)) => match old_item.kind {
                        // "Don't know" is the last option in every version.
                        ItemKind::Choice { options: old_options, .. } if i as usize + 1 == old_options.len() => {
                            Some(Answer::Choice(options.len() as u8 - 1))
                        }
                        _ => c.options.iter().find(|(o, _)| *o == i).map(|(_, n)| Answer::Choice(*n)),
                    },
                    _ => None,
                };
                if let Some(a) = carried.filter(|a| fits(first, *a)) {
                    response.set(first, a);
                }
            }
            ItemKind::Likert { .. } => {
                if let Some(a) = old_answer(source).filter(|a| fits(first, *a)) {
                    response.set(first, a);
                }
            }
        }
    }
    let kept = response.len();
    let to_answer = response.unanswered(to).len();
    Migration { not_carried: old.len().saturating_sub(kept), response, kept, to_answer }
}

impl Progress {
    /// Saved progress of an older version, carried over to `to`: the answers that kept their
    /// meaning ([`migrate`]) and the same screen where `to` still has it (by name), else the
    /// welcome screen.
    pub fn carried_to(&self, to: &'static Instrument) -> (Progress, Migration) {
        let migration = migrate(&self.response, to);
        let screen = Instrument::by_version(self.response.instrument_version)
            .ok()
            .and_then(|from| Screen::parse(&self.screen.id(from), to))
            .unwrap_or(Screen::Welcome);
        (
            Progress {
                response: migration.response.clone(),
                screen,
                locale: self.locale,
                round_key: self.round_key.clone(),
            },
            migration,
        )
    }
}
