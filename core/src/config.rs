//! Deploy-time configuration (`overlap.json` beside `index.html`): the fields, their defaults,
//! and validation. Invalid values fall back to the documented default with a warning; nothing
//! configured is ever treated as HTML, and URLs must be http(s).
//!
//! The browser adapter parses the JSON and hands over a [`RawConfig`] of optional fields; this
//! module decides what is valid, so the rules are tested natively.

use crate::i18n::Locale;
use crate::markup::html::SafeUrl;

/// The smallest anonymity threshold a deployment may configure.
pub const MIN_THRESHOLD: usize = 3;
/// The default: a role group is shown from five respondents (as Viva Glint does).
pub const DEFAULT_THRESHOLD: usize = 5;

/// Kiosk mode's idle time, its default and range, in seconds: without input for this long, the
/// "Still there?" countdown starts. Ninety seconds is what DORA's Quick Check kiosk allows; half a
/// minute is the least in which a person reads a long question, ten minutes the most a
/// facilitator should leave a finished report on a shared screen.
pub const IDLE_DEFAULT: u16 = 90;
pub const IDLE_MIN: u16 = 30;
pub const IDLE_MAX: u16 = 600;

/// An idle time as text (`kiosk_idle_seconds` is checked with the other settings; this reads the
/// team view's field and a request's line): digits only, then in range.
/// Read as an integer: parsing a float would add some 15 KB of WebAssembly to each module.
pub fn idle_seconds_text(text: &str) -> Option<u16> {
    let text = text.trim();
    let ok = !text.is_empty() && text.len() <= 3 && text.bytes().all(|b| b.is_ascii_digit());
    ok.then(|| text.parse::<u16>().ok()).flatten().filter(|s| (IDLE_MIN..=IDLE_MAX).contains(s))
}

/// A round's public key as base64url (43 characters that decode to 32 bytes), normalised; `None`
/// for anything else. Only its shape is checked here (any 32 bytes are a usable X25519 public
/// key): the first load seals nothing, it only carries the key to the results module.
pub fn round_key(text: &str) -> Option<String> {
    let text = text.trim();
    let ok = text.len() == 43
        && crate::share::in_link_alphabet(text)
        && crate::wire::decode(text).is_some_and(|b| b.len() == 32);
    ok.then(|| text.to_string())
}

/// Every setting `overlap.json` may hold, in the order the README and the setup screen list them.
pub const KEYS: [&str; 13] = [
    "consultancy_name",
    "logo",
    "accent",
    "accent_dark",
    "cta_text",
    "cta_url",
    "share_base_url",
    "facilitator_email",
    "facilitator_key",
    "allowed_parent_origins",
    "team_threshold",
    "default_locale",
    "kiosk_idle_seconds",
];

/// What the file may contain, before validation. Every field is optional.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RawConfig {
    pub consultancy_name: Option<String>,
    pub logo: Option<String>,
    pub accent: Option<String>,
    pub accent_dark: Option<String>,
    pub cta_text: Option<String>,
    pub cta_url: Option<String>,
    pub share_base_url: Option<String>,
    pub facilitator_email: Option<String>,
    pub facilitator_key: Option<String>,
    pub allowed_parent_origins: Option<Vec<String>>,
    pub team_threshold: Option<f64>,
    pub default_locale: Option<String>,
    pub kiosk_idle_seconds: Option<f64>,
}

impl RawConfig {
    /// Reads the settings of a JSON object through the caller's accessors, by name: a text, a
    /// number, a list of texts (the browser's own JSON parser stands behind them in the setup
    /// module, so it carries no JSON crate). The app's adapter (`src/adapters/config.rs`) writes
    /// the same list out itself: calling this costs the first load about 30 bytes of gzip it
    /// does not have; `KEYS` is the one list of names both follow.
    pub fn read(
        mut text: impl FnMut(&str) -> Option<String>,
        number: impl Fn(&str) -> Option<f64>,
        list: impl Fn(&str) -> Option<Vec<String>>,
    ) -> RawConfig {
        RawConfig {
            consultancy_name: text("consultancy_name"),
            logo: text("logo"),
            accent: text("accent"),
            accent_dark: text("accent_dark"),
            cta_text: text("cta_text"),
            cta_url: text("cta_url"),
            share_base_url: text("share_base_url"),
            facilitator_email: text("facilitator_email"),
            facilitator_key: text("facilitator_key"),
            allowed_parent_origins: list("allowed_parent_origins"),
            team_threshold: number("team_threshold"),
            default_locale: text("default_locale"),
            kiosk_idle_seconds: number("kiosk_idle_seconds"),
        }
    }
}

/// The validated configuration the app runs with.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// Shown as text in the header; `None` shows the product name only.
    pub consultancy_name: Option<String>,
    /// A same-origin path (relative or absolute path, or a data: image).
    pub logo: Option<SafeUrl>,
    /// `#rrggbb`, applied as `--ov-accent` in the light and dark themes.
    pub accent: Option<String>,
    pub accent_dark: Option<String>,
    /// The call to action on the results screen: shown only when a URL is configured.
    pub cta: Option<(String, SafeUrl)>,
    /// The URL share links point at (the standalone app); `None` uses the page's own URL.
    pub share_base_url: Option<SafeUrl>,
    /// Where "Send to the facilitator" addresses its email, as configured (trimmed): the results
    /// module checks it with [`facilitator_email`] before use. `None` uses the share sheet.
    pub facilitator_email: Option<String>,
    /// The public key results are sealed to when an invitation carries none (a deployment that
    /// serves one client); base64url, 43 characters, checked by [`round_key`].
    pub facilitator_key: Option<String>,
    /// Origins the app posts its height to when embedded; empty means it posts nothing.
    pub allowed_parent_origins: Vec<String>,
    pub team_threshold: usize,
    pub default_locale: Option<Locale>,
    /// Kiosk mode's seconds without input before the "Still there?" countdown.
    pub kiosk_idle_seconds: u16,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            consultancy_name: None,
            logo: None,
            accent: None,
            accent_dark: None,
            cta: None,
            share_base_url: None,
            facilitator_email: None,
            facilitator_key: None,
            allowed_parent_origins: Vec::new(),
            team_threshold: DEFAULT_THRESHOLD,
            default_locale: None,
            kiosk_idle_seconds: IDLE_DEFAULT,
        }
    }
}

/// What the page around a report or the team view needs to know, all from the deploy-time
/// configuration: where share links point, the consultancy's call to action, where "Send to the
/// facilitator" emails, and the consultancy's name and logo for the printed pack and handout.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Surroundings {
    /// The address share links start with (the standalone app, or this page).
    pub share_base: SafeUrl,
    /// The call to action's label (empty: the default label) and address, when configured.
    pub cta: Option<(String, SafeUrl)>,
    /// The facilitator's email address as configured; the results module checks it with
    /// [`facilitator_email`] where it is used.
    pub facilitator_email: Option<String>,
    /// The consultancy's name and logo (a same-origin path or data: image).
    pub brand: Option<String>,
    pub logo: Option<SafeUrl>,
}

/// What the team view is given besides the links: the anonymity threshold, the deployment's
/// surroundings (the invitation's address, the consultancy's name and logo for the printouts),
/// and today's date from the browser's clock (the printouts date themselves, and the next round
/// is suggested from it).
#[cfg(feature = "team")]
pub struct TeamSettings<'a> {
    pub threshold: usize,
    pub around: &'a Surroundings,
    pub today: crate::i18n::Date,
    /// The round keys the facilitator holds: sealed links for any of them open.
    pub keys: &'a [crate::seal::HeldKey],
    /// Which of them is the round on show: its public key goes in the invitation's address, its
    /// fingerprint on the handout, and its label (the client's name) on the pack.
    pub current: Option<usize>,
    /// Kiosk mode's idle time, the default the team view offers when it starts a kiosk.
    pub kiosk_idle: u16,
}

#[cfg(feature = "team")]
impl TeamSettings<'_> {
    /// The round on show's public key.
    pub fn round(&self) -> Option<crate::seal::RoundKey> {
        self.current.and_then(|i| self.keys.get(i)).map(|k| k.secret.public())
    }

    /// The client's name for the printouts: the round on show's label, when it has one.
    pub fn client(&self) -> Option<&str> {
        self.current.and_then(|i| self.keys.get(i)).map(|k| k.label.as_str()).filter(|l| !l.is_empty())
    }

    /// The secret keys held, for opening sealed links.
    pub fn secrets(&self) -> Vec<crate::seal::SecretRoundKey> {
        self.keys.iter().map(|k| k.secret.clone()).collect()
    }
}

impl Surroundings {
    /// A link to this deployment carrying a payload after `#<prefix>` (`r=`, `t=`).
    pub fn link(&self, prefix: &str, payload: &str) -> String {
        [self.share_base.as_str(), "#", prefix, payload].concat()
    }
}

/// Light theme surface and dark theme surface the accent must contrast with.
pub(crate) const LIGHT_SURFACE: (u8, u8, u8) = (0xff, 0xff, 0xff);
pub(crate) const DARK_SURFACE: (u8, u8, u8) = (0x1a, 0x1f, 0x25);
/// WCAG 2.x AA for normal text.
pub const MIN_CONTRAST: f64 = 4.5;

impl Config {
    /// Validates raw values. Returns the config and one warning per value that was set aside.
    pub fn from_raw(raw: RawConfig) -> (Config, Vec<String>) {
        let mut w = Vec::new();
        let consultancy_name = raw.consultancy_name.and_then(|n| {
            let n = n.trim().to_string();
            match n.chars().count() {
                0 => None,
                1..=80 => Some(n),
                _ => {
                    w.push("consultancy_name is longer than 80 characters; ignored".into());
                    None
                }
            }
        });
        let mut c = Config { consultancy_name, ..Config::default() };
        c.logo = raw.logo.and_then(|l| {
            let safe = (is_same_origin_path(&l) || l.starts_with("data:image/")).then(|| SafeUrl::new(&l)).flatten();
            if safe.is_some() {
                safe
            } else {
                w.push(format!(
                    "logo `{l}` must be a path on this site (the CSP allows images from 'self' only); ignored"
                ));
                None
            }
        });
        // The light accent carries white button text and is link text on white; the dark accent
        // carries dark button text and is link text on the dark surface.
        c.accent = raw.accent.and_then(|a| check_accent(&a, LIGHT_SURFACE, "accent", &mut w));
        c.accent_dark = raw.accent_dark.and_then(|a| check_accent(&a, DARK_SURFACE, "accent_dark", &mut w));
        c.cta = match (raw.cta_text, raw.cta_url) {
            (_, None) => None,
            (text, Some(url)) if is_http_url(&url) && SafeUrl::new(&url).is_some() => {
                let text = text.map(|t| t.trim().to_string()).filter(|t| !t.is_empty() && t.chars().count() <= 60);
                Some((text.unwrap_or_default(), SafeUrl::new(&url).unwrap_or_default()))
            }
            (_, Some(url)) => {
                w.push(format!("cta_url `{url}` is not an http(s) URL; the call to action is hidden"));
                None
            }
        };
        c.share_base_url = raw.share_base_url.and_then(|u| {
            let base = is_http_url(&u).then(|| SafeUrl::new(u.split('#').next().unwrap_or(&u))).flatten();
            if base.is_some() {
                base
            } else {
                w.push(format!("share_base_url `{u}` is not an http(s) URL; share links use the page's own address"));
                None
            }
        });
        // Checked where it is used, by the results module (`facilitator_email` below): the check
        // and its message would otherwise cost the first load about half a kilobyte.
        c.facilitator_email = raw.facilitator_email.map(|e| e.trim().to_string()).filter(|e| !e.is_empty());
        if let Some(k) = raw.facilitator_key.as_deref().map(str::trim).filter(|k| !k.is_empty()) {
            match round_key(k) {
                Some(k) => c.facilitator_key = Some(k),
                None => w.push(format!(
                    "facilitator_key `{k}` is not a round's public key (43 characters of base64url); results are sent unsealed"
                )),
            }
        }
        for o in raw.allowed_parent_origins.unwrap_or_default() {
            match origin_of(&o) {
                Some(origin) => c.allowed_parent_origins.push(origin),
                None => w.push(format!("allowed_parent_origins: `{o}` is not an http(s) origin; ignored")),
            }
        }
        // Two whole numbers in a range, checked and explained by one function.
        if let Some(t) = raw.team_threshold {
            let range = (MIN_THRESHOLD as u16, 50);
            c.team_threshold = usize::from(whole(t, range, DEFAULT_THRESHOLD as u16, "team_threshold", &mut w));
        }
        if let Some(t) = raw.kiosk_idle_seconds {
            c.kiosk_idle_seconds = whole(t, (IDLE_MIN, IDLE_MAX), IDLE_DEFAULT, "kiosk_idle_seconds", &mut w);
        }
        if let Some(l) = raw.default_locale {
            match Locale::from_tag(&l).filter(|l| l.is_available()) {
                Some(loc) => c.default_locale = Some(loc),
                None => w.push(format!("default_locale `{l}` is not a shipped language; ignored")),
            }
        }
        (c, w)
    }
}

/// A whole number from `range.0` to `range.1`, or the default with a warning naming `name`.
fn whole(value: f64, range: (u16, u16), default: u16, name: &str, w: &mut Vec<String>) -> u16 {
    if value.fract() == 0.0 && value >= f64::from(range.0) && value <= f64::from(range.1) {
        return value as u16;
    }
    // Shown to two decimals by the small integer formatter: Rust's float formatting would add
    // about 10 KB to the first load for this one message.
    let shown = crate::i18n::fixed(value, 2, '.');
    w.push(format!("{name} {shown} must be a whole number from {} to {}; using {default}", range.0, range.1));
    default
}

pub(crate) fn check_accent(value: &str, surface: (u8, u8, u8), name: &str, w: &mut Vec<String>) -> Option<String> {
    let Some(rgb) = parse_hex(value) else {
        w.push(format!("{name} `{value}` is not a #rrggbb colour; using the default"));
        return None;
    };
    let on_surface = contrast(rgb, surface);
    // Button text on the accent: white in light theme, the dark surface in dark theme.
    let text = if surface == LIGHT_SURFACE { (0xff, 0xff, 0xff) } else { (0x0d, 0x11, 0x17) };
    let on_button = contrast(rgb, text);
    if on_surface < MIN_CONTRAST || on_button < MIN_CONTRAST {
        w.push(format!(
            "{name} `{value}` has contrast {}:1 against the page and {}:1 against its button text; WCAG AA needs 4.5:1, so the default is used",
            crate::i18n::fixed(on_surface, 2, '.'),
            crate::i18n::fixed(on_button, 2, '.'),
        ));
        return None;
    }
    Some(value.to_ascii_lowercase())
}

/// `#rrggbb` to RGB.
pub fn parse_hex(s: &str) -> Option<(u8, u8, u8)> {
    let h = s.strip_prefix('#')?;
    if h.len() != 6 || !h.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let p = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).ok();
    Some((p(0)?, p(2)?, p(4)?))
}

/// `x` to the power 2.4 for `x` in (0, 1]: x² times the fifth root of x², found by Newton's
/// method. `powf` would bring about 2 KB of libm into the first load for this one check.
pub(crate) fn pow_2_4(x: f64) -> f64 {
    let a = x * x;
    if a <= 0.0 {
        return 0.0;
    }
    // From above, Newton's steps for y⁵ = a fall steadily to the root; 60 is far more than needed.
    let mut y = 1.0f64;
    for _ in 0..60 {
        let next = (4.0 * y + a / (y * y * y * y)) / 5.0;
        if y - next <= 1e-16 * y {
            return a * next;
        }
        y = next;
    }
    a * y
}

/// WCAG 2.x contrast ratio between two colours.
pub fn contrast(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    let lum = |(r, g, b): (u8, u8, u8)| {
        let c = |v: u8| {
            let v = v as f64 / 255.0;
            if v <= 0.04045 {
                v / 12.92
            } else {
                pow_2_4((v + 0.055) / 1.055)
            }
        };
        0.2126 * c(r) + 0.7152 * c(g) + 0.0722 * c(b)
    };
    let (x, y) = (lum(a), lum(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

pub fn is_http_url(s: &str) -> bool {
    let lower = s.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && lower.len() > 8
        && !s.chars().any(|c| c.is_whitespace() || c == '"' || c == '<' || c == '>')
}

/// `scheme://host[:port]` of an http(s) URL or origin, lower-cased; `None` otherwise.
pub fn origin_of(s: &str) -> Option<String> {
    if !is_http_url(s) {
        return None;
    }
    let (scheme, rest) = s.trim().split_once("://")?;
    let host = rest.split(['/', '?', '#']).next()?;
    (!host.is_empty() && !host.contains('@'))
        .then(|| format!("{}://{}", scheme.to_ascii_lowercase(), host.to_ascii_lowercase()))
}

/// The configured facilitator's address if it is a plain email address ([`is_email`]), or the
/// warning to log, after which "Send to the facilitator" uses the share sheet or copying.
pub fn facilitator_email(configured: &str) -> Result<String, String> {
    let e = configured.trim();
    if is_email(e) {
        Ok(e.to_string())
    } else {
        Err(format!(
            "facilitator_email `{e}` is not an email address like name@example.com; \"Send to the facilitator\" uses the share sheet or copying"
        ))
    }
}

/// A plain email address: `local@domain.tld`, the local part letters, digits and `. _ + -`, the
/// domain dot-separated labels of letters, digits and hyphens. Stricter than RFC 5322 on purpose:
/// the address goes into a `mailto:` link, and every address a consultancy hands out fits.
pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else { return false };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && local.bytes().all(|b| b.is_ascii_alphanumeric() || b"._+-".contains(&b))
        && !local.starts_with('.')
        && !local.ends_with('.');
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && domain.len() <= 253
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                && !l.starts_with('-')
                && !l.ends_with('-')
        });
    local_ok && domain_ok
}

fn is_same_origin_path(s: &str) -> bool {
    !s.contains("://") && !s.starts_with("//") && !s.contains(':') && !s.is_empty() && !s.contains(['"', '<', '>', ' '])
}

#[cfg(test)]
mod tests;
