//! The team view's figures, one function per card: the links read, the team headline, the
//! biggest disagreements, role groups and how they compare on the shared questions, the
//! distribution, the ownership heatmap, red flags, the team's actions, what is withheld for
//! anonymity, internal consistency and the change since an earlier round; then the workshop
//! ([`workshop`](super::workshop)).
//!
//! Every figure is already subject to the anonymity rules in [`aggregate`](crate::aggregate);
//! these functions only present what the aggregate lets through.

use super::html::{html, uint_string, Html};
use super::workshop;
use super::{card_close, card_open, role_name, stat_close, stat_note, stat_open};
use crate::aggregate::{self, whole, Change, Collected, PerceptionGap, TeamReport};
use crate::chart;
use crate::config::TeamSettings;
use crate::i18n::{key, Locale};
use crate::instrument::Instrument;
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
    o: &mut Html,
    instrument: &Instrument,
    locale: Locale,
    collected: &Collected,
    rep: &TeamReport,
    change: Option<&Change>,
    pack: Option<&TeamSettings>,
) {
    o.raw(r#"<div class="ov-team-report" data-testid="team-report">"#);
    count(o, locale, collected, rep);
    invalid(o, locale, collected);
    if rep.suppressed {
        html!(o;
            r#"<p class="ov-card" data-testid="team-suppressed">"#
            {o.fill(locale.t(key::ui::team::SUPPRESSED), &[("k", &rep.threshold)])}
            "</p></div>"
        );
        return;
    }
    headline(o, instrument, locale, rep);
    workshop::disagreements(o, instrument, locale, rep);
    groups(o, locale, rep);
    distribution(o, locale, rep);
    workshop::heatmap(o, instrument, locale, rep);
    flags(o, instrument, locale, rep);
    workshop::team_actions(o, instrument, locale, rep);
    alpha(o, locale, rep);
    if let Some(c) = change {
        change_card(o, instrument, locale, c);
    }
    if let Some(info) = pack {
        workshop::workshop_card(o, instrument, locale, rep);
        super::pack::pack(o, instrument, locale, rep, info);
    }
    o.raw("</div>");
}

/// How many fragments were found and what each became; the three counts add up. This line is
/// the facilitator's own check of what they pasted, so it counts every link, hidden groups'
/// included; it is left out of print and present mode. A team summary link's reader gets the
/// count of the people in shown groups instead.
fn count(o: &mut Html, locale: Locale, collected: &Collected, rep: &TeamReport) {
    // A team summary link carries the results, not the links they came from.
    let counted = |plural, n| present::team::counted(locale, plural, n);
    if collected.found() == 0 {
        let summary = rep.n - rep.n_full.min(rep.n);
        let results = counted(key::ui::team::COMBINED, rep.n);
        html!(o;
            r#"<p class="ov-team-count" data-testid="team-count">"#
            {o.fill(locale.t(key::ui::team::COUNT_SUMMARY), &[("results", &results), ("full", &rep.n_full), ("summary", &summary)])}
            "</p>"
        );
        return;
    }
    let n = collected.members.len();
    let full = collected.members.iter().filter(|m| m.is_full(rep.instrument_version)).count();
    html!(o;
        r#"<p class="ov-team-count ov-facilitator-only" data-testid="team-count">"#
        {o.fill(
            locale.t(key::ui::team::COUNT),
            &[
                ("links", &counted(key::ui::team::LINKS, collected.found())),
                ("results", &counted(key::ui::team::COMBINED, n)),
                ("full", &full),
                ("summary", &(n - full)),
                ("invalid", &collected.invalid.len()),
                ("repeats", &counted(key::ui::team::REPEATS, collected.duplicates)),
            ],
        )}
        "</p>"
    );
}

/// The links that could not be read: each reason with its count, then the first examples.
fn invalid(o: &mut Html, locale: Locale, collected: &Collected) {
    if collected.invalid.is_empty() {
        return;
    }
    let mut reasons: Vec<(LinkError, usize)> = Vec::new();
    for (_, e) in &collected.invalid {
        match reasons.iter_mut().find(|(r, _)| r == e) {
            Some((_, n)) => *n += 1,
            None => reasons.push((*e, 1)),
        }
    }
    o.raw(r#"<div class="ov-facilitator-only">"#);
    card_open(o, "ov-invalid-h", "team-invalid", locale.t(key::ui::team::INVALID_TITLE));
    o.raw(r#"<ul data-testid="team-invalid-reasons">"#);
    for (e, n) in &reasons {
        let reason = present::link_error_text(locale, *e);
        html!(o; "<li>" {o.fill(locale.t(key::ui::team::INVALID_REASON), &[("reason", &reason), ("count", n)])} "</li>");
    }
    html!(o; "</ul><p>" (locale.t(key::ui::team::INVALID_EXAMPLES)) "</p><ul>");
    for (text, _) in collected.invalid.iter().take(MAX_INVALID_EXAMPLES) {
        let short: String = text.chars().take(48).collect();
        html!(o; "<li><code>" (short) "</code></li>");
    }
    o.raw("</ul>");
    card_close(o);
    o.raw("</div>");
}

/// The team barrier point, and how the team score weighs the groups.
fn headline(o: &mut Html, instrument: &Instrument, locale: Locale, rep: &TeamReport) {
    o.raw(r#"<section class="ov-headline" data-testid="team-headline">"#);
    stat_open(o, "ov-stat--wide", locale.t(key::ui::team::BARRIER), "team-barrier");
    match rep.barrier {
        Some(d) => {
            html!(o;
                (present::dimension_name(locale, d)) {stat_note(o)} (present::team::barrier_reason(instrument, locale, rep))
                " " (locale.t(key::dim::WHY_FIRST[d.index()]))
            )
        }
        None => {
            html!(o; (locale.t(key::ui::results::NO_BARRIER)) {stat_note(o)} (locale.t(key::ui::results::NO_BARRIER_WHY)))
        }
    }
    stat_close(o);
    html!(o; r#"<p class="ov-confidence">"# (locale.t(key::ui::team::WEIGHTING)) "</p></section>");
}

/// Role groups (shown or hidden, and why), what is withheld, the chart of their averages and
/// the comparisons on the shared questions.
fn groups(o: &mut Html, locale: Locale, rep: &TeamReport) {
    card_open(o, "ov-gaps-h", "team-gaps", locale.t(key::ui::team::GAPS_TITLE));
    html!(o;
        "<p>" (locale.t(key::ui::team::GAPS_INTRO)) r#"</p><table class="ov-table" data-testid="team-roles"><thead><tr><th scope="col">"#
        (locale.t(key::ui::team::ROLE)) r#"</th><th scope="col">n</th><th scope="col">"# (locale.t(key::ui::results::STATUS))
        "</th></tr></thead><tbody>"
    );
    // Every role has a row, shown or not, so the table says nothing about who took part; a
    // hidden group is labelled, never counted.
    for g in &rep.roles {
        let letter = locale.t(present::role_letter_key(g.role));
        if g.is_shown() {
            html!(o;
                r#"<tr><th scope="row">"# (role_name(locale, g.role)) r#"</th><td class="ov-num">"# (g.n) "</td><td>"
                {o.fill(locale.t(key::ui::team::SHOWN_AS), &[("letter", &letter)])}
                "</td></tr>"
            );
        } else {
            html!(o;
                r#"<tr data-hidden="true"><th scope="row">"# (role_name(locale, g.role)) r#"</th><td colspan="2">"#
                {o.fill(locale.t(key::ui::team::HIDDEN_TOO_FEW), &[("k", &rep.threshold)])}
                "</td></tr>"
            );
        }
    }
    o.raw("</tbody></table>");
    if !rep.withheld.is_empty() {
        let names: Vec<&str> = rep.withheld.iter().map(|r| role_name(locale, *r)).collect();
        html!(o;
            r#"<p class="ov-hint" data-testid="team-withheld">"#
            {o.fill(locale.t(key::ui::team::WITHHELD), &[("roles", &names.join(", ")), ("k", &rep.threshold)])}
            "</p>"
        );
    }
    let shown: Vec<_> = rep.shown().collect();
    let rows: Vec<chart::TeamRow> = rep
        .dimensions
        .iter()
        .map(|d| chart::TeamRow {
            label: locale.t(key::dim::SHORT[d.dimension.index()]).to_string(),
            spread: d.spread.map(|s| (s.q1, s.median, s.q3)),
            roles: shown
                .iter()
                .map(|g| (locale.t(present::role_letter_key(g.role)).to_string(), g.means[d.dimension.index()]))
                .collect(),
        })
        .collect();
    o.raw(r#"<figure class="ov-figure" data-testid="team-chart">"#);
    chart::team(o, locale.t(key::ui::team::CHART_TITLE), locale.t(key::ui::team::CHART_DESC), &rows);
    o.raw("</figure>");
    comparisons(o, locale, rep);
    card_close(o);
}

/// One group's figures on the shared questions: "Internal IT: 62 ± 14 (6)".
fn group_value(o: &mut Html, locale: Locale, s: &aggregate::GroupStat) {
    o.fill(
        locale.t(key::ui::team::GROUP_VALUE),
        &[("role", &role_name(locale, s.role)), ("mean", &whole(s.mean)), ("sd", &whole(s.sd)), ("n", &s.n)],
    );
}

/// The largest differences between shown groups on the anchors, each with both groups' spread,
/// called a gap only when the groups' sizes can resolve it.
fn comparisons(o: &mut Html, locale: Locale, rep: &TeamReport) {
    if rep.gaps.is_empty() {
        html!(o; "<p>" (locale.t(key::ui::team::NO_GAPS)) "</p>");
        return;
    }
    html!(o;
        r#"<div class="ov-scroll" tabindex="0" role="region" aria-labelledby="ov-gaps-cap"><table class="ov-table" data-testid="team-gap-table"><caption id="ov-gaps-cap">"# (locale.t(key::ui::team::COMPARE_CAPTION))
        r#"</caption><thead><tr><th scope="col">"# (locale.t(key::ui::results::DIMENSION)) r#"</th><th scope="col">"#
        (locale.t(key::ui::team::COMPARE_GROUPS)) r#"</th><th scope="col">"# (locale.t(key::ui::team::COMPARE_VALUES))
        r#"</th><th scope="col">"# (locale.t(key::ui::team::COMPARE_DIFFERENCE)) r#"</th><th scope="col">"#
        (locale.t(key::ui::team::COMPARE_READING)) "</th></tr></thead><tbody>"
    );
    for g in rep.gaps.iter().take(MAX_COMPARISONS) {
        let g: &PerceptionGap = g;
        let reading = if g.gap { locale.t(key::ui::team::COMPARE_GAP) } else { locale.t(key::ui::team::COMPARE_NOISE) };
        html!(o;
            "<tr" {if g.gap { o.raw(r#" class="ov-gap""#) }} r#"><th scope="row">"#
            (present::dimension_name(locale, g.dimension)) "</th><td>"
            {o.fill(locale.t(key::ui::team::HIGHER_THAN), &[("a", &role_name(locale, g.higher.role)), ("b", &role_name(locale, g.lower.role))])}
            "</td><td>" {group_value(o, locale, &g.higher)} "<br>" {group_value(o, locale, &g.lower)}
            r#"</td><td class="ov-num">"# (whole(g.size)) "</td><td>" (reading) "</td></tr>"
        );
    }
    o.raw("</tbody></table></div>");
}

/// Per dimension: the team score, the people behind it and their middle half, and each shown
/// group's mean.
fn distribution(o: &mut Html, locale: Locale, rep: &TeamReport) {
    let shown: Vec<_> = rep.shown().collect();
    card_open(o, "ov-dist-h", "team-distribution", locale.t(key::ui::team::DISTRIBUTION_TITLE));
    html!(o;
        r#"<div class="ov-scroll" tabindex="0" role="region" aria-labelledby="ov-dist-cap"><table class="ov-table"><caption id="ov-dist-cap" class="ov-sr-only">"#
        (locale.t(key::ui::team::DIST_CAPTION)) r#"</caption><thead><tr><th scope="col">"# (locale.t(key::ui::results::DIMENSION))
        r#"</th><th scope="col">"# (locale.t(key::ui::team::TEAM_SCORE)) r#"</th><th scope="col">n</th><th scope="col">"#
        (locale.t(key::ui::team::IQR)) "</th>"
    );
    for g in &shown {
        html!(o; r#"<th scope="col">"# {o.fill(locale.t(key::ui::team::MEAN_OF), &[("role", &role_name(locale, g.role))])} "</th>");
    }
    o.raw("</tr></thead><tbody>");
    let rounded = |v: f64| uint_string(whole(v) as u64);
    for d in &rep.dimensions {
        let score = d.score.map_or("–".into(), rounded);
        html!(o;
            r#"<tr><th scope="row">"# (present::dimension_name(locale, d.dimension)) r#"</th><td class="ov-num" data-figure="team-score" data-dimension=""#
            (d.dimension.id()) r#"">"# (score) r#"</td><td class="ov-num">"#
        );
        match d.spread {
            Some(s) => html!(o; (s.n) r#"</td><td class="ov-num">"# (whole(s.q1)) "–" (whole(s.q3))),
            None => o.raw(r#"0</td><td class="ov-num">–"#),
        }
        o.raw("</td>");
        for g in &shown {
            let m = g.means[d.dimension.index()].map_or("–".into(), rounded);
            html!(o; r#"<td class="ov-num">"# (m) "</td>");
        }
        o.raw("</tr>");
    }
    html!(o; r#"</tbody></table></div><p class="ov-hint">"# (locale.t(key::ui::team::LEFT_OUT)) "</p>");
    card_close(o);
}

/// How many of the people asked each question raised its red flag.
fn flags(o: &mut Html, instrument: &Instrument, locale: Locale, rep: &TeamReport) {
    card_open(o, "ov-team-flags-h", "team-flags", locale.t(key::ui::results::FLAGS));
    if rep.flags.is_empty() {
        html!(o; "<p>" (locale.t(key::ui::team::NO_FLAGS)) "</p>");
    } else {
        o.raw(r#"<ul class="ov-flags">"#);
        for f in &rep.flags {
            let Some(rule) = instrument.red_flags().get(f.rule) else { continue };
            html!(o;
                r#"<li data-flag=""# (rule.id) r#""><strong>"# (locale.t(rule.text)) r#"</strong> <span class="ov-raised-by">"#
                {o.fill(locale.t(key::ui::team::RAISED_BY_COUNT), &[("count", &f.count), ("n", &f.of)])}
                "</span></li>"
            );
        }
        o.raw("</ul>");
    }
    card_close(o);
}

/// Internal consistency on the anchors (not carried by team summary links, so absent there).
fn alpha(o: &mut Html, locale: Locale, rep: &TeamReport) {
    if rep.alpha.is_empty() {
        return;
    }
    card_open(o, "ov-alpha-h", "team-alpha", locale.t(key::ui::team::ALPHA_TITLE));
    // Until some area has enough people, a table of dashes says less than one sentence.
    if rep.alpha.iter().all(|a| a.value.is_none()) {
        html!(o; "<p>" {o.fill(locale.t(key::ui::team::ALPHA_NOT_YET), &[("k", &aggregate::ALPHA_MIN_N)])} "</p>");
        card_close(o);
        return;
    }
    html!(o;
        "<p>" (locale.t(key::ui::team::ALPHA_INTRO)) r#"</p><div class="ov-scroll" tabindex="0" role="region" aria-labelledby="ov-alpha-cap"><table class="ov-table"><caption id="ov-alpha-cap" class="ov-sr-only">"#
        (locale.t(key::ui::team::ALPHA_CAPTION)) r#"</caption><thead><tr><th scope="col">"#
        (locale.t(key::ui::results::DIMENSION)) r#"</th><th scope="col">α</th><th scope="col">n</th><th scope="col">"#
        (locale.t(key::ui::team::READING)) "</th></tr></thead><tbody>"
    );
    for a in &rep.alpha {
        html!(o; r#"<tr><th scope="row">"# (present::dimension_name(locale, a.dimension)) r#"</th><td class="ov-num">"#);
        match a.value {
            Some(v) if v < 0.0 => {
                html!(o; (locale.t(key::ui::team::ALPHA_BELOW_ZERO)) r#"</td><td class="ov-num">"# (a.n) "</td><td>" (locale.t(key::ui::team::alpha::READING[2])))
            }
            Some(v) => html!(o;
                (locale.number(v, 2)) r#"</td><td class="ov-num">"# (a.n) "</td><td>"
                (locale.t(key::ui::team::alpha::READING[aggregate::alpha_reading(v)]))
            ),
            None => html!(o;
                r#"–</td><td class="ov-num">"# (a.n) "</td><td>"
                {o.fill(locale.t(key::ui::team::alpha::NEEDS), &[("k", &a.needs().max(1))])}
            ),
        }
        o.raw("</td></tr>");
    }
    o.raw("</tbody></table></div>");
    card_close(o);
}

/// What changed since the baseline round.
fn change_card(o: &mut Html, instrument: &Instrument, locale: Locale, c: &Change) {
    card_open(o, "ov-change-h", "team-change", locale.t(key::ui::team::CHANGE_TITLE));
    html!(o;
        r#"<table class="ov-table"><thead><tr><th scope="col">"# (locale.t(key::ui::results::DIMENSION)) r#"</th><th scope="col">"#
        (locale.t(key::ui::team::CHANGE_MEDIAN)) "</th></tr></thead><tbody>"
    );
    for (d, delta) in &c.deltas {
        let text = delta.map_or("–".to_string(), |v| {
            let v = (v * 10.0).round() / 10.0;
            let v = v.round();
            let sign = if v > 0.0 {
                "+"
            } else if v < 0.0 {
                "−"
            } else {
                ""
            };
            [sign, uint_string(v.abs() as u64).as_str()].concat()
        });
        html!(o; r#"<tr><th scope="row">"# (present::dimension_name(locale, *d)) r#"</th><td class="ov-num">"# (text) "</td></tr>");
    }
    o.raw("</tbody></table><ul>");
    let flag_names = |v: &[usize]| -> String {
        let names: Vec<&str> =
            v.iter().filter_map(|f| instrument.red_flags().get(*f)).map(|r| locale.t(r.text)).collect();
        if names.is_empty() {
            "–".to_string()
        } else {
            names.join(" · ")
        }
    };
    let area_names = |v: &[usize]| -> String {
        let names: Vec<&str> = v.iter().filter_map(|a| instrument.ownership.label(*a)).map(|k| locale.t(k)).collect();
        if names.is_empty() {
            "–".to_string()
        } else {
            names.join(" · ")
        }
    };
    for (key, text) in [
        (key::ui::team::FLAGS_CLOSED, flag_names(&c.flags_closed)),
        (key::ui::team::FLAGS_OPENED, flag_names(&c.flags_opened)),
        (key::ui::team::GAPS_CLOSED, area_names(&c.gaps_closed)),
        (key::ui::team::GAPS_OPENED, area_names(&c.gaps_opened)),
    ] {
        html!(o; "<li><strong>" (locale.t(key)) "</strong> " (text) "</li>");
    }
    o.raw("</ul>");
    card_close(o);
}
