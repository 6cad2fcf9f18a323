//! The workshop pack: A4 pages a consultant prints and signs, and the same pages full screen,
//! one at a time, in present mode (a projector in the workshop room).
//!
//! Page 1 briefs leadership on its own: who prepared it for whom and when (the date in words),
//! the headline in a sentence, every area with its band and the people behind it, and the
//! decisions to take today. Page 2 is the agenda with what the facilitator says in each time box
//! and the next round's date; page 3 the discussion questions and the ownership areas the time
//! box holds; page 4 the red flags and actions with owner and due-date columns; the appendix the
//! other ownership areas. Every figure is one the team view shows, rounded as it rounds
//! ([`whole`](crate::aggregate::whole)); nothing here computes a figure of its own.

use super::html::{html, uint_string, Html};
use super::workshop::{brand, room_question};
use super::{button, role_name};
use crate::aggregate::TeamReport;
use crate::config::TeamSettings;
use crate::facilitation::{self, Decision, RegisterRow, Said};
use crate::i18n::{key, Locale};
use crate::instrument::Instrument;
use crate::present;
use crate::ui::{ids, Action, TeamAction};

/// The pages, in order, and how many there are (the appendix only when it holds areas).
fn pages(instrument: &Instrument, rep: &TeamReport) -> usize {
    4 + usize::from(!facilitation::ownership_agenda(instrument, rep).appendix.is_empty())
}

/// The printed workshop pack (A4, black and white), also what present mode shows.
pub fn pack(o: &mut Html, instrument: &Instrument, locale: Locale, rep: &TeamReport, settings: &TeamSettings) {
    let total = pages(instrument, rep);
    let agenda = facilitation::ownership_agenda(instrument, rep);
    html!(o; r#"<div class="ov-pack ov-print-only" id=""# (ids::PACK) r#"" data-testid="pack">"#);
    summary_page(o, instrument, locale, rep, settings, total);
    agenda_page(o, locale, rep, settings, total);
    discussion_page(o, instrument, locale, rep, &agenda.on_agenda, total);
    flags_page(o, instrument, locale, rep, total);
    if !agenda.appendix.is_empty() {
        page_open(o, locale, 5, total, "pack-appendix");
        html!(o;
            "<h3>" (locale.t(key::ui::team::pack::APPENDIX_TITLE)) "</h3><p>"
            (locale.t(key::ui::team::pack::APPENDIX_INTRO)) "</p>"
        );
        areas_table(o, instrument, locale, rep, &agenda.appendix);
        page_close(o, locale);
    }
    o.raw("</div>");
}

/// A page: labelled for assistive technology and present mode ("Page 2 of 5").
fn page_open(o: &mut Html, locale: Locale, n: usize, total: usize, testid: &'static str) {
    let label =
        locale.fmt(key::ui::team::pack::PAGE, &[("n", &uint_string(n as u64)), ("total", &uint_string(total as u64))]);
    html!(o;
        r#"<section class="ov-pack-page" tabindex="-1" data-page=""# (n) r#"" data-testid=""# (testid)
        r#"" aria-label=""# (label) r#"">"#
    );
}

/// The end of a page: in present mode, the way to the previous and next pages and out.
fn page_close(o: &mut Html, locale: Locale) {
    html!(o;
        r#"<div class="ov-present-nav ov-present-only">"#
        {button(o, "", Action::Team(TeamAction::PresentPrevious), locale.t(key::ui::team::present::PREVIOUS))}
        {button(o, "ov-btn--primary", Action::Team(TeamAction::PresentNext), locale.t(key::ui::team::present::NEXT))}
        {button(o, "ov-btn--quiet", Action::Team(TeamAction::PresentExit), locale.t(key::ui::team::present::EXIT))}
        r#"<p class="ov-hint">"# (locale.t(key::ui::team::present::HINT)) "</p></div></section>"
    );
}

/// Who prepared the pack, for whom, and when.
fn prepared(o: &mut Html, locale: Locale, settings: &TeamSettings) {
    let date = locale.date(settings.today);
    let by = settings.around.brand.as_deref();
    let line = match (by, settings.client()) {
        (Some(by), Some(client)) => {
            locale.fmt(key::ui::team::pack::PREPARED_BY_FOR, &[("by", by), ("client", client), ("date", &date)])
        }
        (Some(by), None) => locale.fmt(key::ui::team::pack::PREPARED_BY, &[("by", by), ("date", &date)]),
        (None, Some(client)) => locale.fmt(key::ui::team::pack::PREPARED_FOR, &[("client", client), ("date", &date)]),
        (None, None) => locale.fmt(key::ui::team::pack::PREPARED, &[("date", &date)]),
    };
    html!(o; r#"<p data-testid="pack-prepared">"# (line) "</p>");
}

/// Page 1: what leadership needs from the meeting, on one page.
fn summary_page(
    o: &mut Html,
    instrument: &Instrument,
    locale: Locale,
    rep: &TeamReport,
    settings: &TeamSettings,
    total: usize,
) {
    page_open(o, locale, 1, total, "pack-summary");
    html!(o;
        {brand(o, locale, settings.around)} r#"<h2 class="ov-print-title">"# (locale.t(key::ui::team::pack::TITLE)) "</h2>"
        {prepared(o, locale, settings)}
    );
    let groups: Vec<String> = rep
        .shown()
        .map(|g| {
            locale.fmt(
                key::ui::team::pack::GROUP,
                &[("role", role_name(locale, g.role)), ("n", &uint_string(g.n as u64))],
            )
        })
        .collect();
    let people = present::team::counted(locale, key::ui::team::pack::PEOPLE, rep.n);
    html!(o;
        r#"<p class="ov-lead" data-testid="pack-headline">"#
        {o.fill(locale.t(key::ui::team::pack::HEADLINE), &[("people", &people), ("groups", &groups.join(", ")), ("k", &rep.threshold)])}
        " "
    );
    match rep.barrier {
        Some(d) => html!(o;
            "<strong>" {o.fill(locale.t(key::ui::team::pack::FIX_FIRST), &[("dimension", &present::dimension_name(locale, d))])}
            "</strong> " (present::team::barrier_reason(instrument, locale, rep))
        ),
        None => o.text(locale.t(key::ui::team::pack::NO_FIX_FIRST)),
    }
    o.raw("</p>");
    scores_table(o, locale, rep);
    html!(o; "<h3>" (locale.t(key::ui::team::pack::TODAY_TITLE)) r#"</h3><ol class="ov-pack-today" data-testid="pack-today">"#);
    for d in facilitation::decisions(instrument, rep) {
        html!(o; "<li>" (decision_text(instrument, locale, d)) "</li>");
    }
    o.raw("</ol>");
    page_close(o, locale);
}

/// Every area: its team score, its band (capped by a critical answer) and the people behind it.
fn scores_table(o: &mut Html, locale: Locale, rep: &TeamReport) {
    html!(o;
        r#"<h3>"# (locale.t(key::ui::team::pack::SCORES_TITLE)) r#"</h3><table class="ov-table ov-pack-scores" data-testid="pack-scores"><thead><tr><th scope="col">"#
        (locale.t(key::ui::results::DIMENSION)) r#"</th><th scope="col">"# (locale.t(key::ui::team::TEAM_SCORE))
        r#"</th><th scope="col">"# (locale.t(key::ui::results::BAND)) r#"</th><th scope="col">"#
        (locale.t(key::ui::team::pack::PEOPLE_COL)) "</th></tr></thead><tbody>"
    );
    for d in &rep.dimensions {
        let band = match d.band() {
            Some(b) if d.capped && d.shown_score().is_some_and(|s| crate::scoring::Band::of(s) > b) => {
                locale.fmt(key::ui::results::BAND_CAPPED, &[("band", locale.t(present::band_key(b)))])
            }
            Some(b) => locale.t(present::band_key(b)).to_string(),
            None => locale.t(key::ui::band::NONE).to_string(),
        };
        html!(o;
            r#"<tr><th scope="row">"# (present::dimension_name(locale, d.dimension)) r#"</th><td class="ov-num" data-figure="team-score" data-dimension=""#
            (d.dimension.id()) r#"">"# (d.shown_score().map_or("–".to_string(), |s| uint_string(s as u64)))
            "</td><td>" (band) r#"</td><td class="ov-num">"# (d.spread.map_or(0, |s| s.n)) "</td></tr>"
        );
    }
    o.raw("</tbody></table>");
}

/// One decision for today, as an instruction to the room.
fn decision_text(instrument: &Instrument, locale: Locale, d: Decision) -> String {
    match d {
        Decision::Lead(dim) => {
            locale.fmt(key::ui::team::pack::DECISION_LEAD, &[("dimension", present::dimension_name(locale, dim))])
        }
        Decision::Flag(rule) => {
            let flag = instrument.red_flags().get(rule).map_or("?", |r| locale.t(r.text));
            locale.fmt(key::ui::team::pack::DECISION_FLAG, &[("flag", flag)])
        }
        Decision::Owner(area) => {
            locale.fmt(key::ui::team::pack::DECISION_OWNER, &[("area", present::area_name(instrument, locale, area))])
        }
        Decision::Action(rule) => {
            let title = instrument.actions().get(rule).map_or("?", |r| locale.t(r.title));
            locale.fmt(key::ui::team::pack::DECISION_ACTION, &[("action", title)])
        }
    }
}

/// Page 2: the agenda, and what the facilitator says in each time box.
fn agenda_page(o: &mut Html, locale: Locale, rep: &TeamReport, settings: &TeamSettings, total: usize) {
    page_open(o, locale, 2, total, "pack-agenda-page");
    html!(o;
        "<h3>" {o.fill(locale.t(key::ui::team::agenda::TITLE), &[("minutes", &facilitation::MEETING_MINUTES)])}
        r#"</h3><table class="ov-table ov-pack-agenda" data-testid="pack-agenda"><thead><tr><th scope="col">"#
        (locale.t(key::ui::team::agenda::TIME)) r#"</th><th scope="col">"# (locale.t(key::ui::team::agenda::PART))
        r#"</th><th scope="col">"# (locale.t(key::ui::team::agenda::WHAT)) "</th></tr></thead><tbody>"
    );
    for slot in facilitation::agenda() {
        html!(o;
            r#"<tr><td class="ov-num">"# (facilitation::clock(slot.start)) "–" (facilitation::clock(slot.end)) r#"</td><th scope="row">"#
            (locale.t(key::ui::team::agenda::SLOT[slot.part as usize])) "</th><td>"
            {o.fill(locale.t(key::ui::team::agenda::SLOT_DETAIL[slot.part as usize]), &[("k", &rep.threshold)])}
            "</td></tr>"
        );
    }
    let next = locale.date(settings.today.plus_days(facilitation::NEXT_ROUND_DAYS));
    html!(o; "</tbody></table><h3>" (locale.t(key::ui::team::pack::SCRIPT_TITLE)) r#"</h3><dl class="ov-pack-script" data-testid="pack-script">"#);
    for slot in facilitation::agenda() {
        html!(o;
            "<dt>" (facilitation::clock(slot.start)) " " (locale.t(key::ui::team::agenda::SLOT[slot.part as usize])) "</dt><dd>"
            {o.fill(locale.t(key::ui::team::script::PART[slot.part as usize]), &[("k", &rep.threshold), ("date", &next)])}
            "</dd>"
        );
    }
    // The close's date, and what the figures rest on: the agenda's last part settles both.
    html!(o;
        "</dl><h3>" (locale.t(key::ui::team::pack::NEXT_TITLE)) r#"</h3><p data-testid="pack-next-round">"#
        {o.fill(locale.t(key::ui::team::pack::NEXT_ROUND), &[("date", &next), ("days", &facilitation::NEXT_ROUND_DAYS)])}
        r#"</p><p class="ov-hint">"# {o.fill(locale.t(key::ui::team::pack::FOOTER), &[("k", &rep.threshold)])} "</p>"
    );
    page_close(o, locale);
}

/// Page 3: the discussion questions, then the ownership areas the time box holds.
fn discussion_page(
    o: &mut Html,
    instrument: &Instrument,
    locale: Locale,
    rep: &TeamReport,
    on_agenda: &[RegisterRow],
    total: usize,
) {
    page_open(o, locale, 3, total, "pack-discussion");
    html!(o;
        "<h3>" (locale.t(key::ui::team::pack::QUESTIONS_TITLE)) "</h3><p>" (locale.t(key::ui::team::pack::QUESTIONS_INTRO))
        r#"</p><ol class="ov-pack-questions" data-testid="pack-questions">"#
    );
    for q in &facilitation::questions(rep) {
        html!(o; "<li><p>" (room_question(instrument, locale, rep, q)) r#"</p><div class="ov-pack-notes" aria-hidden="true"><div class="ov-pack-line"></div><div class="ov-pack-line"></div></div></li>"#);
    }
    html!(o; "</ol><h3>" (locale.t(key::ui::team::pack::DECISIONS_TITLE)) "</h3>");
    if on_agenda.is_empty() {
        html!(o; "<p>" (locale.t(key::ui::team::pack::NO_DECISIONS)) "</p>");
    } else {
        let intro = locale.plural_form(key::ui::team::pack::DECISIONS_INTRO, on_agenda.len() as u64);
        html!(o; "<p>" {o.fill(locale.t(intro), &[("count", &on_agenda.len())])} "</p>");
        areas_table(o, instrument, locale, rep, on_agenda);
    }
    page_close(o, locale);
}

/// Ownership areas with what each shown group said, why a decision is needed, and empty columns
/// for the agreed owner, the escalation contact and the review date.
fn areas_table(o: &mut Html, instrument: &Instrument, locale: Locale, rep: &TeamReport, rows: &[RegisterRow]) {
    html!(o;
        r#"<table class="ov-table ov-pack-decisions" data-testid="pack-decisions"><thead><tr><th scope="col">"#
        (locale.t(key::ui::results::AREA)) r#"</th><th scope="col">"# (locale.t(key::ui::team::register::SAID))
        r#"</th><th scope="col">"# (locale.t(key::ui::team::register::OWNER)) r#"</th><th scope="col">"#
        (locale.t(key::ui::team::register::ESCALATION)) r#"</th><th scope="col">"# (locale.t(key::ui::team::register::REVIEW))
        "</th></tr></thead><tbody>"
    );
    for row in rows {
        let said: Vec<String> = row
            .said
            .iter()
            .filter(|(_, s)| matches!(s, Said::Shown(_)))
            .map(|(r, s)| {
                [role_name(locale, *r), ": ", present::team::said_line(locale, s, rep.threshold).as_str()].concat()
            })
            .collect();
        let why = present::team::decision_reasons(locale, row);
        html!(o;
            r#"<tr><th scope="row">"# (present::area_name(instrument, locale, row.area)) r#"<span class="ov-pack-why">"#
            (if why.is_empty() { locale.t(key::ui::team::register::CONFIRM).to_string() } else { why })
            "</span></th><td>" (said.join("; ")) "</td><td></td><td></td><td></td></tr>"
        );
    }
    o.raw("</tbody></table>");
}

/// Page 4: red flags (critical first) and actions, each with an owner and a due date.
fn flags_page(o: &mut Html, instrument: &Instrument, locale: Locale, rep: &TeamReport, total: usize) {
    page_open(o, locale, 4, total, "pack-flags-actions");
    html!(o; "<h3>" (locale.t(key::ui::results::FLAGS)) "</h3>");
    if rep.flags.is_empty() {
        html!(o; "<p>" (locale.t(key::ui::team::NO_FLAGS)) "</p>");
    } else {
        html!(o;
            "<p>" (locale.t(key::ui::team::pack::FLAGS_INTRO)) r#"</p><table class="ov-table ov-pack-flags" data-testid="pack-flags"><thead><tr><th scope="col">"#
            (locale.t(key::ui::team::pack::FLAG_COL)) r#"</th><th scope="col">"# (locale.t(key::ui::team::pack::RAISED_COL))
            r#"</th><th scope="col">"# (locale.t(key::ui::team::register::OWNER)) r#"</th><th scope="col">"#
            (locale.t(key::ui::team::pack::DUE)) "</th></tr></thead><tbody>"
        );
        for f in &rep.flags {
            let Some(rule) = instrument.red_flags().get(f.rule) else { continue };
            html!(o; r#"<tr><th scope="row">"#);
            if rule.critical {
                html!(o; r#"<span class="ov-tag ov-tag--gap">"# (locale.t(key::ui::results::CRITICAL)) "</span> ");
            }
            html!(o;
                (locale.t(rule.text)) r#"</th><td class="ov-num">"#
                {o.fill(locale.t(key::ui::team::actions::OFFERED_SHORT), &[("count", &f.count), ("n", &f.of)])}
                "</td><td></td><td></td></tr>"
            );
        }
        o.raw("</tbody></table>");
    }
    actions_table(o, instrument, locale, rep);
    page_close(o, locale);
}

/// The actions the team's answers call for, who carries each out, and the room's columns.
fn actions_table(o: &mut Html, instrument: &Instrument, locale: Locale, rep: &TeamReport) {
    html!(o;
        "<h3>" (locale.t(key::ui::team::actions::TITLE)) "</h3><p>" (locale.t(key::ui::team::pack::ACTIONS_INTRO))
        r#"</p><table class="ov-table ov-pack-actions" data-testid="pack-actions"><thead><tr><th scope="col">"#
        (locale.t(key::ui::team::pack::ACTION)) r#"</th><th scope="col">"# (locale.t(key::ui::team::pack::WHO_ACTS))
        r#"</th><th scope="col">"# (locale.t(key::ui::team::pack::OFFERED)) r#"</th><th scope="col">"#
        (locale.t(key::ui::team::register::OWNER)) r#"</th><th scope="col">"# (locale.t(key::ui::team::pack::DUE))
        "</th></tr></thead><tbody>"
    );
    for a in &rep.actions {
        let Some(rule) = instrument.actions().get(a.rule) else { continue };
        let who = rule.actor.map_or("", |x| locale.t(key::ui::actor::NAME[x as usize]));
        html!(o;
            r#"<tr><th scope="row">"# (locale.t(rule.title)) "</th><td>" (who) r#"</td><td class="ov-num">"#
            {o.fill(locale.t(key::ui::team::actions::OFFERED_SHORT), &[("count", &a.count), ("n", &a.of)])}
            "</td><td></td><td></td></tr>"
        );
    }
    // One empty row for what the room adds.
    o.raw(
        r#"<tr class="ov-pack-blank"><th scope="row"></th><td></td><td></td><td></td><td></td></tr></tbody></table>"#,
    );
}
