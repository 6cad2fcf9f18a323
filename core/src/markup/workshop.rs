//! The team view's workshop pieces: the invitation panel and its printed handout, the ownership
//! heatmap, the biggest disagreements, the team's actions, the register and the printed workshop
//! pack.
//!
//! Like the rest of the team view, these only present what [`aggregate`](crate::aggregate) lets
//! through: a hidden group's cells are blank, and no figure is computed here. The handout and the
//! pack are in the page but shown only in print (`.ov-print-only`); the results module sets
//! `data-print` on the document so the print stylesheet shows the one asked for.

use super::html::uint_string;
use super::html::{html, Html, SafeUrl};
use super::{button, button_with_id, card_close, card_open, role_name};
use crate::aggregate::{whole, Disagreement, TeamReport};
use crate::config::{Surroundings, TeamSettings};
use crate::estimate;
use crate::facilitation::{self, Question, Said};
use crate::i18n::{key, Locale};
use crate::instrument::{Instrument, Owner, Role, Slot};
use crate::present;
use crate::qr;
use crate::ui::{ids, Action, TeamAction};

/// The assessment's time for the quickest role (rounded) and the slowest (rounded up), in
/// whole minutes.
fn minutes_range(instrument: &Instrument, locale: Locale) -> (u32, u32) {
    let times: Vec<f64> = Role::ALL.iter().map(|r| estimate::estimate(instrument, *r, locale).minutes).collect();
    let low = times.iter().copied().fold(f64::INFINITY, f64::min);
    let high = times.iter().copied().fold(0.0, f64::max);
    (low.round().max(1.0) as u32, high.ceil() as u32)
}

/// The consultancy's logo and name, as the configuration gives them (either may be absent).
pub(super) fn brand(o: &mut Html, locale: Locale, around: &Surroundings) {
    if around.logo.is_none() && around.brand.is_none() {
        return;
    }
    o.raw(r#"<div class="ov-print-brand">"#);
    if let Some(logo) = &around.logo {
        // With the name beside it the logo is decorative; alone, it is named in general words
        // (the configuration has no text for it).
        let alt = if around.brand.is_some() { "" } else { locale.t(key::ui::team::pack::LOGO_ALT) };
        html!(o; r#"<img class="ov-brand-logo" src=""# (url = logo) r#"" alt=""# (alt) r#"">"#);
    }
    if let Some(name) = &around.brand {
        html!(o; r#"<span class="ov-brand-name">"# (name) "</span>");
    }
    o.raw("</div>");
}

/// The invitation's promises, as list items.
fn promises(o: &mut Html, locale: Locale, threshold: usize) {
    for k in [
        key::ui::team::invite::PROMISE_NAME,
        key::ui::team::invite::PROMISE_DEVICE,
        key::ui::team::invite::PROMISE_GROUPS,
    ] {
        html!(o; "<li>" {o.fill(locale.t(k), &[("k", &threshold)])} "</li>");
    }
}

/// The invitation panel: the assessment's address, its QR code and how long it takes, with a
/// one-page handout for a meeting room (printed on its own).
pub fn invitation(o: &mut Html, instrument: &Instrument, locale: Locale, info: &TeamSettings) {
    // With a round key, the address carries its public half, so every result sent from it is
    // sealed for this round.
    let with_key = info.round().map(|k| info.around.link(crate::seal::KEY_PREFIX, &k.to_text()));
    let address = match with_key.as_deref().and_then(SafeUrl::new) {
        Some(url) => url,
        None => info.around.share_base.clone(),
    };
    let address = &address;
    let (low, high) = minutes_range(instrument, locale);
    let duration = |o: &mut Html| o.fill(locale.t(key::ui::team::invite::DURATION), &[("min", &low), ("max", &high)]);
    let qr_title = locale.fmt(key::ui::team::invite::QR_TITLE, &[("address", address.as_str())]);
    html!(o;
        r#"<section class="ov-card ov-invite-card" aria-labelledby="ov-invite-h" data-testid="team-invite"><h2 id="ov-invite-h">"#
        (locale.t(key::ui::team::invite::TITLE)) r#"</h2><div class="ov-invite ov-no-print"><div class="ov-invite__text"><p>"#
        (locale.t(key::ui::team::invite::INTRO)) r#"</p><p class="ov-invite__address"><a href=""# (url = address)
        r#"" data-testid="invite-address" rel="noopener">"# (address.as_str()) "</a></p><p>" {duration(o)} "</p><ul>"
        {promises(o, locale, info.threshold)}
        r#"</ul><div class="ov-nav ov-nav--wrap">"#
        {button(o, "", Action::Team(TeamAction::PrintHandout), locale.t(key::ui::team::invite::PRINT))}
        r#"</div></div><figure class="ov-invite__code" data-testid="invite-qr">"#
        {qr::svg(o, address.as_str(), "ov-qr-screen", &qr_title)}
        r#"</figure></div><div class="ov-handout ov-print-only" data-testid="handout">"#
        {brand(o, locale, info.around)}
        r#"<h2 class="ov-print-title">"# (locale.t(key::ui::team::invite::HANDOUT_TITLE)) r#"</h2><p class="ov-lead">"#
        (locale.t(key::ui::team::invite::HANDOUT_LEAD)) r#"</p><figure class="ov-handout__code">"#
        {qr::svg(o, address.as_str(), "ov-qr-handout", &qr_title)}
        r#"</figure><p class="ov-handout__address">"# (address.as_str()) "</p><p>" {duration(o)}
        r#"</p><ul class="ov-handout__promise">"# {promises(o, locale, info.threshold)} r#"</ul><p class="ov-hint">"#
        (locale.t(key::ui::team::invite::HANDOUT_AFTER)) "</p>"
    );
    // The key's fingerprint, for a careful person to compare with their results screen.
    if let Some(k) = info.round() {
        html!(o;
            r#"<p class="ov-hint" data-testid="handout-fingerprint">"#
            {o.fill(locale.t(key::ui::team::invite::SEALED), &[("fingerprint", &k.fingerprint_text())])}
            "</p>"
        );
    }
    o.raw("</div></section>");
}

/// A column heading for a role group: its name, and "hidden" when its figures are withheld.
fn role_heading(locale: Locale, rep: &TeamReport, role: Role) -> String {
    let hidden = rep.roles.iter().any(|g| g.role == role && !g.is_shown());
    if hidden {
        locale.fmt(key::ui::team::heat::HIDDEN_COLUMN, &[("role", role_name(locale, role))])
    } else {
        role_name(locale, role).to_string()
    }
}

/// The ownership heatmap: areas down, role groups across, each cell the owner the group names
/// most, coloured by that owner and always written out, with how many agree. It is an HTML
/// table, so it is its own table alternative; the colour only repeats what the text says.
pub fn heatmap(o: &mut Html, instrument: &Instrument, locale: Locale, rep: &TeamReport) {
    let rows = facilitation::register(instrument, rep);
    if rows.is_empty() {
        return;
    }
    card_open(o, "ov-team-own-h", "team-ownership", locale.t(key::ui::team::OWNERSHIP_TITLE));
    html!(o;
        "<p>" (locale.t(key::ui::team::OWNERSHIP_INTRO)) r#"</p><div class="ov-scroll" tabindex="0" role="region" aria-labelledby="ov-heat-cap"><table class="ov-table ov-heatmap" data-testid="team-heatmap"><caption id="ov-heat-cap">"#
        (locale.t(key::ui::team::heat::CAPTION)) r#"</caption><thead><tr><th scope="col">"# (locale.t(key::ui::results::AREA)) "</th>"
    );
    for r in facilitation::register_roles(instrument) {
        html!(o; r#"<th scope="col">"# (role_heading(locale, rep, r)) "</th>");
    }
    html!(o; r#"<th scope="col">"# (locale.t(key::ui::team::register::DECISION)) "</th></tr></thead><tbody>");
    for row in &rows {
        html!(o;
            "<tr" {if row.decision_needed() { o.raw(r#" data-decision="true""#) }} r#"><th scope="row">"#
            (present::area_name(instrument, locale, row.area)) "</th>"
        );
        for (_, said) in &row.said {
            match said {
                Said::Shown(m) => {
                    let owner = m.owner.map_or("none", |o| o.id());
                    // Under half of the group agreeing is drawn paler: the group is split.
                    let split = m.owner.is_some() && m.agree * 2 <= m.of;
                    html!(o;
                        r#"<td class="ov-heat" data-owner=""# (owner) r#"""# {if split { o.raw(r#" data-split="true""#) }} ">"
                        (present::team::said_line(locale, said, rep.threshold)) "</td>"
                    );
                }
                Said::Hidden => o.raw(r#"<td data-hidden="true"></td>"#),
                Said::TooFew => {
                    html!(o; r#"<td class="ov-heat-few">"# (present::team::said_line(locale, said, rep.threshold)) "</td>")
                }
            }
        }
        let decision = present::team::decision_reasons(locale, row);
        o.raw("<td>");
        if !decision.is_empty() {
            html!(o; r#"<span class="ov-tag ov-tag--gap">"# (decision) "</span>");
        }
        o.raw("</td></tr>");
    }
    html!(o; r#"</tbody></table></div><ul class="ov-legend" aria-label=""# (locale.t(key::ui::team::heat::LEGEND)) r#"">"#);
    for owner in instrument.ownership.owners {
        html!(o;
            r#"<li><span class="ov-swatch ov-heat" data-owner=""# (owner.id()) r#"" aria-hidden="true"></span>"#
            (present::owner_text(locale, *owner)) "</li>"
        );
    }
    o.raw("</ul>");
    card_close(o);
}

/// "Internal IT (6): mostly Agree, average 72".
fn side(instrument: &Instrument, locale: Locale, d: &Disagreement, higher: bool) -> String {
    let (stat, answer) = if higher { (d.higher, d.higher_answer) } else { (d.lower, d.lower_answer) };
    let item = &instrument.items[d.item];
    let answer = answer.map_or("–".to_string(), |a| present::answer_text(instrument, locale, Slot(item.slot), a));
    locale.fmt(
        key::ui::team::disagree::SIDE,
        &[
            ("role", role_name(locale, stat.role)),
            ("n", &stat.n.to_string()),
            ("answer", &answer),
            ("mean", &uint_string(whole(stat.mean) as u64)),
        ],
    )
}

/// The biggest disagreements on single anchor questions: the question, each group's most common
/// answer and average, and whether groups of these sizes can tell the difference apart.
pub fn disagreements(o: &mut Html, instrument: &Instrument, locale: Locale, rep: &TeamReport) {
    card_open(o, "ov-disagree-h", "team-disagree", locale.t(key::ui::team::disagree::TITLE));
    if rep.disagreements.is_empty() {
        html!(o; "<p>" (locale.t(key::ui::team::disagree::NONE)) "</p>");
    } else {
        html!(o; "<p>" (locale.t(key::ui::team::disagree::INTRO)) r#"</p><ol class="ov-disagreements" data-testid="team-disagreements">"#);
        for d in &rep.disagreements {
            let item = &instrument.items[d.item];
            let reading = if d.gap { key::ui::team::disagree::GAP } else { key::ui::team::disagree::NOISE };
            html!(o;
                r#"<li class="ov-disagreement"><p class="ov-disagreement__q">“"# (present::question_text(instrument, locale, Slot(item.slot)))
                "”</p><ul><li>" (side(instrument, locale, d, true)) "</li><li>" (side(instrument, locale, d, false))
                r#"</li></ul><p class="ov-hint">"# {o.fill(locale.t(reading), &[("points", &whole(d.size))])} "</p></li>"
            );
        }
        o.raw("</ol>");
    }
    card_close(o);
}

/// The actions the team's answers call for most often.
pub fn team_actions(o: &mut Html, instrument: &Instrument, locale: Locale, rep: &TeamReport) {
    if rep.actions.is_empty() {
        return;
    }
    card_open(o, "ov-team-actions-h", "team-actions-card", locale.t(key::ui::team::actions::TITLE));
    html!(o; "<p>" (locale.t(key::ui::team::actions::INTRO)) r#"</p><ol class="ov-actions" data-testid="team-actions">"#);
    for a in &rep.actions {
        let Some(rule) = instrument.actions().get(a.rule) else { continue };
        html!(o;
            r#"<li class="ov-action"><strong>"# (locale.t(rule.title)) "</strong><p>"
            (locale.t(rule.detail)) r#"</p><p class="ov-raised-by">"#
            {o.fill(locale.t(key::ui::team::actions::OFFERED), &[("count", &a.count), ("n", &a.of)])}
            "</p></li>"
        );
    }
    o.raw("</ol>");
    card_close(o);
}

/// Decide and facilitate: the register download, the workshop pack and present mode.
pub fn workshop_card(o: &mut Html, instrument: &Instrument, locale: Locale, rep: &TeamReport) {
    let rows = facilitation::register(instrument, rep);
    let needed = rows.iter().filter(|r| r.decision_needed()).count();
    let agenda = facilitation::ownership_agenda(instrument, rep).on_agenda.len();
    o.raw(r#"<div class="ov-no-print">"#);
    card_open(o, "ov-workshop-h", "team-workshop", locale.t(key::ui::team::workshop::TITLE));
    html!(o;
        "<p>" (locale.t(key::ui::team::workshop::INTRO)) r#"</p><p data-testid="register-needed">"#
        {o.fill(locale.t(locale.plural_form(key::ui::team::workshop::NEEDED, needed as u64)), &[("count", &needed), ("n", &rows.len()), ("agenda", &agenda)])}
        r#"</p><div class="ov-nav ov-nav--wrap">"#
        {button(o, "ov-btn--primary", Action::Team(TeamAction::PrintPack), locale.t(key::ui::team::workshop::PRINT_PACK))}
        {button_with_id(o, ids::PRESENT, "", Action::Team(TeamAction::Present), locale.t(key::ui::team::workshop::PRESENT))}
        {button(o, "", Action::Team(TeamAction::RegisterCsv), locale.t(key::ui::team::workshop::REGISTER_CSV))}
        "</div>"
    );
    card_close(o);
    o.raw("</div>");
}

/// A discussion question written from its figure.
pub fn room_question(instrument: &Instrument, locale: Locale, rep: &TeamReport, q: &Question) -> String {
    match q {
        Question::Disagreement(d) => {
            let item = &instrument.items[d.item];
            let answer = |a: Option<crate::response::Answer>| {
                a.map_or("–".to_string(), |a| present::answer_text(instrument, locale, Slot(item.slot), a))
            };
            // The question's own full stop would end the sentence it is quoted in.
            let question = present::question_text(instrument, locale, Slot(item.slot));
            locale.fmt(
                key::ui::team::question::DISAGREEMENT,
                &[
                    ("question", question.trim_end_matches('.')),
                    ("a", role_name(locale, d.higher.role)),
                    ("a_answer", &answer(d.higher_answer)),
                    ("b", role_name(locale, d.lower.role)),
                    ("b_answer", &answer(d.lower_answer)),
                    ("points", &uint_string(whole(d.size) as u64)),
                ],
            )
        }
        Question::Owners { area, first, second } => {
            let owner = |o: Option<Owner>| o.map_or("–", |o| present::owner_text(locale, o));
            locale.fmt(
                key::ui::team::question::OWNERS,
                &[
                    ("area", present::area_name(instrument, locale, *area)),
                    ("a", role_name(locale, first.role)),
                    ("a_owner", owner(first.owner)),
                    ("b", role_name(locale, second.role)),
                    ("b_owner", owner(second.owner)),
                ],
            )
        }
        Question::Gap { area, count, of } => locale.fmt(
            key::ui::team::question::GAP,
            &[
                ("area", present::area_name(instrument, locale, *area)),
                ("count", &count.to_string()),
                ("of", &of.to_string()),
            ],
        ),
        Question::Barrier(d) => {
            let score = rep.dimensions.iter().find(|t| t.dimension == *d).and_then(|t| t.score);
            locale.fmt(
                key::ui::team::question::BARRIER,
                &[
                    ("dimension", present::dimension_name(locale, *d)),
                    ("score", &score.map_or("–".to_string(), |s| uint_string(whole(s) as u64))),
                ],
            )
        }
    }
}
