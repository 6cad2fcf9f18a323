//! What a visitor sees when a link cannot be opened: what is wrong, and a way forward.

use crate::state::use_app;
use crate::components::text::tr;
use crate::components::start_own::StartOwn;
use leptos::prelude::*;
use overlap_core::share::LinkError;

#[component]
pub fn LinkErrorView(error: LinkError) -> impl IntoView {
    let state = use_app();
    let message = move || {
        let locale = state.locale.get();
        match error {
            LinkError::UnknownVersion(v) => locale.fmt("ui.link_error.unknown_version", &[("version", &v.to_string())]),
            e => locale.t(&format!("ui.link_error.{}", e.id())).to_string(),
        }
    };
    view! {
        <section class="ov-screen" aria-labelledby="ov-title" data-testid="link-error" data-error=error.id()>
            <h1 id="ov-title" tabindex="-1">{tr("ui.link_error.title")}</h1>
            <p role="alert">{message}</p>
            <p>{tr("ui.link_error.own_answers_safe")}</p>
            <StartOwn primary=true/>
        </section>
    }
}
