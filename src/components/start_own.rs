//! "Start my own assessment" after a link error: back to the visitor's own (saved)
//! assessment. The results screens draw theirs in the results module's markup.

use crate::components::text::tr;
use crate::state::use_app;
use leptos::prelude::*;

/// The way forward after a link error; the results screens draw their own in their markup.
#[component]
pub fn StartOwn() -> impl IntoView {
    let state = use_app();
    view! {
        <div class="ov-nav ov-no-print">
            <button type="button" class="ov-btn ov-btn--primary" data-testid="start-own" on:click=move |_| state.open_own_assessment()>
                {tr("ui.shared.start_own")}
            </button>
        </div>
    }
}
