//! The setup screen's rules (`#setup`, its own module): a consultant fills in a form, and this
//! turns it into the settings the app will run with, the `overlap.json` to deploy, the
//! `_headers` file and the embed snippet.
//!
//! Nothing here validates a setting: the form's values go through [`Config::from_raw`], the
//! function the app runs on `overlap.json` when it loads, so the screen accepts, normalises and
//! refuses exactly what the app does, with the same messages ([`problems`] sorts them by
//! setting). The file it writes holds the settings as validated, so it loads back to the same
//! configuration with no warning (a property test checks it).

#[cfg(test)]
use crate::config::RawConfig;
use crate::config::{check_accent, Config, DARK_SURFACE, KEYS, LIGHT_SURFACE};
use crate::i18n::Locale;

/// The largest logo the screen turns into a `data:` URL: the file travels inside `overlap.json`,
/// which the first load fetches, so a big image would slow every respondent's first question.
pub const LOGO_MAX_BYTES: usize = 48 * 1024;

/// The loader's messages for the form, each with the setting it is about (the messages start
/// with the setting's name, as the console shows them).
pub fn problems(warnings: &[String]) -> Vec<(&'static str, &str)> {
    warnings
        .iter()
        .map(|w| {
            let key = KEYS.iter().copied().filter(|k| w.starts_with(k)).max_by_key(|k| k.len()).unwrap_or("");
            (key, w.as_str())
        })
        .collect()
}

/// The nearest accent to `value` that passes the loader's contrast rule: darker for the light
/// theme, lighter for the dark one, keeping the hue; `None` when `value` is not a colour. The
/// check is [`check_accent`] itself, so an offered colour is always accepted.
pub fn suggest_accent(value: &str, dark: bool) -> Option<String> {
    let (r, g, b) = crate::config::parse_hex(value.trim())?;
    let (surface, toward) = if dark { (DARK_SURFACE, 255.0) } else { (LIGHT_SURFACE, 0.0) };
    (0..=100).find_map(|step| {
        let t = f64::from(step) / 100.0;
        let mix = |c: u8| (f64::from(c) + (toward - f64::from(c)) * t).round() as u8;
        let candidate = ["#", &crate::seal::hex(&[mix(r), mix(g), mix(b)])].concat();
        check_accent(&candidate, surface, "", &mut Vec::new())
    })
}

/// `overlap.json` for validated settings: every setting that differs from the default, in the
/// README's order, as pretty JSON.
pub fn to_json(c: &Config) -> String {
    let d = Config::default();
    let mut fields: Vec<(&str, String)> = Vec::new();
    fn put(fields: &mut Vec<(&str, String)>, k: &'static str, v: Option<&str>) {
        if let Some(v) = v {
            fields.push((k, json_string(v)));
        }
    }
    let f = &mut fields;
    put(f, "consultancy_name", c.consultancy_name.as_deref());
    put(f, "logo", c.logo.as_ref().map(|l| l.as_str()));
    put(f, "accent", c.accent.as_deref());
    put(f, "accent_dark", c.accent_dark.as_deref());
    if let Some((label, url)) = &c.cta {
        put(f, "cta_text", Some(label.as_str()).filter(|l| !l.is_empty()));
        put(f, "cta_url", Some(url.as_str()));
    }
    put(f, "share_base_url", c.share_base_url.as_ref().map(|u| u.as_str()));
    put(f, "facilitator_email", c.facilitator_email.as_deref());
    put(f, "facilitator_key", c.facilitator_key.as_deref());
    if !c.allowed_parent_origins.is_empty() {
        let list: Vec<String> = c.allowed_parent_origins.iter().map(|o| json_string(o)).collect();
        f.push(("allowed_parent_origins", ["[", &list.join(", "), "]"].concat()));
    }
    if c.team_threshold != d.team_threshold {
        f.push(("team_threshold", c.team_threshold.to_string()));
    }
    put(f, "default_locale", c.default_locale.map(Locale::code));
    if c.kiosk_idle_seconds != d.kiosk_idle_seconds {
        f.push(("kiosk_idle_seconds", c.kiosk_idle_seconds.to_string()));
    }
    if fields.is_empty() {
        return "{}\n".to_string();
    }
    let body: Vec<String> = fields.iter().map(|(k, v)| ["  \"", k, "\": ", v].concat()).collect();
    ["{\n", &body.join(",\n"), "\n}\n"].concat()
}

/// A JSON string literal: quotes, backslashes and control characters escaped, and `<` too, so
/// the text can never close a script element it is pasted into.
fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '<' => out.push_str("\\u003c"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The Content-Security-Policy for the given framing origins: the one `scripts/deploy-headers.mjs`
/// writes at build time (an end-to-end test compares the two).
pub fn csp(origins: &[String]) -> String {
    let ancestors: Vec<&str> = std::iter::once("'self'").chain(origins.iter().map(String::as_str)).collect();
    [
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; frame-ancestors ",
        &ancestors.join(" "),
    ]
    .concat()
}

/// The `_headers` file (Netlify, Cloudflare Pages) for validated settings: the same file the build
/// writes for an `overlap.json` with these origins.
pub fn headers_file(c: &Config) -> String {
    [
        "# Written by scripts/deploy-headers.mjs on every build; edit overlap.json, not this file.\n/*\n  Content-Security-Policy: ",
        &csp(&c.allowed_parent_origins),
        "\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: no-referrer\n\n/*.wasm\n  Content-Type: application/wasm\n",
    ]
    .concat()
}

/// The snippet for the host page: the iframe (at `app`, the deployment's address) and the host
/// script beside the app that sets the frame's height, with `title` as the frame's name.
pub fn snippet(app: &str, title: &str) -> String {
    let attr = |s: &str| s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;");
    // The host script sits beside index.html, whatever the address names.
    let folder = attr(app.rfind('/').map_or(app, |i| &app[..=i]));
    let app = attr(app);
    [
        "<iframe data-overlap src=\"",
        &app,
        "\"\n        title=\"",
        &attr(title),
        "\" allow=\"clipboard-write; web-share\"\n        style=\"display:block;width:100%;border:0;height:720px\"></iframe>\n<script src=\"",
        &folder,
        "overlap-embed.js\"></script>\n",
    ]
    .concat()
}

#[cfg(test)]
mod tests;
