//! What a visitor sees when a link cannot be opened: what is wrong, and a way forward
//! (`markup::app::link_error`; its button is handled on the app's root).

use crate::state::use_app;
use leptos::prelude::*;
use overlap_core::markup;
use overlap_core::share::LinkError;

#[component]
pub fn LinkErrorView(error: LinkError) -> impl IntoView {
    let state = use_app();
    let html = move || {
        let mut o = markup::Html::new();
        markup::app::link_error(&mut o, state.locale.get(), error);
        o.into_string()
    };
    view! { <div inner_html=html></div> }
}
