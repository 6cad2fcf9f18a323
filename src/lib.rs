//! Overlap's browser app: Leptos components over the pure `overlap_core`.
//!
//! `start()` installs the panic hook and mounts [`app::App`] on the `#overlap` host element.
//! State lives in one view-model ([`state::AppState`]) provided as context; browser systems are
//! reached only through [`adapters`].

pub mod adapters;
pub mod app;
pub mod components;
pub mod panic_hook;
pub mod state;

use wasm_bindgen::JsCast;

/// The id of the element the app mounts on (index.html provides it; an embedder may too).
pub const HOST_ID: &str = overlap_core::ui::ids::HOST;

/// Reads the configuration (and the language's text when it is not bundled), then mounts the
/// app. If the host element is missing, mounts on `<body>` so the page is never blank.
pub fn start() {
    panic_hook::install();
    wasm_bindgen_futures::spawn_local(async {
        // The saved or the browser's language, when the first load does not carry its text, is
        // fetched alongside the configuration, so the first screen appears in it at once.
        let saved = adapters::storage::ProgressStore::saved_locale();
        let early = state::wanted_locale(saved, &Default::default());
        let early_text = adapters::locale::load(early);
        let (config, warnings) = adapters::config::load().await;
        for w in &warnings {
            web_sys::console::warn_1(&w.into());
        }
        early_text.await;
        // The configured default language applies only when nothing else chose one.
        let wanted = state::wanted_locale(saved, &config);
        if wanted != early {
            adapters::locale::load(wanted).await;
        }
        adapters::config::apply_theme(&config);
        adapters::embed::start(config.allowed_parent_origins.clone());
        mount(config);
    });
}

fn mount(config: overlap_core::config::Config) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let host = document
        .get_element_by_id(HOST_ID)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .or_else(|| document.body());
    let Some(host) = host else { return };
    // The loading placeholder inside the host is replaced by the app.
    host.set_inner_html("");
    leptos::mount::mount_to(host, move || leptos::prelude::view! { <app::App config=config/> }).forget();
}
