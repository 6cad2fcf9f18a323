//! The team view's figures, one function per card: the links read, the team headline, the
//! biggest disagreements, role groups and how they compare on the shared questions, the
//! distribution, the ownership heatmap, red flags, the team's actions, what is withheld for
//! anonymity, internal consistency and the change since an earlier round; then the workshop
//! ([`workshop`](super::workshop)).
//!
//! Every figure is already subject to the anonymity rules in [`aggregate`](crate::aggregate);
//! these functions only present what the aggregate lets through.

use super::html::{html, join, Html};
use super::workshop::{self, PackInfo};
use super::{card, one, role_name, stat};
use crate::aggregate::{self, Change, Collected, PerceptionGap, TeamReport};
use crate::chart;
use crate::i18n::Locale;
use crate::instrument::{Instrument, ItemKind};
use crate::present;
use crate::share::LinkError;

/// How many comparisons between groups the view lists (the largest, gaps first).
const MAX_COMPARISONS: usize = 8;
/// How many unreadable links it shows as examples (each reason is counted in full).
const MAX_INVALID_EXAMPLES: usize = 10;

/// The whole team view below the form: every card, in reading order. `pack` is given for the
/// facilitator's own team view, which offers the register and the printed workshop pack; a team
/// summary link's reader gets the figures only.
pub fn team(
    instrument: &Instrument,
    locale: Locale,
    collected: &Collected,
    rep: &TeamReport,
    change: Option<&Change>,
    pack: Option<&PackInfo>,
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
    o.push(workshop::disagreements(instrument, locale, rep));
    o.push(groups(locale, rep));
    o.push(distribution(locale, rep));
    o.push(workshop::heatmap(instrument, locale, rep));
    o.push(flags(instrument, locale, rep));
    o.push(workshop::team_actions(instrument, locale, rep));
    o.push(alpha(locale, rep));
    if let Some(c) = change {
        o.push(change_card(instrument, locale, c));
    }
    if let Some(info) = pack {
        o.push(workshop::workshop_card(instrument, locale, rep));
        o.push(workshop::pack(instrument, locale, rep, info));
    }
    o.push(html!("</div>"));
    o
}

/// How many fragments were found and what each became; the three counts add up. This line is
/// the facilitator's own check of what they pasted, so it counts every link, hidden groups'
/// included; it is left out of print and present mode. A team summary link's reader gets the
/// count of the people in shown groups instead.
fn count(locale: Locale, collected: &Collected, rep: &TeamReport) -> Html {
    // A team summary link carries the results, not the links they came from.
    if collected.found() == 0 {
        return html!(
            r#"<p class="ov-team-count" data-testid="team-count">{}</p>"#,
            locale.fmt(
                "ui.team.count_summary",
                &[
                    ("n", &rep.n.to_string()),
                    ("full", &rep.n_full.to_string()),
                    ("summary", &(rep.n - rep.n_full.min(rep.n)).to_string()),
                ],
            )
        );
    }
    let n = collected.members.len();
    let full = collected.members.iter().filter(|m| m.is_full(rep.instrument_version)).count();
    html!(
        r#"<p class="ov-team-count ov-facilitator-only" data-testid="team-count">{}</p>"#,
        locale.fmt(
            "ui.team.count",
            &[
                ("found", &collected.found().to_string()),
                ("n", &n.to_string()),
                ("full", &full.to_string()),
                ("summary", &(n - full).to_string()),
                ("invalid", &collected.invalid.len().to_string()),
                ("duplicates", &collected.duplicates.to_string()),
            ],
        )
    )
}

/// The links that could not be read: each reason with its count, then the first examples.
fn invalid(locale: Locale, collected: &Collected) -> Html {
    if collected.invalid.is_empty() {
        return Html::new();
    }
    let mut reasons: Vec<(LinkError, usize)> = Vec::new();
    for (_, e) in &collected.invalid {
        match reasons.iter_mut().find(|(r, _)| r == e) {
            Some((_, n)) => *n += 1,
            None => reasons.push((*e, 1)),
        }
    }
    let reasons = reasons.iter().map(|(e, n)| {
        html!(
            "<li>{}</li>",
            locale.fmt(
                "ui.team.invalid_reason",
                &[("reason", &present::link_error_text(locale, *e)), ("count", &n.to_string())]
            )
        )
    });
    let examples = collected.invalid.iter().take(MAX_INVALID_EXAMPLES).map(|(text, _)| {
        let short: String = text.chars().take(48).collect();
        html!("<li><code>{}</code></li>", short)
    });
    let body = html!(
        r#"<ul data-testid="team-invalid-reasons">{}</ul><p>{}</p><ul>{}</ul>"#,
        join(reasons, Html::new()),
        locale.t("ui.team.invalid_examples"),
        join(examples, Html::new())
    );
    html!(
        r#"<div class="ov-facilitator-only">{}</div>"#,
        card("ov-invalid-h", "team-invalid", locale.t("ui.team.invalid_title"), body)
    )
}

/// The team barrier point, and how the team score weighs the groups.
fn headline(locale: Locale, rep: &TeamReport) -> Html {
    let (barrier, why) = match rep.barrier {
        Some(d) => (present::dimension_name(locale, d), locale.t(&format!("dim.{}.why_first", d.id()))),
        None => (locale.t("ui.results.no_barrier"), locale.t("ui.results.no_barrier_why")),
    };
    html!(
        r#"<section class="ov-headline" data-testid="team-headline">{}<p class="ov-confidence">{}</p></section>"#,
        stat("ov-stat--wide", locale.t("ui.team.barrier"), "team-barrier", barrier, why),
        locale.t("ui.team.weighting")
    )
}

/// Role groups (shown or hidden, and why), what is withheld, the chart of their averages and
/// the comparisons on the shared questions.
fn groups(locale: Locale, rep: &TeamReport) -> Html {
    let mut roles = Html::new();
    // Every role has a row, shown or not, so the table says nothing about who took part; a
    // hidden group is labelled, never counted.
    for g in &rep.roles {
        let letter = locale.t(&format!("ui.team.letter.{}", g.role.id()));
        roles.push(if g.is_shown() {
            html!(
                r#"<tr><th scope="row">{}</th><td class="ov-num">{}</td><td>{}</td></tr>"#,
                role_name(locale, g.role),
                g.n,
                locale.fmt("ui.team.shown_as", &[("letter", letter)])
            )
        } else {
            html!(
                r#"<tr data-hidden="true"><th scope="row">{}</th><td colspan="2">{}</td></tr>"#,
                role_name(locale, g.role),
                locale.fmt("ui.team.hidden_too_few", &[("k", &rep.threshold.to_string())])
            )
        });
    }
    let withheld = if rep.withheld.is_empty() {
        Html::new()
    } else {
        let names: Vec<&str> = rep.withheld.iter().map(|r| role_name(locale, *r)).collect();
        html!(
            r#"<p class="ov-hint" data-testid="team-withheld">{}</p>"#,
            locale.fmt("ui.team.withheld", &[("roles", &names.join(", ")), ("k", &rep.threshold.to_string())])
        )
    };
    let shown: Vec<_> = rep.shown().collect();
    let rows: Vec<chart::TeamRow> = rep
        .dimensions
        .iter()
        .map(|d| chart::TeamRow {
            label: locale.t(&format!("dim.{}.short", d.dimension.id())).to_string(),
            spread: d.spread.map(|s| (s.q1, s.median, s.q3)),
            roles: shown
                .iter()
                .map(|g| {
                    (locale.t(&format!("ui.team.letter.{}", g.role.id())).to_string(), g.means[d.dimension.index()])
                })
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
    let content = html!(
        r#"<p>{}</p><table class="ov-table" data-testid="team-roles"><thead><tr><th scope="col">{}</th><th scope="col">n</th><th scope="col">{}</th></tr></thead><tbody>{}</tbody></table>{}<figure class="ov-figure" data-testid="team-chart">{}</figure>{}"#,
        locale.t("ui.team.gaps_intro"),
        locale.t("ui.team.role"),
        locale.t("ui.results.status"),
        roles,
        withheld,
        Html::from_svg(svg),
        comparisons(locale, rep)
    );
    card("ov-gaps-h", "team-gaps", locale.t("ui.team.gaps_title"), content)
}

/// One group's figures on the shared questions: "Internal IT: 62 ± 14 (6)".
fn group_value(locale: Locale, s: &aggregate::GroupStat) -> String {
    locale.fmt(
        "ui.team.group_value",
        &[
            ("role", role_name(locale, s.role)),
            ("mean", &one((s.mean * 10.0).round() / 10.0, locale)),
            ("sd", &one(s.sd.round(), locale)),
            ("n", &s.n.to_string()),
        ],
    )
}

/// The largest differences between shown groups on the anchors, each with both groups' spread,
/// called a gap only when the groups' sizes can resolve it.
fn comparisons(locale: Locale, rep: &TeamReport) -> Html {
    if rep.gaps.is_empty() {
        return html!("<p>{}</p>", locale.t("ui.team.no_gaps"));
    }
    let rows = rep.gaps.iter().take(MAX_COMPARISONS).map(|g: &PerceptionGap| {
        let reading = if g.gap { locale.t("ui.team.compare_gap") } else { locale.t("ui.team.compare_noise") };
        html!(
            r#"<tr{}><th scope="row">{}</th><td>{}</td><td>{}<br>{}</td><td class="ov-num">{}</td><td>{}</td></tr>"#,
            if g.gap { html!(r#" class="ov-gap""#) } else { Html::new() },
            present::dimension_name(locale, g.dimension),
            locale.fmt(
                "ui.team.higher_than",
                &[("a", role_name(locale, g.higher.role)), ("b", role_name(locale, g.lower.role))]
            ),
            group_value(locale, &g.higher),
            group_value(locale, &g.lower),
            one((g.size * 10.0).round() / 10.0, locale),
            reading
        )
    });
    html!(
        r#"<table class="ov-table" data-testid="team-gap-table"><caption>{}</caption><thead><tr><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>{}</tbody></table>"#,
        locale.t("ui.team.compare_caption"),
        locale.t("ui.results.dimension"),
        locale.t("ui.team.compare_groups"),
        locale.t("ui.team.compare_values"),
        locale.t("ui.team.compare_difference"),
        locale.t("ui.team.compare_reading"),
        join(rows, Html::new())
    )
}

/// Per dimension: the team score, the people behind it and their middle half, and each shown
/// group's mean.
fn distribution(locale: Locale, rep: &TeamReport) -> Html {
    let shown: Vec<_> = rep.shown().collect();
    let mut head = Html::new();
    for g in &shown {
        head.push(html!(
            r#"<th scope="col">{}</th>"#,
            locale.fmt("ui.team.mean_of", &[("role", role_name(locale, g.role))])
        ));
    }
    let rounded = |v: f64| one((v * 10.0).round() / 10.0, locale);
    let mut body = Html::new();
    for d in &rep.dimensions {
        let score = d.score.map_or("–".into(), rounded);
        let (n, iqr) = match d.spread {
            Some(s) => (s.n.to_string(), format!("{}–{}", one(s.q1, locale), one(s.q3, locale))),
            None => ("0".into(), "–".into()),
        };
        let mut means = Html::new();
        for g in &shown {
            let m = g.means[d.dimension.index()].map_or("–".into(), rounded);
            means.push(html!(r#"<td class="ov-num">{}</td>"#, m));
        }
        body.push(html!(
            r#"<tr><th scope="row">{}</th><td class="ov-num">{}</td><td class="ov-num">{}</td><td class="ov-num">{}</td>{}</tr>"#,
            present::dimension_name(locale, d.dimension),
            score,
            n,
            iqr,
            means
        ));
    }
    let table = html!(
        r#"<table class="ov-table"><thead><tr><th scope="col">{}</th><th scope="col">{}</th><th scope="col">n</th><th scope="col">{}</th>{}</tr></thead><tbody>{}</tbody></table>"#,
        locale.t("ui.results.dimension"),
        locale.t("ui.team.team_score"),
        locale.t("ui.team.iqr"),
        head,
        body
    );
    let table = html!(r#"{}<p class="ov-hint">{}</p>"#, table, locale.t("ui.team.left_out"));
    card("ov-dist-h", "team-distribution", locale.t("ui.team.distribution_title"), table)
}

/// How many of the people asked each question raised its red flag.
fn flags(instrument: &Instrument, locale: Locale, rep: &TeamReport) -> Html {
    let body = if rep.flags.is_empty() {
        html!("<p>{}</p>", locale.t("ui.team.no_flags"))
    } else {
        let mut list = Html::new();
        for f in &rep.flags {
            let id = instrument.red_flags().get(f.rule).map_or("", |r| r.id);
            list.push(html!(
                r#"<li data-flag="{}"><strong>{}</strong> <span class="ov-raised-by">{}</span></li>"#,
                id,
                locale.t(&format!("flag.{id}.text")),
                locale.fmt("ui.team.raised_by_count", &[("count", &f.count.to_string()), ("n", &f.of.to_string())])
            ));
        }
        html!(r#"<ul class="ov-flags">{}</ul>"#, list)
    };
    card("ov-team-flags-h", "team-flags", locale.t("ui.results.flags"), body)
}

/// Internal consistency on the anchors (not carried by team summary links, so absent there).
fn alpha(locale: Locale, rep: &TeamReport) -> Html {
    if rep.alpha.is_empty() {
        return Html::new();
    }
    let mut body = Html::new();
    for a in &rep.alpha {
        let (value, reading) = match a.value {
            Some(v) if v < 0.0 => {
                (locale.t("ui.team.alpha_below_zero").to_string(), locale.t("ui.team.alpha.low").to_string())
            }
            Some(v) => {
                (locale.number(v, 2), locale.t(&format!("ui.team.alpha.{}", aggregate::alpha_reading(v))).to_string())
            }
            None => ("–".to_string(), locale.fmt("ui.team.alpha.needs", &[("k", &a.needs().max(1).to_string())])),
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
        let text = delta.map_or("–".to_string(), |v| {
            let v = (v * 10.0).round() / 10.0;
            format!("{}{}", if v > 0.0 { "+" } else { "" }, one(v, locale))
        });
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
