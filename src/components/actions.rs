//! The app's buttons, by delegation: one click handler on the app's root carries out the
//! `data-action` of every button in the markup the app shows (survey screens, start over, the
//! link error, notices, the buttons under the person's own results). Buttons of the results
//! module's screens bubble here too; the module answers its own, so they are ignored.

use crate::state::{AppState, Screen};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Handles a click anywhere in the app.
pub fn on_click(state: AppState, ev: &web_sys::Event) {
    let target = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    let Some(el) = target.and_then(|e| e.closest("[data-action]").ok().flatten()) else { return };
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
        Some("edit-answers") => state.go(Screen::Review),
        Some("start-over") => confirming(&el, true),
        Some("keep-answers") => confirming(&el, false),
        Some("confirm-start-over") => state.start_over(),
        Some("start-own") => state.open_own_assessment(),
        Some("dismiss") => state.notice.set(None),
        Some("results-retry") => state.results_retry.update(|n| *n += 1),
        _ => {}
    }
}

/// Sets the text of an element of the current screen in place, without re-rendering it.
pub fn set_text(id: &str, text: &str) {
    if let Some(el) = crate::adapters::by_id::<web_sys::Element>(id) {
        el.set_text_content(Some(text));
    }
}

/// Shows "start over"'s confirmation in place of its button, or the button again, and moves
/// focus to what is now shown ("keep my answers" first: the safe choice).
fn confirming(el: &web_sys::Element, ask: bool) {
    let Some(block) = el.closest(".ov-start-over").ok().flatten() else { return };
    let find = |selector: &str| {
        block.query_selector(selector).ok().flatten().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    };
    let (Some(button), Some(confirm)) = (find("[data-action=start-over]"), find(".ov-confirm")) else { return };
    button.set_hidden(ask);
    confirm.set_hidden(!ask);
    let focus = if ask { find("[data-action=keep-answers]") } else { Some(button) };
    if let Some(f) = focus {
        let _ = f.focus();
    }
}
