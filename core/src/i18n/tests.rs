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
    assert!(!Locale::En.t("no.such.key").is_empty());
}
