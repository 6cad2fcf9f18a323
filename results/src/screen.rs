//! The report's behaviour in the browser: draws it into the host element the app gives it and
//! answers its controls (print, the files, sending and copying the share link, the share level).
//! "Start my own assessment" and "edit my answers" bubble up to the app's root, which handles them.
//! Nothing here panics on the browser: a missing element or a refused API does nothing, or falls
//! back (the link selected for copying by hand).

use overlap_core::i18n::Locale;
use overlap_core::request::Request;
use overlap_core::results::{self, Sealing};
use overlap_core::seal::RoundKey;
use overlap_core::ui::{ids, names, Action, PrintMode, ReportFile, ResultsAction, View};
use overlap_module::dom::{self, by_id, Handlers};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The report on show: what its files are made from.
struct State {
    locale: Locale,
    fragment: String,
    handlers: Option<Handlers>,
}

thread_local! {
    static STATE: RefCell<State> = const { RefCell::new(State { locale: Locale::En, fragment: String::new(), handlers: None }) };
}

/// Draws the report into `host` and wires its controls. Returns false when the link does not
/// decode (or the request is for a screen this module does not draw); the app then shows its own
/// link error.
pub fn show(host: web_sys::HtmlElement, request: Request, locale: Locale) -> bool {
    let shared = match (request.view, request.kiosk_turn) {
        (View::Kiosk, _) => return crate::kiosk::show_welcome(host, request, locale),
        (View::Own, Some(turn)) => return crate::kiosk::show_report(host, request, locale, turn),
        (View::Own, None) => false,
        (View::Shared, _) => true,
        // The team module's screens: an app that asks this module for one is from another release.
        (View::Team | View::TeamSummary | View::Setup, _) => return false,
    };
    // With a round key the links the person sends are sealed for the round; each seal takes 32
    // fresh bytes from the platform's secure random source.
    let key = request.round_key.as_deref().and_then(|k| RoundKey::parse(k).ok());
    let sealing =
        key.zip(dom::random_bytes().zip(dom::random_bytes())).map(|(key, (a, b))| Sealing { key, random: [a, b] });
    let Some(html) =
        results::report(locale, &request.fragment, shared, dom::today(), &request.around, sealing.as_ref())
    else {
        host.set_inner_html("");
        return false;
    };
    host.set_inner_html(&html);
    STATE.with_borrow_mut(|s| {
        (s.locale, s.fragment) = (locale, request.fragment);
        if !s.handlers.as_ref().is_some_and(|h| h.serve(&host)) {
            s.handlers = Some(Handlers::attach(host, on_click, on_change, |_| {}));
        }
    });
    true
}

fn on_click(ev: web_sys::Event) {
    // Another module's or the app's button: the app's root handler sees every click too.
    let Some(Action::Results(action)) = dom::action_of(&ev) else { return };
    match action {
        ResultsAction::Print => dom::print(PrintMode::Screen),
        ResultsAction::ExportJson => offer(ReportFile::Json),
        ResultsAction::ExportCsv => offer(ReportFile::Csv),
        ResultsAction::CopyLink => copy_link(names::COPIED_ATTR),
        ResultsAction::SendLink => send_link(),
        // Kiosk mode's controls: its own screens and handlers (`kiosk`) answer them.
        ResultsAction::KioskFullscreen
        | ResultsAction::KioskEnd
        | ResultsAction::KioskUnlock
        | ResultsAction::KioskCancel
        | ResultsAction::KioskCopy
        | ResultsAction::KioskDownload
        | ResultsAction::KioskClear
        | ResultsAction::KioskContinue => {}
    }
}

/// Makes the file from the link on show, now that it is asked for.
fn offer(which: ReportFile) {
    let content = STATE.with_borrow(|s| results::file(s.locale, &s.fragment, which));
    if let Some(content) = content {
        dom::offer(which, &content);
    }
}

fn on_change(ev: web_sys::Event) {
    let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
    if input.name() != names::SHARE_LEVEL {
        return;
    }
    // The share level radios swap the link shown between the full and summary links.
    let attr = if input.value() == "summary" { names::SUMMARY_LINK_ATTR } else { names::FULL_LINK_ATTR };
    if let Some(link) = by_id::<web_sys::HtmlInputElement>(ids::SHARE_LINK) {
        link.set_value(&link.get_attribute(attr).unwrap_or_default());
    }
    // The email to the facilitator carries the same link.
    if let Some(mail) = by_id::<web_sys::Element>(ids::SEND_EMAIL) {
        let _ = mail.set_attribute("href", &mail.get_attribute(attr).unwrap_or_default());
    }
    set_copy_status(None);
}

/// Sends the share link through the device's share sheet (Web Share API); where the browser has
/// none, or it fails for any reason but the person cancelling, copies the link instead and says
/// so. (When the deployment names the facilitator's email, the markup offers an email link
/// instead of this button.)
fn send_link() {
    let Some(input) = by_id::<web_sys::HtmlInputElement>(ids::SHARE_LINK) else { return };
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else { return };
    let share = js_sys::Reflect::get(&navigator, &JsValue::from_str("share"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(share) = share else {
        copy_link(names::SENT_COPIED_ATTR);
        return;
    };
    let button = by_id::<web_sys::Element>(ids::SEND_BUTTON);
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

/// Copies the share link (or selects it for copying by hand); `copied` names the status text to
/// show when it worked.
fn copy_link(copied: &'static str) {
    overlap_module::copy::copy_field(ids::SHARE_LINK, ids::COPY_STATUS, copied);
}

/// The share panel's status line: one of the texts the markup carries as data attributes.
fn set_copy_status(which: Option<&str>) {
    if let Some(status) = by_id::<web_sys::Element>(ids::COPY_STATUS) {
        let text = which.and_then(|w| status.get_attribute(w));
        status.set_text_content(text.as_deref());
    }
}
