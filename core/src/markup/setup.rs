//! The setup screen (`#setup`, setup module): a form with one field per setting, each saying in
//! one line what it does and, under it, what the app's loader says about its value; the live
//! preview (welcome or a sample report, light or dark, phone or desktop width); and the files to
//! deploy (`overlap.json`, `_headers`) and the embed snippet.
//!
//! The preview is a picture of the app, not a second app: it is `inert` and hidden from
//! assistive technology, and its element ids are renamed so they cannot clash with the form's.

use super::html::{html, Html};
use super::{button, button_with_id, title};
use crate::config::{Config, RawConfig};
use crate::i18n::{key, Key, Locale};
use crate::ui::{ids, names, Action, SetupAction};

/// How a setting is entered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Text,
    Url,
    Email,
    Colour,
    /// One origin (or page address) per line.
    Lines,
    Number,
    Language,
}

/// Every setting in [`crate::config::KEYS`] order: its kind, label and one-line hint.
pub const FIELDS: [(&str, Kind, Key, Key); 13] = [
    ("consultancy_name", Kind::Text, key::ui::setup::NAME, key::ui::setup::NAME_HINT),
    ("logo", Kind::Text, key::ui::setup::LOGO, key::ui::setup::LOGO_HINT),
    ("accent", Kind::Colour, key::ui::setup::ACCENT, key::ui::setup::ACCENT_HINT),
    ("accent_dark", Kind::Colour, key::ui::setup::ACCENT_DARK, key::ui::setup::ACCENT_DARK_HINT),
    ("cta_text", Kind::Text, key::ui::setup::CTA_TEXT, key::ui::setup::CTA_TEXT_HINT),
    ("cta_url", Kind::Url, key::ui::setup::CTA_URL, key::ui::setup::CTA_URL_HINT),
    ("share_base_url", Kind::Url, key::ui::setup::SHARE_BASE, key::ui::setup::SHARE_BASE_HINT),
    ("facilitator_email", Kind::Email, key::ui::setup::EMAIL, key::ui::setup::EMAIL_HINT),
    ("facilitator_key", Kind::Text, key::ui::setup::KEY, key::ui::setup::KEY_HINT),
    ("allowed_parent_origins", Kind::Lines, key::ui::setup::ORIGINS, key::ui::setup::ORIGINS_HINT),
    ("team_threshold", Kind::Number, key::ui::setup::THRESHOLD, key::ui::setup::THRESHOLD_HINT),
    ("default_locale", Kind::Language, key::ui::setup::LOCALE, key::ui::setup::LOCALE_HINT),
    ("kiosk_idle_seconds", Kind::Number, key::ui::setup::IDLE, key::ui::setup::IDLE_HINT),
];

/// The element id of a setting's input (`ov-set-<key>`), its hint and its problem line.
pub fn field_id(key: &str) -> String {
    ["ov-set-", key].concat()
}

/// What a form holds, as text per setting, read back into the loader's raw form: numbers that
/// are not whole numbers become `NaN`, which the loader refuses with its own message.
pub fn raw_from(values: &dyn Fn(&str) -> String) -> RawConfig {
    let text = |k: &str| Some(values(k)).filter(|v| !v.trim().is_empty());
    let number = |k: &str| {
        text(k).map(|v| {
            let v = v.trim();
            let digits = !v.is_empty() && v.len() <= 6 && v.bytes().all(|b| b.is_ascii_digit());
            if digits {
                v.parse::<u32>().map_or(f64::NAN, f64::from)
            } else {
                f64::NAN
            }
        })
    };
    RawConfig::read(text, number, |k| {
        text(k).map(|v| v.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect())
    })
}

/// The form's text for a validated configuration (what loading a file fills in).
pub fn value_of(c: &Config, key: &str) -> String {
    let s = |v: Option<&str>| v.unwrap_or("").to_string();
    match key {
        "consultancy_name" => s(c.consultancy_name.as_deref()),
        "logo" => s(c.logo.as_ref().map(|l| l.as_str())),
        "accent" => s(c.accent.as_deref()),
        "accent_dark" => s(c.accent_dark.as_deref()),
        "cta_text" => s(c.cta.as_ref().map(|(t, _)| t.as_str())),
        "cta_url" => s(c.cta.as_ref().map(|(_, u)| u.as_str())),
        "share_base_url" => s(c.share_base_url.as_ref().map(|u| u.as_str())),
        "facilitator_email" => s(c.facilitator_email.as_deref()),
        "facilitator_key" => s(c.facilitator_key.as_deref()),
        "allowed_parent_origins" => c.allowed_parent_origins.join("\n"),
        "team_threshold" => c.team_threshold.to_string(),
        "default_locale" => s(c.default_locale.map(Locale::code)),
        "kiosk_idle_seconds" => c.kiosk_idle_seconds.to_string(),
        _ => String::new(),
    }
}

/// The whole screen for the settings `c` (the deployment's, or a loaded file's).
pub fn screen(o: &mut Html, locale: Locale, c: &Config) {
    html!(o;
        r#"<section class="ov-screen ov-setup" aria-labelledby=""# (ids::TITLE) r#"" data-testid="setup">"#
        {title(o, locale.t(key::ui::setup::TITLE))}
        r#"<p class="ov-lead">"# (locale.t(key::ui::setup::INTRO)) r#"</p><div class="ov-card"><label for=""#
        (ids::SETUP_LOAD) r#"" class="ov-label">"# (locale.t(key::ui::setup::LOAD)) r#"</label><p class="ov-hint">"#
        (locale.t(key::ui::setup::LOAD_HINT)) r#"</p><input id=""# (ids::SETUP_LOAD)
        r#"" type="file" accept=".json,application/json" data-testid="setup-load"><p id=""# (ids::SETUP_LOAD_STATUS)
        r#"" role="status" class="ov-status" data-testid="setup-load-status"></p></div><div class="ov-setup__grid"><div class="ov-setup__form">"#
    );
    for (k, kind, label, hint) in FIELDS {
        field(o, locale, c, k, kind, label, hint);
    }
    html!(o; r#"</div><div class="ov-setup__side">"# {preview(o, locale)} "</div></div>" {outputs(o, locale)} "</section>");
}

fn field(o: &mut Html, locale: Locale, c: &Config, k: &'static str, kind: Kind, label: Key, hint: Key) {
    let id = field_id(k);
    let value = value_of(c, k);
    html!(o;
        r#"<div class="ov-field" data-testid="field-"# (k) r#""><label for=""# (id.as_str()) r#"" class="ov-label">"# (locale.t(label))
        r#" <code>"# (k) r#"</code></label><p class="ov-hint" id=""# (id.as_str()) r#"-hint">"# (locale.t(hint)) "</p>"
    );
    let described = [id.as_str(), "-hint ", id.as_str(), "-problem"].concat();
    match kind {
        Kind::Lines => html!(o;
            r#"<textarea id=""# (id.as_str()) r#"" name=""# (k) r#"" class="ov-textarea" rows="3" spellcheck="false" aria-describedby=""#
            (described.as_str()) r#"">"# (value.as_str()) "</textarea>"
        ),
        Kind::Language => {
            html!(o;
                r#"<select id=""# (id.as_str()) r#"" name=""# (k) r#"" aria-describedby=""# (described.as_str()) r#""><option value="">"#
                (locale.t(key::ui::setup::LOCALE_BROWSER)) "</option>"
            );
            for l in Locale::ALL {
                html!(o;
                    r#"<option value=""# (l.code()) r#"" lang=""# (l.code()) r#"""# {if value == l.code() { o.raw(" selected") }} ">"
                    (l.t(key::ui::LANGUAGE_NAME)) "</option>"
                );
            }
            o.raw("</select>");
        }
        _ => {
            let (ty, mode) = match kind {
                Kind::Url => ("url", ""),
                Kind::Email => ("email", ""),
                Kind::Number => ("text", r#" inputmode="numeric""#),
                _ => ("text", ""),
            };
            html!(o;
                r#"<input id=""# (id.as_str()) r#"" name=""# (k) r#"" type=""# (ty) r#"""# {o.raw(mode)}
                r#" class="ov-textarea" autocomplete="off" spellcheck="false" value=""# (value.as_str()) r#"" aria-describedby=""#
                (described.as_str()) r#"">"#
            );
        }
    }
    if k == "logo" {
        html!(o;
            r#"<label for=""# (ids::SETUP_LOGO_FILE) r#"" class="ov-label">"# (locale.t(key::ui::setup::LOGO_UPLOAD))
            r#"</label><input id=""# (ids::SETUP_LOGO_FILE) r#"" type="file" accept="image/png,image/jpeg,image/gif,image/webp,image/svg+xml" data-testid="setup-logo-file">"#
        );
    }
    if kind == Kind::Colour {
        let action = if k == "accent" { SetupAction::UseLightAccent } else { SetupAction::UseDarkAccent };
        html!(o;
            r#"<div class="ov-nav" hidden data-suggest=""# (k) r#"">"#
            {button(o, "", Action::Setup(action), locale.t(key::ui::setup::SUGGEST))}
            "</div>"
        );
    }
    html!(o;
        r#"<p class="ov-field__problem" id=""# (id.as_str()) r#"-problem" data-testid="problem-"# (k) r#"" "# (names::SETUP_KEY_ATTR)
        r#"=""# (k) r#"""# r#"></p></div>"#
    );
}

/// The preview's controls and its box; the module draws into the box.
fn preview(o: &mut Html, locale: Locale) {
    html!(o;
        r#"<section class="ov-card" aria-labelledby="ov-setup-preview-h"><h2 id="ov-setup-preview-h">"# (locale.t(key::ui::setup::PREVIEW))
        r#"</h2><p class="ov-hint" id="ov-setup-preview-hint">"# (locale.t(key::ui::setup::PREVIEW_HINT)) "</p>"
    );
    type Group = (&'static str, Key, [(&'static str, Key); 2]);
    let groups: [Group; 3] = [
        (
            "screen",
            key::ui::setup::PREVIEW_SCREEN,
            [("welcome", key::ui::setup::PREVIEW_WELCOME), ("results", key::ui::setup::PREVIEW_RESULTS)],
        ),
        (
            "theme",
            key::ui::setup::PREVIEW_THEME,
            [("light", key::ui::setup::PREVIEW_LIGHT), ("dark", key::ui::setup::PREVIEW_DARK)],
        ),
        (
            "width",
            key::ui::setup::PREVIEW_WIDTH,
            [("phone", key::ui::setup::PREVIEW_PHONE), ("desktop", key::ui::setup::PREVIEW_DESKTOP)],
        ),
    ];
    for (name, legend, options) in groups {
        html!(o; r#"<fieldset class="ov-setup__choice"><legend>"# (locale.t(legend)) "</legend>");
        for (i, (value, label)) in options.iter().enumerate() {
            html!(o;
                r#"<label class="ov-opt"><input type="radio" name="ov-preview-"# (name) r#"" value=""# (*value) r#"" data-testid="preview-"#
                (*value) r#"""# {if i == 0 { o.raw(" checked") }} "><span>" (locale.t(*label)) "</span></label>"
            );
        }
        o.raw("</fieldset>");
    }
    html!(o;
        r#"<div class="ov-preview-frame" tabindex="0" role="region" aria-labelledby="ov-setup-preview-hint"><div id=""# (ids::SETUP_PREVIEW) r#"" class="ov-preview" data-theme="light" data-width="phone" aria-hidden="true" inert data-testid="setup-preview"></div></div></section>"#
    );
}

/// The files and the snippet.
fn outputs(o: &mut Html, locale: Locale) {
    html!(o;
        r#"<section class="ov-card" aria-labelledby="ov-setup-out-h" data-testid="setup-outputs"><h2 id="ov-setup-out-h">"#
        (locale.t(key::ui::setup::OUTPUTS)) "</h2><p>" (locale.t(key::ui::setup::OUTPUTS_HINT)) r#"</p><div class="ov-nav ov-nav--wrap">"#
        {button(o, "ov-btn--primary", Action::Setup(SetupAction::DownloadJson), locale.t(key::ui::setup::DOWNLOAD_JSON))}
        {button(o, "", Action::Setup(SetupAction::DownloadHeaders), locale.t(key::ui::setup::DOWNLOAD_HEADERS))}
        r#"</div><details class="ov-details"><summary>"# (locale.t(key::ui::setup::JSON)) r#"</summary><pre class="ov-setup__code" id=""#
        (ids::SETUP_JSON) r#"" data-testid="setup-json"></pre></details><label for=""# (ids::SETUP_SNIPPET) r#"" class="ov-label">"#
        (locale.t(key::ui::setup::SNIPPET)) r#"</label><p class="ov-hint">"# (locale.t(key::ui::setup::SNIPPET_HINT))
        r#"</p><textarea id=""# (ids::SETUP_SNIPPET) r#"" class="ov-textarea ov-setup__code" rows="5" readonly data-testid="setup-snippet"></textarea><div class="ov-nav">"#
        {button_with_id(o, ids::SETUP_COPY, "", Action::Setup(SetupAction::CopySnippet), locale.t(key::ui::setup::COPY))}
        r#"</div><p id=""# (ids::SETUP_STATUS) r#"" role="status" class="ov-status" "# (names::COPIED_ATTR) r#"=""# (locale.t(key::ui::setup::COPIED))
        r#"" "# (names::MANUAL_ATTR) r#"=""# (locale.t(key::ui::setup::COPY_MANUAL)) r#""></p></section>"#
    );
}

/// A result of instrument version 2 (an MSP person with mixed areas and a red flag) for the
/// preview's sample report; a test checks it still decodes.
pub const SAMPLE: &str = "r=CIUyLBFQ6Ryy-OowvokBFvE1Bs7m";

/// Under a field: what the loader says about its value (its own message, in English as on the
/// console), after a translated lead.
pub fn problem(o: &mut Html, locale: Locale, why: &str) {
    let lead = locale.t(key::ui::setup::PROBLEM);
    let (before, after) = lead.split_once("{why}").unwrap_or((lead, ""));
    html!(o; (before) r#"<span lang="en">"# (why) "</span>" (after));
}

/// The preview's content: the app's header and the welcome or the sample report, drawn as the
/// app draws them with the settings `c`, with the ids renamed ([`preview_markup`]).
pub fn preview_html(locale: Locale, c: &Config, results: bool, today: crate::i18n::Date) -> String {
    let around = crate::config::Surroundings {
        share_base: c.share_base_url.clone().unwrap_or_default(),
        cta: c.cta.clone(),
        facilitator_email: c.facilitator_email.clone(),
        brand: c.consultancy_name.clone(),
        logo: c.logo.clone(),
    };
    let mut o = Html::with_capacity(48 * 1024);
    o.raw(r#"<div class="ov-app"><header class="ov-header">"#);
    super::app::header(&mut o, locale, c.consultancy_name.as_deref(), c.logo.as_ref());
    o.raw(r#"</header><main class="ov-main">"#);
    if results {
        let report = crate::results::report(locale, SAMPLE, false, today, &around, None).unwrap_or_default();
        o.trusted(&report);
    } else {
        super::welcome(&mut o, locale, false, c.team_threshold, c.facilitator_key.is_some());
    }
    o.raw("</main></div>");
    preview_markup(o.as_str())
}

/// The preview's markup with its element ids and references renamed, so nothing in it clashes
/// with the form's ids or is reachable by them.
pub fn preview_markup(html: &str) -> String {
    let mut out = html.to_string();
    for attr in [" id=\"", " for=\"", " aria-labelledby=\"", " aria-describedby=\"", " aria-controls=\""] {
        out = out.replace(attr, &[" data-preview-", &attr[1..]].concat());
    }
    out
}
