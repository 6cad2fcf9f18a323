//! The app's own pieces around the screens, as markup: "start over" with its confirmation, the
//! link error, the notice bar's content, the header, and the buttons under the person's own
//! results.
//!
//! They were Leptos components; each distinct view tree cost the first load about 1-3 KB of
//! compressed WebAssembly, a string almost nothing. The app inserts them into host elements and
//! handles their buttons by delegation on its root (`data-action`), like the survey's screens.

use super::html::{html, Html};
use super::{button, title};
use crate::i18n::Locale;
use crate::share::LinkError;
use crate::ui::{ids, Action};

/// "Start over": a quiet button, and its confirmation (hidden until asked for). The app shows
/// one or the other in place and moves focus between them, without redrawing.
pub fn start_over(locale: Locale) -> Html {
    html!(
        r#"<div class="ov-start-over">{}<div role="group" aria-labelledby="ov-confirm-text" class="ov-confirm" hidden><p id="ov-confirm-text">{}</p>{}{}</div></div>"#,
        button("ov-btn--quiet", Action::StartOver, locale.t("ui.start_over.button")),
        locale.t("ui.start_over.confirm"),
        button("ov-btn--danger", Action::ConfirmStartOver, locale.t("ui.start_over.yes")),
        button("", Action::KeepAnswers, locale.t("ui.start_over.no")),
    )
}

/// A row holding "start over", below a survey screen (welcome when resuming, review).
pub fn start_over_row(locale: Locale) -> Html {
    html!(r#"<div class="ov-nav ov-nav--wrap">{}</div>"#, start_over(locale))
}

/// Under the person's own results: back to the answers, or start over.
pub fn own_results_extras(locale: Locale) -> Html {
    html!(
        r#"<div class="ov-nav ov-nav--wrap ov-no-print">{}{}</div>"#,
        button("", Action::EditAnswers, locale.t("ui.results.edit")),
        start_over(locale)
    )
}

/// What a visitor sees when a link cannot be opened: what is wrong, and a way forward.
pub fn link_error(locale: Locale, error: LinkError) -> Html {
    html!(
        r#"<section class="ov-screen" aria-labelledby="{}" data-testid="link-error" data-error="{}">{}<p role="alert">{}</p><p>{}</p><div class="ov-nav ov-no-print">{}</div></section>"#,
        ids::TITLE,
        error.id(),
        title(locale.t("ui.link_error.title")),
        crate::present::link_error_text(locale, error),
        locale.t("ui.link_error.own_answers_safe"),
        button("ov-btn--primary", Action::StartOwn, locale.t("ui.shared.start_own")),
    )
}

/// The notice bar's content: `text` (in `lang` when that differs from the page's) and a
/// dismiss button labelled in `locale`.
pub fn notice(locale: Locale, text: &str, lang: Option<&str>) -> Html {
    let lang = lang.map(|l| html!(r#" lang="{}""#, l)).unwrap_or_default();
    html!(
        r#"<div class="ov-notice" data-testid="storage-notice"><p{}>{}</p>{}</div>"#,
        lang,
        text,
        button("ov-btn--quiet", Action::Dismiss, locale.t("ui.dismiss"))
    )
}

/// The header: the consultancy's name and logo (or the product's name) and the language
/// switch, a labelled native select listing every language in its own name. Drawn once: a
/// change of language updates the two translated texts (`ov-brand-text`, `ov-lang-label`) and
/// the selection in place, so the switch keeps focus. The name and logo are text and an
/// attribute, never HTML.
pub fn header(locale: Locale, name: Option<&str>, logo: Option<&str>) -> Html {
    // The name (the consultancy's, or the product's) follows the logo as text, so the logo is
    // decorative: an alt repeating the name would be read twice.
    let logo = logo.map(|src| html!(r#"<img src="{}" alt="">"#, src)).unwrap_or_default();
    let brand = match name {
        Some(n) => html!("<span>{}</span>", n),
        None => html!(r#"<span id="{}">{}</span>"#, ids::BRAND_TEXT, locale.t("ui.brand")),
    };
    let mut options = Html::new();
    for l in Locale::ALL.into_iter().filter(|l| l.is_available()) {
        options.push(html!(
            r#"<option value="{}" lang="{}"{}>{}</option>"#,
            l.code(),
            l.code(),
            if l == locale { html!(" selected") } else { Html::new() },
            l.t("ui.language_name")
        ));
    }
    html!(
        r#"<p class="ov-brand" data-testid="brand">{}{}</p><div class="ov-lang"><label for="{}" id="{}">{}</label><select id="{}" data-testid="locale-switch">{}</select></div>"#,
        logo,
        brand,
        ids::LANG_SELECT,
        ids::LANG_LABEL,
        locale.t("ui.language"),
        ids::LANG_SELECT,
        options
    )
}

/// While the results module loads (usually a blink: it is fetched from the review screen on).
/// The sentence is the screen's heading, like every screen's title, so the page is never without
/// its one `h1` and focus after navigation has somewhere to go until the results replace it.
pub fn results_waiting(locale: Locale) -> Html {
    html!(
        r#"<div class="ov-loading" role="status" data-testid="results-loading">{}</div>"#,
        title(locale.t("ui.results.loading"))
    )
}

/// The results module could not be loaded (offline, a blocked file): say so, and offer a retry.
/// The answers are saved already.
pub fn results_unavailable(locale: Locale) -> Html {
    html!(
        r#"<section class="ov-screen" aria-labelledby="{}" data-testid="results-unavailable">{}<p role="alert">{}</p><div class="ov-nav">{}</div></section>"#,
        ids::TITLE,
        title(locale.t("ui.results.load_failed_title")),
        locale.t("ui.results.load_failed"),
        button("ov-btn--primary", Action::ResultsRetry, locale.t("ui.results.retry")),
    )
}
