//! Loading: the instrument and locale files as they are written, before any check.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One instrument file, with its precision table (if generated yet) and its file name.
pub struct Loaded {
    pub file: String,
    pub raw: RawInstrument,
    pub precision: Vec<RawPrecision>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawInstrument {
    pub version: u8,
    /// Which scoring rules apply; the first release's file predates the field.
    #[serde(default = "one")]
    pub rules: u8,
    #[serde(default = "two")]
    pub min_answered: u8,
    #[serde(default)]
    pub dimension: Vec<RawDimension>,
    pub section: Vec<RawSection>,
    pub item: Vec<RawItem>,
    pub red_flag: Vec<RawFlag>,
    pub action: Vec<RawAction>,
}

fn one() -> u8 {
    1
}

fn two() -> u8 {
    2
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDimension {
    pub id: String,
    pub roles: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSection {
    pub id: String,
}

#[derive(Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RawItem {
    pub id: String,
    pub section: String,
    pub kind: String,
    pub roles: Vec<String>,
    #[serde(default)]
    pub options: Option<Vec<String>>,
    #[serde(default)]
    pub scores: Option<Vec<i64>>,
    #[serde(default)]
    pub reverse: Option<bool>,
    #[serde(default)]
    pub areas: Option<Vec<String>>,
    #[serde(default)]
    pub owners: Option<Vec<String>>,
    #[serde(default)]
    pub parts: Option<Vec<String>>,
    #[serde(default)]
    pub anchor: bool,
    #[serde(default)]
    pub not_applicable: bool,
    #[serde(default)]
    pub context: Option<String>,
    #[serde(default)]
    pub from_v1: Option<String>,
    #[serde(default)]
    pub carry: Option<BTreeMap<String, String>>,
}

impl RawItem {
    /// What the scoring reads this item as: `months`, `size` or nothing. The first release's file
    /// predates the field and named its two context items by id.
    pub fn context_kind(&self, rules: u8) -> Option<&str> {
        match (&self.context, rules, self.id.as_str()) {
            (Some(c), _, _) => Some(c.as_str()),
            (None, 1, "ctx_months") => Some("months"),
            (None, 1, "ctx_size") => Some("size"),
            _ => None,
        }
    }

    /// The matrix answers offered, in display order (the first release's six by default).
    pub fn owner_list(&self) -> Vec<String> {
        match &self.owners {
            Some(o) => o.clone(),
            None => crate::names::OWNERS_V1.iter().map(|s| s.to_string()).collect(),
        }
    }

    /// Whether the item is scored (a context choice carries no scores).
    pub fn is_scored(&self) -> bool {
        matches!(self.kind.as_str(), "likert" | "matrix" | "checklist") || self.scores.is_some()
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFlag {
    pub id: String,
    pub item: String,
    pub when: Vec<String>,
    #[serde(default)]
    pub area: Option<String>,
    #[serde(default)]
    pub part: Option<String>,
    /// Decides on its own, whatever the mean (METHODOLOGY.md, Critical answers).
    #[serde(default)]
    pub critical: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAction {
    pub id: String,
    pub priority: u16,
    /// Rules 1: red flags and low dimensions that trigger it.
    #[serde(default)]
    pub flags: Vec<String>,
    #[serde(default)]
    pub dimensions: Vec<String>,
    #[serde(default)]
    pub fallback: bool,
    /// Rules 2: the dimension it serves, the answers that call for it and those that say it is
    /// done, and when in the engagement it applies.
    #[serde(default)]
    pub dimension: Option<String>,
    #[serde(default)]
    pub triggers: Vec<RawAnswer>,
    #[serde(default)]
    pub in_place: Vec<RawAnswer>,
    #[serde(default)]
    pub phases: Vec<String>,
    #[serde(default)]
    pub friction: Option<String>,
    /// Rules 2: who carries it out, and the roles whose reports may offer it.
    #[serde(default)]
    pub actor: Option<String>,
    #[serde(default)]
    pub offer_to: Vec<String>,
}

/// Answers to one item (one area or part, any, or all of them).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAnswer {
    pub item: String,
    #[serde(default)]
    pub area: Option<String>,
    #[serde(default)]
    pub part: Option<String>,
    pub answers: Vec<String>,
}

/// One role x dimension of a precision table (written by the validity example).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPrecision {
    pub role: String,
    pub dimension: String,
    pub items: u8,
    pub alpha: f64,
    pub sd: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PrecisionFile {
    cell: Vec<RawPrecision>,
}

/// Every `instrument/v*.toml`, oldest first, with `instrument/precision/v*.toml` beside it.
pub fn load_instruments(dir: &Path, errors: &mut Vec<String>) -> Vec<Loaded> {
    let mut out = Vec::new();
    for path in sorted_dir(dir, "toml") {
        let file = path.file_name().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(&path).unwrap();
        let raw = match toml::from_str::<RawInstrument>(&text) {
            Ok(raw) => raw,
            Err(e) => {
                errors.push(format!("{file}: {e}"));
                continue;
            }
        };
        let precision_path = dir.join("precision").join(&file);
        let precision = match std::fs::read_to_string(&precision_path) {
            Ok(text) => match toml::from_str::<PrecisionFile>(&text) {
                Ok(p) => p.cell,
                Err(e) => {
                    errors.push(format!("precision/{file}: {e}"));
                    Vec::new()
                }
            },
            Err(_) => Vec::new(),
        };
        out.push(Loaded { file, raw, precision });
    }
    out.sort_by_key(|l| l.raw.version);
    out
}

/// Every locale file, flattened to dotted keys (`item.kn_creds.text`).
pub fn load_locales(dir: &Path, errors: &mut Vec<String>) -> BTreeMap<String, BTreeMap<String, String>> {
    let mut locales = BTreeMap::new();
    for path in sorted_dir(dir, "toml") {
        let lang = path.file_stem().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(&path).unwrap();
        match text.parse::<toml::Table>() {
            Ok(table) => {
                let mut flat = BTreeMap::new();
                flatten("", &toml::Value::Table(table), &mut flat, errors, &lang);
                locales.insert(lang, flat);
            }
            Err(e) => errors.push(format!("locales/{lang}.toml: {e}")),
        }
    }
    locales
}

fn sorted_dir(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> =
        std::fs::read_dir(dir).map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect()).unwrap_or_default();
    v.retain(|p| p.is_file() && p.extension().is_some_and(|e| e == ext));
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
