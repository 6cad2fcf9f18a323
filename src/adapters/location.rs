//! The URL fragment: where share links and `#team` arrive, read and written without reloads
//! and followed when it changes. Also the page's own address (the base of share links), the
//! navigator's preferred languages and `<html lang>`.

/// What the fragment asks the app to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// No fragment (or an unknown one): the assessment itself.
    Assessment,
    /// `#r=...`: a shared result, with the fragment text to decode.
    SharedResult(String),
    /// `#team`: the team view.
    Team,
    /// `#t=...`: a team summary link.
    TeamSummary(String),
    /// `#k=...`: an invitation carrying a round's public key (the text after `k=`).
    Invitation(String),
    /// `#s=...`: a sealed result, which only its round's team view can open.
    Sealed,
    /// `#kiosk`: the assessment on a device passed from person to person.
    Kiosk,
    /// `#setup`: the consultant's setup screen.
    Setup,
}

/// A sealed link's fragment starts so (the results and team modules read them; the app only
/// recognises one, to say what it is).
const SEALED_PREFIX: &str = "s=";

/// Pure routing from fragment text (with or without the leading `#`).
pub fn route(hash: &str) -> Route {
    let h = hash.strip_prefix('#').unwrap_or(hash);
    if h.starts_with(overlap_core::share::FRAGMENT_PREFIX) {
        Route::SharedResult(h.to_string())
    } else if h.starts_with(overlap_core::team_link::FRAGMENT_PREFIX) {
        Route::TeamSummary(h.to_string())
    } else if let Some(key) = h.strip_prefix(overlap_core::share::ROUND_KEY_PREFIX) {
        Route::Invitation(key.to_string())
    } else if h.starts_with(SEALED_PREFIX) {
        Route::Sealed
    } else if h == "team" {
        Route::Team
    } else if h == "kiosk" {
        Route::Kiosk
    } else if h == "setup" {
        Route::Setup
    } else {
        Route::Assessment
    }
}

pub fn current_hash() -> String {
    super::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// Calls `follow` whenever the fragment changes (a link pasted into the address bar of an open
/// tab). The listener lasts until the returned handle is removed.
pub fn on_hash_change(follow: impl Fn() + 'static) -> leptos::prelude::WindowListenerHandle {
    leptos::prelude::window_event_listener(leptos::ev::hashchange, move |_| follow())
}

/// Replaces the fragment without adding a history entry or reloading.
pub fn set_hash(hash: &str) {
    let Some(w) = super::window() else { return };
    let url = if hash.is_empty() {
        let loc = w.location();
        format!("{}{}", loc.pathname().unwrap_or_default(), loc.search().unwrap_or_default())
    } else {
        format!("#{}", hash.trim_start_matches('#'))
    };
    if let Ok(history) = w.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// The page's own URL without fragment: the base for share links when not configured.
pub fn page_url() -> String {
    super::window()
        .and_then(|w| w.location().href().ok())
        .map(|h| h.split('#').next().unwrap_or_default().to_string())
        .unwrap_or_default()
}

/// The browser's preferred language tags, most preferred first.
pub fn preferred_languages() -> Vec<String> {
    let Some(w) = super::window() else { return Vec::new() };
    let nav = w.navigator();
    let mut tags: Vec<String> = nav.languages().iter().filter_map(|v| v.as_string()).collect();
    if let Some(l) = nav.language() {
        tags.push(l);
    }
    tags
}

/// Sets `<html lang>` so screen readers pronounce the text in the right language.
pub fn set_document_lang(code: &str) {
    if let Some(el) = super::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = el.set_attribute("lang", code);
    }
}
