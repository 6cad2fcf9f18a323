//! The team view's frame: its heading and form (links, a file of links, a baseline round), the
//! team summary link with print and CSV after the figures, and the frame of a team summary link's
//! screen. The figures themselves are [`super::team`]'s.

use super::html::{html, Html};
use super::{button, start_own, title};
use crate::config::Surroundings;
use crate::i18n::{key, Key, Locale};
use crate::seal::HeldKey;
use crate::team_link;
use crate::ui::{ids, names, Action, TeamAction};

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

/// The team view's heading and lead: the invitation panel follows, then [`form`].
pub fn heading(o: &mut Html, locale: Locale) {
    html!(o;
        {title(o, locale.t(key::ui::team::TITLE))} r#"<p class="ov-lead">"# (locale.t(key::ui::team::INTRO))
        r##"</p><p class="ov-no-print"><a href="#setup" data-testid="setup-link">"## (locale.t(key::ui::setup::LINK)) "</a></p>"
    );
}

/// The team view's form: links, a file of links, an optional baseline round (its box shown open
/// when it holds something). `links` and `baseline` are what the boxes hold.
pub fn form(o: &mut Html, locale: Locale, links: &str, baseline: &str) {
    html!(o;
        r#"<div class="ov-card ov-no-print">"#
        {links_field(o, locale, ids::TEAM_LINKS, key::ui::team::PASTE_LABEL, key::ui::team::PASTE_HINT, 8, links)}
        r#"<label for=""# (ids::TEAM_FILE) r#"" class="ov-label">"# (locale.t(key::ui::team::FILE_LABEL))
        r#"</label><input id=""# (ids::TEAM_FILE) r#"" type="file" accept=".txt,text/plain" data-testid="team-file"><details class="ov-details""#
        {if !baseline.trim().is_empty() { o.raw(" open") }}
        "><summary>" (locale.t(key::ui::team::BASELINE_LABEL)) "</summary>"
        {links_field(o, locale, ids::TEAM_BASELINE, key::ui::team::BASELINE_LABEL, key::ui::team::BASELINE_HINT, 5, baseline)}
        r#"</details><div class="ov-nav">"#
        {button(o, "ov-btn--primary", Action::Team(TeamAction::Analyse), locale.t(key::ui::team::ANALYSE))}
        "</div></div>"
    );
}

/// After the team figures: the team summary link, and print/CSV.
pub fn extras(o: &mut Html, locale: Locale, around: &Surroundings, summary_payload: &str) {
    let link = around.link(team_link::FRAGMENT_PREFIX, summary_payload);
    html!(o;
        r#"<section class="ov-card ov-no-print" aria-labelledby="ov-team-link-h" data-testid="team-link-card"><h2 id="ov-team-link-h">"#
        (locale.t(key::ui::team::LINK_TITLE)) "</h2><p>" (locale.t(key::ui::team::LINK_INTRO)) r#"</p><label for=""# (ids::TEAM_LINK)
        r#"" class="ov-label">"# (locale.t(key::ui::share::LINK_LABEL)) r#"</label><input id=""# (ids::TEAM_LINK)
        r#"" class="ov-textarea" data-testid="team-link" type="text" readonly value=""# (link)
        r#""></section><div class="ov-nav ov-nav--wrap ov-no-print">"#
        {button(o, "", Action::Team(TeamAction::Print), locale.t(key::ui::team::PRINT))}
        {button(o, "", Action::Team(TeamAction::Csv), locale.t(key::ui::team::EXPORT_CSV))}
        "</div>"
    );
}

/// A team summary link's screen opens: banner and heading; the figures follow, then
/// [`summary_close`].
pub fn summary_open(o: &mut Html, locale: Locale) {
    html!(o;
        r#"<section class="ov-screen ov-team" aria-labelledby=""# (ids::TITLE) r#"" data-testid="team-summary"><p class="ov-banner" data-testid="team-summary-banner">"#
        (locale.t(key::ui::team::SUMMARY_BANNER)) "</p>"
        {title(o, locale.t(key::ui::team::TITLE))}
    );
}

/// The way back, and the end of a team summary link's screen.
pub fn summary_close(o: &mut Html, locale: Locale) {
    start_own(o, locale);
    o.raw("</section>");
}

/// The round keys: the ones held (choose whose invitation is shown, save each as a file, remove
/// one), and the ways to get one (make one for a new round, load a key file, paste a secret
/// key). Nothing secret is in this markup: a key is named by its label and fingerprint.
pub fn keys(o: &mut Html, locale: Locale, held: &[HeldKey], current: Option<usize>) {
    html!(o;
        r#"<section class="ov-card ov-no-print" aria-labelledby="ov-keys-h" data-testid="team-keys"><h2 id="ov-keys-h">"#
        (locale.t(key::ui::team::keys::TITLE)) "</h2><p>" (locale.t(key::ui::team::keys::INTRO)) "</p>"
    );
    if held.is_empty() {
        html!(o; r#"<p data-testid="keys-none">"# (locale.t(key::ui::team::keys::NONE)) "</p>");
    } else {
        html!(o; r#"<fieldset class="ov-keys"><legend>"# (locale.t(key::ui::team::keys::CURRENT)) "</legend>");
        for (i, k) in held.iter().enumerate() {
            let name = if k.label.is_empty() { locale.t(key::ui::team::keys::UNLABELLED) } else { k.label.as_str() };
            html!(o;
                r#"<div class="ov-key" data-testid="held-key"><label class="ov-opt"><input type="radio" name=""# (names::ROUND_INPUT)
                r#"" value=""# (i) r#"""# {if current == Some(i) { o.raw(" checked") }} "><span><strong>" (name)
                r#"</strong> <span class="ov-opt__hint">"# (k.secret.public().fingerprint_text())
                r#"</span></span></label><div class="ov-nav ov-nav--wrap">"#
                {key_button(o, TeamAction::SaveKey, i, locale.t(key::ui::team::keys::SAVE))}
                {key_button(o, TeamAction::RemoveKey, i, locale.t(key::ui::team::keys::REMOVE))}
                r#"<span hidden "# (names::CONFIRM_ATTR) r#"=""# (locale.t(key::ui::team::keys::CONFIRM_REMOVE)) r#""></span>"#
                "</div></div>"
            );
        }
        html!(o; r#"</fieldset><p class="ov-hint">"# (locale.t(key::ui::team::keys::WARNING)) "</p>");
    }
    html!(o;
        r#"<label for=""# (ids::KEY_LABEL) r#"" class="ov-label">"# (locale.t(key::ui::team::keys::LABEL))
        r#"</label><input id=""# (ids::KEY_LABEL) r#"" class="ov-textarea" type="text" autocomplete="off" maxlength="80"><div class="ov-nav">"#
        {button(o, "ov-btn--primary", Action::Team(TeamAction::CreateKey), locale.t(key::ui::team::keys::CREATE))}
        r#"</div><label for=""# (ids::KEY_FILE) r#"" class="ov-label">"# (locale.t(key::ui::team::keys::LOAD))
        r#"</label><input id=""# (ids::KEY_FILE) r#"" type="file" accept=".txt,text/plain" data-testid="key-file"><label for=""#
        (ids::KEY_PASTE) r#"" class="ov-label">"# (locale.t(key::ui::team::keys::PASTE)) r#"</label><input id=""# (ids::KEY_PASTE)
        r#"" class="ov-textarea" type="password" autocomplete="off" spellcheck="false" data-testid="key-paste"><div class="ov-nav">"#
        {button(o, "", Action::Team(TeamAction::AddKey), locale.t(key::ui::team::keys::ADD))}
        r#"</div><p id=""# (ids::KEY_STATUS) r#"" role="status" class="ov-status" "# (names::KEY_ADDED_ATTR) r#"=""#
        (locale.t(key::ui::team::keys::ADDED)) r#"" "# (names::KEY_BAD_ATTR) r#"=""# (locale.t(key::ui::team::keys::BAD))
        r#"" "# (names::KEY_UNSAVED_ATTR) r#"=""# (locale.t(key::ui::team::keys::UNSAVED)) r#""></p></section>"#
    );
}

/// "Run this round on this device": kiosk mode for the round on show, with the PIN that ends it,
/// the idle time, and the confirmation that the key file is kept elsewhere (starting removes the
/// keys from this browser). Shown only while a round key is held.
pub fn kiosk_start(o: &mut Html, locale: Locale, idle: u16) {
    use crate::kiosk::{IDLE_MAX, IDLE_MIN};
    html!(o;
        r#"<section class="ov-card ov-no-print" aria-labelledby="ov-kiosk-start-h" data-testid="kiosk-start"><h2 id="ov-kiosk-start-h">"#
        (locale.t(key::ui::team::kiosk::TITLE)) "</h2><p>" (locale.t(key::ui::team::kiosk::INTRO)) r#"</p><label for=""#
        (ids::KIOSK_PIN) r#"" class="ov-label">"# (locale.t(key::ui::team::kiosk::PIN_LABEL)) r#"</label><input id=""#
        (ids::KIOSK_PIN) r#"" class="ov-textarea ov-short" type="password" inputmode="numeric" autocomplete="off" minlength="4" maxlength="8"><label for=""#
        (ids::KIOSK_IDLE_INPUT) r#"" class="ov-label">"# (locale.t(key::ui::team::kiosk::IDLE_LABEL)) r#"</label><input id=""#
        (ids::KIOSK_IDLE_INPUT) r#"" class="ov-textarea ov-short" type="number" min=""# (IDLE_MIN) r#"" max=""# (IDLE_MAX)
        r#"" step="1" value=""# (idle) r#""><p class="ov-hint">"# (locale.t(key::ui::team::kiosk::KEY_WARNING))
        r#"</p><label class="ov-opt"><input type="checkbox" id=""# (ids::KIOSK_KEY_SAVED) r#""><span>"#
        (locale.t(key::ui::team::kiosk::KEY_SAVED)) r#"</span></label><div class="ov-nav">"#
        {button(o, "ov-btn--primary", Action::Team(TeamAction::StartKiosk), locale.t(key::ui::team::kiosk::START))}
        r#"</div><p id=""# (ids::KIOSK_START_STATUS) r#"" role="status" class="ov-status"></p></section>"#
    );
}

/// A button for one held key (`data-key` names it by position).
fn key_button(o: &mut Html, action: TeamAction, index: usize, label: &str) {
    let action = Action::Team(action);
    html!(o;
        r#"<button type="button" class="ov-btn" data-action=""# (action) r#"" data-testid=""# (action) r#"" "#
        (names::KEY_ATTR) r#"=""# (index) r#"">"# (label) "</button>"
    );
}
