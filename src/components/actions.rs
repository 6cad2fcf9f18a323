//! The app's buttons, by delegation: one click handler on the app's root carries out the
//! [`Action`] of every button in the markup the app shows (survey screens, start over, the link
//! error, notices, the buttons under the person's own results). Buttons of the results module's
//! screens bubble here too; the module answers its own (`Handler::Results`), so they are
//! ignored here. The match is exhaustive: a new action does not compile until it has a home.

use crate::state::{AppState, Screen};
use leptos::prelude::*;
use overlap_core::i18n::key;
use overlap_core::ui::{ids, names, Action};
use wasm_bindgen::JsCast;

/// Handles a click anywhere in the app.
pub fn on_click(state: AppState, ev: &web_sys::Event) {
    let target = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    let selector = format!("[{}]", names::ACTION_ATTR);
    let Some(el) = target.and_then(|e| e.closest(&selector).ok().flatten()) else { return };
    let Some(action) = el.get_attribute(names::ACTION_ATTR).as_deref().and_then(Action::parse) else {
        // The markup and this build disagree (a stale cached module): do nothing, visibly.
        web_sys::console::warn_1(&"overlap: a button with an unknown action was ignored".into());
        return;
    };
    let screen = state.screen.get_untracked();
    let flow = state.flow();
    match action {
        Action::Start => state.go(Screen::Role),
        Action::Team => state.open_team(),
        Action::Back => state.go(flow.previous(screen)),
        Action::Next if screen == Screen::Role && state.role().is_none() => {
            set_text(ids::ROLE_ERROR, state.t_now(key::ui::role::REQUIRED));
            state.request_focus(ids::ROLE_ERROR);
        }
        Action::Next => state.go(flow.next(screen)),
        Action::Results => state.go(Screen::Results),
        Action::Jump => {
            let section = el.get_attribute(names::SECTION_ATTR).and_then(|s| s.parse().ok());
            if let (Some(section), Some(target)) = (section, el.get_attribute(names::TARGET_ATTR)) {
                state.jump_to(Screen::Section(section), target);
            }
        }
        Action::EditAnswers => state.go(Screen::Review),
        Action::StartOver => confirming(&el, true),
        Action::KeepAnswers => confirming(&el, false),
        Action::ConfirmStartOver => state.start_over(),
        Action::StartOwn => state.open_own_assessment(),
        Action::Dismiss => state.notice.set(None),
        Action::ResultsRetry => state.results_retry.update(|n| *n += 1),
        // The results module answers its own controls (`Handler::Results`).
        Action::Print
        | Action::ExportJson
        | Action::ExportCsv
        | Action::CopyLink
        | Action::TeamAnalyse
        | Action::TeamPrint
        | Action::TeamCsv
        | Action::SendLink
        | Action::PrintHandout
        | Action::PrintPack
        | Action::RegisterCsv => {}
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
    let button = find(&format!("[{}={}]", names::ACTION_ATTR, Action::StartOver));
    let (Some(button), Some(confirm)) = (button, find(".ov-confirm")) else { return };
    button.set_hidden(ask);
    confirm.set_hidden(!ask);
    let focus = if ask { find(&format!("[{}={}]", names::ACTION_ATTR, Action::KeepAnswers)) } else { Some(button) };
    if let Some(f) = focus {
        let _ = f.focus();
    }
}
