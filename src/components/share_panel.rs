//! The share panel: choose full or summary, see the link, copy it (Clipboard API, or the link
//! selected in a field when the browser refuses, as it often does inside iframes).

use crate::adapters::{clipboard, location};
use crate::state::use_app;
use crate::components::text::tr;
use leptos::prelude::*;
use leptos::task::spawn_local;
use overlap_core::share::{self, Level};

/// `full` and `summary` are the two links' payloads (what follows `#r=`).
#[component]
pub fn SharePanel(full: String, summary: String) -> impl IntoView {
    let state = use_app();
    let level = RwSignal::new(Level::Full);
    let status = RwSignal::new(None::<&'static str>);
    let link = move || {
        let payload = match level.get() {
            Level::Full => &full,
            Level::Summary => &summary,
        };
        // When embedded, links point at the standalone app (configured), not the host page.
        let base = state.config.with_value(|c| c.share_base_url.clone()).unwrap_or_else(location::page_url);
        format!("{base}#{}{payload}", share::FRAGMENT_PREFIX)
    };
    let link = Memo::new(move |_| link());
    let copy = move |_| {
        let text = link.get_untracked();
        spawn_local(async move {
            if clipboard::copy(&text).await {
                status.set(Some("ui.share.copied"));
            } else {
                status.set(Some("ui.share.copy_manually"));
                clipboard::select_input("ov-share-link");
            }
        });
    };
    let level_option = move |l: Level, key: &'static str, hint: &'static str, testid: &'static str| {
        view! {
            <label class="ov-opt">
                <input
                    type="radio"
                    name="ov-share-level"
                    data-testid=testid
                    prop:checked=move || level.get() == l
                    on:change=move |_| {
                        level.set(l);
                        status.set(None);
                    }
                />
                <span>
                    <strong>{tr(key)}</strong>
                    <span class="ov-opt__hint">{tr(hint)}</span>
                </span>
            </label>
        }
    };
    view! {
        <section class="ov-card" aria-labelledby="ov-share-h" data-testid="share">
            <h2 id="ov-share-h">{tr("ui.share.title")}</h2>
            <p>{tr("ui.share.privacy")}</p>
            <fieldset class="ov-q">
                <legend class="ov-q__text">{tr("ui.share.level")}</legend>
                <div class="ov-choices">
                    {level_option(Level::Full, "ui.share.full", "ui.share.full_hint", "share-full")}
                    {level_option(Level::Summary, "ui.share.summary", "ui.share.summary_hint", "share-summary")}
                </div>
            </fieldset>
            <label for="ov-share-link" class="ov-label">{tr("ui.share.link_label")}</label>
            <div class="ov-share-row">
                <input id="ov-share-link" data-testid="share-link" type="text" readonly=true prop:value=move || link.get()/>
                <button type="button" class="ov-btn ov-btn--primary" data-testid="copy-link" on:click=copy>
                    {tr("ui.share.copy")}
                </button>
            </div>
            <p class="ov-status" role="status" data-testid="copy-status">{move || status.get().map(|k| state.t(k))}</p>
        </section>
    }
}
