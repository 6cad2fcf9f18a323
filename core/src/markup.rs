//! The markup of the assessment's screens and of the report, as escaped HTML strings.
//!
//! Rendering these mostly static screens here, in pure Rust, rather than as Leptos views keeps
//! the WebAssembly within its size budget (every distinct view tree costs code; a string costs
//! almost none) and lets native tests check the accessible structure: fieldset and legend per
//! question, native radios with labels, headings, table headers. The app inserts the HTML into
//! a host element and handles its events by delegation: inputs are named `q:<answer key>` and
//! buttons carry `data-action`. Every text is escaped; nothing from outside is ever HTML.

use crate::aggregate::{self, Change, Collected, Hidden, TeamReport};
use crate::chart;
use crate::i18n::Locale;
use crate::instrument::{Instrument, ItemKind, Owner, Role};
use crate::present;
use crate::response::{Answer, Response};
use crate::scoring::{Band, Detail, Report};

pub mod app;
pub mod controls;

/// Escapes text for HTML content and attribute values.
pub fn esc(s: &str) -> String {
    chart::escape(s)
}

/// The value a radio input carries for an answer, and back.
pub fn answer_value(answer: Answer) -> String {
    match answer {
        Answer::Likert(v) => format!("l{v}"),
        Answer::DontKnow => "dk".to_string(),
        Answer::Choice(i) => format!("c{i}"),
        Answer::Owner(o) => format!("o{}", o.code()),
    }
}

pub fn parse_answer_value(value: &str) -> Option<Answer> {
    let (kind, rest) = value.split_at_checked(1)?;
    match (kind, rest) {
        ("d", "k") => Some(Answer::DontKnow),
        ("l", v) => v.parse().ok().filter(|v| (1..=5).contains(v)).map(Answer::Likert),
        ("c", v) => v.parse().ok().map(Answer::Choice),
        ("o", v) => v.parse().ok().and_then(Owner::from_code).map(Answer::Owner),
        _ => None,
    }
}

/// The input name of an answer key, and back.
pub const INPUT_PREFIX: &str = "q:";

fn t(locale: Locale, key: &str) -> String {
    esc(locale.t(key))
}

fn title(out: &mut String, level: u8, text: &str) {
    out.push_str(&format!(r#"<h{level} id="ov-title" tabindex="-1">{}</h{level}>"#, esc(text)));
}

fn button(out: &mut String, class: &str, action: &str, extra: &str, text: &str) {
    out.push_str(&format!(
        r#"<button type="button" class="ov-btn {class}" data-action="{action}" data-testid="{action}"{extra}>{}</button>"#,
        esc(text)
    ));
}

fn radio(out: &mut String, class: &str, name: &str, value: &str, checked: bool, label: &str) {
    out.push_str(&format!(
        r#"<label class="{class}"><input type="radio" name="{}" value="{value}"{}><span>{label}</span></label>"#,
        esc(name),
        if checked { " checked" } else { "" },
    ));
}

/// The welcome screen.
pub fn welcome(locale: Locale, resuming: bool) -> String {
    let mut o = String::from(r#"<section class="ov-screen ov-welcome" aria-labelledby="ov-title">"#);
    title(&mut o, 1, locale.t("ui.welcome.title"));
    o.push_str(&format!(
        r#"<p class="ov-lead">{}</p><p>{}</p><div class="ov-promise"><h2>{}</h2><ul><li>{}</li><li>{}</li><li>{}</li></ul></div><div class="ov-nav">"#,
        t(locale, "ui.welcome.lead"),
        t(locale, "ui.welcome.duration"),
        t(locale, "ui.welcome.promise_title"),
        t(locale, "ui.welcome.promise_no_names"),
        t(locale, "ui.welcome.promise_local"),
        t(locale, "ui.welcome.promise_link"),
    ));
    let start = if resuming { "ui.welcome.continue" } else { "ui.welcome.start" };
    button(&mut o, "ov-btn--primary", "start", "", locale.t(start));
    button(&mut o, "ov-btn--quiet", "team", "", locale.t("ui.welcome.team_link"));
    o.push_str("</div></section>");
    o
}

/// The role question, asked first.
/// The error paragraph is empty; the app fills it in place (no re-render, so focus stays put).
pub fn role(locale: Locale, current: Option<Role>) -> String {
    let mut o = String::from(r#"<section class="ov-screen" aria-labelledby="ov-title" data-testid="role-screen">"#);
    title(&mut o, 2, locale.t("ui.role.title"));
    o.push_str(&format!(
        r#"<p>{}</p><fieldset class="ov-q" data-testid="role"><legend class="ov-q__text">{}</legend><div class="ov-choices">"#,
        t(locale, "ui.role.intro"),
        t(locale, "ui.role.legend")
    ));
    for r in Role::ALL {
        let label = format!(
            r#"<strong>{}</strong><span class="ov-opt__hint">{}</span>"#,
            t(locale, &format!("ui.role.{}", r.id())),
            t(locale, &format!("ui.role.{}_hint", r.id()))
        );
        radio(&mut o, "ov-opt", "role", r.id(), current == Some(r), &label);
    }
    o.push_str(r#"</div></fieldset><p class="ov-error" id="ov-role-error" role="alert" tabindex="-1"></p><div class="ov-nav">"#);
    button(&mut o, "", "back", "", locale.t("ui.back"));
    button(&mut o, "ov-btn--primary", "next", "", locale.t("ui.next"));
    o.push_str("</div></section>");
    o
}

fn progress(o: &mut String, locale: Locale, n: usize, m: usize) {
    o.push_str(&format!(
        r#"<div class="ov-progress" data-testid="progress"><p class="ov-progress__text" id="ov-progress-text">{}</p><progress max="{m}" value="{n}" aria-labelledby="ov-progress-text"></progress></div>"#,
        esc(&locale.fmt("ui.progress", &[("n", &n.to_string()), ("m", &m.to_string())]))
    ));
}

/// One section of questions: progress, heading, intro, the items the role is shown, Back/Next.
/// `position` is 1-based among the `total` sections the role sees.
pub fn section(
    instrument: &Instrument,
    locale: Locale,
    role: Role,
    section: usize,
    position: usize,
    total: usize,
    response: &Response,
) -> String {
    let id = instrument.sections.get(section).map_or("", |s| s.id);
    let mut o = format!(r#"<section class="ov-screen" aria-labelledby="ov-title" data-testid="section-{id}">"#);
    progress(&mut o, locale, position, total);
    title(&mut o, 2, locale.t(&format!("section.{id}.title")));
    o.push_str(&format!(
        r#"<p class="ov-intro">{}</p><div class="ov-items">"#,
        t(locale, &format!("section.{id}.intro"))
    ));
    for item in instrument.section_items(section, role) {
        item_markup(&mut o, locale, item.id, &item.kind, response);
    }
    o.push_str(r#"</div><div class="ov-nav">"#);
    button(&mut o, "", "back", "", locale.t("ui.back"));
    button(&mut o, "ov-btn--primary", "next", "", locale.t("ui.next"));
    o.push_str("</div></section>");
    o
}

fn item_markup(o: &mut String, locale: Locale, id: &str, kind: &ItemKind, response: &Response) {
    let current = response.get(id);
    match kind {
        ItemKind::Likert { .. } => {
            o.push_str(&format!(
                r#"<fieldset class="ov-q" id="item-{id}" data-testid="item-{id}"><legend class="ov-q__text">{}</legend><div class="ov-likert">"#,
                t(locale, &format!("item.{id}.text"))
            ));
            let name = format!("{INPUT_PREFIX}{id}");
            for v in 1..=5u8 {
                let a = Answer::Likert(v);
                radio(
                    o,
                    "ov-opt ov-opt--scale",
                    &name,
                    &answer_value(a),
                    current == Some(a),
                    &t(locale, &format!("ui.likert.{v}")),
                );
            }
            radio(
                o,
                "ov-opt ov-opt--scale ov-opt--dk",
                &name,
                "dk",
                current == Some(Answer::DontKnow),
                &t(locale, "ui.dont_know"),
            );
            o.push_str("</div></fieldset>");
        }
        ItemKind::Choice { options, .. } => {
            o.push_str(&format!(
                r#"<fieldset class="ov-q" id="item-{id}" data-testid="item-{id}"><legend class="ov-q__text">{}</legend><div class="ov-choices">"#,
                t(locale, &format!("item.{id}.text"))
            ));
            let name = format!("{INPUT_PREFIX}{id}");
            for (i, opt) in options.iter().enumerate() {
                let a = Answer::Choice(i as u8);
                let class = if *opt == "dk" { "ov-opt ov-opt--dk" } else { "ov-opt" };
                radio(
                    o,
                    class,
                    &name,
                    &answer_value(a),
                    current == Some(a),
                    &t(locale, &format!("item.{id}.opt.{opt}")),
                );
            }
            o.push_str("</div></fieldset>");
        }
        ItemKind::Matrix { areas, .. } => {
            o.push_str(&format!(
                r#"<div class="ov-q ov-matrix" role="group" aria-labelledby="item-{id}-text" id="item-{id}"><p class="ov-q__text" id="item-{id}-text">{}</p><div class="ov-matrix__head" aria-hidden="true"><span></span>"#,
                t(locale, &format!("item.{id}.text"))
            ));
            for owner in Owner::ALL {
                o.push_str(&format!("<span>{}</span>", esc(present::owner_text(locale, owner))));
            }
            o.push_str("</div>");
            for area in *areas {
                let key = format!("{id}.{area}");
                let current = response.get(&key);
                o.push_str(&format!(
                    r#"<fieldset class="ov-matrix__row" id="item-{id}-{area}" data-testid="area-{area}"><legend class="ov-matrix__area">{}</legend>"#,
                    t(locale, &format!("item.{id}.area.{area}"))
                ));
                for owner in Owner::ALL {
                    let a = Answer::Owner(owner);
                    let label =
                        format!(r#"<span class="ov-matrix__label">{}</span>"#, esc(present::owner_text(locale, owner)));
                    // The label span is the radio's accessible name; the legend gives the row.
                    o.push_str(&format!(
                        r#"<label class="ov-matrix__cell"><input type="radio" name="{INPUT_PREFIX}{key}" value="{}"{}>{label}</label>"#,
                        answer_value(a),
                        if current == Some(a) { " checked" } else { "" }
                    ));
                }
                o.push_str("</fieldset>");
            }
            o.push_str("</div>");
        }
    }
}

/// The review screen: what is unanswered, each a button that jumps to it.
pub fn review(instrument: &Instrument, locale: Locale, response: &Response, total: usize) -> String {
    let mut o = String::from(r#"<section class="ov-screen" aria-labelledby="ov-title" data-testid="review">"#);
    progress(&mut o, locale, total, total);
    title(&mut o, 2, locale.t("ui.review.title"));
    let missing = response.unanswered(instrument);
    if missing.is_empty() {
        o.push_str(&format!(r#"<p data-testid="review-complete">{}</p>"#, t(locale, "ui.review.complete")));
    } else {
        o.push_str(&format!(
            r#"<p data-testid="review-unanswered">{}</p><ul class="ov-unanswered">"#,
            esc(&locale.plural("ui.review.unanswered", missing.len() as u32, &[]))
        ));
        for key in &missing {
            let id = key.split('.').next().unwrap_or(key);
            let section = instrument.item(id).map_or(0, |i| i.section);
            let target = key.replace('.', "-");
            o.push_str(&format!(
                r#"<li><button type="button" class="ov-link" data-action="jump" data-section="{section}" data-target="item-{}">{}</button></li>"#,
                esc(&target),
                esc(&present::question_text(locale, key))
            ));
        }
        o.push_str("</ul>");
    }
    o.push_str(r#"<div class="ov-nav">"#);
    button(&mut o, "", "back", "", locale.t("ui.back"));
    button(&mut o, "ov-btn--primary", "results", "", locale.t("ui.review.see_results"));
    o.push_str("</div></section>");
    o
}

/// Options for the report.
pub struct ReportOptions<'a> {
    /// A shared result: read-only banner and title.
    pub shared: bool,
    /// The date printed in the footer, already formatted for the locale.
    pub date: &'a str,
}

/// The results report: headline, actions, profile charts with tables, red flags, ownership
/// map, phase. The same markup is what prints.
pub fn report(instrument: &Instrument, locale: Locale, report: &Report, opts: &ReportOptions) -> String {
    let mut o = String::from(r#"<div class="ov-report" data-testid="report">"#);
    if opts.shared {
        o.push_str(&format!(
            r#"<p class="ov-banner" data-testid="shared-banner">{}</p>"#,
            t(locale, "ui.shared.banner")
        ));
    }
    title(&mut o, 1, locale.t(if opts.shared { "ui.shared.title" } else { "ui.results.title" }));
    if let Some(role) = report.role {
        o.push_str(&format!(
            r#"<p class="ov-role-line">{}</p>"#,
            esc(&locale.fmt("ui.results.role_line", &[("role", locale.t(&format!("ui.role.{}", role.id())))]))
        ));
    }
    headline(&mut o, locale, report);
    actions(&mut o, instrument, locale, report);
    profile(&mut o, locale, report);
    flags(&mut o, instrument, locale, report);
    ownership(&mut o, instrument, locale, report);
    phase(&mut o, locale, report);
    o.push_str(&format!(
        r#"<footer class="ov-print-footer">{}</footer></div>"#,
        esc(&locale
            .fmt("ui.results.footer", &[("date", opts.date), ("version", &report.instrument_version.to_string())]))
    ));
    o
}

fn band_text(locale: Locale, score: Option<u8>) -> String {
    match score {
        Some(v) => format!("{v}/100 · {}", locale.t(&format!("ui.band.{}", Band::of(v).id()))),
        None => locale.t("ui.band.none").to_string(),
    }
}

fn stat(o: &mut String, class: &str, label: &str, testid: &str, value: &str, note: &str) {
    o.push_str(&format!(
        r#"<div class="ov-stat {class}"><h2 class="ov-stat__label">{}</h2><p class="ov-stat__value" data-testid="{testid}">{}</p>{}</div>"#,
        esc(label),
        esc(value),
        if note.is_empty() { String::new() } else { format!("<p>{}</p>", esc(note)) }
    ));
}

fn headline(o: &mut String, locale: Locale, r: &Report) {
    o.push_str(r#"<section class="ov-headline" data-testid="headline" aria-label=""#);
    o.push_str(&t(locale, "ui.results.headline"));
    o.push_str(r#"">"#);
    stat(o, "", locale.t("ui.results.readiness"), "readiness", &band_text(locale, r.readiness), "");
    let risk = r.risk.map_or_else(|| locale.t("ui.band.none"), |k| locale.t(&format!("ui.risk.{}", k.id())));
    stat(o, "", locale.t("ui.results.risk"), "risk", risk, "");
    let (barrier, why) = match r.barrier {
        Some(d) => (present::dimension_name(locale, d), locale.t(&format!("dim.{}.why_first", d.id()))),
        None => (locale.t("ui.results.no_barrier"), locale.t("ui.results.no_barrier_why")),
    };
    stat(o, "ov-stat--wide", locale.t("ui.results.barrier"), "barrier", barrier, why);
    let c = r.confidence;
    o.push_str(&format!(
        r#"<p class="ov-confidence" data-testid="confidence">{}</p></section>"#,
        esc(&locale.fmt(
            "ui.results.confidence",
            &[
                ("answered", &c.answered.to_string()),
                ("shown", &c.shown.to_string()),
                ("dont_know", &c.dont_know.to_string()),
                ("level", locale.t(&format!("ui.confidence.{}", c.level().id()))),
            ],
        ))
    ));
}

/// Opens a card section with its heading; `testid` may be empty (no test id).
fn card_start(o: &mut String, id: &str, testid: &str, heading: &str) {
    let testid = if testid.is_empty() { String::new() } else { format!(r#" data-testid="{testid}""#) };
    o.push_str(&format!(
        r#"<section class="ov-card" aria-labelledby="{id}"{testid}><h2 id="{id}">{}</h2>"#,
        esc(heading)
    ));
}

fn actions(o: &mut String, instrument: &Instrument, locale: Locale, r: &Report) {
    card_start(o, "ov-actions-h", "actions", locale.t("ui.results.actions"));
    o.push_str(r#"<ol class="ov-actions">"#);
    for a in &r.actions {
        o.push_str(&format!(
            r#"<li class="ov-action"><h3>{}</h3><p>{}</p><p class="ov-action__why"><strong>{}</strong> {}</p><p class="ov-action__done"><strong>{}</strong> {}</p></li>"#,
            t(locale, &format!("action.{}.title", a.id)),
            t(locale, &format!("action.{}.detail", a.id)),
            t(locale, "ui.action.why"),
            esc(&present::trigger_text(instrument, locale, r, a.trigger)),
            t(locale, "ui.action.done"),
            t(locale, &format!("action.{}.done", a.id)),
        ));
    }
    o.push_str("</ol></section>");
}

fn profile(o: &mut String, locale: Locale, r: &Report) {
    let rows = present::profile_rows(r, locale);
    card_start(o, "ov-profile-h", "profile", locale.t("ui.results.profile"));
    o.push_str(r#"<div class="ov-charts">"#);
    if rows.iter().filter(|x| x.score.is_some()).count() >= 3 {
        let svg = chart::to_svg(
            chart::RADAR_SIZE,
            "ov-radar",
            locale.t("ui.results.radar_title"),
            locale.t("ui.results.radar_desc"),
            |a| chart::draw_radar(a, &rows),
        );
        o.push_str(&format!(r#"<figure class="ov-figure ov-figure--radar" data-testid="radar">{svg}</figure>"#));
    }
    let svg = chart::to_svg(
        (chart::BARS_WIDTH, chart::bars_height(rows.len())),
        "ov-bars",
        locale.t("ui.results.bars_title"),
        locale.t("ui.results.bars_desc"),
        |a| chart::draw_bars(a, &rows),
    );
    o.push_str(&format!(r#"<figure class="ov-figure" data-testid="bars">{svg}</figure></div>"#));
    o.push_str(&format!(
        r#"<details class="ov-details" open><summary>{}</summary><table class="ov-table" data-testid="profile-table"><caption class="ov-sr-only">{}</caption><thead><tr><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>"#,
        t(locale, "ui.results.table_toggle"),
        t(locale, "ui.results.bars_title"),
        t(locale, "ui.results.dimension"),
        t(locale, "ui.results.score"),
        t(locale, "ui.results.band"),
    ));
    for row in &rows {
        o.push_str(&format!(
            r#"<tr><th scope="row">{}</th><td class="ov-num">{}</td><td>{}</td></tr>"#,
            esc(&row.label),
            esc(&row.value_text()),
            esc(&row.band_label)
        ));
    }
    o.push_str("</tbody></table></details></section>");
}

fn flags(o: &mut String, instrument: &Instrument, locale: Locale, r: &Report) {
    if r.detail == Detail::Summary {
        o.push_str(&format!(
            r#"<p class="ov-card" data-testid="summary-note">{}</p>"#,
            t(locale, "ui.results.summary_only")
        ));
        return;
    }
    card_start(o, "ov-flags-h", "red-flags", locale.t("ui.results.flags"));
    if r.red_flags.is_empty() {
        o.push_str(&format!("<p>{}</p>", t(locale, "ui.results.no_flags")));
    } else {
        o.push_str(r#"<ul class="ov-flags">"#);
        for f in &r.red_flags {
            let q = present::question_text(locale, &f.key);
            let a = present::answer_text(instrument, locale, &f.key, f.answer);
            o.push_str(&format!(
                r#"<li><strong>{}</strong><span class="ov-raised-by">{}</span></li>"#,
                t(locale, &format!("flag.{}.text", f.id)),
                esc(&locale.fmt("ui.results.raised_by", &[("question", &q), ("answer", &a)]))
            ));
        }
        o.push_str("</ul>");
    }
    o.push_str("</section>");
}

fn ownership(o: &mut String, instrument: &Instrument, locale: Locale, r: &Report) {
    if r.detail == Detail::Summary || r.ownership.is_empty() {
        return;
    }
    let matrix = instrument.matrix();
    let ItemKind::Matrix { areas, .. } = matrix.kind else { return };
    card_start(o, "ov-own-h", "ownership-map", locale.t("ui.results.ownership"));
    o.push_str(&format!(
        r#"<p>{}</p><table class="ov-table"><thead><tr><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>"#,
        t(locale, "ui.results.ownership_intro"),
        t(locale, "ui.results.area"),
        t(locale, "ui.results.owner"),
        t(locale, "ui.results.status"),
    ));
    for (a, owner) in &r.ownership {
        let gap = owner.is_none_or(|o| o.is_gap());
        let answer = owner.map_or(locale.t("ui.results.unanswered"), |o| present::owner_text(locale, o));
        o.push_str(&format!(
            r#"<tr{}><th scope="row">{}</th><td>{}</td><td>{}</td></tr>"#,
            if gap { r#" class="ov-gap""# } else { "" },
            t(locale, &format!("item.{}.area.{}", matrix.id, areas.get(*a).unwrap_or(&""))),
            esc(answer),
            if gap {
                format!(r#"<span class="ov-tag ov-tag--gap">{}</span>"#, t(locale, "ui.results.gap"))
            } else {
                String::new()
            }
        ));
    }
    o.push_str("</tbody></table></section>");
}

fn phase(o: &mut String, locale: Locale, r: &Report) {
    let reading = present::phase_reading(r, locale);
    let svg = chart::to_svg(
        (chart::PHASE_WIDTH, chart::PHASE_HEIGHT),
        "ov-phase",
        locale.t("ui.results.phase_title"),
        &reading,
        |a| chart::draw_phase(a, &present::phase_segments(locale), r.phase, locale.t("ui.results.you_are_here")),
    );
    let p = r.phase.id();
    card_start(o, "ov-phase-h", "phase", locale.t("ui.results.phase_title"));
    o.push_str(&format!(
        r#"<figure class="ov-figure ov-figure--phase" data-testid="phase-chart">{svg}</figure><p><strong>{}</strong> · {}. {}</p><p data-testid="phase-reading">{}</p></section>"#,
        t(locale, &format!("phase.{p}.name")),
        t(locale, &format!("phase.{p}.span")),
        t(locale, &format!("phase.{p}.normal")),
        esc(&reading)
    ));
}

fn one(v: f64, locale: Locale) -> String {
    locale.number(v, if v.fract() == 0.0 { 0 } else { 1 })
}

fn role_name(locale: Locale, role: Role) -> &'static str {
    locale.t(&format!("ui.role.{}", role.id()))
}

/// The team view's figures, from [`aggregate::aggregate`]. Every figure is already subject to
/// the anonymity rules; this only presents what the aggregate lets through.
pub fn team(
    instrument: &Instrument,
    locale: Locale,
    collected: &Collected,
    rep: &TeamReport,
    change: Option<&Change>,
) -> String {
    let mut o = String::from(r#"<div class="ov-team-report" data-testid="team-report">"#);
    let full = rep.n_full;
    o.push_str(&format!(
        r#"<p class="ov-team-count" data-testid="team-count">{}</p>"#,
        esc(&locale.fmt(
            "ui.team.count",
            &[
                ("n", &rep.n.to_string()),
                ("full", &full.to_string()),
                ("summary", &(rep.n - full).to_string()),
                ("invalid", &collected.invalid.len().to_string()),
                ("duplicates", &collected.duplicates.to_string()),
            ],
        ))
    ));
    if !collected.invalid.is_empty() {
        card_start(&mut o, "ov-invalid-h", "team-invalid", locale.t("ui.team.invalid_title"));
        o.push_str("<ul>");
        for (text, e) in &collected.invalid {
            let short: String = text.chars().take(48).collect();
            o.push_str(&format!(
                r#"<li><code>{}</code> · {}</li>"#,
                esc(&short),
                esc(&present::link_error_text(locale, *e))
            ));
        }
        o.push_str("</ul></section>");
    }
    if rep.suppressed {
        o.push_str(&format!(
            r#"<p class="ov-card" data-testid="team-suppressed">{}</p></div>"#,
            esc(&locale.fmt("ui.team.suppressed", &[("k", &rep.threshold.to_string())]))
        ));
        return o;
    }
    // Headline: the team barrier point.
    let (barrier, why) = match rep.barrier {
        Some(d) => (present::dimension_name(locale, d), locale.t(&format!("dim.{}.why_first", d.id()))),
        None => (locale.t("ui.results.no_barrier"), locale.t("ui.results.no_barrier_why")),
    };
    o.push_str(r#"<section class="ov-headline" data-testid="team-headline">"#);
    stat(&mut o, "ov-stat--wide", locale.t("ui.team.barrier"), "team-barrier", barrier, why);
    o.push_str("</section>");

    // Roles and the perception-gap chart.
    let shown: Vec<&aggregate::RoleGroup> = rep.roles.iter().filter(|g| g.is_shown()).collect();
    card_start(&mut o, "ov-gaps-h", "team-gaps", locale.t("ui.team.gaps_title"));
    o.push_str(&format!("<p>{}</p>", t(locale, "ui.team.gaps_intro")));
    o.push_str(&format!(
        r#"<table class="ov-table" data-testid="team-roles"><thead><tr><th scope="col">{}</th><th scope="col">n</th><th scope="col">{}</th></tr></thead><tbody>"#,
        t(locale, "ui.team.role"),
        t(locale, "ui.results.status")
    ));
    for g in rep.roles.iter().filter(|g| g.n > 0) {
        let status = match g.hidden {
            None => locale.fmt("ui.team.shown_as", &[("letter", locale.t(&format!("ui.team.letter.{}", g.role.id())))]),
            Some(Hidden::TooFew) => locale.fmt("ui.team.hidden_too_few", &[("k", &rep.threshold.to_string())]),
            Some(Hidden::Complementary) => locale.t("ui.team.hidden_complementary").to_string(),
        };
        o.push_str(&format!(
            r#"<tr{}><th scope="row">{}</th><td class="ov-num">{}</td><td>{}</td></tr>"#,
            if g.hidden.is_some() { r#" data-hidden="true""# } else { "" },
            esc(role_name(locale, g.role)),
            g.n,
            esc(&status)
        ));
    }
    o.push_str("</tbody></table>");
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
    o.push_str(&format!(r#"<figure class="ov-figure" data-testid="team-chart">{svg}</figure>"#));
    if rep.gaps.is_empty() {
        o.push_str(&format!("<p>{}</p>", t(locale, "ui.team.no_gaps")));
    } else {
        o.push_str(&format!(
            r#"<table class="ov-table" data-testid="team-gap-table"><caption>{}</caption><thead><tr><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>"#,
            t(locale, "ui.team.gap_caption"),
            t(locale, "ui.results.dimension"),
            t(locale, "ui.team.between"),
            t(locale, "ui.team.gap_size"),
        ));
        for g in rep.gaps.iter().take(8) {
            o.push_str(&format!(
                r#"<tr><th scope="row">{}</th><td>{}</td><td class="ov-num">{}</td></tr>"#,
                esc(present::dimension_name(locale, g.dimension)),
                esc(&locale.fmt(
                    "ui.team.higher_than",
                    &[("a", role_name(locale, g.higher)), ("b", role_name(locale, g.lower))]
                )),
                esc(&one(g.size, locale))
            ));
        }
        o.push_str("</tbody></table>");
    }
    o.push_str("</section>");

    // Distribution per dimension.
    card_start(&mut o, "ov-dist-h", "team-distribution", locale.t("ui.team.distribution_title"));
    o.push_str(&format!(
        r#"<table class="ov-table"><thead><tr><th scope="col">{}</th><th scope="col">n</th><th scope="col">{}</th><th scope="col">{}</th>"#,
        t(locale, "ui.results.dimension"),
        t(locale, "ui.team.median"),
        t(locale, "ui.team.iqr"),
    ));
    for g in &shown {
        o.push_str(&format!(
            r#"<th scope="col">{}</th>"#,
            esc(&locale.fmt("ui.team.mean_of", &[("role", role_name(locale, g.role))]))
        ));
    }
    o.push_str("</tr></thead><tbody>");
    for (d, s) in &rep.dimensions {
        let (n, med, iqr) = match s {
            Some(s) => (s.n.to_string(), one(s.median, locale), format!("{}–{}", one(s.q1, locale), one(s.q3, locale))),
            None => ("0".into(), "–".into(), "–".into()),
        };
        o.push_str(&format!(
            r#"<tr><th scope="row">{}</th><td class="ov-num">{n}</td><td class="ov-num">{med}</td><td class="ov-num">{iqr}</td>"#,
            esc(present::dimension_name(locale, *d))
        ));
        for g in &shown {
            o.push_str(&format!(
                r#"<td class="ov-num">{}</td>"#,
                g.means[d.index()].map_or("–".into(), |m| one((m * 10.0).round() / 10.0, locale))
            ));
        }
        o.push_str("</tr>");
    }
    o.push_str("</tbody></table></section>");

    // Ownership disagreement map.
    if let ItemKind::Matrix { areas, .. } = instrument.matrix().kind {
        card_start(&mut o, "ov-team-own-h", "team-ownership", locale.t("ui.team.ownership_title"));
        o.push_str(&format!(
            r#"<p>{}</p><table class="ov-table"><thead><tr><th scope="col">{}</th>"#,
            esc(&locale.fmt("ui.team.ownership_intro", &[("n", &full.to_string())])),
            t(locale, "ui.results.area")
        ));
        let role_cols: Vec<Role> =
            rep.ownership.first().map(|r| r.by_role.iter().map(|(r, _)| *r).collect()).unwrap_or_default();
        for r in &role_cols {
            o.push_str(&format!(r#"<th scope="col">{}</th>"#, esc(role_name(locale, *r))));
        }
        o.push_str(&format!(r#"<th scope="col">{}</th></tr></thead><tbody>"#, t(locale, "ui.results.status")));
        for row in &rep.ownership {
            let cell = |c: &[usize; 6]| {
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
            o.push_str(&format!(
                r#"<tr{}><th scope="row">{}</th>"#,
                if row.gap || row.disagreement { r#" class="ov-gap""# } else { "" },
                t(locale, &format!("item.{}.area.{}", instrument.matrix().id, areas.get(row.area).unwrap_or(&"")))
            ));
            for (_, c) in &row.by_role {
                o.push_str(&format!("<td>{}</td>", esc(&cell(c))));
            }
            o.push_str(&format!(
                "<td>{}</td></tr>",
                status
                    .iter()
                    .map(|s| format!(r#"<span class="ov-tag ov-tag--gap">{}</span>"#, esc(s)))
                    .collect::<Vec<_>>()
                    .join(" ")
            ));
        }
        o.push_str("</tbody></table></section>");
    }

    // Red-flag prevalence.
    card_start(&mut o, "ov-team-flags-h", "team-flags", locale.t("ui.results.flags"));
    if rep.flags.is_empty() {
        o.push_str(&format!("<p>{}</p>", t(locale, "ui.team.no_flags")));
    } else {
        o.push_str(r#"<ul class="ov-flags">"#);
        for (f, count) in &rep.flags {
            let id = instrument.red_flags.get(*f).map_or("", |r| r.id);
            o.push_str(&format!(
                "<li><strong>{}</strong> <span class=\"ov-raised-by\">{}</span></li>",
                t(locale, &format!("flag.{id}.text")),
                esc(&locale.fmt("ui.team.raised_by_count", &[("count", &count.to_string()), ("n", &full.to_string())]))
            ));
        }
        o.push_str("</ul>");
    }
    o.push_str("</section>");

    // Internal consistency (not carried by team summary links, so absent there).
    if !rep.alpha.is_empty() {
        card_start(&mut o, "ov-alpha-h", "team-alpha", locale.t("ui.team.alpha_title"));
        o.push_str(&format!(
            r#"<p>{}</p><table class="ov-table"><thead><tr><th scope="col">{}</th><th scope="col">α</th><th scope="col">n</th><th scope="col">{}</th></tr></thead><tbody>"#,
            t(locale, "ui.team.alpha_intro"),
            t(locale, "ui.results.dimension"),
            t(locale, "ui.team.reading"),
        ));
        for a in &rep.alpha {
            let (value, reading) = match a.value {
                Some(v) => (
                    locale.number(v, 2),
                    locale.t(&format!("ui.team.alpha.{}", aggregate::alpha_reading(v))).to_string(),
                ),
                None => {
                    ("–".to_string(), locale.fmt("ui.team.alpha.needs", &[("k", &aggregate::ALPHA_MIN_N.to_string())]))
                }
            };
            o.push_str(&format!(
                r#"<tr><th scope="row">{}</th><td class="ov-num">{value}</td><td class="ov-num">{}</td><td>{}</td></tr>"#,
                esc(present::dimension_name(locale, a.dimension)),
                a.n,
                esc(&reading)
            ));
        }
        o.push_str("</tbody></table></section>");
    }

    if let Some(c) = change {
        card_start(&mut o, "ov-change-h", "team-change", locale.t("ui.team.change_title"));
        o.push_str(&format!(
            r#"<table class="ov-table"><thead><tr><th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>"#,
            t(locale, "ui.results.dimension"),
            t(locale, "ui.team.change_median")
        ));
        for (d, delta) in &c.deltas {
            let text =
                delta.map_or("–".to_string(), |v| format!("{}{}", if v > 0.0 { "+" } else { "" }, one(v, locale)));
            o.push_str(&format!(
                r#"<tr><th scope="row">{}</th><td class="ov-num">{}</td></tr>"#,
                esc(present::dimension_name(locale, *d)),
                esc(&text)
            ));
        }
        o.push_str("</tbody></table><ul>");
        let flag_names = |v: &[usize]| -> String {
            let names: Vec<&str> = v
                .iter()
                .filter_map(|f| instrument.red_flags.get(*f))
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
                ItemKind::Matrix { areas, .. } => v
                    .iter()
                    .filter_map(|a| areas.get(*a))
                    .map(|a| locale.t(&format!("item.{}.area.{a}", m.id)))
                    .collect(),
                _ => Vec::new(),
            };
            if names.is_empty() {
                "–".to_string()
            } else {
                names.join(" · ")
            }
        };
        for (key, text) in [
            ("ui.team.flags_closed", flag_names(&c.flags_closed)),
            ("ui.team.flags_opened", flag_names(&c.flags_opened)),
            ("ui.team.gaps_closed", area_names(&c.gaps_closed)),
            ("ui.team.gaps_opened", area_names(&c.gaps_opened)),
        ] {
            o.push_str(&format!("<li><strong>{}</strong> {}</li>", t(locale, key), esc(&text)));
        }
        o.push_str("</ul></section>");
    }
    o.push_str("</div>");
    o
}

/// The team view as CSV: one row per dimension with n, median, quartiles and shown role means.
pub fn team_csv(locale: Locale, t: &TeamReport) -> String {
    let shown: Vec<&aggregate::RoleGroup> = t.roles.iter().filter(|g| g.is_shown()).collect();
    let mut out = String::from("dimension,name,n,median,q1,q3");
    for g in &shown {
        out.push_str(&format!(",mean_{}", g.role.id()));
    }
    out.push('\n');
    for (d, s) in &t.dimensions {
        let f = |v: Option<f64>| v.map_or(String::new(), |v| format!("{v:.1}"));
        out.push_str(&format!(
            "{},{},{},{},{},{}",
            d.id(),
            crate::export::csv_cell(present::dimension_name(locale, *d)),
            s.map_or(0, |s| s.n),
            f(s.map(|s| s.median)),
            f(s.map(|s| s.q1)),
            f(s.map(|s| s.q3))
        ));
        for g in &shown {
            out.push_str(&format!(",{}", f(g.means[d.index()])));
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests;
