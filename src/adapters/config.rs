//! Loads `overlap.json` from beside `index.html` and turns it into a [`RawConfig`]. A missing,
//! unreadable or invalid file never stops the app: it falls back to the documented defaults and
//! says why on the console (`console.warn`).

use overlap_core::config::{Config, RawConfig};
use wasm_bindgen::{JsCast, JsValue};

pub const FILE: &str = "overlap.json";
use overlap_core::config::KEYS as KNOWN;

/// Fetches and validates the configuration; returns it with the warnings to log.
pub async fn load() -> (Config, Vec<String>) {
    match fetch_text().await {
        Ok(text) => parse(&text),
        Err(why) => (Config::default(), vec![format!("{FILE}: {why}; using the defaults")]),
    }
}

/// index.html preloads the file with the page; this plain `fetch()` (CORS mode, same-origin
/// credentials, as the preload's `crossorigin` asks) is answered from that preload, so keep the
/// request plain: other options would fetch the file a second time.
async fn fetch_text() -> Result<String, String> {
    let window = super::window().ok_or("no window")?;
    super::fetched_text(window.fetch_with_str(FILE)).await
}

/// Parses JSON text with the browser's own parser (no JSON crate in the bundle).
pub fn parse(text: &str) -> (Config, Vec<String>) {
    let mut warnings = Vec::new();
    let Ok(value) = js_sys::JSON::parse(text) else {
        return (Config::default(), vec![format!("{FILE} is not valid JSON; using the defaults")]);
    };
    if !value.is_object() || js_sys::Array::is_array(&value) {
        return (Config::default(), vec![format!("{FILE} must hold a JSON object; using the defaults")]);
    }
    for key in js_sys::Object::keys(value.unchecked_ref::<js_sys::Object>()).iter().filter_map(|k| k.as_string()) {
        if !KNOWN.contains(&key.as_str()) && !key.starts_with('_') {
            warnings.push(format!("{FILE}: unknown setting `{key}` ignored"));
        }
    }
    let get = |k: &str| {
        js_sys::Reflect::get(&value, &JsValue::from_str(k)).ok().filter(|v| !v.is_undefined() && !v.is_null())
    };
    let mut string = |k: &str| -> Option<String> {
        let v = get(k)?;
        let s = v.as_string();
        if s.is_none() {
            warnings.push(format!("{FILE}: `{k}` must be a string; ignored"));
        }
        s
    };
    let raw = RawConfig {
        consultancy_name: string("consultancy_name"),
        logo: string("logo"),
        accent: string("accent"),
        accent_dark: string("accent_dark"),
        cta_text: string("cta_text"),
        cta_url: string("cta_url"),
        share_base_url: string("share_base_url"),
        facilitator_email: string("facilitator_email"),
        facilitator_key: string("facilitator_key"),
        default_locale: string("default_locale"),
        allowed_parent_origins: get("allowed_parent_origins")
            .filter(js_sys::Array::is_array)
            .map(|a| js_sys::Array::from(&a).iter().filter_map(|v| v.as_string()).collect()),
        team_threshold: get("team_threshold").and_then(|v| v.as_f64()),
        kiosk_idle_seconds: get("kiosk_idle_seconds").and_then(|v| v.as_f64()),
    };
    let (config, more) = Config::from_raw(raw);
    warnings.extend(more.into_iter().map(|w| format!("{FILE}: {w}")));
    (config, warnings)
}

/// Applies the configured accent colours as CSS custom properties (through the CSSOM, which a
/// strict `style-src 'self'` policy allows).
pub fn apply_theme(config: &Config) {
    let Some(root) = super::window().and_then(|w| w.document()).and_then(|d| d.document_element()) else { return };
    let Ok(root) = root.dyn_into::<web_sys::HtmlElement>() else { return };
    let style = root.style();
    if let Some(a) = &config.accent {
        let _ = style.set_property("--ov-accent-light", a);
    }
    if let Some(a) = &config.accent_dark {
        let _ = style.set_property("--ov-accent-dark", a);
    }
}
