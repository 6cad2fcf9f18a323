//! The team view's behaviour in the browser: draws the team view or a team summary link's screen
//! into the host element the app gives it and answers their controls (the team boxes and a file of
//! links, "combine", print, the handout and the pack, the files). "Start my own assessment"
//! bubbles up to the app's root, which handles it. Nothing here panics on the browser: a missing
//! element or a refused API does nothing.

use crate::keys;
use overlap_core::config::{Surroundings, TeamSettings};
use overlap_core::i18n::Locale;
use overlap_core::request::Request;
use overlap_core::seal::HeldKey;
use overlap_core::team;
use overlap_core::ui::{ids, names, Action, PrintMode, TeamAction, TeamFile, View};
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
    /// The round keys held, read from this browser's storage on first use, and the one on show.
    keys: Vec<HeldKey>,
    current: Option<usize>,
    /// Kiosk mode's idle time as configured, offered when starting a kiosk.
    idle: u16,
    keys_loaded: bool,
    host: Option<web_sys::HtmlElement>,
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
        (s.locale, s.threshold, s.idle) = (locale, request.threshold, request.idle);
        s.around = request.around;
        if !s.keys_loaded {
            (s.keys, s.current) = keys::load();
            s.keys_loaded = true;
        }
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
            View::Own | View::Shared | View::Kiosk | View::Setup => None,
        }
    });
    let Some(html) = html else {
        host.set_inner_html("");
        return false;
    };
    host.set_inner_html(&html);
    STATE.with_borrow_mut(|s| {
        s.host = Some(host.clone());
        if !s.handlers.as_ref().is_some_and(|h| h.serve(&host)) {
            s.handlers = Some(Handlers::attach(host, on_click, on_change, on_input));
        }
    });
    true
}

/// Draws the team view again in place (the round keys changed); the boxes keep what they hold.
fn redraw() {
    let html = STATE.with_borrow(|s| team::screen(s.locale, &s.links, &s.baseline, &settings(s), s.combined));
    if let Some(host) = STATE.with_borrow(|s| s.host.clone()) {
        host.set_inner_html(&html);
    }
}

fn settings(s: &State) -> TeamSettings<'_> {
    TeamSettings {
        threshold: s.threshold,
        around: &s.around,
        today: dom::today(),
        keys: &s.keys,
        current: s.current,
        kiosk_idle: s.idle,
    }
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
        TeamAction::CreateKey => create_key(),
        TeamAction::AddKey => add_pasted_key(),
        TeamAction::SaveKey => save_key(key_index(&ev)),
        TeamAction::RemoveKey => remove_key(&ev),
        TeamAction::StartKiosk => {
            let (held, locale) = STATE.with_borrow(|s| (s.current.and_then(|c| s.keys.get(c)).cloned(), s.locale));
            crate::kiosk::start(held, locale, forget_keys);
        }
    }
}

/// Makes the file from the links combined last, now that it is asked for.
fn offer(which: TeamFile) {
    let content = STATE.with_borrow(|s| team::file(s.locale, &s.links, &settings(s), which));
    if let Some(content) = content {
        dom::offer(which, &content);
    }
}

/// A text file of links is appended to the links box, so several can be added; a key file adds
/// its keys; a round radio chooses the round on show.
fn on_change(ev: web_sys::Event) {
    let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
    if input.name() == names::ROUND_INPUT {
        let chosen = input.value().parse::<usize>().ok();
        STATE.with_borrow_mut(|s| s.current = chosen.filter(|c| *c < s.keys.len()));
        keep_keys();
        redraw();
        return;
    }
    let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
    if input.id() == ids::KEY_FILE {
        wasm_bindgen_futures::spawn_local(async move {
            let Ok(text) = wasm_bindgen_futures::JsFuture::from(file.text()).await else { return };
            add_keys(&text.as_string().unwrap_or_default());
        });
        return;
    }
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

/// Forgets the keys held in this page and this browser (a kiosk starts on this device).
fn forget_keys() -> bool {
    STATE.with_borrow_mut(|s| {
        s.keys.clear();
        s.current = None;
    });
    keys::store(&[], None)
}

/// Which held key a key button is for.
fn key_index(ev: &web_sys::Event) -> Option<usize> {
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    target.closest("[data-key]").ok()??.get_attribute(names::KEY_ATTR)?.parse().ok()
}

/// Keeps the keys in this browser, or says to save the key file now.
fn keep_keys() {
    let kept = STATE.with_borrow(|s| keys::store(&s.keys, s.current));
    if !kept {
        status(names::KEY_UNSAVED_ATTR);
    }
}

/// The key status line: one of the texts the markup carries as data attributes.
fn status(which: &str) {
    if let Some(line) = by_id::<web_sys::Element>(ids::KEY_STATUS) {
        let text = line.get_attribute(which);
        line.set_text_content(text.as_deref());
    }
}

/// A key for a new round, from the platform's secure random source, labelled with what the label
/// box holds; it becomes the round on show, and its key file is offered at once.
fn create_key() {
    let Some(secret) = keys::random_secret() else {
        status(names::KEY_BAD_ATTR);
        return;
    };
    let label = keys::input(ids::KEY_LABEL).map(|i| i.value().trim().to_string()).unwrap_or_default();
    let index = STATE.with_borrow_mut(|s| {
        s.keys.push(HeldKey { label, secret });
        s.current = Some(s.keys.len() - 1);
        s.keys.len() - 1
    });
    keep_keys();
    redraw();
    save_key(Some(index));
    status(names::KEY_ADDED_ATTR);
}

/// A pasted secret key (or a key file's text pasted whole).
fn add_pasted_key() {
    let text = keys::input(ids::KEY_PASTE).map(|i| i.value()).unwrap_or_default();
    add_keys(&text);
}

/// Adds the keys in `text` (a key file, or a secret key alone); ones already held are not added
/// twice. The last one added becomes the round on show.
fn add_keys(text: &str) {
    let Ok(found) = HeldKey::parse_all(text) else {
        status(names::KEY_BAD_ATTR);
        return;
    };
    STATE.with_borrow_mut(|s| {
        for k in found {
            match s.keys.iter().position(|h| h.secret == k.secret) {
                Some(i) => s.current = Some(i),
                None => {
                    s.keys.push(k);
                    s.current = Some(s.keys.len() - 1);
                }
            }
        }
    });
    keep_keys();
    redraw();
    status(names::KEY_ADDED_ATTR);
}

/// Offers a held key as a key file.
fn save_key(index: Option<usize>) {
    let key = STATE.with_borrow(|s| index.and_then(|i| s.keys.get(i).cloned()));
    if let Some(key) = key {
        dom::offer_named(&keys::file_name(&key), "text/plain", &key.to_file());
    }
}

/// Removes a held key, after asking (the question rides along in the markup).
fn remove_key(ev: &web_sys::Event) {
    let Some(index) = key_index(ev) else { return };
    let question = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|t| t.closest(".ov-key").ok().flatten())
        .and_then(|k| k.query_selector("[data-confirm]").ok().flatten())
        .and_then(|q| q.get_attribute(names::CONFIRM_ATTR))
        .unwrap_or_default();
    if !keys::confirm(&question) {
        return;
    }
    STATE.with_borrow_mut(|s| {
        if index < s.keys.len() {
            s.keys.remove(index);
        }
        s.current = if s.keys.is_empty() { None } else { Some(s.keys.len() - 1) };
    });
    keep_keys();
    redraw();
}
