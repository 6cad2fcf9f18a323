//! The controls around the report and the team view, as markup the results module draws with
//! them: under a report, the call to action, the share panel and keep/print/export; in the team
//! view, its heading and form (links, a file of links, a baseline round), the team summary link
//! and print/CSV; the way back to the visitor's own assessment; and the frame of a team summary
//! link's screen. [`Surroundings`] is what the deploy-time configuration adds; the team view's
//! figures are `markup::team`'s.
//!
//! They used to be Leptos components in the app; as markup they cost the first load nothing
//! (they travel in the results module). Buttons carry a [`ui::Action`](crate::ui::Action) and
//! are answered by delegation: the results module's own handlers (`results/src/screen.rs`)
//! answer print, exports, copying and combine, and the way back bubbles up to the app's root.
//! The share level radios are named [`names::SHARE_LEVEL`], and the texts swapped in later
//! (copied, copy by hand) ride along as data attributes.

use super::html::{html, Html};
use super::{button, card, title};
use crate::i18n::Locale;
use crate::share::FRAGMENT_PREFIX;
use crate::team_link;
use crate::ui::{ids, names, Action};

/// What the page around the report needs to know, all from the deploy-time configuration: where
/// share links point, the consultancy's call to action, where "Send to the facilitator" emails,
/// and the consultancy's name and logo for the printed workshop pack and handout.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Surroundings {
    /// The address share links start with (the standalone app, or this page).
    pub share_base: String,
    /// The call to action's label (empty: the default label) and address, when configured.
    pub cta: Option<(String, String)>,
    /// The facilitator's email address, validated by [`crate::config`].
    pub facilitator_email: Option<String>,
    /// The consultancy's name and logo (a same-origin path or data: image).
    pub brand: Option<String>,
    pub logo: Option<String>,
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
) -> Html {
    let mut o = html!(r#"<div class="ov-controls ov-no-print">"#);
    if let Some((text, url)) = &around.cta {
        let label = if text.is_empty() { locale.t("ui.results.cta_default") } else { text.as_str() };
        let link = html!(
            r#"<a class="ov-btn ov-btn--primary ov-cta" href="{}" rel="noopener noreferrer" target="_blank">{}</a>"#,
            url.as_str(),
            label
        );
        o.push(card("ov-cta-h", "cta", locale.t("ui.results.cta_title"), link));
    }
    if !shared {
        o.push(share_panel(locale, around, full, summary));
    }
    let mut keep =
        html!(r#"<div class="ov-nav ov-nav--wrap">{}"#, button("", Action::Print, locale.t("ui.results.print")));
    if json {
        keep.push(button("", Action::ExportJson, locale.t("ui.results.export_json")));
    }
    keep.push(button("", Action::ExportCsv, locale.t("ui.results.export_csv")));
    keep.push(html!("</div>"));
    o.push(card("ov-keep-h", "", locale.t("ui.results.keep"), keep));
    if shared {
        o.push(html!(
            r#"<div class="ov-nav ov-no-print">{}</div>"#,
            button("ov-btn--primary", Action::StartOwn, locale.t("ui.shared.start_own"))
        ));
    }
    o.push(html!("</div>"));
    o
}

/// The share panel: what the link carries, the link itself and the copy button.
fn share_panel(locale: Locale, around: &Surroundings, full: &str, summary: &str) -> Html {
    let link = |payload: &str| format!("{}#{FRAGMENT_PREFIX}{payload}", around.share_base);
    let mut levels = Html::new();
    let choices = [
        ("full", "ui.share.full", "ui.share.full_hint", true),
        ("summary", "ui.share.summary", "ui.share.summary_hint", false),
    ];
    for (level, key, hint, checked) in choices {
        levels.push(html!(
            r#"<label class="ov-opt"><input type="radio" name="{}" value="{}" data-testid="share-{}"{}><span><strong>{}</strong><span class="ov-opt__hint">{}</span></span></label>"#,
            names::SHARE_LEVEL,
            level,
            level,
            super::checked_attr(checked),
            locale.t(key),
            locale.t(hint),
        ));
    }
    let content = html!(
        r#"<p>{}</p><fieldset class="ov-q"><legend class="ov-q__text">{}</legend><div class="ov-choices">{}</div></fieldset>{}<label for="{}" class="ov-label">{}</label><div class="ov-share-row"><input id="{}" data-testid="share-link" type="text" readonly value="{}" {}="{}" {}="{}">{}</div><p class="ov-status" role="status" id="{}" data-testid="copy-status" {}="{}" {}="{}" {}="{}"></p>"#,
        locale.t("ui.share.privacy"),
        locale.t("ui.share.level"),
        levels,
        send(locale, around, &link(full), &link(summary)),
        ids::SHARE_LINK,
        locale.t("ui.share.link_label"),
        ids::SHARE_LINK,
        link(full),
        names::FULL_LINK_ATTR,
        link(full),
        names::SUMMARY_LINK_ATTR,
        link(summary),
        button("", Action::CopyLink, locale.t("ui.share.copy")),
        ids::COPY_STATUS,
        names::COPIED_ATTR,
        locale.t("ui.share.copied"),
        names::MANUAL_ATTR,
        locale.t("ui.share.copy_manually"),
        names::SENT_COPIED_ATTR,
        locale.t("ui.share.send_copied"),
    );
    card("ov-share-h", "share", locale.t("ui.share.title"), content)
}

/// The one obvious way to send the result: an email to the facilitator when the deployment names
/// one (the address is the point: the person need not know it), otherwise the device's share
/// sheet, which the results module falls back from to copying when the browser has none.
fn send(locale: Locale, around: &Surroundings, full: &str, summary: &str) -> Html {
    let Some(email) = &around.facilitator_email else {
        return html!(
            r#"<div class="ov-send"><button type="button" class="ov-btn ov-btn--primary" data-action="{}" data-testid="{}" aria-describedby="ov-send-hint" {}="{}" {}="{}">{}</button><p class="ov-hint" id="ov-send-hint">{}</p></div>"#,
            Action::SendLink,
            Action::SendLink,
            names::SHARE_TITLE_ATTR,
            locale.t("ui.share.email_subject"),
            names::SHARE_TEXT_ATTR,
            locale.t("ui.share.share_text"),
            locale.t("ui.share.send"),
            locale.t("ui.share.send_hint"),
        );
    };
    let mail = |link: &str| {
        let body = format!("{}\n\n{link}\n\n{}", locale.t("ui.share.email_body"), locale.t("ui.share.email_note"));
        mailto(email, locale.t("ui.share.email_subject"), &body)
    };
    html!(
        r#"<div class="ov-send"><a class="ov-btn ov-btn--primary" id="{}" data-testid="send-email" href="{}" {}="{}" {}="{}" aria-describedby="ov-send-hint">{}</a><p class="ov-hint" id="ov-send-hint">{}</p></div>"#,
        ids::SEND_EMAIL,
        mail(full),
        names::FULL_LINK_ATTR,
        mail(full),
        names::SUMMARY_LINK_ATTR,
        mail(summary),
        locale.t("ui.share.send"),
        locale.fmt("ui.share.send_email_hint", &[("email", email)]),
    )
}

/// A `mailto:` URL (RFC 6068) with subject and body. Everything but unreserved characters is
/// percent-encoded as UTF-8, and line breaks become CRLF, so any text in any language survives
/// every mail program; `to` keeps its `@`, and [`crate::config::is_email`] has already
/// restricted it to plain characters.
pub fn mailto(to: &str, subject: &str, body: &str) -> String {
    fn encode(out: &mut String, s: &str, keep: &[u8]) {
        for b in s.bytes() {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) || keep.contains(&b) {
                out.push(b as char);
            } else {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    let mut out = String::from("mailto:");
    encode(&mut out, to, b"@+");
    out.push_str("?subject=");
    encode(&mut out, subject, b"");
    out.push_str("&body=");
    encode(&mut out, &body.replace("\r\n", "\n").replace('\n', "\r\n"), b"");
    out
}

/// A labelled text area for links holding `value`, its hint tied to it by `aria-describedby`.
/// ("Combine" fills only the figures' place, so this is drawn again only on a language change.)
fn links_field(locale: Locale, id: &str, label: &str, hint: &str, rows: u32, value: &str) -> Html {
    let testid = id.trim_start_matches("ov-");
    html!(
        r#"<label for="{}" class="ov-label">{}</label><p class="ov-hint" id="{}-hint">{}</p><textarea id="{}" class="ov-textarea" data-testid="{}" rows="{}" aria-describedby="{}-hint">{}</textarea>"#,
        id,
        locale.t(label),
        id,
        locale.t(hint),
        id,
        testid,
        rows,
        id,
        value,
    )
}

/// The team view's heading, the invitation panel, and the form: links, a file of links, an
/// optional baseline round (its box shown open when it holds something). `links` and `baseline`
/// are what the boxes hold.
pub fn team_form(locale: Locale, invitation: Html, links: &str, baseline: &str) -> Html {
    html!(
        r#"{}<p class="ov-lead">{}</p>{}<div class="ov-card ov-no-print">{}<label for="{}" class="ov-label">{}</label><input id="{}" type="file" accept=".txt,text/plain" data-testid="team-file"><details class="ov-details"{}><summary>{}</summary>{}</details><div class="ov-nav">{}</div></div>"#,
        title(locale.t("ui.team.title")),
        locale.t("ui.team.intro"),
        invitation,
        links_field(locale, ids::TEAM_LINKS, "ui.team.paste_label", "ui.team.paste_hint", 8, links),
        ids::TEAM_FILE,
        locale.t("ui.team.file_label"),
        ids::TEAM_FILE,
        if baseline.trim().is_empty() { Html::new() } else { html!(" open") },
        locale.t("ui.team.baseline_label"),
        links_field(locale, ids::TEAM_BASELINE, "ui.team.baseline_label", "ui.team.baseline_hint", 5, baseline),
        button("ov-btn--primary", Action::TeamAnalyse, locale.t("ui.team.analyse")),
    )
}

/// After the team figures: the team summary link, and print/CSV.
pub fn team_extras(locale: Locale, share_base: &str, summary_payload: &str) -> Html {
    let link = format!("{share_base}#{}{summary_payload}", team_link::FRAGMENT_PREFIX);
    html!(
        r#"<section class="ov-card ov-no-print" aria-labelledby="ov-team-link-h" data-testid="team-link-card"><h2 id="ov-team-link-h">{}</h2><p>{}</p><label for="{}" class="ov-label">{}</label><input id="{}" class="ov-textarea" data-testid="team-link" type="text" readonly value="{}"></section><div class="ov-nav ov-nav--wrap ov-no-print">{}{}</div>"#,
        locale.t("ui.team.link_title"),
        locale.t("ui.team.link_intro"),
        ids::TEAM_LINK,
        locale.t("ui.share.link_label"),
        ids::TEAM_LINK,
        link,
        button("", Action::TeamPrint, locale.t("ui.team.print")),
        button("", Action::TeamCsv, locale.t("ui.team.export_csv")),
    )
}

/// The way back from a shared or team view to the visitor's own assessment.
pub fn start_own(locale: Locale) -> Html {
    html!(
        r#"<div class="ov-nav ov-no-print">{}</div>"#,
        button("ov-btn--quiet", Action::StartOwn, locale.t("ui.shared.start_own"))
    )
}

/// A team summary link's screen: banner, heading, the figures, the way back.
pub fn team_summary_screen(locale: Locale, figures: Html) -> Html {
    html!(
        r#"<section class="ov-screen ov-team" aria-labelledby="{}" data-testid="team-summary"><p class="ov-banner" data-testid="team-summary-banner">{}</p>{}{}{}</section>"#,
        ids::TITLE,
        locale.t("ui.team.summary_banner"),
        title(locale.t("ui.team.title")),
        figures,
        start_own(locale),
    )
}
