//! The team module's surface: the team view before and after combining, its files, and a team
//! summary link's screen.

use crate::config::{Surroundings, TeamSettings};
use crate::i18n::{Date, Locale};
use crate::sample::{self, Rng};
use crate::share::encode_full;
use crate::team::*;
use crate::ui::TeamFile;
use crate::{team_link, Role};

fn around() -> Surroundings {
    Surroundings { share_base: crate::markup::SafeUrl::new("https://x.test/a/").unwrap(), ..Default::default() }
}

/// The team view's settings with the surroundings above and a fixed date.
fn settings(around: &Surroundings, threshold: usize) -> TeamSettings<'_> {
    TeamSettings {
        threshold,
        around,
        today: Date { year: 2026, month: 11, day: 30 },
        keys: &[],
        current: None,
        kiosk_idle: 90,
    }
}

fn fragment(r: &crate::Response) -> String {
    format!("r={}", encode_full(r).unwrap())
}

/// The team summary link's payload that the team link card shows.
pub(crate) fn summary_payload(html: &str) -> String {
    let card = html.split(r#"data-testid="team-link""#).nth(1).expect("a team link card");
    card.split("#t=").nth(1).unwrap().split('"').next().unwrap().to_string()
}

#[test]
fn the_team_form_keeps_what_the_boxes_held() {
    let a = around();
    let html = screen(Locale::Es, "https://x.test/#r=AAA <b>", "", &settings(&a, 5), false);
    assert!(html.contains(r#"<div id="ov-team-result" tabindex="-1"></div>"#), "no figures before combining");
    assert!(
        html.contains(r#"aria-describedby="ov-team-links-hint">https://x.test/#r=AAA &lt;b&gt;</textarea>"#),
        "escaped: {html}"
    );
    assert!(!html.contains("<details class=\"ov-details\" open"));
    assert!(
        screen(Locale::En, "", "x", &settings(&a, 5), false).contains("<details class=\"ov-details\" open"),
        "a baseline keeps its box open"
    );
    let out = screen(Locale::En, "", "", &settings(&a, 5), true);
    assert!(
        out.contains(r#"<div id="ov-team-result" tabindex="-1">"#) && out.contains(r#"data-testid="team-suppressed""#)
    );
    assert!(file(Locale::En, "", &settings(&a, 5), TeamFile::Csv).is_some_and(|c| !c.is_empty()));
    // Nothing to hold a workshop on: no register, no pack, no pack button.
    assert_eq!(file(Locale::En, "", &settings(&a, 5), TeamFile::Register), None);
    assert!(!out.contains(r#"data-testid="pack""#));
    assert!(!out.contains(r#"data-action="print-pack""#));
}
#[test]
fn team_combines_links_and_its_summary_payload_opens_read_only() {
    let mut rng = Rng::new(7);
    let links: String = (0..12)
        .map(|k| format!("https://x.test/#{}\n", fragment(&sample::random(&mut rng, Role::ALL[k % 4]))))
        .collect();
    let a = around();
    let out = figures(Locale::En, &links, "", &settings(&a, 3));
    assert!(out.contains("12"), "the team view counts the people");
    assert!(file(Locale::En, &links, &settings(&a, 3), TeamFile::Csv).unwrap().lines().count() > 1);
    assert!(file(Locale::En, &links, &settings(&a, 3), TeamFile::Register).unwrap().lines().count() > 1);
    let payload = summary_payload(&out);
    let decoded = team_link::decode(&format!("t={payload}")).expect("a valid team link");
    assert_eq!(decoded.n, 12, "three of every role: every group shown");
    let html = summary(Locale::En, &format!("t={payload}")).expect("renders");
    assert!(html.contains(r#"data-testid="team-summary-banner""#) && html.contains(r#"data-action="start-own""#));
    assert!(out.contains(&format!(r#"value="https://x.test/a/#t={payload}""#)), "the team link card");
    // A baseline round adds the change section; an empty one does not.
    let with_baseline = figures(Locale::En, &links, &links, &settings(&a, 3));
    assert_ne!(with_baseline, out);
}

#[test]
fn a_mangled_team_link_renders_nothing() {
    for bad in ["", "t=", "t=%%%", "t=AAAA", "r=AAAA"] {
        assert_eq!(summary(Locale::En, bad), None, "{bad:?}");
    }
}

/// The figure for each area, from every `data-figure="team-score"` cell of some markup:
/// (dimension id, the number shown).
fn shown_scores(html: &str) -> Vec<(String, String)> {
    html.split(r#"data-figure="team-score" data-dimension=""#)
        .skip(1)
        .map(|part| {
            let (dim, rest) = part.split_once('"').unwrap();
            (dim.to_string(), rest.trim_start_matches('>').split('<').next().unwrap().to_string())
        })
        .collect()
}

proptest::proptest! {
    /// One number per thing: each area's team score reads the same in the team view's table,
    /// the pack, the team summary link's screen and (rounded from its one decimal) the CSV.
    #[test]
    fn every_figure_reads_the_same_in_every_output(seed in proptest::prelude::any::<u64>(), n in 12usize..40) {
        let mut rng = Rng::new(seed);
        let links: String = (0..n)
            .map(|k| format!("https://x.test/#{}\n", fragment(&sample::random(&mut rng, Role::ALL[k % 4]))))
            .collect();
        let a = around();
        let view = figures(Locale::En, &links, "", &settings(&a, 3));
        let summary_screen = summary(Locale::En, &format!("t={}", summary_payload(&view))).unwrap();
        let csv = file(Locale::En, &links, &settings(&a, 3), TeamFile::Csv).unwrap();
        let mut seen: std::collections::BTreeMap<String, String> = Default::default();
        let all = shown_scores(&view).into_iter().chain(shown_scores(&summary_screen));
        for (dim, value) in all {
            let first = seen.entry(dim.clone()).or_insert(value.clone());
            proptest::prop_assert_eq!(&*first, &value, "{} differs between outputs", dim);
        }
        proptest::prop_assert_eq!(seen.len(), 9);
        for line in csv.lines().skip(1) {
            let cells: Vec<&str> = line.split(',').collect();
            let from_csv = cells[2].parse::<f64>().map(|v| crate::aggregate::whole(v).to_string()).unwrap_or("–".into());
            proptest::prop_assert_eq!(seen.get(cells[0]).cloned(), Some(from_csv), "{}", cells[0]);
        }
    }
}
