//! The notice bar: a short, dismissible status message when progress cannot be kept or a
//! language's text could not be loaded. The live region stays in place and only its content
//! changes, so screen readers announce each notice; "dismiss" is handled on the app's root.

use crate::state::use_app;
use leptos::prelude::*;
use overlap_core::markup;

#[component]
pub fn NoticeBar() -> impl IntoView {
    let state = use_app();
    let content = move || {
        let locale = state.locale.get();
        state.notice.get().map_or_else(String::new, |n| {
            let text = n.text(n.locale().unwrap_or(locale));
            let mut o = markup::Html::new();
            markup::app::notice(&mut o, locale, &text, n.locale().map(|l| l.code()));
            o.into_string()
        })
    };
    view! { <div class="ov-notice-region" role="status" aria-live="polite" inner_html=content></div> }
}
