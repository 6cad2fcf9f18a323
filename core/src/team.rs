//! The team module's surface: the team view, its files, and a team summary link's screen.
//!
//! The browser app loads this part of the product only when someone opens the team view or a
//! team summary link (`team/`, a WebAssembly module of its own). Each function takes what the
//! team boxes or a fragment hold, as text: pasted links are collected and combined here, under
//! the anonymity rules of [`aggregate`], and nothing is kept between calls. A file is made when
//! the facilitator asks for it, from the same links, not with every drawing.

use crate::aggregate::{self, Collected, TeamReport};
use crate::config::TeamSettings;
use crate::i18n::Locale;
use crate::markup::html::Html;
use crate::markup::{team, team_frame, workshop};
use crate::ui::{ids, TeamFile};
use crate::{export, team_link, Instrument};

/// The whole team view: heading, invitation and form (holding `links` and `baseline`), then,
/// once the person has combined the links, the figures in `#ov-team-result`.
pub fn screen(locale: Locale, links: &str, baseline: &str, settings: &TeamSettings, combined: bool) -> String {
    let mut o = Html::with_capacity(64 * 1024);
    o.raw(r#"<section class="ov-screen ov-team" aria-labelledby=""#);
    o.raw(ids::TITLE);
    o.raw(r#"" data-testid="team">"#);
    team_frame::heading(&mut o, locale);
    team_frame::keys(&mut o, locale, settings.keys, settings.current);
    if settings.round().is_some() {
        team_frame::kiosk_start(&mut o, locale, settings.kiosk_idle);
    }
    workshop::invitation(&mut o, Instrument::current(), locale, settings);
    team_frame::form(&mut o, locale, links, baseline);
    // The figures' place is always there, so "combine" can fill it without redrawing the form.
    o.raw(r#"<div id=""#);
    o.raw(ids::TEAM_RESULT);
    o.raw(r#"" tabindex="-1">"#);
    if combined {
        figures_into(&mut o, locale, links, baseline, settings);
    }
    o.raw("</div>");
    crate::markup::start_own(&mut o, locale);
    o.raw("</section>");
    o.into_string()
}

/// The figures for pasted result links (and optionally a baseline round), for `#ov-team-result`.
pub fn figures(locale: Locale, links: &str, baseline: &str, settings: &TeamSettings) -> String {
    let mut o = Html::with_capacity(64 * 1024);
    figures_into(&mut o, locale, links, baseline, settings);
    o.into_string()
}

/// The links combined under the anonymity rules, sealed ones opened with the keys held.
fn combine(links: &str, settings: &TeamSettings) -> (Collected, TeamReport) {
    let threshold = settings.threshold;
    let collected = aggregate::collect_with(links, &settings.secrets());
    let team = aggregate::aggregate(Instrument::current(), &collected.members, threshold);
    (collected, team)
}

fn figures_into(o: &mut Html, locale: Locale, links: &str, baseline: &str, settings: &TeamSettings) {
    let instrument = Instrument::current();
    let (collected, team) = combine(links, settings);
    let change = (!baseline.trim().is_empty()).then(|| {
        let (_, before) = combine(baseline, settings);
        aggregate::change(&before, &team)
    });
    // A suppressed team has nothing to hold a workshop on: no register, no pack.
    let pack = (!team.suppressed).then_some(settings);
    team::team(o, instrument, locale, &collected, &team, change.as_ref(), pack);
    team_frame::extras(o, locale, settings.around, &team_link::encode(instrument, &team));
}

/// A file of the team view, made from the same links when asked for; `None` for the register of
/// a team below the threshold (it has no workshop, and the screen offers no register).
pub fn file(locale: Locale, links: &str, settings: &TeamSettings, which: TeamFile) -> Option<String> {
    let (_, team) = combine(links, settings);
    match which {
        TeamFile::Csv => Some(export::team_csv(locale, &team)),
        TeamFile::Register if team.suppressed => None,
        TeamFile::Register => Some(export::register_csv(Instrument::current(), locale, &team)),
    }
}

/// A team summary link's screen (`t=...`): the aggregate figures only; `None` when the link does
/// not decode.
pub fn summary(locale: Locale, fragment: &str) -> Option<String> {
    let report = team_link::decode(fragment).ok()?;
    let instrument = Instrument::by_version(report.instrument_version).unwrap_or(Instrument::current());
    let mut o = Html::with_capacity(32 * 1024);
    team_frame::summary_open(&mut o, locale);
    team::team(&mut o, instrument, locale, &Collected::default(), &report, None, None);
    team_frame::summary_close(&mut o, locale);
    Some(o.into_string())
}

#[cfg(test)]
pub(crate) mod tests;
