//! The markup of the assessment's screens and of the report, as escaped HTML.
//!
//! Rendering these mostly static screens here, in pure Rust, rather than as Leptos views keeps
//! the WebAssembly within its size budget (every distinct view tree costs code; a string costs
//! almost none) and lets native tests check the accessible structure: fieldset and legend per
//! question, native radios with labels, one `h1` per screen, table headers. The app inserts the
//! HTML into a host element and handles its events by delegation: inputs are named
//! `q:<answer key>` and buttons carry a [`ui::Action`]. Markup is built with the
//! [`html!`](html::html) macro, which escapes every text by type (see [`html`]).

use crate::chart;
use crate::i18n::Locale;
use crate::instrument::{Dimension, Instrument, ItemKind, Owner, Role};
use crate::present;
use crate::response::{Answer, Response};
use crate::scoring::{Band, Detail, Report};
use crate::ui::{ids, names, Action};

pub mod app;
pub mod controls;
pub mod html;
#[cfg(feature = "results")]
pub mod team;
#[cfg(feature = "results")]
pub mod workshop;

use html::html;
pub use html::Html;

/// The value a radio input carries for an answer, and back.
pub fn answer_value(answer: Answer) -> String {
    match answer {
        Answer::Likert(v) => format!("l{v}"),
        Answer::DontKnow => "dk".to_string(),
        Answer::NotApplicable => "na".to_string(),
        Answer::Choice(i) => format!("c{i}"),
        Answer::Owner(o) => format!("o{}", o.code()),
    }
}

pub fn parse_answer_value(value: &str) -> Option<Answer> {
    let (kind, rest) = value.split_at_checked(1)?;
    match (kind, rest) {
        ("d", "k") => Some(Answer::DontKnow),
        ("n", "a") => Some(Answer::NotApplicable),
        ("l", v) => v.parse().ok().filter(|v| (1..=5).contains(v)).map(Answer::Likert),
        ("c", v) => v.parse().ok().map(Answer::Choice),
        ("o", v) => v.parse().ok().and_then(Owner::from_code).map(Answer::Owner),
        _ => None,
    }
}

/// The input name of an answer key, and back.
pub const INPUT_PREFIX: &str = names::ANSWER_PREFIX;

/// A screen's one `h1`, which takes focus after navigation.
fn title(text: &str) -> Html {
    html!(r#"<h1 id="{}" tabindex="-1">{}</h1>"#, ids::TITLE, text)
}

/// A button carrying an action; `class` is a modifier such as `ov-btn--primary`, or empty.
fn button(class: &str, action: Action, label: &str) -> Html {
    html!(
        r#"<button type="button" class="ov-btn {}" data-action="{}" data-testid="{}">{}</button>"#,
        class,
        action,
        action,
        label
    )
}

/// A radio input inside its label; `label` is markup built by the caller.
fn radio(class: &str, name: &str, value: &str, checked: bool, label: Html) -> Html {
    html!(
        r#"<label class="{}"><input type="radio" name="{}" value="{}"{}><span>{}</span></label>"#,
        class,
        name,
        value,
        checked_attr(checked),
        label
    )
}

fn checked_attr(checked: bool) -> Html {
    if checked {
        html!(" checked")
    } else {
        Html::new()
    }
}

/// A card: a section with its `h2`, labelled by it. `testid` may be empty.
fn card(heading_id: &str, testid: &str, heading: &str, body: Html) -> Html {
    html!(
        r#"<section class="ov-card" aria-labelledby="{}"{}><h2 id="{}">{}</h2>{}</section>"#,
        heading_id,
        testid_attr(testid),
        heading_id,
        heading,
        body
    )
}

fn testid_attr(testid: &str) -> Html {
    if testid.is_empty() {
        Html::new()
    } else {
        html!(r#" data-testid="{}""#, testid)
    }
}

/// The welcome screen. `threshold` is the deployment's team threshold, which the promise names.
pub fn welcome(locale: Locale, resuming: bool, threshold: usize) -> Html {
    let start = if resuming { "ui.welcome.continue" } else { "ui.welcome.start" };
    html!(
        r#"<section class="ov-screen ov-welcome" aria-labelledby="{}">{}<p class="ov-lead">{}</p><p>{}</p><div class="ov-promise"><h2>{}</h2><ul><li>{}</li><li>{}</li><li>{}</li><li>{}</li></ul></div><div class="ov-nav">{}{}</div></section>"#,
        ids::TITLE,
        title(locale.t("ui.welcome.title")),
        locale.t("ui.welcome.lead"),
        locale.t("ui.welcome.duration"),
        locale.t("ui.welcome.promise_title"),
        locale.t("ui.welcome.promise_no_names"),
        locale.t("ui.welcome.promise_local"),
        locale.t("ui.welcome.promise_link"),
        locale.fmt("ui.welcome.promise_groups", &[("k", &threshold.to_string())]),
        button("ov-btn--primary", Action::Start, locale.t(start)),
        button("ov-btn--quiet", Action::Team, locale.t("ui.welcome.team_link")),
    )
}

/// The role question, asked first.
/// The error paragraph is empty; the app fills it in place (no re-render, so focus stays put).
pub fn role(locale: Locale, current: Option<Role>) -> Html {
    let mut choices = Html::new();
    for r in Role::ALL {
        let label = html!(
            r#"<strong>{}</strong><span class="ov-opt__hint">{}</span>"#,
            locale.t(&format!("ui.role.{}", r.id())),
            locale.t(&format!("ui.role.{}_hint", r.id()))
        );
        choices.push(radio("ov-opt", names::ROLE_INPUT, r.id(), current == Some(r), label));
    }
    html!(
        r#"<section class="ov-screen" aria-labelledby="{}" data-testid="role-screen">{}<p>{}</p><fieldset class="ov-q" data-testid="role"><legend class="ov-q__text">{}</legend><div class="ov-choices">{}</div></fieldset><p class="ov-error" id="{}" role="alert" tabindex="-1"></p><div class="ov-nav">{}{}</div></section>"#,
        ids::TITLE,
        title(locale.t("ui.role.title")),
        locale.t("ui.role.intro"),
        locale.t("ui.role.legend"),
        choices,
        ids::ROLE_ERROR,
        button("", Action::Back, locale.t("ui.back")),
        button("ov-btn--primary", Action::Next, locale.t("ui.next")),
    )
}

fn progress(locale: Locale, n: usize, m: usize) -> Html {
    html!(
        r#"<div class="ov-progress" data-testid="progress"><p class="ov-progress__text" id="ov-progress-text">{}</p><progress max="{}" value="{}" aria-labelledby="ov-progress-text"></progress></div>"#,
        locale.fmt("ui.progress", &[("n", &n.to_string()), ("m", &m.to_string())]),
        m,
        n
    )
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
) -> Html {
    let id = instrument.sections.get(section).map_or("", |s| s.id);
    let mut items = Html::new();
    for item in instrument.section_items(section, role) {
        items.push(item_markup(locale, item, response));
    }
    html!(
        r#"<section class="ov-screen" aria-labelledby="{}" data-testid="section-{}">{}{}<p class="ov-intro">{}</p><div class="ov-items">{}</div><div class="ov-nav">{}{}</div></section>"#,
        ids::TITLE,
        id,
        progress(locale, position, total),
        title(locale.t(&format!("section.{id}.title"))),
        locale.t(&format!("section.{id}.intro")),
        items,
        button("", Action::Back, locale.t("ui.back")),
        button("ov-btn--primary", Action::Next, locale.t("ui.next")),
    )
}

fn item_markup(locale: Locale, item: &crate::instrument::Item, response: &Response) -> Html {
    let id = item.id;
    let current = response.get(id);
    let name = format!("{INPUT_PREFIX}{id}");
    let text = locale.t(&format!("item.{id}.text"));
    match &item.kind {
        ItemKind::Likert { .. } => {
            let mut scale = Html::new();
            for v in 1..=5u8 {
                let a = Answer::Likert(v);
                let label = Html::text(locale.t(&format!("ui.likert.{v}")));
                scale.push(radio("ov-opt ov-opt--scale", &name, &answer_value(a), current == Some(a), label));
            }
            let dk = Html::text(locale.t("ui.dont_know"));
            scale.push(radio("ov-opt ov-opt--scale ov-opt--dk", &name, "dk", current == Some(Answer::DontKnow), dk));
            if item.not_applicable {
                let na = Html::text(locale.t("ui.not_applicable"));
                let checked = current == Some(Answer::NotApplicable);
                scale.push(radio("ov-opt ov-opt--scale ov-opt--dk", &name, "na", checked, na));
            }
            html!(
                r#"<fieldset class="ov-q" id="item-{}" data-testid="item-{}"><legend class="ov-q__text">{}</legend><div class="ov-likert{}">{}</div></fieldset>"#,
                id,
                id,
                text,
                if item.not_applicable { " ov-likert--na" } else { "" },
                scale
            )
        }
        ItemKind::Choice { options, .. } => {
            let mut choices = Html::new();
            for (i, opt) in options.iter().enumerate() {
                let a = Answer::Choice(i as u8);
                let class = if *opt == "dk" || *opt == "na" { "ov-opt ov-opt--dk" } else { "ov-opt" };
                let label = Html::text(locale.t(&format!("item.{id}.opt.{opt}")));
                choices.push(radio(class, &name, &answer_value(a), current == Some(a), label));
            }
            html!(
                r#"<fieldset class="ov-q" id="item-{}" data-testid="item-{}"><legend class="ov-q__text">{}</legend><div class="ov-choices">{}</div></fieldset>"#,
                id,
                id,
                text,
                choices
            )
        }
        ItemKind::Matrix { areas, owners, .. } => {
            let answers: Vec<(Answer, &str)> =
                owners.iter().map(|o| (Answer::Owner(*o), present::owner_text(locale, *o))).collect();
            grid(id, text, "area", areas, &answers, locale, response, "ov-matrix")
        }
        ItemKind::Checklist { parts, .. } => {
            let answers: Vec<(Answer, &str)> = (0..crate::instrument::CHECKLIST_ANSWERS.len() as u8)
                .map(|i| (Answer::Choice(i), present::checklist_text(locale, i)))
                .collect();
            grid(id, text, "part", parts, &answers, locale, response, "ov-matrix ov-checklist")
        }
    }
}

/// A question answered row by row (the ownership matrix, a checklist): a labelled group with a
/// fieldset per row, its legend the row and each radio labelled with its answer.
#[allow(clippy::too_many_arguments)]
fn grid(
    id: &str,
    text: &str,
    row_kind: &str,
    rows: &[&str],
    answers: &[(Answer, &str)],
    locale: Locale,
    response: &Response,
    class: &str,
) -> Html {
    let mut head = Html::new();
    for (_, label) in answers {
        head.push(html!("<span>{}</span>", *label));
    }
    let mut body = Html::new();
    for row in rows {
        let key = format!("{id}.{row}");
        let current = response.get(&key);
        let mut cells = Html::new();
        for (a, label) in answers {
            // The label span is the radio's accessible name; the legend gives the row.
            cells.push(html!(
                r#"<label class="ov-matrix__cell"><input type="radio" name="{}{}" value="{}"{}><span class="ov-matrix__label">{}</span></label>"#,
                INPUT_PREFIX,
                key,
                answer_value(*a),
                checked_attr(current == Some(*a)),
                *label
            ));
        }
        body.push(html!(
            r#"<fieldset class="ov-matrix__row" id="item-{}-{}" data-testid="{}-{}"><legend class="ov-matrix__area">{}</legend>{}</fieldset>"#,
            id,
            *row,
            row_kind,
            *row,
            locale.t(&format!("item.{id}.{row_kind}.{row}")),
            cells
        ));
    }
    html!(
        r#"<div class="ov-q {} ov-grid--{}" role="group" aria-labelledby="item-{}-text" id="item-{}"><p class="ov-q__text" id="item-{}-text">{}</p><div class="ov-matrix__head" aria-hidden="true"><span></span>{}</div>{}</div>"#,
        class,
        answers.len(),
        id,
        id,
        id,
        text,
        head,
        body
    )
}

/// The review screen: what is unanswered, each a button that jumps to it.
pub fn review(instrument: &Instrument, locale: Locale, response: &Response, total: usize) -> Html {
    let missing = response.unanswered(instrument);
    let body = if missing.is_empty() {
        html!(r#"<p data-testid="review-complete">{}</p>"#, locale.t("ui.review.complete"))
    } else {
        let mut list = Html::new();
        for key in &missing {
            let id = key.split('.').next().unwrap_or(key);
            let section = instrument.item(id).map_or(0, |i| i.section);
            list.push(html!(
                r#"<li><button type="button" class="ov-link" data-action="{}" {}="{}" {}="item-{}">{}</button></li>"#,
                Action::Jump,
                names::SECTION_ATTR,
                section,
                names::TARGET_ATTR,
                key.replace('.', "-"),
                present::question_text(instrument, locale, key)
            ));
        }
        html!(
            r#"<p data-testid="review-unanswered">{}</p><ul class="ov-unanswered">{}</ul>"#,
            locale.plural("ui.review.unanswered", missing.len() as u32, &[]),
            list
        )
    };
    html!(
        r#"<section class="ov-screen" aria-labelledby="{}" data-testid="review">{}{}{}<div class="ov-nav">{}{}</div></section>"#,
        ids::TITLE,
        progress(locale, total, total),
        title(locale.t("ui.review.title")),
        body,
        button("", Action::Back, locale.t("ui.back")),
        button("ov-btn--primary", Action::Results, locale.t("ui.review.see_results")),
    )
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
pub fn report(instrument: &Instrument, locale: Locale, report: &Report, opts: &ReportOptions) -> Html {
    let mut o = html!(r#"<div class="ov-report" data-testid="report">"#);
    if opts.shared {
        o.push(html!(r#"<p class="ov-banner" data-testid="shared-banner">{}</p>"#, locale.t("ui.shared.banner")));
    }
    o.push(title(locale.t(if opts.shared { "ui.shared.title" } else { "ui.results.title" })));
    if let Some(role) = report.role {
        o.push(html!(
            r#"<p class="ov-role-line">{}</p>"#,
            locale.fmt("ui.results.role_line", &[("role", role_name(locale, role))])
        ));
    }
    o.push(headline(locale, report));
    o.push(actions(instrument, locale, report));
    o.push(profile(locale, report));
    o.push(flags(instrument, locale, report));
    o.push(ownership(instrument, locale, report));
    o.push(phase(locale, report));
    let version = report.instrument_version.to_string();
    o.push(html!(
        r#"<footer class="ov-print-footer">{}</footer></div>"#,
        locale.fmt("ui.results.footer", &[("date", opts.date), ("version", &version)])
    ));
    o
}

fn band_text(locale: Locale, score: Option<u8>) -> String {
    match score {
        Some(v) => format!("{v}/100 · {}", locale.t(&format!("ui.band.{}", Band::of(v).id()))),
        None => locale.t("ui.band.none").to_string(),
    }
}

/// One headline figure: its label (an `h2`), the value, and an optional note.
fn stat(class: &str, label: &str, testid: &str, value: &str, note: &str) -> Html {
    let note = if note.is_empty() { Html::new() } else { html!("<p>{}</p>", note) };
    html!(
        r#"<div class="ov-stat {}"><h2 class="ov-stat__label">{}</h2><p class="ov-stat__value" data-testid="{}">{}</p>{}</div>"#,
        class,
        label,
        testid,
        value,
        note
    )
}

fn headline(locale: Locale, r: &Report) -> Html {
    // Rules 2 do not ask every role about the resistance dimensions; where fewer than two were
    // asked the risk is not assessed, rather than "not enough answers".
    let risk_asked =
        r.dimensions.iter().filter(|d| d.asked && Dimension::RESISTANCE.contains(&d.dimension)).count() >= 2;
    let risk = match r.risk {
        Some(k) => locale.t(&format!("ui.risk.{}", k.id())),
        None if !risk_asked => locale.t("ui.results.risk_not_assessed"),
        None => locale.t("ui.band.none"),
    };
    let lowest_why;
    let (barrier, why) = match (r.barrier, r.lowest) {
        (Some(d), _) => (present::dimension_name(locale, d), locale.t(&format!("dim.{}.why_first", d.id()))),
        (None, Some(d)) => {
            let score = present::profile_rows(r, locale)[d.index()].value_text();
            lowest_why = locale.fmt(
                "ui.results.no_single_barrier_why",
                &[("dimension", present::dimension_name(locale, d)), ("score", &score)],
            );
            (locale.t("ui.results.no_single_barrier"), lowest_why.as_str())
        }
        (None, None) => (locale.t("ui.results.no_barrier"), locale.t("ui.results.no_barrier_why")),
    };
    let c = r.confidence;
    let confidence = locale.fmt(
        "ui.results.confidence",
        &[
            ("answered", &c.answered.to_string()),
            ("shown", &c.shown.to_string()),
            ("dont_know", &c.dont_know.to_string()),
            ("level", locale.t(&format!("ui.confidence.{}", c.level().id()))),
        ],
    );
    html!(
        r#"<section class="ov-headline" data-testid="headline" aria-label="{}">{}{}{}<p class="ov-confidence" data-testid="confidence">{}</p></section>"#,
        locale.t("ui.results.headline"),
        stat("", locale.t("ui.results.readiness"), "readiness", &band_text(locale, r.readiness), ""),
        stat("", locale.t("ui.results.risk"), "risk", risk, ""),
        stat("ov-stat--wide", locale.t("ui.results.barrier"), "barrier", barrier, why),
        confidence
    )
}

fn actions(instrument: &Instrument, locale: Locale, r: &Report) -> Html {
    let mut list = Html::new();
    for a in &r.actions {
        list.push(html!(
            r#"<li class="ov-action"><h3>{}</h3><p>{}</p><p class="ov-action__why"><strong>{}</strong> {}</p><p class="ov-action__done"><strong>{}</strong> {}</p></li>"#,
            locale.t(&format!("action.{}.title", a.id)),
            locale.t(&format!("action.{}.detail", a.id)),
            locale.t("ui.action.why"),
            present::trigger_text(instrument, locale, r, a.trigger),
            locale.t("ui.action.done"),
            locale.t(&format!("action.{}.done", a.id)),
        ));
    }
    card("ov-actions-h", "actions", locale.t("ui.results.actions"), html!(r#"<ol class="ov-actions">{}</ol>"#, list))
}

fn profile(locale: Locale, r: &Report) -> Html {
    let rows = present::profile_rows(r, locale);
    // The radar shows the dimensions the role was asked about; the bars and the table show all
    // nine, saying which were not asked.
    let asked: Vec<chart::ProfileRow> =
        rows.iter().zip(&r.dimensions).filter(|(_, d)| d.asked).map(|(row, _)| row.clone()).collect();
    let mut charts = Html::new();
    if asked.iter().filter(|x| x.score.is_some()).count() >= 3 {
        let svg = chart::to_svg(
            chart::RADAR_SIZE,
            "ov-radar",
            locale.t("ui.results.radar_title"),
            locale.t("ui.results.radar_desc"),
            |a| chart::draw_radar(a, &asked),
        );
        charts.push(html!(
            r#"<figure class="ov-figure ov-figure--radar" data-testid="radar">{}</figure>"#,
            Html::from_svg(svg)
        ));
    }
    let svg = chart::to_svg(
        (chart::BARS_WIDTH, chart::bars_height(rows.len())),
        "ov-bars",
        locale.t("ui.results.bars_title"),
        locale.t("ui.results.bars_desc"),
        |a| chart::draw_bars(a, &rows),
    );
    charts.push(html!(r#"<figure class="ov-figure" data-testid="bars">{}</figure>"#, Html::from_svg(svg)));
    let mut body = Html::new();
    for row in &rows {
        body.push(html!(
            r#"<tr><th scope="row">{}</th><td class="ov-num">{}</td><td>{}</td></tr>"#,
            row.label,
            row.value_text(),
            row.band_label
        ));
    }
    let mut notes = Html::new();
    if r.dimensions.iter().any(|d| d.range.is_some()) {
        notes.push(html!(r#"<p class="ov-hint" data-testid="range-note">{}</p>"#, locale.t("ui.results.range_note")));
    }
    if r.dimensions.iter().any(|d| !d.asked) {
        notes.push(html!(r#"<p class="ov-hint">{}</p>"#, locale.t("ui.results.not_asked_note")));
    }
    let content = html!(
        r#"<div class="ov-charts">{}</div><details class="ov-details" open><summary>{}</summary><table class="ov-table" data-testid="profile-table"><caption class="ov-sr-only">{}</caption><thead><tr><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>{}</tbody></table>{}</details>"#,
        charts,
        locale.t("ui.results.table_toggle"),
        locale.t("ui.results.bars_title"),
        locale.t("ui.results.dimension"),
        locale.t("ui.results.score"),
        locale.t("ui.results.band"),
        body,
        notes
    );
    card("ov-profile-h", "profile", locale.t("ui.results.profile"), content)
}

fn flags(instrument: &Instrument, locale: Locale, r: &Report) -> Html {
    if r.detail == Detail::Summary {
        return html!(r#"<p class="ov-card" data-testid="summary-note">{}</p>"#, locale.t("ui.results.summary_only"));
    }
    let body = if r.red_flags.is_empty() {
        html!("<p>{}</p>", locale.t("ui.results.no_flags"))
    } else {
        let mut list = Html::new();
        for f in &r.red_flags {
            let q = present::question_text(instrument, locale, &f.key);
            let a = present::answer_text(instrument, locale, &f.key, f.answer);
            list.push(html!(
                r#"<li><strong>{}</strong><span class="ov-raised-by">{}</span></li>"#,
                locale.t(&format!("flag.{}.text", f.id)),
                locale.fmt("ui.results.raised_by", &[("question", &q), ("answer", &a)])
            ));
        }
        html!(r#"<ul class="ov-flags">{}</ul>"#, list)
    };
    card("ov-flags-h", "red-flags", locale.t("ui.results.flags"), body)
}

fn ownership(instrument: &Instrument, locale: Locale, r: &Report) -> Html {
    if r.detail == Detail::Summary || r.ownership.is_empty() {
        return Html::new();
    }
    let matrix = instrument.matrix();
    let ItemKind::Matrix { areas, .. } = matrix.kind else { return Html::new() };
    let mut rows = Html::new();
    for (a, owner) in &r.ownership {
        let gap = owner.is_none_or(|o| o.is_gap());
        let answer = owner.map_or(locale.t("ui.results.unanswered"), |o| present::owner_text(locale, o));
        let status = if gap {
            html!(r#"<span class="ov-tag ov-tag--gap">{}</span>"#, locale.t("ui.results.gap"))
        } else {
            Html::new()
        };
        rows.push(html!(
            r#"<tr{}><th scope="row">{}</th><td>{}</td><td>{}</td></tr>"#,
            if gap { html!(r#" class="ov-gap""#) } else { Html::new() },
            locale.t(&format!("item.{}.area.{}", matrix.id, areas.get(*a).unwrap_or(&""))),
            answer,
            status
        ));
    }
    let content = html!(
        r#"<p>{}</p><table class="ov-table"><thead><tr><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>{}</tbody></table>"#,
        locale.t("ui.results.ownership_intro"),
        locale.t("ui.results.area"),
        locale.t("ui.results.owner"),
        locale.t("ui.results.status"),
        rows
    );
    card("ov-own-h", "ownership-map", locale.t("ui.results.ownership"), content)
}

fn phase(locale: Locale, r: &Report) -> Html {
    let reading = present::phase_reading(r, locale);
    let svg = chart::to_svg(
        (chart::PHASE_WIDTH, chart::PHASE_HEIGHT),
        "ov-phase",
        locale.t("ui.results.phase_title"),
        &reading,
        |a| chart::draw_phase(a, &present::phase_segments(locale), r.phase, locale.t("ui.results.you_are_here")),
    );
    let p = r.phase.id();
    let content = html!(
        r#"<figure class="ov-figure ov-figure--phase" data-testid="phase-chart">{}</figure><p><strong>{}</strong> · {}. {}</p><p data-testid="phase-reading">{}</p>"#,
        Html::from_svg(svg),
        locale.t(&format!("phase.{p}.name")),
        locale.t(&format!("phase.{p}.span")),
        locale.t(&format!("phase.{p}.normal")),
        reading
    );
    card("ov-phase-h", "phase", locale.t("ui.results.phase_title"), content)
}

/// A number with one decimal when it has a fraction, none when whole (the team view's figures).
#[cfg(feature = "results")]
fn one(v: f64, locale: Locale) -> String {
    locale.number(v, if v.fract() == 0.0 { 0 } else { 1 })
}

fn role_name(locale: Locale, role: Role) -> &'static str {
    locale.t(&format!("ui.role.{}", role.id()))
}

#[cfg(test)]
mod tests;
