//! The workshop: the agenda's time boxes, the questions the data raises (never from a hidden
//! group), the register's rows and columns, its CSV, and the printed pack and handout.

use crate::aggregate::{aggregate, collect, TeamReport};
use crate::config::{Surroundings, TeamSettings};
use crate::facilitation::*;
use crate::i18n::Date;
use crate::i18n::{key, Locale};
use crate::instrument::{Instrument, Owner, Role};
use crate::markup::pack::pack;
use crate::markup::workshop::{heatmap, invitation};
use crate::markup::{Html, SafeUrl};
use crate::response::{Answer, Response};
use crate::sample::{self, Rng};
use crate::share::encode_full;
use proptest::prelude::*;

fn i() -> &'static Instrument {
    Instrument::current()
}

/// A CSV line's cells, quoted cells unquoted.
fn cells(line: &str) -> Vec<String> {
    let (mut out, mut cell, mut quoted) = (Vec::new(), String::new(), false);
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => out.push(std::mem::take(&mut cell)),
            c => cell.push(c),
        }
    }
    out.push(cell);
    out
}

fn links(responses: &[Response]) -> String {
    responses.iter().map(|r| format!("https://x.test/#r={}\n", encode_full(r).unwrap())).collect()
}

/// `n` people of `role` answering at random (so their links differ: a repeated link counts once)
/// but for what `change` sets.
fn people(role: Role, n: usize, change: impl Fn(&mut Response)) -> Vec<Response> {
    let mut rng = Rng::new(role.code() as u64 * 1000 + n as u64);
    (0..n)
        .map(|_| {
            let mut r = sample::random(&mut rng, role);
            change(&mut r);
            r
        })
        .collect()
}

/// Internal IT (6) strongly agree they are trusted and say the MSP runs the helpdesk; the MSP (6)
/// strongly disagree and say internal IT does; leadership (2) and other staff (3) are hidden
/// (together they reach the threshold of 5, so no shown group is hidden to protect them).
fn split_team() -> TeamReport {
    let mut all = people(Role::InternalIt, 6, |r| {
        r.set_named("tr_depth", Answer::Likert(5));
        r.set_named("ow_matrix.helpdesk", Answer::Owner(Owner::Msp));
    });
    all.extend(people(Role::Msp, 6, |r| {
        r.set_named("tr_depth", Answer::Likert(1));
        r.set_named("ow_matrix.helpdesk", Answer::Owner(Owner::InternalIt));
    }));
    all.extend(people(Role::Leadership, 2, |_| {}));
    all.extend(people(Role::Other, 3, |_| {}));
    aggregate(i(), &collect(&links(&all)).members, 5)
}

#[test]
fn the_agenda_fills_ninety_minutes_back_to_back() {
    let slots = agenda();
    assert_eq!(slots.len(), Part::ALL.len());
    assert_eq!(slots[0].start, 0);
    assert_eq!(slots.last().unwrap().end, MEETING_MINUTES);
    for w in slots.windows(2) {
        assert_eq!(w[0].end, w[1].start, "no gap and no overlap");
    }
    assert!(slots.iter().all(|s| s.end > s.start));
    assert_eq!((clock(0), clock(45), clock(90)), ("0:00".into(), "0:45".into(), "1:30".into()));
}

#[test]
fn the_biggest_disagreement_is_the_first_question() {
    let t = split_team();
    let first = t.disagreements.first().expect("a disagreement");
    assert_eq!(i().items[first.item].id, "tr_depth");
    assert!(first.gap && first.size > 50.0, "{first:?}");
    // The item is reverse-keyed or not; either way each group's answer goes with its own side.
    let answer_of = |role| if role == Role::InternalIt { Answer::Likert(5) } else { Answer::Likert(1) };
    assert_eq!(
        [first.higher.role, first.lower.role].iter().filter(|r| [Role::InternalIt, Role::Msp].contains(r)).count(),
        2
    );
    assert_eq!(first.higher_answer, Some(answer_of(first.higher.role)));
    assert_eq!(first.lower_answer, Some(answer_of(first.lower.role)));
    // One entry per question, at most three, never a hidden group.
    let mut seen: Vec<usize> = t.disagreements.iter().map(|d| d.item).collect();
    seen.dedup();
    assert_eq!(seen.len(), t.disagreements.len());
    assert!(t.disagreements.len() <= crate::aggregate::MAX_DISAGREEMENTS);
    assert!(t.disagreements.iter().all(|d| d.higher.role != Role::Leadership && d.lower.role != Role::Leadership));
    let qs = questions(&t);
    assert_eq!(qs.len(), QUESTIONS);
    assert!(matches!(qs[0], Question::Disagreement(d) if i().items[d.item].id == "tr_depth"));
}

#[test]
fn one_shown_group_raises_no_between_group_question() {
    let mut all = people(Role::InternalIt, 6, |r| {
        r.set_named("ow_matrix.helpdesk", Answer::Owner(Owner::Nobody));
    });
    all.extend(people(Role::Msp, 2, |_| {}));
    all.extend(people(Role::Leadership, 3, |_| {}));
    let t = aggregate(i(), &collect(&links(&all)).members, 5);
    assert_eq!(t.shown().count(), 1, "only internal IT is shown");
    assert!(t.disagreements.is_empty());
    let qs = questions(&t);
    assert!(!qs.is_empty());
    assert!(qs.iter().all(|q| !matches!(q, Question::Disagreement(_) | Question::Owners { .. })), "{qs:?}");
    assert!(qs.iter().any(|q| matches!(q, Question::Gap { .. })), "the helpdesk has no owner: {qs:?}");
}

#[test]
fn the_register_has_a_row_per_area_and_blank_hidden_columns() {
    let t = split_team();
    let rows = register(i(), &t);
    let crate::ItemKind::Matrix { areas, .. } = i().matrix().kind else { panic!() };
    assert_eq!(rows.len(), areas.len());
    assert_eq!(register_roles(i()), vec![Role::InternalIt, Role::Msp, Role::Leadership]);
    for row in &rows {
        assert_eq!(row.said.len(), 3);
        assert_eq!(row.said[2], (Role::Leadership, Said::Hidden), "leadership (2) is hidden");
        assert_eq!(row.decision_needed(), row.disagreement || row.gap);
    }
    let helpdesk = areas.iter().position(|a| *a == "helpdesk").unwrap();
    assert!(rows[helpdesk].disagreement && rows[helpdesk].decision_needed());
    match rows[helpdesk].said[0].1 {
        Said::Shown(m) => assert_eq!((m.owner, m.agree, m.of), (Some(Owner::Msp), 6, 6)),
        other => panic!("{other:?}"),
    }
    // Other staff are not asked who owns what: no column for them even when they take part, and
    // a column for every group that is asked, even with no one in it.
    let mut with_other = people(Role::InternalIt, 5, |_| {});
    with_other.extend(people(Role::Other, 5, |_| {}));
    let t = aggregate(i(), &collect(&links(&with_other)).members, 5);
    let rows = register(i(), &t);
    assert!(rows.iter().all(|r| r.said.iter().map(|(r, _)| *r).eq([Role::InternalIt, Role::Msp, Role::Leadership])));
    assert!(rows.iter().all(|r| r.said[1].1 == Said::Hidden && r.said[2].1 == Said::Hidden));
}

#[test]
fn the_register_csv_is_localised_with_a_row_per_area_and_hidden_cells_blank() {
    let t = split_team();
    let crate::ItemKind::Matrix { areas, .. } = i().matrix().kind else { panic!() };
    let es = crate::export::register_csv(i(), Locale::Es, &t);
    let lines: Vec<&str> = es.lines().collect();
    assert_eq!(lines.len(), areas.len() + 1, "a header and a row per area");
    let header = lines[0];
    assert!(header.starts_with(Locale::Es.t(key::ui::results::AREA)));
    assert!(header.contains(Locale::Es.t(key::ui::team::register::OWNER)), "{header}");
    assert_ne!(Locale::Es.t(key::ui::team::register::OWNER), Locale::En.t(key::ui::team::register::OWNER));
    let columns = cells(header).len();
    // Area, two per role group (3), decision, why, owner, escalation, review date.
    assert_eq!(columns, 1 + 2 * 3 + 5);
    for line in &lines[1..] {
        let cells = cells(line);
        assert_eq!(cells.len(), columns, "{line}");
        assert_eq!((cells[5].as_str(), cells[6].as_str()), ("", ""), "leadership is hidden: {line}");
        assert_eq!(&cells[columns - 3..], &["", "", ""], "left for the room to fill in");
    }
    let en = crate::export::register_csv(i(), Locale::En, &t);
    assert!(
        en.lines().any(|l| l
            .starts_with("First-line help for staff,MSP,6 of 6,Internal IT,6 of 6,,,Yes,Different owners named,,,")),
        "{en}"
    );
}

#[test]
fn the_pack_has_the_agenda_questions_decisions_and_dates() {
    let t = split_team();
    let around = Surroundings {
        share_base: SafeUrl::new("https://x.test/a/").unwrap(),
        brand: Some("Northwind <Advisory>".into()),
        logo: SafeUrl::new("logo.svg"),
        ..Default::default()
    };
    let keys =
        [crate::seal::HeldKey { label: "Contoso".into(), secret: crate::seal::SecretRoundKey::from_random([1; 32]) }];
    let info = TeamSettings {
        around: &around,
        today: Date { year: 2026, month: 11, day: 30 },
        threshold: 5,
        keys: &keys,
        current: Some(0),
        kiosk_idle: 90,
    };
    let html = Html::build(|o| pack(o, i(), Locale::En, &t, &info)).into_string();
    assert!(html.contains("Northwind &lt;Advisory&gt;") && html.contains(r#"src="logo.svg" alt="""#));
    let agenda = html.split(r#"data-testid="pack-agenda""#).nth(1).unwrap().split("</table>").next().unwrap();
    assert_eq!(agenda.matches("<tr>").count(), 1 + Part::ALL.len(), "a header and a row per part");
    assert!(agenda.contains("1:10–1:20"));
    let qs = html.split(r#"data-testid="pack-questions""#).nth(1).unwrap().split("</ol>").next().unwrap();
    assert_eq!(qs.matches("<li>").count(), 3);
    assert!(qs.contains("Internal IT") && qs.contains("Strongly agree") && qs.contains("Strongly disagree"));
    let areas = i().ownership.len();
    let section = |testid: &str| {
        html.split(&format!(r#"data-testid="{testid}""#))
            .nth(1)
            .unwrap()
            .split("</section>")
            .next()
            .unwrap()
            .to_string()
    };
    // Page 1 briefs leadership alone: who for whom and when, the headline, every area with its
    // band and people, and three to five decisions for today.
    let summary = section("pack-summary");
    assert!(summary.contains("Prepared by Northwind &lt;Advisory&gt; for Contoso on November 30, 2026."), "{summary}");
    assert!(summary.contains("Fix this first") || summary.contains("No area is below 60"));
    let scores = summary.split(r#"data-testid="pack-scores""#).nth(1).unwrap().split("</table>").next().unwrap();
    assert_eq!(scores.matches(r#"<tr><th scope="row">"#).count(), 9, "every area");
    let today = summary.split(r#"data-testid="pack-today""#).nth(1).unwrap().split("</ol>").next().unwrap();
    assert!((3..=5).contains(&today.matches("<li>").count()), "{today}");
    // The script says something for every time box.
    assert_eq!(
        section("pack-agenda-page").split(r#"data-testid="pack-script""#).nth(1).unwrap().matches("<dd>").count(),
        Part::ALL.len()
    );
    // The ownership part holds what fits its time box; the rest is in the appendix, and every
    // area is in one or the other.
    let on_agenda = section("pack-discussion").matches(r#"<tr><th scope="row">"#).count();
    let appendix = if html.contains(r#"data-testid="pack-appendix""#) {
        section("pack-appendix").matches(r#"<tr><th scope="row">"#).count()
    } else {
        0
    };
    assert!(on_agenda <= (Part::Ownership.minutes() / MINUTES_PER_AREA) as usize, "{on_agenda}");
    assert_eq!(on_agenda + appendix, areas);
    // Red flags and actions have owner and due-date columns.
    let flags = section("pack-flags-actions");
    assert!(flags.matches("Agreed owner").count() >= 2 && flags.matches("Due date").count() >= 2, "{flags}");
    // No question is asked twice.
    let items: Vec<&str> = qs.split("<li>").skip(1).collect();
    for (k, q) in items.iter().enumerate() {
        assert!(!items[k + 1..].contains(q), "repeated: {q}");
    }
    assert!(html.contains("February 28, 2027") && html.contains("November 30, 2026"), "today, and 90 days on");
    // The hidden group is never named in what the pack says about the answers.
    assert!(!qs.contains("Leadership") && !html.contains("Leadership:"));
}

#[test]
fn the_heatmap_writes_each_owner_out_and_leaves_hidden_groups_blank() {
    let t = split_team();
    let html = Html::build(|o| heatmap(o, i(), Locale::En, &t)).into_string();
    assert!(html.contains(r#"<td class="ov-heat" data-owner="msp">MSP (6 of 6)</td>"#), "{html}");
    assert!(html.contains("Leadership (hidden)"));
    let crate::ItemKind::Matrix { areas, .. } = i().matrix().kind else { panic!() };
    assert_eq!(html.matches(r#"<td data-hidden="true"></td>"#).count(), areas.len());
}

#[test]
fn the_handout_carries_the_address_its_code_and_the_promise() {
    let around = Surroundings { share_base: SafeUrl::new("https://x.test/assess/").unwrap(), ..Default::default() };
    let info = TeamSettings {
        around: &around,
        today: Date { year: 2026, month: 1, day: 1 },
        threshold: 4,
        keys: &[],
        current: None,
        kiosk_idle: 90,
    };
    let html = Html::build(|o| invitation(o, i(), Locale::Es, &info)).into_string();
    let handout = html.split(r#"data-testid="handout""#).nth(1).unwrap();
    assert!(handout.contains("https://x.test/assess/") && handout.contains("<svg"));
    assert!(handout.contains(r#"role="img""#) && handout.contains("<title id=\"ov-qr-handout-t\">"));
    assert_eq!(html.matches("<svg").count(), 2, "on screen and on the handout");
    assert!(handout.contains(" 4 "), "the threshold in the promise");
    // The time it states comes from the estimator, over every role.
    let minutes: Vec<f64> = Role::ALL.iter().map(|r| crate::estimate::estimate(i(), *r, Locale::Es).minutes).collect();
    let low = minutes.iter().copied().fold(f64::INFINITY, f64::min).round() as u32;
    let high = minutes.iter().copied().fold(0.0, f64::max).ceil() as u32;
    assert!(handout.contains(&format!("{low} y {high}")), "{low}–{high}: {handout}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    /// Whatever the team, the workshop never raises a question about, or fills a cell from, a
    /// hidden group, and the register keeps one row per area.
    #[test]
    fn nothing_in_the_workshop_rests_on_a_hidden_group(sizes in proptest::array::uniform4(0usize..8), seed in any::<u64>()) {
        let mut rng = Rng::new(seed);
        let mut all = Vec::new();
        for (role, n) in Role::ALL.into_iter().zip(sizes) {
            for _ in 0..n {
                all.push(sample::random(&mut rng, role));
            }
        }
        let t = aggregate(i(), &collect(&links(&all)).members, 3);
        let shown: Vec<Role> = t.shown().map(|g| g.role).collect();
        for q in questions(&t) {
            match q {
                Question::Disagreement(d) => {
                    prop_assert!(shown.contains(&d.higher.role) && shown.contains(&d.lower.role));
                }
                Question::Owners { first, second, .. } => {
                    prop_assert!(shown.contains(&first.role) && shown.contains(&second.role));
                }
                Question::Gap { count, of, .. } => prop_assert!(count <= of),
                Question::Barrier(_) => {}
            }
        }
        for row in register(i(), &t) {
            for (role, said) in row.said {
                prop_assert_eq!(said == Said::Hidden, !shown.contains(&role));
            }
        }
        for a in &t.actions {
            prop_assert!(a.count <= a.of && a.count > 0);
        }
    }
}
