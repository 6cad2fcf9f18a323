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
    check("fr-FR", Some(Locale::Fr));
    check("fr-CA", Some(Locale::Fr));
    check("de-AT", Some(Locale::De));
    check("de_CH", Some(Locale::De));
    check("pt-BR", None);
    check("", None);
}

#[test]
fn numbers_use_the_locale_separator() {
    assert_eq!(Locale::En.number(0.8125, 2), "0.81");
    assert_eq!(Locale::Es.number(0.8125, 2), "0,81");
    assert_eq!(Locale::Es.number(12.0, 0), "12");
    assert_eq!(Locale::De.number(22.94, 1), "22,9");
    assert_eq!(Locale::Fr.number(12.5, 1), "12,5");
}

#[test]
fn plural_forms_follow_each_language() {
    let p = key::ui::team::LINKS;
    for (n, en_de_es, fr) in [(0, p.other, p.one), (1, p.one, p.one), (2, p.other, p.other), (21, p.other, p.other)] {
        for l in [Locale::En, Locale::Es, Locale::De] {
            assert_eq!(l.plural_form(p, n), en_de_es, "{} {n}", l.code());
        }
        assert_eq!(Locale::Fr.plural_form(p, n), fr, "fr {n}");
    }
    assert!(Locale::Fr.fmt(Locale::Fr.plural_form(p, 0), &[("n", "0")]).starts_with("0 "));
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
    assert_eq!(Locale::En.t(Key::named("no.such.key")), "[?]");
    assert!(!Locale::En.has(Key::named("no.such.key")));
    assert_eq!(Locale::Es.t(key::ui::LANGUAGE_NAME), "Español");
}

/// The typed keys the build wrote (`key.rs` includes them): every constant's path under `key::`
/// and the keys it stands for (an array or a plural stands for several).
fn typed_keys() -> Vec<(String, Vec<u16>)> {
    let generated = include_str!(concat!(env!("OUT_DIR"), "/keys.rs"));
    let mut path: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for line in generated.lines().map(str::trim) {
        if let Some(m) = line.strip_prefix("pub mod ") {
            path.push(m.trim_end_matches(" {"));
        } else if line == "}" {
            path.pop();
        } else if let Some(c) = line.strip_prefix("pub const ") {
            let name = c.split(':').next().unwrap();
            let hashes = c
                .split("Key(")
                .skip(1)
                .map(|h| h.split(')').next().unwrap().parse::<u16>().unwrap())
                .collect::<Vec<_>>();
            out.push(([path.join("::"), name.to_string()].join("::"), hashes));
        }
    }
    out
}

/// The Rust source under `dir` (relative to the workspace), tests left out.
fn source_of(dir: &str) -> String {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let mut stack = vec![root.join(dir)];
    let mut source = String::new();
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
    source
}

/// Every interface text in English is named by some code: no unused text (a missing or misspelt
/// key does not compile, see `key.rs`). Every key English has is a typed key or an instrument's.
#[test]
fn every_interface_key_is_used() {
    let source = [
        source_of("src"),
        source_of("core/src"),
        source_of("results/src"),
        source_of("team/src"),
        source_of("setup/src"),
    ]
    .concat();
    let typed = typed_keys();
    assert!(typed.len() > 200, "the generated keys were read: {}", typed.len());
    // The instrument's own texts (`dim.*.about`, ...) are required by the instrument files, which
    // the build checks; the rest must be named somewhere.
    let required: std::collections::BTreeSet<u16> = instrument_keys().iter().map(|k| Key::named(k).0).collect();
    for (path, hashes) in &typed {
        let instrument = hashes.iter().all(|h| required.contains(h));
        assert!(instrument || source.contains(&["key::", path].concat()), "`key::{path}` is in en.toml but never used");
    }
    let covered: std::collections::BTreeSet<u16> = typed.iter().flat_map(|(_, h)| h.iter().copied()).collect();
    for name in Locale::En.keys() {
        let instrument = ["section.", "item.", "flag.", "action."].iter().any(|p| name.starts_with(p));
        assert!(instrument || covered.contains(&Key::named(name).0), "`{name}` has no typed key");
    }
}

/// The app's own components (`src/`) are built without the results tier, so every key they name
/// must be in the first tier: add it to `tiers::FIRST_LOAD_EXCEPTIONS` otherwise.
#[test]
fn keys_the_app_names_are_in_the_first_load() {
    let source = source_of("src");
    let named: Vec<(String, Vec<u16>)> =
        typed_keys().into_iter().filter(|(path, _)| source.contains(&["key::", path].concat())).collect();
    assert!(named.len() > 10, "the scan found the app's keys");
    FIRST_TIER_ONLY.with(|f| f.set(true));
    for (path, hashes) in &named {
        for h in hashes {
            assert_ne!(Locale::En.t(Key(*h)), "[?]", "`key::{path}` is named in src/ but is in the results tier");
        }
    }
    FIRST_TIER_ONLY.with(|f| f.set(false));
    // The exceptions are real keys (a typo there would silently keep nothing).
    for name in tiers::FIRST_LOAD_EXCEPTIONS {
        assert!(Locale::En.has(Key::named(name)), "exception `{name}` is not in en.toml");
    }
}

/// Every survey screen renders completely from the first tier alone, in every language, for
/// every role, empty and fully answered, as do the app's own pieces (header, start over, link
/// error, notices, the results' waiting and failure screens) and the storage and apology texts.
#[test]
fn the_survey_screens_need_only_the_first_tier() {
    use crate::instrument::{Instrument, Role};
    use crate::markup::{self, Html};
    use crate::sample;
    FIRST_TIER_ONLY.with(|f| f.set(true));
    let instrument = Instrument::current();
    for locale in Locale::ALL {
        let mut pages = vec![
            Html::build(|o| markup::welcome(o, locale, false, 5, false)),
            Html::build(|o| markup::welcome(o, locale, true, 5, true)),
            Html::build(|o| markup::role(o, locale, None)),
        ];
        for role in Role::ALL {
            pages.push(Html::build(|o| markup::role(o, locale, Some(role))));
            let empty = crate::Response::new(instrument, Some(role));
            let full = sample::healthy(role);
            for screen in crate::flow::Flow::new(instrument, Some(role)).screens() {
                let crate::flow::Screen::Section(s, p) = screen else { continue };
                pages.push(Html::build(|o| markup::section(o, instrument, locale, role, (s, p), (1, 10), &empty)));
                pages.push(Html::build(|o| markup::section(o, instrument, locale, role, (s, p), (1, 10), &full)));
            }
            pages.push(Html::build(|o| markup::review(o, instrument, locale, &empty, 10)));
            pages.push(Html::build(|o| markup::review(o, instrument, locale, &full, 10)));
        }
        // The app's own pieces around the screens.
        pages.push(Html::build(|o| markup::app::header(o, locale, None, None)));
        pages.push(Html::build(|o| markup::app::start_over_row(o, locale)));
        pages.push(Html::build(|o| markup::app::own_results_extras(o, locale)));
        pages.push(Html::build(|o| markup::app::results_waiting(o, locale)));
        pages.push(Html::build(|o| markup::app::results_unavailable(o, locale)));
        pages.push(Html::build(|o| markup::app::link_error(o, locale, crate::share::LinkError::Altered)));
        pages.push(Html::build(|o| markup::app::notice(o, locale, locale.t(key::ui::LANGUAGE_UNAVAILABLE), None)));
        for name in Locale::En.keys().filter(|k| {
            ["ui.link_error.", "ui.storage.", "ui.panic.", "ui.start_over."].iter().any(|p| k.starts_with(p))
        }) {
            pages.push(crate::markup::Html::build(|o| o.text(locale.t(Key::named(name)))));
        }
        for name in tiers::FIRST_LOAD_EXCEPTIONS {
            pages.push(crate::markup::Html::build(|o| o.text(locale.t(Key::named(name)))));
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
    assert_eq!(Locale::En.t(key::ui::results::TITLE), "[?]");
    FIRST_TIER_ONLY.with(|f| f.set(false));
    assert_ne!(Locale::En.t(key::ui::results::TITLE), "[?]");
}

// Language files: what the app installs when someone chooses a language the first load does
// not carry. The tests build with every language bundled, so they check the file against it.

/// The survey texts Spanish bundles in this (all-locales) build.
fn spanish_survey() -> &'static [&'static str] {
    match Locale::Es.bundled() {
        Some(Bundled::Full(t)) => t,
        _ => panic!("the tests bundle every language"),
    }
}

#[test]
fn a_language_file_reads_back_as_the_bundled_text() {
    let text = Locale::Es.file_text();
    assert!(text.starts_with(&format!("overlap-locale 2 es {:08x}\n", crate::generated::SURVEY_FINGERPRINT)));
    let table = parse_file(Locale::Es, Tier::Survey, &text).expect("the generated file is valid");
    assert_eq!(table.as_slice(), spanish_survey());
    assert_eq!(table.len(), crate::generated::FIRST_TIER);
    // Line endings rewritten by a server or an editor do not matter.
    assert_eq!(parse_file(Locale::Es, Tier::Survey, &text.replace('\n', "\r\n")).expect("CRLF"), table);
}

#[test]
fn installing_a_bundled_language_changes_nothing() {
    assert!(Locale::Es.is_loaded());
    assert_eq!(Locale::Es.install("not a language file"), Ok(()));
    assert_eq!(Locale::Es.t(key::ui::LANGUAGE_NAME), "Español");
}

#[test]
fn every_language_names_itself_in_every_build() {
    // The language switch lists a language before its text is loaded.
    for name in tiers::EVERY_BUILD_KEYS {
        for locale in Locale::ALL {
            assert_ne!(locale.t(Key::named(name)), "[?]", "{}: {name}", locale.code());
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

/// What both tiers' files are refused for: not a language file (or the previous format),
/// another language (`header` is the Spanish file's header tail, replaced by English's), another
/// release's keys (a different fingerprint, a text too many or too few), an empty line, and a
/// file cut short.
fn refused_like_any_language_file(tier: Tier, good: &str, header: (&str, &str)) {
    refused(tier, "", LocaleFileError::NotALocaleFile);
    refused(tier, "<!doctype html><title>404</title>", LocaleFileError::NotALocaleFile);
    refused(tier, &good.replacen("overlap-locale 2", "overlap-locale 1", 1), LocaleFileError::NotALocaleFile);
    refused(tier, &good.replacen(header.0, header.1, 1), LocaleFileError::OtherLanguage);
    refused(
        tier,
        &edited(good, &|l| l[0] = format!("{}0000000", &l[0][..l[0].len() - 7])),
        LocaleFileError::KeysDiffer,
    );
    refused(
        tier,
        &edited(good, &|l| {
            l.pop();
        }),
        LocaleFileError::KeysDiffer,
    );
    refused(tier, &edited(good, &|l| l.push("A text this release does not have".into())), LocaleFileError::KeysDiffer);
    refused(tier, &edited(good, &|l| l[2] = " ".into()), LocaleFileError::BadLine(3));
    refused(tier, good.trim_end(), LocaleFileError::Incomplete);
}

#[test]
fn a_bad_language_file_is_refused_with_its_reason() {
    let good = Locale::Es.file_text();
    refused_like_any_language_file(Tier::Survey, &good, (" es ", " en "));
    let cut: String = good.chars().take(good.chars().count() - 3).collect();
    refused(Tier::Survey, &cut, LocaleFileError::Incomplete);
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
    assert!(text.starts_with(&format!("overlap-locale 2 es results {:08x}\n", crate::generated::RESULTS_FINGERPRINT)));
    assert!(text.ends_with('\n'));
    let table = parse_file(Locale::Es, Tier::Results, &text).expect("the generated results file is valid");
    assert_eq!(Some(table.as_slice()), Locale::Es.results_table());
    assert_eq!(parse_file(Locale::Es, Tier::Results, &text.replace('\n', "\r\n")).expect("CRLF"), table);
    // The two files together are every text of the language, each exactly once.
    assert_eq!(spanish_survey().len() + table.len(), Locale::En.keys().count());
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
    assert_eq!(Locale::Es.t(key::ui::results::TITLE), "Sus resultados");
}

#[test]
fn a_file_of_the_other_tier_is_refused() {
    let survey = Locale::Es.file_text();
    let results = Locale::Es.results_file_text();
    assert_eq!(parse_file(Locale::Es, Tier::Results, &survey).map(|_| ()), Err(LocaleFileError::OtherTier));
    assert_eq!(parse_file(Locale::Es, Tier::Survey, &results).map(|_| ()), Err(LocaleFileError::OtherTier));
    // A header that names the right tier over the other tier's texts is refused by its keys.
    let relabelled = survey.replacen(" es ", " es results ", 1);
    assert_eq!(parse_file(Locale::Es, Tier::Results, &relabelled).map(|_| ()), Err(LocaleFileError::KeysDiffer));
    // An unknown tier name is not the results tier either.
    let other = results.replacen(" es results ", " es report ", 1);
    assert_eq!(parse_file(Locale::Es, Tier::Results, &other).map(|_| ()), Err(LocaleFileError::OtherTier));
    assert!(!LocaleFileError::OtherTier.reason().is_empty());
}

#[test]
fn a_bad_results_file_is_refused_with_its_reason() {
    let good = Locale::Es.results_file_text();
    refused_like_any_language_file(Tier::Results, &good, (" es results ", " en results "));
    // English's own results texts pass only as English's file.
    let english_table = Locale::En.results_table().unwrap();
    let english = write_file(Locale::En, Tier::Results, english_table);
    assert_eq!(parse_file(Locale::En, Tier::Results, &english).map(|t| t.len()), Ok(english_table.len()));
    refused(Tier::Results, &english, LocaleFileError::OtherLanguage);
}

/// A date in words from the locale's own file, and days added across months, years and leap days.
#[test]
fn dates_are_written_in_words_and_count_days_across_the_calendar() {
    let d = |year, month, day| Date { year, month, day };
    assert_eq!(d(2026, 12, 3).plus_days(90), d(2027, 3, 3));
    assert_eq!(d(2028, 2, 28).plus_days(1), d(2028, 2, 29), "a leap year");
    assert_eq!(d(2100, 2, 28).plus_days(1), d(2100, 3, 1), "a century is not a leap year");
    assert_eq!(d(2000, 2, 28).plus_days(1), d(2000, 2, 29), "unless it divides by 400");
    assert_eq!(d(2026, 12, 31).plus_days(1), d(2027, 1, 1));
    assert_eq!(d(2026, 4, 30).plus_days(0), d(2026, 4, 30));
    assert_eq!(Locale::En.date(d(2026, 12, 3)), "December 3, 2026");
    assert_eq!(Locale::Es.date(d(2026, 12, 3)), "3 de diciembre de 2026");
    assert_eq!(Locale::Es.number(2.5, 1), "2,5", "the decimal separator is the locale's");
    assert_eq!(Locale::En.number(2.5, 1), "2.5");
}

/// The languages besides English: each must be complete on its own, with none of English's
/// sentences left in what it draws.
const TRANSLATED: [Locale; 3] = [Locale::Es, Locale::De, Locale::Fr];

#[test]
fn every_language_is_shipped() {
    for locale in Locale::ALL {
        assert!(locale.is_available() && locale.is_loaded(), "{} is not bundled in native tests", locale.code());
        assert_eq!(Locale::from_tag(locale.code()), Some(locale));
    }
}

/// Texts that may read the same in another language: names, letters, codes, and patterns made
/// only of placeholders and symbols (`{role}: {mean} ± {sd} ({n})`).
fn may_match_english(english: &str) -> bool {
    let mut words = 0;
    let mut in_placeholder = false;
    let mut word = String::new();
    for c in english.chars().chain([' ']) {
        match c {
            '{' => in_placeholder = true,
            '}' => in_placeholder = false,
            c if !in_placeholder && c.is_alphabetic() => word.push(c),
            _ => {
                if word.chars().count() > 1 {
                    words += 1;
                }
                word.clear();
            }
        }
    }
    words < 3
}

#[test]
fn no_english_sentence_is_left_in_a_translation_file() {
    for locale in TRANSLATED {
        let same: Vec<&str> = Locale::En
            .keys()
            .filter(|k| {
                let en = Locale::En.t(Key::named(k));
                !may_match_english(en) && locale.t(Key::named(k)) == en
            })
            .collect();
        assert!(same.is_empty(), "{}: English left in {same:?}", locale.code());
    }
}

#[test]
fn no_english_sentence_is_left_on_a_translated_screen() {
    let english: Vec<String> = Locale::En
        .keys()
        .map(|k| Locale::En.t(Key::named(k)))
        .filter(|t| !may_match_english(t) && !t.contains('{'))
        .map(|t| crate::markup::Html::build(|o| o.text(t)).into_string())
        .collect();
    for locale in TRANSLATED {
        for screen in crate::ui::tests::every_screen_in(locale, &Default::default()) {
            for sentence in &english {
                assert!(!screen.contains(sentence.as_str()), "{}: English on a screen: {sentence}", locale.code());
            }
        }
    }
}

#[test]
fn french_puts_a_no_break_space_before_high_punctuation() {
    for k in Locale::Fr.keys() {
        let text = Locale::Fr.t(Key::named(k));
        let chars: Vec<char> = text.chars().collect();
        for (i, c) in chars.iter().enumerate() {
            // A colon inside a time ("0:10") or an address has no space before it in any language.
            if matches!(c, ':' | ';' | '!' | '?' | '»') && i > 0 && chars[i - 1].is_whitespace() {
                assert!(matches!(chars[i - 1], '\u{a0}' | '\u{202f}'), "fr `{k}`: ordinary space before {c}: {text}");
            }
            if *c == '«' {
                assert!(
                    matches!(chars.get(i + 1), Some('\u{a0}' | '\u{202f}')),
                    "fr `{k}`: no no-break space after «: {text}"
                );
            }
        }
    }
}

#[test]
fn german_and_french_address_the_reader_formally() {
    let informal_de = [" du ", " dich ", " dein", " dir "];
    let informal_fr = [" tu ", " toi ", " ton ", " ta ", " tes "];
    for (locale, words) in [(Locale::De, &informal_de[..]), (Locale::Fr, &informal_fr[..])] {
        for k in locale.keys() {
            let text = format!(" {} ", locale.t(Key::named(k)).to_lowercase());
            for w in words {
                assert!(!text.contains(w), "{} `{k}` uses the informal `{}`: {text}", locale.code(), w.trim());
            }
        }
    }
}

#[test]
fn dates_follow_each_language() {
    let d = Date { year: 2026, month: 12, day: 3 };
    assert_eq!(Locale::En.date(d), "December 3, 2026");
    assert_eq!(Locale::De.date(d), "3. Dezember 2026");
    assert_eq!(Locale::Fr.date(d), "3 décembre 2026");
}
