//! The results module's whole surface: report, exports and team view as plain strings in and out.
//!
//! The browser app loads this part of the product only when someone reaches their results or
//! opens a result or team link (see `results/`, a second, lazily loaded WebAssembly module), so the
//! first load carries the survey alone. Every function takes what a URL fragment or a text box
//! holds, decodes it again (the app validated it already, but this module trusts nothing), and
//! returns markup or text; a link that does not decode gives `None`, never a panic.

use crate::aggregate::{self, Collected};
use crate::i18n::Locale;
use crate::markup::controls::{self, Surroundings};
use crate::markup::html::Html;
use crate::markup::workshop::PackInfo;
use crate::markup::{self, ReportOptions};
use crate::share::{self, Shared};
use crate::ui::ids;
use crate::{export, team_link, Instrument};

/// Everything the results screen shows or offers for one result link (`r=...`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportOutput {
    /// The report markup (headline, actions, charts, flags, ownership map, phase), then its
    /// controls (call to action, share panel, keep and export).
    pub html: String,
    /// The summary link's payload (scores only), for the share panel.
    pub summary_payload: String,
    /// The JSON export, or empty for a summary link (it carries no answers to export).
    pub json: String,
    /// The CSV export of the scores.
    pub csv: String,
}

/// Renders the results for a result fragment (`r=...`, as in a share link or saved progress).
pub fn report(locale: Locale, fragment: &str, shared: bool, date: &str, around: &Surroundings) -> Option<ReportOutput> {
    let decoded = share::decode(fragment).ok()?;
    let report = decoded.report();
    let instrument = Instrument::by_version(report.instrument_version).unwrap_or(Instrument::current());
    let (full, json) = match &decoded {
        Shared::Full(response) => {
            (share::encode_full(response).unwrap_or_default(), export::json(instrument, response, &report, locale))
        }
        Shared::Summary(_) => (String::new(), String::new()),
    };
    let summary_payload = share::encode_summary(&report).unwrap_or_default();
    let mut o = Html::with_capacity(64 * 1024);
    o.raw(r#"<section class="ov-screen ov-results" aria-labelledby=""#);
    o.raw(ids::TITLE);
    o.raw(r#"" data-testid="results">"#);
    markup::report(&mut o, instrument, locale, &report, &ReportOptions { shared, date });
    controls::report_controls(&mut o, locale, around, shared, &full, &summary_payload, !json.is_empty());
    o.raw("</section>");
    Some(ReportOutput { html: o.into_string(), summary_payload, json, csv: export::csv(&report, locale) })
}

/// What the team view needs besides the links: the anonymity threshold, the deployment's
/// surroundings (the invitation's address, the consultancy's name and logo for the printouts),
/// and today's and the next round's dates as the browser writes them in the person's language.
pub struct TeamSettings<'a> {
    pub threshold: usize,
    pub around: &'a Surroundings,
    pub today: &'a str,
    pub next_round: &'a str,
}

impl TeamSettings<'_> {
    fn pack(&self) -> PackInfo<'_> {
        PackInfo { around: self.around, today: self.today, next_round: self.next_round, threshold: self.threshold }
    }
}

/// What the team view shows and offers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TeamOutput {
    /// The markup: for [`team_screen`] the whole screen, for [`team`] the figures, the workshop,
    /// the team summary link and the print and CSV buttons.
    pub html: String,
    /// The team summary link's payload (`t=` not included); empty before combining.
    pub summary_payload: String,
    /// The team figures as CSV, and the ownership register as CSV; empty before combining.
    pub csv: String,
    pub register: String,
}

/// The whole team view: heading, invitation and form (holding `links` and `baseline`), then,
/// once the person has combined the links, the figures in `#ov-team-result` and the files.
pub fn team_screen(locale: Locale, links: &str, baseline: &str, settings: &TeamSettings, combined: bool) -> TeamOutput {
    let mut o = Html::with_capacity(64 * 1024);
    o.raw(r#"<section class="ov-screen ov-team" aria-labelledby=""#);
    o.raw(ids::TITLE);
    o.raw(r#"" data-testid="team">"#);
    controls::team_heading(&mut o, locale);
    markup::workshop::invitation(&mut o, Instrument::current(), locale, &settings.pack());
    controls::team_form(&mut o, locale, links, baseline);
    // The figures' place is always there, so "combine" can fill it without redrawing the form.
    o.raw(r#"<div id=""#);
    o.raw(ids::TEAM_RESULT);
    o.raw(r#"" tabindex="-1">"#);
    let out = if combined { team_parts(&mut o, locale, links, baseline, settings) } else { TeamOutput::default() };
    o.raw("</div>");
    controls::start_own(&mut o, locale);
    o.raw("</section>");
    TeamOutput { html: o.into_string(), ..out }
}

/// Combines pasted result links (and optionally a baseline round) into the team view's figures.
pub fn team(locale: Locale, links: &str, baseline: &str, settings: &TeamSettings) -> TeamOutput {
    let mut o = Html::with_capacity(64 * 1024);
    let out = team_parts(&mut o, locale, links, baseline, settings);
    TeamOutput { html: o.into_string(), ..out }
}

/// Writes the figures' markup into `o`, and returns the rest of [`TeamOutput`] (its `html` left
/// empty).
fn team_parts(o: &mut Html, locale: Locale, links: &str, baseline: &str, settings: &TeamSettings) -> TeamOutput {
    let instrument = Instrument::current();
    let collected = aggregate::collect(links);
    let team = aggregate::aggregate(instrument, &collected.members, settings.threshold);
    let change = (!baseline.trim().is_empty()).then(|| {
        let before = aggregate::aggregate(instrument, &aggregate::collect(baseline).members, settings.threshold);
        aggregate::change(&before, &team)
    });
    let summary_payload = team_link::encode(instrument, &team);
    // A suppressed team has nothing to hold a workshop on: no register, no pack.
    let pack = (!team.suppressed).then(|| settings.pack());
    markup::team::team(o, instrument, locale, &collected, &team, change.as_ref(), pack.as_ref());
    controls::team_extras(o, locale, settings.around, &summary_payload);
    let register = if team.suppressed { String::new() } else { export::register_csv(instrument, locale, &team) };
    TeamOutput { html: String::new(), summary_payload, csv: export::team_csv(locale, &team), register }
}

/// Renders a team summary link's screen (`t=...`): the aggregate figures only.
pub fn team_summary(locale: Locale, fragment: &str) -> Option<String> {
    let report = team_link::decode(fragment).ok()?;
    let instrument = Instrument::by_version(report.instrument_version).unwrap_or(Instrument::current());
    let mut o = Html::with_capacity(32 * 1024);
    controls::team_summary_open(&mut o, locale);
    markup::team::team(&mut o, instrument, locale, &Collected::default(), &report, None, None);
    controls::team_summary_close(&mut o, locale);
    Some(o.into_string())
}

#[cfg(test)]
mod tests;
