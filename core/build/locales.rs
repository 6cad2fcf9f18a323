//! The locale files: checked against the instruments' keys and English, then emitted as
//! tables keyed by a hash of the key, each language in two tiers (first load, results).

use crate::hash::fnv1a;
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
    // Tables are keyed by a 32-bit FNV-1a hash of the key rather than the key text: the browser
    // build then carries no key strings at all. Collisions are checked here.
    let mut hashes: BTreeMap<u32, &String> = BTreeMap::new();
    for key in locales.values().flat_map(|m| m.keys()) {
        if let Some(other) = hashes.insert(fnv1a(key), key) {
            if other != key {
                errors.push(format!("locale keys `{other}` and `{key}` have the same hash; rename one"));
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

fn table(code: &mut String, name: &str, rows: Vec<(u32, &String)>) {
    let mut rows = rows;
    rows.sort();
    let _ = writeln!(code, "#[allow(dead_code)]\npub(crate) static {name}: &[(u32, &str)] = &[");
    for (h, v) in rows {
        let _ = writeln!(code, "    ({h}, {v:?}),");
    }
    let _ = writeln!(code, "];");
}

/// Two tiers per language: what the first load (the survey app) shows, and what only the
/// results module shows. The app builds the core without the `results` feature, so the second
/// tier is not in its WebAssembly at all. English, the fallback, is always bundled; another
/// language's tiers only with the `all-locales` feature (native tests, the language-file
/// program). Without it a build carries just that language's `EVERY_BUILD_KEYS` and installs the
/// rest from its files when it is wanted: the app its first tier, the results module both.
///
/// An older instrument version's item texts (`current_items` lists the newest version's) go to
/// the results tier too: the survey never shows them, only reports of that version's links do.
pub fn emit(locales: &Locales, required: &BTreeSet<String>, current_items: &BTreeSet<String>, code: &mut String) {
    let results_tier = |k: &str| tiers::results_tier(k) || (k.starts_with("item.") && !current_items.contains(k));
    for (lang, map) in locales {
        let upper = lang.to_uppercase();
        for (suffix, results) in [("", false), ("_RESULTS", true)] {
            let rows = map.iter().filter(|(k, _)| results_tier(k) == results).map(|(k, v)| (fnv1a(k), v)).collect();
            table(code, &format!("LOCALE_{upper}{suffix}"), rows);
        }
        let rows = map
            .iter()
            .filter(|(k, _)| tiers::EVERY_BUILD_KEYS.contains(&k.as_str()))
            .map(|(k, v)| (fnv1a(k), v))
            .collect();
        table(code, &format!("LOCALE_{upper}_BASE"), rows);
    }
    for (name, suffix) in [("LOCALES", ""), ("LOCALES_RESULTS", "_RESULTS")] {
        let _ = writeln!(code, "#[allow(dead_code)]\npub(crate) static {name}: &[(&str, &[(u32, &str)])] = &[");
        for lang in locales.keys() {
            let upper = lang.to_uppercase();
            if lang == "en" {
                let _ = writeln!(code, "    ({lang:?}, LOCALE_{upper}{suffix}),");
            } else if suffix.is_empty() {
                let _ = writeln!(code, "    #[cfg(feature = \"all-locales\")]\n    ({lang:?}, LOCALE_{upper}),");
                let _ =
                    writeln!(code, "    #[cfg(not(feature = \"all-locales\"))]\n    ({lang:?}, LOCALE_{upper}_BASE),");
            } else {
                // The results tier has no every-build keys: without `all-locales` the language
                // is simply absent, and its results text is installed from its file.
                let _ =
                    writeln!(code, "    #[cfg(feature = \"all-locales\")]\n    ({lang:?}, LOCALE_{upper}{suffix}),");
            }
        }
        let _ = writeln!(code, "];");
    }
    let _ = writeln!(code, "/// Every key of en.toml, for tests; unused at run time, so not in the browser build.");
    let _ = writeln!(code, "pub(crate) static LOCALE_KEYS: &[&str] = &[");
    for k in locales.get("en").into_iter().flat_map(|m| m.keys()) {
        let _ = writeln!(code, "    {k:?},");
    }
    let _ = writeln!(code, "];");
    let _ = writeln!(code, "pub(crate) static LOCALE_KEYS_REQUIRED_BY_INSTRUMENTS: &[&str] = &[");
    for k in required {
        let _ = writeln!(code, "    {k:?},");
    }
    let _ = writeln!(code, "];");
}
