//! The report: headline, actions, profile charts with their tables, red flags, ownership map and
//! phase, then the controls under it (the call to action, the share panel, keep, print and
//! export). The same markup is what prints.
//!
//! Buttons carry a [`ResultsAction`] and are answered by the results module's own handlers
//! (`results/src/screen.rs`); "start my own assessment" bubbles up to the app's root. The share
//! level radios are named [`names::SHARE_LEVEL`], and the texts swapped in later (copied, copy by
//! hand) ride along as data attributes.

use super::html::SafeUrl;
use super::html::{html, Html};
use super::{button, card_close, card_open, stat_close, stat_note, stat_open, title};
use crate::chart;
use crate::config::Surroundings;
use crate::i18n::{key, Date, Locale};
use crate::instrument::{Dimension, Instrument};
use crate::present;
use crate::scoring::{Band, Detail, Report};
use crate::share::FRAGMENT_PREFIX;
use crate::ui::{ids, names, Action, AppAction, ResultsAction};

/// Options for the report.
pub struct ReportOptions {
    /// A shared result: read-only banner and title.
    pub shared: bool,
    /// The date printed in the footer.
    pub date: Date,
}

/// The results report: headline, actions, profile charts with tables, red flags, ownership
/// map, phase. The same markup is what prints.
pub fn report(o: &mut Html, instrument: &Instrument, locale: Locale, report: &Report, opts: &ReportOptions) {
    o.raw(r#"<div class="ov-report" data-testid="report">"#);
    if opts.shared {
        html!(o; r#"<p class="ov-banner" data-testid="shared-banner">"# (locale.t(key::ui::shared::BANNER)) "</p>");
    }
    title(o, locale.t(if opts.shared { key::ui::shared::TITLE } else { key::ui::results::TITLE }));
    if let Some(role) = report.role {
        html!(o;
            r#"<p class="ov-role-line">"# {o.fill(locale.t(key::ui::results::ROLE_LINE), &[("role", &locale.t(present::role_key(role)))])} "</p>"
        );
    }
    headline(o, instrument, locale, report);
    actions(o, instrument, locale, report);
    profile(o, locale, report);
    flags(o, instrument, locale, report);
    ownership(o, instrument, locale, report);
    phase(o, locale, report);
    html!(o;
        r#"<footer class="ov-print-footer">"#
        {o.fill(locale.t(key::ui::results::FOOTER), &[("date", &locale.date(opts.date))])}
        "</footer></div>"
    );
}

fn band_text(o: &mut Html, locale: Locale, score: Option<u8>, band: Option<Band>) {
    match (score, band) {
        (Some(v), Some(b)) => html!(o; (v) "/100 · " (locale.t(present::band_key(b)))),
        _ => o.text(locale.t(key::ui::band::NONE)),
    }
}

fn headline(o: &mut Html, instrument: &Instrument, locale: Locale, r: &Report) {
    // Rules 2 do not ask every role about the resistance dimensions; where fewer than two were
    // asked the risk is not assessed, rather than "not enough answers".
    let risk_asked =
        r.dimensions.iter().filter(|d| d.asked && Dimension::RESISTANCE.contains(&d.dimension)).count() >= 2;
    let risk = match r.risk {
        Some(k) => locale.t(present::risk_key(k)),
        None if !risk_asked => locale.t(key::ui::results::RISK_NOT_ASSESSED),
        None => locale.t(key::ui::band::NONE),
    };
    html!(o; r#"<section class="ov-headline" data-testid="headline" aria-label=""# (locale.t(key::ui::results::HEADLINE)) r#"">"#);
    stat_open(o, "", locale.t(key::ui::results::READINESS), "readiness");
    band_text(o, locale, r.readiness, r.readiness_band());
    stat_close(o);
    stat_open(o, "", locale.t(key::ui::results::RISK), "risk");
    o.text(risk);
    if r.risk_raised {
        stat_note(o);
        o.text(locale.t(key::ui::results::RISK_RAISED));
    }
    stat_close(o);
    stat_open(o, "ov-stat--wide", locale.t(key::ui::results::BARRIER), "barrier");
    match (r.barrier, r.lowest) {
        (Some(d), _) => {
            html!(o;
                (present::dimension_name(locale, d)) {stat_note(o)} (present::barrier_reason(instrument, locale, r))
                " " (locale.t(key::dim::WHY_FIRST[d.index()]))
            );
        }
        (None, Some(d)) => {
            let score = present::profile_rows(r, locale)[d.index()].value_text();
            html!(o;
                (locale.t(key::ui::results::NO_SINGLE_BARRIER)) {stat_note(o)}
                {o.fill(locale.t(key::ui::results::NO_SINGLE_BARRIER_WHY), &[("dimension", &present::dimension_name(locale, d)), ("score", &score)])}
            );
        }
        (None, None) => {
            html!(o; (locale.t(key::ui::results::NO_BARRIER)) {stat_note(o)} (locale.t(key::ui::results::NO_BARRIER_WHY)));
        }
    }
    stat_close(o);
    let c = r.confidence;
    html!(o;
        r#"<p class="ov-confidence" data-testid="confidence">"#
        {o.fill(
            locale.t(key::ui::results::CONFIDENCE),
            &[
                ("answered", &c.answered),
                ("shown", &c.shown),
                ("dont_know", &c.dont_know),
                ("level", &locale.t(present::confidence_key(c.level()))),
            ],
        )}
        "</p></section>"
    );
}

fn actions(o: &mut Html, instrument: &Instrument, locale: Locale, r: &Report) {
    card_open(o, "ov-actions-h", "actions", locale.t(key::ui::results::ACTIONS));
    if r.actions.is_empty() {
        html!(o; r#"<p data-testid="no-actions">"# (locale.t(key::ui::results::NO_ACTIONS)) "</p>");
    }
    o.raw(r#"<ol class="ov-actions">"#);
    for a in &r.actions {
        let Some(rule) = instrument.actions().get(a.rule) else { continue };
        html!(o; r#"<li class="ov-action"><h3>"# (locale.t(rule.title)) "</h3>");
        if let Some(actor) = rule.actor {
            html!(o;
                r#"<p class="ov-action__who"><strong>"# (locale.t(key::ui::action::WHO)) "</strong> "
                (locale.t(key::ui::actor::NAME[actor as usize])) "</p>"
            );
        }
        html!(o;
            "<p>" (locale.t(rule.detail)) r#"</p><p class="ov-action__why"><strong>"#
            (locale.t(key::ui::action::WHY)) "</strong> " (present::trigger_text(instrument, locale, r, a.trigger))
            r#"</p><p class="ov-action__done"><strong>"# (locale.t(key::ui::action::DONE)) "</strong> "
            (locale.t(rule.done)) "</p></li>"
        );
    }
    o.raw("</ol>");
    card_close(o);
}

fn profile(o: &mut Html, locale: Locale, r: &Report) {
    let rows = present::profile_rows(r, locale);
    // The radar shows the dimensions the role was asked about; the bars and the table show all
    // nine, saying which were not asked.
    let asked: Vec<chart::ProfileRow> =
        rows.iter().zip(&r.dimensions).filter(|(_, d)| d.asked).map(|(row, _)| row.clone()).collect();
    card_open(o, "ov-profile-h", "profile", locale.t(key::ui::results::PROFILE));
    o.raw(r#"<div class="ov-charts">"#);
    if asked.iter().filter(|x| x.score.is_some()).count() >= 3 {
        o.raw(r#"<figure class="ov-figure ov-figure--radar" data-testid="radar">"#);
        chart::radar(o, locale.t(key::ui::results::RADAR_TITLE), locale.t(key::ui::results::RADAR_DESC), &asked);
        o.raw("</figure>");
    }
    o.raw(r#"<figure class="ov-figure" data-testid="bars">"#);
    chart::bars(o, locale.t(key::ui::results::BARS_TITLE), locale.t(key::ui::results::BARS_DESC), &rows);
    html!(o;
        r#"</figure></div><details class="ov-details" open><summary>"# (locale.t(key::ui::results::TABLE_TOGGLE))
        r#"</summary><table class="ov-table" data-testid="profile-table"><caption class="ov-sr-only">"#
        (locale.t(key::ui::results::BARS_TITLE)) r#"</caption><thead><tr><th scope="col">"# (locale.t(key::ui::results::DIMENSION))
        r#"</th><th scope="col">"# (locale.t(key::ui::results::SCORE)) r#"</th><th scope="col">"# (locale.t(key::ui::results::BAND))
        "</th></tr></thead><tbody>"
    );
    for row in &rows {
        html!(o;
            r#"<tr><th scope="row">"# (row.label) r#"</th><td class="ov-num">"# (row.value_text()) "</td><td>"
            (row.band_label) "</td></tr>"
        );
    }
    o.raw("</tbody></table>");
    if r.dimensions.iter().any(|d| d.range.is_some()) {
        html!(o; r#"<p class="ov-hint" data-testid="range-note">"# (locale.t(key::ui::results::RANGE_NOTE)) "</p>");
    }
    if r.dimensions.iter().any(|d| !d.asked) {
        html!(o; r#"<p class="ov-hint">"# (locale.t(key::ui::results::NOT_ASKED_NOTE)) "</p>");
    }
    o.raw("</details>");
    card_close(o);
}

fn flags(o: &mut Html, instrument: &Instrument, locale: Locale, r: &Report) {
    if r.detail == Detail::Summary {
        html!(o; r#"<p class="ov-card" data-testid="summary-note">"# (locale.t(key::ui::results::SUMMARY_ONLY)) "</p>");
        return;
    }
    card_open(o, "ov-flags-h", "red-flags", locale.t(key::ui::results::FLAGS));
    if r.red_flags.is_empty() {
        html!(o; "<p>" (locale.t(key::ui::results::NO_FLAGS)) "</p>");
    } else {
        o.raw(r#"<ul class="ov-flags">"#);
        for f in &r.red_flags {
            let q = present::question_text(instrument, locale, f.slot);
            let a = present::answer_text(instrument, locale, f.slot, f.answer);
            html!(o;
                "<li" {if instrument.red_flags().get(f.rule).is_some_and(|r| r.critical) {
                    html!(o; r#" class="ov-flag--critical"><span class="ov-tag ov-tag--gap">"# (locale.t(key::ui::results::CRITICAL)) "</span> ");
                } else {
                    o.raw(">");
                }}
                "<strong>" (instrument.red_flags().get(f.rule).map_or("?", |r| locale.t(r.text))) r#"</strong><span class="ov-raised-by">"#
                {o.fill(locale.t(key::ui::results::RAISED_BY), &[("question", &q), ("answer", &a)])}
                "</span></li>"
            );
        }
        o.raw("</ul>");
    }
    card_close(o);
}

fn ownership(o: &mut Html, instrument: &Instrument, locale: Locale, r: &Report) {
    if r.detail == Detail::Summary || r.ownership.is_empty() {
        return;
    }
    card_open(o, "ov-own-h", "ownership-map", locale.t(key::ui::results::OWNERSHIP));
    html!(o;
        "<p>" (locale.t(key::ui::results::OWNERSHIP_INTRO)) r#"</p><table class="ov-table"><thead><tr><th scope="col">"#
        (locale.t(key::ui::results::AREA)) r#"</th><th scope="col">"# (locale.t(key::ui::results::OWNER)) r#"</th><th scope="col">"#
        (locale.t(key::ui::results::STATUS)) "</th></tr></thead><tbody>"
    );
    for (a, owner) in &r.ownership {
        let gap = owner.is_none_or(|o| o.is_gap());
        let answer = owner.map_or(locale.t(key::ui::results::UNANSWERED), |o| present::owner_text(locale, o));
        html!(o;
            "<tr" {if gap { o.raw(r#" class="ov-gap""#) }} r#"><th scope="row">"#
            (present::area_name(instrument, locale, *a))
            "</th><td>" (answer) "</td><td>"
            {if gap { html!(o; r#"<span class="ov-tag ov-tag--gap">"# (locale.t(key::ui::results::GAP)) "</span>") }}
            "</td></tr>"
        );
    }
    o.raw("</tbody></table>");
    card_close(o);
}

fn phase(o: &mut Html, locale: Locale, r: &Report) {
    let reading = present::phase_reading(r, locale);
    let p = present::phase_index(r.phase);
    card_open(o, "ov-phase-h", "phase", locale.t(key::ui::results::PHASE_TITLE));
    o.raw(r#"<figure class="ov-figure ov-figure--phase" data-testid="phase-chart">"#);
    chart::phase(
        o,
        locale.t(key::ui::results::PHASE_TITLE),
        &reading,
        &present::phase_segments(locale),
        r.phase,
        locale.t(key::ui::results::YOU_ARE_HERE),
    );
    html!(o;
        "</figure><p><strong>" (locale.t(key::phase::NAME[p])) "</strong> · " (locale.t(key::phase::SPAN[p]))
        ". " (locale.t(key::phase::NORMAL[p])) r#"</p><p data-testid="phase-reading">"# (reading) "</p>"
    );
    card_close(o);
}

/// The links a report offers to send: the full link's payload (empty for a summary link, which
/// carries no answers to export as JSON) and the summary link's, and, when a round key is known,
/// the same two sealed for the round (fragments, `s=...`) with the key's fingerprint.
pub struct Links {
    pub full: String,
    pub summary: String,
    pub sealed: Option<SealedLinks>,
}

/// A report's links sealed for the round's key.
pub struct SealedLinks {
    pub full: String,
    pub summary: String,
    pub fingerprint: String,
}

/// The call to action, the share panel (own results only), and keep/print/export.
pub fn controls(o: &mut Html, locale: Locale, around: &Surroundings, shared: bool, links: &Links) {
    let full = links.full.as_str();
    o.raw(r#"<div class="ov-controls ov-no-print">"#);
    if let Some((text, url)) = &around.cta {
        let label = if text.is_empty() { locale.t(key::ui::results::CTA_DEFAULT) } else { text.as_str() };
        card_open(o, "ov-cta-h", "cta", locale.t(key::ui::results::CTA_TITLE));
        html!(o;
            r#"<a class="ov-btn ov-btn--primary ov-cta" href=""# (url = url) r#"" rel="noopener noreferrer" target="_blank">"#
            (label) "</a>"
        );
        card_close(o);
    }
    if !shared {
        share_panel(o, locale, around, links);
    }
    card_open(o, "ov-keep-h", "", locale.t(key::ui::results::KEEP));
    o.raw(r#"<div class="ov-nav ov-nav--wrap">"#);
    button(o, "", Action::Results(ResultsAction::Print), locale.t(key::ui::results::PRINT));
    if !full.is_empty() {
        button(o, "", Action::Results(ResultsAction::ExportJson), locale.t(key::ui::results::EXPORT_JSON));
    }
    button(o, "", Action::Results(ResultsAction::ExportCsv), locale.t(key::ui::results::EXPORT_CSV));
    o.raw("</div>");
    card_close(o);
    if shared {
        html!(o;
            r#"<div class="ov-nav ov-no-print">"#
            {button(o, "ov-btn--primary", Action::App(AppAction::StartOwn), locale.t(key::ui::shared::START_OWN))}
            "</div>"
        );
    }
    o.raw("</div>");
}

/// The share panel: what the link carries, the link itself and the copy button. With a round
/// key every way of sending (email, share sheet, copy) carries the sealed link, and the panel
/// says who alone can read it and shows the key's fingerprint; the plain link is not offered
/// (the person's own copy is the printout, the files, or this browser's saved answers).
fn share_panel(o: &mut Html, locale: Locale, around: &Surroundings, links: &Links) {
    let (full, summary) = match &links.sealed {
        Some(s) => (around.link("", &s.full), around.link("", &s.summary)),
        None => (around.link(FRAGMENT_PREFIX, &links.full), around.link(FRAGMENT_PREFIX, &links.summary)),
    };
    card_open(o, "ov-share-h", "share", locale.t(key::ui::share::TITLE));
    match &links.sealed {
        Some(s) => html!(o;
            r#"<p data-testid="share-sealed"><strong>"# (locale.t(key::ui::share::SEALED)) "</strong> "
            {o.fill(locale.t(key::ui::share::FINGERPRINT), &[("fingerprint", &s.fingerprint)])} "</p>"
        ),
        None => html!(o; "<p>" (locale.t(key::ui::share::PRIVACY)) "</p>"),
    }
    html!(o; r#"<fieldset class="ov-q"><legend class="ov-q__text">"# (locale.t(key::ui::share::LEVEL)) r#"</legend><div class="ov-choices">"#);
    let choices = [
        ("full", key::ui::share::FULL, key::ui::share::FULL_HINT, true),
        ("summary", key::ui::share::SUMMARY, key::ui::share::SUMMARY_HINT, false),
    ];
    for (level, key, hint, checked) in choices {
        html!(o;
            r#"<label class="ov-opt"><input type="radio" name=""# (names::SHARE_LEVEL) r#"" value=""# (level)
            r#"" data-testid="share-"# (level) r#"""# {super::checked_attr(o, checked)} "><span><strong>"
            (locale.t(key)) r#"</strong><span class="ov-opt__hint">"# (locale.t(hint)) "</span></span></label>"
        );
    }
    html!(o;
        "</div></fieldset>"
        {send(o, locale, around, &full, &summary)}
        r#"<label for=""# (ids::SHARE_LINK) r#"" class="ov-label">"# (locale.t(key::ui::share::LINK_LABEL))
        r#"</label><div class="ov-share-row"><input id=""# (ids::SHARE_LINK) r#"" data-testid="share-link" type="text" readonly value=""#
        (full) r#"" "# (names::FULL_LINK_ATTR) r#"=""# (full) r#"" "# (names::SUMMARY_LINK_ATTR) r#"=""# (summary) r#"">"#
        {button(o, "", Action::Results(ResultsAction::CopyLink), locale.t(key::ui::share::COPY))}
        r#"</div><p class="ov-status" role="status" id=""# (ids::COPY_STATUS) r#"" data-testid="copy-status" "#
        (names::COPIED_ATTR) r#"=""# (locale.t(key::ui::share::COPIED)) r#"" "# (names::MANUAL_ATTR) r#"=""#
        (locale.t(key::ui::share::COPY_MANUALLY)) r#"" "# (names::SENT_COPIED_ATTR) r#"=""# (locale.t(key::ui::share::SEND_COPIED))
        r#""></p>"#
    );
    card_close(o);
}

/// The one obvious way to send the result: an email to the facilitator when the deployment names
/// one (the address is the point: the person need not know it), otherwise the device's share
/// sheet, which the results module falls back from to copying when the browser has none.
fn send(o: &mut Html, locale: Locale, around: &Surroundings, full: &str, summary: &str) {
    let Some(email) = &around.facilitator_email else {
        html!(o;
            r#"<div class="ov-send"><button type="button" id=""# (ids::SEND_BUTTON) r#"" class="ov-btn ov-btn--primary" data-action=""# (Action::Results(ResultsAction::SendLink))
            r#"" data-testid=""# (Action::Results(ResultsAction::SendLink)) r#"" aria-describedby="ov-send-hint" "# (names::SHARE_TITLE_ATTR)
            r#"=""# (locale.t(key::ui::share::EMAIL_SUBJECT)) r#"" "# (names::SHARE_TEXT_ATTR) r#"=""# (locale.t(key::ui::share::SHARE_TEXT))
            r#"">"# (locale.t(key::ui::share::SEND)) r#"</button><p class="ov-hint" id="ov-send-hint">"# (locale.t(key::ui::share::SEND_HINT))
            "</p></div>"
        );
        return;
    };
    let mail = |link: &str| {
        let body =
            [locale.t(key::ui::share::EMAIL_BODY), "\n\n", link, "\n\n", locale.t(key::ui::share::EMAIL_NOTE)].concat();
        SafeUrl::new(&mailto(email, locale.t(key::ui::share::EMAIL_SUBJECT), &body)).unwrap_or_default()
    };
    let (full, summary) = (mail(full), mail(summary));
    html!(o;
        r#"<div class="ov-send"><a class="ov-btn ov-btn--primary" id=""# (ids::SEND_EMAIL) r#"" data-testid="send-email" href=""#
        (url = full) r#"" "# (names::FULL_LINK_ATTR) r#"=""# (url = full) r#"" "# (names::SUMMARY_LINK_ATTR) r#"=""#
        (url = summary) r#"" aria-describedby="ov-send-hint">"# (locale.t(key::ui::share::SEND))
        r#"</a><p class="ov-hint" id="ov-send-hint">"#
        {o.fill(locale.t(key::ui::share::SEND_EMAIL_HINT), &[("email", email)])}
        "</p></div>"
    );
}

/// A `mailto:` URL (RFC 6068) with subject and body. Everything but unreserved characters is
/// percent-encoded as UTF-8, and line breaks become CRLF, so any text in any language survives
/// every mail program; `to` keeps its `@`, and [`crate::config::is_email`] has already
/// restricted it to plain characters.
pub fn mailto(to: &str, subject: &str, body: &str) -> String {
    fn encode(out: &mut String, s: &str, keep: &[u8]) {
        for b in s.bytes() {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) || keep.contains(&b) {
                out.push(b as char);
            } else {
                const HEX: &[u8; 16] = b"0123456789ABCDEF";
                out.push('%');
                out.push(HEX[(b >> 4) as usize] as char);
                out.push(HEX[(b & 15) as usize] as char);
            }
        }
    }
    let mut out = String::from("mailto:");
    encode(&mut out, to, b"@+");
    out.push_str("?subject=");
    encode(&mut out, subject, b"");
    out.push_str("&body=");
    encode(&mut out, &body.replace("\r\n", "\n").replace('\n', "\r\n"), b"");
    out
}
