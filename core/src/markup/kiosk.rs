//! Kiosk mode's screens (results module): the welcome for the next person, the idle countdown,
//! the panel under a finished report, and the facilitator's end of the session (unlock, the
//! collected sealed links, clear).
//!
//! Nothing here ever shows a person's answers outside their own report: the collected links are
//! sealed, and the welcome says only how many there are.

use super::html::{html, Html};
use super::{button, button_with_id, card_close, card_open, title};
use crate::i18n::{key, Locale};
use crate::ui::{ids, names, Action, AppAction, ResultsAction};

/// What the welcome needs to know about the device.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Welcome {
    /// Sealed results kept on the device so far.
    pub collected: usize,
    /// Seconds without input before the countdown.
    pub idle: u16,
    /// False when the browser refuses storage: results cannot be collected on the device.
    pub storage_ok: bool,
}

/// The welcome for the next person: what happens to their answers, Start, full screen, and the
/// facilitator's way to end the session. While it shows, the idle timer has nothing to reset.
pub fn welcome(o: &mut Html, locale: Locale, w: &Welcome) {
    html!(o;
        r#"<section class="ov-screen ov-kiosk" id=""# (ids::KIOSK_WELCOME) r#"" aria-labelledby=""# (ids::TITLE)
        r#"" data-testid="kiosk-welcome">"#
        {title(o, locale.t(key::ui::kiosk::TITLE))}
        r#"<p class="ov-lead">"# (locale.t(key::ui::kiosk::LEAD)) r#"</p><div class="ov-promise"><ul>"#
        "<li>" (locale.t(key::ui::kiosk::MEMORY)) "</li><li>" (locale.t(key::ui::kiosk::SEALED)) "</li><li>"
        {o.fill(locale.t(key::ui::kiosk::IDLE), &[("seconds", &w.idle)])} "</li></ul></div>"
    );
    if !w.storage_ok {
        html!(o; r#"<p class="ov-notice" role="alert" data-testid="kiosk-storage">"# (locale.t(key::ui::kiosk::STORAGE_BLOCKED)) "</p>");
    }
    html!(o;
        r#"<div class="ov-nav ov-nav--wrap">"#
        {button(o, "ov-btn--primary", Action::App(AppAction::Start), locale.t(key::ui::kiosk::START))}
        {button(o, "", Action::Results(ResultsAction::KioskFullscreen), locale.t(key::ui::kiosk::FULLSCREEN))}
        r#"</div><div class="ov-kiosk__staff"><p data-testid="kiosk-count">"#
        {o.fill(locale.t(locale.plural_form(key::ui::kiosk::COLLECTED, w.collected as u64)), &[("n", &w.collected)])}
        "</p>"
        {button(o, "ov-btn--quiet", Action::Results(ResultsAction::KioskEnd), locale.t(key::ui::kiosk::END))}
        "</div></section>"
    );
}

/// A device with no round key to seal to: kiosk mode cannot start, and says how to set it up.
pub fn not_set_up(o: &mut Html, locale: Locale) {
    html!(o;
        r#"<section class="ov-screen" aria-labelledby=""# (ids::TITLE) r#"" data-testid="kiosk-not-set-up">"#
        {title(o, locale.t(key::ui::kiosk::NOT_SET_UP_TITLE))}
        r#"<p role="alert">"# (locale.t(key::ui::kiosk::NOT_SET_UP)) "</p></section>"
    );
}

/// The "Still there?" countdown, drawn into its own element over any screen (the module makes
/// the element: an `alertdialog` labelled by the heading and described by the sentence). The
/// sentence carries its template, so the module counts down in the page's language.
pub fn idle_dialog(o: &mut Html, locale: Locale, seconds: u16) {
    let template = locale.t(key::ui::kiosk::IDLE_TEXT);
    html!(o;
        r#"<div class="ov-kiosk-idle__box"><h2 id="ov-kiosk-idle-h">"# (locale.t(key::ui::kiosk::IDLE_TITLE))
        r#"</h2><p id=""# (ids::KIOSK_IDLE_SECONDS) r#"" "# (names::TEMPLATE_ATTR) r#"=""# (template) r#"">"#
        {o.fill(template, &[("seconds", &seconds)])}
        r#"</p><p id=""# (ids::KIOSK_IDLE_ANNOUNCE) r#"" class="ov-sr-only" aria-live="assertive"></p><div class="ov-nav ov-nav--wrap">"#
        {button_with_id(o, ids::KIOSK_CONTINUE, "ov-btn--primary", Action::Results(ResultsAction::KioskContinue), locale.t(key::ui::kiosk::IDLE_CONTINUE))}
        {button_with_id(o, ids::KIOSK_RESET, "", Action::App(AppAction::KioskNext), locale.t(key::ui::kiosk::IDLE_RESET))}
        "</div></div>"
    );
}

/// Under a finished report in kiosk mode, in place of the share panel and the files: the result
/// is in the collection, sealed; the person may take the sealed link away by QR code; then they
/// change their answers or hand the device on. `sealed_url` is the sealed link (empty when the
/// device could not seal), `fingerprint` the round key's check code, `kept` whether the device
/// kept it.
pub fn report_panel(o: &mut Html, locale: Locale, sealed_url: &str, fingerprint: &str, kept: bool) {
    o.raw(r#"<div class="ov-controls ov-no-print">"#);
    card_open(o, "ov-kiosk-done-h", "kiosk-sealed", locale.t(key::ui::kiosk::DONE_TITLE));
    if kept {
        html!(o; "<p>" {o.fill(locale.t(key::ui::kiosk::DONE_SEALED), &[("fingerprint", &fingerprint)])} "</p>");
    } else {
        html!(o; r#"<p class="ov-notice" role="alert" data-testid="kiosk-unsaved">"# (locale.t(key::ui::kiosk::UNSAVED)) "</p>");
    }
    if !sealed_url.is_empty() {
        html!(o;
            r#"<details class="ov-details"><summary>"# (locale.t(key::ui::kiosk::TAKE_COPY)) r#"</summary><p>"#
            (locale.t(key::ui::kiosk::TAKE_COPY_HINT)) r#"</p><figure class="ov-kiosk__code" data-testid="kiosk-qr">"#
            {crate::qr::svg(o, sealed_url, "ov-qr-kiosk", locale.t(key::ui::kiosk::QR_TITLE))}
            "</figure></details>"
        );
    }
    card_close(o);
    html!(o;
        r#"<div class="ov-nav ov-nav--wrap">"#
        {button(o, "", Action::App(AppAction::EditAnswers), locale.t(key::ui::results::EDIT))}
        {button(o, "ov-btn--primary", Action::App(AppAction::KioskNext), locale.t(key::ui::kiosk::DONE))}
        "</div></div>"
    );
}

/// The facilitator's first step to end the session: the PIN (when one was set) or the round's
/// key, typed, pasted or loaded from the key file.
pub fn unlock(o: &mut Html, locale: Locale, has_pin: bool) {
    let intro = if has_pin { key::ui::kiosk::UNLOCK_PIN } else { key::ui::kiosk::UNLOCK_KEY };
    html!(o;
        r#"<section class="ov-screen" aria-labelledby=""# (ids::TITLE) r#"" data-testid="kiosk-unlock-screen">"#
        {title(o, locale.t(key::ui::kiosk::UNLOCK_TITLE))}
        "<p>" (locale.t(intro)) r#"</p><label for=""# (ids::KIOSK_UNLOCK) r#"" class="ov-label">"#
        (locale.t(key::ui::kiosk::UNLOCK_LABEL)) r#"</label><input id=""# (ids::KIOSK_UNLOCK)
        r#"" class="ov-textarea" type="password" autocomplete="off" spellcheck="false" aria-describedby=""#
        (ids::KIOSK_STATUS) r#"" data-testid="kiosk-unlock-input"><label for=""# (ids::KIOSK_UNLOCK_FILE)
        r#"" class="ov-label">"# (locale.t(key::ui::kiosk::UNLOCK_FILE)) r#"</label><input id=""# (ids::KIOSK_UNLOCK_FILE)
        r#"" type="file" accept=".txt,text/plain" data-testid="kiosk-unlock-file">"#
        {status(o, locale)}
        r#"<div class="ov-nav ov-nav--wrap">"#
        {button(o, "ov-btn--primary", Action::Results(ResultsAction::KioskUnlock), locale.t(key::ui::kiosk::UNLOCK))}
        {button(o, "", Action::Results(ResultsAction::KioskCancel), locale.t(key::ui::kiosk::BACK))}
        "</div></section>"
    );
}

/// The status line of the facilitator's screens, carrying its messages.
fn status(o: &mut Html, locale: Locale) {
    html!(o;
        r#"<p id=""# (ids::KIOSK_STATUS) r#"" role="status" class="ov-status" data-testid="kiosk-status" "# (names::WRONG_ATTR)
        r#"=""# (locale.t(key::ui::kiosk::UNLOCK_WRONG)) r#"" "# (names::COPIED_ATTR) r#"=""# (locale.t(key::ui::kiosk::COPIED))
        r#"" "# (names::MANUAL_ATTR) r#"=""# (locale.t(key::ui::kiosk::COPY_MANUAL)) r#""></p>"#
    );
}

/// The collected results, once unlocked: the sealed links (full addresses), copy and download,
/// and the end of the session, which clears the device.
pub fn collected(o: &mut Html, locale: Locale, links: &[String]) {
    html!(o;
        r#"<section class="ov-screen" aria-labelledby=""# (ids::TITLE) r#"" data-testid="kiosk-collected">"#
        {title(o, locale.t(key::ui::kiosk::LINKS_TITLE))}
        "<p>" {o.fill(locale.t(locale.plural_form(key::ui::kiosk::LINKS_INTRO, links.len() as u64)), &[("n", &links.len())])}
        r#"</p><label for=""# (ids::KIOSK_LINKS) r#"" class="ov-label">"# (locale.t(key::ui::kiosk::LINKS_LABEL))
        r#"</label><textarea id=""# (ids::KIOSK_LINKS) r#"" class="ov-textarea" rows="8" readonly data-testid="kiosk-links">"#
    );
    for link in links {
        html!(o; (link.as_str()) "\n");
    }
    html!(o;
        r#"</textarea><div class="ov-nav ov-nav--wrap">"#
        {button(o, "ov-btn--primary", Action::Results(ResultsAction::KioskCopy), locale.t(key::ui::kiosk::COPY))}
        {button(o, "", Action::Results(ResultsAction::KioskDownload), locale.t(key::ui::kiosk::DOWNLOAD))}
        "</div>"
        {status(o, locale)}
        r#"<p class="ov-hint">"# (locale.t(key::ui::kiosk::CLEAR_NOTE)) r#"</p><div class="ov-nav ov-nav--wrap">"#
        {button(o, "ov-btn--danger", Action::Results(ResultsAction::KioskClear), locale.t(key::ui::kiosk::CLEAR))}
        {button(o, "", Action::Results(ResultsAction::KioskCancel), locale.t(key::ui::kiosk::BACK))}
        "</div></section>"
    );
}
