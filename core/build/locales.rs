//! The locale files: checked against the instruments' keys and English, then emitted as arrays
//! of texts in key order, each language in two tiers (first load, results), with the typed keys
//! the code names them by.

use crate::hash::fnv1a;
use crate::names;
use crate::tiers;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

type Locales = BTreeMap<String, BTreeMap<String, String>>;

/// Every language holds every instrument key and exactly English's keys, with the same
/// placeholders, each text on one line; no instrument text is left without an instrument.
pub fn check(locales: &Locales, required: &BTreeSet<String>, errors: &mut Vec<String>) {
    let Some(en) = locales.get("en") else {
        errors.push("locales/en.toml is missing".into());
        return;
    };
    for key in required.iter().map(String::as_str).chain(tiers::EVERY_BUILD_KEYS) {
        if !en.contains_key(key) {
            errors.push(format!("locales/en.toml: missing key `{key}`"));
        }
    }
    // Instrument wording must belong to something in an instrument: no orphans left behind
    // when an item, flag or action is retired.
    for key in en.keys() {
        let instrument_ns =
            ["section.", "item.", "dim.", "flag.", "action.", "phase."].iter().any(|p| key.starts_with(p));
        if instrument_ns && !required.contains(key) {
            errors.push(format!("locales/en.toml: key `{key}` is not used by any instrument"));
        }
    }
    for (lang, map) in locales {
        for key in en.keys().filter(|k| !map.contains_key(*k)) {
            errors.push(format!("locales/{lang}.toml: missing key `{key}`"));
        }
        for key in map.keys().filter(|k| !en.contains_key(*k)) {
            errors.push(format!("locales/{lang}.toml: key `{key}` is not in en.toml"));
        }
        for (key, value) in map {
            if let Some(en_value) = en.get(key) {
                if placeholders(value) != placeholders(en_value) {
                    errors.push(format!(
                        "locales/{lang}.toml: `{key}` has placeholders {:?}, en has {:?}",
                        placeholders(value),
                        placeholders(en_value)
                    ));
                }
            }
            if value.trim().is_empty() {
                errors.push(format!("locales/{lang}.toml: `{key}` is empty"));
            }
            // One line per text: the app fetches a language's text as a line-based file.
            if value.contains(['\n', '\r', '\t']) {
                errors
                    .push(format!("locales/{lang}.toml: `{key}` has a line break or tab; keep each text on one line"));
            }
        }
    }
}

fn placeholders(s: &str) -> BTreeSet<String> {
    let mut set = BTreeSet::new();
    let mut rest = s;
    while let Some(start) = rest.find('{') {
        let Some(end) = rest[start..].find('}') else { break };
        set.insert(rest[start + 1..start + end].to_string());
        rest = &rest[start + end + 1..];
    }
    set
}

/// Every key's index: the first tier's keys (what the survey app shows), sorted by name, then
/// the results tier's, sorted by name. `Key(i)` in the code is index i, and each tier's texts
/// are an array in this order, so a lookup is an index, not a search, and no key name or hash
/// is in the WebAssembly. An older instrument version's item texts go to the results tier (the
/// survey never shows them, only reports of that version's links do).
pub fn index(locales: &Locales, current_items: &BTreeSet<String>) -> (BTreeMap<String, u16>, usize) {
    let results_tier = |k: &str| tiers::results_tier(k) || (k.starts_with("item.") && !current_items.contains(k));
    let names: Vec<&String> = locales.get("en").map(|m| m.keys().collect()).unwrap_or_default();
    let first: Vec<&String> = names.iter().copied().filter(|k| !results_tier(k)).collect();
    let rest = names.iter().copied().filter(|k| results_tier(k));
    let index = first.iter().copied().chain(rest).enumerate().map(|(i, k)| (k.clone(), i as u16)).collect();
    (index, first.len())
}

/// The names of one tier's keys in index order, joined: what a language file's fingerprint is
/// taken over, so a file written for another set of keys is refused.
fn fingerprint(names: &[&String]) -> u32 {
    fnv1a(&names.iter().map(|n| n.as_str()).collect::<Vec<_>>().join("\n"))
}

fn texts(code: &mut String, name: &str, texts: &[&String], cfg: &str) {
    let _ = writeln!(code, "{cfg}#[allow(dead_code)]\npub(crate) static {name}: [&str; {}] = [", texts.len());
    for t in texts {
        let _ = writeln!(code, "    {t:?},");
    }
    let _ = writeln!(code, "];");
}

/// Two tiers per language, each an array of texts in key order: what the first load (the survey
/// app) shows, and what only the results module shows. The app builds the core without the
/// `results` feature, so the second tier is not in its WebAssembly at all. English, the fallback,
/// is always bundled; another language's tiers only with the `all-locales` feature (native tests,
/// the language-file program). Without it a build carries just that language's
/// `EVERY_BUILD_KEYS` and installs the rest from its files when it is wanted.
pub fn emit(
    locales: &Locales,
    required: &BTreeSet<String>,
    index: &BTreeMap<String, u16>,
    first: usize,
    code: &mut String,
) {
    let mut order: Vec<(&String, u16)> = index.iter().map(|(k, i)| (k, *i)).collect();
    order.sort_by_key(|(_, i)| *i);
    let names: Vec<&String> = order.iter().map(|(k, _)| *k).collect();
    let _ = writeln!(code, "pub(crate) const FIRST_TIER: usize = {first};");
    let _ = writeln!(code, "#[allow(dead_code)]\npub(crate) const KEY_COUNT: usize = {};", names.len());
    let _ = writeln!(code, "pub(crate) const SURVEY_FINGERPRINT: u32 = 0x{:08x};", fingerprint(&names[..first]));
    let _ = writeln!(
        code,
        "#[allow(dead_code)]\npub(crate) const RESULTS_FINGERPRINT: u32 = 0x{:08x};",
        fingerprint(&names[first..])
    );
    for (lang, map) in locales {
        let upper = lang.to_uppercase();
        let all: Vec<&String> = names.iter().map(|k| &map[*k]).collect();
        let cfg = if lang == "en" { "" } else { "#[cfg(feature = \"all-locales\")]\n" };
        texts(code, &format!("LOCALE_{upper}"), &all[..first], cfg);
        texts(code, &format!("LOCALE_{upper}_RESULTS"), &all[first..], cfg);
        let _ = writeln!(code, "#[allow(dead_code)]\npub(crate) static LOCALE_{upper}_BASE: &[(u16, &str)] = &[");
        for k in tiers::EVERY_BUILD_KEYS {
            if let (Some(i), Some(v)) = (index.get(k), map.get(k)) {
                let _ = writeln!(code, "    ({i}, {v:?}),");
            }
        }
        let _ = writeln!(code, "];");
    }
    let _ = writeln!(code, "pub(crate) static LOCALES: &[(&str, Bundled)] = &[");
    for lang in locales.keys() {
        let upper = lang.to_uppercase();
        if lang == "en" {
            let _ = writeln!(code, "    ({lang:?}, Bundled::Full(&LOCALE_{upper})),");
        } else {
            let _ = writeln!(
                code,
                "    #[cfg(feature = \"all-locales\")]\n    ({lang:?}, Bundled::Full(&LOCALE_{upper})),"
            );
            let _ = writeln!(
                code,
                "    #[cfg(not(feature = \"all-locales\"))]\n    ({lang:?}, Bundled::Base(LOCALE_{upper}_BASE)),"
            );
        }
    }
    let _ = writeln!(code, "];");
    // The results tier has no every-build keys: without `all-locales` a language other than
    // English is simply absent, and its results text is installed from its file.
    let _ = writeln!(code, "#[allow(dead_code)]\npub(crate) static LOCALES_RESULTS: &[(&str, &[&str])] = &[");
    for lang in locales.keys() {
        let upper = lang.to_uppercase();
        let cfg = if lang == "en" { "" } else { "    #[cfg(feature = \"all-locales\")]\n" };
        let _ = writeln!(code, "{cfg}    ({lang:?}, &LOCALE_{upper}_RESULTS),");
    }
    let _ = writeln!(code, "];");
    let _ = writeln!(
        code,
        "/// Every key of en.toml in index order, for tests; unused at run time, so not in the browser build."
    );
    let _ = writeln!(code, "#[allow(dead_code)]\npub(crate) static LOCALE_KEYS: &[&str] = &[");
    for k in &names {
        let _ = writeln!(code, "    {k:?},");
    }
    let _ = writeln!(code, "];");
    let _ = writeln!(code, "#[allow(dead_code)]\npub(crate) static LOCALE_KEYS_REQUIRED_BY_INSTRUMENTS: &[&str] = &[");
    for k in required {
        let _ = writeln!(code, "    {k:?},");
    }
    let _ = writeln!(code, "];");
}

/// A family of keys that code picks by an enum: a table, the vocabulary its leaves follow (in the
/// enum's order), the leaves' suffix, and the name of the array of keys.
struct Family {
    table: &'static str,
    vocabulary: &'static [&'static str],
    suffix: &'static str,
    name: &'static str,
}

const FAMILIES: &[Family] = &[
    Family { table: "ui.likert", vocabulary: &names::LIKERT, suffix: "", name: "ANSWER" },
    Family { table: "ui.role", vocabulary: &names::ROLES, suffix: "", name: "NAME" },
    Family { table: "ui.role", vocabulary: &names::ROLES, suffix: "_hint", name: "HINT" },
    Family { table: "ui.team.letter", vocabulary: &names::ROLES, suffix: "", name: "ROLE" },
    Family { table: "ui.owner", vocabulary: &names::OWNERS, suffix: "", name: "NAME" },
    Family { table: "ui.band", vocabulary: &names::BANDS, suffix: "", name: "NAME" },
    Family { table: "ui.risk", vocabulary: &names::RISKS, suffix: "", name: "NAME" },
    Family { table: "ui.confidence", vocabulary: &names::CONFIDENCE, suffix: "", name: "NAME" },
    Family { table: "ui.checklist", vocabulary: &["yes", "no"], suffix: "", name: "NAME" },
    Family { table: "ui.link_error", vocabulary: &names::LINK_ERRORS, suffix: "", name: "REASON" },
    Family { table: "ui.team.agenda", vocabulary: &names::AGENDA_PARTS, suffix: "", name: "SLOT" },
    Family { table: "ui.team.agenda", vocabulary: &names::AGENDA_PARTS, suffix: "_detail", name: "SLOT_DETAIL" },
    Family { table: "ui.team.alpha", vocabulary: &names::ALPHA_READINGS, suffix: "", name: "READING" },
    Family { table: "format.month", vocabulary: &names::MONTHS, suffix: "", name: "MONTH" },
    Family { table: "ui.actor", vocabulary: &names::ACTORS, suffix: "", name: "NAME" },
    Family { table: "ui.team.script", vocabulary: &names::AGENDA_PARTS, suffix: "", name: "PART" },
];

/// Tables with one sub-table per value of an enum, each with the same leaves: an array per
/// leaf, in the enum's order (`key::dim::NAME[d]`).
const PER_VALUE: &[(&str, &[&str])] = &[("dim", &names::DIMENSIONS), ("phase", &names::PHASES)];

/// Emits the typed keys (`core/src/i18n/key.rs` includes them): a constant per English key the
/// code names (`key::ui::welcome::TITLE`), a `Plural` for each `one`/`other` pair, and arrays
/// for the families above. Instrument texts are not here: their keys are in the instrument's
/// own tables (`Item::text` and the like). Reports every key a family expects and English lacks.
pub fn emit_keys(locales: &Locales, index: &BTreeMap<String, u16>, errors: &mut Vec<String>) -> String {
    let Some(en) = locales.get("en") else { return String::new() };
    let key = |k: &str| format!("crate::i18n::Key({})", index.get(k).copied().unwrap_or(u16::MAX));
    // Module path -> lines of that module.
    let mut modules: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut covered: BTreeSet<String> = BTreeSet::new();
    let mut family = |table: &str, name: &str, keys: Vec<String>, errors: &mut Vec<String>| {
        let mut items = Vec::new();
        for k in &keys {
            if !en.contains_key(k) {
                errors.push(format!("locales/en.toml: missing key `{k}` (code picks it by an enum)"));
            }
            items.push(key(k));
        }
        covered.extend(keys.iter().cloned());
        modules.entry(table.replace('.', "::")).or_default().push(format!(
            "pub const {name}: [crate::i18n::Key; {}] = [{}];",
            items.len(),
            items.join(", ")
        ));
    };
    for f in FAMILIES {
        let keys = f.vocabulary.iter().map(|v| format!("{}.{v}{}", f.table, f.suffix)).collect();
        family(f.table, f.name, keys, errors);
    }
    for (table, vocabulary) in PER_VALUE {
        let leaves: BTreeSet<&str> = en
            .keys()
            .filter_map(|k| k.strip_prefix(&format!("{table}.")))
            .filter_map(|rest| rest.split_once('.').map(|(_, leaf)| leaf))
            .collect();
        for leaf in leaves {
            let keys = vocabulary.iter().map(|v| format!("{table}.{v}.{leaf}")).collect();
            family(table, &leaf.to_uppercase(), keys, errors);
        }
    }
    let instrument_ns = |k: &str| ["section.", "item.", "flag.", "action."].iter().any(|p| k.starts_with(p));
    for k in en.keys().filter(|k| !instrument_ns(k) && !covered.contains(*k)) {
        let (table, leaf) = k.rsplit_once('.').unwrap_or(("", k));
        if leaf == "one" || leaf == "other" {
            // A plural: `table` is its name, in the parent table.
            if leaf == "one" {
                let (parent, name) = table.rsplit_once('.').unwrap_or(("", table));
                modules.entry(parent.replace('.', "::")).or_default().push(format!(
                    "pub const {}: crate::i18n::Plural = crate::i18n::Plural {{ one: {}, other: {} }};",
                    name.to_uppercase(),
                    key(k),
                    key(&format!("{table}.other"))
                ));
            }
            continue;
        }
        if !leaf.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) {
            errors.push(format!("locales/en.toml: key `{k}` is not a name code can refer to"));
            continue;
        }
        modules.entry(table.replace('.', "::")).or_default().push(format!(
            "pub const {}: crate::i18n::Key = {};",
            leaf.to_uppercase(),
            key(k)
        ));
    }
    // Nest the modules: every prefix of a path is a module too.
    let mut all: BTreeSet<String> = BTreeSet::new();
    for path in modules.keys() {
        let mut acc = String::new();
        for seg in path.split("::").filter(|s| !s.is_empty()) {
            if !acc.is_empty() {
                acc.push_str("::");
            }
            acc.push_str(seg);
            all.insert(acc.clone());
        }
    }
    fn write(
        code: &mut String,
        path: &str,
        all: &BTreeSet<String>,
        modules: &BTreeMap<String, Vec<String>>,
        depth: usize,
    ) {
        let indent = "    ".repeat(depth);
        for line in modules.get(path).into_iter().flatten() {
            let _ = writeln!(code, "{indent}{line}");
        }
        let prefix = if path.is_empty() { String::new() } else { format!("{path}::") };
        for child in all.iter().filter(|m| m.starts_with(&prefix) && !m[prefix.len()..].contains("::")) {
            let name = &child[prefix.len()..];
            let _ = writeln!(code, "{indent}pub mod {name} {{");
            write(code, child, all, modules, depth + 1);
            let _ = writeln!(code, "{indent}}}");
        }
    }
    let mut code = String::from("// Typed locale keys, written by build.rs from locales/en.toml.\n");
    write(&mut code, "", &all, &modules, 0);
    code
}
