//! "Start over": asks for confirmation inline, then wipes the saved answers.

use crate::state::use_app;
use leptos::prelude::*;

#[component]
pub fn StartOver() -> impl IntoView {
    let state = use_app();
    let confirming = RwSignal::new(false);
    view! {
        <div class="ov-start-over">
            {move || if confirming.get() {
                view! {
                    <div role="group" aria-labelledby="ov-confirm-text" class="ov-confirm">
                        <p id="ov-confirm-text">{state.t("ui.start_over.confirm")}</p>
                        <button type="button" class="ov-btn ov-btn--danger" data-testid="confirm-start-over" on:click=move |_| {
                            confirming.set(false);
                            state.start_over();
                        }>{state.t("ui.start_over.yes")}</button>
                        <button type="button" class="ov-btn" on:click=move |_| confirming.set(false)>{state.t("ui.start_over.no")}</button>
                    </div>
                }.into_any()
            } else {
                view! {
                    <button type="button" class="ov-btn ov-btn--quiet" data-testid="start-over" on:click=move |_| confirming.set(true)>
                        {state.t("ui.start_over.button")}
                    </button>
                }.into_any()
            }}
        </div>
    }
}
