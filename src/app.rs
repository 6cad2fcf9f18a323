//! The root component: provides the view-model, keeps `<html lang>`, focus and the URL fragment
//! in sync, and shows the assessment, a shared result or the team view.

use crate::adapters::location;
use crate::components::{
    actions, flow::Flow, header::Header, link_error::LinkErrorView, notice::NoticeBar, on_demand::OnDemandScreen,
};
use crate::state::{provide_app, AppState, Mode};
use leptos::prelude::*;
use overlap_core::config::Config;
use overlap_core::ui::ids;
use wasm_bindgen::JsCast;

#[component]
pub fn App(config: Config) -> impl IntoView {
    let state = AppState::with_config(config);
    provide_app(state);
    // An invitation's round key, if the page was opened with one.
    state.take_invitation_key();

    // Keeps `<html lang>` equal to the locale, so assistive technology reads the right language.
    Effect::new(move |_| location::set_document_lang(state.locale.get().code()));

    // Moves keyboard focus to the new screen's heading (or a requested element) after
    // navigation, once the new screen is in the DOM. Skipped on first load.
    Effect::new(move |previous: Option<u32>| {
        let n = state.focus_request.get();
        if previous.is_some() {
            request_animation_frame(move || focus_target(state.take_focus_target()));
        }
        n
    });

    // Follows the fragment when a link is pasted into the address bar of an open tab.
    let handle = location::on_hash_change(move || state.follow_hash());
    on_cleanup(move || handle.remove());

    view! {
        <div class="ov-app" on:click=move |ev| actions::on_click(state, &ev)>
            <Header/>
            <NoticeBar/>
            <main class="ov-main">
                {move || match state.mode.get() {
                    Mode::Assessment => view! { <Flow/> }.into_any(),
                    Mode::OnDemand(screen) => view! { <OnDemandScreen screen/> }.into_any(),
                    Mode::LinkError(e) => view! { <LinkErrorView error=e/> }.into_any(),
                }}
            </main>
        </div>
    }
}

fn focus_target(id: Option<String>) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let id = id.unwrap_or_else(|| ids::TITLE.to_string());
    let el = document.get_element_by_id(&id).or_else(|| document.get_element_by_id(ids::TITLE));
    if let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = el.focus_with_options(&options);
        // A new screen shows from its top (progress included); a jump shows its target.
        let scroll_to = if id == ids::TITLE { document.get_element_by_id(crate::HOST_ID) } else { Some(el.into()) };
        if let Some(target) = scroll_to {
            target.scroll_into_view_with_bool(true);
        }
    }
}
