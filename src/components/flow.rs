//! The assessment flow: hosts the current screen's markup and turns its answers into view-model
//! calls. Inputs are named `q:<answer key>` (or `role`); buttons carry `data-action` and are
//! handled on the app's root (`actions`).

use crate::adapters::results::Request;
use crate::components::actions::set_text;
use crate::components::results_screen::ResultsScreen;
use crate::state::{use_app, Screen};
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
            // Someone resuming can also start over from here.
            Screen::Welcome if response.role.is_some() => {
                markup::welcome(locale, true) + &markup::app::start_over_row(locale)
            }
            Screen::Welcome => markup::welcome(locale, false),
            Screen::Role => markup::role(locale, response.role),
            Screen::Section(s) => {
                let sections = state.sections();
                let position = sections.iter().position(|x| *x == s).map_or(1, |p| p + 1);
                match response.role {
                    Some(role) => markup::section(instrument, locale, role, s, position, sections.len(), &response),
                    None => markup::role(locale, None),
                }
            }
            Screen::Review => {
                markup::review(instrument, locale, &response, state.sections().len())
                    + &markup::app::start_over_row(locale)
            }
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
        } else if let (Some(key), Some(answer)) =
            (name.strip_prefix(markup::INPUT_PREFIX), markup::parse_answer_value(&value))
        {
            state.answer(key, answer);
        }
    };
    view! {
        {move || match state.screen.get() {
            Screen::Results => view! { <ResultsScreen request=Request::Report { fragment: state.own_fragment(), shared: false }/> }.into_any(),
            _ => view! { <div class="ov-flow" inner_html=html on:change=on_change></div> }.into_any(),
        }}
    }
}
