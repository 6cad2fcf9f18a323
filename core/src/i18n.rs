//! Every word the user sees: locale lookup, placeholders, plurals and number formatting.
//!
//! The text lives in `locales/<lang>.toml` (one file per language); build.rs checks that every
//! locale has exactly the keys English has, with the same placeholders, and compiles them into
//! sorted static tables. Adding a language is a translation job: a new file and one enum case.

use crate::generated::{LOCALES, LOCALE_KEYS, LOCALE_KEYS_REQUIRED_BY_INSTRUMENTS};
use std::sync::OnceLock;

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

    /// The text installed at run time from the language's file, if any.
    fn installed(self) -> Option<&'static [(u32, &'static str)]> {
        INSTALLED[self as usize].get().map(Vec::as_slice)
    }

    /// The bundled first tier, the installed text, then (in builds with the `results` feature)
    /// the results tier, bundled or installed.
    fn find(self, h: u32) -> Option<&'static str> {
        lookup(self.table(), h).or_else(|| self.installed().and_then(|t| lookup(t, h))).or_else(|| self.find_results(h))
    }

    #[cfg(feature = "results")]
    fn find_results(self, h: u32) -> Option<&'static str> {
        if first_tier_only() {
            return None;
        }
        lookup(self.results_table(), h).or_else(|| self.installed_results().and_then(|t| lookup(t, h)))
    }

    /// The bundled results tier: English's always, another language's with `all-locales`.
    #[cfg(feature = "results")]
    fn results_table(self) -> &'static [(u32, &'static str)] {
        crate::generated::LOCALES_RESULTS.iter().find(|(c, _)| *c == self.code()).map_or(&[], |(_, t)| t)
    }

    /// The results tier installed at run time from the language's results file, if any.
    #[cfg(feature = "results")]
    fn installed_results(self) -> Option<&'static [(u32, &'static str)]> {
        INSTALLED_RESULTS[self as usize].get().map(Vec::as_slice)
    }

    #[cfg(not(feature = "results"))]
    fn find_results(self, _h: u32) -> Option<&'static str> {
        None
    }

    /// Whether this build knows the language: it can be listed and chosen. Its text may still
    /// have to be loaded first (see [`Locale::is_loaded`]).
    pub fn is_available(self) -> bool {
        !self.table().is_empty()
    }

    /// Whether every survey text of the language is here, bundled or installed (build.rs checked
    /// that every language has exactly English's keys, so equal counts mean the full set).
    pub fn is_loaded(self) -> bool {
        self.installed().is_some() || self.table().len() == Locale::En.table().len()
    }

    /// The name of the file that carries the language's text, served beside index.html.
    pub fn file_name(self) -> String {
        format!("overlap-{}.txt", self.code())
    }

    /// Whether every results text of the language is here, bundled or installed. The results
    /// module draws in a language only when this and [`Locale::is_loaded`] both hold.
    #[cfg(feature = "results")]
    pub fn is_results_loaded(self) -> bool {
        self.installed_results().is_some() || self.results_table().len() == Locale::En.results_table().len()
    }

    /// The name of the file that carries the language's results tier, beside its survey file.
    #[cfg(feature = "results")]
    pub fn results_file_name(self) -> String {
        format!("overlap-{}-results.txt", self.code())
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

    /// The content of the language's file: a header line, then one `hash<TAB>text` line per
    /// survey text, in hash order. Made by the `overlap-locale-files` program at build time.
    #[cfg(feature = "all-locales")]
    pub fn file_text(self) -> String {
        write_file(self, Tier::Survey, self.table())
    }

    /// The content of the language's results file: the same format, with a header that names the
    /// tier, over the results texts.
    #[cfg(all(feature = "all-locales", feature = "results"))]
    pub fn results_file_text(self) -> String {
        write_file(self, Tier::Results, self.results_table())
    }

    /// The text for `key`. Falls back to English, then to a visible "[?]" marker, never a blank
    /// label. Build-time checks and tests make sure neither fallback is ever needed.
    pub fn t(self, key: &str) -> &'static str {
        #[cfg(test)]
        if HOSTILE.with(|h| h.get()) {
            return HOSTILE_TEXT;
        }
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

/// The first line of a language file, followed by the language code (and, for a results file,
/// the word `results`: see [`Tier`]).
pub const FILE_HEADER: &str = "overlap-locale 1";

/// Which of a language's two tiers a file carries. The survey file's header is the older format
/// and names only the language; the results file's adds the tier, so neither file passes as the
/// other.
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

    /// This build's English text of the tier: a file must have exactly its keys.
    fn english(self) -> &'static [(u32, &'static str)] {
        match self {
            Tier::Survey => Locale::En.table(),
            #[cfg(feature = "results")]
            Tier::Results => Locale::En.results_table(),
            // A build without the results tier has no results keys, so every results file is
            // refused (the app never installs one).
            #[cfg(not(feature = "results"))]
            Tier::Results => &[],
        }
    }
}

// One slot per language for text installed at run time. The app is single-threaded; OnceLock
// keeps it safe anyway and makes an installed table immutable.
static INSTALLED: [OnceLock<Vec<(u32, &'static str)>>; Locale::ALL.len()] =
    [const { OnceLock::new() }; Locale::ALL.len()];

// The same for the results tier, which only the results module installs.
#[cfg(feature = "results")]
static INSTALLED_RESULTS: [OnceLock<Vec<(u32, &'static str)>>; Locale::ALL.len()] =
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
    /// A line is not `hash<TAB>text` (8 hex digits, non-empty text), or is out of order.
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
fn write_file(locale: Locale, tier: Tier, table: &[(u32, &str)]) -> String {
    let mut out = match tier.name() {
        "" => format!("{FILE_HEADER} {}\n", locale.code()),
        name => format!("{FILE_HEADER} {} {name}\n", locale.code()),
    };
    for (h, text) in table {
        out.push_str(&format!("{h:08x}\t{text}\n"));
    }
    out
}

/// Reads a language file of one tier into a sorted table (see [`Locale::file_text`] for the
/// format).
fn parse_file(locale: Locale, tier: Tier, text: &str) -> Result<Vec<(u32, &str)>, LocaleFileError> {
    let mut lines = text.lines();
    let header = lines.next().and_then(|l| l.strip_prefix(FILE_HEADER)).and_then(|l| l.strip_prefix(' '));
    let Some(header) = header else { return Err(LocaleFileError::NotALocaleFile) };
    let (code, name) = header.split_once(' ').unwrap_or((header, ""));
    if code != locale.code() {
        return Err(LocaleFileError::OtherLanguage);
    }
    if name != tier.name() {
        return Err(LocaleFileError::OtherTier);
    }
    let mut table: Vec<(u32, &str)> = Vec::new();
    for (i, line) in lines.enumerate().filter(|(_, l)| !l.is_empty()) {
        let bad = LocaleFileError::BadLine(i + 2);
        let (h, t) = line.split_once('\t').ok_or(bad)?;
        let valid_hash = h.len() == 8 && h.bytes().all(|b| b.is_ascii_hexdigit());
        let h = u32::from_str_radix(h, 16).ok().filter(|_| valid_hash).ok_or(bad)?;
        if t.trim().is_empty() || table.last().is_some_and(|(last, _)| *last >= h) {
            return Err(bad);
        }
        table.push((h, t));
    }
    // A cut-off download would otherwise pass with its last text cut short.
    if !text.ends_with('\n') {
        return Err(LocaleFileError::Incomplete);
    }
    let expected = tier.english();
    if table.len() != expected.len() || table.iter().zip(expected).any(|(a, b)| a.0 != b.0) {
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
