//! Saved progress as text: the answers, the screen the person was on, and their language.
//!
//! The browser adapter (`src/adapters/storage.rs`) only reads and writes this text; the format
//! and its checks live here, tested natively. The text is `v<version>|<screen>|<locale>|<payload>`
//! where the payload is the full share-link payload of the answers, so a corrupt value is
//! detected by the same checksum as a link rather than misread. `<screen>` is the screen's
//! stable name ([`Screen::id`]); the first release wrote a number there (its position in that
//! version's flow), which is still read.

use crate::flow::Screen;
use crate::i18n::Locale;
use crate::instrument::Instrument;
use crate::response::Response;
use crate::share::{self, Shared};

/// Progress as saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    pub response: Response,
    pub screen: Screen,
    pub locale: Option<Locale>,
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
        Some(format!("v{}|{}|{locale}|{payload}", instrument.version, self.screen.id(instrument)))
    }

    /// Reads saved text; `None` when it is not progress this build can read (it is then set
    /// aside by the caller, not deleted).
    pub fn from_text(text: &str) -> Option<Progress> {
        let mut parts = text.splitn(4, '|');
        let version: u8 = parts.next()?.strip_prefix('v')?.parse().ok()?;
        let screen = parts.next()?;
        let locale = Locale::from_tag(parts.next()?);
        let payload = parts.next()?;
        let response = match share::decode(&format!("{}{payload}", share::FRAGMENT_PREFIX)) {
            Ok(Shared::Full(response)) if response.instrument_version == version => response,
            _ => return None,
        };
        let instrument = Instrument::by_version(version).ok()?;
        let screen = match screen.parse::<usize>() {
            Ok(step) => Screen::from_legacy_step(step, instrument),
            Err(_) => Screen::parse(screen, instrument)?,
        };
        Some(Progress { response, screen, locale })
    }
}

#[cfg(test)]
mod tests;
