//! Checking: every rule an instrument file must follow, and the locale keys it needs. Problems
//! are collected (all of them, not the first) as messages naming the file and the item.

use crate::names::{ACTORS, CHECKLIST_ANSWERS, CONTEXTS, DIMENSIONS, OWNERS, PHASES, ROLES};
use crate::raw::{Loaded, RawAnswer, RawInstrument, RawItem};
use std::collections::BTreeSet;

/// The first release's coverage rules (kept so its file still passes as it was released).
const MIN_SCORED_PER_DIMENSION_V1: usize = 5;
const MIN_PER_ROLE_PER_DIMENSION_V1: usize = 2;
/// Rules 2: every role scored on a dimension sees at least this many scored items of it.
pub const MIN_ITEMS_PER_SCORED_ROLE: usize = 5;
/// Rules 2: a role other than internal IT is scored on at least this many dimensions.
const MIN_DIMENSIONS_PER_ROLE: usize = 5;
/// Rules 2: anchors per dimension.
const MIN_ANCHORS: usize = 2;
/// Red flags are raised only by answers that score below this (clearly unhealthy).
const FLAG_BELOW: i64 = 50;
/// Action triggers are answers below this (short of healthy); `in_place` and fallback answers
/// score at least this much, so no answer can both call for an action and rule it out.
const HEALTHY_FROM: i64 = 75;

pub fn instruments(all: &[Loaded], errors: &mut Vec<String>) {
    for loaded in all {
        let mut err = |m: String| errors.push(format!("{}: {m}", loaded.file));
        let raw = &loaded.raw;
        if loaded.file != format!("v{}.toml", raw.version) {
            err(format!("file name must be v{}.toml", raw.version));
        }
        if raw.version == 0 || raw.version > 63 {
            err("version must be 1..=63 (six bits in share links)".into());
        }
        if !(1..=2).contains(&raw.rules) {
            err(format!("rules = {} is not a rule set this build knows (1, 2)", raw.rules));
        }
        sections(raw, &mut err);
        items(raw, &mut err);
        if raw.rules == 1 {
            coverage_v1(raw, &mut err);
        } else {
            coverage_v2(raw, &mut err);
        }
        flags(raw, &mut err);
        if raw.rules == 1 {
            actions_v1(raw, &mut err);
        } else {
            actions_v2(raw, &mut err);
        }
        precision(loaded, &mut err);
    }
    across_versions(all, errors);
}

fn sections(raw: &RawInstrument, err: &mut impl FnMut(String)) {
    let ids: Vec<&str> = raw.section.iter().map(|s| s.id.as_str()).collect();
    let mut expected = vec!["context"];
    expected.extend(DIMENSIONS);
    if ids != expected {
        err(format!("sections must be exactly {expected:?} in that order, found {ids:?}"));
    }
}

pub fn valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

fn items(raw: &RawInstrument, err: &mut impl FnMut(String)) {
    let mut seen = BTreeSet::new();
    let mut matrices = 0;
    let mut contexts = Vec::new();
    for item in &raw.item {
        let id = &item.id;
        if !valid_id(id) {
            err(format!("item `{id}`: id must match ^[a-z][a-z0-9_]*$"));
        }
        if !seen.insert(id.clone()) {
            err(format!("item `{id}`: duplicate id"));
        }
        if !raw.section.iter().any(|s| s.id == item.section) {
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
        if item.anchor && !scored_section {
            err(format!("item `{id}`: only scored items can be anchors"));
        }
        if item.not_applicable && item.kind != "likert" {
            err(format!("item `{id}`: `not_applicable` is for likert items; a choice offers the option `na`"));
        }
        if (item.from_v1.is_some() || item.carry.is_some()) && raw.version == 1 {
            err(format!("item `{id}`: version 1 carries nothing over"));
        }
        match item.context_kind(raw.rules) {
            Some(c) if !CONTEXTS.contains(&c) => err(format!("item `{id}`: context `{c}` is not one of {CONTEXTS:?}")),
            Some(c) => {
                contexts.push(c.to_string());
                if item.section != "context" || item.kind != "choice" || item.options.as_ref().map_or(0, Vec::len) != 5
                {
                    err(format!(
                        "item `{id}`: a context item is a choice of four bands and `dk`, in section `context`"
                    ));
                }
            }
            None if !scored_section => err(format!("item `{id}`: items in section `context` need `context`")),
            None => {}
        }
        let structure_only = |fields: &[(&str, bool)], err: &mut dyn FnMut(String)| {
            for (name, present) in fields {
                if *present {
                    err(format!("item `{id}`: {} items take no `{name}`", item.kind));
                }
            }
        };
        match item.kind.as_str() {
            "likert" => {
                if item.reverse.is_none() {
                    err(format!("item `{id}`: likert items need `reverse = true|false`"));
                }
                structure_only(
                    &[
                        ("options", item.options.is_some()),
                        ("scores", item.scores.is_some()),
                        ("areas", item.areas.is_some()),
                        ("owners", item.owners.is_some()),
                        ("parts", item.parts.is_some()),
                    ],
                    err,
                );
                if !scored_section {
                    err(format!("item `{id}`: likert items belong in a scored section"));
                }
            }
            "choice" => choice(raw, item, scored_section, err),
            "matrix" => {
                matrices += 1;
                if item.section != "ownership" {
                    err(format!("item `{id}`: the matrix belongs in section `ownership`"));
                }
                match &item.areas {
                    Some(a) if (8..=15).contains(&a.len()) => {
                        for area in a.iter().filter(|a| !valid_id(a)) {
                            err(format!("item `{id}`: area `{area}` must match ^[a-z][a-z0-9_]*$"));
                        }
                    }
                    _ => err(format!("item `{id}`: matrix items need 8..=15 `areas`")),
                }
                let owners = item.owner_list();
                let unique: BTreeSet<&String> = owners.iter().collect();
                if unique.len() != owners.len()
                    || owners.iter().any(|o| !OWNERS.contains(&o.as_str()))
                    || !owners.iter().any(|o| o == "nobody")
                    || !owners.iter().any(|o| o == "dont_know")
                {
                    err(format!(
                        "item `{id}`: owners must be distinct answers from {OWNERS:?}, with nobody and dont_know"
                    ));
                }
                structure_only(
                    &[
                        ("options", item.options.is_some()),
                        ("scores", item.scores.is_some()),
                        ("reverse", item.reverse.is_some()),
                        ("parts", item.parts.is_some()),
                    ],
                    err,
                );
            }
            "checklist" => {
                match &item.parts {
                    Some(p) if (2..=8).contains(&p.len()) => {
                        for part in p.iter().filter(|p| !valid_id(p)) {
                            err(format!("item `{id}`: part `{part}` must match ^[a-z][a-z0-9_]*$"));
                        }
                    }
                    _ => err(format!("item `{id}`: checklist items need 2..=8 `parts`")),
                }
                if raw.rules == 1 {
                    err(format!("item `{id}`: checklists need rules 2"));
                }
                structure_only(
                    &[
                        ("options", item.options.is_some()),
                        ("scores", item.scores.is_some()),
                        ("reverse", item.reverse.is_some()),
                        ("areas", item.areas.is_some()),
                        ("owners", item.owners.is_some()),
                    ],
                    err,
                );
            }
            other => err(format!("item `{id}`: unknown kind `{other}` (likert, choice, matrix, checklist)")),
        }
    }
    if matrices != 1 {
        err(format!("expected exactly one matrix item, found {matrices}"));
    }
    for c in CONTEXTS {
        if contexts.iter().filter(|x| *x == c).count() != 1 {
            err(format!("expected exactly one context item of kind `{c}`"));
        }
    }
}

fn choice(raw: &RawInstrument, item: &RawItem, scored_section: bool, err: &mut impl FnMut(String)) {
    let id = &item.id;
    let Some(options) = &item.options else {
        err(format!("item `{id}`: choice items need `options`"));
        return;
    };
    if item.reverse.is_some() || item.areas.is_some() || item.owners.is_some() || item.parts.is_some() {
        err(format!("item `{id}`: choice items take no reverse, areas, owners or parts"));
    }
    if options.len() < 2 || options.len() > 15 {
        err(format!("item `{id}`: choice items need 2..=15 options"));
    }
    if options.last().map(String::as_str) != Some("dk") {
        err(format!("item `{id}`: the last option must be `dk` (don't know)"));
    }
    if let Some(na) = options.iter().position(|o| o == "na") {
        if raw.rules == 1 || na + 2 != options.len() {
            err(format!("item `{id}`: `na` (not applicable) comes just before `dk`, and needs rules 2"));
        }
    }
    let unique: BTreeSet<_> = options.iter().collect();
    if unique.len() != options.len() {
        err(format!("item `{id}`: duplicate option ids"));
    }
    for o in options.iter().filter(|o| !valid_id(o)) {
        err(format!("item `{id}`: option `{o}` must match ^[a-z][a-z0-9_]*$"));
    }
    match (&item.scores, scored_section) {
        (None, true) => err(format!("item `{id}`: choice items in scored sections need `scores`")),
        (Some(_), false) => err(format!("item `{id}`: context items are not scored")),
        (Some(scores), true) => {
            if scores.len() != options.len() {
                err(format!("item `{id}`: {} scores for {} options", scores.len(), options.len()));
            }
            for (o, s) in options.iter().zip(scores) {
                let unscored = o == "dk" || o == "na";
                if unscored && *s != -1 {
                    err(format!("item `{id}`: option `{o}` must score -1 (not scored)"));
                }
                if !unscored && !(0..=100).contains(s) {
                    err(format!("item `{id}`: option `{o}` scores {s}, expected 0..=100"));
                }
            }
        }
        (None, false) => {}
    }
}

fn scored_in<'a>(raw: &'a RawInstrument, dim: &str) -> Vec<&'a RawItem> {
    raw.item.iter().filter(|i| i.section == dim && i.is_scored()).collect()
}

fn keyed_both_ways(raw: &RawInstrument, dim: &str, err: &mut impl FnMut(String)) {
    let scored = scored_in(raw, dim);
    let rev = scored.iter().filter(|i| i.reverse == Some(true)).count();
    let pos = scored.iter().filter(|i| i.reverse == Some(false)).count();
    if rev == 0 || pos == 0 {
        err(format!("dimension `{dim}`: needs likert items keyed both ways (reverse: {rev}, positive: {pos})"));
    }
}

fn coverage_v1(raw: &RawInstrument, err: &mut impl FnMut(String)) {
    if raw.min_answered != 2 || !raw.dimension.is_empty() {
        err("rules 1 has min_answered = 2 and no [[dimension]] tables".into());
    }
    for dim in DIMENSIONS {
        let scored = scored_in(raw, dim);
        if scored.len() < MIN_SCORED_PER_DIMENSION_V1 {
            err(format!(
                "dimension `{dim}`: {} scored items, need at least {MIN_SCORED_PER_DIMENSION_V1}",
                scored.len()
            ));
        }
        if scored.len() >= 4 {
            keyed_both_ways(raw, dim, err);
        }
        for role in ROLES {
            let n = scored.iter().filter(|i| i.roles.iter().any(|r| r == role)).count();
            if n < MIN_PER_ROLE_PER_DIMENSION_V1 {
                err(format!(
                    "dimension `{dim}`: role `{role}` sees {n} scored items, need {MIN_PER_ROLE_PER_DIMENSION_V1}"
                ));
            }
        }
    }
}

/// The roles each dimension scores (rules 2), in dimension order; every role for rules 1.
pub fn scored_roles(raw: &RawInstrument) -> Vec<Vec<String>> {
    DIMENSIONS
        .iter()
        .map(|d| match raw.dimension.iter().find(|x| x.id == *d) {
            Some(x) => x.roles.clone(),
            None => ROLES.iter().map(|r| r.to_string()).collect(),
        })
        .collect()
}

fn coverage_v2(raw: &RawInstrument, err: &mut impl FnMut(String)) {
    if raw.min_answered < 2 || raw.min_answered as usize > MIN_ITEMS_PER_SCORED_ROLE {
        err(format!("min_answered must be 2..={MIN_ITEMS_PER_SCORED_ROLE}"));
    }
    let ids: Vec<&str> = raw.dimension.iter().map(|d| d.id.as_str()).collect();
    if ids != DIMENSIONS {
        err(format!("[[dimension]] tables must be exactly {DIMENSIONS:?} in that order, found {ids:?}"));
        return;
    }
    let mut per_role = [0usize; 4];
    for (dim, listed) in DIMENSIONS.iter().zip(scored_roles(raw)) {
        keyed_both_ways(raw, dim, err);
        for r in &listed {
            if !ROLES.contains(&r.as_str()) {
                err(format!("dimension `{dim}`: unknown role `{r}`"));
            }
        }
        if !listed.iter().any(|r| r == "internal_it") {
            err(format!("dimension `{dim}`: internal IT is scored on every dimension"));
        }
        let scored = scored_in(raw, dim);
        for (k, role) in ROLES.iter().enumerate() {
            let n = scored.iter().filter(|i| i.roles.iter().any(|r| r == role)).count();
            let shown = raw.item.iter().filter(|i| i.section == *dim && i.roles.iter().any(|r| r == role)).count();
            if listed.iter().any(|r| r == role) {
                per_role[k] += 1;
                if n < MIN_ITEMS_PER_SCORED_ROLE {
                    err(format!("dimension `{dim}`: role `{role}` is scored on it but sees {n} scored items, need {MIN_ITEMS_PER_SCORED_ROLE}"));
                }
            } else if shown > 0 {
                err(format!("dimension `{dim}`: role `{role}` is not scored on it (hearsay), so it must see none of its items; it sees {shown}"));
            }
        }
        let anchors: Vec<&&RawItem> = scored.iter().filter(|i| i.anchor).collect();
        if anchors.len() < MIN_ANCHORS {
            err(format!("dimension `{dim}`: {} anchors, need {MIN_ANCHORS}", anchors.len()));
        }
        let want: BTreeSet<&String> = listed.iter().collect();
        for a in anchors {
            let have: BTreeSet<&String> = a.roles.iter().collect();
            if have != want {
                err(format!("anchor `{}`: must be shown to exactly the roles scored on `{dim}` ({want:?})", a.id));
            }
        }
    }
    for (k, role) in ROLES.iter().enumerate().skip(1) {
        if per_role[k] < MIN_DIMENSIONS_PER_ROLE {
            err(format!("role `{role}` is scored on {} dimensions, need {MIN_DIMENSIONS_PER_ROLE}", per_role[k]));
        }
    }
}

/// What one answer value means for an item: its keyed score (0-100), or `None` when it is not
/// scored (don't know, not applicable, a context option). `Err` when it is not an answer the
/// item (and the area or part) can have.
fn answer_worth(item: &RawItem, value: &str) -> Result<Option<i64>, String> {
    let not = || format!("`{value}` is not an answer of item `{}`", item.id);
    match item.kind.as_str() {
        "likert" => {
            let v: i64 = value.parse().ok().filter(|v| (1..=5).contains(v)).ok_or_else(not)?;
            Ok(Some(if item.reverse == Some(true) { (5 - v) * 25 } else { (v - 1) * 25 }))
        }
        "choice" => {
            let options = item.options.as_ref().ok_or_else(not)?;
            let k = options.iter().position(|o| o == value).ok_or_else(not)?;
            Ok(item.scores.as_ref().and_then(|s| s.get(k)).copied().filter(|s| *s >= 0))
        }
        "matrix" => {
            if !item.owner_list().iter().any(|o| o == value) {
                return Err(not());
            }
            Ok(match value {
                "dont_know" => None,
                "nobody" | "shared_unwritten" => Some(0),
                _ => Some(100),
            })
        }
        "checklist" => match CHECKLIST_ANSWERS.iter().position(|a| *a == value) {
            Some(0) => Ok(Some(100)),
            Some(1) => Ok(Some(0)),
            Some(_) => Ok(None),
            None => Err(not()),
        },
        _ => Err(not()),
    }
}

/// Checks an area or part selector: `area` for a matrix (an area id, or `any`), `part` for a
/// checklist (a part id, `any` or `all`), neither for other kinds.
fn selector(item: &RawItem, area: &Option<String>, part: &Option<String>, all_ok: bool) -> Result<(), String> {
    let id = &item.id;
    match (item.kind.as_str(), area, part) {
        ("matrix", Some(a), None) if a == "any" || item.areas.as_ref().is_some_and(|x| x.contains(a)) => Ok(()),
        ("checklist", None, Some(p))
            if p == "any" || (all_ok && p == "all") || item.parts.as_ref().is_some_and(|x| x.contains(p)) =>
        {
            Ok(())
        }
        ("likert" | "choice", None, None) => Ok(()),
        _ => Err(format!("item `{id}`: a matrix needs `area` (an area or \"any\"), a checklist `part` (a part, \"any\" or \"all\"), other items neither")),
    }
}

fn flags(raw: &RawInstrument, err: &mut impl FnMut(String)) {
    let mut ids = BTreeSet::new();
    for f in &raw.red_flag {
        let id = &f.id;
        if !valid_id(id) || !ids.insert(id.clone()) {
            err(format!("red flag `{id}`: invalid or duplicate id"));
        }
        let Some(item) = raw.item.iter().find(|i| i.id == f.item) else {
            err(format!("red flag `{id}`: unknown item `{}`", f.item));
            continue;
        };
        if f.when.is_empty() {
            err(format!("red flag `{id}`: `when` must not be empty"));
        }
        if let Err(e) = selector(item, &f.area, &f.part, true) {
            err(format!("red flag `{id}`: {e}"));
        }
        if f.area.as_deref() == Some("any") || f.part.as_deref() == Some("any") {
            err(format!("red flag `{id}`: a flag names one area or part (or all parts)"));
        }
        for w in &f.when {
            match answer_worth(item, w) {
                Err(e) => err(format!("red flag `{id}`: {e}")),
                Ok(Some(s)) if raw.rules == 2 && s >= FLAG_BELOW => {
                    err(format!("red flag `{id}`: `{w}` is a healthy answer (scores {s})"))
                }
                Ok(_) => {}
            }
        }
    }
}

fn actions_v1(raw: &RawInstrument, err: &mut impl FnMut(String)) {
    let flag_ids: Vec<&str> = raw.red_flag.iter().map(|f| f.id.as_str()).collect();
    let mut ids = BTreeSet::new();
    let mut priorities = BTreeSet::new();
    let (mut dims, mut flags) = (BTreeSet::new(), BTreeSet::new());
    for a in raw.action.iter().filter(|a| a.actor.is_some() || !a.offer_to.is_empty()) {
        err(format!("action `{}`: `actor` and `offer_to` are rules 2 fields", a.id));
    }
    for a in &raw.action {
        let id = &a.id;
        if !valid_id(id) || !ids.insert(id.clone()) {
            err(format!("action `{id}`: invalid or duplicate id"));
        }
        if !priorities.insert(a.priority) {
            err(format!("action `{id}`: priority {} is used twice", a.priority));
        }
        if a.dimension.is_some() || !a.triggers.is_empty() || !a.in_place.is_empty() || !a.phases.is_empty() {
            err(format!("action `{id}`: answer triggers need rules 2"));
        }
        for f in &a.flags {
            if !flag_ids.contains(&f.as_str()) {
                err(format!("action `{id}`: unknown red flag `{f}`"));
            }
            flags.insert(f.as_str());
        }
        for d in &a.dimensions {
            if !DIMENSIONS.contains(&d.as_str()) {
                err(format!("action `{id}`: unknown dimension `{d}`"));
            }
            dims.insert(d.as_str());
        }
        let has_trigger = !a.flags.is_empty() || !a.dimensions.is_empty();
        if a.fallback == has_trigger {
            err(format!("action `{id}`: an action has triggers or is a fallback, exactly one of the two"));
        }
    }
    if raw.action.iter().filter(|a| a.fallback).count() < 3 {
        err("need at least 3 fallback actions so every report can recommend 3".into());
    }
    for d in DIMENSIONS.iter().filter(|d| !dims.contains(*d)) {
        err(format!("dimension `{d}` triggers no action"));
    }
    for f in flag_ids.iter().filter(|f| !flags.contains(*f)) {
        err(format!("red flag `{f}` triggers no action"));
    }
}

/// Checks one answer rule of an action; `healthy` says which side its answers must be on
/// (`Some(false)`: unhealthy triggers; `Some(true)`: healthy; `None`: context allowed too).
fn answer_rule(raw: &RawInstrument, action: &str, rule: &RawAnswer, want: Want, err: &mut impl FnMut(String)) {
    let Some(item) = raw.item.iter().find(|i| i.id == rule.item) else {
        err(format!("action `{action}`: unknown item `{}`", rule.item));
        return;
    };
    if rule.answers.is_empty() {
        err(format!("action `{action}`: item `{}` lists no answers", item.id));
    }
    if let Err(e) = selector(item, &rule.area, &rule.part, matches!(want, Want::Healthy)) {
        err(format!("action `{action}`: {e}"));
    }
    let context = item.context_kind(raw.rules).is_some();
    for value in &rule.answers {
        match (answer_worth(item, value), want) {
            (Err(e), _) => err(format!("action `{action}`: {e}")),
            (Ok(_), Want::Context) if context => {}
            (Ok(Some(s)), Want::Unhealthy) if s < HEALTHY_FROM => {}
            (Ok(Some(s)), Want::Healthy | Want::Fallback) if s >= HEALTHY_FROM => {}
            (Ok(_), Want::Fallback) if context => {}
            (Ok(s), _) => err(format!(
                "action `{action}`: `{value}` to `{}` is not {} answer (scores {s:?})",
                item.id,
                match want {
                    Want::Unhealthy => "a less than healthy",
                    Want::Healthy | Want::Fallback => "a healthy",
                    Want::Context => "a context",
                }
            )),
        }
    }
}

#[derive(Clone, Copy)]
enum Want {
    Unhealthy,
    Healthy,
    Context,
    Fallback,
}

fn actions_v2(raw: &RawInstrument, err: &mut impl FnMut(String)) {
    let mut ids = BTreeSet::new();
    let mut priorities = BTreeSet::new();
    let mut dims = BTreeSet::new();
    for a in &raw.action {
        let id = &a.id;
        if !valid_id(id) || !ids.insert(id.clone()) {
            err(format!("action `{id}`: invalid or duplicate id"));
        }
        if !priorities.insert(a.priority) {
            err(format!("action `{id}`: priority {} is used twice", a.priority));
        }
        match a.actor.as_deref() {
            Some(actor) if ACTORS.contains(&actor) => {}
            Some(actor) => err(format!("action `{id}`: unknown actor `{actor}` (one of {ACTORS:?})")),
            None => err(format!("action `{id}`: needs `actor`, who carries it out")),
        }
        if a.offer_to.is_empty() || a.offer_to.iter().any(|r| !ROLES.contains(&r.as_str())) {
            err(format!("action `{id}`: `offer_to` must list roles of {ROLES:?}"));
        }
        if !a.flags.is_empty() || !a.dimensions.is_empty() {
            err(format!("action `{id}`: rules 2 actions are triggered by answers, not flags or dimensions"));
        }
        match &a.dimension {
            Some(d) if DIMENSIONS.contains(&d.as_str()) => {
                dims.insert(d.clone());
            }
            _ => err(format!("action `{id}`: needs a `dimension` from {DIMENSIONS:?}")),
        }
        if a.triggers.is_empty() {
            err(format!("action `{id}`: needs at least one trigger"));
        }
        for p in &a.phases {
            if !PHASES.contains(&p.as_str()) {
                err(format!("action `{id}`: unknown phase `{p}`"));
            }
        }
        match a.friction.as_deref() {
            None => {}
            Some("tense") if !a.phases.is_empty() => {}
            Some(other) => err(format!("action `{id}`: friction `{other}` must be \"tense\", with `phases`")),
        }
        let want = if a.fallback {
            Want::Fallback
        } else if !a.phases.is_empty() {
            Want::Context
        } else {
            Want::Unhealthy
        };
        for t in &a.triggers {
            answer_rule(raw, id, t, want, err);
        }
        for t in &a.in_place {
            answer_rule(raw, id, t, Want::Healthy, err);
        }
    }
    for d in DIMENSIONS.iter().filter(|d| !dims.contains(**d)) {
        err(format!("dimension `{d}` has no action"));
    }
    if raw.action.iter().filter(|a| a.fallback).count() < 3 {
        err("need at least 3 fallback actions".into());
    }
    // Advice for every red flag: some action is triggered by the same item.
    for f in &raw.red_flag {
        if !raw.action.iter().any(|a| a.triggers.iter().any(|t| t.item == f.item)) {
            err(format!("red flag `{}`: no action is triggered by item `{}`", f.id, f.item));
        }
    }
    // Every scored item triggers some action: no answer is asked for nothing.
    for item in raw.item.iter().filter(|i| i.is_scored()) {
        if !raw.action.iter().any(|a| a.triggers.iter().any(|t| t.item == item.id)) {
            err(format!("item `{}`: no action is triggered by it", item.id));
        }
    }
}

fn precision(loaded: &Loaded, err: &mut impl FnMut(String)) {
    let raw = &loaded.raw;
    let roles = scored_roles(raw);
    for p in &loaded.precision {
        let Some(d) = DIMENSIONS.iter().position(|d| *d == p.dimension) else {
            err(format!("precision: unknown dimension `{}`", p.dimension));
            continue;
        };
        if !roles[d].contains(&p.role) {
            err(format!("precision: role `{}` is not scored on `{}`", p.role, p.dimension));
        }
        if !(0.0..1.0).contains(&p.alpha) || !(0.0..=100.0).contains(&p.sd) || p.items == 0 {
            err(format!("precision {}/{}: alpha, sd or items out of range", p.role, p.dimension));
        }
    }
}

/// Items shared by id across versions must be the same question; `from_v1` must name a
/// version-1 item of a compatible kind, and `carry` its options.
fn across_versions(all: &[Loaded], errors: &mut Vec<String>) {
    let Some(v1) = all.iter().find(|l| l.raw.version == 1) else { return };
    for later in all.iter().filter(|l| l.raw.version > 1) {
        let mut err = |m: String| errors.push(format!("{}: {m}", later.file));
        for item in &later.raw.item {
            if let Some(old) = v1.raw.item.iter().find(|o| o.id == item.id) {
                let same = old.kind == item.kind
                    && old.options == item.options
                    && old.scores == item.scores
                    && old.reverse == item.reverse
                    && old.areas == item.areas
                    && old.owners == item.owners
                    && old.parts == item.parts;
                if !same || item.from_v1.is_some() {
                    err(format!("item `{}`: shares its id with version 1, so it must be the same question (a new question needs a new id)", item.id));
                }
            }
            let Some(from) = &item.from_v1 else {
                if item.carry.is_some() {
                    err(format!("item `{}`: `carry` needs `from_v1`", item.id));
                }
                continue;
            };
            let Some(old) = v1.raw.item.iter().find(|o| &o.id == from) else {
                err(format!("item `{}`: from_v1 `{from}` is not a version-1 item", item.id));
                continue;
            };
            if old.kind != item.kind {
                err(format!("item `{}`: from_v1 `{from}` is a {} item, this a {}", item.id, old.kind, item.kind));
            }
            match (item.kind.as_str(), &item.carry) {
                ("choice", Some(map)) => {
                    for (o, n) in map {
                        let old_ok = old.options.as_ref().is_some_and(|x| x.contains(o));
                        let new_ok = item.options.as_ref().is_some_and(|x| x.contains(n));
                        if !old_ok || !new_ok {
                            err(format!("item `{}`: carry `{o} = {n}` names an option that does not exist", item.id));
                        }
                    }
                }
                ("choice", None) => err(format!("item `{}`: a choice carried from version 1 needs `carry`", item.id)),
                (_, Some(_)) => err(format!("item `{}`: only choice items take `carry`", item.id)),
                ("likert", None) if old.reverse != item.reverse => {
                    err(format!("item `{}`: from_v1 `{from}` is keyed the other way", item.id))
                }
                _ => {}
            }
        }
    }
}

/// The item texts (questions, options, areas, parts) of the newest version: the only ones the
/// survey shows. Older versions' item texts are shown only in reports of their links.
pub fn current_item_keys(all: &[Loaded]) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    if let Some(raw) = all.iter().map(|l| &l.raw).max_by_key(|r| r.version) {
        for i in &raw.item {
            keys.insert(format!("item.{}.text", i.id));
            for o in i.options.iter().flatten() {
                keys.insert(format!("item.{}.opt.{o}", i.id));
            }
            for a in i.areas.iter().flatten() {
                keys.insert(format!("item.{}.area.{a}", i.id));
            }
            for p in i.parts.iter().flatten() {
                keys.insert(format!("item.{}.part.{p}", i.id));
            }
        }
    }
    keys
}

/// Every locale key some instrument needs (items, options, areas, parts, dimensions, flags,
/// actions, phases).
pub fn required_keys(all: &[Loaded]) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    for raw in all.iter().map(|l| &l.raw) {
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
            for p in i.parts.iter().flatten() {
                keys.insert(format!("item.{}.part.{p}", i.id));
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
    for d in DIMENSIONS {
        for f in ["name", "short", "about", "why_first"] {
            keys.insert(format!("dim.{d}.{f}"));
        }
    }
    for phase in PHASES {
        for field in ["name", "span", "normal", "calm", "tense"] {
            keys.insert(format!("phase.{phase}.{field}"));
        }
    }
    keys
}
