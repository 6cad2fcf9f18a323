//! The results module's surface: what a link renders to, what it exports, and that bad input
//! gives `None` rather than a half-drawn page.

use crate::i18n::Locale;
use crate::markup::controls::Surroundings;
use crate::results::*;
use crate::sample::{self, Rng};
use crate::share::{self, encode_full, Shared};
use crate::{team_link, Role};

fn around() -> Surroundings {
    Surroundings { share_base: "https://x.test/a/".into(), cta: None }
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
    let with_cta =
        Surroundings { cta: Some((String::new(), "https://consultancy.test/book?a=1&b=2".into())), ..around() };
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
    let (html, csv) = team_screen(Locale::Es, "https://x.test/#r=AAA <b>", "", 5, "", false);
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
        team_screen(Locale::En, "", "x", 5, "", false).0.contains("<details class=\"ov-details\" open"),
        "a baseline keeps its box open"
    );
    let (combined, csv) = team_screen(Locale::En, "", "", 5, "", true);
    assert!(
        combined.contains(r#"<div id="ov-team-result" tabindex="-1">"#)
            && combined.contains(r#"data-testid="team-suppressed""#)
    );
    assert!(!csv.is_empty());
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
    let links: String =
        (0..12).map(|_| format!("https://x.test/#{}\n", fragment(&sample::random_any(&mut rng)))).collect();
    let out = team(Locale::En, &links, "", 3, "https://x.test/a/");
    assert!(out.html.contains("12"), "the team view counts the people");
    assert!(out.csv.lines().count() > 1);
    let decoded = team_link::decode(&format!("t={}", out.summary_payload)).expect("a valid team link");
    assert_eq!(decoded.n, 12);
    let html = team_summary(Locale::En, &format!("t={}", out.summary_payload)).expect("renders");
    assert!(html.contains(r#"data-testid="team-summary-banner""#) && html.contains(r#"data-action="start-own""#));
    assert!(
        out.html.contains(&format!(r#"value="https://x.test/a/#t={}""#, out.summary_payload)),
        "the team link card"
    );
    // A baseline round adds the change section; an empty one does not.
    let with_baseline = team(Locale::En, &links, &links, 3, "https://x.test/a/");
    assert_ne!(with_baseline.html, out.html);
}
