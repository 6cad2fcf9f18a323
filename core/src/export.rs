//! Exports: the answers and report as JSON, the dimension scores as CSV, the team figures as CSV
//! and the workshop's ownership register as CSV. Written by hand so the browser build does not
//! carry a JSON or CSV library for a few downloads.

use crate::i18n::{key, Locale};
use crate::instrument::{Instrument, Slot};
use crate::present;
use crate::response::{Answer, Response};
use crate::scoring::Report;
use crate::share;

/// A JSON document with the instrument version, role, every answer (raw values by key), the
/// share payload that reproduces them, and the report's figures.
pub fn json(instrument: &Instrument, response: &Response, report: &Report, locale: Locale) -> String {
    let mut o = String::from("{\n");
    field(&mut o, "format", &q("overlap-export/1"));
    field(&mut o, "instrument_version", &report.instrument_version.to_string());
    field(&mut o, "role", &report.role.map_or("null".into(), |r| q(r.id())));
    field(&mut o, "link_payload", &share::encode_full(response).map_or("null".into(), |p| q(&p)));
    // Sorted by name, so the same answers always export the same file.
    let mut sorted: Vec<(&str, Slot, Answer)> =
        response.answered().map(|(slot, a)| (instrument.slot_name(slot), slot, a)).collect();
    crate::order::sort_by(&mut sorted, |a, b| a.0.cmp(b.0));
    let answers: Vec<String> = sorted
        .into_iter()
        .map(|(k, slot, a)| {
            let v = match a {
                Answer::Likert(v) => v.to_string(),
                Answer::DontKnow => q("dont_know"),
                Answer::NotApplicable => q("not_applicable"),
                Answer::Choice(i) => match instrument.slot_item(slot).map(|(it, _)| &it.kind) {
                    Some(crate::ItemKind::Choice { options, .. }) => {
                        options.get(i as usize).map_or("null".into(), |o| q(o))
                    }
                    Some(crate::ItemKind::Checklist { .. }) => {
                        crate::instrument::CHECKLIST_ANSWERS.get(i as usize).map_or("null".into(), |o| q(o))
                    }
                    _ => "null".into(),
                },
                Answer::Owner(o) => q(o.id()),
            };
            format!("    {}: {v}", q(k))
        })
        .collect();
    o.push_str(&format!("  \"answers\": {{\n{}\n  }},\n", answers.join(",\n")));
    let dims: Vec<String> = report
        .dimensions
        .iter()
        .map(|d| {
            format!(
                "    {{\"id\": {}, \"name\": {}, \"score\": {}, \"margin\": {}, \"band\": {}, \"asked\": {}, \"shown\": {}, \"answered\": {}, \"dont_know\": {}, \"not_applicable\": {}}}",
                q(d.dimension.id()),
                q(present::dimension_name(locale, d.dimension)),
                opt(d.score),
                opt(d.range),
                d.band().map_or("null".into(), |b| q(b.id())),
                d.asked,
                d.shown,
                d.answered,
                d.dont_know,
                d.not_applicable
            )
        })
        .collect();
    o.push_str(&format!("  \"dimensions\": [\n{}\n  ],\n", dims.join(",\n")));
    field(&mut o, "readiness", &opt(report.readiness));
    field(&mut o, "resistance", &opt(report.resistance));
    field(&mut o, "risk", &report.risk.map_or("null".into(), |r| q(r.id())));
    field(&mut o, "barrier", &report.barrier.map_or("null".into(), |d| q(d.id())));
    field(&mut o, "phase", &q(report.phase.id()));
    field(&mut o, "confidence_percent", &report.confidence.percent().to_string());
    let flags: Vec<String> = report.red_flags.iter().map(|f| q(f.id)).collect();
    field(&mut o, "red_flags", &format!("[{}]", flags.join(", ")));
    let gaps: Vec<String> = report
        .ownership_gaps()
        .filter_map(|(a, _)| match instrument.matrix().kind {
            crate::ItemKind::Matrix { areas, .. } => areas.get(a).map(|x| q(x)),
            _ => None,
        })
        .collect();
    field(&mut o, "ownership_gaps", &format!("[{}]", gaps.join(", ")));
    let actions: Vec<String> = report.actions.iter().map(|a| q(a.id)).collect();
    o.push_str(&format!("  \"actions\": [{}]\n}}\n", actions.join(", ")));
    o
}

/// `dimension,name,score,margin,band,answered,dont_know,not_applicable,shown` rows; names in the
/// locale.
pub fn csv(report: &Report, locale: Locale) -> String {
    let mut out = String::from("dimension,name,score,margin,band,answered,dont_know,not_applicable,shown\n");
    for (d, row) in report.dimensions.iter().zip(present::profile_rows(report, locale)) {
        out.push_str(&format!(
            "{},{},{},{},{},{},{},{},{}\n",
            d.dimension.id(),
            csv_cell(present::dimension_name(locale, d.dimension)),
            d.score.map(|s| s.to_string()).unwrap_or_default(),
            d.range.map(|s| s.to_string()).unwrap_or_default(),
            csv_cell(&row.band_label),
            d.answered,
            d.dont_know,
            d.not_applicable,
            d.shown
        ));
    }
    out
}

/// The team view as CSV: one row per dimension with the team score (each shown role group
/// counted once), the people behind it, their median and quartiles, and each shown group's mean.
pub fn team_csv(locale: Locale, t: &crate::aggregate::TeamReport) -> String {
    let shown: Vec<&crate::aggregate::RoleGroup> = t.shown().collect();
    let mut out = String::from("dimension,name,team_score,n,median,q1,q3");
    for g in &shown {
        out.push_str(&format!(",mean_{}", g.role.id()));
    }
    out.push('\n');
    let f = |v: Option<f64>| v.map_or(String::new(), |v| crate::i18n::fixed(v, 1, '.'));
    for d in &t.dimensions {
        let s = d.spread;
        out.push_str(&format!(
            "{},{},{},{},{},{},{}",
            d.dimension.id(),
            csv_cell(present::dimension_name(locale, d.dimension)),
            f(d.score),
            s.map_or(0, |s| s.n),
            f(s.map(|s| s.median)),
            f(s.map(|s| s.q1)),
            f(s.map(|s| s.q3))
        ));
        for g in &shown {
            out.push_str(&format!(",{}", f(g.means[d.dimension.index()])));
        }
        out.push('\n');
    }
    out
}

fn field(o: &mut String, name: &str, value: &str) {
    o.push_str(&format!("  {}: {value},\n", q(name)));
}

fn opt(v: Option<u8>) -> String {
    v.map_or("null".into(), |v| v.to_string())
}

/// The ownership register as CSV, headers in the active language: one row per area with what
/// each role group asked about ownership said (the owner it names most, and how many of it agree;
/// both blank for a hidden group), whether a decision is needed and why, and empty columns for the
/// agreed owner, the escalation contact and the review date.
#[cfg(feature = "results")]
pub fn register_csv(instrument: &Instrument, locale: Locale, t: &crate::aggregate::TeamReport) -> String {
    use crate::workshop::{self, Said};
    let role_name = |r: crate::instrument::Role| locale.t(present::role_key(r));
    let mut head = vec![locale.t(key::ui::results::AREA).to_string()];
    for r in workshop::register_roles(instrument) {
        head.push(locale.fmt(key::ui::team::register::COL_OWNER, &[("role", role_name(r))]));
        head.push(locale.fmt(key::ui::team::register::COL_AGREE, &[("role", role_name(r))]));
    }
    for k in [
        key::ui::team::register::DECISION,
        key::ui::team::register::WHY,
        key::ui::team::register::OWNER,
        key::ui::team::register::ESCALATION,
        key::ui::team::register::REVIEW,
    ] {
        head.push(locale.t(k).to_string());
    }
    let line = |cells: &[String]| cells.iter().map(|c| csv_cell(c)).collect::<Vec<_>>().join(",") + "\n";
    let mut out = line(&head);
    let labels: &[crate::i18n::Key] = match instrument.matrix().kind {
        crate::instrument::ItemKind::Matrix { labels, .. } => labels,
        _ => &[],
    };
    for row in workshop::register(instrument, t) {
        let area = labels.get(row.area).map_or("", |k| locale.t(*k));
        let mut cells = vec![area.to_string()];
        for (_, said) in &row.said {
            let (owner, agree) = match said {
                Said::Shown(m) => (
                    match m.owner {
                        Some(o) => present::owner_text(locale, o).to_string(),
                        None if m.of == 0 => String::new(),
                        None => locale.t(key::ui::team::NO_MAJORITY).to_string(),
                    },
                    if m.of == 0 {
                        String::new()
                    } else {
                        locale.fmt(
                            key::ui::team::register::AGREE_VALUE,
                            &[("agree", &m.agree.to_string()), ("of", &m.of.to_string())],
                        )
                    },
                ),
                Said::TooFew => (locale.fmt(key::ui::team::TOO_FEW, &[("k", &t.threshold.to_string())]), String::new()),
                Said::Hidden => (String::new(), String::new()),
            };
            cells.push(owner);
            cells.push(agree);
        }
        let mut why = Vec::new();
        if row.disagreement {
            why.push(locale.t(key::ui::team::DIFFERENT_OWNERS));
        }
        if row.gap {
            why.push(locale.t(key::ui::team::register::NO_CLEAR_OWNER));
        }
        cells.push(
            locale
                .t(if row.decision_needed() { key::ui::team::register::YES } else { key::ui::team::register::NO })
                .into(),
        );
        cells.push(why.join("; "));
        cells.extend([String::new(), String::new(), String::new()]);
        out.push_str(&line(&cells));
    }
    out
}

/// A JSON string literal.
pub fn q(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A CSV cell, quoted when needed; a leading formula character is neutralised so a
/// spreadsheet never evaluates it.
pub fn csv_cell(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@']) { format!("'{s}") } else { s.to_string() };
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

#[cfg(test)]
mod tests;
