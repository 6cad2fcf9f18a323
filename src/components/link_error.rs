//! What a visitor sees when a link cannot be opened: what is wrong, and a way forward.

use crate::state::use_app;
use crate::components::text::tr;
use crate::components::start_own::StartOwn;
use leptos::prelude::*;
use overlap_core::share::LinkError;

#[component]
pub fn LinkErrorView(error: LinkError) -> impl IntoView {
    let state = use_app();
    let message = move || overlap_core::present::link_error_text(state.locale.get(), error);
    view! {
        <section class="ov-screen" aria-labelledby="ov-title" data-testid="link-error" data-error=error.id()>
            <h1 id="ov-title" tabindex="-1">{tr("ui.link_error.title")}</h1>
            <p role="alert">{message}</p>
            <p>{tr("ui.link_error.own_answers_safe")}</p>
            <StartOwn/>
        </section>
    }
}
