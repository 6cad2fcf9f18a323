//! The setup screen in the browser: draws the form from the deployment's own `overlap.json` (or
//! a file the consultant loads), and on every change runs the form through the app's loader
//! (`Config::from_raw`), shows what it says under each field, redraws the preview and the JSON
//! and snippet. Downloads are made in the browser; nothing is sent anywhere. Nothing here panics
//! on the browser: a missing element or a refused API does nothing, or says so.

use overlap_core::config::{Config, RawConfig, KEYS};
use overlap_core::i18n::{key, Locale};
use overlap_core::markup::setup::{self as markup, field_id, FIELDS};
use overlap_core::markup::Html;
use overlap_core::request::Request;
use overlap_core::setup;
use overlap_core::ui::{ids, names, Action, SetupAction};
use overlap_module::dom::{self, by_id, Handlers};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[derive(Default)]
struct State {
    locale: Locale,
    /// The page's own address, for the snippet when no `share_base_url` is set.
    page: String,
    config: Option<Config>,
    handlers: Option<Handlers>,
    reader: Option<Closure<dyn FnMut(web_sys::Event)>>,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::new(State::default());
}

/// Draws the screen, filled with the deployment's current settings.
pub async fn show(host: web_sys::HtmlElement, request: Request, locale: Locale) -> bool {
    if request.view != overlap_core::ui::View::Setup {
        return false;
    }
    let deployed = deployed_raw().await;
    let config = deployed.map(|(raw, _)| Config::from_raw(raw).0).unwrap_or_default();
    let mut o = Html::with_capacity(32 * 1024);
    markup::screen(&mut o, locale, &config);
    host.set_inner_html(&o.into_string());
    let page = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .map(|h| h.split('#').next().unwrap_or_default().to_string())
        .unwrap_or_default();
    STATE.with_borrow_mut(|s| {
        s.locale = locale;
        s.page = page;
        if !s.handlers.as_ref().is_some_and(|h| h.serve(&host)) {
            s.handlers = Some(Handlers::attach(host, on_click, on_change, |_| update()));
        }
    });
    update();
    true
}

/// The deployment's `overlap.json` as the loader reads it, with the reader's own notes (unknown
/// keys, wrong types); `None` when there is none or it is not a JSON object.
async fn deployed_raw() -> Option<(RawConfig, Vec<String>)> {
    let window = web_sys::window()?;
    let response = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str("overlap.json")).await.ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let text = wasm_bindgen_futures::JsFuture::from(response.text().ok()?).await.ok()?.as_string()?;
    read_json(&text)
}

/// A JSON text as the app's adapter reads it (`src/adapters/config.rs`): strings, a list of
/// strings, numbers; with a note for each key it does not know and each value of a wrong type.
fn read_json(text: &str) -> Option<(RawConfig, Vec<String>)> {
    let value = js_sys::JSON::parse(text).ok()?;
    if !value.is_object() || js_sys::Array::is_array(&value) {
        return None;
    }
    let mut notes = Vec::new();
    for k in js_sys::Object::keys(value.unchecked_ref::<js_sys::Object>()).iter().filter_map(|k| k.as_string()) {
        if !KEYS.contains(&k.as_str()) && !k.starts_with('_') {
            notes.push(["unknown setting `", &k, "` ignored"].concat());
        }
    }
    let get = |k: &str| {
        js_sys::Reflect::get(&value, &JsValue::from_str(k)).ok().filter(|v| !v.is_undefined() && !v.is_null())
    };
    let string = |k: &str| -> Option<String> {
        let v = get(k)?;
        let s = v.as_string();
        if s.is_none() {
            notes.push(["`", k, "` must be a string; ignored"].concat());
        }
        s
    };
    let raw = RawConfig::read(
        string,
        |k| get(k).and_then(|v| v.as_f64()),
        |k| {
            get(k)
                .filter(js_sys::Array::is_array)
                .map(|a| js_sys::Array::from(&a).iter().filter_map(|v| v.as_string()).collect())
        },
    );
    Some((raw, notes))
}

/// A field's current text.
fn value(k: &str) -> String {
    let id = field_id(k);
    if let Some(i) = by_id::<web_sys::HtmlInputElement>(&id) {
        return i.value();
    }
    if let Some(t) = by_id::<web_sys::HtmlTextAreaElement>(&id) {
        return t.value();
    }
    by_id::<web_sys::HtmlSelectElement>(&id).map(|s| s.value()).unwrap_or_default()
}

fn set_value(k: &str, v: &str) {
    let id = field_id(k);
    if let Some(i) = by_id::<web_sys::HtmlInputElement>(&id) {
        i.set_value(v);
    } else if let Some(t) = by_id::<web_sys::HtmlTextAreaElement>(&id) {
        t.set_value(v);
    } else if let Some(s) = by_id::<web_sys::HtmlSelectElement>(&id) {
        s.set_value(v);
    }
}

/// Runs the form through the loader and shows what follows from it.
fn update() {
    let raw = markup::raw_from(&value);
    let (config, warnings) = Config::from_raw(raw.clone());
    let locale = STATE.with_borrow(|s| s.locale);
    // Each setting's problem line: the loader's own message, or nothing.
    let problems = setup::problems(&warnings);
    for (k, ..) in FIELDS {
        let id = [field_id(k).as_str(), "-problem"].concat();
        let Some(line) = by_id::<web_sys::Element>(&id) else { continue };
        let why: Vec<&str> = problems.iter().filter(|(p, _)| *p == k).map(|(_, w)| *w).collect();
        let mut o = Html::new();
        if !why.is_empty() {
            markup::problem(&mut o, locale, &why.join(" "));
        }
        line.set_inner_html(&o.into_string());
    }
    // An accent that fails: offer the nearest one that passes.
    for (k, dark, given) in [("accent", false, &raw.accent), ("accent_dark", true, &raw.accent_dark)] {
        let offer = given
            .as_deref()
            .filter(|_| problems.iter().any(|(p, _)| *p == k))
            .and_then(|v| setup::suggest_accent(v, dark));
        let selector = ["[data-suggest=\"", k, "\"]"].concat();
        if let Some(row) = query(&selector) {
            row.set_hidden(offer.is_none());
            let _ = row.set_attribute(names::SUGGESTION_ATTR, offer.as_deref().unwrap_or(""));
        }
    }
    if let Some(json) = by_id::<web_sys::Element>(ids::SETUP_JSON) {
        json.set_text_content(Some(&setup::to_json(&config)));
    }
    if let Some(snippet) = by_id::<web_sys::HtmlTextAreaElement>(ids::SETUP_SNIPPET) {
        let app = config
            .share_base_url
            .as_ref()
            .map(|u| u.as_str().to_string())
            .unwrap_or_else(|| STATE.with_borrow(|s| s.page.clone()));
        snippet.set_value(&setup::snippet(&app, locale.t(key::ui::setup::FRAME_TITLE)));
    }
    draw_preview(locale, &config);
    STATE.with_borrow_mut(|s| s.config = Some(config));
}

fn query(selector: &str) -> Option<web_sys::HtmlElement> {
    web_sys::window()?.document()?.query_selector(selector).ok()??.dyn_into().ok()
}

/// The chosen value of one of the preview's radio groups.
fn choice(name: &str, default: &'static str) -> String {
    query(&["input[name=\"ov-preview-", name, "\"]:checked"].concat())
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|i| i.value())
        .unwrap_or_else(|| default.to_string())
}

/// The preview: the header and the welcome or a sample report, as the app draws them with these
/// settings, in the chosen theme and width, with the accents set as the app sets them.
fn draw_preview(locale: Locale, c: &Config) {
    let Some(preview) = by_id::<web_sys::HtmlElement>(ids::SETUP_PREVIEW) else { return };
    let results = choice("screen", "welcome") == "results";
    preview.set_inner_html(&markup::preview_html(locale, c, results, dom::today()));
    let _ = preview.set_attribute("data-theme", &choice("theme", "light"));
    let _ = preview.set_attribute("data-width", &choice("width", "phone"));
    let style = preview.style();
    for (name, value) in [("--ov-accent-light", &c.accent), ("--ov-accent-dark", &c.accent_dark)] {
        let _ = match value {
            Some(v) => style.set_property(name, v),
            None => style.remove_property(name).map(|_| ()),
        };
    }
}

fn on_click(ev: web_sys::Event) {
    let Some(Action::Setup(action)) = dom::action_of(&ev) else { return };
    let config = STATE.with_borrow(|s| s.config.clone()).unwrap_or_default();
    match action {
        SetupAction::UseLightAccent | SetupAction::UseDarkAccent => {
            let k = if action == SetupAction::UseLightAccent { "accent" } else { "accent_dark" };
            let offer =
                query(&["[data-suggest=\"", k, "\"]"].concat()).and_then(|r| r.get_attribute(names::SUGGESTION_ATTR));
            if let Some(offer) = offer.filter(|o| !o.is_empty()) {
                set_value(k, &offer);
                update();
                if let Some(input) = by_id::<web_sys::HtmlElement>(&field_id(k)) {
                    let _ = input.focus();
                }
            }
        }
        SetupAction::DownloadJson => dom::offer_named("overlap.json", "application/json", &setup::to_json(&config)),
        // Not text/plain: a browser would add ".txt" to a name without an extension.
        SetupAction::DownloadHeaders => {
            dom::offer_named("_headers", "application/octet-stream", &setup::headers_file(&config))
        }
        SetupAction::CopySnippet => copy_snippet(),
    }
}

/// Files (an `overlap.json` to start from, a logo) and the preview's choices.
fn on_change(ev: web_sys::Event) {
    let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
        update();
        return;
    };
    let Some(file) = input.files().and_then(|f| f.get(0)) else {
        update();
        return;
    };
    if input.id() == ids::SETUP_LOAD {
        wasm_bindgen_futures::spawn_local(async move {
            let Ok(text) = wasm_bindgen_futures::JsFuture::from(file.text()).await else { return };
            load(&text.as_string().unwrap_or_default());
        });
    } else if input.id() == ids::SETUP_LOGO_FILE {
        logo(file);
    }
}

/// Fills the form with a file's settings as written (so a refused value stays in its field, with
/// the loader's reason under it) and lists what the reader set aside.
fn load(text: &str) {
    let locale = STATE.with_borrow(|s| s.locale);
    let Some((raw, notes)) = read_json(text) else {
        set_text(ids::SETUP_LOAD_STATUS, locale.t(key::ui::setup::LOAD_BAD));
        return;
    };
    let number = |v: Option<f64>| {
        v.map(|n| overlap_core::i18n::fixed(n, if n.fract() == 0.0 { 0 } else { 2 }, '.')).unwrap_or_default()
    };
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    for (k, v) in [
        ("consultancy_name", text(&raw.consultancy_name)),
        ("logo", text(&raw.logo)),
        ("accent", text(&raw.accent)),
        ("accent_dark", text(&raw.accent_dark)),
        ("cta_text", text(&raw.cta_text)),
        ("cta_url", text(&raw.cta_url)),
        ("share_base_url", text(&raw.share_base_url)),
        ("facilitator_email", text(&raw.facilitator_email)),
        ("facilitator_key", text(&raw.facilitator_key)),
        ("allowed_parent_origins", raw.allowed_parent_origins.clone().unwrap_or_default().join("\n")),
        ("team_threshold", number(raw.team_threshold)),
        ("default_locale", text(&raw.default_locale)),
        ("kiosk_idle_seconds", number(raw.kiosk_idle_seconds)),
    ] {
        set_value(k, &v);
    }
    update();
    let mut status = locale.t(key::ui::setup::LOAD_DONE).to_string();
    for n in notes {
        status.push(' ');
        status.push_str(&n);
    }
    set_text(ids::SETUP_LOAD_STATUS, &status);
}

/// An uploaded logo becomes a `data:` URL in the logo field, within the size limit.
fn logo(file: web_sys::File) {
    let locale = STATE.with_borrow(|s| s.locale);
    let problem = [field_id("logo").as_str(), "-problem"].concat();
    if file.size() > setup::LOGO_MAX_BYTES as f64 {
        set_text(&problem, locale.t(key::ui::setup::LOGO_TOO_BIG));
        return;
    }
    let Ok(reader) = web_sys::FileReader::new() else { return };
    let done = Closure::<dyn FnMut(web_sys::Event)>::new(|ev: web_sys::Event| {
        let url = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::FileReader>().ok())
            .and_then(|r| r.result().ok())
            .and_then(|r| r.as_string());
        if let Some(url) = url {
            set_value("logo", &url);
            update();
        }
    });
    reader.set_onload(Some(done.as_ref().unchecked_ref()));
    let _ = reader.read_as_data_url(&file);
    STATE.with_borrow_mut(|s| s.reader = Some(done));
}

fn set_text(id: &str, text: &str) {
    if let Some(el) = by_id::<web_sys::Element>(id) {
        el.set_text_content(Some(text));
    }
}

fn copy_snippet() {
    overlap_module::copy::copy_field(ids::SETUP_SNIPPET, ids::SETUP_STATUS, names::COPIED_ATTR);
}
