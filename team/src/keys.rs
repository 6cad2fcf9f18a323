//! Round keys in the facilitator's browser: made from the platform's secure random source, kept
//! in this browser's storage (so a reload keeps them), saved to and loaded from key files, pasted.
//! The secret half never leaves this module except as a key file the facilitator downloads; it is
//! never put in a link, the markup, the request or an export. Storage that refuses (private
//! windows, a full disk) keeps the keys in memory and says to save the key file now.

use overlap_core::seal::{HeldKey, SecretRoundKey};
use wasm_bindgen::JsCast;

/// Where this browser keeps the round keys (key files one after another) and which is on show.
const STORE: &str = "overlap:round-keys";
const CURRENT: &str = "overlap:round-current";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The keys this browser keeps, and the one on show; none when storage is refused or empty.
pub fn load() -> (Vec<HeldKey>, Option<usize>) {
    let Some(s) = storage() else { return (Vec::new(), None) };
    let keys = s.get_item(STORE).ok().flatten().and_then(|t| HeldKey::parse_all(&t).ok()).unwrap_or_default();
    let current = s.get_item(CURRENT).ok().flatten().and_then(|c| c.parse::<usize>().ok()).filter(|c| *c < keys.len());
    let current = current.or(if keys.is_empty() { None } else { Some(keys.len() - 1) });
    (keys, current)
}

/// Keeps the keys in this browser; false when it would not (the caller asks for the key file).
pub fn store(keys: &[HeldKey], current: Option<usize>) -> bool {
    let Some(s) = storage() else { return false };
    let text: String = keys.iter().map(HeldKey::to_file).collect();
    if keys.is_empty() {
        return s.remove_item(STORE).is_ok() && s.remove_item(CURRENT).is_ok();
    }
    let index = current.map(|c| c.to_string()).unwrap_or_default();
    s.set_item(STORE, &text).is_ok() && s.set_item(CURRENT, &index).is_ok()
}

/// A new secret key from the platform's secure random source; `None` where there is none (the
/// facilitator is told; nothing weaker is ever used instead).
pub fn random_secret() -> Option<SecretRoundKey> {
    overlap_module::dom::random_bytes().map(SecretRoundKey::from_random)
}

/// Asks before removing a key: without its file, its round's sealed links cannot be opened.
pub fn confirm(question: &str) -> bool {
    web_sys::window().and_then(|w| w.confirm_with_message(question).ok()).unwrap_or(false)
}

/// The key file's name: the label, made safe for a file name, or "round".
pub fn file_name(key: &HeldKey) -> String {
    let label: String = key
        .label
        .chars()
        // ASCII letters and digits only, lower case: a file name every system accepts, and no
        // Unicode tables in the module for it.
        .map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let label = if label.is_empty() { "round".to_string() } else { label };
    let mut name = ["overlap-key-", &label, "-", &key.secret.public().fingerprint_text(), ".txt"].concat();
    name.make_ascii_lowercase();
    name
}

/// The element as an input, if it is one.
pub fn input(id: &str) -> Option<web_sys::HtmlInputElement> {
    web_sys::window()?.document()?.get_element_by_id(id)?.dyn_into().ok()
}
