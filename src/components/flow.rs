//! The assessment flow: hosts the current screen's markup and turns its events into view-model
//! calls. Inputs are named `q:<answer key>` (or `role`); buttons carry `data-action`.

use crate::adapters::results::Request;
use crate::components::results_screen::ResultsScreen;
use crate::components::start_over::StartOver;
use crate::state::{use_app, AppState, Screen};
use leptos::prelude::*;
use overlap_core::markup;
use overlap_core::Role;
use wasm_bindgen::JsCast;

#[component]
pub fn Flow() -> impl IntoView {
    let state = use_app();
    // Re-rendered on navigation and language change only. Answers are read untracked: an
    // answer changes the radio the user just clicked, so the DOM is already right, and not
    // re-rendering keeps focus and caret where they are.
    let html = move || {
        let locale = state.locale.get();
        let screen = state.screen.get();
        let response = state.response.get_untracked();
        let instrument = state.instrument();
        match screen {
            Screen::Welcome => markup::welcome(locale, response.role.is_some()),
            Screen::Role => markup::role(locale, response.role),
            Screen::Section(s) => {
                let sections = state.sections();
                let position = sections.iter().position(|x| *x == s).map_or(1, |p| p + 1);
                match response.role {
                    Some(role) => markup::section(instrument, locale, role, s, position, sections.len(), &response),
                    None => markup::role(locale, None),
                }
            }
            Screen::Review => markup::review(instrument, locale, &response, state.sections().len()),
            Screen::Results => String::new(),
        }
    };
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let (name, value) = (input.name(), input.value());
        if name == "role" {
            if let Some(role) = Role::from_id(&value) {
                state.set_role(role);
                set_text("ov-role-error", "");
            }
        } else if let (Some(key), Some(answer)) = (name.strip_prefix(markup::INPUT_PREFIX), markup::parse_answer_value(&value)) {
            state.answer(key, answer);
        }
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let target = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let Some(el) = target.and_then(|e| e.closest("[data-action]").ok().flatten()) else { return };
        act(state, &el);
    };
    view! {
        {move || match state.screen.get() {
            Screen::Results => view! { <ResultsScreen request=Request::Report { fragment: state.own_fragment(), shared: false }/> }.into_any(),
            _ => view! { <div class="ov-flow" inner_html=html on:change=on_change on:click=on_click></div> }.into_any(),
        }}
        {move || matches!(state.screen.get(), Screen::Review).then(|| view! { <div class="ov-nav ov-nav--wrap"><StartOver/></div> })}
        {move || (state.screen.get() == Screen::Welcome && state.role().is_some()).then(|| view! { <div class="ov-nav ov-nav--wrap"><StartOver/></div> })}
    }
}

/// Carries out a `data-action` button of the flow's markup.
fn act(state: AppState, el: &web_sys::Element) {
    let screen = state.screen.get_untracked();
    match el.get_attribute("data-action").as_deref() {
        Some("start") => state.go(Screen::Role),
        Some("team") => state.open_team(),
        Some("back") => state.go(state.previous_from(screen)),
        Some("next") if screen == Screen::Role && state.role().is_none() => {
            set_text("ov-role-error", state.t_now("ui.role.required"));
            state.request_focus("ov-role-error");
        }
        Some("next") => state.go(state.next_from(screen)),
        Some("results") => state.go(Screen::Results),
        Some("jump") => {
            let section = el.get_attribute("data-section").and_then(|s| s.parse().ok());
            if let (Some(section), Some(target)) = (section, el.get_attribute("data-target")) {
                state.jump_to(Screen::Section(section), target);
            }
        }
        _ => {}
    }
}

/// Sets the text of an element of the current screen in place, without re-rendering it.
fn set_text(id: &str, text: &str) {
    if let Some(el) = crate::adapters::by_id::<web_sys::Element>(id) {
        el.set_text_content(Some(text));
    }
}
