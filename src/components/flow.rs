//! The assessment flow: hosts the current screen's markup and turns its answers into view-model
//! calls. Inputs are named `q:<answer key>` (or `role`); buttons carry a `data-action` and are
//! handled on the app's root (`actions`). Which screens there are and in what order is
//! `overlap_core::flow`.

use crate::components::actions::set_text;
use crate::components::on_demand::OnDemandScreen;
use crate::state::{use_app, OnDemand, Screen};
use leptos::prelude::*;
use overlap_core::markup;
use overlap_core::ui::{ids, names, View};
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
        let flow = state.flow();
        let mut o = markup::Html::with_capacity(16 * 1024);
        match (screen, response.role) {
            // Someone resuming can also start over from here.
            (Screen::Welcome, Some(_)) => {
                markup::welcome(&mut o, locale, true, state.threshold(), state.round_key.get().is_some());
                markup::app::start_over_row(&mut o, locale);
            }
            (Screen::Welcome, None) => {
                markup::welcome(&mut o, locale, false, state.threshold(), state.round_key.get().is_some())
            }
            (Screen::Role, role) | (Screen::Section(..), role @ None) => markup::role(&mut o, locale, role),
            (Screen::Section(s, p), Some(role)) => {
                let (position, total) = flow.progress(screen).unwrap_or((1, 1));
                markup::section(&mut o, instrument, locale, role, (s, p), (position, total), &response);
            }
            (Screen::Review, _) => {
                let (_, total) = flow.progress(screen).unwrap_or((0, 0));
                markup::review(&mut o, instrument, locale, &response, total);
                markup::app::start_over_row(&mut o, locale);
            }
            (Screen::Results, _) => {}
        }
        o.into_string()
    };
    let on_change = move |ev: leptos::ev::Event| {
        // Radios, and the ownership matrix's menus.
        let Some(target) = ev.target() else { return };
        let (name, value) = match target.dyn_ref::<web_sys::HtmlInputElement>() {
            Some(input) => (input.name(), input.value()),
            None => match target.dyn_ref::<web_sys::HtmlSelectElement>() {
                Some(select) => (select.name(), select.value()),
                None => return,
            },
        };
        if name == names::ROLE_INPUT {
            if let Some(role) = Role::from_id(&value) {
                state.set_role(role);
                set_text(ids::ROLE_ERROR, "");
            }
        } else if let Some(slot) = state.instrument().input_slot(&name) {
            // A menu set back to "choose" takes the answer back.
            match markup::parse_answer_value(&value) {
                Some(answer) => state.answer(slot, answer),
                None if value.is_empty() => state.clear_answer(slot),
                None => {}
            }
        }
    };
    view! {
        {move || match state.screen.get() {
            // The results, and a kiosk's welcome, are the results module's (which also runs the
            // kiosk's idle timer).
            s @ (Screen::Results | Screen::Welcome) if s == Screen::Results || state.kiosk_turn().is_some() => {
                let screen = match s {
                    Screen::Results => OnDemand { view: View::Own, fragment: state.own_fragment() },
                    _ => OnDemand { view: View::Kiosk, fragment: String::new() },
                };
                view! { <OnDemandScreen screen/> }.into_any()
            }
            _ => view! { <div class="ov-flow" inner_html=html on:change=on_change></div> }.into_any(),
        }}
    }
}
