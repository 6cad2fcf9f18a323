//! The results screen, own or shared: the report and its controls as markup from the results
//! module, handled here by delegation (`data-action` buttons, the share level radios). Also the
//! waiting and could-not-load states that every screen served by the results module shows.

use crate::adapters::{clipboard, download, location, results};
use crate::components::start_over::StartOver;
use crate::components::text::tr;
use crate::state::{use_app, AppState, Screen};
use leptos::prelude::*;
use leptos::task::spawn_local;
use overlap_core::markup::controls::Surroundings;
use overlap_core::share::LinkError;
use wasm_bindgen::JsCast;

/// What a screen served by the results module has to show.
#[derive(Clone, Debug, PartialEq)]
pub enum Loaded<T> {
    Waiting,
    Ready(T),
    /// The results module did not load (offline, a blocked file).
    Unavailable,
}

/// Runs `fetch` now and again whenever the locale changes or `retry` is bumped, keeping the
/// latest answer in a signal. Once the first answer arrives after a navigation, focus moves to
/// the new heading (the app's own focus step ran while the screen was still waiting).
pub fn load_results<T, F, Fut>(state: AppState, retry: RwSignal<u32>, fetch: F) -> RwSignal<Loaded<T>>
where
    T: Clone + Send + Sync + 'static,
    F: Fn(overlap_core::i18n::Locale) -> Fut + 'static,
    Fut: std::future::Future<Output = Result<T, results::Unavailable>> + 'static,
{
    let out = RwSignal::new(Loaded::Waiting);
    Effect::new(move |_| {
        let locale = state.locale.get();
        retry.track();
        let first = matches!(out.get_untracked(), Loaded::Waiting | Loaded::Unavailable);
        let pending = fetch(locale);
        spawn_local(async move {
            let value = match pending.await {
                Ok(v) => Loaded::Ready(v),
                Err(results::Unavailable) => Loaded::Unavailable,
            };
            out.set(value);
            if first && state.focus_request.get_untracked() > 0 {
                state.request_focus("ov-title");
            }
        });
    });
    out
}

/// Shown while the results module loads (a fraction of a second on a normal connection).
#[component]
pub fn Waiting() -> impl IntoView {
    view! { <p class="ov-loading" role="status" data-testid="results-loading">{tr("ui.results.loading")}</p> }
}

/// Shown when the results module could not be loaded: what happened, and a retry.
#[component]
pub fn LoadFailed(retry: RwSignal<u32>) -> impl IntoView {
    view! {
        <section class="ov-screen" aria-labelledby="ov-title" data-testid="results-unavailable">
            <h1 id="ov-title" tabindex="-1">{tr("ui.results.load_failed_title")}</h1>
            <p role="alert">{tr("ui.results.load_failed")}</p>
            <div class="ov-nav">
                <button type="button" class="ov-btn ov-btn--primary" data-testid="results-retry" on:click=move |_| retry.update(|n| *n += 1)>
                    {tr("ui.results.retry")}
                </button>
            </div>
        </section>
    }
}

/// Where share links point and the call to action, from the configuration.
pub fn surroundings(state: AppState) -> Surroundings {
    state.config.with_value(|c| Surroundings {
        share_base: c.share_base_url.clone().unwrap_or_else(location::page_url),
        cta: c.cta.clone(),
    })
}

/// The `data-action` of the button an event came from, and that button.
pub fn action_of(ev: &web_sys::Event) -> Option<(String, web_sys::Element)> {
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let el = target.closest("[data-action]").ok().flatten()?;
    Some((el.get_attribute("data-action")?, el))
}

pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

fn element(id: &str) -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id(id)
}

/// The share panel's status line: one of the texts the markup carries as data attributes.
fn set_copy_status(which: Option<&str>) {
    if let Some(status) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector("[data-testid=copy-status]").ok().flatten()) {
        let text = which.and_then(|w| status.get_attribute(w));
        status.set_text_content(text.as_deref());
    }
}

/// The results for a result fragment (`r=...`): the person's own (`shared` false) or a link.
#[component]
pub fn ReportView(fragment: String, shared: bool) -> impl IntoView {
    let state = use_app();
    let retry = RwSignal::new(0u32);
    let output = load_results(state, retry, move |locale| {
        let fragment = fragment.clone();
        let date = String::from(js_sys::Date::new_0().to_locale_date_string(locale.code(), &wasm_bindgen::JsValue::UNDEFINED));
        let around = surroundings(state);
        async move { results::report(locale, &fragment, shared, &date, &around).await }
    });
    move || match output.get() {
        Loaded::Waiting => view! { <Waiting/> }.into_any(),
        Loaded::Unavailable => view! { <LoadFailed retry=retry/> }.into_any(),
        // The app checked the link before showing this screen, so this is a link the results
        // module reads differently (a newer app, an older module): say so rather than go blank.
        Loaded::Ready(None) => view! { <crate::components::link_error::LinkErrorView error=LinkError::Garbled/> }.into_any(),
        Loaded::Ready(Some(screen)) => {
            let results::Screen { html, json, csv } = screen;
            let on_click = move |ev: leptos::ev::MouseEvent| {
                let Some((action, _)) = action_of(&ev) else { return };
                match action.as_str() {
                    "print" => print(),
                    "export-json" => {
                        download::offer("overlap-result.json", "application/json", &json);
                    }
                    "export-csv" => {
                        download::offer("overlap-scores.csv", "text/csv", &csv);
                    }
                    "copy-link" => {
                        let text = element("ov-share-link")
                            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
                            .map(|i| i.value())
                            .unwrap_or_default();
                        spawn_local(async move {
                            if clipboard::copy(&text).await {
                                set_copy_status(Some("data-copied"));
                            } else {
                                set_copy_status(Some("data-manual"));
                                clipboard::select_input("ov-share-link");
                            }
                        });
                    }
                    "start-own" => state.open_own_assessment(),
                    _ => {}
                }
            };
            // The share level radios swap the link shown between the full and summary links.
            let on_change = move |ev: leptos::ev::Event| {
                let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
                if input.name() != "ov-share-level" {
                    return;
                }
                if let Some(link) = element("ov-share-link").and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                    link.set_value(&link.get_attribute(&format!("data-{}", input.value())).unwrap_or_default());
                }
                set_copy_status(None);
            };
            view! {
                <section class="ov-screen ov-results" aria-labelledby="ov-title" data-testid="results" on:click=on_click on:change=on_change>
                    <div inner_html=html></div>
                    {(!shared).then(|| view! {
                        <div class="ov-nav ov-nav--wrap ov-no-print">
                            <button type="button" class="ov-btn" data-testid="edit-answers" on:click=move |_| state.go(Screen::Review)>
                                {tr("ui.results.edit")}
                            </button>
                            <StartOver/>
                        </div>
                    })}
                </section>
            }
            .into_any()
        }
    }
}
