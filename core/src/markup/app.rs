//! The app's own pieces around the screens, as markup: "start over" with its confirmation, the
//! link error, the notice bar's content, the header, and the buttons under the person's own
//! results.
//!
//! They were Leptos components; each distinct view tree cost the first load about 1-3 KB of
//! compressed WebAssembly, a string almost nothing. The app inserts them into host elements and
//! handles their buttons by delegation on its root (`data-action`), like the survey's screens.

use super::html::{html, Html, SafeUrl};
use super::{button, button_with_id, title};
use crate::i18n::{key, Locale};
use crate::share::LinkError;
use crate::ui::{ids, Action, AppAction};

/// "Start over": a quiet button, and its confirmation (hidden until asked for). The app shows
/// one or the other in place and moves focus between them, without redrawing.
pub fn start_over(o: &mut Html, locale: Locale) {
    html!(o;
        r#"<div class="ov-start-over">"#
        {button_with_id(o, ids::START_OVER, "ov-btn--quiet", AppAction::StartOver.into(), locale.t(key::ui::start_over::BUTTON))}
        r#"<div role="group" aria-labelledby="ov-confirm-text" class="ov-confirm" id=""# (ids::START_OVER_CONFIRM)
        r#"" hidden><p id="ov-confirm-text">"# (locale.t(key::ui::start_over::CONFIRM)) "</p>"
        {button(o, "ov-btn--danger", AppAction::ConfirmStartOver.into(), locale.t(key::ui::start_over::YES))}
        {button_with_id(o, ids::KEEP_ANSWERS, "", AppAction::KeepAnswers.into(), locale.t(key::ui::start_over::NO))}
        "</div></div>"
    );
}

/// A row holding "start over", below a survey screen (welcome when resuming, review).
pub fn start_over_row(o: &mut Html, locale: Locale) {
    html!(o; r#"<div class="ov-nav ov-nav--wrap">"# {start_over(o, locale)} "</div>");
}

/// Under the person's own results: back to the answers, or start over.
pub fn own_results_extras(o: &mut Html, locale: Locale) {
    html!(o;
        r#"<div class="ov-nav ov-nav--wrap ov-no-print">"#
        {button(o, "", Action::App(AppAction::EditAnswers), locale.t(key::ui::results::EDIT))}
        {start_over(o, locale)}
        "</div>"
    );
}

/// What a visitor sees when a link cannot be opened: what is wrong, and a way forward.
pub fn link_error(o: &mut Html, locale: Locale, error: LinkError) {
    html!(o;
        r#"<section class="ov-screen" aria-labelledby=""# (ids::TITLE) r#"" data-testid="link-error" data-error=""#
        (error.id()) r#"">"#
        {title(o, locale.t(key::ui::link_error::TITLE))}
        r#"<p role="alert">"# (crate::present::link_error_text(locale, error)) "</p><p>"
        (locale.t(key::ui::link_error::OWN_ANSWERS_SAFE)) r#"</p><div class="ov-nav ov-no-print">"#
        {button(o, "ov-btn--primary", Action::App(AppAction::StartOwn), locale.t(key::ui::shared::START_OWN))}
        "</div></section>"
    );
}

/// The notice bar's content: `text` (in `lang` when that differs from the page's) and a
/// dismiss button labelled in `locale`.
pub fn notice(o: &mut Html, locale: Locale, text: &str, lang: Option<&str>) {
    html!(o;
        r#"<div class="ov-notice" data-testid="storage-notice"><p"#
        {if let Some(l) = lang { html!(o; r#" lang=""# (l) r#"""#) }}
        ">" (text) "</p>"
        {button(o, "ov-btn--quiet", Action::App(AppAction::Dismiss), locale.t(key::ui::DISMISS))}
        "</div>"
    );
}

/// The header: the consultancy's name and logo (or the product's name) and the language
/// switch, a labelled native select listing every language in its own name. Drawn once: a
/// change of language updates the two translated texts (`ov-brand-text`, `ov-lang-label`) and
/// the selection in place, so the switch keeps focus. The name and logo are text and an
/// attribute, never HTML.
pub fn header(o: &mut Html, locale: Locale, name: Option<&str>, logo: Option<&SafeUrl>) {
    o.raw(r#"<p class="ov-brand" data-testid="brand">"#);
    // The name (the consultancy's, or the product's) follows the logo as text, so the logo is
    // decorative: an alt repeating the name would be read twice.
    if let Some(src) = logo {
        html!(o; r#"<img src=""# (url = src) r#"" alt="">"#);
    }
    match name {
        Some(n) => html!(o; "<span>" (n) "</span>"),
        None => html!(o; r#"<span id=""# (ids::BRAND_TEXT) r#"">"# (locale.t(key::ui::BRAND)) "</span>"),
    }
    html!(o;
        r#"</p><div class="ov-lang"><label for=""# (ids::LANG_SELECT) r#"" id=""# (ids::LANG_LABEL) r#"">"#
        (locale.t(key::ui::LANGUAGE)) r#"</label><select id=""# (ids::LANG_SELECT) r#"" data-testid="locale-switch">"#
    );
    for l in Locale::ALL.into_iter().filter(|l| l.is_available()) {
        html!(o;
            r#"<option value=""# (l.code()) r#"" lang=""# (l.code()) r#"""# {if l == locale { o.raw(" selected") }} ">"
            (l.t(key::ui::LANGUAGE_NAME)) "</option>"
        );
    }
    o.raw("</select></div>");
}

/// While the results module loads (usually a blink: it is fetched from the review screen on).
/// The sentence is the screen's heading, like every screen's title, so the page is never without
/// its one `h1` and focus after navigation has somewhere to go until the results replace it.
pub fn results_waiting(o: &mut Html, locale: Locale) {
    html!(o;
        r#"<div class="ov-loading" role="status" data-testid="results-loading">"#
        {title(o, locale.t(key::ui::results::LOADING))}
        "</div>"
    );
}

/// The results module could not be loaded (offline, a blocked file): say so, and offer a retry.
/// The answers are saved already.
pub fn results_unavailable(o: &mut Html, locale: Locale) {
    html!(o;
        r#"<section class="ov-screen" aria-labelledby=""# (ids::TITLE) r#"" data-testid="results-unavailable">"#
        {title(o, locale.t(key::ui::results::LOAD_FAILED_TITLE))}
        r#"<p role="alert">"# (locale.t(key::ui::results::LOAD_FAILED)) r#"</p><div class="ov-nav">"#
        {button(o, "ov-btn--primary", Action::App(AppAction::ResultsRetry), locale.t(key::ui::results::RETRY))}
        "</div></section>"
    );
}
