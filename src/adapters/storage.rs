//! Saved progress in localStorage (its text format is `overlap_core::progress`), behind a probe:
//! blocked, full or corrupt storage degrades to memory with a notice, never a panic; progress
//! saved by an older version is carried over, and its text kept, set aside.
//!
//! gloo-storage's `LocalStorage` panics (`expect_throw`) when `window.localStorage` itself
//! throws, as it does in a cross-site iframe in Chromium, so availability is probed with
//! web-sys first and gloo is only reached after the probe succeeded.

use gloo_storage::Storage as _;
use overlap_core::i18n::{key, Locale};
use overlap_core::markup::html::uint_string;
use overlap_core::progress::{self, Progress, KEY_PREFIX, SET_ASIDE_PREFIX};
use overlap_core::Instrument;

/// What the user should be told, if anything: about storage, or a language whose text could not
/// be loaded (defined here because storage produces most of them).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    /// localStorage cannot be used here (blocked, e.g. in a cross-site iframe).
    Unavailable,
    /// A write failed (quota, or storage revoked mid-session).
    WriteFailed,
    /// Saved progress could not be read; it was set aside and a fresh start offered.
    CorruptSetAside,
    /// Saved progress belongs to another instrument version and could not be carried over; it
    /// was set aside.
    OtherVersionSetAside,
    /// Saved progress from an older version was carried over: this many answers kept, this many
    /// questions new or reworded. The old text is kept, set aside.
    Carried { kept: u16, to_answer: u16 },
    /// The chosen language's text could not be loaded; the app stays in English. Shown in that
    /// language (every build carries this sentence in every language).
    LocaleUnavailable(Locale),
    /// The invitation carried a round key that could not be read: the result will be sent
    /// unsealed.
    KeyUnreadable,
}

impl Notice {
    pub fn key(self) -> overlap_core::i18n::Key {
        match self {
            Notice::Unavailable => key::ui::storage::UNAVAILABLE,
            Notice::WriteFailed => key::ui::storage::WRITE_FAILED,
            Notice::CorruptSetAside => key::ui::storage::CORRUPT,
            Notice::OtherVersionSetAside => key::ui::storage::OTHER_VERSION,
            Notice::Carried { .. } => key::ui::storage::CARRIED,
            Notice::LocaleUnavailable(_) => key::ui::LANGUAGE_UNAVAILABLE,
            Notice::KeyUnreadable => key::ui::storage::KEY_UNREADABLE,
        }
    }

    /// The notice's sentence in `locale`.
    pub fn text(self, locale: Locale) -> String {
        match self {
            Notice::Carried { kept, to_answer } => {
                let (kept, asked) = (uint_string(kept as u64), uint_string(to_answer as u64));
                locale.fmt(self.key(), &[("kept", &kept), ("asked", &asked)])
            }
            _ => locale.t(self.key()).to_string(),
        }
    }

    /// The language to show the notice in, when it is not the page's.
    pub fn locale(self) -> Option<Locale> {
        match self {
            Notice::LocaleUnavailable(l) => Some(l),
            _ => None,
        }
    }
}

/// The one way the app reaches localStorage.
pub struct ProgressStore {
    available: bool,
    /// The last saved text, kept in memory so a session without storage still resumes views.
    memory: Option<String>,
}

impl ProgressStore {
    /// Probes storage: reading `window.localStorage` may throw, and writing may throw too.
    pub fn open() -> (ProgressStore, Option<Notice>) {
        let available = probe();
        let store = ProgressStore { available, memory: None };
        (store, (!available).then_some(Notice::Unavailable))
    }

    /// The language saved with the progress, read without changing anything (start-up fetches
    /// that language's text before the app is built; `load` then does the real work).
    pub fn saved_locale() -> Option<Locale> {
        if !probe() {
            return None;
        }
        Progress::from_text(&get(&progress::key(Instrument::current().version))?)?.locale
    }

    /// Loads saved progress for the current instrument. Corrupt or other-version data is moved
    /// to a set-aside key (not deleted) and reported.
    pub fn load(&mut self) -> (Option<Progress>, Option<Notice>) {
        if !self.available {
            return (None, None);
        }
        let current = Instrument::current();
        let key = progress::key(current.version);
        let mut notice = None;
        let mut carried = None;
        for other in stored_keys().into_iter().filter(|k| k.starts_with(KEY_PREFIX) && *k != key) {
            // An older version's progress is carried over when nothing newer is saved; its text
            // is kept under a set-aside key either way, never deleted.
            let old = get(&other).and_then(|t| Progress::from_text(&t));
            match old {
                Some(p)
                    if carried.is_none() && get(&key).is_none() && p.response.instrument_version < current.version =>
                {
                    let (progress, m) = p.carried_to(current);
                    let to_answer = m.to_answer.min(u16::MAX as usize) as u16;
                    notice = Some(Notice::Carried { kept: m.kept.min(u16::MAX as usize) as u16, to_answer });
                    carried = Some(progress);
                }
                _ => notice = notice.or(Some(Notice::OtherVersionSetAside)),
            }
            set_aside(&other);
        }
        if let Some(progress) = carried {
            let _ = self.save(&progress);
            return (Some(progress), notice);
        }
        match get(&key) {
            None => (None, notice),
            Some(text) => match Progress::from_text(&text) {
                Some(p) => (Some(p), notice),
                None => {
                    set_aside(&key);
                    (None, Some(Notice::CorruptSetAside))
                }
            },
        }
    }

    /// Saves progress; returns a notice when the write failed (the app keeps working).
    pub fn save(&mut self, progress: &Progress) -> Option<Notice> {
        let text = progress.to_text()?;
        self.memory = Some(text.clone());
        if !self.available {
            return None;
        }
        match gloo_storage::LocalStorage::raw().set_item(&progress::key(progress.response.instrument_version), &text) {
            Ok(()) => None,
            Err(_) => Some(Notice::WriteFailed),
        }
    }

    /// Wipes saved answers (Start over).
    pub fn clear(&mut self) {
        self.memory = None;
        if self.available {
            let _ = gloo_storage::LocalStorage::raw().remove_item(&progress::key(Instrument::current().version));
        }
    }
}

fn probe() -> bool {
    let Some(window) = super::window() else { return false };
    // `local_storage()` returns Err when the getter throws (SecurityError), Ok(None) when absent.
    let Ok(Some(storage)) = window.local_storage() else { return false };
    let probe_key = "overlap:probe";
    let ok = storage.set_item(probe_key, "1").is_ok() && storage.get_item(probe_key).ok().flatten().is_some();
    let _ = storage.remove_item(probe_key);
    ok
}

fn get(key: &str) -> Option<String> {
    gloo_storage::LocalStorage::raw().get_item(key).ok().flatten()
}

fn stored_keys() -> Vec<String> {
    let raw = gloo_storage::LocalStorage::raw();
    let n = raw.length().unwrap_or(0);
    (0..n).filter_map(|i| raw.key(i).ok().flatten()).collect()
}

/// Moves a value under a set-aside key so nothing is lost, then removes the original.
fn set_aside(key: &str) {
    let raw = gloo_storage::LocalStorage::raw();
    if let Some(value) = get(key) {
        let _ = raw.set_item(&format!("{SET_ASIDE_PREFIX}{key}"), &value);
    }
    let _ = raw.remove_item(key);
}
