//! Every word the user sees: locale lookup, placeholders, plurals and number formatting.
//!
//! The text lives in `locales/<lang>.toml` (one file per language); build.rs checks that every
//! locale has exactly the keys English has, with the same placeholders, and compiles them into
//! sorted static tables. Adding a language is a translation job: a new file and one enum case (its
//! decimal separator and dates are in its file; a plural rule other than one/other is a case in
//! [`Locale::plural_form`]).

use crate::generated::{FIRST_TIER, LOCALES, LOCALE_KEYS, LOCALE_KEYS_REQUIRED_BY_INSTRUMENTS, SURVEY_FINGERPRINT};
use std::sync::OnceLock;

mod hash;
pub mod key;
pub mod tiers;

pub use key::{Key, Plural};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    #[default]
    En,
    Es,
    De,
    Fr,
}

/// A language's survey texts as this build carries them: all of them in key order, or only the
/// few every build carries (its name, and the sentence saying its text could not be loaded).
pub(crate) enum Bundled {
    Full(&'static [&'static str]),
    #[allow(dead_code)]
    Base(&'static [(u16, &'static str)]),
}

impl Locale {
    pub const ALL: [Locale; 4] = [Locale::En, Locale::Es, Locale::De, Locale::Fr];

    /// The BCP 47 tag, used for `<html lang>` and the locale files' names.
    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Es => "es",
            Locale::De => "de",
            Locale::Fr => "fr",
        }
    }

    /// Picks the locale for a language tag such as `es-MX` or `en-GB`; `None` if unsupported.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Locale::ALL.into_iter().find(|l| l.code() == primary)
    }

    fn bundled(self) -> Option<&'static Bundled> {
        LOCALES.iter().find(|(c, _)| *c == self.code()).map(|(_, t)| t)
    }

    /// The text installed at run time from the language's file, if any.
    fn installed(self) -> Option<&'static [&'static str]> {
        INSTALLED[self as usize].get().map(Vec::as_slice)
    }

    /// The text of `key`: a survey text from the bundled or installed first tier, or (in builds
    /// with the `results` feature) a results text, bundled or installed.
    fn find(self, key: Key) -> Option<&'static str> {
        let i = key.0 as usize;
        if i >= FIRST_TIER {
            return self.find_results(i - FIRST_TIER);
        }
        match self.bundled()? {
            Bundled::Full(t) => t.get(i).copied(),
            Bundled::Base(b) => self
                .installed()
                .and_then(|t| t.get(i).copied())
                .or_else(|| b.iter().find(|(k, _)| *k as usize == i).map(|(_, t)| *t)),
        }
    }

    #[cfg(feature = "results")]
    fn find_results(self, i: usize) -> Option<&'static str> {
        if first_tier_only() {
            return None;
        }
        self.results_table().or_else(|| self.installed_results()).and_then(|t| t.get(i).copied())
    }

    /// The bundled results tier: English's always, another language's with `all-locales`.
    #[cfg(feature = "results")]
    fn results_table(self) -> Option<&'static [&'static str]> {
        crate::generated::LOCALES_RESULTS.iter().find(|(c, _)| *c == self.code()).map(|(_, t)| *t)
    }

    /// The results tier installed at run time from the language's results file, if any.
    #[cfg(feature = "results")]
    fn installed_results(self) -> Option<&'static [&'static str]> {
        INSTALLED_RESULTS[self as usize].get().map(Vec::as_slice)
    }

    #[cfg(not(feature = "results"))]
    fn find_results(self, _i: usize) -> Option<&'static str> {
        None
    }

    /// Whether this build knows the language: it can be listed and chosen. Its text may still
    /// have to be loaded first (see [`Locale::is_loaded`]).
    pub fn is_available(self) -> bool {
        self.bundled().is_some()
    }

    /// Whether every survey text of the language is here, bundled or installed.
    pub fn is_loaded(self) -> bool {
        matches!(self.bundled(), Some(Bundled::Full(_))) || self.installed().is_some()
    }

    /// The name of the file that carries the language's text, served beside index.html.
    pub fn file_name(self) -> String {
        ["overlap-", self.code(), ".txt"].concat()
    }

    /// Whether every results text of the language is here, bundled or installed. The results
    /// module draws in a language only when this and [`Locale::is_loaded`] both hold.
    #[cfg(feature = "results")]
    pub fn is_results_loaded(self) -> bool {
        self.results_table().is_some() || self.installed_results().is_some()
    }

    /// The name of the file that carries the language's results tier, beside its survey file.
    #[cfg(feature = "results")]
    pub fn results_file_name(self) -> String {
        ["overlap-", self.code(), "-results.txt"].concat()
    }

    /// Installs the language's text from the content of its file, after checking it: the right
    /// format and language, and exactly the keys this build's English has, so a file from
    /// another release (a stale cache) is refused rather than shown with gaps. Installing an
    /// already loaded language changes nothing.
    pub fn install(self, text: &str) -> Result<(), LocaleFileError> {
        if self.is_loaded() {
            return Ok(());
        }
        parse_file(self, Tier::Survey, text)?;
        // The text lives as long as the page, like bundled text: it is leaked once, on success.
        let text: &'static str = Box::leak(text.to_owned().into_boxed_str());
        let _ = INSTALLED[self as usize].set(parse_file(self, Tier::Survey, text)?);
        Ok(())
    }

    /// Installs the language's results tier from the content of its results file, checked the
    /// same way against this build's English results tier. The results module calls it (with
    /// [`Locale::install`] for the survey tier, which the report uses too) before it draws in a
    /// language it does not bundle. Installing an already loaded tier changes nothing.
    #[cfg(feature = "results")]
    pub fn install_results(self, text: &str) -> Result<(), LocaleFileError> {
        if self.is_results_loaded() {
            return Ok(());
        }
        parse_file(self, Tier::Results, text)?;
        let text: &'static str = Box::leak(text.to_owned().into_boxed_str());
        let _ = INSTALLED_RESULTS[self as usize].set(parse_file(self, Tier::Results, text)?);
        Ok(())
    }

    /// The content of the language's file: a header line naming the language and the key set's
    /// fingerprint, then one line per survey text, in key order. Made by the
    /// `overlap-locale-files` program at build time.
    #[cfg(feature = "all-locales")]
    pub fn file_text(self) -> String {
        match self.bundled() {
            Some(Bundled::Full(t)) => write_file(self, Tier::Survey, t),
            _ => String::new(),
        }
    }

    /// The content of the language's results file: the same format, with a header that names the
    /// tier, over the results texts.
    #[cfg(all(feature = "all-locales", feature = "results"))]
    pub fn results_file_text(self) -> String {
        write_file(self, Tier::Results, self.results_table().unwrap_or_default())
    }

    /// The text for `key`. Falls back to English, then to a visible "[?]" marker, never a blank
    /// label. Build-time checks and tests make sure neither fallback is ever needed.
    pub fn t(self, key: Key) -> &'static str {
        #[cfg(test)]
        if HOSTILE.with(|h| h.get()) {
            return HOSTILE_TEXT;
        }
        self.find(key).or_else(|| Locale::En.find(key)).unwrap_or("[?]")
    }

    /// Whether the locale has a text for `key`.
    pub fn has(self, key: Key) -> bool {
        self.find(key).is_some()
    }

    /// `t` with `{name}` placeholders filled in.
    pub fn fmt(self, key: Key, args: &[(&str, &str)]) -> String {
        fill(self.t(key), args)
    }

    /// The form of `plural` for `n`. English, Spanish and German use "one" for exactly 1;
    /// French uses it for 0 and 1 ("0 lien", "1 lien", "2 liens"), as CLDR's plural rules say. A
    /// language with more forms would add keys and a case here.
    pub fn plural_form(self, plural: Plural, n: u64) -> Key {
        let one = match self {
            Locale::En | Locale::Es | Locale::De => n == 1,
            Locale::Fr => n <= 1,
        };
        if one {
            plural.one
        } else {
            plural.other
        }
    }

    /// Formats a number with the locale's decimal separator (`format.decimal` in its file),
    /// rounded half away from zero.
    #[cfg(feature = "results")]
    pub fn number(self, value: f64, decimals: usize) -> String {
        let separator = self.t(key::format::DECIMAL).chars().next().unwrap_or('.');
        fixed(value, decimals, separator)
    }

    /// A date in words, as the locale's file writes one (`format.date`, with the month's name
    /// from `format.month`): "3 December 2026" is never mistaken for March the twelfth.
    #[cfg(feature = "results")]
    pub fn date(self, date: Date) -> String {
        let month = key::format::month::MONTH[(date.month.clamp(1, 12) - 1) as usize];
        let (day, year) =
            (crate::markup::html::uint_string(date.day as u64), crate::markup::html::uint_string(date.year as u64));
        self.fmt(key::format::DATE, &[("day", &day), ("month", self.t(month)), ("year", &year)])
    }

    /// Every key of the locale by name, for completeness tests.
    pub fn keys(self) -> impl Iterator<Item = &'static str> {
        LOCALE_KEYS.iter().enumerate().filter(move |(i, _)| self.find(Key(*i as u16)).is_some()).map(|(_, k)| *k)
    }
}

/// A calendar day, as the browser's clock gives it (the core has no clock). Printed with
/// [`Locale::date`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: u16,
    /// 1 to 12.
    pub month: u8,
    /// 1 to the month's length.
    pub day: u8,
}

impl Date {
    /// The day `days` calendar days later (across months and years, leap years included).
    pub fn plus_days(self, days: u32) -> Date {
        let mut d = self;
        for _ in 0..days {
            if d.day < days_in_month(d.year, d.month) {
                d.day += 1;
            } else if d.month < 12 {
                (d.month, d.day) = (d.month + 1, 1);
            } else {
                (d.year, d.month, d.day) = (d.year + 1, 1, 1);
            }
        }
        d
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The first line of a language file, followed by the language code, the word `results` for a
/// results file, and the fingerprint of the keys it carries (see [`Tier`]).
pub const FILE_HEADER: &str = "overlap-locale 2";

/// Which of a language's two tiers a file carries. The survey file's header names only the
/// language and the fingerprint; the results file's adds the tier, so neither passes as the other.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tier {
    Survey,
    // Only the results module (and native tests) reads results files.
    #[cfg_attr(not(feature = "results"), allow(dead_code))]
    Results,
}

impl Tier {
    /// The word after the language code in the file's header (none for the survey file).
    fn name(self) -> &'static str {
        match self {
            Tier::Survey => "",
            Tier::Results => "results",
        }
    }

    /// How many texts a file of the tier carries, and the fingerprint of their keys, in this
    /// build: a file must match both.
    fn shape(self) -> (usize, u32) {
        match self {
            Tier::Survey => (FIRST_TIER, SURVEY_FINGERPRINT),
            #[cfg(feature = "results")]
            Tier::Results => (crate::generated::KEY_COUNT - FIRST_TIER, crate::generated::RESULTS_FINGERPRINT),
            // A build without the results tier has no results keys, so every results file is
            // refused (the app never installs one).
            #[cfg(not(feature = "results"))]
            Tier::Results => (0, 0),
        }
    }
}

// One slot per language for text installed at run time. The app is single-threaded; OnceLock
// keeps it safe anyway and makes an installed table immutable.
static INSTALLED: [OnceLock<Vec<&'static str>>; Locale::ALL.len()] = [const { OnceLock::new() }; Locale::ALL.len()];

// The same for the results tier, which only the results module installs.
#[cfg(feature = "results")]
static INSTALLED_RESULTS: [OnceLock<Vec<&'static str>>; Locale::ALL.len()] =
    [const { OnceLock::new() }; Locale::ALL.len()];

/// Why a language file was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LocaleFileError {
    /// The first line is not the header this build reads.
    NotALocaleFile,
    /// The file is for another language.
    OtherLanguage,
    /// The file carries the language's other tier (a survey file where a results file belongs,
    /// or the reverse).
    OtherTier,
    /// A line holds no text.
    BadLine(usize),
    /// The keys differ from this build's (a file from another release).
    KeysDiffer,
    /// The file stops before its final line break (a cut-off download).
    Incomplete,
}

impl LocaleFileError {
    /// A sentence for the console; the person sees the locale's `ui.language_unavailable`.
    pub fn reason(self) -> String {
        match self {
            LocaleFileError::NotALocaleFile => "not a language file for this version".into(),
            LocaleFileError::OtherLanguage => "the file is for another language".into(),
            LocaleFileError::OtherTier => "it is the language's other file".into(),
            LocaleFileError::BadLine(n) => format!("line {n} is malformed"),
            LocaleFileError::KeysDiffer => "its texts do not match this release".into(),
            LocaleFileError::Incomplete => "the file is cut off".into(),
        }
    }
}

/// Writes a language file (see [`Locale::file_text`] for the format).
#[cfg(feature = "all-locales")]
fn write_file(locale: Locale, tier: Tier, table: &[&str]) -> String {
    let (_, fingerprint) = tier.shape();
    let mut out = String::from(FILE_HEADER);
    for part in [" ", locale.code(), if tier == Tier::Results { " results" } else { "" }, " "] {
        out.push_str(part);
    }
    for shift in (0..8).rev() {
        out.push(char::from(b"0123456789abcdef"[(fingerprint >> (shift * 4)) as usize & 15]));
    }
    out.push('\n');
    for text in table {
        out.push_str(text);
        out.push('\n');
    }
    out
}

/// Reads a language file of one tier into its texts in key order (see [`Locale::file_text`] for
/// the format).
fn parse_file(locale: Locale, tier: Tier, text: &str) -> Result<Vec<&str>, LocaleFileError> {
    let mut lines = text.lines();
    let header = lines.next().and_then(|l| l.strip_prefix(FILE_HEADER)).and_then(|l| l.strip_prefix(' '));
    let Some(header) = header else { return Err(LocaleFileError::NotALocaleFile) };
    let mut words = header.split(' ');
    if words.next() != Some(locale.code()) {
        return Err(LocaleFileError::OtherLanguage);
    }
    let (mut tier_name, mut print) = ("", words.next());
    if print == Some("results") || print.is_some_and(|w| w.len() != 8) {
        (tier_name, print) = (print.unwrap_or(""), words.next());
    }
    if tier_name != tier.name() {
        return Err(LocaleFileError::OtherTier);
    }
    let (count, fingerprint) = tier.shape();
    let print = print.filter(|p| p.len() == 8).and_then(|p| u32::from_str_radix(p, 16).ok());
    if print != Some(fingerprint) || words.next().is_some() {
        return Err(LocaleFileError::KeysDiffer);
    }
    let mut table: Vec<&str> = Vec::with_capacity(count);
    for (i, line) in lines.enumerate() {
        if line.trim().is_empty() {
            return Err(LocaleFileError::BadLine(i + 2));
        }
        table.push(line);
    }
    // A cut-off download would otherwise pass with its last text cut short.
    if !text.ends_with('\n') {
        return Err(LocaleFileError::Incomplete);
    }
    if table.len() != count {
        return Err(LocaleFileError::KeysDiffer);
    }
    Ok(table)
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

// Tests switch every text to markup-like text to prove the screens escape locale strings too.
#[cfg(test)]
thread_local! {
    pub(crate) static HOSTILE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// What every text reads as while `HOSTILE` is on: an attribute break-out and a tag.
#[cfg(test)]
pub(crate) const HOSTILE_TEXT: &str = "\"'><x-injected onclick=\"alert(1)\">&amp;</x-injected>";

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

fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

#[cfg(test)]
mod tests;
