//! The setup screen writes what the loader reads back unchanged, offers only accents the loader
//! accepts, and writes the build's headers.

use super::*;
use proptest::prelude::*;

/// `overlap.json` text read as the app's adapter reads it (`src/adapters/config.rs`): strings,
/// a list of strings, numbers; anything else left out.
fn load(json: &str) -> (Config, Vec<String>) {
    let v: serde_json::Value = serde_json::from_str(json).expect("the screen writes valid JSON");
    let obj = v.as_object().expect("an object");
    for k in obj.keys() {
        assert!(KEYS.contains(&k.as_str()), "the screen wrote an unknown key {k}");
    }
    let raw = RawConfig::read(
        |k| obj.get(k).and_then(|v| v.as_str()).map(str::to_string),
        |k| obj.get(k).and_then(|v| v.as_f64()),
        |k| {
            obj.get(k)
                .and_then(|a| a.as_array())
                .map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_string)).collect())
        },
    );
    Config::from_raw(raw)
}

fn text() -> impl Strategy<Value = Option<String>> {
    proptest::option::of(prop_oneof![
        "(?s).{0,30}",
        "[a-zA-Z <>\"&\\\\]{1,90}",
        Just("#0b5cad".to_string()),
        Just("#ffff00".to_string()),
        Just("https://northwind.example/a/b?c#d".to_string()),
        Just("facilitator@northwind.example".to_string()),
        Just("logo.svg".to_string()),
        Just("data:image/png;base64,iVBORw0KGgo=".to_string()),
        Just("es".to_string()),
    ])
}

proptest! {
    /// Whatever the form holds, the file the screen writes loads back, with no warning, to the
    /// settings the screen showed.
    #[test]
    fn what_the_screen_writes_loads_back_to_the_same_settings(
        name in text(), logo in text(), accent in text(), accent_dark in text(), cta_text in text(),
        cta_url in text(), share in text(), email in text(), locale in text(),
        key in proptest::option::of(Just(crate::wire::encode(&[3u8; 32]))),
        origins in proptest::option::of(proptest::collection::vec(text().prop_map(Option::unwrap_or_default), 0..4)),
        threshold in proptest::option::of(-5.0f64..60.0), idle in proptest::option::of(0.0f64..700.0),
        whole in any::<bool>(),
    ) {
        let round = |v: Option<f64>| v.map(|x| if whole { x.round() } else { x });
        let raw = RawConfig {
            consultancy_name: name, logo, accent, accent_dark, cta_text, cta_url, share_base_url: share,
            facilitator_email: email, facilitator_key: key, allowed_parent_origins: origins,
            team_threshold: round(threshold), default_locale: locale, kiosk_idle_seconds: round(idle),
        };
        let (shown, _) = Config::from_raw(raw);
        let json = to_json(&shown);
        let (loaded, warnings) = load(&json);
        prop_assert_eq!(&loaded, &shown, "{}", json);
        prop_assert!(warnings.is_empty(), "{:?}", warnings);
        prop_assert_eq!(to_json(&loaded), json);
    }
}

#[test]
fn the_defaults_write_an_empty_file() {
    assert_eq!(to_json(&Config::default()), "{}\n");
}

#[test]
fn an_offered_accent_is_one_the_loader_accepts() {
    for (value, dark) in
        [("#ffff00", false), ("#0b5cad", false), ("#1d5fa8", true), ("#000000", true), ("#777777", false)]
    {
        let offered = suggest_accent(value, dark).unwrap();
        let raw = if dark {
            RawConfig { accent_dark: Some(offered.clone()), ..RawConfig::default() }
        } else {
            RawConfig { accent: Some(offered.clone()), ..RawConfig::default() }
        };
        let (c, w) = Config::from_raw(raw);
        assert!(w.is_empty(), "{value} -> {offered}: {w:?}");
        assert_eq!(if dark { c.accent_dark } else { c.accent }, Some(offered.clone()));
    }
    // An accent that passes already is offered unchanged; a text that is no colour gets nothing.
    assert_eq!(suggest_accent("#0b5cad", false).as_deref(), Some("#0b5cad"));
    assert_eq!(suggest_accent("blue", false), None);
}

#[test]
fn each_of_the_loaders_messages_names_its_setting() {
    let (_, w) = Config::from_raw(RawConfig {
        accent: Some("#ffff00".into()),
        accent_dark: Some("blue".into()),
        allowed_parent_origins: Some(vec!["*".into()]),
        team_threshold: Some(2.0),
        kiosk_idle_seconds: Some(5.0),
        ..RawConfig::default()
    });
    let keys: Vec<&str> = problems(&w).into_iter().map(|(k, _)| k).collect();
    assert_eq!(keys, ["accent", "accent_dark", "allowed_parent_origins", "team_threshold", "kiosk_idle_seconds"]);
}

#[test]
fn the_headers_follow_the_origins_and_the_snippet_is_escaped() {
    let (c, _) = Config::from_raw(RawConfig {
        allowed_parent_origins: Some(vec!["https://www.northwind.example/careers/page".into()]),
        ..RawConfig::default()
    });
    let h = headers_file(&c);
    assert!(h.contains("frame-ancestors 'self' https://www.northwind.example\n"), "{h}");
    assert!(headers_file(&Config::default()).contains("frame-ancestors 'self'\n"));
    let s = snippet("https://x.example/assess/index.html?a=1&b=\"2\"", "Self-assessment <beta>");
    assert!(s.contains(r#"src="https://x.example/assess/index.html?a=1&amp;b=&quot;2&quot;""#), "{s}");
    assert!(s.contains(r#"<script src="https://x.example/assess/overlap-embed.js"></script>"#), "{s}");
    assert!(s.contains("title=\"Self-assessment &lt;beta>\""), "{s}");
}

#[test]
fn json_strings_escape_what_would_break_them() {
    assert_eq!(json_string("a\"b\\c\n</script>\u{1}"), r#""a\"b\\c\n\u003c/script>\u0001""#);
}

#[test]
fn the_form_lists_every_setting_and_its_sample_report_decodes() {
    use crate::markup::setup::{preview_html, raw_from, value_of, FIELDS, SAMPLE};
    assert!(FIELDS.iter().map(|f| f.0).eq(KEYS.iter().copied()), "the form lists every setting, in order");
    assert!(crate::share::decode(SAMPLE).is_ok());
    // The preview renames every id: the form's own (one h1, its labels) cannot clash with it.
    let (c, _) = Config::from_raw(RawConfig { consultancy_name: Some("Contoso".into()), ..RawConfig::default() });
    for results in [false, true] {
        let p = preview_html(Locale::En, &c, results, crate::i18n::Date { year: 2026, month: 12, day: 4 });
        assert!(p.contains("Contoso") && !p.contains(" id=\"") && !p.contains(" for=\""), "{p}");
    }
    // The form's text reads back as the settings it shows.
    let (c, _) = Config::from_raw(RawConfig {
        allowed_parent_origins: Some(vec!["https://a.example".into(), "https://b.example".into()]),
        team_threshold: Some(7.0),
        default_locale: Some("es".into()),
        ..RawConfig::default()
    });
    let (back, w) = Config::from_raw(raw_from(&|k| value_of(&c, k)));
    assert!(w.is_empty(), "{w:?}");
    assert_eq!(back, c);
    // A number that is not whole is refused by the loader, with its message.
    let (_, w) = Config::from_raw(raw_from(&|k| if k == "team_threshold" { "3.5".into() } else { String::new() }));
    assert!(w[0].starts_with("team_threshold"), "{w:?}");
}
