//! The team view's files: its figures and the workshop's ownership register, as CSV.

use super::csv_cell;
use crate::aggregate::{RoleGroup, TeamReport};
use crate::i18n::{key, Locale};
use crate::instrument::{Instrument, Role};
use crate::present;

/// The team view as CSV (figures to one decimal): one row per dimension with the team score (each shown role group
/// counted once), the people behind it, their median and quartiles, and each shown group's mean.
pub fn team_csv(locale: Locale, t: &TeamReport) -> String {
    let shown: Vec<&RoleGroup> = t.shown().collect();
    // The figures keep one decimal, and their column names say so (`_1dp`); every screen and
    // printout shows the same tenths rounded to whole numbers.
    let mut out = String::from("dimension,name,team_score_1dp,n,median_1dp,q1_1dp,q3_1dp");
    for g in &shown {
        out.push_str(&format!(",mean_{}_1dp", g.role.id()));
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

/// The ownership register as CSV, headers in the active language: one row per area with what
/// each role group asked about ownership said (the owner it names most, and how many of it agree;
/// both blank for a hidden group), whether a decision is needed and why, and empty columns for the
/// agreed owner, the escalation contact and the review date.
pub fn register_csv(instrument: &Instrument, locale: Locale, t: &crate::aggregate::TeamReport) -> String {
    use crate::facilitation;
    let role_name = |r: Role| locale.t(present::role_key(r));
    let mut head = vec![locale.t(key::ui::results::AREA).to_string()];
    for r in facilitation::register_roles(instrument) {
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
    for row in facilitation::register(instrument, t) {
        let area = present::area_name(instrument, locale, row.area);
        let mut cells = vec![area.to_string()];
        for (_, said) in &row.said {
            let said = present::team::said(locale, said, t.threshold);
            let (owner, agree) = (said.owner, said.agreement);
            cells.push(owner);
            cells.push(agree);
        }
        cells.push(
            locale
                .t(if row.decision_needed() { key::ui::team::register::YES } else { key::ui::team::register::NO })
                .into(),
        );
        cells.push(present::team::decision_reasons(locale, &row));
        cells.extend([String::new(), String::new(), String::new()]);
        out.push_str(&line(&cells));
    }
    out
}
