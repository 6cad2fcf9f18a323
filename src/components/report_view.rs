//! The results screen, own or shared: the report markup from the results module, then the
//! controls to share, keep, print, export, edit or start over. Also the waiting and
//! could-not-load states that every screen served by the results module shows.

use crate::adapters::{download, results};
use crate::components::share_panel::SharePanel;
use crate::components::start_over::StartOver;
use crate::components::start_own::StartOwn;
use crate::components::text::tr;
use crate::state::{use_app, AppState, Screen};
use leptos::prelude::*;
use leptos::task::spawn_local;
use overlap_core::results::ReportOutput;
use overlap_core::share::{LinkError, FRAGMENT_PREFIX};

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

/// The results for a result fragment (`r=...`): the person's own (`shared` false) or a link.
#[component]
pub fn ReportView(fragment: String, shared: bool) -> impl IntoView {
    let state = use_app();
    let retry = RwSignal::new(0u32);
    let for_fetch = fragment.clone();
    let output = load_results(state, retry, move |locale| {
        let fragment = for_fetch.clone();
        let date = String::from(js_sys::Date::new_0().to_locale_date_string(locale.code(), &wasm_bindgen::JsValue::UNDEFINED));
        async move { results::report(locale, &fragment, shared, &date).await }
    });
    let full_payload = fragment.strip_prefix(FRAGMENT_PREFIX).unwrap_or_default().to_string();
    move || match output.get() {
        Loaded::Waiting => view! { <Waiting/> }.into_any(),
        Loaded::Unavailable => view! { <LoadFailed retry=retry/> }.into_any(),
        // The app checked the link before showing this screen, so this is a link the results
        // module reads differently (a newer app, an older module): say so rather than go blank.
        Loaded::Ready(None) => view! { <crate::components::link_error::LinkErrorView error=LinkError::Garbled/> }.into_any(),
        Loaded::Ready(Some(out)) => view! { <Results out=out full_payload=full_payload.clone() shared=shared/> }.into_any(),
    }
}

#[component]
fn Results(out: ReportOutput, full_payload: String, shared: bool) -> impl IntoView {
    let state = use_app();
    let ReportOutput { html, summary_payload, json, csv } = out;
    let has_answers = !json.is_empty();
    let export_json = move |_| {
        download::offer("overlap-result.json", "application/json", &json);
    };
    let export_csv = move |_| {
        download::offer("overlap-scores.csv", "text/csv", &csv);
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    let share = (!shared).then(|| view! { <SharePanel full=full_payload summary=summary_payload/> });
    // The consultancy's call to action: shown only when a URL is configured.
    let cta = state.config.with_value(|c| c.cta.clone()).map(|(text, url)| {
        let label = if text.is_empty() { tr("ui.results.cta_default").into_any() } else { text.into_any() };
        view! {
            <section class="ov-card" aria-labelledby="ov-cta-h" data-testid="cta">
                <h2 id="ov-cta-h">{tr("ui.results.cta_title")}</h2>
                <a class="ov-btn ov-btn--primary ov-cta" href=url rel="noopener noreferrer" target="_blank">{label}</a>
            </section>
        }
    });
    view! {
        <section class="ov-screen ov-results" aria-labelledby="ov-title" data-testid="results">
            <div inner_html=html></div>
            <div class="ov-controls ov-no-print">
                {cta}
                {share}
                <section class="ov-card" aria-labelledby="ov-keep-h">
                    <h2 id="ov-keep-h">{tr("ui.results.keep")}</h2>
                    <div class="ov-nav ov-nav--wrap">
                        <button type="button" class="ov-btn" data-testid="print" on:click=print>{tr("ui.results.print")}</button>
                        {has_answers.then(|| view! {
                            <button type="button" class="ov-btn" data-testid="export-json" on:click=export_json>{tr("ui.results.export_json")}</button>
                        })}
                        <button type="button" class="ov-btn" data-testid="export-csv" on:click=export_csv>{tr("ui.results.export_csv")}</button>
                    </div>
                </section>
                {if shared {
                    view! {
                        <StartOwn primary=true/>
                    }.into_any()
                } else {
                    view! {
                        <div class="ov-nav ov-nav--wrap">
                            <button type="button" class="ov-btn" data-testid="edit-answers" on:click=move |_| state.go(Screen::Review)>
                                {tr("ui.results.edit")}
                            </button>
                            <StartOver/>
                        </div>
                    }.into_any()
                }}
            </div>
        </section>
    }
}
