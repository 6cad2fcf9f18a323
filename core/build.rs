//! Build script: validates the instrument (`instrument/v*.toml`) and the locale files
//! (`../locales/*.toml`) and turns them into static Rust data in OUT_DIR.
//!
//! Validation happens here, not at run time, so an invalid instrument or a missing translation
//! fails the build with a message that names the item or key. The browser then ships plain
//! static tables and no TOML parser.

// The split of locale keys between the first load and the results module, and the key hash,
// shared with the core.
#[path = "src/i18n/hash.rs"]
mod hash;
#[path = "src/i18n/tiers.rs"]
mod tiers;
use hash::fnv1a;

use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The nine scored dimensions, in prerequisite order; must match `Dimension` in src/instrument.rs.
const DIMENSIONS: [&str; 9] =
    ["leadership", "threat", "trust", "knowledge", "info_flow", "ownership", "roles", "collaboration", "readiness"];
const ROLES: [&str; 4] = ["internal_it", "msp", "leadership", "other"];
/// Matrix answers, in share-link code order (code = index + 1); must match `Owner`.
const OWNERS: [&str; 6] = ["internal_it", "msp", "shared", "vendor", "nobody", "dont_know"];
const PHASES: [&str; 5] = ["orientation", "adjustment", "normalization", "optimization", "unknown"];
/// Context items the scoring engine reads by id, with the option ids it relies on.
const CONTEXT: [(&str, &[&str]); 2] = [
    ("ctx_months", &["m0_2", "m2_6", "m6_12", "m12p", "dk"]),
    ("ctx_size", &["lt40", "s40_75", "s76_150", "gt150", "dk"]),
];
const MIN_SCORED_PER_DIMENSION: usize = 5;
const MIN_PER_ROLE_PER_DIMENSION: usize = 2;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawInstrument {
    version: u8,
    section: Vec<RawSection>,
    item: Vec<RawItem>,
    red_flag: Vec<RawFlag>,
    action: Vec<RawAction>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSection {
    id: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawItem {
    id: String,
    section: String,
    kind: String,
    roles: Vec<String>,
    #[serde(default)]
    options: Option<Vec<String>>,
    #[serde(default)]
    scores: Option<Vec<i64>>,
    #[serde(default)]
    reverse: Option<bool>,
    #[serde(default)]
    areas: Option<Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFlag {
    id: String,
    item: String,
    when: Vec<String>,
    #[serde(default)]
    area: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAction {
    id: String,
    priority: u16,
    #[serde(default)]
    flags: Vec<String>,
    #[serde(default)]
    dimensions: Vec<String>,
    #[serde(default)]
    fallback: bool,
}

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    let locale_dir = manifest.join("../locales");
    println!("cargo:rerun-if-changed=instrument");
    println!("cargo:rerun-if-changed={}", locale_dir.display());
    println!("cargo:rerun-if-changed=src/i18n/tiers.rs");
    println!("cargo:rerun-if-changed=src/i18n/hash.rs");

    let mut errors = Vec::new();
    let mut code = String::new();
    let mut required_keys = BTreeSet::new();

    let mut versions = Vec::new();
    for entry in sorted_dir(&manifest.join("instrument"), "toml") {
        let text = std::fs::read_to_string(&entry).unwrap();
        match toml::from_str::<RawInstrument>(&text) {
            Ok(raw) => {
                let name = entry.file_name().unwrap().to_string_lossy().to_string();
                if name != format!("v{}.toml", raw.version) {
                    errors.push(format!("{name}: file name must be v{}.toml", raw.version));
                }
                validate(&raw, &mut errors);
                collect_keys(&raw, &mut required_keys);
                if errors.is_empty() {
                    emit_instrument(&raw, &mut code);
                }
                versions.push(raw.version);
            }
            Err(e) => errors.push(format!("{}: {e}", entry.display())),
        }
    }
    for phase in PHASES {
        for field in ["name", "span", "normal", "calm", "tense"] {
            required_keys.insert(format!("phase.{phase}.{field}"));
        }
    }

    // Locales: every file must hold every instrument key and exactly the same key set as en.
    let mut locales = BTreeMap::new();
    for entry in sorted_dir(&locale_dir, "toml") {
        let lang = entry.file_stem().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(&entry).unwrap();
        match text.parse::<toml::Table>() {
            Ok(table) => {
                let mut flat = BTreeMap::new();
                flatten("", &toml::Value::Table(table), &mut flat, &mut errors, &lang);
                locales.insert(lang, flat);
            }
            Err(e) => errors.push(format!("locales/{lang}.toml: {e}")),
        }
    }
    match locales.get("en") {
        None => errors.push("locales/en.toml is missing".into()),
        Some(en) => {
            for key in required_keys.iter().map(String::as_str).chain(tiers::EVERY_BUILD_KEYS) {
                if !en.contains_key(key) {
                    errors.push(format!("locales/en.toml: missing key `{key}`"));
                }
            }
            // Instrument wording must belong to something in an instrument: no orphans left
            // behind when an item, flag or action is retired.
            for key in en.keys() {
                let instrument_ns =
                    ["section.", "item.", "dim.", "flag.", "action.", "phase."].iter().any(|p| key.starts_with(p));
                if instrument_ns && !required_keys.contains(key) {
                    errors.push(format!("locales/en.toml: key `{key}` is not used by any instrument"));
                }
            }
            for (lang, map) in &locales {
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
                        errors.push(format!(
                            "locales/{lang}.toml: `{key}` has a line break or tab; keep each text on one line"
                        ));
                    }
                }
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
    // Two tiers per language: what the first load (the survey app) shows, and what only the
    // results module shows. The app builds the core without the `results` feature, so the second
    // tier is not in its WebAssembly at all (see `results_tier`).
    for (lang, map) in &locales {
        for (suffix, results) in [("", false), ("_RESULTS", true)] {
            let mut rows: Vec<(u32, &String)> =
                map.iter().filter(|(k, _)| tiers::results_tier(k) == results).map(|(k, v)| (fnv1a(k), v)).collect();
            rows.sort();
            let _ = writeln!(
                code,
                "#[allow(dead_code)]\npub(crate) static LOCALE_{}{suffix}: &[(u32, &str)] = &[",
                lang.to_uppercase()
            );
            for (h, v) in rows {
                let _ = writeln!(code, "    ({h}, {v:?}),");
            }
            let _ = writeln!(code, "];");
        }
    }
    // English, the fallback, is always bundled. Another language's first tier is bundled only
    // with the `all-locales` feature (the results module, tests); the app bundles just its
    // EVERY_BUILD_KEYS and fetches the rest when that language is chosen (`i18n::install`).
    for (lang, map) in &locales {
        let mut rows: Vec<(u32, &String)> = map
            .iter()
            .filter(|(k, _)| tiers::EVERY_BUILD_KEYS.contains(&k.as_str()))
            .map(|(k, v)| (fnv1a(k), v))
            .collect();
        rows.sort();
        let _ = writeln!(
            code,
            "#[allow(dead_code)]\npub(crate) static LOCALE_{}_BASE: &[(u32, &str)] = &[",
            lang.to_uppercase()
        );
        for (h, v) in rows {
            let _ = writeln!(code, "    ({h}, {v:?}),");
        }
        let _ = writeln!(code, "];");
    }
    for (name, suffix) in [("LOCALES", ""), ("LOCALES_RESULTS", "_RESULTS")] {
        let _ = writeln!(code, "#[allow(dead_code)]\npub(crate) static {name}: &[(&str, &[(u32, &str)])] = &[");
        for lang in locales.keys() {
            let upper = lang.to_uppercase();
            if lang == "en" || !suffix.is_empty() {
                let _ = writeln!(code, "    ({lang:?}, LOCALE_{upper}{suffix}),");
            } else {
                let _ = writeln!(code, "    #[cfg(feature = \"all-locales\")]\n    ({lang:?}, LOCALE_{upper}),");
                let _ =
                    writeln!(code, "    #[cfg(not(feature = \"all-locales\"))]\n    ({lang:?}, LOCALE_{upper}_BASE),");
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
    for k in &required_keys {
        let _ = writeln!(code, "    {k:?},");
    }
    let _ = writeln!(code, "];");

    if !errors.is_empty() {
        for e in &errors {
            println!("cargo:warning={e}");
        }
        panic!("invalid instrument or locale data:\n  {}", errors.join("\n  "));
    }
    std::fs::write(out.join("generated.rs"), code).unwrap();
}

fn sorted_dir(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> =
        std::fs::read_dir(dir).map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect()).unwrap_or_default();
    v.retain(|p| p.extension().is_some_and(|e| e == ext));
    v.sort();
    v
}

fn flatten(
    prefix: &str,
    value: &toml::Value,
    out: &mut BTreeMap<String, String>,
    errors: &mut Vec<String>,
    lang: &str,
) {
    match value {
        toml::Value::Table(t) => {
            for (k, v) in t {
                let key = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
                flatten(&key, v, out, errors, lang);
            }
        }
        toml::Value::String(s) => {
            out.insert(prefix.to_string(), s.clone());
        }
        _ => errors.push(format!("locales/{lang}.toml: `{prefix}` must be a string")),
    }
}

/// The `{name}` placeholders of a text, sorted, so translations can be checked for the same set.
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

fn valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

fn validate(raw: &RawInstrument, errors: &mut Vec<String>) {
    let v = raw.version;
    let mut err = |m: String| errors.push(format!("instrument v{v}: {m}"));
    if raw.version == 0 || raw.version > 63 {
        err("version must be 1..=63 (six bits in share links)".into());
    }
    let section_ids: Vec<&str> = raw.section.iter().map(|s| s.id.as_str()).collect();
    let mut expected = vec!["context"];
    expected.extend(DIMENSIONS);
    if section_ids != expected {
        err(format!("sections must be exactly {expected:?} in that order, found {section_ids:?}"));
    }
    let mut seen = BTreeSet::new();
    let mut matrix_count = 0;
    for item in &raw.item {
        let id = &item.id;
        if !valid_id(id) {
            err(format!("item `{id}`: id must match ^[a-z][a-z0-9_]*$"));
        }
        if !seen.insert(id.clone()) {
            err(format!("item `{id}`: duplicate id"));
        }
        if !section_ids.contains(&item.section.as_str()) {
            err(format!("item `{id}`: unknown section `{}`", item.section));
        }
        if item.roles.is_empty() {
            err(format!("item `{id}`: roles must not be empty"));
        }
        for r in &item.roles {
            if !ROLES.contains(&r.as_str()) {
                err(format!("item `{id}`: unknown role `{r}` (known: {ROLES:?})"));
            }
        }
        let scored_section = item.section != "context";
        match item.kind.as_str() {
            "likert" => {
                if item.reverse.is_none() {
                    err(format!("item `{id}`: likert items need `reverse = true|false`"));
                }
                if item.options.is_some() || item.scores.is_some() || item.areas.is_some() {
                    err(format!("item `{id}`: likert items take no options, scores or areas"));
                }
                if !scored_section {
                    err(format!("item `{id}`: likert items belong in a scored section"));
                }
            }
            "choice" => {
                let Some(options) = &item.options else {
                    err(format!("item `{id}`: choice items need `options`"));
                    continue;
                };
                if item.reverse.is_some() || item.areas.is_some() {
                    err(format!("item `{id}`: choice items take no reverse or areas"));
                }
                if options.len() < 2 || options.len() > 15 {
                    err(format!("item `{id}`: choice items need 2..=15 options"));
                }
                if options.last().map(String::as_str) != Some("dk") {
                    err(format!("item `{id}`: the last option must be `dk` (don't know)"));
                }
                let unique: BTreeSet<_> = options.iter().collect();
                if unique.len() != options.len() {
                    err(format!("item `{id}`: duplicate option ids"));
                }
                for o in options {
                    if !valid_id(o) {
                        err(format!("item `{id}`: option `{o}` must match ^[a-z][a-z0-9_]*$"));
                    }
                }
                match (&item.scores, scored_section) {
                    (None, true) => err(format!("item `{id}`: choice items in scored sections need `scores`")),
                    (Some(_), false) => err(format!("item `{id}`: context items are not scored")),
                    (Some(scores), true) => {
                        if scores.len() != options.len() {
                            err(format!("item `{id}`: {} scores for {} options", scores.len(), options.len()));
                        }
                        for (i, s) in scores.iter().enumerate() {
                            let is_dk = i + 1 == options.len();
                            if is_dk && *s != -1 {
                                err(format!("item `{id}`: the `dk` option must score -1"));
                            }
                            if !is_dk && !(0..=100).contains(s) {
                                err(format!("item `{id}`: option `{}` scores {s}, expected 0..=100", options[i]));
                            }
                        }
                    }
                    (None, false) => {}
                }
            }
            "matrix" => {
                matrix_count += 1;
                if item.section != "ownership" {
                    err(format!("item `{id}`: the matrix belongs in section `ownership`"));
                }
                match &item.areas {
                    Some(a) if a.len() >= 8 && a.len() <= 15 => {
                        for area in a {
                            if !valid_id(area) {
                                err(format!("item `{id}`: area `{area}` must match ^[a-z][a-z0-9_]*$"));
                            }
                        }
                    }
                    _ => err(format!("item `{id}`: matrix items need 8..=15 `areas`")),
                }
                if item.options.is_some() || item.scores.is_some() || item.reverse.is_some() {
                    err(format!("item `{id}`: matrix items take only `areas`"));
                }
            }
            other => err(format!("item `{id}`: unknown kind `{other}` (likert, choice, matrix)")),
        }
    }
    if matrix_count != 1 {
        err(format!("expected exactly one matrix item, found {matrix_count}"));
    }
    for (ctx, opts) in CONTEXT {
        match raw.item.iter().find(|i| i.id == ctx) {
            Some(i) if i.section == "context" && i.options.as_deref().is_some_and(|o| o == opts) => {}
            _ => err(format!("item `{ctx}` must exist in section `context` with options {opts:?}")),
        }
    }
    // Coverage: every dimension is measurable, for every role, with both keyings present.
    for dim in DIMENSIONS {
        let scored: Vec<&RawItem> =
            raw.item.iter().filter(|i| i.section == dim && (i.kind == "likert" || i.scores.is_some())).collect();
        if scored.len() < MIN_SCORED_PER_DIMENSION {
            err(format!("dimension `{dim}`: {} scored items, need at least {MIN_SCORED_PER_DIMENSION}", scored.len()));
        }
        if scored.len() >= 4 {
            let rev = scored.iter().filter(|i| i.reverse == Some(true)).count();
            let pos = scored.iter().filter(|i| i.reverse == Some(false)).count();
            if rev == 0 || pos == 0 {
                err(format!("dimension `{dim}`: needs likert items keyed both ways (reverse: {rev}, positive: {pos})"));
            }
        }
        for role in ROLES {
            let n = scored.iter().filter(|i| i.roles.iter().any(|r| r == role)).count();
            if n < MIN_PER_ROLE_PER_DIMENSION {
                err(format!(
                    "dimension `{dim}`: role `{role}` sees {n} scored items, need {MIN_PER_ROLE_PER_DIMENSION}"
                ));
            }
        }
    }
    let mut flag_ids = BTreeSet::new();
    for f in &raw.red_flag {
        let id = &f.id;
        if !valid_id(id) || !flag_ids.insert(id.clone()) {
            err(format!("red flag `{id}`: invalid or duplicate id"));
        }
        let Some(item) = raw.item.iter().find(|i| i.id == f.item) else {
            err(format!("red flag `{id}`: unknown item `{}`", f.item));
            continue;
        };
        if f.when.is_empty() {
            err(format!("red flag `{id}`: `when` must not be empty"));
        }
        for w in &f.when {
            let ok = match item.kind.as_str() {
                "likert" => ["1", "2", "3", "4", "5"].contains(&w.as_str()),
                "choice" => item.options.as_ref().is_some_and(|o| o.contains(w)),
                _ => OWNERS.contains(&w.as_str()),
            };
            if !ok {
                err(format!("red flag `{id}`: `{w}` is not an answer of item `{}`", item.id));
            }
        }
        match (&f.area, item.kind.as_str()) {
            (Some(a), "matrix") if item.areas.as_ref().is_some_and(|x| x.contains(a)) => {}
            (None, k) if k != "matrix" => {}
            _ => err(format!(
                "red flag `{id}`: `area` is required for (and only for) matrix items, and must be one of its areas"
            )),
        }
    }
    let mut action_ids = BTreeSet::new();
    let mut priorities = BTreeSet::new();
    let mut triggered_dims = BTreeSet::new();
    let mut triggered_flags = BTreeSet::new();
    for a in &raw.action {
        let id = &a.id;
        if !valid_id(id) || !action_ids.insert(id.clone()) {
            err(format!("action `{id}`: invalid or duplicate id"));
        }
        if !priorities.insert(a.priority) {
            err(format!("action `{id}`: priority {} is used twice", a.priority));
        }
        for f in &a.flags {
            if !flag_ids.contains(f) {
                err(format!("action `{id}`: unknown red flag `{f}`"));
            }
            triggered_flags.insert(f.clone());
        }
        for d in &a.dimensions {
            if !DIMENSIONS.contains(&d.as_str()) {
                err(format!("action `{id}`: unknown dimension `{d}`"));
            }
            triggered_dims.insert(d.clone());
        }
        let has_trigger = !a.flags.is_empty() || !a.dimensions.is_empty();
        if a.fallback == has_trigger {
            err(format!("action `{id}`: an action has triggers or is a fallback, exactly one of the two"));
        }
    }
    if raw.action.iter().filter(|a| a.fallback).count() < 3 {
        err("need at least 3 fallback actions so every report can recommend 3".into());
    }
    for d in DIMENSIONS {
        if !triggered_dims.contains(d) {
            err(format!("dimension `{d}` triggers no action"));
        }
    }
    for f in &flag_ids {
        if !triggered_flags.contains(f) {
            err(format!("red flag `{f}` triggers no action"));
        }
    }
}

fn collect_keys(raw: &RawInstrument, keys: &mut BTreeSet<String>) {
    for s in &raw.section {
        keys.insert(format!("section.{}.title", s.id));
        keys.insert(format!("section.{}.intro", s.id));
    }
    for i in &raw.item {
        keys.insert(format!("item.{}.text", i.id));
        for o in i.options.iter().flatten() {
            keys.insert(format!("item.{}.opt.{o}", i.id));
        }
        for a in i.areas.iter().flatten() {
            keys.insert(format!("item.{}.area.{a}", i.id));
        }
    }
    for d in DIMENSIONS {
        for f in ["name", "short", "about", "why_first"] {
            keys.insert(format!("dim.{d}.{f}"));
        }
    }
    for f in &raw.red_flag {
        keys.insert(format!("flag.{}.text", f.id));
    }
    for a in &raw.action {
        for f in ["title", "detail", "done"] {
            keys.insert(format!("action.{}.{f}", a.id));
        }
    }
}

fn dim_variant(d: &str) -> &'static str {
    match d {
        "leadership" => "Dimension::Leadership",
        "threat" => "Dimension::Threat",
        "trust" => "Dimension::Trust",
        "knowledge" => "Dimension::Knowledge",
        "info_flow" => "Dimension::InfoFlow",
        "ownership" => "Dimension::Ownership",
        "roles" => "Dimension::Roles",
        "collaboration" => "Dimension::Collaboration",
        "readiness" => "Dimension::Readiness",
        _ => unreachable!("validated"),
    }
}

fn emit_instrument(raw: &RawInstrument, code: &mut String) {
    let v = raw.version;
    let _ = writeln!(code, "pub(crate) static INSTRUMENT_V{v}: Instrument = Instrument {{");
    let _ = writeln!(code, "    version: {v},");
    let _ = writeln!(code, "    sections: &[");
    for s in &raw.section {
        let dim = if s.id == "context" { "None".to_string() } else { format!("Some({})", dim_variant(&s.id)) };
        let _ = writeln!(code, "        Section {{ id: {:?}, dimension: {dim} }},", s.id);
    }
    let _ = writeln!(code, "    ],");
    let _ = writeln!(code, "    items: &[");
    for item in &raw.item {
        let section = raw.section.iter().position(|s| s.id == item.section).unwrap();
        let dim = if item.section == "context" {
            "None".to_string()
        } else {
            format!("Some({})", dim_variant(&item.section))
        };
        let roles: u8 =
            item.roles.iter().map(|r| 1u8 << ROLES.iter().position(|x| x == r).unwrap()).fold(0, |a, b| a | b);
        let kind = match item.kind.as_str() {
            "likert" => format!("ItemKind::Likert {{ reverse: {} }}", item.reverse.unwrap()),
            "choice" => format!(
                "ItemKind::Choice {{ options: &{:?}, scores: &{:?} }}",
                item.options.as_ref().unwrap(),
                item.scores.clone().unwrap_or_default().iter().map(|s| *s as i8).collect::<Vec<_>>()
            ),
            _ => {
                let areas = item.areas.as_ref().unwrap();
                let keys: Vec<String> = areas.iter().map(|a| format!("{}.{a}", item.id)).collect();
                format!("ItemKind::Matrix {{ areas: &{areas:?}, keys: &{keys:?} }}")
            }
        };
        let _ = writeln!(
            code,
            "        Item {{ id: {:?}, section: {section}, dimension: {dim}, roles: RoleSet({roles}), kind: {kind} }},",
            item.id
        );
    }
    let _ = writeln!(code, "    ],");
    // (FNV-1a hash of the id, item index), sorted, so `Instrument::item` is a binary search on
    // integers. Distinct ids with the same hash would fail here.
    let mut by_hash: Vec<(u32, u16)> = raw.item.iter().enumerate().map(|(i, it)| (fnv1a(&it.id), i as u16)).collect();
    by_hash.sort();
    assert!(by_hash.windows(2).all(|w| w[0].0 != w[1].0), "two item ids share a hash; rename one");
    let _ = writeln!(code, "    items_by_hash: &{by_hash:?},");
    let _ = writeln!(code, "    red_flags: &[");
    for f in &raw.red_flag {
        let idx = raw.item.iter().position(|i| i.id == f.item).unwrap();
        let item = &raw.item[idx];
        let when: Vec<u8> = f
            .when
            .iter()
            .map(|w| match item.kind.as_str() {
                "likert" => w.parse::<u8>().unwrap(),
                "choice" => item.options.as_ref().unwrap().iter().position(|o| o == w).unwrap() as u8,
                _ => OWNERS.iter().position(|o| o == w).unwrap() as u8 + 1,
            })
            .collect();
        let area = match &f.area {
            Some(a) => format!("Some({})", item.areas.as_ref().unwrap().iter().position(|x| x == a).unwrap()),
            None => "None".into(),
        };
        let _ = writeln!(code, "        RedFlagRule {{ id: {:?}, item: {idx}, area: {area}, when: &{when:?} }},", f.id);
    }
    let _ = writeln!(code, "    ],");
    let _ = writeln!(code, "    actions: &[");
    let mut actions: Vec<&RawAction> = raw.action.iter().collect();
    actions.sort_by_key(|a| a.priority);
    for a in actions {
        let flags: Vec<usize> = a.flags.iter().map(|f| raw.red_flag.iter().position(|x| &x.id == f).unwrap()).collect();
        let dims: Vec<&str> = a.dimensions.iter().map(|d| dim_variant(d)).collect();
        let _ = writeln!(
            code,
            "        ActionRule {{ id: {:?}, priority: {}, flags: &{flags:?}, dimensions: &[{}], fallback: {} }},",
            a.id,
            a.priority,
            dims.join(", "),
            a.fallback
        );
    }
    let _ = writeln!(code, "    ],");
    let _ = writeln!(code, "}};");
}
