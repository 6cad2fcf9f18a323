//! The app's buttons, by delegation: one click handler on the app's root carries out the
//! [`AppAction`] of every button in the markup the app shows (survey screens, start over, the link
//! error, notices, the buttons under the person's own results). Buttons of the on-demand modules'
//! screens bubble here too; each module answers its own kind of action, so they are ignored here.
//! The match is exhaustive: a new action does not compile until it has a home.

use crate::state::{AppState, Screen};
use leptos::prelude::*;
use overlap_core::i18n::key;
use overlap_core::ui::{ids, names, Action, AppAction};
use wasm_bindgen::JsCast;

/// Handles a click anywhere in the app.
pub fn on_click(state: AppState, ev: &web_sys::Event) {
    let target = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    let Some(el) = target.and_then(|e| e.closest(ACTION_SELECTOR).ok().flatten()) else { return };
    // The first load knows only its own buttons' names: a module's button (which the module
    // answers) reads as `None` here, so the app does nothing with it.
    let action = match el.get_attribute(names::ACTION_ATTR).as_deref().and_then(Action::parse) {
        Some(Action::App(action)) => action,
        Some(Action::Results(_) | Action::Team(_) | Action::Setup(_)) | None => return,
    };
    let screen = state.screen.get_untracked();
    let flow = state.flow();
    match action {
        AppAction::Start => state.go(Screen::Role),
        AppAction::Team => state.open_team(),
        AppAction::Back => state.go(flow.previous(screen)),
        AppAction::Next if screen == Screen::Role && state.role().is_none() => {
            set_text(ids::ROLE_ERROR, state.t_now(key::ui::role::REQUIRED));
            state.request_focus(ids::ROLE_ERROR);
        }
        AppAction::Next => state.go(flow.next(screen)),
        AppAction::Results => state.go(Screen::Results),
        AppAction::Jump => {
            let number = |name: &str| el.get_attribute(name).and_then(|s| s.parse().ok());
            if let (Some(section), Some(target)) = (number(names::SECTION_ATTR), el.get_attribute(names::TARGET_ATTR)) {
                state.jump_to(Screen::Section(section, number(names::PAGE_ATTR).unwrap_or(0)), target);
            }
        }
        AppAction::EditAnswers => state.go(Screen::Review),
        AppAction::StartOver => confirming(true),
        AppAction::KeepAnswers => confirming(false),
        AppAction::ConfirmStartOver => state.start_over(),
        AppAction::StartOwn => state.open_own_assessment(),
        AppAction::Dismiss => state.notice.set(None),
        AppAction::ResultsRetry => state.results_retry.update(|n| *n += 1),
        AppAction::KioskNext => state.kiosk_next(),
    }
}

/// Any element carrying an action.
const ACTION_SELECTOR: &str = "[data-action]";

/// Sets the text of an element of the current screen in place, without re-rendering it.
pub fn set_text(id: &str, text: &str) {
    if let Some(el) = crate::adapters::by_id::<web_sys::Element>(id) {
        el.set_text_content(Some(text));
    }
}

/// Shows "start over"'s confirmation in place of its button, or the button again, and moves
/// focus to what is now shown ("keep my answers" first: the safe choice).
fn confirming(ask: bool) {
    use crate::adapters::by_id;
    let button = by_id::<web_sys::HtmlElement>(ids::START_OVER);
    let (Some(button), Some(confirm)) = (button, by_id::<web_sys::HtmlElement>(ids::START_OVER_CONFIRM)) else {
        return;
    };
    button.set_hidden(ask);
    confirm.set_hidden(!ask);
    let focus = if ask { by_id::<web_sys::HtmlElement>(ids::KEEP_ANSWERS) } else { Some(button) };
    if let Some(f) = focus {
        let _ = f.focus();
    }
}
