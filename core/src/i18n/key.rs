//! Typed locale keys: every text the code shows is named by a constant, not a string.
//!
//! The build (`core/build/locales.rs`) reads `locales/en.toml` and writes a constant per key
//! (`key::ui::welcome::TITLE`), a [`Plural`] per `one`/`other` pair, and arrays for the keys
//! code picks by an enum (`key::ui::role::NAME[role]`, `key::dim::SHORT[dimension]`). The
//! instrument's texts are in its own tables (`Item::text`, `ActionRule::title`, ...). So a key
//! the code names and English lacks, or a misspelt one, does not compile, and no key is ever
//! built from strings at run time. Every other locale was checked to have exactly English's keys
//! when the build read them.

/// A locale text's key: its index in the tables, the first tier's keys first (see
/// `core/build/locales.rs`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key(pub(crate) u16);

impl Key {
    /// The key of a dotted name (`ui.welcome.title`), for tests and tools that walk the files;
    /// the product names its keys with the constants below.
    #[cfg(test)]
    pub fn named(name: &str) -> Key {
        let i = crate::generated::LOCALE_KEYS.iter().position(|k| *k == name);
        Key(i.map_or(u16::MAX, |i| i as u16))
    }
}

/// A text with a form for one and a form for other counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Plural {
    pub one: Key,
    pub other: Key,
}

include!(concat!(env!("OUT_DIR"), "/keys.rs"));
