//! The notice bar: a short, dismissible status message when progress cannot be kept or a
//! language's text could not be loaded.

use crate::state::use_app;
use crate::components::text::{tr, tr_in};
use leptos::prelude::*;

#[component]
pub fn NoticeBar() -> impl IntoView {
    let state = use_app();
    view! {
        <div class="ov-notice-region" role="status" aria-live="polite">
            {move || {
                state.notice.get().map(|n| {
                    view! {
                        <div class="ov-notice" data-testid="storage-notice">
                            <p lang=n.locale().map(|l| l.code())>{tr_in(n.locale(), n.key())}</p>
                            <button type="button" class="ov-btn ov-btn--quiet" on:click=move |_| state.notice.set(None)>
                                {tr("ui.dismiss")}
                            </button>
                        </div>
                    }
                })
            }}
        </div>
    }
}
