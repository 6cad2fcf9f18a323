//! The team view: paste (or open a file of) result links, optionally a baseline round, and see
//! the combined picture. The form, the figures and the team link are markup from the results
//! module; this component keeps what the boxes hold and handles the buttons by delegation.
//! Everything happens in this browser; nothing is uploaded.

use crate::adapters::{download, results};
use crate::components::report_view::{action_of, load_results, print, surroundings, LoadFailed, Loaded, Waiting};
use crate::components::start_own::StartOwn;
use crate::state::use_app;
use leptos::prelude::*;
use leptos::task::spawn_local;
use overlap_core::share::LinkError;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

const LINKS: &str = "ov-team-links";
const BASELINE: &str = "ov-team-baseline";

#[component]
pub fn Team() -> impl IntoView {
    let state = use_app();
    // What the two boxes hold, kept here so a language change (which redraws the form) keeps it.
    let links = StoredValue::new(String::new());
    let baseline = StoredValue::new(String::new());
    let retry = RwSignal::new(0u32);
    let form = load_results(state, retry, move |locale| {
        let (l, b) = (links.get_value(), baseline.get_value());
        async move { results::team_form(locale, &l, &b).await }
    });
    // The links and baseline of the last "combine", and what the results module made of them.
    let request = RwSignal::new(None::<(String, String)>);
    let combined = RwSignal::new(None::<Loaded<results::Screen>>);
    let threshold = state.team_threshold;
    Effect::new(move |_| {
        let locale = state.locale.get();
        retry.track();
        let Some((links, baseline)) = request.get() else { return };
        let share_base = surroundings(state).share_base;
        spawn_local(async move {
            let out = match results::team(locale, &links, &baseline, threshold, &share_base).await {
                Ok(out) => Loaded::Ready(out),
                Err(results::Unavailable) => Loaded::Unavailable,
            };
            combined.set(Some(out));
            state.request_focus("ov-team-result");
        });
    });

    let on_input = move |ev: leptos::ev::Event| {
        let Some(area) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) else { return };
        match area.id().as_str() {
            LINKS => links.set_value(area.value()),
            BASELINE => baseline.set_value(area.value()),
            _ => {}
        }
    };
    // Reads a chosen text file into the links box (appended, so several files can be added).
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        spawn_local(async move {
            let Ok(text) = JsFuture::from(file.text()).await else { return };
            let text = text.as_string().unwrap_or_default();
            links.update_value(|l| {
                if !l.is_empty() && !l.ends_with('\n') {
                    l.push('\n');
                }
                l.push_str(&text);
            });
            let area = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(LINKS));
            if let Some(area) = area.and_then(|a| a.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) {
                area.set_value(&links.get_value());
            }
        });
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some((action, _)) = action_of(&ev) else { return };
        match action.as_str() {
            "team-analyse" => request.set(Some((links.get_value(), baseline.get_value()))),
            "team-print" => print(),
            "team-csv" => {
                if let Some(Loaded::Ready(out)) = combined.get_untracked() {
                    download::offer("overlap-team.csv", "text/csv", &out.csv);
                }
            }
            _ => {}
        }
    };
    move || match form.get() {
        Loaded::Waiting => view! { <Waiting/> }.into_any(),
        Loaded::Unavailable => view! { <LoadFailed retry=retry/> }.into_any(),
        Loaded::Ready(html) => view! {
            <section class="ov-screen ov-team" aria-labelledby="ov-title" data-testid="team" on:input=on_input on:change=on_change on:click=on_click>
                <div inner_html=html></div>
                {move || match combined.get() {
                    Some(Loaded::Ready(out)) => view! { <div id="ov-team-result" tabindex="-1" inner_html=out.html></div> }.into_any(),
                    Some(Loaded::Unavailable) => view! { <LoadFailed retry=retry/> }.into_any(),
                    Some(Loaded::Waiting) => view! { <Waiting/> }.into_any(),
                    None => ().into_any(),
                }}
                <StartOwn/>
            </section>
        }
        .into_any(),
    }
}

/// A team summary link opened: the aggregate figures only, read-only.
#[component]
pub fn TeamSummaryView(fragment: String) -> impl IntoView {
    let state = use_app();
    let retry = RwSignal::new(0u32);
    let output = load_results(state, retry, move |locale| {
        let fragment = fragment.clone();
        async move { results::team_summary(locale, &fragment).await }
    });
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if action_of(&ev).is_some_and(|(a, _)| a == "start-own") {
            state.open_own_assessment();
        }
    };
    move || match output.get() {
        Loaded::Waiting => view! { <Waiting/> }.into_any(),
        Loaded::Unavailable => view! { <LoadFailed retry=retry/> }.into_any(),
        Loaded::Ready(None) => view! { <crate::components::link_error::LinkErrorView error=LinkError::Garbled/> }.into_any(),
        Loaded::Ready(Some(html)) => view! { <div inner_html=html on:click=on_click></div> }.into_any(),
    }
}
