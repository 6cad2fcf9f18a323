//! The team view's figures, one function per card: the count of links read, the team headline,
//! role groups and their differences, the distribution, the ownership map, red flags, internal
//! consistency and the change since an earlier round.
//!
//! Every figure is already subject to the anonymity rules in [`aggregate`]; these functions only
//! present what the aggregate lets through.

use super::html::{html, join, Html};
use super::{card, one, role_name, stat};
use crate::aggregate::{self, Change, Collected, Hidden, RoleGroup, TeamReport};
use crate::chart;
use crate::i18n::Locale;
use crate::instrument::{Instrument, ItemKind, Owner};
use crate::present;

/// The whole team view below the form: every card, in reading order.
pub fn team(
    instrument: &Instrument,
    locale: Locale,
    collected: &Collected,
    rep: &TeamReport,
    change: Option<&Change>,
) -> Html {
    let mut o = html!(r#"<div class="ov-team-report" data-testid="team-report">"#);
    o.push(count(locale, collected, rep));
    o.push(invalid(locale, collected));
    if rep.suppressed {
        o.push(html!(
            r#"<p class="ov-card" data-testid="team-suppressed">{}</p></div>"#,
            locale.fmt("ui.team.suppressed", &[("k", &rep.threshold.to_string())])
        ));
        return o;
    }
    o.push(headline(locale, rep));
    o.push(groups(locale, rep));
    o.push(distribution(locale, rep));
    o.push(ownership(instrument, locale, rep));
    o.push(flags(instrument, locale, rep));
    o.push(alpha(locale, rep));
    if let Some(c) = change {
        o.push(change_card(instrument, locale, c));
    }
    o.push(html!("</div>"));
    o
}

fn shown(rep: &TeamReport) -> Vec<&RoleGroup> {
    rep.roles.iter().filter(|g| g.is_shown()).collect()
}

/// How many results were combined, and what was set aside.
fn count(locale: Locale, collected: &Collected, rep: &TeamReport) -> Html {
    html!(
        r#"<p class="ov-team-count" data-testid="team-count">{}</p>"#,
        locale.fmt(
            "ui.team.count",
            &[
                ("n", &rep.n.to_string()),
                ("full", &rep.n_full.to_string()),
                ("summary", &(rep.n - rep.n_full).to_string()),
                ("invalid", &collected.invalid.len().to_string()),
                ("duplicates", &collected.duplicates.to_string()),
            ],
        )
    )
}

/// The links that could not be read, each with its reason.
fn invalid(locale: Locale, collected: &Collected) -> Html {
    if collected.invalid.is_empty() {
        return Html::new();
    }
    let items = collected.invalid.iter().map(|(text, e)| {
        let short: String = text.chars().take(48).collect();
        html!(r#"<li><code>{}</code> · {}</li>"#, short, present::link_error_text(locale, *e))
    });
    let list = html!("<ul>{}</ul>", join(items, Html::new()));
    card("ov-invalid-h", "team-invalid", locale.t("ui.team.invalid_title"), list)
}

/// The team barrier point.
fn headline(locale: Locale, rep: &TeamReport) -> Html {
    let (barrier, why) = match rep.barrier {
        Some(d) => (present::dimension_name(locale, d), locale.t(&format!("dim.{}.why_first", d.id()))),
        None => (locale.t("ui.results.no_barrier"), locale.t("ui.results.no_barrier_why")),
    };
    html!(
        r#"<section class="ov-headline" data-testid="team-headline">{}</section>"#,
        stat("ov-stat--wide", locale.t("ui.team.barrier"), "team-barrier", barrier, why)
    )
}

/// Role groups (shown or hidden, and why), the chart of their averages and the largest gaps.
fn groups(locale: Locale, rep: &TeamReport) -> Html {
    let shown = shown(rep);
    let mut roles = Html::new();
    for g in rep.roles.iter().filter(|g| g.n > 0) {
        let status = match g.hidden {
            None => locale.fmt("ui.team.shown_as", &[("letter", locale.t(&format!("ui.team.letter.{}", g.role.id())))]),
            Some(Hidden::TooFew) => locale.fmt("ui.team.hidden_too_few", &[("k", &rep.threshold.to_string())]),
            Some(Hidden::Complementary) => locale.t("ui.team.hidden_complementary").to_string(),
        };
        roles.push(html!(
            r#"<tr{}><th scope="row">{}</th><td class="ov-num">{}</td><td>{}</td></tr>"#,
            if g.hidden.is_some() { html!(r#" data-hidden="true""#) } else { Html::new() },
            role_name(locale, g.role),
            g.n,
            status
        ));
    }
    let rows: Vec<chart::TeamRow> = rep
        .dimensions
        .iter()
        .map(|(d, s)| chart::TeamRow {
            label: locale.t(&format!("dim.{}.short", d.id())).to_string(),
            spread: s.map(|s| (s.q1, s.median, s.q3)),
            roles: shown
                .iter()
                .map(|g| (locale.t(&format!("ui.team.letter.{}", g.role.id())).to_string(), g.means[d.index()]))
                .collect(),
        })
        .collect();
    let svg = chart::to_svg(
        (chart::BARS_WIDTH, chart::bars_height(rows.len())),
        "ov-team-chart",
        locale.t("ui.team.chart_title"),
        locale.t("ui.team.chart_desc"),
        |a| chart::draw_team(a, &rows),
    );
    let gaps = if rep.gaps.is_empty() {
        html!("<p>{}</p>", locale.t("ui.team.no_gaps"))
    } else {
        let mut body = Html::new();
        for g in rep.gaps.iter().take(8) {
            body.push(html!(
                r#"<tr><th scope="row">{}</th><td>{}</td><td class="ov-num">{}</td></tr>"#,
                present::dimension_name(locale, g.dimension),
                locale.fmt(
                    "ui.team.higher_than",
                    &[("a", role_name(locale, g.higher)), ("b", role_name(locale, g.lower))]
                ),
                one(g.size, locale)
            ));
        }
        html!(
            r#"<table class="ov-table" data-testid="team-gap-table"><caption>{}</caption><thead><tr><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>{}</tbody></table>"#,
            locale.t("ui.team.gap_caption"),
            locale.t("ui.results.dimension"),
            locale.t("ui.team.between"),
            locale.t("ui.team.gap_size"),
            body
        )
    };
    let content = html!(
        r#"<p>{}</p><table class="ov-table" data-testid="team-roles"><thead><tr><th scope="col">{}</th><th scope="col">n</th><th scope="col">{}</th></tr></thead><tbody>{}</tbody></table><figure class="ov-figure" data-testid="team-chart">{}</figure>{}"#,
        locale.t("ui.team.gaps_intro"),
        locale.t("ui.team.role"),
        locale.t("ui.results.status"),
        roles,
        Html::from_svg(svg),
        gaps
    );
    card("ov-gaps-h", "team-gaps", locale.t("ui.team.gaps_title"), content)
}

/// Per dimension: n, median, middle half, and each shown group's mean.
fn distribution(locale: Locale, rep: &TeamReport) -> Html {
    let shown = shown(rep);
    let mut head = Html::new();
    for g in &shown {
        head.push(html!(
            r#"<th scope="col">{}</th>"#,
            locale.fmt("ui.team.mean_of", &[("role", role_name(locale, g.role))])
        ));
    }
    let mut body = Html::new();
    for (d, s) in &rep.dimensions {
        let (n, med, iqr) = match s {
            Some(s) => (s.n.to_string(), one(s.median, locale), format!("{}–{}", one(s.q1, locale), one(s.q3, locale))),
            None => ("0".into(), "–".into(), "–".into()),
        };
        let mut means = Html::new();
        for g in &shown {
            let m = g.means[d.index()].map_or("–".into(), |m| one((m * 10.0).round() / 10.0, locale));
            means.push(html!(r#"<td class="ov-num">{}</td>"#, m));
        }
        body.push(html!(
            r#"<tr><th scope="row">{}</th><td class="ov-num">{}</td><td class="ov-num">{}</td><td class="ov-num">{}</td>{}</tr>"#,
            present::dimension_name(locale, *d),
            n,
            med,
            iqr,
            means
        ));
    }
    let table = html!(
        r#"<table class="ov-table"><thead><tr><th scope="col">{}</th><th scope="col">n</th><th scope="col">{}</th><th scope="col">{}</th>{}</tr></thead><tbody>{}</tbody></table>"#,
        locale.t("ui.results.dimension"),
        locale.t("ui.team.median"),
        locale.t("ui.team.iqr"),
        head,
        body
    );
    card("ov-dist-h", "team-distribution", locale.t("ui.team.distribution_title"), table)
}

/// Who owns each area, according to each shown group, with gap and dispute marks.
fn ownership(instrument: &Instrument, locale: Locale, rep: &TeamReport) -> Html {
    let matrix = instrument.matrix();
    let ItemKind::Matrix { areas, .. } = matrix.kind else { return Html::new() };
    let role_cols: Vec<_> =
        rep.ownership.first().map(|r| r.by_role.iter().map(|(r, _)| *r).collect()).unwrap_or_default();
    let mut head = Html::new();
    for r in &role_cols {
        head.push(html!(r#"<th scope="col">{}</th>"#, role_name(locale, *r)));
    }
    let mut body = Html::new();
    for row in &rep.ownership {
        let cell = |c: &[usize; crate::aggregate::OWNERS]| {
            let parts: Vec<String> = Owner::ALL
                .iter()
                .filter(|ow| c[ow.code() as usize - 1] > 0)
                .map(|ow| format!("{} ×{}", present::owner_text(locale, *ow), c[ow.code() as usize - 1]))
                .collect();
            if parts.is_empty() {
                "–".to_string()
            } else {
                parts.join(", ")
            }
        };
        let mut status = Vec::new();
        if row.disagreement {
            status.push(locale.t("ui.team.different_owners"));
        }
        if row.gap {
            status.push(locale.t("ui.results.gap"));
        }
        let mut cells = Html::new();
        for (_, c) in &row.by_role {
            cells.push(html!("<td>{}</td>", cell(c)));
        }
        let tags = status.iter().map(|s| html!(r#"<span class="ov-tag ov-tag--gap">{}</span>"#, *s));
        body.push(html!(
            r#"<tr{}><th scope="row">{}</th>{}<td>{}</td></tr>"#,
            if row.gap || row.disagreement { html!(r#" class="ov-gap""#) } else { Html::new() },
            locale.t(&format!("item.{}.area.{}", matrix.id, areas.get(row.area).unwrap_or(&""))),
            cells,
            join(tags, html!(" "))
        ));
    }
    let content = html!(
        r#"<p>{}</p><table class="ov-table"><thead><tr><th scope="col">{}</th>{}<th scope="col">{}</th></tr></thead><tbody>{}</tbody></table>"#,
        locale.fmt("ui.team.ownership_intro", &[("n", &rep.n_full.to_string())]),
        locale.t("ui.results.area"),
        head,
        locale.t("ui.results.status"),
        body
    );
    card("ov-team-own-h", "team-ownership", locale.t("ui.team.ownership_title"), content)
}

/// How many people raised each red flag.
fn flags(instrument: &Instrument, locale: Locale, rep: &TeamReport) -> Html {
    let body = if rep.flags.is_empty() {
        html!("<p>{}</p>", locale.t("ui.team.no_flags"))
    } else {
        let mut list = Html::new();
        for (f, count) in &rep.flags {
            let id = instrument.red_flags().get(*f).map_or("", |r| r.id);
            list.push(html!(
                r#"<li><strong>{}</strong> <span class="ov-raised-by">{}</span></li>"#,
                locale.t(&format!("flag.{id}.text")),
                locale.fmt("ui.team.raised_by_count", &[("count", &count.to_string()), ("n", &rep.n_full.to_string())])
            ));
        }
        html!(r#"<ul class="ov-flags">{}</ul>"#, list)
    };
    card("ov-team-flags-h", "team-flags", locale.t("ui.results.flags"), body)
}

/// Internal consistency (not carried by team summary links, so absent there).
fn alpha(locale: Locale, rep: &TeamReport) -> Html {
    if rep.alpha.is_empty() {
        return Html::new();
    }
    let mut body = Html::new();
    for a in &rep.alpha {
        let (value, reading) = match a.value {
            Some(v) => {
                (locale.number(v, 2), locale.t(&format!("ui.team.alpha.{}", aggregate::alpha_reading(v))).to_string())
            }
            None => ("–".to_string(), locale.fmt("ui.team.alpha.needs", &[("k", &aggregate::ALPHA_MIN_N.to_string())])),
        };
        body.push(html!(
            r#"<tr><th scope="row">{}</th><td class="ov-num">{}</td><td class="ov-num">{}</td><td>{}</td></tr>"#,
            present::dimension_name(locale, a.dimension),
            value,
            a.n,
            reading
        ));
    }
    let content = html!(
        r#"<p>{}</p><table class="ov-table"><thead><tr><th scope="col">{}</th><th scope="col">α</th><th scope="col">n</th><th scope="col">{}</th></tr></thead><tbody>{}</tbody></table>"#,
        locale.t("ui.team.alpha_intro"),
        locale.t("ui.results.dimension"),
        locale.t("ui.team.reading"),
        body
    );
    card("ov-alpha-h", "team-alpha", locale.t("ui.team.alpha_title"), content)
}

/// What changed since the baseline round.
fn change_card(instrument: &Instrument, locale: Locale, c: &Change) -> Html {
    let mut body = Html::new();
    for (d, delta) in &c.deltas {
        let text = delta.map_or("–".to_string(), |v| format!("{}{}", if v > 0.0 { "+" } else { "" }, one(v, locale)));
        body.push(html!(
            r#"<tr><th scope="row">{}</th><td class="ov-num">{}</td></tr>"#,
            present::dimension_name(locale, *d),
            text
        ));
    }
    let flag_names = |v: &[usize]| -> String {
        let names: Vec<&str> = v
            .iter()
            .filter_map(|f| instrument.red_flags().get(*f))
            .map(|r| locale.t(&format!("flag.{}.text", r.id)))
            .collect();
        if names.is_empty() {
            "–".to_string()
        } else {
            names.join(" · ")
        }
    };
    let area_names = |v: &[usize]| -> String {
        let m = instrument.matrix();
        let names: Vec<&str> = match m.kind {
            ItemKind::Matrix { areas, .. } => {
                v.iter().filter_map(|a| areas.get(*a)).map(|a| locale.t(&format!("item.{}.area.{a}", m.id))).collect()
            }
            _ => Vec::new(),
        };
        if names.is_empty() {
            "–".to_string()
        } else {
            names.join(" · ")
        }
    };
    let mut lines = Html::new();
    for (key, text) in [
        ("ui.team.flags_closed", flag_names(&c.flags_closed)),
        ("ui.team.flags_opened", flag_names(&c.flags_opened)),
        ("ui.team.gaps_closed", area_names(&c.gaps_closed)),
        ("ui.team.gaps_opened", area_names(&c.gaps_opened)),
    ] {
        lines.push(html!("<li><strong>{}</strong> {}</li>", locale.t(key), text));
    }
    let content = html!(
        r#"<table class="ov-table"><thead><tr><th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>{}</tbody></table><ul>{}</ul>"#,
        locale.t("ui.results.dimension"),
        locale.t("ui.team.change_median"),
        body,
        lines
    );
    card("ov-change-h", "team-change", locale.t("ui.team.change_title"), content)
}
