//! Kiosk mode in the browser: the welcome and the facilitator's end of the session, the report's
//! kiosk panel, the collection of sealed results in this browser's storage, the idle timer with
//! its "Still there?" countdown, and full screen.
//!
//! What this module stores is the kiosk's settings (`overlap_core::kiosk::Settings`: the round's
//! public key, a PIN's hash, the idle time) and the sealed results, never a plain result or an
//! answer: a person's answers reach this module only as the plain fragment of their report, which
//! it seals at once and keeps in memory only while that person's report is on show. The rules
//! (what the collection accepts, where an arrival goes, when the countdown shows) are the core's;
//! nothing here panics on the browser: refused storage is said on the screen.

use overlap_core::i18n::Locale;
use overlap_core::kiosk::{self, Collection, Idle, Settings};
use overlap_core::markup::{kiosk as markup, Html};
use overlap_core::request::Request;
use overlap_core::seal::{RoundKey, FRAGMENT_PREFIX};
use overlap_core::ui::{ids, names, Action, ResultsAction};
use overlap_module::dom::{self, by_id, Handlers};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use overlap_core::kiosk::{COLLECTION_STORE as COLLECTION, SETTINGS_STORE as SETTINGS};
/// The file the facilitator downloads the collected links as.
const LINKS_FILE: &str = "overlap-kiosk-results.txt";

#[derive(Default)]
struct State {
    locale: Locale,
    request: Option<Request>,
    /// The person on show's turn, their plain fragment and its sealed link: the same report drawn
    /// again (a change of language) keeps its seal; changed answers replace it. Cleared when the
    /// welcome shows.
    last: Option<(u32, String, String)>,
    /// `Date.now()` of the last input anywhere on the page.
    last_input: f64,
    /// The idle time in force.
    idle: u16,
    /// Whether the countdown was announced at its start and at ten seconds.
    announced: (bool, bool),
    /// Where focus was when the countdown took it.
    focus_before: Option<web_sys::HtmlElement>,
    handlers: Option<Handlers>,
    /// The page-wide listeners and the one-second tick, installed once.
    installed: Vec<Closure<dyn FnMut(web_sys::Event)>>,
    tick: Option<Closure<dyn FnMut()>>,
    overlay_click: Option<Closure<dyn FnMut(web_sys::Event)>>,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::new(State::default());
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The session's settings: those stored when the facilitator started the kiosk from the team
/// view, else the deployment's `facilitator_key` with the configured idle time and no PIN.
fn settings(request: &Request) -> Option<Settings> {
    let stored = storage().and_then(|s| s.get_item(SETTINGS).ok().flatten()).and_then(|t| Settings::parse(&t));
    stored.or_else(|| {
        let key = RoundKey::parse(request.round_key.as_deref()?).ok()?;
        Some(Settings { key, pin: None, idle: request.idle })
    })
}

fn collection() -> Collection {
    Collection::parse(&storage().and_then(|s| s.get_item(COLLECTION).ok().flatten()).unwrap_or_default())
}

/// Keeps the collection; false when the browser refuses.
fn keep(c: &Collection) -> bool {
    storage().is_some_and(|s| s.set_item(COLLECTION, &c.to_text()).is_ok())
}

/// Whether this browser keeps what it is given (a write and a removal of a probe).
fn storage_ok() -> bool {
    const PROBE: &str = "overlap:kiosk-probe";
    storage().is_some_and(|s| s.set_item(PROBE, "1").is_ok() && s.remove_item(PROBE).is_ok())
}

/// A random number from the secure source, for where an arrival goes in the collection.
fn random_u32() -> Option<u32> {
    dom::random_bytes().map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// Kiosk mode's welcome (`View::Kiosk`): a new person's turn begins, so the last one's report
/// and seal are dropped from memory and the countdown closed.
pub fn show_welcome(host: web_sys::HtmlElement, request: Request, locale: Locale) -> bool {
    hide_overlay(false);
    let settings = settings(&request);
    STATE.with_borrow_mut(|s| {
        s.last = None;
        s.locale = locale;
        s.idle = settings.as_ref().map_or(request.idle, |k| k.idle);
        s.request = Some(request);
    });
    let mut o = Html::with_capacity(4096);
    match &settings {
        Some(k) => {
            let w = markup::Welcome { collected: collection().len(), idle: k.idle, storage_ok: storage_ok() };
            markup::welcome(&mut o, locale, &w);
        }
        None => markup::not_set_up(&mut o, locale),
    }
    host.set_inner_html(&o.into_string());
    if !fullscreen_available() {
        hide_action(ResultsAction::KioskFullscreen);
    }
    wire(host);
    if settings.is_some() {
        install();
    }
    true
}

/// A finished report in kiosk mode: sealed to the round at once and put in the collection (in
/// place of this person's earlier seal, if they changed their answers), then drawn with the
/// kiosk's panel. Returns false when the fragment does not decode.
pub fn show_report(host: web_sys::HtmlElement, request: Request, locale: Locale, turn: u32) -> bool {
    let Some(settings) = settings(&request) else {
        let mut o = Html::new();
        markup::not_set_up(&mut o, locale);
        host.set_inner_html(&o.into_string());
        return true;
    };
    let fragment = request.fragment.clone();
    let earlier = STATE.with_borrow(|s| s.last.clone());
    let (sealed, kept) = match earlier {
        // Drawn again for the same answers (a change of language): the same seal, already kept.
        Some((t, plain, sealed)) if t == turn && plain == fragment => (sealed, true),
        earlier => {
            let sealed = dom::random_bytes().and_then(|r| settings.key.seal_link(&fragment, r)).unwrap_or_default();
            let mut c = collection();
            if let Some((_, _, old)) = earlier.filter(|(t, _, _)| *t == turn) {
                c.remove(&old);
            }
            let kept = !sealed.is_empty() && random_u32().is_some_and(|r| c.insert(&sealed, r).is_ok()) && keep(&c);
            (sealed, kept)
        }
    };
    STATE.with_borrow_mut(|s| {
        s.last = Some((turn, fragment.clone(), sealed.clone()));
        s.locale = locale;
        s.idle = settings.idle;
    });
    let html = overlap_core::results::kiosk_report(
        locale,
        &fragment,
        dom::today(),
        &request.around,
        &sealed,
        settings.key,
        kept,
    );
    STATE.with_borrow_mut(|s| s.request = Some(request));
    let Some(html) = html else {
        host.set_inner_html("");
        return false;
    };
    host.set_inner_html(&html);
    wire(host);
    install();
    true
}

fn wire(host: web_sys::HtmlElement) {
    STATE.with_borrow_mut(|s| {
        if !s.handlers.as_ref().is_some_and(|h| h.serve(&host)) {
            s.handlers = Some(Handlers::attach(host, on_click, on_change, |_| {}));
        }
    });
}

/// The kiosk's buttons in the host (the report's share controls are not drawn in kiosk mode).
pub fn on_click(ev: web_sys::Event) {
    let Some(Action::Results(action)) = dom::action_of(&ev) else { return };
    match action {
        ResultsAction::KioskFullscreen => fullscreen(),
        ResultsAction::KioskEnd => draw_facilitator(None),
        ResultsAction::KioskUnlock => unlock(None),
        ResultsAction::KioskCancel => back_to_welcome(),
        ResultsAction::KioskCopy => copy_links(),
        ResultsAction::KioskDownload => {
            let text = STATE.with_borrow(|s| links_text(s.request.as_ref()));
            dom::offer_named(LINKS_FILE, "text/plain", &text);
        }
        ResultsAction::KioskClear => clear(),
        ResultsAction::KioskContinue => continue_session(),
        ResultsAction::Print
        | ResultsAction::ExportJson
        | ResultsAction::ExportCsv
        | ResultsAction::CopyLink
        | ResultsAction::SendLink => {}
    }
}

/// A key file chosen on the unlock screen unlocks as its text would.
fn on_change(ev: web_sys::Event) {
    let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
    if input.id() != ids::KIOSK_UNLOCK_FILE {
        return;
    }
    let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(text) = wasm_bindgen_futures::JsFuture::from(file.text()).await else { return };
        unlock(Some(text.as_string().unwrap_or_default()));
    });
}

fn host() -> Option<web_sys::HtmlElement> {
    by_id(ids::RESULTS_HOST)
}

/// The facilitator's screens, in the host: unlock, or (`Some`) the collected links.
fn draw_facilitator(links: Option<Vec<String>>) {
    let (Some(host), locale) = (host(), STATE.with_borrow(|s| s.locale)) else { return };
    let settings = STATE.with_borrow(|s| s.request.as_ref().and_then(settings));
    let mut o = Html::with_capacity(4096);
    match links {
        Some(links) => markup::collected(&mut o, locale, &links),
        None => markup::unlock(&mut o, locale, settings.as_ref().is_some_and(|k| k.pin.is_some())),
    }
    host.set_inner_html(&o.into_string());
    focus(ids::TITLE);
}

/// Checks the PIN or key typed (or the key file's text) and shows the collected links, or says
/// it is wrong and changes nothing.
fn unlock(file_text: Option<String>) {
    let entered = file_text
        .or_else(|| by_id::<web_sys::HtmlInputElement>(ids::KIOSK_UNLOCK).map(|i| i.value()))
        .unwrap_or_default();
    let settings = STATE.with_borrow(|s| s.request.as_ref().and_then(settings));
    if settings.is_some_and(|k| k.unlocks(&entered)) {
        let links = STATE.with_borrow(|s| links_of(s.request.as_ref()));
        draw_facilitator(Some(links));
    } else {
        set_status(Some(names::WRONG_ATTR));
        if let Some(input) = by_id::<web_sys::HtmlInputElement>(ids::KIOSK_UNLOCK) {
            input.set_value("");
            let _ = input.focus();
        }
    }
}

/// The collected results as full sealed links, one per line.
fn links_of(request: Option<&Request>) -> Vec<String> {
    let Some(request) = request else { return Vec::new() };
    collection()
        .links()
        .iter()
        .filter_map(|l| l.strip_prefix(FRAGMENT_PREFIX))
        .map(|payload| request.around.link(FRAGMENT_PREFIX, payload))
        .collect()
}

fn links_text(request: Option<&Request>) -> String {
    links_of(request).iter().flat_map(|l| [l.as_str(), "\n"]).collect()
}

fn copy_links() {
    overlap_module::copy::copy_field(ids::KIOSK_LINKS, ids::KIOSK_STATUS, names::COPIED_ATTR);
}

/// Ends the session: the collection and the kiosk's settings leave this browser, and the team
/// view opens (in place of this entry in the history, so Back does not return to the kiosk).
fn clear() {
    if let Some(s) = storage() {
        let _ = s.remove_item(COLLECTION);
        let _ = s.remove_item(SETTINGS);
    }
    if let Some(w) = web_sys::window() {
        let _ = w.location().replace("#team");
        let _ = w.location().reload();
    }
}

fn back_to_welcome() {
    let (Some(host), Some(request), locale) =
        (host(), STATE.with_borrow(|s| s.request.clone()), STATE.with_borrow(|s| s.locale))
    else {
        return;
    };
    show_welcome(host, request, locale);
    focus(ids::TITLE);
}

fn set_status(which: Option<&str>) {
    if let Some(status) = by_id::<web_sys::Element>(ids::KIOSK_STATUS) {
        let text = which.and_then(|w| status.get_attribute(w));
        status.set_text_content(text.as_deref());
    }
}

fn focus(id: &str) {
    if let Some(el) = by_id::<web_sys::HtmlElement>(id) {
        let _ = el.focus();
    }
}

fn hide_action(action: ResultsAction) {
    let selector = ["[", names::ACTION_ATTR, "=\"", Action::Results(action).as_str(), "\"]"].concat();
    let found = web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector(&selector).ok().flatten());
    if let Some(el) = found.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        el.set_hidden(true);
    }
}

fn fullscreen_available() -> bool {
    web_sys::window().and_then(|w| w.document()).is_some_and(|d| d.fullscreen_enabled())
}

/// Full screen for the whole page, so the next person sees the assessment and not the browser.
fn fullscreen() {
    let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element());
    if let Some(root) = root {
        let _ = root.request_fullscreen();
    }
}

fn now() -> f64 {
    js_sys::Date::now()
}

/// The page-wide input listeners and the one-second tick, once per page.
fn install() {
    STATE.with_borrow_mut(|s| {
        s.last_input = now();
        if s.tick.is_some() {
            return;
        }
        let Some(window) = web_sys::window() else { return };
        let Some(document) = window.document() else { return };
        // Not "scroll": the app scrolls a new screen into view itself, and a person who scrolls
        // touches, turns a wheel or presses a key, which are listened to.
        for event in ["pointerdown", "keydown", "input", "wheel", "touchstart"] {
            let listener = Closure::<dyn FnMut(web_sys::Event)>::new(on_input);
            let options = web_sys::AddEventListenerOptions::new();
            options.set_capture(true);
            options.set_passive(true);
            let _ = document.add_event_listener_with_callback_and_add_event_listener_options(
                event,
                listener.as_ref().unchecked_ref(),
                &options,
            );
            s.installed.push(listener);
        }
        // A page restored from the back-forward cache is loaded again: whatever it held in memory
        // is not shown to whoever navigated back to it.
        let restored = Closure::<dyn FnMut(web_sys::Event)>::new(|ev: web_sys::Event| {
            let persisted = js_sys::Reflect::get(&ev, &JsValue::from_str("persisted")).ok().and_then(|p| p.as_bool());
            if persisted == Some(true) {
                if let Some(w) = web_sys::window() {
                    let _ = w.location().reload();
                }
            }
        });
        let _ = window.add_event_listener_with_callback("pageshow", restored.as_ref().unchecked_ref());
        s.installed.push(restored);
        let tick = Closure::<dyn FnMut()>::new(on_tick);
        let _ = window.set_interval_with_callback_and_timeout_and_arguments_0(tick.as_ref().unchecked_ref(), 1000);
        s.tick = Some(tick);
    });
}

/// Any input resets the timer and closes the countdown, except what the countdown's own buttons
/// decide: a press on one of them, and the keys that move to or press a button.
fn on_input(ev: web_sys::Event) {
    let target = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    let within = |selector: &str| target.as_ref().and_then(|e| e.closest(selector).ok().flatten()).is_some();
    let idle_box = ["#", ids::KIOSK_IDLE].concat();
    let key = ev.dyn_ref::<web_sys::KeyboardEvent>().map(|k| k.key());
    let decides = match key.as_deref() {
        Some("Enter" | " " | "Tab" | "Shift") => within(&idle_box),
        Some(_) => false,
        None => within(&[idle_box.as_str(), " button"].concat()),
    };
    if !decides {
        STATE.with_borrow_mut(|s| s.last_input = now());
        hide_overlay(true);
    }
}

fn on_tick() {
    let (idle, last) = STATE.with_borrow(|s| (s.idle, s.last_input));
    // On the welcome nobody's answers are there to drop.
    if by_id::<web_sys::Element>(ids::KIOSK_WELCOME).is_some() {
        hide_overlay(false);
        return;
    }
    let since = ((now() - last) / 1000.0).max(0.0) as u32;
    match kiosk::idle(idle, since) {
        Idle::Quiet => hide_overlay(true),
        Idle::Countdown(left) => show_overlay(left),
        Idle::Reset => {
            // The app drops the answers and shows the welcome: its own "start over now" button.
            if let Some(reset) = by_id::<web_sys::HtmlElement>(ids::KIOSK_RESET) {
                reset.click();
            }
            hide_overlay(false);
            STATE.with_borrow_mut(|s| s.last_input = now());
        }
    }
}

/// Shows the countdown, or updates its seconds; announced to screen readers when it appears and
/// at ten seconds, and it takes focus so a keyboard user is one key from continuing.
fn show_overlay(left: u16) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let locale = STATE.with_borrow(|s| s.locale);
    if let Some(text) = by_id::<web_sys::Element>(ids::KIOSK_IDLE_SECONDS) {
        let template = text.get_attribute(names::TEMPLATE_ATTR).unwrap_or_default();
        text.set_text_content(Some(&template.replace("{seconds}", &left.to_string())));
        if left <= 10 && !STATE.with_borrow(|s| s.announced.1) {
            announce(&text);
            STATE.with_borrow_mut(|s| s.announced.1 = true);
        }
        return;
    }
    let Some(app) = by_id::<web_sys::Element>(ids::RESULTS_HOST)
        .and_then(|h| h.closest(".ov-app").ok().flatten())
        .or_else(|| document.query_selector(".ov-app").ok().flatten())
    else {
        return;
    };
    let Ok(overlay) = document.create_element("div") else { return };
    for (name, value) in [
        ("id", ids::KIOSK_IDLE),
        ("class", "ov-kiosk-idle"),
        ("role", "alertdialog"),
        ("aria-modal", "true"),
        ("aria-labelledby", "ov-kiosk-idle-h"),
        ("aria-describedby", ids::KIOSK_IDLE_SECONDS),
        ("data-testid", "kiosk-idle"),
    ] {
        let _ = overlay.set_attribute(name, value);
    }
    let mut o = Html::with_capacity(1024);
    markup::idle_dialog(&mut o, locale, left);
    overlay.set_inner_html(&o.into_string());
    let _ = app.append_child(&overlay);
    let click = Closure::<dyn FnMut(web_sys::Event)>::new(|ev: web_sys::Event| {
        if let Some(Action::Results(ResultsAction::KioskContinue)) = dom::action_of(&ev) {
            continue_session();
        }
    });
    let _ = overlay.add_event_listener_with_callback("click", click.as_ref().unchecked_ref());
    let before = document.active_element().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    STATE.with_borrow_mut(|s| {
        s.overlay_click = Some(click);
        s.focus_before = before;
        s.announced = (true, left <= 10);
    });
    if let Some(text) = by_id::<web_sys::Element>(ids::KIOSK_IDLE_SECONDS) {
        announce(&text);
    }
    if let Some(button) = by_id::<web_sys::HtmlElement>(ids::KIOSK_CONTINUE) {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = button.focus_with_options(&options);
    }
}

/// Puts the countdown's sentence in the live region, so screen readers say it.
fn announce(text: &web_sys::Element) {
    if let Some(live) = by_id::<web_sys::Element>(ids::KIOSK_IDLE_ANNOUNCE) {
        live.set_text_content(text.text_content().as_deref());
    }
}

/// "I'm still here": the timer starts again and the page is as it was.
fn continue_session() {
    STATE.with_borrow_mut(|s| s.last_input = now());
    hide_overlay(true);
}

/// Removes the countdown; `restore` gives focus back to where it was.
fn hide_overlay(restore: bool) {
    let Some(overlay) = by_id::<web_sys::Element>(ids::KIOSK_IDLE) else { return };
    overlay.remove();
    // The box's click listener is kept until the next box replaces it: this may run inside it.
    let before = STATE.with_borrow_mut(|s| {
        s.announced = (false, false);
        s.focus_before.take()
    });
    if let Some(el) = before.filter(|e| restore && e.is_connected()) {
        let _ = el.focus();
    }
}
