//! Fetches a language's text file (`overlap-<code>.txt`, beside index.html) and installs it in
//! the core. English is bundled; another language costs its file only when someone chooses it.
//! A missing or refused file never panics: the caller stays in English and the console says why.

use overlap_core::i18n::Locale;
use std::future::Future;

/// Makes `locale`'s text available; resolves to whether it is. The request starts when this is
/// called, not when the future is awaited, so start-up can fetch it alongside the configuration.
pub fn load(locale: Locale) -> impl Future<Output = bool> {
    let request = (!locale.is_loaded()).then(|| super::window().map(|w| w.fetch_with_str(&locale.file_name())));
    async move {
        let Some(request) = request else { return true };
        let text = match request {
            Some(request) => super::fetched_text(request).await,
            None => Err("no window".to_string()),
        };
        match text.and_then(|t| locale.install(&t).map_err(|e| e.reason())) {
            Ok(()) => true,
            Err(why) => {
                web_sys::console::warn_1(&format!("{}: {why}; the text stays in English", locale.file_name()).into());
                false
            }
        }
    }
}
