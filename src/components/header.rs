//! The header: product name and the language switch (a native select, labelled).

use crate::state::use_app;
use crate::components::text::tr;
use leptos::prelude::*;
use overlap_core::i18n::Locale;

#[component]
pub fn Header() -> impl IntoView {
    let state = use_app();
    let on_change = move |ev: leptos::ev::Event| {
        let Some(l) = Locale::from_tag(&event_target_value(&ev)) else { return };
        let select = event_target::<web_sys::HtmlSelectElement>(&ev);
        wasm_bindgen_futures::spawn_local(async move {
            // When the language's text could not be loaded, the switch shows the page's
            // language again (the notice says why).
            if !state.choose_locale(l).await {
                select.set_value(state.locale.get_untracked().code());
            }
        });
    };
    let (name, logo) = state.config.with_value(|c| (c.consultancy_name.clone(), c.logo.clone()));
    // The consultancy's name and logo are text and an attribute, never HTML.
    let logo = logo.map(|src| {
        let alt = name.clone().unwrap_or_default();
        view! { <img src=src alt=alt/> }
    });
    let has_name = name.is_some();
    view! {
        <header class="ov-header">
            <p class="ov-brand" data-testid="brand">
                {logo}
                {name.map(|n| view! { <span>{n}</span> })}
                {(!has_name).then(|| tr("ui.brand"))}
            </p>
            <div class="ov-lang">
                <label for="ov-lang-select">{tr("ui.language")}</label>
                <select id="ov-lang-select" data-testid="locale-switch" on:change=on_change>
                    {Locale::ALL
                        .into_iter()
                        .filter(|l| l.is_available())
                        .map(|l| {
                            view! {
                                <option value=l.code() selected=move || state.locale.get() == l lang=l.code()>
                                    {l.t("ui.language_name")}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
        </header>
    }
}
