//! Exports: the answers and report as JSON, the dimension scores as CSV, the team figures as CSV
//! and the workshop's ownership register as CSV. Written by hand so the browser build does not
//! carry a JSON or CSV library for a few downloads.

use crate::i18n::Locale;
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
    let gaps: Vec<String> =
        report.ownership_gaps().filter_map(|(a, _)| instrument.ownership.areas.get(a).map(|x| q(x))).collect();
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

fn field(o: &mut String, name: &str, value: &str) {
    o.push_str(&format!("  {}: {value},\n", q(name)));
}

fn opt(v: Option<u8>) -> String {
    v.map_or("null".into(), |v| v.to_string())
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

// The team view's files: the team module's part.
#[cfg(feature = "team")]
mod team;
#[cfg(feature = "team")]
pub use team::{register_csv, team_csv};

#[cfg(test)]
mod tests;
