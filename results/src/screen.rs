//! The results screens' behaviour in the browser: renders a screen into the host element the app
//! gives it and answers its controls (print, exports, sending and copying the share link, the
//! share level, the team boxes and "combine", the workshop's handout, pack and register). It lives here, in the module fetched on demand, so the survey's
//! first load carries none of it. "Start my own assessment" bubbles up to the app's root, which
//! handles it. Nothing here panics on the browser: a missing element or a
//! refused API does nothing, or falls back (the link selected for copying by hand).

use overlap_core::i18n::Locale;
use overlap_core::markup::controls::Surroundings;
use overlap_core::results::{self, TeamSettings};
use overlap_core::ui::{ids, names, Action, PrintMode, ResultsView};
use overlap_core::workshop::NEXT_ROUND_DAYS;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

const LINKS: &str = ids::TEAM_LINKS;
const BASELINE: &str = ids::TEAM_BASELINE;
const SHARE_LINK: &str = ids::SHARE_LINK;
const TEAM_RESULT: &str = ids::TEAM_RESULT;

/// What the screen on show needs to redraw itself and answer its controls.
#[derive(Default)]
struct State {
    locale: Locale,
    around: Surroundings,
    threshold: usize,
    /// The files the screen offers: `[JSON, CSV]` for a report, `[team CSV, register CSV]` for
    /// the team view.
    files: Vec<String>,
    /// What the team boxes hold, kept across redraws (a change of language).
    links: String,
    baseline: String,
    combined: bool,
    /// The host's event handlers; replaced (and the old ones dropped) with each new host.
    handlers: Vec<Closure<dyn FnMut(web_sys::Event)>>,
    host: Option<web_sys::HtmlElement>,
    /// Clears the print mode once the browser has printed; added to the window once.
    after_print: Option<Closure<dyn FnMut()>>,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::new(State::default());
}

/// Which screen to show, as the app names it, with the fragment it shows.
pub struct Request {
    pub view: ResultsView,
    pub fragment: String,
}

/// Draws the screen into `host` and wires its controls. `fresh` is true the first time the app
/// shows this screen (the team boxes start empty) and false when it redraws it (language).
/// Returns false when a link does not decode; the app then shows its own link error.
pub fn show(
    host: web_sys::HtmlElement,
    request: Request,
    locale: Locale,
    fresh: bool,
    around: Surroundings,
    threshold: usize,
) -> bool {
    let html = STATE.with_borrow_mut(|s| {
        if fresh {
            (s.links, s.baseline, s.combined) = (String::new(), String::new(), false);
        }
        (s.locale, s.around, s.threshold) = (locale, around.clone(), threshold);
        let Request { view, fragment } = request;
        let (html, files) = match view {
            ResultsView::Own | ResultsView::Shared => {
                let shared = view == ResultsView::Shared;
                match results::report(locale, &fragment, shared, &today(locale), &around) {
                    Some(r) => (r.html, vec![r.json, r.csv]),
                    None => return None,
                }
            }
            ResultsView::Team => {
                let (today, next_round) = (today(locale), next_round(locale));
                let settings = TeamSettings { threshold, around: &around, today: &today, next_round: &next_round };
                let out = results::team_screen(locale, &s.links, &s.baseline, &settings, s.combined);
                (out.html, vec![out.csv, out.register])
            }
            ResultsView::TeamSummary => (results::team_summary(locale, &fragment)?, Vec::new()),
        };
        s.files = files;
        Some(html)
    });
    let Some(html) = html else {
        host.set_inner_html("");
        return false;
    };
    host.set_inner_html(&html);
    wire(host);
    true
}

/// Today's date in the locale's format, for the printed report and pack.
fn today(locale: Locale) -> String {
    js_sys::Date::new_0().to_locale_date_string(locale.code(), &JsValue::UNDEFINED).into()
}

/// The suggested next round's date: today plus [`NEXT_ROUND_DAYS`] calendar days (the Date
/// object carries the month and year over, and a change of daylight saving time cannot move it
/// by a day as adding milliseconds could).
fn next_round(locale: Locale) -> String {
    let date = js_sys::Date::new_0();
    date.set_date(date.get_date() + NEXT_ROUND_DAYS);
    date.to_locale_date_string(locale.code(), &JsValue::UNDEFINED).into()
}

/// Attaches the delegated handlers to a host element, once per element.
fn wire(host: web_sys::HtmlElement) {
    if STATE.with_borrow(|s| s.host.as_ref() == Some(&host)) {
        return;
    }
    let click = Closure::<dyn FnMut(web_sys::Event)>::new(on_click);
    let change = Closure::<dyn FnMut(web_sys::Event)>::new(on_change);
    let input = Closure::<dyn FnMut(web_sys::Event)>::new(on_input);
    host.set_onclick(Some(click.as_ref().unchecked_ref()));
    host.set_onchange(Some(change.as_ref().unchecked_ref()));
    host.set_oninput(Some(input.as_ref().unchecked_ref()));
    STATE.with_borrow_mut(|s| {
        s.handlers = vec![click, change, input];
        s.host = Some(host);
        if s.after_print.is_none() {
            let clear = Closure::<dyn FnMut()>::new(|| set_print_mode(None));
            if let Some(w) = web_sys::window() {
                let _ = w.add_event_listener_with_callback("afterprint", clear.as_ref().unchecked_ref());
            }
            s.after_print = Some(clear);
        }
    });
}

fn by_id<T: JsCast>(id: &str) -> Option<T> {
    web_sys::window()?.document()?.get_element_by_id(id)?.dyn_into().ok()
}

fn file(index: usize) -> String {
    STATE.with_borrow(|s| s.files.get(index).cloned().unwrap_or_default())
}

fn on_click(ev: web_sys::Event) {
    let target = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    let selector = format!("[{}]", names::ACTION_ATTR);
    let Some(name) =
        target.and_then(|t| t.closest(&selector).ok().flatten()).and_then(|e| e.get_attribute(names::ACTION_ATTR))
    else {
        return;
    };
    // An unknown name is the app's root handler's to report; it sees every click too.
    let Some(action) = Action::parse(&name) else { return };
    match action {
        Action::Print | Action::TeamPrint => print(PrintMode::Screen),
        Action::PrintHandout => print(PrintMode::Handout),
        Action::PrintPack => print(PrintMode::Pack),
        Action::ExportJson => offer("overlap-result.json", "application/json", &file(0)),
        Action::ExportCsv => offer("overlap-scores.csv", "text/csv", &file(1)),
        Action::TeamCsv => offer("overlap-team.csv", "text/csv", &file(0)),
        Action::RegisterCsv => offer("overlap-ownership-register.csv", "text/csv", &file(1)),
        Action::CopyLink => copy_link(names::COPIED_ATTR),
        Action::SendLink => send_link(),
        Action::TeamAnalyse => combine(),
        // The app's own buttons (start my own assessment, ...) bubble up to its root handler.
        Action::Start
        | Action::Team
        | Action::Back
        | Action::Next
        | Action::Results
        | Action::Jump
        | Action::EditAnswers
        | Action::StartOver
        | Action::KeepAnswers
        | Action::ConfirmStartOver
        | Action::StartOwn
        | Action::Dismiss
        | Action::ResultsRetry => {}
    }
}

fn on_change(ev: web_sys::Event) {
    let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
    if input.name() == names::SHARE_LEVEL {
        // The share level radios swap the link shown between the full and summary links.
        let attr = if input.value() == "summary" { names::SUMMARY_LINK_ATTR } else { names::FULL_LINK_ATTR };
        if let Some(link) = by_id::<web_sys::HtmlInputElement>(SHARE_LINK) {
            link.set_value(&link.get_attribute(attr).unwrap_or_default());
        }
        // The email to the facilitator carries the same link.
        if let Some(mail) = by_id::<web_sys::Element>(ids::SEND_EMAIL) {
            let _ = mail.set_attribute("href", &mail.get_attribute(attr).unwrap_or_default());
        }
        set_copy_status(None);
    } else if let Some(file) = input.files().and_then(|f| f.get(0)) {
        // A text file of links is appended to the links box, so several can be added.
        wasm_bindgen_futures::spawn_local(async move {
            let Ok(text) = wasm_bindgen_futures::JsFuture::from(file.text()).await else { return };
            let links = STATE.with_borrow_mut(|s| {
                if !s.links.is_empty() && !s.links.ends_with('\n') {
                    s.links.push('\n');
                }
                s.links.push_str(&text.as_string().unwrap_or_default());
                s.links.clone()
            });
            if let Some(area) = by_id::<web_sys::HtmlTextAreaElement>(LINKS) {
                area.set_value(&links);
            }
        });
    }
}

fn on_input(ev: web_sys::Event) {
    let Some(area) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) else { return };
    STATE.with_borrow_mut(|s| match area.id().as_str() {
        LINKS => s.links = area.value(),
        BASELINE => s.baseline = area.value(),
        _ => {}
    });
}

/// "Combine": only the figures are drawn and put in their place; the form, and what the boxes
/// hold, stay as they are. A later redraw (language) then includes the figures.
fn combine() {
    let out = STATE.with_borrow_mut(|s| {
        s.combined = true;
        let (today, next_round) = (today(s.locale), next_round(s.locale));
        let settings =
            TeamSettings { threshold: s.threshold, around: &s.around, today: &today, next_round: &next_round };
        let out = results::team(s.locale, &s.links, &s.baseline, &settings);
        s.files = vec![out.csv, out.register];
        out.html
    });
    if let Some(place) = by_id::<web_sys::HtmlElement>(TEAM_RESULT) {
        place.set_inner_html(&out);
    }
    // Focus on the next frame, as the app does after navigation: focusing now would force a
    // layout of the new figures inside the click.
    let focus = Closure::once_into_js(|| {
        if let Some(place) = by_id::<web_sys::HtmlElement>(TEAM_RESULT) {
            let _ = place.focus();
        }
    });
    if let Some(w) = web_sys::window() {
        let _ = w.request_animation_frame(focus.unchecked_ref());
    }
}

/// Prints one part of the screen: the print stylesheet shows only what `data-print` names, until
/// the browser reports it has printed.
fn print(mode: PrintMode) {
    set_print_mode(Some(mode));
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

fn set_print_mode(mode: Option<PrintMode>) {
    let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) else { return };
    let _ = match mode {
        Some(m) => root.set_attribute(names::PRINT_ATTR, m.as_str()),
        None => root.remove_attribute(names::PRINT_ATTR),
    };
}

/// Sends the share link through the device's share sheet (Web Share API); where the browser has
/// none, or it fails for any reason but the person cancelling, copies the link instead and says
/// so. (When the deployment names the facilitator's email, the markup offers an email link
/// instead of this button.)
fn send_link() {
    let Some(input) = by_id::<web_sys::HtmlInputElement>(SHARE_LINK) else { return };
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else { return };
    let share = js_sys::Reflect::get(&navigator, &JsValue::from_str("share"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(share) = share else {
        copy_link(names::SENT_COPIED_ATTR);
        return;
    };
    let selector = format!("[{}=\"{}\"]", names::ACTION_ATTR, Action::SendLink);
    let button = web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector(&selector).ok().flatten());
    let attr = |name: &str| button.as_ref().and_then(|b| b.get_attribute(name)).unwrap_or_default();
    let data = js_sys::Object::new();
    for (key, value) in
        [("title", attr(names::SHARE_TITLE_ATTR)), ("text", attr(names::SHARE_TEXT_ATTR)), ("url", input.value())]
    {
        let _ = js_sys::Reflect::set(&data, &JsValue::from_str(key), &JsValue::from_str(&value));
    }
    let Ok(promise) = share.call1(&navigator, &data).and_then(|p| p.dyn_into::<js_sys::Promise>()) else {
        copy_link(names::SENT_COPIED_ATTR);
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(e) = wasm_bindgen_futures::JsFuture::from(promise).await {
            let name = js_sys::Reflect::get(&e, &JsValue::from_str("name")).ok().and_then(|n| n.as_string());
            // The person closed the share sheet: they chose not to send, so nothing happens.
            if name.as_deref() != Some("AbortError") {
                copy_link(names::SENT_COPIED_ATTR);
            }
        }
    });
}

/// Copies the share link: the Clipboard API, or the link selected for copying by hand
/// (clipboard access is often denied inside iframes and insecure pages). `copied` names the
/// status text to show when it worked.
fn copy_link(copied: &'static str) {
    let Some(input) = by_id::<web_sys::HtmlInputElement>(SHARE_LINK) else { return };
    let clipboard = web_sys::window().map(|w| w.navigator().clipboard()).filter(|c| !JsValue::from(c).is_undefined());
    wasm_bindgen_futures::spawn_local(async move {
        let done = match clipboard {
            Some(c) => wasm_bindgen_futures::JsFuture::from(c.write_text(&input.value())).await.is_ok(),
            None => false,
        };
        if done {
            set_copy_status(Some(copied));
        } else {
            set_copy_status(Some(names::MANUAL_ATTR));
            let _ = input.focus();
            input.select();
        }
    });
}

/// The share panel's status line: one of the texts the markup carries as data attributes.
fn set_copy_status(which: Option<&str>) {
    if let Some(status) = by_id::<web_sys::Element>(ids::COPY_STATUS) {
        let text = which.and_then(|w| status.get_attribute(w));
        status.set_text_content(text.as_deref());
    }
}

/// Offers `content` as a downloaded file named `name`, made in the browser (no server).
fn offer(name: &str, mime: &str, content: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Some(a) = document.create_element("a").ok().and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok()) {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    // The object URL is not revoked: Chromium may still be reading it after `click()` returns,
    // and one small blob per export is not worth a timer.
}
