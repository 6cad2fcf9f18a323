//! Every word the user sees: locale lookup, placeholders, plurals and number formatting.
//!
//! The text lives in `locales/<lang>.toml` (one file per language); build.rs checks that every
//! locale has exactly the keys English has, with the same placeholders, and compiles them into
//! sorted static tables. Adding a language is a translation job: a new file and one enum case.

use crate::generated::{LOCALES, LOCALE_KEYS, LOCALE_KEYS_REQUIRED_BY_INSTRUMENTS};

mod hash;
pub mod tiers;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    #[default]
    En,
    Es,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::En, Locale::Es];

    /// The BCP 47 tag, used for `<html lang>` and the locale files' names.
    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Es => "es",
        }
    }

    /// Picks the locale for a language tag such as `es-MX` or `en-GB`; `None` if unsupported.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Locale::ALL.into_iter().find(|l| l.code() == primary)
    }

    fn table(self) -> &'static [(u32, &'static str)] {
        LOCALES.iter().find(|(c, _)| *c == self.code()).map_or(&[], |(_, t)| t)
    }

    /// The first tier, then (in builds with the `results` feature) the results tier.
    fn find(self, h: u32) -> Option<&'static str> {
        lookup(self.table(), h).or_else(|| self.find_results(h))
    }

    #[cfg(feature = "results")]
    fn find_results(self, h: u32) -> Option<&'static str> {
        if first_tier_only() {
            return None;
        }
        let table = crate::generated::LOCALES_RESULTS.iter().find(|(c, _)| *c == self.code()).map_or(&[][..], |(_, t)| t);
        lookup(table, h)
    }

    #[cfg(not(feature = "results"))]
    fn find_results(self, _h: u32) -> Option<&'static str> {
        None
    }

    /// Whether this build has the locale's file (every key is then present, as build.rs checked).
    pub fn is_available(self) -> bool {
        !self.table().is_empty()
    }

    /// The text for `key`. Falls back to English, then to a visible "[?]" marker, never a blank
    /// label. Build-time checks and tests make sure neither fallback is ever needed.
    pub fn t(self, key: &str) -> &'static str {
        let h = hash(key);
        self.find(h).or_else(|| Locale::En.find(h)).unwrap_or("[?]")
    }

    /// Whether the locale has a text for `key`.
    pub fn has(self, key: &str) -> bool {
        self.find(hash(key)).is_some()
    }

    /// `t` with `{name}` placeholders filled in.
    pub fn fmt(self, key: &str, args: &[(&str, &str)]) -> String {
        fill(self.t(key), args)
    }

    /// Chooses `key.one` or `key.other` for `n` and fills `{n}` (both languages here use the
    /// one/other rule; a language with more forms adds keys and a case here).
    pub fn plural(self, key: &str, n: u32, args: &[(&str, &str)]) -> String {
        let form = if n == 1 { "one" } else { "other" };
        let n_text = self.number(n as f64, 0);
        let mut all = vec![("n", n_text.as_str())];
        all.extend_from_slice(args);
        fill(self.t(&format!("{key}.{form}")), &all)
    }

    /// Formats a number with the locale's decimal separator, rounded half away from zero.
    pub fn number(self, value: f64, decimals: usize) -> String {
        fixed(value, decimals, if self == Locale::Es { ',' } else { '.' })
    }

    /// Every key of the locale, for completeness tests.
    pub fn keys(self) -> impl Iterator<Item = &'static str> {
        LOCALE_KEYS.iter().copied().filter(move |k| self.has(k))
    }
}

/// Keys the instruments require (item, option, dimension, flag and action texts).
pub fn instrument_keys() -> &'static [&'static str] {
    LOCALE_KEYS_REQUIRED_BY_INSTRUMENTS
}

// Tests switch the results tier off to prove the survey screens need only the first tier (the
// app's build does not have the second one at all).
#[cfg(all(test, feature = "results"))]
thread_local! {
    pub(crate) static FIRST_TIER_ONLY: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

#[cfg(feature = "results")]
fn first_tier_only() -> bool {
    #[cfg(test)]
    return FIRST_TIER_ONLY.with(|f| f.get());
    #[cfg(not(test))]
    false
}

/// `value` with `decimals` digits after `separator`, by integer arithmetic. Rust's float
/// formatting costs about 10 KB of WebAssembly, and every number the app shows is a score, a
/// count or a ratio well inside the range where this is exact.
pub fn fixed(value: f64, decimals: usize, separator: char) -> String {
    if !value.is_finite() {
        return "–".to_string();
    }
    let decimals = decimals.min(6);
    let scale = 10u64.pow(decimals as u32);
    let scaled = (value.abs() * scale as f64).round() as u64;
    let (whole, frac) = (scaled / scale, scaled % scale);
    let mut out = String::new();
    if value < 0.0 && scaled != 0 {
        out.push('-');
    }
    out.push_str(&whole.to_string());
    if decimals > 0 {
        out.push(separator);
        let digits = frac.to_string();
        out.extend(std::iter::repeat_n('0', decimals - digits.len()));
        out.push_str(&digits);
    }
    out
}

/// The key hash of the locale tables and the item index (see `i18n/hash.rs`).
pub(crate) fn hash(key: &str) -> u32 {
    hash::fnv1a(key)
}

fn lookup(table: &'static [(u32, &'static str)], h: u32) -> Option<&'static str> {
    table.binary_search_by(|(k, _)| k.cmp(&h)).ok().map(|i| table[i].1)
}

fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

#[cfg(test)]
mod tests;
