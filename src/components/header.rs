//! The header: product or consultancy name and the language switch (`markup::app::header`).
//!
//! Drawn once, not on every change of language: redrawing would replace the select the person
//! is using and lose their focus. A change of language updates the translated texts and the
//! selection in place instead.

use crate::components::actions::set_text;
use crate::state::use_app;
use leptos::prelude::*;
use overlap_core::i18n::{key, Locale};
use overlap_core::markup;
use overlap_core::ui::ids;

#[component]
pub fn Header() -> impl IntoView {
    let state = use_app();
    let html = state.config.with_value(|c| {
        let mut o = markup::Html::new();
        markup::app::header(&mut o, state.locale.get_untracked(), c.consultancy_name.as_deref(), c.logo.as_ref());
        o.into_string()
    });
    Effect::new(move |_| {
        let locale = state.locale.get();
        set_text(ids::BRAND_TEXT, locale.t(key::ui::BRAND));
        set_text(ids::LANG_LABEL, locale.t(key::ui::LANGUAGE));
        show_selected(locale);
    });
    let on_change = move |ev: leptos::ev::Event| {
        let Some(l) = Locale::from_tag(&event_target_value(&ev)) else { return };
        wasm_bindgen_futures::spawn_local(async move {
            // When the language's text could not be loaded, the switch shows the page's
            // language again (the notice says why).
            if !state.choose_locale(l).await {
                show_selected(state.locale.get_untracked());
            }
        });
    };
    view! { <header class="ov-header" inner_html=html on:change=on_change></header> }
}

/// Shows `locale` as the switch's selection.
fn show_selected(locale: Locale) {
    if let Some(select) = crate::adapters::by_id::<web_sys::HtmlSelectElement>(ids::LANG_SELECT) {
        select.set_value(locale.code());
    }
}
