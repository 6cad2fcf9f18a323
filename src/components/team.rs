//! The team view: paste (or open a file of) result links, optionally a baseline round, and see
//! the combined picture that `overlap_core::aggregate` computes and `markup::team` renders.
//! Everything happens in this browser; nothing is uploaded.

use crate::adapters::{download, results};
use crate::components::report_view::{load_results, LoadFailed, Loaded, Waiting};
use crate::components::start_own::StartOwn;
use crate::components::text::tr;
use crate::state::use_app;
use leptos::prelude::*;
use leptos::task::spawn_local;
use overlap_core::results::TeamOutput;
use overlap_core::share::LinkError;
use overlap_core::team_link;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[component]
pub fn Team() -> impl IntoView {
    let state = use_app();
    let links = RwSignal::new(String::new());
    let baseline = RwSignal::new(String::new());
    // The links and baseline of the last "combine", and what the results module made of them.
    let request = RwSignal::new(None::<(String, String)>);
    let combined = RwSignal::new(None::<Loaded<TeamOutput>>);
    let threshold = state.team_threshold;

    // Re-run on each combine and on a language change; a failed load can be retried.
    let retry = RwSignal::new(0u32);
    Effect::new(move |_| {
        let locale = state.locale.get();
        retry.track();
        let Some((links, baseline)) = request.get() else { return };
        combined.set(Some(Loaded::Waiting));
        spawn_local(async move {
            let out = match results::team(locale, &links, &baseline, threshold).await {
                Ok(out) => Loaded::Ready(out),
                Err(results::Unavailable) => Loaded::Unavailable,
            };
            combined.set(Some(out));
            state.request_focus("ov-team-result");
        });
    });
    let combine = move |_| request.set(Some((links.get_untracked(), baseline.get_untracked())));
    // Reads a chosen text file into the links box (appended, so several files can be added).
    let open_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        spawn_local(async move {
            if let Ok(text) = JsFuture::from(file.text()).await {
                let text = text.as_string().unwrap_or_default();
                links.update(|l| {
                    if !l.is_empty() && !l.ends_with('\n') {
                        l.push('\n');
                    }
                    l.push_str(&text);
                });
            }
        });
    };
    let ready = move || combined.with(|c| match c {
        Some(Loaded::Ready(out)) => Some(out.clone()),
        _ => None,
    });
    let export_csv = move |_| {
        if let Some(out) = ready() {
            download::offer("overlap-team.csv", "text/csv", &out.csv);
        }
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <section class="ov-screen ov-team" aria-labelledby="ov-title" data-testid="team">
            <h1 id="ov-title" tabindex="-1">{tr("ui.team.title")}</h1>
            <p class="ov-lead">{tr("ui.team.intro")}</p>
            <div class="ov-card ov-no-print">
                <LinksField id="ov-team-links" label="ui.team.paste_label" hint="ui.team.paste_hint" rows=8 value=links/>
                <label for="ov-team-file" class="ov-label">{tr("ui.team.file_label")}</label>
                <input id="ov-team-file" type="file" accept=".txt,text/plain" data-testid="team-file" on:change=open_file/>
                <details class="ov-details">
                    <summary>{tr("ui.team.baseline_label")}</summary>
                    <LinksField id="ov-team-baseline" label="ui.team.baseline_label" hint="ui.team.baseline_hint" rows=5 value=baseline/>
                </details>
                <div class="ov-nav">
                    <button type="button" class="ov-btn ov-btn--primary" data-testid="team-analyse" on:click=combine>
                        {tr("ui.team.analyse")}
                    </button>
                </div>
            </div>
            {move || match combined.get() {
                Some(Loaded::Waiting) => view! { <Waiting/> }.into_any(),
                Some(Loaded::Unavailable) => view! { <LoadFailed retry=retry/> }.into_any(),
                Some(Loaded::Ready(out)) => view! { <div id="ov-team-result" tabindex="-1" inner_html=out.html></div> }.into_any(),
                None => ().into_any(),
            }}
            {move || ready().map(|out| {
                let payload = out.summary_payload;
                let base = state.config.with_value(|c| c.share_base_url.clone()).unwrap_or_else(crate::adapters::location::page_url);
                let link = format!("{base}#{}{payload}", team_link::FRAGMENT_PREFIX);
                view! {
                    <section class="ov-card ov-no-print" aria-labelledby="ov-team-link-h" data-testid="team-link-card">
                        <h2 id="ov-team-link-h">{tr("ui.team.link_title")}</h2>
                        <p>{tr("ui.team.link_intro")}</p>
                        <label for="ov-team-link" class="ov-label">{tr("ui.share.link_label")}</label>
                        <input id="ov-team-link" class="ov-textarea" data-testid="team-link" type="text" readonly=true prop:value=link/>
                    </section>
                }
            })}
            {move || ready().is_some().then(|| view! {
                <div class="ov-nav ov-nav--wrap ov-no-print">
                    <button type="button" class="ov-btn" data-testid="team-print" on:click=print>{tr("ui.team.print")}</button>
                    <button type="button" class="ov-btn" data-testid="team-csv" on:click=export_csv>{tr("ui.team.export_csv")}</button>
                </div>
            })}
            <StartOwn/>
        </section>
    }
}

/// A labelled text area for links, with its hint tied to it by `aria-describedby`.
#[component]
fn LinksField(id: &'static str, label: &'static str, hint: &'static str, rows: u32, value: RwSignal<String>) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let testid = id.trim_start_matches("ov-");
    view! {
        <label for=id class="ov-label">{tr(label)}</label>
        <p class="ov-hint" id=hint_id.clone()>{tr(hint)}</p>
        <textarea
            id=id
            class="ov-textarea"
            data-testid=testid
            rows=rows.to_string()
            aria-describedby=hint_id
            prop:value=move || value.get()
            on:input=move |ev| value.set(event_target_value(&ev))
        ></textarea>
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
    move || match output.get() {
        Loaded::Waiting => view! { <Waiting/> }.into_any(),
        Loaded::Unavailable => view! { <LoadFailed retry=retry/> }.into_any(),
        Loaded::Ready(None) => view! { <crate::components::link_error::LinkErrorView error=LinkError::Garbled/> }.into_any(),
        Loaded::Ready(Some(html)) => view! {
            <section class="ov-screen ov-team" aria-labelledby="ov-title" data-testid="team-summary">
                <p class="ov-banner" data-testid="team-summary-banner">{tr("ui.team.summary_banner")}</p>
                <h1 id="ov-title" tabindex="-1">{tr("ui.team.title")}</h1>
                <div inner_html=html></div>
                <StartOwn/>
            </section>
        }.into_any(),
    }
}
