//! The team view's entry: not built yet in this version of the product, so it says so plainly
//! and offers the way back instead of showing an empty screen.

use crate::state::use_app;
use crate::components::text::tr;
use leptos::prelude::*;

#[component]
pub fn Team() -> impl IntoView {
    let state = use_app();
    view! {
        <section class="ov-screen" aria-labelledby="ov-title" data-testid="team">
            <h1 id="ov-title" tabindex="-1">{tr("ui.team.title")}</h1>
            <p>{tr("ui.team.not_yet")}</p>
            <div class="ov-nav">
                <button type="button" class="ov-btn ov-btn--primary" on:click=move |_| state.open_own_assessment()>
                    {tr("ui.shared.start_own")}
                </button>
            </div>
        </section>
    }
}
