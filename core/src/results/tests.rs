//! The results module's surface: what a link renders to, what it exports, and that bad input
//! gives `None` rather than a half-drawn page.

use crate::config::Surroundings;
use crate::i18n::{key, Date, Locale};
use crate::results::*;
use crate::sample;
use crate::share::{self, encode_full, Shared};
use crate::ui::ReportFile;
use crate::Role;

fn around() -> Surroundings {
    Surroundings { share_base: crate::markup::SafeUrl::new("https://x.test/a/").unwrap(), ..Default::default() }
}

const DAY: Date = Date { year: 2026, month: 11, day: 23 };

/// The summary link's payload that the share panel offers (`data-summary`).
pub(crate) fn summary_payload(html: &str) -> String {
    let field = html.split(r#"id="ov-share-link""#).nth(1).expect("a share panel");
    let link = field.split(r#"data-summary=""#).nth(1).expect("both links").split('"').next().unwrap();
    link.split("#r=").nth(1).unwrap().to_string()
}

fn fragment(r: &crate::Response) -> String {
    format!("r={}", encode_full(r).unwrap())
}

#[test]
fn a_full_link_renders_the_report_with_both_exports_and_a_summary_link() {
    let response = sample::healthy(Role::InternalIt);
    let html = report(Locale::En, &fragment(&response), false, DAY, &around(), None).expect("renders");
    assert!(html.contains(r#"data-testid="headline""#), "headline");
    assert!(html.contains("<svg"), "charts");
    assert!(html.contains("November 23, 2026"), "the date in the footer, in words");
    let json = file(Locale::En, &fragment(&response), ReportFile::Json).unwrap();
    assert!(json.contains("\"answers\""), "JSON export has the answers: {}", &json[..80.min(json.len())]);
    let csv = file(Locale::En, &fragment(&response), ReportFile::Csv).unwrap();
    assert!(csv.lines().count() > 9, "a CSV row per dimension");
    // The summary payload is a valid summary link with the same scores.
    match share::decode(&format!("r={}", summary_payload(&html))) {
        Ok(Shared::Summary(s)) => {
            assert_eq!(s.dimensions, crate::score(crate::Instrument::current(), &response).dimensions)
        }
        other => panic!("summary payload decoded to {other:?}"),
    }
}

#[test]
fn a_summary_link_renders_without_a_json_export() {
    let response = sample::healthy(Role::Leadership);
    let own = report(Locale::Es, &fragment(&response), false, DAY, &around(), None).unwrap();
    let summary_fragment = format!("r={}", summary_payload(&own));
    let full = report(Locale::Es, &fragment(&response), true, DAY, &around(), None).unwrap();
    let summary = report(Locale::Es, &summary_fragment, true, DAY, &around(), None).unwrap();
    assert!(summary.contains(r#"data-testid="shared-banner""#));
    assert_eq!(file(Locale::Es, &summary_fragment, ReportFile::Json), None);
    assert_eq!(
        file(Locale::Es, &summary_fragment, ReportFile::Csv),
        file(Locale::Es, &fragment(&response), ReportFile::Csv),
        "the same scores export the same CSV"
    );
    // A shared result offers the way back and no share panel; no JSON button without answers.
    assert!(summary.contains(r#"data-action="start-own""#));
    assert!(!summary.contains("ov-share-link"));
    assert!(!summary.contains(r#"data-action="export-json""#));
    assert!(full.contains(r#"data-action="export-json""#));
}

#[test]
fn the_share_panel_carries_both_links_and_the_call_to_action_when_configured() {
    let response = sample::healthy(Role::InternalIt);
    let with_cta = Surroundings {
        cta: Some((String::new(), crate::markup::SafeUrl::new("https://consultancy.test/book?a=1&b=2").unwrap())),
        ..around()
    };
    let out = report(Locale::En, &fragment(&response), false, DAY, &with_cta, None).unwrap();
    let full_link = format!("https://x.test/a/#{}", fragment(&response));
    let summary = crate::share::encode_summary(&crate::score(crate::Instrument::current(), &response)).unwrap();
    let summary_link = format!("https://x.test/a/#r={summary}");
    assert!(
        out.contains(&format!(r#"value="{full_link}" data-full="{full_link}" data-summary="{summary_link}""#)),
        "{out}"
    );
    assert!(out.contains(r#"data-copied="Link copied.""#));
    assert!(out.contains(r#"href="https://consultancy.test/book?a=1&amp;b=2""#), "the address is escaped");
    assert!(out.contains("Book a review"), "the default label");
    let without = report(Locale::En, &fragment(&response), false, DAY, &around(), None).unwrap();
    assert!(!without.contains(r#"data-testid="cta""#));
}

#[test]
fn a_mangled_link_renders_nothing() {
    let good = fragment(&sample::healthy(Role::Msp));
    let cut = &good[..good.len() / 2];
    for bad in ["", "r=", "r=%%%", cut, "t=AAAA"] {
        assert_eq!(report(Locale::En, bad, true, DAY, &around(), None), None, "{bad:?}");
        assert_eq!(file(Locale::En, bad, ReportFile::Csv), None, "{bad:?}");
    }
}

#[test]
fn send_emails_the_facilitator_when_configured_and_otherwise_offers_the_share_sheet() {
    let response = sample::healthy(Role::InternalIt);
    let plain = report(Locale::En, &fragment(&response), false, DAY, &around(), None).unwrap();
    assert!(plain.contains(r#"data-action="send-link""#) && !plain.contains("mailto:"));
    let emailed = Surroundings { facilitator_email: Some("f.x+acme@northwind.example".into()), ..around() };
    let out = report(Locale::Es, &fragment(&response), false, DAY, &emailed, None).unwrap();
    assert!(!out.contains(r#"data-action="send-link""#), "one obvious action, not two");
    let anchor = out.split(r#"data-testid="send-email""#).nth(1).unwrap().split('>').next().unwrap();
    // The address, the subject, and a body carrying the link the level radios show (full first).
    let full = crate::markup::report::mailto(
        "f.x+acme@northwind.example",
        Locale::Es.t(key::ui::share::EMAIL_SUBJECT),
        &format!(
            "{}\n\nhttps://x.test/a/#{}\n\n{}",
            Locale::Es.t(key::ui::share::EMAIL_BODY),
            fragment(&response),
            Locale::Es.t(key::ui::share::EMAIL_NOTE)
        ),
    );
    assert!(anchor.contains(&format!(r#"href="{}""#, full.replace('&', "&amp;"))), "{anchor}");
    assert!(full.starts_with("mailto:f.x+acme@northwind.example?subject=Mi%20resultado%20de%20la%20evaluaci%C3%B3n"));
    let summary_link = format!("https://x.test/a/#r={}", summary_payload(&out));
    let encoded: String = summary_link
        .bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => (b as char).to_string(),
            b => format!("%{b:02X}"),
        })
        .collect();
    assert!(anchor.contains(&encoded), "the summary variant carries the summary link");
}

#[test]
fn mailto_encodes_every_reserved_character_and_ends_lines_with_crlf() {
    let m = crate::markup::report::mailto("a@b.example", "R&D: ¿sí?", "one\ntwo #3 & 50%");
    assert_eq!(m, "mailto:a@b.example?subject=R%26D%3A%20%C2%BFs%C3%AD%3F&body=one%0D%0Atwo%20%233%20%26%2050%25");
}

/// With a round key, every way of sending carries the sealed link, which opens with the round's
/// secret to the plain link's bytes; the plain link is not in the page; the fingerprint is said.
#[test]
fn with_a_round_key_the_share_panel_sends_only_sealed_links() {
    use crate::seal::{open_link, SecretRoundKey};
    let secret = SecretRoundKey::from_random([42; 32]);
    let sealing = Sealing { key: secret.public(), random: [[1; 32], [2; 32]] };
    let response = sample::healthy(Role::InternalIt);
    let emailed = Surroundings { facilitator_email: Some("f@northwind.example".into()), ..around() };
    for around in [around(), emailed] {
        let html = report(Locale::En, &fragment(&response), false, DAY, &around, Some(&sealing)).unwrap();
        let plain = encode_full(&response).unwrap();
        assert!(!html.contains(&plain), "the plain link is not offered");
        assert!(html.contains(&secret.public().fingerprint_text()), "the fingerprint is shown");
        assert!(html.contains(r#"data-testid="share-sealed""#));
        let field = html.split(r#"id="ov-share-link""#).nth(1).unwrap();
        let full = field.split(r#"data-full=""#).nth(1).unwrap().split('"').next().unwrap();
        let summary = field.split(r#"data-summary=""#).nth(1).unwrap().split('"').next().unwrap();
        assert_eq!(open_link(full, std::slice::from_ref(&secret)).unwrap(), fragment(&response));
        let summary_plain = open_link(summary, std::slice::from_ref(&secret)).unwrap();
        assert!(matches!(share::decode(&summary_plain), Ok(Shared::Summary(_))));
    }
}
