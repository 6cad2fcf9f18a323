//! What both on-demand modules (`results/` and `team/`) share in the browser.
//!
//! The app asks a module to draw a screen with one [`Request`], as text (the modules are separate
//! WebAssembly instances). [`prepare`] reads it, fetches the screen's language if the module does
//! not have it yet, and lets a later request win over one still waiting for its language; the
//! module then draws and wires its own controls with the helpers in [`dom`]. Nothing here panics on
//! the browser: a refused API does nothing, and a request this release cannot read is answered
//! with [`Shown::LinkUnread`], so the app says so instead of going blank.

use overlap_core::i18n::Locale;
use overlap_core::request::Request;
use overlap_core::ui::Shown;
use std::cell::Cell;

pub mod copy;
pub mod dom;
pub mod locale;

thread_local! {
    // Counts requests, so one that waited for a language file gives way to a later one (the
    // person changed language meanwhile) instead of drawing over it.
    static CALLS: Cell<u32> = const { Cell::new(0) };
}

/// A request read, and the language its screen is drawn in.
pub struct Ready {
    pub request: Request,
    /// The language asked for, or English when its text could not be had.
    pub locale: Locale,
    /// Whether the language asked for is the one drawn in.
    pub in_language: bool,
}

/// Reads the app's request and makes its language's text available. `Err` carries what to answer
/// the app instead of drawing: [`Shown::LinkUnread`] for a request this release cannot read (an
/// app and a module from different releases), [`Shown::Drawn`] when a later request has come
/// meanwhile and draws instead.
pub async fn prepare(host: &web_sys::HtmlElement, text: &str) -> Result<Ready, Shown> {
    let Some(request) = Request::decode(text) else {
        web_sys::console::error_1(&"overlap: a request this module cannot read".into());
        return Err(Shown::LinkUnread);
    };
    let call = CALLS.with(|c| {
        c.set(c.get().wrapping_add(1));
        c.get()
    });
    let loaded = locale::load(request.locale).await;
    if CALLS.with(Cell::get) != call {
        return Err(Shown::Drawn);
    }
    let locale = if loaded { request.locale } else { Locale::En };
    locale::mark(host, locale);
    Ok(Ready { request, locale, in_language: loaded })
}

/// What to answer the app once the screen is drawn (`drawn` false: the link did not decode).
pub fn answer(drawn: bool, in_language: bool) -> u32 {
    match (drawn, in_language) {
        (false, _) => Shown::LinkUnread,
        (true, true) => Shown::Drawn,
        (true, false) => Shown::InEnglish,
    }
    .code()
}
