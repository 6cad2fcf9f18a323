//! "Run this round on this device": the team view starts kiosk mode for the round on show. It
//! checks the PIN, the idle time and that the key file is kept elsewhere, then leaves on the
//! device only what a kiosk needs (`overlap_core::kiosk::Settings`: the public key, the PIN's
//! hash, the idle time), removes the round keys and any saved answers from this browser, and
//! opens `#kiosk` in place of the team view, so Back does not lead to it.

use crate::keys;
use overlap_core::i18n::{key, Key, Locale};
use overlap_core::kiosk::{self, PinHash, Settings};
use overlap_core::progress::{KEY_PREFIX, SET_ASIDE_PREFIX};
use overlap_core::seal::HeldKey;
use overlap_core::ui::ids;
use overlap_module::dom::by_id;

use overlap_core::kiosk::SETTINGS_STORE as SETTINGS;

/// Starts kiosk mode for the round `held` (the one on show), or says in the status line what is
/// missing. `forget_keys` removes the round keys from this page and this browser.
pub fn start(held: Option<HeldKey>, locale: Locale, forget_keys: impl FnOnce() -> bool) {
    let say = |text: Key| say(locale, text);
    let Some(held) = held else { return say(key::ui::team::kiosk::NO_KEY) };
    let pin = keys::input(ids::KIOSK_PIN).map(|i| i.value().trim().to_string()).unwrap_or_default();
    if !kiosk::pin_ok(&pin) {
        return say(key::ui::team::kiosk::PIN_BAD);
    }
    let idle = keys::input(ids::KIOSK_IDLE_INPUT).and_then(|i| kiosk::idle_seconds_text(&i.value()));
    let Some(idle) = idle else { return say(key::ui::team::kiosk::IDLE_BAD) };
    if !keys::input(ids::KIOSK_KEY_SAVED).is_some_and(|c| c.checked()) {
        return say(key::ui::team::kiosk::NOT_SAVED);
    }
    let Some(random) = overlap_module::dom::random_bytes() else { return say(key::ui::team::kiosk::STORAGE) };
    let mut salt = [0u8; 16];
    salt.copy_from_slice(&random[..16]);
    let settings = Settings { key: held.secret.public(), pin: Some(PinHash::new(&pin, salt)), idle };
    let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
        return say(key::ui::team::kiosk::STORAGE);
    };
    if storage.set_item(SETTINGS, &settings.to_text()).is_err() || !forget_keys() {
        let _ = storage.remove_item(SETTINGS);
        return say(key::ui::team::kiosk::STORAGE);
    }
    // Saved answers of anyone who used this browser before: a kiosk keeps none.
    let n = storage.length().unwrap_or(0);
    let saved: Vec<String> = (0..n)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with(KEY_PREFIX) || k.starts_with(SET_ASIDE_PREFIX))
        .collect();
    for k in saved {
        let _ = storage.remove_item(&k);
    }
    if let Some(w) = web_sys::window() {
        let _ = w.location().replace("#kiosk");
        let _ = w.location().reload();
    }
}

fn say(locale: Locale, text: Key) {
    if let Some(line) = by_id::<web_sys::Element>(ids::KIOSK_START_STATUS) {
        line.set_text_content(Some(locale.t(text)));
    }
}
