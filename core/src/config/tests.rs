//! Configuration validation: defaults, every rejection, and contrast.

use crate::config::*;
use crate::i18n::Locale;

#[test]
fn an_empty_file_gives_the_documented_defaults() {
    let (c, w) = Config::from_raw(RawConfig::default());
    assert_eq!(c, Config::default());
    assert!(w.is_empty());
    assert_eq!(c.team_threshold, 5);
    assert!(c.cta.is_none(), "no call to action until a URL is configured");
}

#[test]
fn valid_values_are_kept() {
    let (c, w) = Config::from_raw(RawConfig {
        consultancy_name: Some(" Northwind IT Advisory ".into()),
        logo: Some("brand/logo.svg".into()),
        accent: Some("#0B5CAD".into()),
        accent_dark: Some("#9cc3ff".into()),
        cta_text: Some("Book a review".into()),
        cta_url: Some("https://northwind.example/review".into()),
        share_base_url: Some("https://northwind.example/assessment/#x".into()),
        facilitator_email: Some(" team.review+acme@northwind-advisory.example ".into()),
        facilitator_key: Some(format!(" {} ", crate::wire::encode(&[9u8; 32]))),
        allowed_parent_origins: Some(vec![
            "https://northwind.example/some/page".into(),
            "http://localhost:4174".into(),
        ]),
        team_threshold: Some(3.0),
        default_locale: Some("es".into()),
        kiosk_idle_seconds: Some(120.0),
    });
    assert!(w.is_empty(), "{w:?}");
    assert_eq!(c.consultancy_name.as_deref(), Some("Northwind IT Advisory"));
    assert_eq!(c.accent.as_deref(), Some("#0b5cad"));
    assert_eq!(
        c.cta.as_ref().map(|(t, u)| (t.as_str(), u.as_str())),
        Some(("Book a review", "https://northwind.example/review"))
    );
    assert_eq!(c.share_base_url.as_ref().map(|u| u.as_str()), Some("https://northwind.example/assessment/"));
    assert_eq!(c.facilitator_email.as_deref(), Some("team.review+acme@northwind-advisory.example"));
    assert_eq!(
        facilitator_email(c.facilitator_email.as_deref().unwrap()).as_deref(),
        Ok("team.review+acme@northwind-advisory.example")
    );
    assert_eq!(c.facilitator_key, Some(crate::wire::encode(&[9u8; 32])));
    assert_eq!(c.allowed_parent_origins, vec!["https://northwind.example", "http://localhost:4174"]);
    assert_eq!((c.team_threshold, c.default_locale), (3, Some(Locale::Es)));
    assert_eq!(c.kiosk_idle_seconds, 120);
}

#[test]
fn invalid_values_fall_back_with_a_warning_each() {
    let (c, w) = Config::from_raw(RawConfig {
        consultancy_name: Some("x".repeat(81)),
        logo: Some("https://tracker.example/pixel.gif".into()),
        accent: Some("#ffff00".into()),
        accent_dark: Some("blue".into()),
        cta_text: Some("Go".into()),
        cta_url: Some("javascript:alert(1)".into()),
        share_base_url: Some("ftp://x".into()),
        facilitator_email: None,
        facilitator_key: Some("not-a-key".into()),
        allowed_parent_origins: Some(vec!["*".into()]),
        team_threshold: Some(2.0),
        default_locale: Some("pt".into()),
        kiosk_idle_seconds: Some(20.0),
    });
    assert_eq!(c, Config::default());
    assert_eq!(w.len(), 11, "{w:#?}");
    assert!(w.iter().any(|m| m.contains("kiosk_idle_seconds 20.00 must be a whole number from 30 to 600")));
    assert!(w.iter().any(|m| m.contains("contrast")));
}

#[test]
fn contrast_follows_wcag() {
    assert!((contrast((0, 0, 0), (255, 255, 255)) - 21.0).abs() < 1e-9);
    assert!((contrast((255, 255, 255), (255, 255, 255)) - 1.0).abs() < 1e-9);
    // The default accent passes against white.
    assert!(contrast(parse_hex("#1d5fa8").unwrap(), (255, 255, 255)) >= MIN_CONTRAST);
    assert_eq!(parse_hex("#12345"), None);
    assert_eq!(parse_hex("123456"), None);
}

#[test]
fn origins_and_urls_are_strict() {
    assert_eq!(origin_of("HTTPS://Example.com:8443/x?y#z").as_deref(), Some("https://example.com:8443"));
    assert_eq!(origin_of("https://user@evil.example"), None);
    assert_eq!(origin_of("data:text/html,hi"), None);
    assert!(!is_http_url("https://a.example/\"><script>"));
    assert!(is_http_url("http://127.0.0.1:4173/"));
}

#[test]
fn the_gamma_power_matches_powf_for_every_channel_value() {
    // Exhaustive: a colour channel has 256 values, and only those above 0.04045 use the power.
    for v in 0..=255u8 {
        let x = (v as f64 / 255.0 + 0.055) / 1.055;
        let (ours, std) = (pow_2_4(x), x.powf(2.4));
        assert!((ours - std).abs() <= 1e-13 * std, "{v}: {ours} vs {std}");
    }
    assert_eq!(pow_2_4(1.0), 1.0);
    assert_eq!(pow_2_4(0.0), 0.0);
    // The published contrast of black on white.
    assert!((contrast((0, 0, 0), (255, 255, 255)) - 21.0).abs() < 1e-9);
}

#[test]
fn a_bad_facilitator_address_is_set_aside_with_a_warning_where_it_is_used() {
    let (c, w) = Config::from_raw(RawConfig {
        facilitator_email: Some(" facilitator@northwind?cc=boss@x.example ".into()),
        ..RawConfig::default()
    });
    assert!(w.is_empty(), "checked by the results module, which uses it");
    let warning = facilitator_email(c.facilitator_email.as_deref().unwrap()).unwrap_err();
    assert!(warning.starts_with("facilitator_email `facilitator@northwind?cc=boss@x.example` is not"), "{warning}");
}

#[test]
fn only_plain_email_addresses_are_accepted() {
    for good in ["a@b.co", "first.last@northwind.example", "x+y_z-1@sub.domain-2.example"] {
        assert!(is_email(good), "{good}");
    }
    // Each would change a mailto: link's meaning, or is not an address at all.
    for bad in [
        "",
        "@b.co",
        "a@",
        "a@b",
        "a@@b.co",
        "a b@c.co",
        "a@b.co?subject=x",
        "a@b.co&body=x",
        "a,b@c.co",
        "a@-b.co",
        "a@b..co",
        ".a@b.co",
        "a\"@b.co",
        "mailto:a@b.co",
    ] {
        assert!(!is_email(bad), "{bad}");
    }
}
