//! Emitting: a checked instrument as a `static Instrument` (see `src/instrument.rs` for the
//! types), and the list of every version.

use crate::hash::fnv1a;
use crate::names::{CHECKLIST_ANSWERS, OWNERS, ROLES};
use crate::raw::{Loaded, RawAnswer, RawInstrument, RawItem};
use std::fmt::Write as _;

use std::collections::BTreeMap;

/// Each locale text's key index (`locales::index`).
type Index = BTreeMap<String, u16>;

/// The typed key of a locale text (see `core/src/i18n/key.rs`); the locale check has made sure
/// every text an instrument needs exists.
fn key(index: &Index, k: &str) -> String {
    format!("Key({})", index.get(k).copied().unwrap_or(u16::MAX))
}

fn keys(index: &Index, ks: impl IntoIterator<Item = String>) -> String {
    ks.into_iter().map(|k| key(index, &k)).collect::<Vec<_>>().join(", ")
}

fn camel(id: &str) -> String {
    id.split('_').map(|w| w[..1].to_uppercase() + &w[1..]).collect()
}

fn dimension(d: &str) -> String {
    format!("Dimension::{}", camel(d))
}

fn role_set(roles: &[String]) -> u8 {
    roles.iter().map(|r| 1u8 << ROLES.iter().position(|x| x == r).unwrap()).fold(0, |a, b| a | b)
}

fn owner(id: &str) -> String {
    format!("Owner::{}", camel(id))
}

fn item_index(raw: &RawInstrument, id: &str) -> usize {
    raw.item.iter().position(|i| i.id == id).unwrap()
}

/// An answer value as the tables store it: Likert 1-5, an option's index, an owner's code or a
/// checklist answer's index.
fn value(item: &RawItem, v: &str) -> u8 {
    match item.kind.as_str() {
        "likert" => v.parse().unwrap(),
        "choice" => item.options.as_ref().unwrap().iter().position(|o| o == v).unwrap() as u8,
        "matrix" => OWNERS.iter().position(|o| *o == v).unwrap() as u8 + 1,
        _ => CHECKLIST_ANSWERS.iter().position(|a| *a == v).unwrap() as u8,
    }
}

fn selector(item: &RawItem, area: Option<&str>, part: Option<&str>) -> String {
    let list = item.areas.as_ref().or(item.parts.as_ref());
    match area.or(part) {
        None => "Selector::Whole".into(),
        Some("any") => "Selector::Any".into(),
        Some("all") => "Selector::All".into(),
        Some(x) => format!("Selector::One({})", list.unwrap().iter().position(|a| a == x).unwrap()),
    }
}

fn answer_rule(raw: &RawInstrument, r: &RawAnswer) -> String {
    let i = item_index(raw, &r.item);
    let item = &raw.item[i];
    let values: Vec<u8> = r.answers.iter().map(|v| value(item, v)).collect();
    format!(
        "AnswerRule {{ item: {i}, part: {}, values: &{values:?} }}",
        selector(item, r.area.as_deref(), r.part.as_deref())
    )
}

fn kind(item: &RawItem, index: &Index) -> String {
    match item.kind.as_str() {
        "likert" => format!("ItemKind::Likert {{ reverse: {} }}", item.reverse.unwrap()),
        "choice" => format!(
            "ItemKind::Choice {{ options: &{:?}, scores: &{:?}, labels: &[{}] }}",
            item.options.as_ref().unwrap(),
            item.scores.clone().unwrap_or_default().iter().map(|s| *s as i8).collect::<Vec<_>>(),
            keys(index, item.options.as_ref().unwrap().iter().map(|o| format!("item.{}.opt.{o}", item.id)))
        ),
        "matrix" => {
            let areas = item.areas.as_ref().unwrap();
            let keys: Vec<String> = areas.iter().map(|a| format!("{}.{a}", item.id)).collect();
            let owners: Vec<String> = item.owner_list().iter().map(|o| owner(o)).collect();
            let labels = self::keys(index, areas.iter().map(|a| format!("item.{}.area.{a}", item.id)));
            format!(
                "ItemKind::Matrix {{ areas: &{areas:?}, keys: &{keys:?}, owners: &[{}], labels: &[{labels}] }}",
                owners.join(", ")
            )
        }
        _ => {
            let parts = item.parts.as_ref().unwrap();
            let keys: Vec<String> = parts.iter().map(|p| format!("{}.{p}", item.id)).collect();
            let labels = self::keys(index, parts.iter().map(|p| format!("item.{}.part.{p}", item.id)));
            format!("ItemKind::Checklist {{ parts: &{parts:?}, keys: &{keys:?}, labels: &[{labels}] }}")
        }
    }
}

fn carry(all_v1: Option<&RawInstrument>, item: &RawItem) -> String {
    let (Some(v1), Some(from)) = (all_v1, &item.from_v1) else { return "None".into() };
    let old = v1.item.iter().find(|o| &o.id == from).unwrap();
    let mut pairs = Vec::new();
    for (o, n) in item.carry.iter().flatten() {
        let oi = old.options.as_ref().unwrap().iter().position(|x| x == o).unwrap();
        let ni = item.options.as_ref().unwrap().iter().position(|x| x == n).unwrap();
        pairs.push((oi as u8, ni as u8));
    }
    pairs.sort();
    format!("Some(Carry {{ from: {from:?}, options: &{pairs:?} }})")
}

/// The list of every version, oldest first.
pub fn instrument_list(all: &[Loaded], code: &mut String) {
    let names: Vec<String> = all.iter().map(|l| format!("&INSTRUMENT_V{}", l.raw.version)).collect();
    let _ = writeln!(code, "pub(crate) static INSTRUMENTS: [&Instrument; {}] = [{}];", names.len(), names.join(", "));
    for (f, ty, table) in [
        ("red_flags", "RedFlagRule", "RED_FLAGS"),
        ("actions", "ActionRule", "ACTIONS"),
        ("precision", "Precision", "PRECISION"),
    ] {
        let _ = writeln!(code, "pub(crate) fn {f}(version: u8) -> &'static [{ty}] {{\n    match version {{");
        for l in all {
            let _ = writeln!(code, "        {} => {table}_V{},", l.raw.version, l.raw.version);
        }
        let _ = writeln!(code, "        _ => &[],\n    }}\n}}");
    }
}

/// Emits one instrument; `v1` is the first release's file, which `carry` tables refer to.
pub fn instrument(loaded: &Loaded, v1: Option<&RawInstrument>, index: &Index, code: &mut String) {
    let raw = &loaded.raw;
    let key = |k: &str| key(index, k);
    let v = raw.version;
    let w = |code: &mut String, s: String| {
        let _ = writeln!(code, "{s}");
    };
    w(code, format!("pub(crate) static INSTRUMENT_V{v}: Instrument = Instrument {{"));
    w(code, format!("    version: {v},"));
    w(code, format!("    rules: Rules::V{},", raw.rules));
    w(code, format!("    min_answered: {},", raw.min_answered));
    let scored: Vec<String> =
        crate::check::scored_roles(raw).iter().map(|r| format!("RoleSet({})", role_set(r))).collect();
    w(code, format!("    scored_roles: [{}],", scored.join(", ")));
    w(code, "    sections: &[".into());
    for s in &raw.section {
        let dim = if s.id == "context" { "None".to_string() } else { format!("Some({})", dimension(&s.id)) };
        w(
            code,
            format!(
                "        Section {{ id: {:?}, dimension: {dim}, title: {}, intro: {} }},",
                s.id,
                key(&format!("section.{}.title", s.id)),
                key(&format!("section.{}.intro", s.id))
            ),
        );
    }
    w(code, "    ],".into());
    w(code, "    items: &[".into());
    let mut slot = 0usize;
    for item in &raw.item {
        let section = raw.section.iter().position(|s| s.id == item.section).unwrap();
        let dim =
            if item.section == "context" { "None".to_string() } else { format!("Some({})", dimension(&item.section)) };
        let context = match item.context_kind(raw.rules) {
            Some(c) => format!("Some(Context::{})", camel(c)),
            None => "None".into(),
        };
        w(
            code,
            format!(
                "        Item {{ id: {:?}, slot: {slot}, text: {}, section: {section}, dimension: {dim}, roles: RoleSet({}), kind: {}, anchor: {}, not_applicable: {}, context: {context}, carry: {} }},",
                item.id,
                key(&format!("item.{}.text", item.id)),
                role_set(&item.roles),
                kind(item, index),
                item.anchor,
                item.not_applicable,
                carry(v1, item)
            ),
        );
        slot += item.areas.as_ref().or(item.parts.as_ref()).map_or(1, |rows| rows.len());
    }
    w(code, "    ],".into());
    w(code, format!("    slot_count: {slot},"));
    // The ownership matrix, typed, so no caller takes the matrix item apart again (build.rs has
    // checked there is exactly one).
    let (m, matrix) = raw.item.iter().enumerate().find(|(_, i)| i.kind == "matrix").unwrap();
    let areas = matrix.areas.as_ref().unwrap();
    let owners: Vec<String> = matrix.owner_list().iter().map(|o| owner(o)).collect();
    let labels = keys(index, areas.iter().map(|a| format!("item.{}.area.{a}", matrix.id)));
    w(
        code,
        format!(
            "    ownership: Ownership {{ item: {m}, areas: &{areas:?}, owners: &[{}], labels: &[{labels}] }},",
            owners.join(", ")
        ),
    );
    // (FNV-1a hash of the id, item index), sorted, so `Instrument::item` is a binary search on
    // integers. Distinct ids with the same hash would fail here.
    let mut by_hash: Vec<(u32, u16)> = raw.item.iter().enumerate().map(|(i, it)| (fnv1a(&it.id), i as u16)).collect();
    by_hash.sort();
    assert!(by_hash.windows(2).all(|w| w[0].0 != w[1].0), "two item ids share a hash; rename one");
    w(code, format!("    items_by_hash: &{by_hash:?},"));
    let actions_count = raw.action.len();
    w(code, format!("    action_count: {actions_count},"));
    w(code, "};".into());
    w(code, format!("pub(crate) static RED_FLAGS_V{v}: &[RedFlagRule] = &["));
    for f in &raw.red_flag {
        let rule =
            RawAnswer { item: f.item.clone(), area: f.area.clone(), part: f.part.clone(), answers: f.when.clone() };
        w(
            code,
            format!(
                "        RedFlagRule {{ id: {:?}, text: {}, answers: {}, critical: {}, dimension: {} }},",
                f.id,
                key(&format!("flag.{}.text", f.id)),
                answer_rule(raw, &rule),
                f.critical,
                {
                    let item = &raw.item[item_index(raw, &f.item)];
                    match raw.section.iter().find(|s| s.id == item.section && s.id != "context") {
                        Some(s) => format!("Some({})", dimension(&s.id)),
                        None => "None".to_string(),
                    }
                }
            ),
        );
    }
    w(code, "];".into());
    w(code, format!("pub(crate) static ACTIONS_V{v}: &[ActionRule] = &["));
    let mut actions: Vec<_> = raw.action.iter().collect();
    actions.sort_by_key(|a| a.priority);
    for a in actions {
        let flags: Vec<usize> = a.flags.iter().map(|f| raw.red_flag.iter().position(|x| &x.id == f).unwrap()).collect();
        let dims: Vec<String> = a.dimensions.iter().map(|d| dimension(d)).collect();
        let dim = a.dimension.as_deref().map_or("None".to_string(), |d| format!("Some({})", dimension(d)));
        let triggers: Vec<String> = a.triggers.iter().map(|t| answer_rule(raw, t)).collect();
        let in_place: Vec<String> = a.in_place.iter().map(|t| answer_rule(raw, t)).collect();
        let phases: Vec<String> = a.phases.iter().map(|p| format!("Phase::{}", camel(p))).collect();
        let actor = a.actor.as_deref().map_or("None".to_string(), |x| format!("Some(Actor::{})", camel(x)));
        // Rules 1 actions were released for every role; they keep that.
        let offer_to = if a.offer_to.is_empty() { (1u8 << ROLES.len()) - 1 } else { role_set(&a.offer_to) };
        w(
            code,
            format!(
                "        ActionRule {{ id: {:?}, title: {}, detail: {}, done: {}, priority: {}, fallback: {}, flags: &{flags:?}, dimensions: &[{}], dimension: {dim}, triggers: &[{}], in_place: &[{}], phases: &[{}], when_tense: {}, actor: {actor}, offer_to: RoleSet({offer_to}) }},",
                a.id,
                key(&format!("action.{}.title", a.id)),
                key(&format!("action.{}.detail", a.id)),
                key(&format!("action.{}.done", a.id)),
                a.priority,
                a.fallback,
                dims.join(", "),
                triggers.join(", "),
                in_place.join(", "),
                phases.join(", "),
                a.friction.is_some()
            ),
        );
    }
    w(code, "];".into());
    w(code, format!("pub(crate) static PRECISION_V{v}: &[Precision] = &["));
    for p in &loaded.precision {
        w(
            code,
            format!(
                "        Precision {{ role: Role::{}, dimension: {}, items: {}, alpha: {:?}, sd: {:?} }},",
                camel(&p.role),
                dimension(&p.dimension),
                p.items,
                p.alpha,
                p.sd
            ),
        );
    }
    w(code, "];".into());
}
