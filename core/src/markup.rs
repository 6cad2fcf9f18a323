//! The markup of the assessment's screens and of the report, as escaped HTML.
//!
//! Rendering these mostly static screens here, in pure Rust, rather than as Leptos views keeps
//! the WebAssembly within its size budget (every distinct view tree costs code; a string costs
//! almost none) and lets native tests check the accessible structure: fieldset and legend per
//! question, native radios with labels, one `h1` per screen, table headers. The app inserts the
//! HTML into a host element and handles its events by delegation: inputs are named
//! `q:<answer key>` and buttons carry a [`ui::Action`]. Every screen and every part of it is
//! written into one [`Html`] buffer, in document order, with the [`html!`](html::html) macro,
//! which escapes every value by type (see [`html`]).

use crate::i18n::{key, Locale};
use crate::instrument::{Instrument, ItemKind, Owner, Role, Slot};
use crate::present;
use crate::response::{Answer, Response};
use crate::ui::{ids, names, Action, AppAction};

pub mod app;
pub mod html;
#[cfg(feature = "results")]
pub mod kiosk;
#[cfg(feature = "team")]
pub mod pack;
#[cfg(feature = "results")]
pub mod report;
#[cfg(feature = "setup")]
pub mod setup;
#[cfg(feature = "team")]
pub mod team;
#[cfg(feature = "team")]
pub mod team_frame;
#[cfg(feature = "team")]
pub mod workshop;

use html::html;
pub use html::{Html, Render, SafeUrl};

/// The value a radio input carries for an answer, and back.
pub fn answer_value(answer: Answer) -> String {
    let (prefix, n) = match answer {
        Answer::Likert(v) => ("l", v),
        Answer::DontKnow => return "dk".to_string(),
        Answer::NotApplicable => return "na".to_string(),
        Answer::Choice(i) => ("c", i),
        Answer::Owner(o) => ("o", o.code()),
    };
    let mut out = prefix.to_string();
    html::push_uint(&mut out, n as u64);
    out
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

/// A screen's one `h1`, which takes focus after navigation.
fn title(o: &mut Html, text: &str) {
    html!(o; r#"<h1 id=""# (ids::TITLE) r#"" tabindex="-1">"# (text) "</h1>");
}

/// A button carrying an action; `class` is a modifier such as `ov-btn--primary`, or empty.
fn button(o: &mut Html, class: &'static str, action: Action, label: &str) {
    html!(o; r#"<button type="button" class="ov-btn "# (class) r#"" data-action=""# (action) r#"" data-testid=""# (action) r#"">"# (label) "</button>");
}

/// A button carrying an action and an id that code looks up (focus moves to it).
fn button_with_id(o: &mut Html, id: &'static str, class: &'static str, action: Action, label: &str) {
    html!(o; r#"<button type="button" id=""# (id) r#"" class="ov-btn "# (class) r#"" data-action=""# (action) r#"" data-testid=""# (action) r#"">"# (label) "</button>");
}

/// A radio input inside its label, its text written by `label` after the input.
fn radio_open(o: &mut Html, class: &'static str, name: Input, value: &str, checked: bool) {
    html!(o; r#"<label class=""# (class) r#""><input type="radio" name=""#);
    match name {
        Input::Role => o.raw(names::ROLE_INPUT),
        Input::Answer(slot) => html!(o; (names::ANSWER_PREFIX) (slot.index())),
    }
    html!(o; r#"" value=""# (value) r#"""# {checked_attr(o, checked)} "><span>");
}

/// What a radio answers: the role, or an answer slot.
#[derive(Clone, Copy)]
enum Input {
    Role,
    Answer(Slot),
}

fn radio_close(o: &mut Html) {
    o.raw("</span></label>");
}

fn checked_attr(o: &mut Html, checked: bool) {
    if checked {
        o.raw(" checked");
    }
}

#[cfg(feature = "results")]
/// A card: a section with its `h2`, labelled by it, whose body the caller writes before
/// [`card_close`]. `testid` may be empty.
fn card_open(o: &mut Html, heading_id: &'static str, testid: &'static str, heading: &str) {
    html!(o; r#"<section class="ov-card" aria-labelledby=""# (heading_id) r#"""# {testid_attr(o, testid)} r#"><h2 id=""# (heading_id) r#"">"# (heading) "</h2>");
}

#[cfg(feature = "results")]
fn card_close(o: &mut Html) {
    o.raw("</section>");
}

#[cfg(feature = "results")]
fn testid_attr(o: &mut Html, testid: &str) {
    if !testid.is_empty() {
        html!(o; r#" data-testid=""# (testid) r#"""#);
    }
}

/// The welcome screen. `threshold` is the deployment's team threshold, which the promise names.
/// `sealed`: a round key is known, so the result will be sealed when sent (one more promise).
pub fn welcome(o: &mut Html, locale: Locale, resuming: bool, threshold: usize, sealed: bool) {
    let start = if resuming { key::ui::welcome::CONTINUE } else { key::ui::welcome::START };
    html!(o;
        r#"<section class="ov-screen ov-welcome" aria-labelledby=""# (ids::TITLE) r#"">"#
        {title(o, locale.t(key::ui::welcome::TITLE))}
        r#"<p class="ov-lead">"# (locale.t(key::ui::welcome::LEAD)) "</p><p>" (locale.t(key::ui::welcome::DURATION))
        r#"</p><div class="ov-promise"><h2>"# (locale.t(key::ui::welcome::PROMISE_TITLE)) "</h2><ul><li>"
        (locale.t(key::ui::welcome::PROMISE_NO_NAMES)) "</li><li>" (locale.t(key::ui::welcome::PROMISE_LOCAL)) "</li><li>"
        (locale.t(key::ui::welcome::PROMISE_LINK)) "</li><li>"
        {o.fill(locale.t(key::ui::welcome::PROMISE_GROUPS), &[("k", &threshold)])}
        "</li>"
        {if sealed { html!(o; r#"<li data-testid="promise-sealed">"# (locale.t(key::ui::welcome::PROMISE_SEALED)) "</li>") }}
        r#"</ul></div><div class="ov-nav">"#
        {button(o, "ov-btn--primary", Action::App(AppAction::Start), locale.t(start))}
        {button(o, "ov-btn--quiet", Action::App(AppAction::Team), locale.t(key::ui::welcome::TEAM_LINK))}
        "</div></section>"
    );
}

/// The role question, asked first.
/// The error paragraph is empty; the app fills it in place (no re-render, so focus stays put).
pub fn role(o: &mut Html, locale: Locale, current: Option<Role>) {
    html!(o;
        r#"<section class="ov-screen" aria-labelledby=""# (ids::TITLE) r#"" data-testid="role-screen">"#
        {title(o, locale.t(key::ui::role::TITLE))}
        "<p>" (locale.t(key::ui::role::INTRO)) r#"</p><fieldset class="ov-q" data-testid="role"><legend class="ov-q__text">"#
        (locale.t(key::ui::role::LEGEND)) r#"</legend><div class="ov-choices">"#
    );
    for r in Role::ALL {
        radio_open(o, "ov-opt", Input::Role, r.id(), current == Some(r));
        html!(o;
            "<strong>" (locale.t(key::ui::role::NAME[r.code() as usize])) r#"</strong><span class="ov-opt__hint">"#
            (locale.t(key::ui::role::HINT[r.code() as usize])) "</span>"
        );
        radio_close(o);
    }
    html!(o;
        r#"</div></fieldset><p class="ov-error" id=""# (ids::ROLE_ERROR) r#"" role="alert" tabindex="-1"></p><div class="ov-nav">"#
        {button(o, "", Action::App(AppAction::Back), locale.t(key::ui::BACK))}
        {button(o, "ov-btn--primary", Action::App(AppAction::Next), locale.t(key::ui::NEXT))}
        "</div></section>"
    );
}

fn progress(o: &mut Html, locale: Locale, n: usize, m: usize) {
    html!(o;
        r#"<div class="ov-progress" data-testid="progress"><p class="ov-progress__text" id="ov-progress-text">"#
        {o.fill(locale.t(key::ui::PROGRESS), &[("n", &n), ("m", &m)])}
        r#"</p><progress max=""# (m) r#"" value=""# (n) r#"" aria-labelledby="ov-progress-text"></progress></div>"#
    );
}

/// One section of questions: progress, heading, intro, the items the role is shown, Back/Next.
/// `(position, total)`: the section's place, 1-based, among the sections the role sees.
#[allow(clippy::too_many_arguments)]
pub fn section(
    o: &mut Html,
    instrument: &Instrument,
    locale: Locale,
    role: Role,
    (section, page): (usize, usize),
    (position, total): (usize, usize),
    response: &Response,
) {
    let Some(sec) = instrument.sections.get(section) else { return };
    let pages = crate::flow::pages(instrument, section, role);
    html!(o;
        r#"<section class="ov-screen" aria-labelledby=""# (ids::TITLE) r#"" data-testid="section-"# (sec.id) r#"" data-page=""# (page) r#"">"#
        {progress(o, locale, position, total)}
        {title(o, locale.t(sec.title))}
    );
    // The section's introduction opens its first page; a later page says it continues.
    if page == 0 {
        html!(o; r#"<p class="ov-intro">"# (locale.t(sec.intro)) "</p>");
    } else {
        html!(o; r#"<p class="ov-intro">"# {o.fill(locale.t(key::ui::section::CONTINUED), &[("n", &(page + 1)), ("m", &pages.len())])} "</p>");
    }
    o.raw(r#"<div class="ov-items">"#);
    for item in pages.get(page).into_iter().flatten() {
        item_markup(o, locale, item, response);
    }
    html!(o;
        r#"</div><div class="ov-nav">"#
        {button(o, "", Action::App(AppAction::Back), locale.t(key::ui::BACK))}
        {button(o, "ov-btn--primary", Action::App(AppAction::Next), locale.t(key::ui::NEXT))}
        "</div></section>"
    );
}

fn item_markup(o: &mut Html, locale: Locale, item: &crate::instrument::Item, response: &Response) {
    let id = item.id;
    let current = response.get(Slot(item.slot));
    let slot = Input::Answer(Slot(item.slot));
    let text = locale.t(item.text);
    match &item.kind {
        ItemKind::Likert { .. } => {
            let na = if item.not_applicable { " ov-likert--na" } else { "" };
            html!(o;
                r#"<fieldset class="ov-q" id="item-"# (id) r#"" data-testid="item-"# (id) r#""><legend class="ov-q__text">"#
                (text) r#"</legend><div class="ov-likert"# (na) r#"">"#
            );
            for v in 1..=5u8 {
                let a = Answer::Likert(v);
                radio_open(o, "ov-opt ov-opt--scale", slot, &answer_value(a), current == Some(a));
                o.text(locale.t(key::ui::likert::ANSWER[v as usize - 1]));
                radio_close(o);
            }
            radio_open(o, "ov-opt ov-opt--scale ov-opt--dk", slot, "dk", current == Some(Answer::DontKnow));
            o.text(locale.t(key::ui::DONT_KNOW));
            radio_close(o);
            if item.not_applicable {
                radio_open(o, "ov-opt ov-opt--scale ov-opt--dk", slot, "na", current == Some(Answer::NotApplicable));
                o.text(locale.t(key::ui::NOT_APPLICABLE));
                radio_close(o);
            }
            o.raw("</div></fieldset>");
        }
        ItemKind::Choice { options, labels, .. } => {
            html!(o;
                r#"<fieldset class="ov-q" id="item-"# (id) r#"" data-testid="item-"# (id) r#""><legend class="ov-q__text">"#
                (text) r#"</legend><div class="ov-choices">"#
            );
            for (i, opt) in options.iter().enumerate() {
                let a = Answer::Choice(i as u8);
                let class = if *opt == "dk" || *opt == "na" { "ov-opt ov-opt--dk" } else { "ov-opt" };
                radio_open(o, class, slot, &answer_value(a), current == Some(a));
                o.text(labels.get(i).map_or("?", |k| locale.t(*k)));
                radio_close(o);
            }
            o.raw("</div></fieldset>");
        }
        ItemKind::Matrix { areas, owners, labels, .. } => {
            let answers: Vec<(Answer, &str)> =
                owners.iter().map(|o| (Answer::Owner(*o), present::owner_text(locale, *o))).collect();
            let rows = Rows { kind: "area", ids: areas, labels, first: item.slot };
            menus(o, locale, id, text, &rows, &answers, response);
        }
        ItemKind::Checklist { parts, labels, .. } => {
            let answers: Vec<(Answer, &str)> = (0..crate::instrument::CHECKLIST_ANSWERS.len() as u8)
                .map(|i| (Answer::Choice(i), present::checklist_text(locale, i)))
                .collect();
            let rows = Rows { kind: "part", ids: parts, labels, first: item.slot };
            grid(o, id, text, &rows, &answers, locale, response, "ov-matrix ov-checklist");
        }
    }
}

/// The rows of a grid: what they are called in test ids (`area`, `part`), their ids and texts.
struct Rows<'a> {
    kind: &'static str,
    ids: &'a [&'a str],
    labels: &'a [crate::i18n::Key],
    /// The first row's answer slot.
    first: u16,
}

/// The ownership matrix: a labelled group with one native menu per area, labelled by the area,
/// offering every owner (and "choose" while unanswered). Thirteen areas times seven owners as
/// radios were six phone screens tall; as menus they are two, on every device.
#[allow(clippy::too_many_arguments)]
fn menus(
    o: &mut Html,
    locale: Locale,
    id: &str,
    text: &str,
    rows: &Rows,
    answers: &[(Answer, &str)],
    response: &Response,
) {
    html!(o;
        r#"<div class="ov-q ov-menus" role="group" aria-labelledby="item-"# (id) r#"-text" id="item-"# (id)
        r#""><p class="ov-q__text" id="item-"# (id) r#"-text">"# (text) "</p>"
    );
    for (k, (row, label)) in rows.ids.iter().zip(rows.labels).enumerate() {
        let slot = Slot(rows.first + k as u16);
        let current = response.get(slot);
        html!(o;
            r#"<div class="ov-menu" data-testid=""# (rows.kind) "-" (*row) r#""><label for="item-"# (id) "-" (*row) r#"">"#
            (locale.t(*label)) r#"</label><select id="item-"# (id) "-" (*row) r#"" name=""# (names::ANSWER_PREFIX) (slot.index())
            r#""><option value="""# {if current.is_none() { o.raw(" selected") }} ">" (locale.t(key::ui::CHOOSE)) "</option>"
        );
        for (a, text) in answers {
            html!(o;
                r#"<option value=""# (answer_value(*a)) r#"""# {if current == Some(*a) { o.raw(" selected") }} ">"
                (*text) "</option>"
            );
        }
        o.raw("</select></div>");
    }
    o.raw("</div>");
}

/// A question answered row by row (a checklist): a labelled group with a
/// fieldset per row, its legend the row and each radio labelled with its answer.
#[allow(clippy::too_many_arguments)]
fn grid(
    o: &mut Html,
    id: &str,
    text: &str,
    rows: &Rows,
    answers: &[(Answer, &str)],
    locale: Locale,
    response: &Response,
    class: &'static str,
) {
    html!(o;
        r#"<div class="ov-q "# (class) " ov-grid--" (answers.len()) r#"" role="group" aria-labelledby="item-"# (id)
        r#"-text" id="item-"# (id) r#""><p class="ov-q__text" id="item-"# (id) r#"-text">"# (text)
        r#"</p><div class="ov-matrix__head" aria-hidden="true"><span></span>"#
    );
    for (_, label) in answers {
        html!(o; "<span>" (*label) "</span>");
    }
    o.raw("</div>");
    for (k, (row, label)) in rows.ids.iter().zip(rows.labels).enumerate() {
        let slot = Slot(rows.first + k as u16);
        let current = response.get(slot);
        html!(o;
            r#"<fieldset class="ov-matrix__row" id="item-"# (id) "-" (*row) r#"" data-testid=""# (rows.kind) "-" (*row)
            r#""><legend class="ov-matrix__area">"# (locale.t(*label)) "</legend>"
        );
        for (a, label) in answers {
            // The label span is the radio's accessible name; the legend gives the row.
            html!(o;
                r#"<label class="ov-matrix__cell"><input type="radio" name=""# (names::ANSWER_PREFIX) (slot.index()) r#"" value=""#
                (answer_value(*a)) r#"""# {checked_attr(o, current == Some(*a))} r#"><span class="ov-matrix__label">"#
                (*label) "</span></label>"
            );
        }
        o.raw("</fieldset>");
    }
    o.raw("</div>");
}

/// The end of the id of the element that asks for `slot`: the item's (`item-<id>`), or a grid
/// row's (`item-<id>-<row>`); the caller writes `item-`.
fn item_anchor(o: &mut Html, instrument: &Instrument, slot: Slot) {
    let Some((item, row)) = instrument.slot_item(slot) else { return };
    o.text(item.id);
    if let ItemKind::Matrix { areas: rows, .. } | ItemKind::Checklist { parts: rows, .. } = item.kind {
        if let Some(r) = rows.get(row) {
            html!(o; "-" (*r));
        }
    }
}

/// The review screen: what is unanswered, each a button that jumps to it.
pub fn review(o: &mut Html, instrument: &Instrument, locale: Locale, response: &Response, total: usize) {
    let missing = response.unanswered(instrument);
    html!(o;
        r#"<section class="ov-screen" aria-labelledby=""# (ids::TITLE) r#"" data-testid="review">"#
        {progress(o, locale, total, total)}
        {title(o, locale.t(key::ui::review::TITLE))}
    );
    if missing.is_empty() {
        html!(o; r#"<p data-testid="review-complete">"# (locale.t(key::ui::review::COMPLETE)) "</p>");
    } else {
        html!(o;
            r#"<p data-testid="review-unanswered">"#
            {o.fill(locale.t(locale.plural_form(key::ui::review::UNANSWERED, missing.len() as u64)), &[("n", &missing.len())])}
            r#"</p><ul class="ov-unanswered">"#
        );
        let flow = crate::flow::Flow::new(instrument, response.role);
        for slot in &missing {
            let Some((item, _)) = instrument.slot_item(*slot) else { continue };
            let crate::flow::Screen::Section(section, page) = flow.page_of(item) else { continue };
            html!(o;
                r#"<li><button type="button" class="ov-link" data-action=""# (Action::App(AppAction::Jump)) r#"" "# (names::SECTION_ATTR)
                r#"=""# (section) r#"" "# (names::PAGE_ATTR) r#"=""# (page) r#"" "# (names::TARGET_ATTR) r#"="item-"#
                {item_anchor(o, instrument, *slot)} r#"">"#
                (present::question_text(instrument, locale, *slot)) "</button></li>"
            );
        }
        o.raw("</ul>");
    }
    html!(o;
        r#"<div class="ov-nav">"#
        {button(o, "", Action::App(AppAction::Back), locale.t(key::ui::BACK))}
        {button(o, "ov-btn--primary", Action::App(AppAction::Results), locale.t(key::ui::review::SEE_RESULTS))}
        "</div></section>"
    );
}

#[cfg(feature = "results")]
/// One headline figure: its label (an `h2`), the value, and an optional note, each written by
/// the caller between [`stat_open`], [`stat_note`] and [`stat_close`].
pub(crate) fn stat_open(o: &mut Html, class: &'static str, label: &str, testid: &'static str) {
    html!(o;
        r#"<div class="ov-stat "# (class) r#""><h2 class="ov-stat__label">"# (label) r#"</h2><p class="ov-stat__value" data-testid=""#
        (testid) r#"">"#
    );
}

#[cfg(feature = "results")]
pub(crate) fn stat_note(o: &mut Html) {
    o.raw("</p><p>");
}

#[cfg(feature = "results")]
pub(crate) fn stat_close(o: &mut Html) {
    o.raw("</p></div>");
}

#[cfg(feature = "team")]
/// The way back from a shared or team view to the visitor's own assessment.
pub(crate) fn start_own(o: &mut Html, locale: Locale) {
    html!(o;
        r#"<div class="ov-nav ov-no-print">"#
        {button(o, "ov-btn--quiet", Action::App(AppAction::StartOwn), locale.t(key::ui::shared::START_OWN))}
        "</div>"
    );
}

#[cfg(feature = "team")]
fn role_name(locale: Locale, role: Role) -> &'static str {
    locale.t(present::role_key(role))
}

#[cfg(test)]
mod tests;
