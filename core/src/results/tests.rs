//! The results module's surface: what a link renders to, what it exports, and that bad input
//! gives `None` rather than a half-drawn page.

use crate::i18n::{key, Locale};
use crate::markup::controls::Surroundings;
use crate::results::*;
use crate::sample::{self, Rng};
use crate::share::{self, encode_full, Shared};
use crate::{team_link, Role};

fn around() -> Surroundings {
    Surroundings { share_base: crate::markup::SafeUrl::new("https://x.test/a/").unwrap(), ..Default::default() }
}

/// The team view's settings with the surroundings above and fixed dates.
fn settings(around: &Surroundings, threshold: usize) -> TeamSettings<'_> {
    TeamSettings { threshold, around, today: "30/11/2026", next_round: "28/02/2027" }
}

fn fragment(r: &crate::Response) -> String {
    format!("r={}", encode_full(r).unwrap())
}

#[test]
fn a_full_link_renders_the_report_with_both_exports_and_a_summary_link() {
    let response = sample::healthy(Role::InternalIt);
    let out = report(Locale::En, &fragment(&response), false, "23/11/2026", &around()).expect("renders");
    assert!(out.html.contains(r#"data-testid="headline""#), "headline");
    assert!(out.html.contains("<svg"), "charts");
    assert!(out.html.contains("23/11/2026"), "the date in the footer");
    assert!(out.json.contains("\"answers\""), "JSON export has the answers: {}", &out.json[..80.min(out.json.len())]);
    assert!(out.csv.lines().count() > 9, "a CSV row per dimension");
    // The summary payload is a valid summary link with the same scores.
    match share::decode(&format!("r={}", out.summary_payload)) {
        Ok(Shared::Summary(s)) => {
            assert_eq!(s.dimensions, crate::score(crate::Instrument::current(), &response).dimensions)
        }
        other => panic!("summary payload decoded to {other:?}"),
    }
}

#[test]
fn a_summary_link_renders_without_a_json_export() {
    let response = sample::healthy(Role::Leadership);
    let full = report(Locale::Es, &fragment(&response), true, "", &around()).unwrap();
    let summary = report(Locale::Es, &format!("r={}", full.summary_payload), true, "", &around()).unwrap();
    assert!(summary.html.contains(r#"data-testid="shared-banner""#));
    assert!(summary.json.is_empty());
    assert_eq!(summary.csv, full.csv, "the same scores export the same CSV");
    // A shared result offers the way back and no share panel; no JSON button without answers.
    assert!(summary.html.contains(r#"data-action="start-own""#));
    assert!(!summary.html.contains("ov-share-link"));
    assert!(!summary.html.contains(r#"data-action="export-json""#));
    assert!(full.html.contains(r#"data-action="export-json""#));
}

#[test]
fn the_share_panel_carries_both_links_and_the_call_to_action_when_configured() {
    let response = sample::healthy(Role::InternalIt);
    let with_cta = Surroundings {
        cta: Some((String::new(), crate::markup::SafeUrl::new("https://consultancy.test/book?a=1&b=2").unwrap())),
        ..around()
    };
    let out = report(Locale::En, &fragment(&response), false, "", &with_cta).unwrap();
    let full_link = format!("https://x.test/a/#{}", fragment(&response));
    let summary_link = format!("https://x.test/a/#r={}", out.summary_payload);
    assert!(
        out.html.contains(&format!(r#"value="{full_link}" data-full="{full_link}" data-summary="{summary_link}""#)),
        "{}",
        out.html
    );
    assert!(out.html.contains(r#"data-copied="Link copied.""#));
    assert!(out.html.contains(r#"href="https://consultancy.test/book?a=1&amp;b=2""#), "the address is escaped");
    assert!(out.html.contains("Book a review"), "the default label");
    let without = report(Locale::En, &fragment(&response), false, "", &around()).unwrap();
    assert!(!without.html.contains(r#"data-testid="cta""#));
}

#[test]
fn the_team_form_keeps_what_the_boxes_held() {
    let a = around();
    let TeamOutput { html, csv, .. } =
        team_screen(Locale::Es, "https://x.test/#r=AAA <b>", "", &settings(&a, 5), false);
    assert!(
        csv.is_empty() && html.contains(r#"<div id="ov-team-result" tabindex="-1"></div>"#),
        "no figures before combining"
    );
    assert!(
        html.contains(r#"aria-describedby="ov-team-links-hint">https://x.test/#r=AAA &lt;b&gt;</textarea>"#),
        "escaped: {html}"
    );
    assert!(!html.contains("<details class=\"ov-details\" open"));
    assert!(
        team_screen(Locale::En, "", "x", &settings(&a, 5), false).html.contains("<details class=\"ov-details\" open"),
        "a baseline keeps its box open"
    );
    let out = team_screen(Locale::En, "", "", &settings(&a, 5), true);
    assert!(
        out.html.contains(r#"<div id="ov-team-result" tabindex="-1">"#)
            && out.html.contains(r#"data-testid="team-suppressed""#)
    );
    assert!(!out.csv.is_empty());
    // Nothing to hold a workshop on: no register, no pack, no pack button.
    assert!(out.register.is_empty() && !out.html.contains(r#"data-testid="pack""#));
    assert!(!out.html.contains(r#"data-action="print-pack""#));
}
#[test]
fn a_mangled_link_renders_nothing() {
    let good = fragment(&sample::healthy(Role::Msp));
    let cut = &good[..good.len() / 2];
    for bad in ["", "r=", "r=%%%", cut, "t=AAAA"] {
        assert_eq!(report(Locale::En, bad, true, "", &around()), None, "{bad:?}");
        assert_eq!(team_summary(Locale::En, bad), None, "{bad:?}");
    }
}

#[test]
fn team_combines_links_and_its_summary_payload_opens_read_only() {
    let mut rng = Rng::new(7);
    let links: String = (0..12)
        .map(|k| format!("https://x.test/#{}\n", fragment(&sample::random(&mut rng, Role::ALL[k % 4]))))
        .collect();
    let a = around();
    let out = team(Locale::En, &links, "", &settings(&a, 3));
    assert!(out.html.contains("12"), "the team view counts the people");
    assert!(out.csv.lines().count() > 1);
    let decoded = team_link::decode(&format!("t={}", out.summary_payload)).expect("a valid team link");
    assert_eq!(decoded.n, 12, "three of every role: every group shown");
    let html = team_summary(Locale::En, &format!("t={}", out.summary_payload)).expect("renders");
    assert!(html.contains(r#"data-testid="team-summary-banner""#) && html.contains(r#"data-action="start-own""#));
    assert!(
        out.html.contains(&format!(r#"value="https://x.test/a/#t={}""#, out.summary_payload)),
        "the team link card"
    );
    // A baseline round adds the change section; an empty one does not.
    let with_baseline = team(Locale::En, &links, &links, &settings(&a, 3));
    assert_ne!(with_baseline.html, out.html);
}

#[test]
fn send_emails_the_facilitator_when_configured_and_otherwise_offers_the_share_sheet() {
    let response = sample::healthy(Role::InternalIt);
    let plain = report(Locale::En, &fragment(&response), false, "", &around()).unwrap();
    assert!(plain.html.contains(r#"data-action="send-link""#) && !plain.html.contains("mailto:"));
    let emailed = Surroundings { facilitator_email: Some("f.x+acme@northwind.example".into()), ..around() };
    let out = report(Locale::Es, &fragment(&response), false, "", &emailed).unwrap();
    assert!(!out.html.contains(r#"data-action="send-link""#), "one obvious action, not two");
    let anchor = out.html.split(r#"data-testid="send-email""#).nth(1).unwrap().split('>').next().unwrap();
    // The address, the subject, and a body carrying the link the level radios show (full first).
    let full = crate::markup::controls::mailto(
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
    let summary_link = format!("https://x.test/a/#r={}", out.summary_payload);
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
    let m = crate::markup::controls::mailto("a@b.example", "R&D: ¿sí?", "one\ntwo #3 & 50%");
    assert_eq!(m, "mailto:a@b.example?subject=R%26D%3A%20%C2%BFs%C3%AD%3F&body=one%0D%0Atwo%20%233%20%26%2050%25");
}
