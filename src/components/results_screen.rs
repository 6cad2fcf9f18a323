//! Every screen the results module renders (own or shared results, the team view, a team
//! summary): one component that asks for the markup, shows it, and handles its controls by
//! delegation. Buttons carry `data-action`; the share level radios swap the link from data
//! attributes; the team boxes are kept here so a redraw (a language change, "combine") keeps
//! them. While the module loads it says so; if it cannot load, it says that and offers a retry.

use crate::adapters::results::{self, Context, Request};
use crate::adapters::{by_id, clipboard, download, location};
use crate::components::link_error::LinkErrorView;
use crate::components::start_over::StartOver;
use crate::components::text::tr;
use crate::state::{use_app, AppState, Screen};
use leptos::prelude::*;
use leptos::task::spawn_local;
use overlap_core::markup::controls::Surroundings;
use overlap_core::share::LinkError;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// What the screen has to show.
#[derive(Clone, Debug, PartialEq)]
enum Loaded {
    Waiting,
    /// `[html, …file contents]` from the results module; empty when the link did not decode.
    Ready(Vec<String>),
    /// The results module did not load (offline, a blocked file).
    Unavailable,
}

const LINKS: &str = "ov-team-links";
const BASELINE: &str = "ov-team-baseline";

#[component]
pub fn ResultsScreen(request: Request) -> impl IntoView {
    let state = use_app();
    let own_report = matches!(request, Request::Report { shared: false, .. });
    let request = StoredValue::new(request);
    let output = RwSignal::new(Loaded::Waiting);
    let retry = RwSignal::new(0u32);
    // What the team boxes hold.
    let links = StoredValue::new(String::new());
    let baseline = StoredValue::new(String::new());

    // The files the screen offers (exports), from the latest answer: `[JSON, CSV]` for a report,
    // `[CSV]` for the team view.
    let files = StoredValue::new(Vec::<String>::new());
    let context = move |locale: overlap_core::i18n::Locale| Context {
        locale,
        // Only the report prints a date; formatting one costs a few milliseconds in Chromium.
        date: if matches!(request.get_value(), Request::Report { .. }) {
            String::from(js_sys::Date::new_0().to_locale_date_string(locale.code(), &wasm_bindgen::JsValue::UNDEFINED))
        } else {
            String::new()
        },
        around: surroundings(state),
        threshold: state.config.with_value(|c| c.team_threshold),
        links: links.get_value(),
        baseline: baseline.get_value(),
    };

    // Asks again whenever the language changes and on retry.
    Effect::new(move |_| {
        let locale = state.locale.get();
        retry.track();
        let request = request.get_value();
        let cx = context(locale);
        let first = !matches!(output.get_untracked(), Loaded::Ready(_));
        spawn_local(async move {
            let value = match results::render(&request, &cx).await {
                Ok(v) => {
                    files.set_value(v.iter().skip(1).cloned().collect());
                    Loaded::Ready(v)
                }
                Err(results::Unavailable) => Loaded::Unavailable,
            };
            output.set(value);
            // The app's own focus step ran while the screen was still waiting: after a
            // navigation, move focus to the new heading now.
            if first && state.focus_request.get_untracked() > 0 {
                state.request_focus("ov-title");
            }
        });
    });

    let file = move |index: usize| files.with_value(|f| f.get(index).cloned().unwrap_or_default());
    // "Combine": only the figures are asked for and put in their place; the form, and what the
    // boxes hold, stay as they are. A later redraw (language) then includes the figures.
    let combine = move || {
        request.set_value(Request::Team { combined: true });
        let cx = context(state.locale.get_untracked());
        spawn_local(async move {
            match results::render(&Request::TeamResult, &cx).await {
                Ok(v) if !v.is_empty() => {
                    files.set_value(v[1..].to_vec());
                    if let Some(place) = by_id::<web_sys::Element>("ov-team-result") {
                        place.set_inner_html(&v[0]);
                    }
                    state.request_focus("ov-team-result");
                }
                _ => output.set(Loaded::Unavailable),
            }
        });
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some(target) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
        let Some(action) = target.closest("[data-action]").ok().flatten().and_then(|e| e.get_attribute("data-action")) else { return };
        match action.as_str() {
            "print" | "team-print" => {
                if let Some(w) = web_sys::window() {
                    let _ = w.print();
                }
            }
            "export-json" => {
                download::offer("overlap-result.json", "application/json", &file(0));
            }
            "export-csv" => {
                download::offer("overlap-scores.csv", "text/csv", &file(1));
            }
            "team-csv" => {
                download::offer("overlap-team.csv", "text/csv", &file(0));
            }
            "copy-link" => copy_link(),
            "start-own" => state.open_own_assessment(),
            "team-analyse" => combine(),
            _ => {}
        }
    };
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        if input.name() == "ov-share-level" {
            // The share level radios swap the link shown between the full and summary links.
            if let Some(link) = by_id::<web_sys::HtmlInputElement>("ov-share-link") {
                link.set_value(&link.get_attribute(&format!("data-{}", input.value())).unwrap_or_default());
            }
            set_copy_status(None);
        } else if let Some(file) = input.files().and_then(|f| f.get(0)) {
            // A text file of links is appended to the links box, so several can be added.
            spawn_local(async move {
                let Ok(text) = JsFuture::from(file.text()).await else { return };
                links.update_value(|l| {
                    if !l.is_empty() && !l.ends_with('\n') {
                        l.push('\n');
                    }
                    l.push_str(&text.as_string().unwrap_or_default());
                });
                if let Some(area) = by_id::<web_sys::HtmlTextAreaElement>(LINKS) {
                    area.set_value(&links.get_value());
                }
            });
        }
    };
    let on_input = move |ev: leptos::ev::Event| {
        let Some(area) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) else { return };
        match area.id().as_str() {
            LINKS => links.set_value(area.value()),
            BASELINE => baseline.set_value(area.value()),
            _ => {}
        }
    };

    move || match output.get() {
        Loaded::Waiting => view! { <p class="ov-loading" role="status" data-testid="results-loading">{tr("ui.results.loading")}</p> }.into_any(),
        Loaded::Unavailable => view! {
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
        .into_any(),
        // The app checked the link before showing this screen, so this is a link the results
        // module reads differently (a newer app, an older module): say so rather than go blank.
        Loaded::Ready(v) if v.is_empty() => view! { <LinkErrorView error=LinkError::Garbled/> }.into_any(),
        Loaded::Ready(v) => view! {
            <div class="ov-results-host" inner_html=v[0].clone() on:click=on_click on:change=on_change on:input=on_input></div>
            {own_report.then(|| view! {
                <div class="ov-nav ov-nav--wrap ov-no-print">
                    <button type="button" class="ov-btn" data-testid="edit-answers" on:click=move |_| state.go(Screen::Review)>
                        {tr("ui.results.edit")}
                    </button>
                    <StartOver/>
                </div>
            })}
        }
        .into_any(),
    }
}

/// Where share links point and the call to action, from the configuration.
fn surroundings(state: AppState) -> Surroundings {
    state.config.with_value(|c| Surroundings {
        share_base: c.share_base_url.clone().unwrap_or_else(location::page_url),
        cta: c.cta.clone(),
    })
}

/// Copies the share link: the Clipboard API, or the link selected for copying by hand.
fn copy_link() {
    let text = by_id::<web_sys::HtmlInputElement>("ov-share-link").map(|i| i.value()).unwrap_or_default();
    spawn_local(async move {
        if clipboard::copy(&text).await {
            set_copy_status(Some("data-copied"));
        } else {
            set_copy_status(Some("data-manual"));
            clipboard::select_input("ov-share-link");
        }
    });
}

/// The share panel's status line: one of the texts the markup carries as data attributes.
fn set_copy_status(which: Option<&str>) {
    let status = web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector("[data-testid=copy-status]").ok().flatten());
    if let Some(status) = status {
        let text = which.and_then(|w| status.get_attribute(w));
        status.set_text_content(text.as_deref());
    }
}
