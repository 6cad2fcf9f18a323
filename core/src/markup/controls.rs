//! The controls around the report and the team view (share panel, keep and export buttons, the
//! team view's form and link card), as markup the results module renders with the report.
//!
//! They used to be Leptos components in the app; as strings they cost the first load nothing
//! (they travel in the results module) and the app handles them by delegation, as it does the
//! survey: buttons carry `data-action`, the share level radios are named `ov-share-level`, and
//! the texts the app swaps in later (copied, copy by hand) ride along as data attributes.

use super::{button, card_start, esc, t, title};
use crate::i18n::Locale;
use crate::share::FRAGMENT_PREFIX;
use crate::team_link;

/// What the page around the report needs to know: where share links point and the
/// consultancy's call to action, both from the deploy-time configuration.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Surroundings {
    /// The address share links start with (the standalone app, or this page).
    pub share_base: String,
    /// The call to action's label (empty: the default label) and address, when configured.
    pub cta: Option<(String, String)>,
}

/// The call to action, the share panel (own results only), and keep/print/export. `full` is
/// the full link's payload, `summary` the summary link's; `json` says whether a JSON export
/// exists (a summary link carries no answers).
pub fn report_controls(
    locale: Locale,
    around: &Surroundings,
    shared: bool,
    full: &str,
    summary: &str,
    json: bool,
) -> String {
    let mut o = String::from(r#"<div class="ov-controls ov-no-print">"#);
    if let Some((text, url)) = &around.cta {
        card_start(&mut o, "ov-cta-h", "cta", locale.t("ui.results.cta_title"));
        let label = if text.is_empty() { locale.t("ui.results.cta_default") } else { text.as_str() };
        o.push_str(&format!(
            r#"<a class="ov-btn ov-btn--primary ov-cta" href="{}" rel="noopener noreferrer" target="_blank">{}</a></section>"#,
            esc(url),
            esc(label)
        ));
    }
    if !shared {
        let link = |payload: &str| format!("{}#{FRAGMENT_PREFIX}{payload}", around.share_base);
        card_start(&mut o, "ov-share-h", "share", locale.t("ui.share.title"));
        o.push_str(&format!(r#"<p>{}</p>"#, t(locale, "ui.share.privacy")));
        o.push_str(&format!(
            r#"<fieldset class="ov-q"><legend class="ov-q__text">{}</legend><div class="ov-choices">"#,
            t(locale, "ui.share.level")
        ));
        let levels = [
            ("full", "ui.share.full", "ui.share.full_hint", true),
            ("summary", "ui.share.summary", "ui.share.summary_hint", false),
        ];
        for (level, key, hint, checked) in levels {
            o.push_str(&format!(
                r#"<label class="ov-opt"><input type="radio" name="ov-share-level" value="{level}" data-testid="share-{level}"{}><span><strong>{}</strong><span class="ov-opt__hint">{}</span></span></label>"#,
                if checked { " checked" } else { "" },
                t(locale, key),
                t(locale, hint),
            ));
        }
        o.push_str("</div></fieldset>");
        o.push_str(&format!(
            r#"<label for="ov-share-link" class="ov-label">{}</label><div class="ov-share-row"><input id="ov-share-link" data-testid="share-link" type="text" readonly value="{}" data-full="{}" data-summary="{}">"#,
            t(locale, "ui.share.link_label"),
            esc(&link(full)),
            esc(&link(full)),
            esc(&link(summary)),
        ));
        button(&mut o, "ov-btn--primary", "copy-link", "", locale.t("ui.share.copy"));
        o.push_str(&format!(
            r#"</div><p class="ov-status" role="status" data-testid="copy-status" data-copied="{}" data-manual="{}"></p></section>"#,
            t(locale, "ui.share.copied"),
            t(locale, "ui.share.copy_manually"),
        ));
    }
    card_start(&mut o, "ov-keep-h", "", locale.t("ui.results.keep"));
    o.push_str(r#"<div class="ov-nav ov-nav--wrap">"#);
    button(&mut o, "", "print", "", locale.t("ui.results.print"));
    if json {
        button(&mut o, "", "export-json", "", locale.t("ui.results.export_json"));
    }
    button(&mut o, "", "export-csv", "", locale.t("ui.results.export_csv"));
    o.push_str("</div></section>");
    if shared {
        o.push_str(r#"<div class="ov-nav ov-no-print">"#);
        button(&mut o, "ov-btn--primary", "start-own", "", locale.t("ui.shared.start_own"));
        o.push_str("</div>");
    }
    o.push_str("</div>");
    o
}

/// A labelled text area for links holding `value`, its hint tied to it by `aria-describedby`.
/// ("Combine" fills only the figures' place, so this is drawn again only on a language change.)
fn links_field(out: &mut String, locale: Locale, id: &str, label: &str, hint: &str, rows: u32, value: &str) {
    let testid = id.trim_start_matches("ov-");
    out.push_str(&format!(
        r#"<label for="{id}" class="ov-label">{}</label><p class="ov-hint" id="{id}-hint">{}</p><textarea id="{id}" class="ov-textarea" data-testid="{testid}" rows="{rows}" aria-describedby="{id}-hint">{}</textarea>"#,
        t(locale, label),
        t(locale, hint),
        esc(value),
    ));
}

/// The team view's heading and form: links, a file of links, an optional baseline round (its
/// box shown open when it holds something). `links` and `baseline` are what the boxes hold.
pub fn team_form(locale: Locale, links: &str, baseline: &str) -> String {
    let mut o = String::new();
    title(&mut o, 1, locale.t("ui.team.title"));
    o.push_str(&format!(r#"<p class="ov-lead">{}</p><div class="ov-card ov-no-print">"#, t(locale, "ui.team.intro")));
    links_field(&mut o, locale, "ov-team-links", "ui.team.paste_label", "ui.team.paste_hint", 8, links);
    o.push_str(&format!(
        r#"<label for="ov-team-file" class="ov-label">{}</label><input id="ov-team-file" type="file" accept=".txt,text/plain" data-testid="team-file">"#,
        t(locale, "ui.team.file_label")
    ));
    o.push_str(&format!(
        r#"<details class="ov-details"{}><summary>{}</summary>"#,
        if baseline.trim().is_empty() { "" } else { " open" },
        t(locale, "ui.team.baseline_label")
    ));
    links_field(&mut o, locale, "ov-team-baseline", "ui.team.baseline_label", "ui.team.baseline_hint", 5, baseline);
    o.push_str(r#"</details><div class="ov-nav">"#);
    button(&mut o, "ov-btn--primary", "team-analyse", "", locale.t("ui.team.analyse"));
    o.push_str("</div></div>");
    o
}

/// After the team figures: the team summary link, and print/CSV.
pub fn team_extras(locale: Locale, share_base: &str, summary_payload: &str) -> String {
    let mut o = String::from(
        r#"<section class="ov-card ov-no-print" aria-labelledby="ov-team-link-h" data-testid="team-link-card">"#,
    );
    o.push_str(&format!(
        r#"<h2 id="ov-team-link-h">{}</h2><p>{}</p><label for="ov-team-link" class="ov-label">{}</label><input id="ov-team-link" class="ov-textarea" data-testid="team-link" type="text" readonly value="{}"></section>"#,
        t(locale, "ui.team.link_title"),
        t(locale, "ui.team.link_intro"),
        t(locale, "ui.share.link_label"),
        esc(&format!("{share_base}#{}{summary_payload}", team_link::FRAGMENT_PREFIX)),
    ));
    o.push_str(r#"<div class="ov-nav ov-nav--wrap ov-no-print">"#);
    button(&mut o, "", "team-print", "", locale.t("ui.team.print"));
    button(&mut o, "", "team-csv", "", locale.t("ui.team.export_csv"));
    o.push_str("</div>");
    o
}

/// The way back from a shared or team view to the visitor's own assessment.
pub fn start_own(locale: Locale) -> String {
    let mut o = String::from(r#"<div class="ov-nav ov-no-print">"#);
    button(&mut o, "ov-btn--quiet", "start-own", "", locale.t("ui.shared.start_own"));
    o.push_str("</div>");
    o
}

/// A team summary link's screen: banner, heading, the figures, the way back.
pub fn team_summary_screen(locale: Locale, figures: &str) -> String {
    let mut o = format!(
        r#"<section class="ov-screen ov-team" aria-labelledby="ov-title" data-testid="team-summary"><p class="ov-banner" data-testid="team-summary-banner">{}</p>"#,
        t(locale, "ui.team.summary_banner"),
    );
    title(&mut o, 1, locale.t("ui.team.title"));
    o.push_str(figures);
    o.push_str(&start_own(locale));
    o.push_str("</section>");
    o
}
