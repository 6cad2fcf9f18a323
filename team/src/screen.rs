//! The team view's behaviour in the browser: draws the team view or a team summary link's screen
//! into the host element the app gives it and answers their controls (the team boxes and a file of
//! links, "combine", print, the handout and the pack, the files). "Start my own assessment"
//! bubbles up to the app's root, which handles it. Nothing here panics on the browser: a missing
//! element or a refused API does nothing.

use overlap_core::config::{Surroundings, TeamSettings};
use overlap_core::i18n::Locale;
use overlap_core::request::Request;
use overlap_core::team;
use overlap_core::ui::{ids, Action, PrintMode, TeamAction, TeamFile, View};
use overlap_module::dom::{self, by_id, Handlers};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The team view on show: what it is drawn again from (a change of language), and what "combine"
/// and the files read.
#[derive(Default)]
struct State {
    locale: Locale,
    around: Surroundings,
    threshold: usize,
    /// What the team boxes hold, kept across redraws.
    links: String,
    baseline: String,
    combined: bool,
    handlers: Option<Handlers>,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::new(State::default());
}

/// Draws the screen into `host` and wires its controls. Returns false when a team summary link
/// does not decode (or the request is for a screen this module does not draw); the app then shows
/// its own link error.
pub fn show(host: web_sys::HtmlElement, request: Request, locale: Locale) -> bool {
    let html = STATE.with_borrow_mut(|s| {
        (s.locale, s.threshold) = (locale, request.threshold);
        s.around = request.around;
        match request.view {
            View::Team => {
                if request.fresh {
                    (s.links, s.baseline, s.combined) = (String::new(), String::new(), false);
                }
                let settings = settings(s);
                Some(team::screen(locale, &s.links, &s.baseline, &settings, s.combined))
            }
            View::TeamSummary => team::summary(locale, &request.fragment),
            // The results module's screens: an app that asks this module for one is from another
            // release.
            View::Own | View::Shared => None,
        }
    });
    let Some(html) = html else {
        host.set_inner_html("");
        return false;
    };
    host.set_inner_html(&html);
    STATE.with_borrow_mut(|s| {
        if !s.handlers.as_ref().is_some_and(|h| h.serve(&host)) {
            s.handlers = Some(Handlers::attach(host, on_click, on_change, on_input));
        }
    });
    true
}

fn settings(s: &State) -> TeamSettings<'_> {
    TeamSettings { threshold: s.threshold, around: &s.around, today: dom::today(), client: None }
}

fn on_click(ev: web_sys::Event) {
    // Another module's or the app's button: the app's root handler sees every click too.
    let Some(Action::Team(action)) = dom::action_of(&ev) else { return };
    match action {
        TeamAction::Analyse => combine(),
        TeamAction::Print => dom::print(PrintMode::Screen),
        TeamAction::PrintHandout => dom::print(PrintMode::Handout),
        TeamAction::PrintPack => dom::print(PrintMode::Pack),
        TeamAction::Csv => offer(TeamFile::Csv),
        TeamAction::RegisterCsv => offer(TeamFile::Register),
        TeamAction::Present => crate::present::start(),
        TeamAction::PresentNext => crate::present::step(1),
        TeamAction::PresentPrevious => crate::present::step(-1),
        TeamAction::PresentExit => crate::present::stop(),
    }
}

/// Makes the file from the links combined last, now that it is asked for.
fn offer(which: TeamFile) {
    let content = STATE.with_borrow(|s| team::file(s.locale, &s.links, s.threshold, which));
    if let Some(content) = content {
        dom::offer(which, &content);
    }
}

/// A text file of links is appended to the links box, so several can be added.
fn on_change(ev: web_sys::Event) {
    let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
    let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(text) = wasm_bindgen_futures::JsFuture::from(file.text()).await else { return };
        let links = STATE.with_borrow_mut(|s| {
            if !s.links.is_empty() && !s.links.ends_with('\n') {
                s.links.push('\n');
            }
            s.links.push_str(&text.as_string().unwrap_or_default());
            s.links.clone()
        });
        if let Some(area) = by_id::<web_sys::HtmlTextAreaElement>(ids::TEAM_LINKS) {
            area.set_value(&links);
        }
    });
}

fn on_input(ev: web_sys::Event) {
    let Some(area) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) else { return };
    STATE.with_borrow_mut(|s| match area.id().as_str() {
        ids::TEAM_LINKS => s.links = area.value(),
        ids::TEAM_BASELINE => s.baseline = area.value(),
        _ => {}
    });
}

/// "Combine": only the figures are drawn and put in their place; the form, and what the boxes
/// hold, stay as they are. A later redraw (language) then includes the figures.
fn combine() {
    let html = STATE.with_borrow_mut(|s| {
        s.combined = true;
        team::figures(s.locale, &s.links, &s.baseline, &settings(s))
    });
    if let Some(place) = by_id::<web_sys::HtmlElement>(ids::TEAM_RESULT) {
        place.set_inner_html(&html);
    }
    // Focus on the next frame, as the app does after navigation: focusing now would force a
    // layout of the new figures inside the click.
    // The figures are long: every engine scrolls a focused element differently (Firefox to
    // its middle, WebKit further), so focus without scrolling and show their start.
    let focus = Closure::once_into_js(|| {
        if let Some(place) = by_id::<web_sys::HtmlElement>(ids::TEAM_RESULT) {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = place.focus_with_options(&options);
            place.scroll_into_view_with_bool(true);
        }
    });
    if let Some(w) = web_sys::window() {
        let _ = w.request_animation_frame(focus.unchecked_ref());
    }
}
