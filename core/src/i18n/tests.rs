//! Locale completeness and formatting.

use crate::i18n::*;

#[test]
fn every_shipped_locale_has_every_instrument_key() {
    for locale in Locale::ALL.into_iter().filter(|l| l.is_available()) {
        let keys: std::collections::BTreeSet<&str> = locale.keys().collect();
        for key in instrument_keys() {
            assert!(keys.contains(key), "{}: missing `{key}`", locale.code());
        }
    }
}

#[test]
fn locales_have_the_same_keys_as_english() {
    let en: Vec<&str> = Locale::En.keys().collect();
    for locale in Locale::ALL.into_iter().filter(|l| l.is_available()) {
        let keys: Vec<&str> = locale.keys().collect();
        assert_eq!(keys, en, "{} differs from en", locale.code());
    }
}

#[test]
fn language_tags_pick_a_locale() {
    #[track_caller]
    fn check(tag: &str, expected: Option<Locale>) {
        assert_eq!(Locale::from_tag(tag), expected, "{tag}");
    }
    check("en", Some(Locale::En));
    check("en-GB", Some(Locale::En));
    check("es-MX", Some(Locale::Es));
    check("ES", Some(Locale::Es));
    check("fr-FR", None);
    check("", None);
}

#[test]
fn numbers_use_the_locale_separator() {
    assert_eq!(Locale::En.number(0.8125, 2), "0.81");
    assert_eq!(Locale::Es.number(0.8125, 2), "0,81");
    assert_eq!(Locale::Es.number(12.0, 0), "12");
}

#[test]
fn unknown_keys_never_render_blank() {
    assert_eq!(Locale::En.t("no.such.key"), "[?]");
    assert!(!Locale::En.has("no.such.key"));
    assert_eq!(Locale::Es.t("ui.language_name"), "Español");
}

/// Every `"ui.…"` key written literally in the source exists in English (so in every locale),
/// and every `ui.` key in English is used somewhere: no missing and no unused interface text.
#[test]
fn interface_keys_in_the_source_exist_and_are_used() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let mut source = String::new();
    for dir in ["src", "core/src"] {
        let mut stack = vec![root.join(dir)];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(d).unwrap().flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|x| x == "rs") && !p.ends_with("tests.rs") {
                    source.push_str(&std::fs::read_to_string(p).unwrap());
                }
            }
        }
    }
    let literal_keys: Vec<&str> = source
        .split('"')
        .filter(|s| s.starts_with("ui.") && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '_'))
        .collect();
    assert!(literal_keys.len() > 50);
    for key in &literal_keys {
        let plural = Locale::En.has(&format!("{key}.one"));
        assert!(Locale::En.has(key) || plural || key.ends_with('.'), "`{key}` is used but not in en.toml");
    }
    // Keys built at run time from a prefix: ui.likert.N, ui.owner.X, ui.role.X(_hint),
    // ui.band.X, ui.risk.X, ui.confidence.X, ui.storage.X, ui.link_error.X.
    let dynamic = ["ui.likert.", "ui.owner.", "ui.role.", "ui.band.", "ui.risk.", "ui.confidence.", "ui.storage.", "ui.link_error.", "ui.team.letter.", "ui.team.alpha."];
    for key in Locale::En.keys().filter(|k| k.starts_with("ui.")) {
        let base = key.trim_end_matches(".one").trim_end_matches(".other");
        let used = literal_keys.contains(&base) || dynamic.iter().any(|p| key.starts_with(p));
        assert!(used, "`{key}` is in en.toml but never used");
    }
}
