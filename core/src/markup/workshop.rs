//! The team view's workshop pieces: the invitation panel and its printed handout, the ownership
//! heatmap, the biggest disagreements, the team's actions, the register and the printed workshop
//! pack.
//!
//! Like the rest of the team view, these only present what [`aggregate`](crate::aggregate) lets
//! through: a hidden group's cells are blank, and no figure is computed here. The handout and the
//! pack are in the page but shown only in print (`.ov-print-only`); the results module sets
//! `data-print` on the document so the print stylesheet shows the one asked for.

use super::html::{html, join, Html};
use super::{button, card, one, role_name};
use crate::aggregate::{Disagreement, TeamReport};
use crate::estimate;
use crate::i18n::Locale;
use crate::instrument::{Instrument, ItemKind, Owner, Role};
use crate::markup::controls::Surroundings;
use crate::present;
use crate::qr;
use crate::ui::Action;
use crate::workshop::{self, Question, RegisterRow, Said};

/// What the pack and the handout print besides the figures: who runs the workshop, and the dates
/// as the browser writes them in the person's language.
pub struct PackInfo<'a> {
    pub around: &'a Surroundings,
    pub today: &'a str,
    /// Today plus [`workshop::NEXT_ROUND_DAYS`].
    pub next_round: &'a str,
    pub threshold: usize,
}

/// An area's name in the person's language.
fn area_name(instrument: &Instrument, locale: Locale, area: usize) -> &'static str {
    let matrix = instrument.matrix();
    match matrix.kind {
        ItemKind::Matrix { areas, .. } => {
            areas.get(area).map_or("?", |a| locale.t(&format!("item.{}.area.{a}", matrix.id)))
        }
        _ => "?",
    }
}

/// The assessment's time for the quickest role (rounded) and the slowest (rounded up), in
/// whole minutes.
fn minutes_range(instrument: &Instrument, locale: Locale) -> (u32, u32) {
    let times: Vec<f64> = Role::ALL.iter().map(|r| estimate::estimate(instrument, *r, locale).minutes).collect();
    let low = times.iter().copied().fold(f64::INFINITY, f64::min);
    let high = times.iter().copied().fold(0.0, f64::max);
    (low.round().max(1.0) as u32, high.ceil() as u32)
}

/// The consultancy's logo and name, as the configuration gives them (either may be absent).
fn brand(locale: Locale, around: &Surroundings) -> Html {
    let mut o = Html::new();
    if let Some(logo) = &around.logo {
        // With the name beside it the logo is decorative; alone, it is named in general words
        // (the configuration has no text for it).
        let alt = if around.brand.is_some() { "" } else { locale.t("ui.team.pack.logo_alt") };
        o.push(html!(r#"<img class="ov-brand-logo" src="{}" alt="{}">"#, logo.as_str(), alt));
    }
    if let Some(name) = &around.brand {
        o.push(html!(r#"<span class="ov-brand-name">{}</span>"#, name.as_str()));
    }
    if o.is_empty() {
        o
    } else {
        html!(r#"<div class="ov-print-brand">{}</div>"#, o)
    }
}

/// The invitation panel: the assessment's address, its QR code and how long it takes, with a
/// one-page handout for a meeting room (printed on its own).
pub fn invitation(instrument: &Instrument, locale: Locale, info: &PackInfo) -> Html {
    let address = info.around.share_base.as_str();
    let (low, high) = minutes_range(instrument, locale);
    let duration = locale.fmt("ui.team.invite.duration", &[("min", &low.to_string()), ("max", &high.to_string())]);
    let qr_title = locale.fmt("ui.team.invite.qr_title", &[("address", address)]);
    let code = |id: &str| qr::svg(address, id, &qr_title).unwrap_or_default();
    let promise = ["ui.team.invite.promise_name", "ui.team.invite.promise_device", "ui.team.invite.promise_groups"]
        .iter()
        .map(|k| html!("<li>{}</li>", locale.fmt(k, &[("k", &info.threshold.to_string())])));
    let promise = join(promise, Html::new());
    let handout = html!(
        r#"<div class="ov-handout ov-print-only" data-testid="handout">{}<h2 class="ov-print-title">{}</h2><p class="ov-lead">{}</p><figure class="ov-handout__code">{}</figure><p class="ov-handout__address">{}</p><p>{}</p><ul class="ov-handout__promise">{}</ul><p class="ov-hint">{}</p></div>"#,
        brand(locale, info.around),
        locale.t("ui.team.invite.handout_title"),
        locale.t("ui.team.invite.handout_lead"),
        code("ov-qr-handout"),
        address,
        duration.as_str(),
        promise.clone(),
        locale.t("ui.team.invite.handout_after"),
    );
    let screen = html!(
        r#"<div class="ov-invite ov-no-print"><div class="ov-invite__text"><p>{}</p><p class="ov-invite__address"><a href="{}" data-testid="invite-address" rel="noopener">{}</a></p><p>{}</p><ul>{}</ul><div class="ov-nav ov-nav--wrap">{}</div></div><figure class="ov-invite__code" data-testid="invite-qr">{}</figure></div>"#,
        locale.t("ui.team.invite.intro"),
        address,
        address,
        duration.as_str(),
        promise,
        button("", Action::PrintHandout, locale.t("ui.team.invite.print")),
        code("ov-qr-screen"),
    );
    html!(
        r#"<section class="ov-card ov-invite-card" aria-labelledby="ov-invite-h" data-testid="team-invite"><h2 id="ov-invite-h">{}</h2>{}{}</section>"#,
        locale.t("ui.team.invite.title"),
        screen,
        handout
    )
}

/// One cell of the heatmap or the register: a shown group's most named owner and how many of it
/// agree; blank for a hidden group.
fn said_text(locale: Locale, said: &Said, rep_threshold: usize) -> String {
    match said {
        Said::Shown(m) => match m.owner {
            Some(o) => locale.fmt(
                "ui.team.majority",
                &[
                    ("owner", present::owner_text(locale, o)),
                    ("agree", &m.agree.to_string()),
                    ("of", &m.of.to_string()),
                ],
            ),
            None if m.of == 0 => "–".to_string(),
            None => locale.t("ui.team.no_majority").to_string(),
        },
        Said::TooFew => locale.fmt("ui.team.too_few", &[("k", &rep_threshold.to_string())]),
        Said::Hidden => String::new(),
    }
}

/// Why the room must decide an area's owner, or an empty string.
fn decision_text(locale: Locale, row: &RegisterRow) -> String {
    let mut why = Vec::new();
    if row.disagreement {
        why.push(locale.t("ui.team.different_owners"));
    }
    if row.gap {
        why.push(locale.t("ui.team.register.no_clear_owner"));
    }
    why.join("; ")
}

/// A column heading for a role group: its name, and "hidden" when its figures are withheld.
fn role_heading(locale: Locale, rep: &TeamReport, role: Role) -> String {
    let hidden = rep.roles.iter().any(|g| g.role == role && !g.is_shown());
    if hidden {
        locale.fmt("ui.team.heat.hidden_column", &[("role", role_name(locale, role))])
    } else {
        role_name(locale, role).to_string()
    }
}

/// The ownership heatmap: areas down, role groups across, each cell the owner the group names
/// most, coloured by that owner and always written out, with how many agree. It is an HTML
/// table, so it is its own table alternative; the colour only repeats what the text says.
pub fn heatmap(instrument: &Instrument, locale: Locale, rep: &TeamReport) -> Html {
    let rows = workshop::register(instrument, rep);
    if rows.is_empty() {
        return Html::new();
    }
    let roles = workshop::register_roles(instrument);
    let mut head = Html::new();
    for r in &roles {
        head.push(html!(r#"<th scope="col">{}</th>"#, role_heading(locale, rep, *r)));
    }
    let mut body = Html::new();
    for row in &rows {
        let mut cells = Html::new();
        for (_, said) in &row.said {
            cells.push(match said {
                Said::Shown(m) => {
                    let owner = m.owner.map_or("none", |o| o.id());
                    // Under half of the group agreeing is drawn paler: the group is split.
                    let split = m.owner.is_some() && m.agree * 2 <= m.of;
                    html!(
                        r#"<td class="ov-heat" data-owner="{}"{}>{}</td>"#,
                        owner,
                        if split { html!(r#" data-split="true""#) } else { Html::new() },
                        said_text(locale, said, rep.threshold)
                    )
                }
                Said::Hidden => html!(r#"<td data-hidden="true"></td>"#),
                Said::TooFew => html!(r#"<td class="ov-heat-few">{}</td>"#, said_text(locale, said, rep.threshold)),
            });
        }
        let decision = decision_text(locale, row);
        let tag = if decision.is_empty() {
            Html::new()
        } else {
            html!(r#"<span class="ov-tag ov-tag--gap">{}</span>"#, decision)
        };
        body.push(html!(
            r#"<tr{}><th scope="row">{}</th>{}<td>{}</td></tr>"#,
            if row.decision_needed() { html!(r#" data-decision="true""#) } else { Html::new() },
            area_name(instrument, locale, row.area),
            cells,
            tag
        ));
    }
    let owners: &[Owner] = match instrument.matrix().kind {
        ItemKind::Matrix { owners, .. } => owners,
        _ => &[],
    };
    let legend = owners.iter().map(|o| {
        html!(
            r#"<li><span class="ov-swatch ov-heat" data-owner="{}" aria-hidden="true"></span>{}</li>"#,
            o.id(),
            present::owner_text(locale, *o)
        )
    });
    let content = html!(
        r#"<p>{}</p><div class="ov-scroll"><table class="ov-table ov-heatmap" data-testid="team-heatmap"><caption>{}</caption><thead><tr><th scope="col">{}</th>{}<th scope="col">{}</th></tr></thead><tbody>{}</tbody></table></div><ul class="ov-legend" aria-label="{}">{}</ul>"#,
        locale.t("ui.team.ownership_intro"),
        locale.t("ui.team.heat.caption"),
        locale.t("ui.results.area"),
        head,
        locale.t("ui.team.register.decision"),
        body,
        locale.t("ui.team.heat.legend"),
        join(legend, Html::new())
    );
    card("ov-team-own-h", "team-ownership", locale.t("ui.team.ownership_title"), content)
}

/// "Internal IT (6): mostly Agree, average 72".
fn side(instrument: &Instrument, locale: Locale, d: &Disagreement, higher: bool) -> String {
    let (stat, answer) = if higher { (d.higher, d.higher_answer) } else { (d.lower, d.lower_answer) };
    let item = &instrument.items[d.item];
    let answer = answer.map_or("–".to_string(), |a| present::answer_text(instrument, locale, item.id, a));
    locale.fmt(
        "ui.team.disagree.side",
        &[
            ("role", role_name(locale, stat.role)),
            ("n", &stat.n.to_string()),
            ("answer", &answer),
            ("mean", &one(stat.mean.round(), locale)),
        ],
    )
}

/// The biggest disagreements on single anchor questions: the question, each group's most common
/// answer and average, and whether groups of these sizes can tell the difference apart.
pub fn disagreements(instrument: &Instrument, locale: Locale, rep: &TeamReport) -> Html {
    let body = if rep.disagreements.is_empty() {
        html!("<p>{}</p>", locale.t("ui.team.disagree.none"))
    } else {
        let items = rep.disagreements.iter().map(|d| {
            let item = &instrument.items[d.item];
            html!(
                r#"<li class="ov-disagreement"><p class="ov-disagreement__q">“{}”</p><ul><li>{}</li><li>{}</li></ul><p class="ov-hint">{}</p></li>"#,
                present::question_text(instrument, locale, item.id),
                side(instrument, locale, d, true),
                side(instrument, locale, d, false),
                locale.fmt(
                    if d.gap { "ui.team.disagree.gap" } else { "ui.team.disagree.noise" },
                    &[("points", &one(d.size.round(), locale))]
                )
            )
        });
        html!(
            r#"<p>{}</p><ol class="ov-disagreements" data-testid="team-disagreements">{}</ol>"#,
            locale.t("ui.team.disagree.intro"),
            join(items, Html::new())
        )
    };
    card("ov-disagree-h", "team-disagree", locale.t("ui.team.disagree.title"), body)
}

/// The actions the members' own reports offered most often.
pub fn team_actions(instrument: &Instrument, locale: Locale, rep: &TeamReport) -> Html {
    if rep.actions.is_empty() {
        return Html::new();
    }
    let items = rep.actions.iter().filter_map(|a| {
        let rule = instrument.actions().get(a.rule)?;
        Some(html!(
            r#"<li class="ov-action"><strong>{}</strong><p>{}</p><p class="ov-raised-by">{}</p></li>"#,
            locale.t(&format!("action.{}.title", rule.id)),
            locale.t(&format!("action.{}.detail", rule.id)),
            locale.fmt("ui.team.actions.offered", &[("count", &a.count.to_string()), ("n", &a.of.to_string())])
        ))
    });
    let body = html!(
        r#"<p>{}</p><ol class="ov-actions" data-testid="team-actions">{}</ol>"#,
        locale.t("ui.team.actions.intro"),
        join(items, Html::new())
    );
    card("ov-team-actions-h", "team-actions-card", locale.t("ui.team.actions.title"), body)
}

/// Decide and facilitate: the register download and the workshop pack.
pub fn workshop_card(instrument: &Instrument, locale: Locale, rep: &TeamReport) -> Html {
    let rows = workshop::register(instrument, rep);
    let needed = rows.iter().filter(|r| r.decision_needed()).count();
    let body = html!(
        r#"<p>{}</p><p data-testid="register-needed">{}</p><div class="ov-nav ov-nav--wrap">{}{}</div>"#,
        locale.t("ui.team.workshop.intro"),
        locale.fmt("ui.team.workshop.needed", &[("count", &needed.to_string()), ("n", &rows.len().to_string())]),
        button("ov-btn--primary", Action::PrintPack, locale.t("ui.team.workshop.print_pack")),
        button("", Action::RegisterCsv, locale.t("ui.team.workshop.register_csv")),
    );
    html!(
        r#"<div class="ov-no-print">{}</div>"#,
        card("ov-workshop-h", "team-workshop", locale.t("ui.team.workshop.title"), body)
    )
}

/// A discussion question written from its figure.
pub fn question_text(instrument: &Instrument, locale: Locale, rep: &TeamReport, q: &Question) -> String {
    match q {
        Question::Disagreement(d) => {
            let item = &instrument.items[d.item];
            let answer = |a: Option<crate::response::Answer>| {
                a.map_or("–".to_string(), |a| present::answer_text(instrument, locale, item.id, a))
            };
            // The question's own full stop would end the sentence it is quoted in.
            let question = present::question_text(instrument, locale, item.id);
            locale.fmt(
                "ui.team.question.disagreement",
                &[
                    ("question", question.trim_end_matches('.')),
                    ("a", role_name(locale, d.higher.role)),
                    ("a_answer", &answer(d.higher_answer)),
                    ("b", role_name(locale, d.lower.role)),
                    ("b_answer", &answer(d.lower_answer)),
                    ("points", &one(d.size.round(), locale)),
                ],
            )
        }
        Question::Owners { area, first, second } => {
            let owner = |o: Option<Owner>| o.map_or("–", |o| present::owner_text(locale, o));
            locale.fmt(
                "ui.team.question.owners",
                &[
                    ("area", area_name(instrument, locale, *area)),
                    ("a", role_name(locale, first.role)),
                    ("a_owner", owner(first.owner)),
                    ("b", role_name(locale, second.role)),
                    ("b_owner", owner(second.owner)),
                ],
            )
        }
        Question::Gap { area, count, of } => locale.fmt(
            "ui.team.question.gap",
            &[("area", area_name(instrument, locale, *area)), ("count", &count.to_string()), ("of", &of.to_string())],
        ),
        Question::Barrier(d) => {
            let score = rep.dimensions.iter().find(|t| t.dimension == *d).and_then(|t| t.score);
            locale.fmt(
                "ui.team.question.barrier",
                &[
                    ("dimension", present::dimension_name(locale, *d)),
                    ("score", &score.map_or("–".to_string(), |s| one(s.round(), locale))),
                ],
            )
        }
    }
}

/// Ruled lines for handwritten notes in the printed pack.
fn notes(lines: usize) -> Html {
    let mut o = Html::new();
    for _ in 0..lines {
        o.push(html!(r#"<div class="ov-pack-line"></div>"#));
    }
    html!(r#"<div class="ov-pack-notes" aria-hidden="true">{}</div>"#, o)
}

/// The printed workshop pack (A4, black and white): headline, agenda, discussion questions, the
/// ownership decisions, red flags, actions, and the next round's date.
pub fn pack(instrument: &Instrument, locale: Locale, rep: &TeamReport, info: &PackInfo) -> Html {
    let mut o = html!(r#"<div class="ov-pack ov-print-only" data-testid="pack">"#);
    // Headline and agenda: the first page.
    let groups: Vec<String> = rep
        .shown()
        .map(|g| locale.fmt("ui.team.pack.group", &[("role", role_name(locale, g.role)), ("n", &g.n.to_string())]))
        .collect();
    let barrier = match rep.barrier {
        Some(d) => present::dimension_name(locale, d),
        None => locale.t("ui.results.no_barrier"),
    };
    let mut scores = Html::new();
    for d in &rep.dimensions {
        scores.push(html!(
            r#"<tr><th scope="row">{}</th><td class="ov-num">{}</td></tr>"#,
            present::dimension_name(locale, d.dimension),
            d.score.map_or("–".to_string(), |s| one(s.round(), locale))
        ));
    }
    o.push(html!(
        r#"<section class="ov-pack-page">{}<h2 class="ov-print-title">{}</h2><p>{}</p><p>{}</p><p class="ov-pack-barrier"><strong>{}</strong> {}</p><table class="ov-table ov-pack-scores"><thead><tr><th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>{}</tbody></table>"#,
        brand(locale, info.around),
        locale.t("ui.team.pack.title"),
        locale.fmt("ui.team.pack.prepared", &[("date", info.today)]),
        locale.fmt(
            "ui.team.pack.based_on",
            &[("n", &rep.n.to_string()), ("groups", &groups.join(", ")), ("k", &rep.threshold.to_string())]
        ),
        locale.t("ui.team.barrier"),
        barrier,
        locale.t("ui.results.dimension"),
        locale.t("ui.team.team_score"),
        scores
    ));
    let slots = workshop::agenda().into_iter().map(|s| {
        html!(
            r#"<tr><td class="ov-num">{}–{}</td><th scope="row">{}</th><td>{}</td></tr>"#,
            workshop::clock(s.start),
            workshop::clock(s.end),
            locale.t(&format!("ui.team.agenda.{}", s.part.id())),
            locale.fmt(&format!("ui.team.agenda.{}_detail", s.part.id()), &[("k", &rep.threshold.to_string())])
        )
    });
    o.push(html!(
        r#"<h3>{}</h3><table class="ov-table ov-pack-agenda" data-testid="pack-agenda"><thead><tr><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>{}</tbody></table></section>"#,
        locale.fmt("ui.team.agenda.title", &[("minutes", &workshop::MEETING_MINUTES.to_string())]),
        locale.t("ui.team.agenda.time"),
        locale.t("ui.team.agenda.part"),
        locale.t("ui.team.agenda.what"),
        join(slots, Html::new())
    ));
    // Discussion questions, with room for notes: the second page.
    let questions = workshop::questions(rep);
    let qs =
        questions.iter().map(|q| html!(r#"<li><p>{}</p>{}</li>"#, question_text(instrument, locale, rep, q), notes(4)));
    let flags = if rep.flags.is_empty() {
        html!("<p>{}</p>", locale.t("ui.team.no_flags"))
    } else {
        let items = rep.flags.iter().filter_map(|f| {
            let id = instrument.red_flags().get(f.rule)?.id;
            Some(html!(
                "<li><strong>{}</strong> {}</li>",
                locale.t(&format!("flag.{id}.text")),
                locale.fmt("ui.team.raised_by_count", &[("count", &f.count.to_string()), ("n", &f.of.to_string())])
            ))
        });
        html!(r#"<ul class="ov-pack-flags">{}</ul>"#, join(items, Html::new()))
    };
    o.push(html!(
        r#"<section class="ov-pack-page"><h3>{}</h3><p>{}</p><ol class="ov-pack-questions" data-testid="pack-questions">{}</ol></section>"#,
        locale.t("ui.team.pack.questions_title"),
        locale.t("ui.team.pack.questions_intro"),
        join(qs, Html::new()),
    ));
    // The ownership decisions: the third page. The areas that need a decision come first.
    let mut rows = workshop::register(instrument, rep);
    rows.sort_by_key(|r| (!r.decision_needed(), r.area));
    let decisions = rows.iter().map(|row| {
        let said: Vec<String> = row
            .said
            .iter()
            .filter(|(_, s)| matches!(s, Said::Shown(_)))
            .map(|(r, s)| format!("{}: {}", role_name(locale, *r), said_text(locale, s, rep.threshold)))
            .collect();
        let decision = decision_text(locale, row);
        html!(
            r#"<tr{}><th scope="row">{}</th><td>{}</td><td>{}</td><td></td><td></td><td></td></tr>"#,
            if row.decision_needed() { html!(r#" class="ov-pack-decide""#) } else { Html::new() },
            area_name(instrument, locale, row.area),
            said.join("; "),
            if decision.is_empty() { locale.t("ui.team.register.confirm").to_string() } else { decision }
        )
    });
    o.push(html!(
        r#"<section class="ov-pack-page"><h3>{}</h3><p>{}</p><table class="ov-table ov-pack-decisions" data-testid="pack-decisions"><thead><tr><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>{}</tbody></table></section>"#,
        locale.t("ui.team.pack.decisions_title"),
        locale.t("ui.team.pack.decisions_intro"),
        locale.t("ui.results.area"),
        locale.t("ui.team.register.said"),
        locale.t("ui.team.register.decision"),
        locale.t("ui.team.register.owner"),
        locale.t("ui.team.register.escalation"),
        locale.t("ui.team.register.review"),
        join(decisions, Html::new())
    ));
    // Red flags, actions and the next round: the last page, as in the agenda.
    let mut actions = Html::new();
    for a in &rep.actions {
        if let Some(rule) = instrument.actions().get(a.rule) {
            actions.push(html!(
                r#"<tr><th scope="row">{}</th><td class="ov-num">{}</td><td></td><td></td></tr>"#,
                locale.t(&format!("action.{}.title", rule.id)),
                locale
                    .fmt("ui.team.actions.offered_short", &[("count", &a.count.to_string()), ("n", &a.of.to_string())])
            ));
        }
    }
    // Two empty rows for what the room adds.
    for _ in 0..2 {
        actions.push(html!(r#"<tr class="ov-pack-blank"><th scope="row"></th><td></td><td></td><td></td></tr>"#));
    }
    o.push(html!(
        r#"<section class="ov-pack-page"><h3>{}</h3>{}<h3>{}</h3><p>{}</p><table class="ov-table ov-pack-actions" data-testid="pack-actions"><thead><tr><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>{}</tbody></table><h3>{}</h3><p data-testid="pack-next-round">{}</p><p class="ov-hint">{}</p></section></div>"#,
        locale.t("ui.results.flags"),
        flags,
        locale.t("ui.team.actions.title"),
        locale.t("ui.team.pack.actions_intro"),
        locale.t("ui.team.pack.action"),
        locale.t("ui.team.pack.offered"),
        locale.t("ui.team.register.owner"),
        locale.t("ui.team.pack.due"),
        actions,
        locale.t("ui.team.pack.next_title"),
        locale.fmt(
            "ui.team.pack.next_round",
            &[("date", info.next_round), ("days", &workshop::NEXT_ROUND_DAYS.to_string())]
        ),
        locale.fmt("ui.team.pack.footer", &[("k", &rep.threshold.to_string())])
    ));
    o
}
