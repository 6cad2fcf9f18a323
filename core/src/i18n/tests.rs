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

proptest::proptest! {
    /// The integer formatter agrees with Rust's own float formatting wherever scores, counts and
    /// ratios live (away from exact .5 ties, where binary floats make either answer defensible).
    #[test]
    fn fixed_matches_float_formatting(v in -100_000.0f64..100_000.0, d in 0usize..4) {
        let scaled = v.abs() * 10f64.powi(d as i32);
        proptest::prop_assume!((scaled.fract() - 0.5).abs() > 1e-6);
        let expected = format!("{v:.d$}");
        let expected = if expected.trim_start_matches(['-', '0', '.']).is_empty() { expected.trim_start_matches('-').to_string() } else { expected };
        proptest::prop_assert_eq!(fixed(v, d, '.'), expected);
    }
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
    // ui.band.X, ui.risk.X, ui.confidence.X, ui.storage.X, ui.link_error.X, ui.team.agenda.X.
    let dynamic = [
        "ui.likert.",
        "ui.owner.",
        "ui.role.",
        "ui.band.",
        "ui.risk.",
        "ui.confidence.",
        "ui.storage.",
        "ui.link_error.",
        "ui.team.letter.",
        "ui.team.alpha.",
        "ui.team.agenda.",
        "ui.checklist.",
    ];
    for key in Locale::En.keys().filter(|k| k.starts_with("ui.")) {
        let base = key.trim_end_matches(".one").trim_end_matches(".other");
        let used = literal_keys.contains(&base) || dynamic.iter().any(|p| key.starts_with(p));
        assert!(used, "`{key}` is in en.toml but never used");
    }
}

/// Reads every `"…"` literal that looks like a locale key in the files under `dir`.
fn literal_keys_in(dir: &str) -> Vec<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let mut stack = vec![root.join(dir)];
    let mut keys = Vec::new();
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                let text = std::fs::read_to_string(p).unwrap();
                keys.extend(
                    text.split('"')
                        .filter(|s| {
                            s.starts_with("ui.") && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '_')
                        })
                        .map(str::to_string),
                );
            }
        }
    }
    keys
}

/// The app's own components (`src/`) are built without the results tier, so every key they name
/// must be in the first tier: add it to `tiers::FIRST_LOAD_EXCEPTIONS` otherwise.
#[test]
fn keys_the_app_names_are_in_the_first_load() {
    let keys = literal_keys_in("src");
    assert!(keys.len() > 10, "the scan found the app's keys");
    for key in keys {
        assert!(!tiers::results_tier(&key), "`{key}` is named in src/ but is in the results tier");
    }
    // The exceptions are real keys (a typo there would silently keep nothing).
    for key in tiers::FIRST_LOAD_EXCEPTIONS {
        assert!(Locale::En.has(key), "exception `{key}` is not in en.toml");
    }
}

/// Every survey screen renders completely from the first tier alone, in every language, for
/// every role, empty and fully answered, as do the app's own pieces (header, start over, link
/// error, notices, the results' waiting and failure screens) and the storage and apology texts.
#[test]
fn the_survey_screens_need_only_the_first_tier() {
    use crate::instrument::{Instrument, Role};
    use crate::markup;
    use crate::sample;
    FIRST_TIER_ONLY.with(|f| f.set(true));
    let instrument = Instrument::current();
    for locale in Locale::ALL {
        let mut pages =
            vec![markup::welcome(locale, false, 5), markup::welcome(locale, true, 5), markup::role(locale, None)];
        for role in Role::ALL {
            pages.push(markup::role(locale, Some(role)));
            let empty = crate::Response::new(instrument, Some(role));
            let full = sample::healthy(role);
            for s in 0..instrument.sections.len() {
                pages.push(markup::section(instrument, locale, role, s, 1, 10, &empty));
                pages.push(markup::section(instrument, locale, role, s, 1, 10, &full));
            }
            pages.push(markup::review(instrument, locale, &empty, 10));
            pages.push(markup::review(instrument, locale, &full, 10));
        }
        // The app's own pieces around the screens.
        pages.push(markup::app::header(locale, None, None));
        pages.push(markup::app::start_over_row(locale));
        pages.push(markup::app::own_results_extras(locale));
        pages.push(markup::app::results_waiting(locale));
        pages.push(markup::app::results_unavailable(locale));
        pages.push(markup::app::link_error(locale, crate::share::LinkError::Altered));
        pages.push(markup::app::notice(locale, locale.t("ui.language_unavailable"), None));
        for key in Locale::En.keys().filter(|k| {
            ["ui.link_error.", "ui.storage.", "ui.panic.", "ui.start_over."].iter().any(|p| k.starts_with(p))
        }) {
            pages.push(crate::markup::Html::text(locale.t(key)));
        }
        for key in tiers::FIRST_LOAD_EXCEPTIONS {
            pages.push(crate::markup::Html::text(locale.t(key)));
        }
        for page in pages {
            let page = page.into_string();
            if let Some(at) = page.find("[?]") {
                let context = &page[page.floor_char_boundary(at.saturating_sub(160))..at + 3];
                panic!("{}: a survey text is missing from the first tier, after: {context}", locale.code());
            }
        }
    }
    // And the switch really removes the results tier.
    assert_eq!(Locale::En.t("ui.results.title"), "[?]");
    FIRST_TIER_ONLY.with(|f| f.set(false));
    assert_ne!(Locale::En.t("ui.results.title"), "[?]");
}

// Language files: what the app installs when someone chooses a language the first load does
// not carry. The tests build with every language bundled, so they check the file against it.

#[test]
fn a_language_file_reads_back_as_the_bundled_text() {
    let text = Locale::Es.file_text();
    assert!(text.starts_with("overlap-locale 1 es\n"));
    let table = parse_file(Locale::Es, Tier::Survey, &text).expect("the generated file is valid");
    assert_eq!(table.as_slice(), Locale::Es.table());
    assert_eq!(table.len(), Locale::En.table().len());
    // Line endings rewritten by a server or an editor do not matter.
    assert_eq!(parse_file(Locale::Es, Tier::Survey, &text.replace('\n', "\r\n")).expect("CRLF"), table);
}

#[test]
fn installing_a_bundled_language_changes_nothing() {
    assert!(Locale::Es.is_loaded());
    assert_eq!(Locale::Es.install("not a language file"), Ok(()));
    assert_eq!(Locale::Es.t("ui.language_name"), "Español");
}

#[test]
fn every_language_names_itself_in_every_build() {
    // The language switch lists a language before its text is loaded.
    for key in tiers::EVERY_BUILD_KEYS {
        for locale in Locale::ALL {
            assert_ne!(locale.t(key), "[?]", "{}: {key}", locale.code());
        }
    }
    assert_eq!(Locale::Es.file_name(), "overlap-es.txt");
}

/// `good` with its lines changed by `f`.
fn edited(good: &str, f: &dyn Fn(&mut Vec<String>)) -> String {
    let mut l: Vec<String> = good.lines().map(|s| s.to_string()).collect();
    f(&mut l);
    l.join("\n") + "\n"
}

/// Asserts that Spanish `text` is refused, as a file of `tier`, for `expected`.
fn refused(tier: Tier, text: &str, expected: LocaleFileError) {
    assert_eq!(parse_file(Locale::Es, tier, text).map(|_| ()), Err(expected), "{text:.60}");
}

/// What both tiers' files are refused for: not a language file, another language (`header` is
/// the Spanish file's header tail, replaced by English's), stale keys (a text this release
/// dropped, one it does not have), a line that is not `hash<TAB>text`, lines out of order, and a
/// file cut short.
fn refused_like_any_language_file(tier: Tier, good: &str, header: (&str, &str)) {
    refused(tier, "", LocaleFileError::NotALocaleFile);
    refused(tier, "<!doctype html><title>404</title>", LocaleFileError::NotALocaleFile);
    refused(tier, &good.replacen("overlap-locale 1", "overlap-locale 2", 1), LocaleFileError::NotALocaleFile);
    refused(tier, &good.replacen(header.0, header.1, 1), LocaleFileError::OtherLanguage);
    refused(
        tier,
        &edited(good, &|l| {
            l.pop();
        }),
        LocaleFileError::KeysDiffer,
    );
    refused(
        tier,
        &edited(good, &|l| l.push("ffffffff\tA text this release does not have".into())),
        LocaleFileError::KeysDiffer,
    );
    refused(tier, &edited(good, &|l| l[2] = l[2].replace('\t', " ")), LocaleFileError::BadLine(3));
    refused(tier, &edited(good, &|l| l.swap(2, 3)), LocaleFileError::BadLine(4));
    refused(tier, good.trim_end(), LocaleFileError::Incomplete);
}

#[test]
fn a_bad_language_file_is_refused_with_its_reason() {
    let good = Locale::Es.file_text();
    refused_like_any_language_file(Tier::Survey, &good, (" es\n", " en\n"));
    let check = |text: &str, expected| refused(Tier::Survey, text, expected);
    check(&edited(&good, &|l| l[1] = l[1].replace('\t', " ")), LocaleFileError::BadLine(2));
    check(&edited(&good, &|l| l[2] = format!("zz{}", &l[2][2..])), LocaleFileError::BadLine(3));
    check(&edited(&good, &|l| l[2] = format!("{}\t ", &l[2][..8])), LocaleFileError::BadLine(3));
    check(
        &edited(&good, &|l| {
            let dup = l[2].clone();
            l.insert(2, dup);
        }),
        LocaleFileError::BadLine(4),
    );
    let cut: String = good.chars().take(good.chars().count() - 3).collect();
    check(&cut, LocaleFileError::Incomplete);
    assert!(LocaleFileError::BadLine(7).reason().contains('7'));
}

proptest::proptest! {
    // Whatever a server returns in place of the file, reading it never panics, and only the
    // real file is accepted, for either tier.
    #[test]
    fn reading_any_text_never_panics(text in "(?s).{0,400}", cut in 0usize..40_000, results in proptest::bool::ANY) {
        let (tier, good) =
            if results { (Tier::Results, Locale::Es.results_file_text()) } else { (Tier::Survey, Locale::Es.file_text()) };
        proptest::prop_assert!(parse_file(Locale::Es, tier, &text).is_err());
        let cut = good.char_indices().map(|(i, _)| i).nth(cut).unwrap_or(good.len());
        let truncated = &good[..cut];
        let result = parse_file(Locale::Es, tier, truncated);
        proptest::prop_assert_eq!(result.is_ok(), truncated == good);
    }
}

// Results files: the results module bundles English only and installs another language's
// results tier from `overlap-<code>-results.txt`, checked like the survey file.

#[test]
fn a_results_file_reads_back_as_the_bundled_results_tier() {
    let text = Locale::Es.results_file_text();
    assert!(text.starts_with("overlap-locale 1 es results\n"));
    assert!(text.ends_with('\n'));
    let table = parse_file(Locale::Es, Tier::Results, &text).expect("the generated results file is valid");
    assert_eq!(table.as_slice(), Locale::Es.results_table());
    assert_eq!(table.len(), Locale::En.results_table().len());
    // Its lines are sorted by hash, and none of them is a survey text.
    assert!(table.windows(2).all(|w| w[0].0 < w[1].0));
    assert!(table.iter().all(|(h, _)| lookup(Locale::Es.table(), *h).is_none()));
    assert_eq!(parse_file(Locale::Es, Tier::Results, &text.replace('\n', "\r\n")).expect("CRLF"), table);
    // The two files together are every text of the language, each exactly once.
    assert_eq!(Locale::Es.table().len() + table.len(), Locale::En.keys().count());
}

#[test]
fn the_results_file_is_named_beside_the_survey_file() {
    assert_eq!(Locale::Es.results_file_name(), "overlap-es-results.txt");
    assert_ne!(Locale::Es.results_file_name(), Locale::Es.file_name());
}

#[test]
fn installing_a_bundled_results_tier_changes_nothing() {
    assert!(Locale::Es.is_results_loaded());
    assert!(Locale::En.is_results_loaded());
    assert_eq!(Locale::Es.install_results("not a language file"), Ok(()));
    assert_eq!(Locale::Es.t("ui.results.title"), "Sus resultados");
}

#[test]
fn a_file_of_the_other_tier_is_refused() {
    let survey = Locale::Es.file_text();
    let results = Locale::Es.results_file_text();
    assert_eq!(parse_file(Locale::Es, Tier::Results, &survey).map(|_| ()), Err(LocaleFileError::OtherTier));
    assert_eq!(parse_file(Locale::Es, Tier::Survey, &results).map(|_| ()), Err(LocaleFileError::OtherTier));
    // A header that names the right tier over the other tier's texts is refused by its keys.
    let relabelled = survey.replacen(" es\n", " es results\n", 1);
    assert_eq!(parse_file(Locale::Es, Tier::Results, &relabelled).map(|_| ()), Err(LocaleFileError::KeysDiffer));
    // An unknown tier name is not the results tier either.
    let other = results.replacen(" es results\n", " es report\n", 1);
    assert_eq!(parse_file(Locale::Es, Tier::Results, &other).map(|_| ()), Err(LocaleFileError::OtherTier));
    assert!(!LocaleFileError::OtherTier.reason().is_empty());
}

#[test]
fn a_bad_results_file_is_refused_with_its_reason() {
    let good = Locale::Es.results_file_text();
    refused_like_any_language_file(Tier::Results, &good, (" es results\n", " en results\n"));
    // A renamed text is a stale key too.
    refused(Tier::Results, &edited(&good, &|l| l[1] = format!("00000000{}", &l[1][8..])), LocaleFileError::KeysDiffer);
    // English's own results texts pass only as English's file.
    let english = write_file(Locale::En, Tier::Results, Locale::En.results_table());
    assert_eq!(parse_file(Locale::En, Tier::Results, &english).map(|t| t.len()), Ok(Locale::En.results_table().len()));
    refused(Tier::Results, &english, LocaleFileError::OtherLanguage);
}
