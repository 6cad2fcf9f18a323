//! Aggregation tests on small, hand-checked sets, plus properties of the anonymity rules.

use crate::aggregate::*;
use crate::instrument::Owner;
use crate::instrument::{Dimension, Instrument, Role};
use crate::markup::Html;
use crate::response::Answer;
use crate::sample::{self, Rng};
use crate::scoring::score;
use crate::share::{encode_full, encode_summary, LinkError};
use proptest::prelude::*;

fn link(r: &crate::Response) -> String {
    format!("https://x.test/#r={}", encode_full(r).unwrap())
}

#[test]
fn spread_uses_interpolated_quartiles() {
    // 1 2 3 4: median 2.5; q1 at position 0.75 -> 1.75; q3 at 2.25 -> 3.25.
    let s = spread(&[4.0, 1.0, 3.0, 2.0]).unwrap();
    assert_eq!((s.n, s.median, s.q1, s.q3), (4, 2.5, 1.75, 3.25));
    let one = spread(&[7.0]).unwrap();
    assert_eq!((one.median, one.q1, one.q3), (7.0, 7.0, 7.0));
    assert_eq!(spread(&[]), None);
}

#[test]
fn cronbach_alpha_matches_the_worked_example() {
    // Item variances 2.5 + 0.7 + 1.7 = 4.9; totals 8,13,10,14,5 have variance 13.5;
    // alpha = 3/2 × (1 - 4.9/13.5) = 0.9556.
    let rows =
        vec![vec![2.0, 3.0, 3.0], vec![4.0, 4.0, 5.0], vec![3.0, 3.0, 4.0], vec![5.0, 4.0, 5.0], vec![1.0, 2.0, 2.0]];
    let a = cronbach_alpha(&rows).unwrap();
    assert!((a - 0.955_555).abs() < 1e-5, "{a}");
    assert_eq!(cronbach_alpha(&[vec![1.0, 1.0], vec![1.0, 1.0]]), None, "no variance");
    assert_eq!(cronbach_alpha(&[vec![1.0], vec![2.0]]), None, "one item");
    let reading = |a| crate::instrument::names::ALPHA_READINGS[alpha_reading(a)];
    assert_eq!(reading(0.85), "good");
    assert_eq!(reading(0.72), "adequate");
    assert_eq!(reading(0.5), "low");
}

#[test]
fn collect_dedups_and_lists_invalid_links_with_reasons() {
    let a = sample::healthy(Role::Msp);
    let b = sample::healthy(Role::InternalIt);
    let text = format!(
        "{}\n  {}  \nsee also {} thanks\nhttps://example.com/page\n#r=AAAA\nhello\n",
        link(&a),
        link(&b),
        link(&a)
    );
    let c = collect(&text);
    assert_eq!(c.members.len(), 2);
    assert_eq!(c.duplicates, 1);
    let reasons: Vec<LinkError> = c.invalid.iter().map(|(_, e)| *e).collect();
    assert_eq!(reasons, vec![LinkError::NotOverlap, LinkError::Truncated]);
    assert_eq!(c.found(), 5);
}

/// The issue's case: 2,000 broken fragments, many repeated, are all unreadable; none is a
/// "duplicate" of a result that does not exist, and the counts add up to what was found.
#[test]
fn broken_fragments_that_repeat_are_unreadable_not_duplicates() {
    let good = link(&sample::healthy(Role::Msp));
    let payload = good.split("#r=").nth(1).unwrap();
    let mut text = String::new();
    for k in 0..2000 {
        let cut = &payload[..(k % 7) + 10];
        text.push_str(&format!("x https://x.test/#r={cut} y\n"));
    }
    text.push_str(&format!("{good}\n{good}\n"));
    let c = collect(&text);
    assert_eq!((c.members.len(), c.duplicates, c.invalid.len()), (1, 1, 2000));
    assert_eq!(c.found(), 2002);
}

proptest! {
    /// Every fragment found is exactly one of: a result, a duplicate of a result, unreadable.
    #[test]
    fn collected_counts_add_up(lines in proptest::collection::vec((0u8..5, 0u64..40), 0..60)) {
        let mut text = String::new();
        let mut fragments = 0;
        for (kind, seed) in lines {
            let r = sample::random_any(&mut Rng::new(seed));
            let l = link(&r);
            match kind {
                0 => text.push_str(&l),
                1 => text.push_str(&l[..l.len() - (seed as usize % 5) - 1]),
                2 => text.push_str("https://example.com/nothing"),
                3 => text.push_str("no link here"),
                _ => text.push_str(&format!("{l} and {l}")),
            }
            fragments += match kind {
                0..=2 => 1,
                3 => 0,
                _ => 2,
            };
            text.push('\n');
        }
        let c = collect(&text);
        prop_assert_eq!(c.found(), fragments);
    }
}

fn team(roles: &[(Role, usize)], seed: u64) -> Vec<Member> {
    let mut rng = Rng::new(seed);
    roles
        .iter()
        .flat_map(|(role, n)| (0..*n).map(|_| *role).collect::<Vec<_>>())
        .map(|role| member_from_response(sample::random(&mut rng, role)))
        .collect()
}

fn i() -> &'static Instrument {
    Instrument::current()
}

/// The issue's realistic team: one internal IT person, six MSP staff, six other staff, six
/// leaders. The IT group is hidden; its own questions' flags must not appear.
#[test]
fn a_one_person_it_group_gives_nothing_of_its_own_away() {
    let mut members = team(&[(Role::Msp, 6), (Role::Other, 6), (Role::Leadership, 6)], 9);
    let mut worried = sample::healthy(Role::InternalIt);
    worried.set_named("tp_job", Answer::Likert(5));
    members.push(member_from_response(worried));
    let t = aggregate(i(), &members, 5);
    let it = &t.roles[Role::InternalIt.code() as usize];
    assert!(!it.shown && it.n == 0, "hidden, and its size is not kept: {it:?}");
    let job_fear = i().red_flags().iter().position(|f| f.id == "job_fear").unwrap();
    assert!(t.flags.iter().all(|f| f.rule != job_fear), "{:?}", t.flags);
    assert!(!t.flags_assessed.contains(&job_fear));
    assert!(t.dimensions[Dimension::Threat.index()].score.is_none(), "threat is internal IT's alone");
    assert!(t.withheld.contains(&Role::InternalIt));
    let html = Html::build(|o| {
        crate::markup::team::team(o, i(), crate::i18n::Locale::En, &Collected::default(), &t, None, None)
    });
    assert!(!html.contains("could cost them their job"), "the flag text is not shown");
}

/// A random response with its own habits of skipping and of answering Don't know, so that some
/// questions are answered by only a few people of a group (the per-question rule's cases).
fn sparse(rng: &mut Rng, role: Role) -> crate::Response {
    let (skip, dk) = (rng.below(60), rng.below(40));
    let mut r = crate::Response::new(i(), Some(role));
    for item in i().items_for(role) {
        for key in item.slots() {
            if rng.below(100) < skip {
                continue;
            }
            let all = every_answer(item);
            let dont_know = rng.below(100) < dk;
            let a = if dont_know {
                all.iter().copied().find(|a| class(item, *a) == 1).unwrap_or(all[0])
            } else {
                all[rng.below(all.len() as u64) as usize]
            };
            r.set(key, a);
        }
    }
    r
}

/// Every answer an item's key can take.
fn every_answer(item: &crate::Item) -> Vec<Answer> {
    use crate::instrument::ItemKind;
    match item.kind {
        ItemKind::Likert { .. } => {
            let mut v: Vec<Answer> = (1..=5).map(Answer::Likert).collect();
            v.push(Answer::DontKnow);
            if item.not_applicable {
                v.push(Answer::NotApplicable);
            }
            v
        }
        ItemKind::Choice { options, .. } => (0..options.len() as u8).map(Answer::Choice).collect(),
        ItemKind::Matrix { owners, .. } => owners.iter().map(|o| Answer::Owner(*o)).collect(),
        ItemKind::Checklist { .. } => {
            (0..crate::instrument::CHECKLIST_ANSWERS.len() as u8).map(Answer::Choice).collect()
        }
    }
}

/// What kind of answer this is, as the figures count it: 0 scored (or, for an unscored context
/// item, a real answer), 1 Don't know, 2 Not applicable. Changing an answer within its class
/// leaves who answered what unchanged.
fn class(item: &crate::Item, a: Answer) -> u8 {
    use crate::scoring::{worth, Worth};
    match (&item.kind, a) {
        (crate::instrument::ItemKind::Matrix { .. }, Answer::Owner(Owner::DontKnow)) => 1,
        (crate::instrument::ItemKind::Matrix { .. }, _) => 0,
        (kind, a) => match worth(kind, Some(a)) {
            Worth::Score(_) | Worth::Nothing => 0,
            Worth::DontKnow => 1,
            Worth::NotApplicable => 2,
        },
    }
}

fn sparse_team(sizes: [usize; 4], seed: u64) -> Vec<crate::Response> {
    let mut rng = Rng::new(seed);
    Role::ALL
        .into_iter()
        .zip(sizes)
        .flat_map(|(role, n)| (0..n).map(|_| role).collect::<Vec<_>>())
        .map(|r| sparse(&mut rng, r))
        .collect()
}

/// Everything the client company can see or be sent, from one set of links: the view model, the
/// team view's markup with the workshop pack (less the facilitator's own count of what was
/// pasted), the team summary link, the team CSV and the ownership register.
fn outputs(responses: &[crate::Response], k: usize) -> String {
    use crate::config::Surroundings;
    let text: String = responses.iter().map(link).map(|l| l + "\n").collect();
    let around =
        Surroundings { share_base: crate::markup::SafeUrl::new("https://x.test/a/").unwrap(), ..Default::default() };
    let today = crate::i18n::Date { year: 2026, month: 12, day: 1 };
    let settings =
        crate::config::TeamSettings { threshold: k, around: &around, today, keys: &[], current: None, kiosk_idle: 90 };
    let en = crate::i18n::Locale::En;
    let html = crate::team::figures(en, &text, "", &settings);
    let rep = aggregate(i(), &collect(&text).members, k);
    let csv = crate::team::file(en, &text, &settings, crate::ui::TeamFile::Csv).unwrap_or_default();
    let register = crate::team::file(en, &text, &settings, crate::ui::TeamFile::Register).unwrap_or_default();
    format!("{rep:?}\n{}\n{csv}\n{register}", without_confirmation(&html))
}

/// The markup without the facilitator's confirmation of what was pasted (the one place that
/// counts every link).
fn without_confirmation(html: &str) -> String {
    let marker = r#"<p class="ov-team-count ov-facilitator-only""#;
    match html.find(marker) {
        Some(a) => {
            let b = a + html[a..].find("</p>").expect("closed") + 4;
            format!("{}{}", &html[..a], &html[b..])
        }
        None => html.to_string(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// (a) Replacing every answer of a member of a group smaller than the threshold changes
    /// nothing the company sees.
    #[test]
    fn a_hidden_person_s_answers_reach_nothing(
        sizes in proptest::array::uniform4(0usize..13),
        k in 3usize..7,
        seed in any::<u64>(),
        other in any::<u64>(),
    ) {
        let team = sparse_team(sizes, seed);
        let before = outputs(&team, k);
        for role in Role::ALL.into_iter().filter(|r| (1..k).contains(&sizes[r.code() as usize])) {
            let j = team.iter().position(|r| r.role == Some(role)).unwrap();
            let mut changed = team.clone();
            changed[j] = sparse(&mut Rng::new(other), role);
            prop_assert_eq!(&outputs(&changed, k), &before);
        }
    }

    /// (b) Changing the answers behind a figure withheld for one group (fewer than the threshold
    /// of it answered that question), without changing who answered, changes nothing.
    #[test]
    fn answers_to_a_question_too_few_answered_reach_nothing(
        sizes in proptest::array::uniform4(0usize..13),
        k in 3usize..7,
        seed in any::<u64>(),
        other in any::<u64>(),
    ) {
        let team = sparse_team(sizes, seed);
        let before = outputs(&team, k);
        let mut rng = Rng::new(other);
        let mut changed = team.clone();
        let mut redrawn = 0;
        for role in Role::ALL.into_iter().filter(|r| sizes[r.code() as usize] >= k) {
            for item in i().items_for(role) {
                for key in item.slots() {
                    let answered = team.iter().filter(|r| r.role == Some(role) && r.get(key).is_some()).count();
                    if answered == 0 || answered >= k {
                        continue;
                    }
                    for r in changed.iter_mut().filter(|r| r.role == Some(role)) {
                        if let Some(a) = r.get(key) {
                            let same: Vec<Answer> = every_answer(item).into_iter().filter(|x| class(item, *x) == class(item, a)).collect();
                            r.set(key, same[rng.below(same.len() as u64) as usize]);
                            redrawn += 1;
                        }
                    }
                }
            }
        }
        prop_assert_eq!(&outputs(&changed, k), &before, "{} answers redrawn", redrawn);
    }

    /// (c) One more member in a group that stays below the threshold changes nothing but the
    /// facilitator's count of what was pasted.
    #[test]
    fn another_member_of_a_small_group_changes_nothing(
        sizes in proptest::array::uniform4(0usize..13),
        k in 3usize..7,
        seed in any::<u64>(),
        other in any::<u64>(),
    ) {
        let team = sparse_team(sizes, seed);
        let before = outputs(&team, k);
        for role in Role::ALL.into_iter().filter(|r| sizes[r.code() as usize] + 1 < k) {
            let mut more = team.clone();
            more.push(sparse(&mut Rng::new(other), role));
            prop_assert_eq!(&outputs(&more, k), &before);
        }
    }

    /// (d) Every figure rests on at least the threshold of people, and (e) every total the
    /// company sees is the sum of the shown groups.
    #[test]
    fn every_figure_rests_on_enough_people_and_totals_add_up(
        sizes in proptest::array::uniform4(0usize..13),
        k in 3usize..7,
        seed in any::<u64>(),
    ) {
        let team = sparse_team(sizes, seed);
        let members: Vec<Member> = team.into_iter().map(member_from_response).collect();
        let t = aggregate(i(), &members, k);
        let shown: usize = t.shown().map(|g| g.n).sum();
        prop_assert_eq!(t.n, shown, "the team total is the shown groups' sum");
        prop_assert!(t.n_full <= t.n);
        for g in &t.roles {
            prop_assert_eq!(g.shown, sizes[g.role.code() as usize] >= k);
            if g.shown { prop_assert!(g.n >= k) } else { prop_assert!(g.n == 0 && g.means.is_empty()) }
        }
        for d in &t.dimensions {
            if let Some(s) = d.spread { prop_assert!(s.n >= k && s.n <= t.n, "{d:?}") }
            prop_assert_eq!(d.score.is_some(), d.groups > 0);
        }
        for s in t.gaps.iter().flat_map(|g| [g.higher, g.lower]).chain(t.disagreements.iter().flat_map(|d| [d.higher, d.lower])) {
            prop_assert!(s.n >= k, "{s:?}");
            prop_assert!(t.roles[s.role.code() as usize].shown);
        }
        for row in &t.ownership {
            let mut sum = [0usize; OWNERS];
            for (role, c) in &row.by_role {
                prop_assert!(c.iter().sum::<usize>() >= k && t.roles[role.code() as usize].shown);
                for (a, b) in sum.iter_mut().zip(c) { *a += b }
            }
            prop_assert_eq!(row.counts, sum, "the area's counts are the shown groups' sum");
            for m in &row.majority { prop_assert!(m.of >= k && m.agree <= m.of) }
        }
        for f in &t.flags { prop_assert!(f.of >= k && f.count <= f.of && f.of <= t.n_full) }
        for a in &t.actions { prop_assert!(a.of >= k && a.count <= a.of && a.of <= t.n_full) }
        for a in &t.alpha { prop_assert!(a.value.is_none() || a.n >= ALPHA_MIN_N) }
        prop_assert_eq!(t.suppressed, sizes.iter().all(|n| *n < k));
    }
}

/// The issue's two teams: one internal IT person beside five leaders (and six MSP staff and six
/// other staff), and beside six of every other role. Whatever the IT person answered (the first
/// option everywhere, the last scored option everywhere, Don't know throughout), everything the
/// company sees is identical, and leadership is shown wherever all five answered.
#[test]
fn one_it_person_beside_five_or_six_leaders_changes_nothing() {
    for leaders in [5, 6] {
        let mut rng = Rng::new(leaders as u64);
        // Leaders who answer every question (each link differs, so none is a repeat).
        let mut others: Vec<crate::Response> =
            (0..leaders).map(|_| sample::complete(&mut rng, Role::Leadership)).collect();
        for role in [Role::Msp, Role::Other] {
            others.extend((0..6).map(|_| sample::random(&mut rng, role)));
        }
        let with = |it: crate::Response| {
            let mut team = others.clone();
            team.insert(0, it);
            outputs(&team, 5)
        };
        let first = with(sample::extreme(Role::InternalIt, false));
        assert_eq!(with(sample::extreme(Role::InternalIt, true)), first, "first vs last options, {leaders} leaders");
        assert_eq!(with(sample::dont_know(Role::InternalIt)), first, "first options vs don't know, {leaders} leaders");
        let members: Vec<Member> = others.into_iter().map(member_from_response).collect();
        let t = aggregate(i(), &members, 5);
        let lead = &t.roles[Role::Leadership.code() as usize];
        assert!(lead.shown && lead.n == leaders, "{lead:?}");
        for d in Dimension::ALL.into_iter().filter(|d| i().scores(Role::Leadership, *d)) {
            assert!(lead.means[d.index()].is_some(), "leadership's {d:?} is shown");
        }
        assert!(t.ownership.iter().all(|r| r.majority.iter().any(|m| m.role == Role::Leadership)));
        assert!(first.contains("Hidden: fewer than 5 answered"), "the IT group is labelled");
        assert!(!first.contains(r#"Internal IT</th><td class="ov-num">"#), "and never counted");
    }
}
/// The team score is not dominated by the largest group: ten times as many other staff, all of
/// one mind, move the trust score no more than one group's worth.
#[test]
fn each_role_group_counts_once() {
    let low = |role: Role| {
        let mut r = sample::healthy(role);
        for item in i().items_for(role).filter(|it| it.dimension == Some(Dimension::Trust)) {
            if let crate::instrument::ItemKind::Likert { reverse } = item.kind {
                r.set_named(item.id, Answer::Likert(if reverse { 5 } else { 1 }));
            }
        }
        r
    };
    let build = |others: usize| {
        let mut m: Vec<Member> = (0..5).map(|_| member_from_response(sample::healthy(Role::InternalIt))).collect();
        m.extend((0..5).map(|_| member_from_response(sample::healthy(Role::Msp))));
        m.extend((0..others).map(|_| member_from_response(low(Role::Other))));
        aggregate(i(), &m, 5)
    };
    let (few, many) = (build(5), build(50));
    let trust = |t: &TeamReport| t.dimensions[Dimension::Trust.index()].score.unwrap();
    assert!((trust(&few) - trust(&many)).abs() < 1e-9, "{} vs {}", trust(&few), trust(&many));
    // By headcount it would sit near the other staff's score; weighted by group it is the mean of
    // the three group means.
    let means: Vec<f64> = few.shown().filter_map(|g| g.means[Dimension::Trust.index()]).collect();
    assert!((trust(&few) - means.iter().sum::<f64>() / means.len() as f64).abs() < 1e-9);
}

#[test]
fn perception_gaps_use_anchors_and_need_a_resolvable_difference() {
    // Two groups answering the shared trust questions far apart: a gap.
    let with = |role: Role, v: u8| {
        let mut r = sample::healthy(role);
        for item in i().items.iter().filter(|it| it.anchor && it.dimension == Some(Dimension::Trust)) {
            if let crate::instrument::ItemKind::Likert { reverse } = item.kind {
                r.set_named(item.id, Answer::Likert(if reverse { 6 - v } else { v }));
            }
        }
        r
    };
    let mut m: Vec<Member> = (0..6).map(|k| member_from_response(with(Role::Msp, 4 + (k % 2) as u8))).collect();
    m.extend((0..6).map(|k| member_from_response(with(Role::Other, 1 + (k % 2) as u8))));
    let t = aggregate(i(), &m, 5);
    let g = t.gaps.iter().find(|g| g.dimension == Dimension::Trust).unwrap();
    assert!(g.gap, "{g:?}");
    assert_eq!((g.higher.role, g.lower.role), (Role::Msp, Role::Other));
    assert_eq!((g.higher.n, g.lower.n), (6, 6));
    // The same means with a wide spread and two people each: not resolvable.
    let a = GroupStat { role: Role::Msp, n: 2, mean: 70.0, sd: 30.0 };
    let b = GroupStat { role: Role::Other, n: 2, mean: 50.0, sd: 30.0 };
    assert!(!is_gap(&a, &b));
    let a = GroupStat { n: 30, sd: 10.0, ..a };
    let b = GroupStat { n: 30, sd: 10.0, ..b };
    assert!(is_gap(&a, &b));
    // Under 10 points is never a gap, however many people.
    let c = GroupStat { role: Role::Other, n: 500, mean: 62.0, sd: 1.0 };
    assert!(!is_gap(&a, &c));
}

#[test]
fn an_ownership_gap_needs_two_people_and_a_fifth() {
    let with_backup = |owner: Owner| {
        let mut r = sample::healthy(Role::Msp);
        r.set_named("ow_matrix.backup", Answer::Owner(owner));
        member_from_response(r)
    };
    let backup = i().matrix().keys().iter().position(|k| *k == "ow_matrix.backup").unwrap();
    // One "Don't know" among ten: not a gap.
    let mut m: Vec<Member> = (0..9).map(|_| with_backup(Owner::Msp)).collect();
    m.push(with_backup(Owner::DontKnow));
    assert!(!aggregate(i(), &m, 5).ownership[backup].gap);
    // Two of ten (20%): a gap; Shared-nothing-written counts as one.
    m[0] = with_backup(Owner::SharedUnwritten);
    assert!(aggregate(i(), &m, 5).ownership[backup].gap);
    // Two of eleven (18%): not.
    m.push(with_backup(Owner::Msp));
    assert!(!aggregate(i(), &m, 5).ownership[backup].gap);
}

#[test]
fn roles_disagree_when_their_majorities_differ() {
    let owner_says = |role: Role, owner: Owner| {
        let mut r = sample::healthy(role);
        r.set_named("ow_matrix.backup", Answer::Owner(owner));
        member_from_response(r)
    };
    let backup = i().matrix().keys().iter().position(|k| *k == "ow_matrix.backup").unwrap();
    let mut m: Vec<Member> = (0..5).map(|_| owner_says(Role::Msp, Owner::Msp)).collect();
    m.extend((0..5).map(|k| owner_says(Role::InternalIt, if k < 3 { Owner::InternalIt } else { Owner::Msp })));
    let t = aggregate(i(), &m, 5);
    let row = &t.ownership[backup];
    assert!(row.disagreement);
    let it = row.majority.iter().find(|x| x.role == Role::InternalIt).unwrap();
    assert_eq!((it.owner, it.agree, it.of), (Some(Owner::InternalIt), 3, 5));
}

#[test]
fn alpha_is_shown_from_thirty_people_on_all_available_answers() {
    let few = aggregate(i(), &team(&[(Role::InternalIt, 9), (Role::Msp, 9)], 2), 3);
    assert!(few.alpha.iter().all(|a| a.value.is_none() && a.needs() > 0));
    let many = aggregate(i(), &team(&[(Role::InternalIt, 20), (Role::Msp, 20), (Role::Leadership, 20)], 2), 3);
    assert!(many.alpha.iter().any(|a| a.value.is_some() && a.n >= ALPHA_MIN_N && a.items >= 2));
    // Pairwise: a skipped answer drops only that cell, not the person.
    let rows = vec![
        vec![Some(1.0), Some(2.0), None],
        vec![Some(2.0), Some(3.0), Some(3.0)],
        vec![Some(3.0), None, Some(4.0)],
        vec![Some(4.0), Some(5.0), Some(5.0)],
    ];
    assert!(pairwise_alpha(&rows).is_some_and(|a| a > 0.9), "{:?}", pairwise_alpha(&rows));
    let complete: Vec<Vec<f64>> = vec![vec![2.0, 3.0, 3.0], vec![4.0, 4.0, 5.0], vec![3.0, 3.0, 4.0]];
    let as_options: Vec<Vec<Option<f64>>> = complete.iter().map(|r| r.iter().map(|v| Some(*v)).collect()).collect();
    assert!((pairwise_alpha(&as_options).unwrap() - cronbach_alpha(&complete).unwrap()).abs() < 1e-12);
}

#[test]
fn too_few_respondents_show_nothing() {
    let members = team(&[(Role::InternalIt, 2)], 1);
    let t = aggregate(i(), &members, 5);
    assert!(t.suppressed);
    assert!(t.dimensions.iter().all(|d| d.score.is_none() && d.spread.is_none()));
    assert!(t.ownership.is_empty() && t.flags.is_empty() && t.gaps.is_empty());
    assert!(t.roles.iter().all(|g| g.means.is_empty()));
}

#[test]
fn summary_links_count_for_scores_but_not_for_answers() {
    let mut text = String::new();
    for seed in 0..4 {
        text.push_str(&link(&sample::random(&mut Rng::new(seed), Role::InternalIt)));
        text.push('\n');
    }
    // Five MSP staff: three full links (every question answered) and two scores-only links.
    for k in 0..3 {
        let mut r = sample::healthy(Role::Msp);
        r.set_named("ctx_size", Answer::Choice(k));
        text.push_str(&link(&r));
        text.push('\n');
    }
    let mut scored_on_trust = 0;
    for seed in 10..12 {
        let report = score(i(), &sample::random(&mut Rng::new(seed), Role::Msp));
        scored_on_trust += report.dimension(Dimension::Trust).score.is_some() as usize;
        text.push_str(&format!("https://x.test/#r={}\n", encode_summary(&report).unwrap()));
    }
    let c = collect(&text);
    let t = aggregate(i(), &c.members, 3);
    assert_eq!((t.n, t.n_full), (9, 7));
    let msp = t.roles[Role::Msp.code() as usize].means[Dimension::Trust.index()];
    assert!(msp.is_some_and(|m| m < 100.0), "the MSP's trust figure includes the two scores-only links: {msp:?}");
    assert_eq!(scored_on_trust, 2);
    assert_eq!(t.dimensions[Dimension::Trust.index()].spread.unwrap().n, 9, "the summary links' scores count");
    // Only the three full MSP links answer the matrix.
    assert!(t.ownership.iter().all(|r| r.majority.iter().any(|m| m.role == Role::Msp && m.of == 3)));
}

#[test]
fn change_reports_deltas_and_what_closed_or_opened() {
    let before = aggregate(i(), &team(&[(Role::InternalIt, 6), (Role::Msp, 6)], 5), 5);
    let healthy: Vec<Member> = (0..12)
        .map(|k| member_from_response(sample::healthy(if k % 2 == 0 { Role::InternalIt } else { Role::Msp })))
        .collect();
    let after = aggregate(i(), &healthy, 5);
    let c = change(&before, &after);
    assert!(c.deltas.iter().all(|(_, d)| d.is_none_or(|d| d >= 0.0)));
    assert!(c.flags_opened.is_empty());
    assert_eq!(c.flags_closed.len(), before.flags.len());
    assert!(c.gaps_opened.is_empty());
    // A flag that one round hides is neither closed nor opened.
    let hidden_it = aggregate(i(), &team(&[(Role::InternalIt, 1), (Role::Msp, 6), (Role::Other, 6)], 5), 5);
    let c = change(&before, &hidden_it);
    let job_fear = i().red_flags().iter().position(|f| f.id == "job_fear").unwrap();
    assert!(!c.flags_closed.contains(&job_fear) && !c.flags_opened.contains(&job_fear));
}
