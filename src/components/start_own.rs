//! "Start my own assessment": the way out of a shared result, a team view or a link error back
//! to the visitor's own (saved) assessment.

use crate::components::text::tr;
use crate::state::use_app;
use leptos::prelude::*;

#[component]
pub fn StartOwn(
    /// Draw it as the primary button (after an error) rather than a quiet link.
    #[prop(optional)]
    primary: bool,
) -> impl IntoView {
    let state = use_app();
    let class = if primary { "ov-btn ov-btn--primary" } else { "ov-btn ov-btn--quiet" };
    view! {
        <div class="ov-nav ov-no-print">
            <button type="button" class=class data-testid="start-own" on:click=move |_| state.open_own_assessment()>
                {tr("ui.shared.start_own")}
            </button>
        </div>
    }
}
