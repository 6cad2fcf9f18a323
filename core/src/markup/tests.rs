//! Markup tests: the accessible structure of each screen, answer state, escaping, and that the
//! report carries every headline figure and action.

use crate::i18n::Locale;
use crate::instrument::{Instrument, ItemKind, Role};
use crate::markup::report::{report, ReportOptions};
use crate::markup::*;
use crate::response::{Answer, Response};
use crate::sample;
use crate::scoring::score;

fn count(s: &str, needle: &str) -> usize {
    s.matches(needle).count()
}

const DAY: crate::i18n::Date = crate::i18n::Date { year: 2026, month: 1, day: 1 };

#[test]
fn answer_values_round_trip() {
    for a in [
        Answer::Likert(1),
        Answer::Likert(5),
        Answer::DontKnow,
        Answer::NotApplicable,
        Answer::Choice(0),
        Answer::Choice(12),
        Answer::Owner(crate::Owner::Nobody),
    ] {
        assert_eq!(parse_answer_value(&answer_value(a)), Some(a));
    }
    for bad in ["", "l", "l0", "l6", "x1", "o0", "o8", "c", "dkk", "nan", "ö"] {
        assert_eq!(parse_answer_value(bad), None, "{bad}");
    }
}

#[test]
fn every_question_is_a_fieldset_with_a_legend_and_labelled_radios() {
    let i = Instrument::current();
    for role in Role::ALL {
        for (s, _) in i.sections.iter().enumerate() {
            let html: String = (0..crate::flow::pages(i, s, role).len())
                .map(|p| {
                    Html::build(|o| section(o, i, Locale::En, role, (s, p), (1, 10), &Response::new(i, Some(role))))
                        .into_string()
                })
                .collect();
            let items: Vec<_> = i.section_items(s, role).collect();
            // One fieldset per question, and per row of a checklist; a labelled menu per area of
            // the ownership matrix.
            let plain =
                items.iter().filter(|it| matches!(it.kind, ItemKind::Likert { .. } | ItemKind::Choice { .. })).count();
            let parts: usize = items
                .iter()
                .map(|it| match it.kind {
                    ItemKind::Checklist { parts, .. } => parts.len(),
                    _ => 0,
                })
                .sum();
            let areas: usize = items
                .iter()
                .map(|it| match it.kind {
                    ItemKind::Matrix { areas, .. } => areas.len(),
                    _ => 0,
                })
                .sum();
            assert_eq!(count(&html, "<fieldset"), plain + parts, "{role:?} section {s}");
            assert_eq!(count(&html, "<legend"), plain + parts);
            assert_eq!(count(&html, "<select"), areas);
            // Every radio sits inside its own label; every menu has a label for it.
            assert_eq!(count(&html, r#"<input type="radio""#) + areas, count(&html, "<label"));
            assert_eq!(count(&html, "\" checked>"), 0);
            assert_eq!(count(&html, r#"id="ov-title" tabindex="-1""#), crate::flow::pages(i, s, role).len());
        }
    }
}

#[test]
fn answers_show_as_checked() {
    let i = Instrument::current();
    let r = sample::healthy(Role::InternalIt);
    let own = i.sections.iter().position(|s| s.id == "ownership").unwrap();
    let html: String = (0..crate::flow::pages(i, own, Role::InternalIt).len())
        .map(|p| Html::build(|o| section(o, i, Locale::En, Role::InternalIt, (own, p), (6, 10), &r)).into_string())
        .collect();
    let expected: usize = i.section_items(own, Role::InternalIt).map(|it| it.answer_count()).sum();
    // Radios checked, and each answered menu's owner selected.
    assert_eq!(count(&html, "\" checked>") + count(&html, "\" selected>"), expected);
}

#[test]
fn the_review_lists_each_unanswered_question_with_a_jump() {
    let i = Instrument::current();
    let mut r = sample::healthy(Role::Msp);
    r.clear_named("ctx_size");
    r.clear_named("ow_matrix.email");
    let html = Html::build(|o| review(o, i, Locale::En, &r, 10));
    assert_eq!(count(&html, r#"data-action="jump""#), 2);
    assert!(html.contains(r#"data-target="item-ow_matrix-email""#));
    assert!(html.contains("2 questions are still unanswered"));
    let complete = Html::build(|o| review(o, i, Locale::En, &sample::healthy(Role::Msp), 10));
    assert!(complete.contains("review-complete"));
}

#[test]
fn the_report_carries_the_headline_and_every_action() {
    let i = Instrument::current();
    let r = sample::random(&mut sample::Rng::new(11), Role::InternalIt);
    let rep = score(i, &r);
    let html = Html::build(|o| {
        report(
            o,
            i,
            Locale::En,
            &rep,
            &ReportOptions { shared: false, date: crate::i18n::Date { year: 2027, month: 1, day: 1 } },
        )
    });
    for a in &rep.actions {
        assert!(html.contains(Html::build(|o| o.text(Locale::En.t(i.actions()[a.rule].title))).as_str()), "{}", a.id);
    }
    for testid in [
        "headline",
        "readiness",
        "risk",
        "barrier",
        "confidence",
        "profile",
        "bars",
        "phase-chart",
        "ownership-map",
        "red-flags",
        "actions",
    ] {
        assert!(html.contains(&format!(r#"data-testid="{testid}""#)), "{testid}");
    }
    assert!(html.contains("January 1, 2027"), "the date in words");
    // No internal term reaches the respondent: the questionnaire's version is in the JSON export.
    assert!(!html.to_lowercase().contains("instrument"), "{html}");
    assert_eq!(count(&html, r#"role="img""#), count(&html, "<svg"));
    // Table and chart agree: every value in the table appears as a chart label.
    for row in crate::present::profile_rows(&rep, Locale::En) {
        assert!(html.contains(&format!(r#"<td class="ov-num">{}</td>"#, row.value_text())));
        assert!(html.contains(&format!("{} · {}", row.value_text(), row.band_label)));
    }
}

#[test]
fn text_is_escaped() {
    assert_eq!(Html::build(|o| o.text(r#"<b a="x">&'"#)).as_str(), "&lt;b a=&quot;x&quot;&gt;&amp;&#39;");
    let html = Html::build(|o| welcome(o, Locale::En, false, 5, false));
    assert!(!html.contains("<script"));
    assert!(html.contains(r#"data-action="start""#));
}

#[test]
fn the_team_view_never_names_a_hidden_group_in_its_figures() {
    use crate::aggregate::{aggregate, collect};
    let i = Instrument::current();
    let mut text = String::new();
    let mut rng = sample::Rng::new(4);
    for (role, n) in [(Role::InternalIt, 6), (Role::Msp, 6), (Role::Other, 2)] {
        for _ in 0..n {
            text.push_str(&format!("#r={}\n", crate::share::encode_full(&sample::random(&mut rng, role)).unwrap()));
        }
    }
    let c = collect(&text);
    let t = aggregate(i, &c.members, 5);
    let html = Html::build(|o| team::team(o, i, Locale::En, &c, &t, None, None));
    // Other staff (2) is hidden, labelled with no size; leadership, with no one, reads the same.
    // Internal IT and the MSP are shown: two mean columns.
    assert_eq!(count(&html, "Hidden: fewer than 5 answered"), 2);
    assert_eq!(count(&html, ": average on all its questions"), 2);
    assert!(!html.contains("Other staff: average"));
    assert!(!html.contains(r#"Other staff</th><td class="ov-num">"#), "a hidden group is not counted");
    let csv = crate::export::team_csv(Locale::En, &t);
    assert_eq!(csv.lines().next().unwrap().matches("mean_").count(), 2);
}

#[test]
fn start_over_offers_a_hidden_labelled_confirmation() {
    for locale in Locale::ALL {
        let o = Html::build(|o| app::start_over(o, locale));
        assert_eq!(count(&o, r#"data-action="start-over""#), 1);
        // The confirmation is a labelled group, hidden until asked for, with both choices.
        assert!(o.contains(
            r#"<div role="group" aria-labelledby="ov-confirm-text" class="ov-confirm" id="ov-start-over-confirm" hidden><p id="ov-confirm-text">"#
        ));
        assert_eq!(count(&o, r#"data-action="confirm-start-over""#), 1);
        assert_eq!(count(&o, r#"data-action="keep-answers""#), 1);
        assert_eq!(count(&o, "<button type=\"button\""), 3);
        // Code moves focus between them by id, not by searching the markup.
        for id in [crate::ui::ids::START_OVER, crate::ui::ids::KEEP_ANSWERS] {
            assert_eq!(count(&o, &format!(r#"id="{id}""#)), 1, "{id}");
        }
        assert!(!o.contains("[?]"));
        let extras = Html::build(|o| app::own_results_extras(o, locale));
        assert!(
            extras.contains(r#"data-action="edit-answers""#)
                && extras.contains(o.as_str())
                && extras.contains("ov-no-print")
        );
    }
}

#[test]
fn the_link_error_names_the_problem_and_the_way_back() {
    use crate::share::LinkError;
    for error in [
        LinkError::NotOverlap,
        LinkError::Garbled,
        LinkError::Truncated,
        LinkError::Altered,
        LinkError::UnknownVersion(9),
    ] {
        let o = Html::build(|o| app::link_error(o, Locale::En, error));
        assert!(o.contains(&format!(r#"data-testid="link-error" data-error="{}""#, error.id())));
        assert!(o.contains(r#"<h1 id="ov-title" tabindex="-1">"#));
        assert!(o.contains(r#"<p role="alert">"#));
        assert_eq!(count(&o, r#"data-action="start-own""#), 1);
        assert!(!o.contains("[?]"));
    }
}

#[test]
fn a_notice_carries_its_language_and_escapes_its_text() {
    let o = Html::build(|o| app::notice(o, Locale::En, "<b>Saved</b> & kept", Some("es")));
    assert!(o.contains(r#"<p lang="es">&lt;b&gt;Saved&lt;/b&gt; &amp; kept</p>"#), "{o}");
    assert!(o.contains(r#"data-action="dismiss""#));
    assert!(!Html::build(|o| app::notice(o, Locale::En, "x", None)).contains("lang="));
}

#[test]
fn the_header_lists_every_language_in_its_own_name_and_escapes_the_brand() {
    let o = Html::build(|o| app::header(o, Locale::Es, None, None));
    assert!(o.contains(r#"<label for="ov-lang-select" id="ov-lang-label">Idioma</label>"#), "{o}");
    assert!(o.contains(r#"<option value="en" lang="en">English</option>"#));
    assert!(o.contains(r#"<option value="es" lang="es" selected>Español</option>"#));
    assert!(o.contains(r#"<option value="de" lang="de">Deutsch</option>"#), "{o}");
    assert!(o.contains(r#"<option value="fr" lang="fr">Français</option>"#), "{o}");
    assert!(o.contains(r#"<span id="ov-brand-text">"#));
    // A logo address with a quote in it is not a safe URL at all; one that is, is escaped.
    assert_eq!(crate::markup::SafeUrl::new("logo.svg\" onload=\"x"), None);
    let logo = crate::markup::SafeUrl::new("logo.svg?a=1&b=2").unwrap();
    let branded = Html::build(|o| app::header(o, Locale::En, Some("A&B <IT>"), Some(&logo)));
    assert!(branded.contains("<span>A&amp;B &lt;IT&gt;</span>"), "{branded}");
    // The name follows as text, so the logo's alt is empty rather than the name read twice.
    assert!(branded.contains(r#"<img src="logo.svg?a=1&amp;b=2" alt="">"#), "{branded}");
    assert!(!branded.contains("ov-brand-text"), "a configured name is not translated");
}

#[test]
fn the_results_waiting_and_failure_screens_say_what_happens() {
    for locale in Locale::ALL {
        let waiting = Html::build(|o| app::results_waiting(o, locale));
        assert!(waiting.contains(r#"role="status""#) && !waiting.contains("[?]"));
        assert!(waiting.contains(r#"<h1 id="ov-title" tabindex="-1">"#));
        let failed = Html::build(|o| app::results_unavailable(o, locale));
        assert!(failed.contains(r#"<h1 id="ov-title" tabindex="-1">"#));
        assert!(failed.contains(r#"<p role="alert">"#));
        assert_eq!(count(&failed, r#"data-action="results-retry""#), 1);
        assert!(!failed.contains("[?]"));
    }
}

/// Every screen, in both modules and every language, has exactly one `h1`: its title, the
/// element focus moves to after navigation (axe checks the same in the browser, screen by
/// screen; this covers every role, section and view at once).
#[test]
fn every_screen_has_exactly_one_h1() {
    use crate::config::Surroundings;
    use crate::share::LinkError;
    let i = Instrument::current();
    let around =
        Surroundings { share_base: crate::markup::SafeUrl::new("https://x.example/").unwrap(), ..Default::default() };
    for locale in Locale::ALL {
        let mut screens = vec![
            ("welcome".to_string(), Html::build(|o| welcome(o, locale, false, 5, false))),
            ("welcome, resuming".to_string(), Html::build(|o| welcome(o, locale, true, 5, true))),
            ("role".to_string(), Html::build(|o| role(o, locale, None))),
            ("link error".to_string(), Html::build(|o| app::link_error(o, locale, LinkError::Altered))),
            ("results waiting".to_string(), Html::build(|o| app::results_waiting(o, locale))),
            ("results unavailable".to_string(), Html::build(|o| app::results_unavailable(o, locale))),
        ];
        for r in Role::ALL {
            let answers = sample::healthy(r);
            for screen in crate::flow::Flow::new(i, Some(r)).screens() {
                let crate::flow::Screen::Section(s, p) = screen else { continue };
                screens.push((
                    format!("section {s} page {p} ({r:?})"),
                    Html::build(|o| section(o, i, locale, r, (s, p), (1, 9), &answers)),
                ));
            }
            screens.push((format!("review ({r:?})"), Html::build(|o| review(o, i, locale, &answers, 9))));
        }
        let mut drawn = Vec::new();
        let link = crate::share::encode_full(&sample::healthy(Role::Msp)).unwrap();
        for shared in [false, true] {
            let report = crate::results::report(locale, &format!("r={link}"), shared, DAY, &around, None).unwrap();
            drawn.push((format!("report (shared: {shared})"), report));
        }
        let links = sample::team_links_text(20);
        let settings = crate::config::TeamSettings {
            threshold: 5,
            around: &around,
            today: DAY,
            keys: &[],
            current: None,
            kiosk_idle: 90,
        };
        for combined in [false, true] {
            let html = crate::team::screen(locale, &links, "", &settings, combined);
            drawn.push((format!("team view (combined: {combined})"), html));
        }
        let summary = crate::team::tests::summary_payload(&crate::team::figures(locale, &links, "", &settings));
        let summary_screen = crate::team::summary(locale, &format!("t={summary}")).unwrap();
        drawn.push(("team summary".to_string(), summary_screen));
        let screens = screens.into_iter().map(|(name, html)| (name, html.into_string())).chain(drawn);
        for (name, html) in screens {
            assert_eq!(count(&html, "<h1"), 1, "{name} ({locale:?}) has {} h1", count(&html, "<h1"));
        }
    }
}

/// The issue's case, as the reader sees it: a job-fear answer among healthy ones. The report's
/// band, risk and "fix this first" agree with the red flag, and speak to the reader.
#[test]
fn a_critical_answer_is_what_the_headline_says() {
    let i = Instrument::current();
    let mut r = sample::healthy(Role::InternalIt);
    r.set_named("tp_job", Answer::Likert(5));
    let rep = score(i, &r);
    let date = crate::i18n::Date { year: 2026, month: 12, day: 3 };
    let html = Html::build(|o| report(o, i, Locale::En, &rep, &ReportOptions { shared: false, date })).into_string();
    let headline = html.split(r#"data-testid="headline""#).nth(1).unwrap().split("</section>").next().unwrap();
    assert!(!headline.contains("No single blocker") && !headline.contains(">Low<"), "{headline}");
    assert!(headline.contains("Elevated") && headline.contains("Job security"), "{headline}");
    assert!(headline.contains("counts on its own"), "the reason is said: {headline}");
    assert!(html.contains("You answered “Strongly agree”"), "spoken to the reader");
    let table = html.split(r#"data-testid="profile-table""#).nth(1).unwrap();
    assert!(table.contains("At risk, because of a critical answer"), "the capped band says why");
    assert!(!headline.contains("Strong<"), "never Strong overall beside a critical answer: {headline}");
}
