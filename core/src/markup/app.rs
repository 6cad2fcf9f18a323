//! The app's own pieces around the screens, as markup: "start over" with its confirmation, the
//! link error, the notice bar's content, and the buttons under the person's own results.
//!
//! They were Leptos components; each distinct view tree cost the first load about 1-3 KB of
//! compressed WebAssembly, a string almost nothing. The app inserts them into host elements and
//! handles their buttons by delegation on its root (`data-action`), like the survey's screens.

use super::{button, esc, t, title};
use crate::i18n::Locale;
use crate::share::LinkError;

/// "Start over": a quiet button, and its confirmation (hidden until asked for). The app shows
/// one or the other in place and moves focus between them, without redrawing.
pub fn start_over(locale: Locale) -> String {
    let mut o = String::from(r#"<div class="ov-start-over">"#);
    button(&mut o, "ov-btn--quiet", "start-over", "", locale.t("ui.start_over.button"));
    o.push_str(&format!(
        r#"<div role="group" aria-labelledby="ov-confirm-text" class="ov-confirm" hidden><p id="ov-confirm-text">{}</p>"#,
        t(locale, "ui.start_over.confirm")
    ));
    button(&mut o, "ov-btn--danger", "confirm-start-over", "", locale.t("ui.start_over.yes"));
    button(&mut o, "", "keep-answers", "", locale.t("ui.start_over.no"));
    o.push_str("</div></div>");
    o
}

/// A row holding "start over", below a survey screen (welcome when resuming, review).
pub fn start_over_row(locale: Locale) -> String {
    format!(r#"<div class="ov-nav ov-nav--wrap">{}</div>"#, start_over(locale))
}

/// Under the person's own results: back to the answers, or start over.
pub fn own_results_extras(locale: Locale) -> String {
    let mut o = String::from(r#"<div class="ov-nav ov-nav--wrap ov-no-print">"#);
    button(&mut o, "", "edit-answers", "", locale.t("ui.results.edit"));
    o.push_str(&start_over(locale));
    o.push_str("</div>");
    o
}

/// What a visitor sees when a link cannot be opened: what is wrong, and a way forward.
pub fn link_error(locale: Locale, error: LinkError) -> String {
    let mut o = format!(
        r#"<section class="ov-screen" aria-labelledby="ov-title" data-testid="link-error" data-error="{}">"#,
        error.id()
    );
    title(&mut o, 1, locale.t("ui.link_error.title"));
    o.push_str(&format!(
        r#"<p role="alert">{}</p><p>{}</p><div class="ov-nav ov-no-print">"#,
        esc(&crate::present::link_error_text(locale, error)),
        t(locale, "ui.link_error.own_answers_safe"),
    ));
    button(&mut o, "ov-btn--primary", "start-own", "", locale.t("ui.shared.start_own"));
    o.push_str("</div></section>");
    o
}

/// The notice bar's content: `text` (in `lang` when that differs from the page's) and a
/// dismiss button labelled in `locale`.
pub fn notice(locale: Locale, text: &str, lang: Option<&str>) -> String {
    let lang = lang.map(|l| format!(r#" lang="{}""#, esc(l))).unwrap_or_default();
    let mut o = format!(r#"<div class="ov-notice" data-testid="storage-notice"><p{lang}>{}</p>"#, esc(text));
    button(&mut o, "ov-btn--quiet", "dismiss", "", locale.t("ui.dismiss"));
    o.push_str("</div>");
    o
}

/// The header: the consultancy's name and logo (or the product's name) and the language
/// switch, a labelled native select listing every language in its own name. Drawn once: a
/// change of language updates the two translated texts (`ov-brand-text`, `ov-lang-label`) and
/// the selection in place, so the switch keeps focus. The name and logo are text and an
/// attribute, never HTML.
pub fn header(locale: Locale, name: Option<&str>, logo: Option<&str>) -> String {
    let mut o = String::from(r#"<p class="ov-brand" data-testid="brand">"#);
    if let Some(src) = logo {
        o.push_str(&format!(r#"<img src="{}" alt="{}">"#, esc(src), esc(name.unwrap_or_default())));
    }
    match name {
        Some(n) => o.push_str(&format!("<span>{}</span>", esc(n))),
        None => o.push_str(&format!(r#"<span id="ov-brand-text">{}</span>"#, t(locale, "ui.brand"))),
    }
    o.push_str(&format!(
        r#"</p><div class="ov-lang"><label for="ov-lang-select" id="ov-lang-label">{}</label><select id="ov-lang-select" data-testid="locale-switch">"#,
        t(locale, "ui.language")
    ));
    for l in Locale::ALL.into_iter().filter(|l| l.is_available()) {
        let selected = if l == locale { " selected" } else { "" };
        o.push_str(&format!(
            r#"<option value="{0}" lang="{0}"{selected}>{1}</option>"#,
            l.code(),
            t(l, "ui.language_name")
        ));
    }
    o.push_str("</select></div>");
    o
}

/// While the results module loads (usually a blink: it is fetched from the review screen on).
pub fn results_waiting(locale: Locale) -> String {
    format!(
        r#"<p class="ov-loading" role="status" data-testid="results-loading">{}</p>"#,
        t(locale, "ui.results.loading")
    )
}

/// The results module could not be loaded (offline, a blocked file): say so, and offer a retry.
/// The answers are saved already.
pub fn results_unavailable(locale: Locale) -> String {
    let mut o =
        String::from(r#"<section class="ov-screen" aria-labelledby="ov-title" data-testid="results-unavailable">"#);
    title(&mut o, 1, locale.t("ui.results.load_failed_title"));
    o.push_str(&format!(r#"<p role="alert">{}</p><div class="ov-nav">"#, t(locale, "ui.results.load_failed")));
    button(&mut o, "ov-btn--primary", "results-retry", "", locale.t("ui.results.retry"));
    o.push_str("</div></section>");
    o
}
