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

use super::html::{html, Html, SafeUrl};
use super::{button, card_close, card_open, title};
use crate::i18n::{key, Key, Locale};
use crate::share::FRAGMENT_PREFIX;
use crate::team_link;
use crate::ui::{ids, names, Action};

/// What the page around the report needs to know, all from the deploy-time configuration: where
/// share links point, the consultancy's call to action, where "Send to the facilitator" emails,
/// and the consultancy's name and logo for the printed workshop pack and handout.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Surroundings {
    /// The address share links start with (the standalone app, or this page).
    pub share_base: SafeUrl,
    /// The call to action's label (empty: the default label) and address, when configured.
    pub cta: Option<(String, SafeUrl)>,
    /// The facilitator's email address, validated by [`crate::config`].
    pub facilitator_email: Option<String>,
    /// The consultancy's name and logo (a same-origin path or data: image).
    pub brand: Option<String>,
    pub logo: Option<SafeUrl>,
}

impl Surroundings {
    /// A link to this deployment carrying `fragment` (`r=...`, `t=...`).
    pub fn link(&self, prefix: &str, payload: &str) -> String {
        [self.share_base.as_str(), "#", prefix, payload].concat()
    }
}

/// The call to action, the share panel (own results only), and keep/print/export. `full` is
/// the full link's payload, `summary` the summary link's; `json` says whether a JSON export
/// exists (a summary link carries no answers).
pub fn report_controls(
    o: &mut Html,
    locale: Locale,
    around: &Surroundings,
    shared: bool,
    full: &str,
    summary: &str,
    json: bool,
) {
    o.raw(r#"<div class="ov-controls ov-no-print">"#);
    if let Some((text, url)) = &around.cta {
        let label = if text.is_empty() { locale.t(key::ui::results::CTA_DEFAULT) } else { text.as_str() };
        card_open(o, "ov-cta-h", "cta", locale.t(key::ui::results::CTA_TITLE));
        html!(o;
            r#"<a class="ov-btn ov-btn--primary ov-cta" href=""# (url = url) r#"" rel="noopener noreferrer" target="_blank">"#
            (label) "</a>"
        );
        card_close(o);
    }
    if !shared {
        share_panel(o, locale, around, full, summary);
    }
    card_open(o, "ov-keep-h", "", locale.t(key::ui::results::KEEP));
    o.raw(r#"<div class="ov-nav ov-nav--wrap">"#);
    button(o, "", Action::Print, locale.t(key::ui::results::PRINT));
    if json {
        button(o, "", Action::ExportJson, locale.t(key::ui::results::EXPORT_JSON));
    }
    button(o, "", Action::ExportCsv, locale.t(key::ui::results::EXPORT_CSV));
    o.raw("</div>");
    card_close(o);
    if shared {
        html!(o;
            r#"<div class="ov-nav ov-no-print">"#
            {button(o, "ov-btn--primary", Action::StartOwn, locale.t(key::ui::shared::START_OWN))}
            "</div>"
        );
    }
    o.raw("</div>");
}

/// The share panel: what the link carries, the link itself and the copy button.
fn share_panel(o: &mut Html, locale: Locale, around: &Surroundings, full: &str, summary: &str) {
    let (full, summary) = (around.link(FRAGMENT_PREFIX, full), around.link(FRAGMENT_PREFIX, summary));
    card_open(o, "ov-share-h", "share", locale.t(key::ui::share::TITLE));
    html!(o;
        "<p>" (locale.t(key::ui::share::PRIVACY)) r#"</p><fieldset class="ov-q"><legend class="ov-q__text">"#
        (locale.t(key::ui::share::LEVEL)) r#"</legend><div class="ov-choices">"#
    );
    let choices = [
        ("full", key::ui::share::FULL, key::ui::share::FULL_HINT, true),
        ("summary", key::ui::share::SUMMARY, key::ui::share::SUMMARY_HINT, false),
    ];
    for (level, key, hint, checked) in choices {
        html!(o;
            r#"<label class="ov-opt"><input type="radio" name=""# (names::SHARE_LEVEL) r#"" value=""# (level)
            r#"" data-testid="share-"# (level) r#"""# {super::checked_attr(o, checked)} "><span><strong>"
            (locale.t(key)) r#"</strong><span class="ov-opt__hint">"# (locale.t(hint)) "</span></span></label>"
        );
    }
    html!(o;
        "</div></fieldset>"
        {send(o, locale, around, &full, &summary)}
        r#"<label for=""# (ids::SHARE_LINK) r#"" class="ov-label">"# (locale.t(key::ui::share::LINK_LABEL))
        r#"</label><div class="ov-share-row"><input id=""# (ids::SHARE_LINK) r#"" data-testid="share-link" type="text" readonly value=""#
        (full) r#"" "# (names::FULL_LINK_ATTR) r#"=""# (full) r#"" "# (names::SUMMARY_LINK_ATTR) r#"=""# (summary) r#"">"#
        {button(o, "", Action::CopyLink, locale.t(key::ui::share::COPY))}
        r#"</div><p class="ov-status" role="status" id=""# (ids::COPY_STATUS) r#"" data-testid="copy-status" "#
        (names::COPIED_ATTR) r#"=""# (locale.t(key::ui::share::COPIED)) r#"" "# (names::MANUAL_ATTR) r#"=""#
        (locale.t(key::ui::share::COPY_MANUALLY)) r#"" "# (names::SENT_COPIED_ATTR) r#"=""# (locale.t(key::ui::share::SEND_COPIED))
        r#""></p>"#
    );
    card_close(o);
}

/// The one obvious way to send the result: an email to the facilitator when the deployment names
/// one (the address is the point: the person need not know it), otherwise the device's share
/// sheet, which the results module falls back from to copying when the browser has none.
fn send(o: &mut Html, locale: Locale, around: &Surroundings, full: &str, summary: &str) {
    let Some(email) = &around.facilitator_email else {
        html!(o;
            r#"<div class="ov-send"><button type="button" class="ov-btn ov-btn--primary" data-action=""# (Action::SendLink)
            r#"" data-testid=""# (Action::SendLink) r#"" aria-describedby="ov-send-hint" "# (names::SHARE_TITLE_ATTR)
            r#"=""# (locale.t(key::ui::share::EMAIL_SUBJECT)) r#"" "# (names::SHARE_TEXT_ATTR) r#"=""# (locale.t(key::ui::share::SHARE_TEXT))
            r#"">"# (locale.t(key::ui::share::SEND)) r#"</button><p class="ov-hint" id="ov-send-hint">"# (locale.t(key::ui::share::SEND_HINT))
            "</p></div>"
        );
        return;
    };
    let mail = |link: &str| {
        let body =
            [locale.t(key::ui::share::EMAIL_BODY), "\n\n", link, "\n\n", locale.t(key::ui::share::EMAIL_NOTE)].concat();
        SafeUrl::new(&mailto(email, locale.t(key::ui::share::EMAIL_SUBJECT), &body)).unwrap_or_default()
    };
    let (full, summary) = (mail(full), mail(summary));
    html!(o;
        r#"<div class="ov-send"><a class="ov-btn ov-btn--primary" id=""# (ids::SEND_EMAIL) r#"" data-testid="send-email" href=""#
        (url = full) r#"" "# (names::FULL_LINK_ATTR) r#"=""# (url = full) r#"" "# (names::SUMMARY_LINK_ATTR) r#"=""#
        (url = summary) r#"" aria-describedby="ov-send-hint">"# (locale.t(key::ui::share::SEND))
        r#"</a><p class="ov-hint" id="ov-send-hint">"#
        {o.fill(locale.t(key::ui::share::SEND_EMAIL_HINT), &[("email", email)])}
        "</p></div>"
    );
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
                const HEX: &[u8; 16] = b"0123456789ABCDEF";
                out.push('%');
                out.push(HEX[(b >> 4) as usize] as char);
                out.push(HEX[(b & 15) as usize] as char);
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
fn links_field(o: &mut Html, locale: Locale, id: &'static str, label: Key, hint: Key, rows: u32, value: &str) {
    let testid = id.trim_start_matches("ov-");
    html!(o;
        r#"<label for=""# (id) r#"" class="ov-label">"# (locale.t(label)) r#"</label><p class="ov-hint" id=""# (id)
        r#"-hint">"# (locale.t(hint)) r#"</p><textarea id=""# (id) r#"" class="ov-textarea" data-testid=""# (testid)
        r#"" rows=""# (rows) r#"" aria-describedby=""# (id) r#"-hint">"# (value) "</textarea>"
    );
}

/// The team view's heading and lead: the invitation panel follows, then [`team_form`].
pub fn team_heading(o: &mut Html, locale: Locale) {
    html!(o; {title(o, locale.t(key::ui::team::TITLE))} r#"<p class="ov-lead">"# (locale.t(key::ui::team::INTRO)) "</p>");
}

/// The team view's form: links, a file of links, an optional baseline round (its box shown open
/// when it holds something). `links` and `baseline` are what the boxes hold.
pub fn team_form(o: &mut Html, locale: Locale, links: &str, baseline: &str) {
    html!(o;
        r#"<div class="ov-card ov-no-print">"#
        {links_field(o, locale, ids::TEAM_LINKS, key::ui::team::PASTE_LABEL, key::ui::team::PASTE_HINT, 8, links)}
        r#"<label for=""# (ids::TEAM_FILE) r#"" class="ov-label">"# (locale.t(key::ui::team::FILE_LABEL))
        r#"</label><input id=""# (ids::TEAM_FILE) r#"" type="file" accept=".txt,text/plain" data-testid="team-file"><details class="ov-details""#
        {if !baseline.trim().is_empty() { o.raw(" open") }}
        "><summary>" (locale.t(key::ui::team::BASELINE_LABEL)) "</summary>"
        {links_field(o, locale, ids::TEAM_BASELINE, key::ui::team::BASELINE_LABEL, key::ui::team::BASELINE_HINT, 5, baseline)}
        r#"</details><div class="ov-nav">"#
        {button(o, "ov-btn--primary", Action::TeamAnalyse, locale.t(key::ui::team::ANALYSE))}
        "</div></div>"
    );
}

/// After the team figures: the team summary link, and print/CSV.
pub fn team_extras(o: &mut Html, locale: Locale, around: &Surroundings, summary_payload: &str) {
    let link = around.link(team_link::FRAGMENT_PREFIX, summary_payload);
    html!(o;
        r#"<section class="ov-card ov-no-print" aria-labelledby="ov-team-link-h" data-testid="team-link-card"><h2 id="ov-team-link-h">"#
        (locale.t(key::ui::team::LINK_TITLE)) "</h2><p>" (locale.t(key::ui::team::LINK_INTRO)) r#"</p><label for=""# (ids::TEAM_LINK)
        r#"" class="ov-label">"# (locale.t(key::ui::share::LINK_LABEL)) r#"</label><input id=""# (ids::TEAM_LINK)
        r#"" class="ov-textarea" data-testid="team-link" type="text" readonly value=""# (link)
        r#""></section><div class="ov-nav ov-nav--wrap ov-no-print">"#
        {button(o, "", Action::TeamPrint, locale.t(key::ui::team::PRINT))}
        {button(o, "", Action::TeamCsv, locale.t(key::ui::team::EXPORT_CSV))}
        "</div>"
    );
}

/// The way back from a shared or team view to the visitor's own assessment.
pub fn start_own(o: &mut Html, locale: Locale) {
    html!(o;
        r#"<div class="ov-nav ov-no-print">"#
        {button(o, "ov-btn--quiet", Action::StartOwn, locale.t(key::ui::shared::START_OWN))}
        "</div>"
    );
}

/// A team summary link's screen opens: banner and heading; the figures follow, then
/// [`team_summary_close`].
pub fn team_summary_open(o: &mut Html, locale: Locale) {
    html!(o;
        r#"<section class="ov-screen ov-team" aria-labelledby=""# (ids::TITLE) r#"" data-testid="team-summary"><p class="ov-banner" data-testid="team-summary-banner">"#
        (locale.t(key::ui::team::SUMMARY_BANNER)) "</p>"
        {title(o, locale.t(key::ui::team::TITLE))}
    );
}

/// The way back, and the end of a team summary link's screen.
pub fn team_summary_close(o: &mut Html, locale: Locale) {
    start_own(o, locale);
    o.raw("</section>");
}
