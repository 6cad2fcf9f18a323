//! Translated text nodes. `tr(key)` is the one way components show a locale string that must
//! follow the language switch.
//!
//! Every `move || state.t(..)` closure written inline is its own type, and Leptos instantiates
//! its rendering code once per type; routing all text through this one non-generic function
//! makes them share a single instantiation, which keeps the WebAssembly small.

use crate::state::use_app;
use leptos::prelude::*;
use overlap_core::i18n::Locale;

/// A text node showing `key` in the current locale, updated when the locale changes.
pub fn tr(key: &str) -> impl IntoView + use<> {
    tr_in(None, key)
}

/// `tr`, but in a fixed language when `fixed` is set (a notice about that language's text).
/// `tr` goes through here too, so both share one instantiation.
pub fn tr_in(fixed: Option<Locale>, key: &str) -> impl IntoView + use<> {
    let locale = use_app().locale;
    let key = key.to_string();
    move || fixed.unwrap_or_else(|| locale.get()).t(&key)
}
