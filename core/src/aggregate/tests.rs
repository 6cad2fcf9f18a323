//! Aggregation tests on small, hand-checked sets, plus properties of the anonymity rules.

use crate::aggregate::*;
use crate::instrument::Owner;
use crate::instrument::{Dimension, Instrument, Role};
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
    assert_eq!(alpha_reading(0.85), "good");
    assert_eq!(alpha_reading(0.72), "adequate");
    assert_eq!(alpha_reading(0.5), "low");
}

#[test]
fn small_groups_are_hidden_with_the_subtraction_case() {
    use Role::*;
    #[track_caller]
    fn check(sizes: [usize; 4], k: usize, expected: [Option<Hidden>; 4]) {
        let s: Vec<(Role, usize)> = Role::ALL.into_iter().zip(sizes).collect();
        let got: Vec<Option<Hidden>> = hidden_groups(&s, k).into_iter().map(|(_, h)| h).collect();
        assert_eq!(got, expected.to_vec(), "{sizes:?} k={k}");
    }
    let _ = (InternalIt, Msp, Leadership, Other);
    check([5, 5, 5, 5], 5, [None, None, None, None]);
    // MSP (2) is too few; alone it could be derived as total - others, so the next smallest
    // shown group (leadership, 5) is hidden too.
    check([6, 2, 5, 0], 5, [None, Some(Hidden::TooFew), Some(Hidden::Complementary), None]);
    // Two small groups hidden together already make 6 >= 5: nothing more to hide.
    check([3, 3, 10, 0], 5, [Some(Hidden::TooFew), Some(Hidden::TooFew), None, None]);
    // The threshold never goes below 3.
    // Ties go to the later role in the list.
    check([2, 3, 3, 3], 1, [Some(Hidden::TooFew), None, None, Some(Hidden::Complementary)]);
}

proptest! {
    #[test]
    fn no_shown_group_reveals_a_group_below_the_threshold(sizes in proptest::array::uniform4(0usize..14), k in 0usize..9) {
        let s: Vec<(Role, usize)> = Role::ALL.into_iter().zip(sizes).collect();
        let k_eff = k.max(MIN_THRESHOLD);
        let out = hidden_groups(&s, k);
        let mut hidden_total = 0;
        for ((_, n), (_, h)) in s.iter().zip(&out) {
            if h.is_none() && *n > 0 {
                prop_assert!(*n >= k_eff, "shown group of {n} below {k_eff}");
            }
            if h.is_some() {
                hidden_total += n;
            }
        }
        // Total minus shown groups = the hidden groups together: zero or at least the threshold.
        // (A team smaller than the threshold shows nothing at all; `aggregate` suppresses it.)
        let total: usize = sizes.iter().sum();
        prop_assert!(hidden_total == 0 || hidden_total >= k_eff || total < k_eff, "hidden total {hidden_total}");
    }
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

/// The case: 2,000 broken fragments, many repeated, are all unreadable; none is a
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

/// The realistic team: one internal IT person, six MSP staff, six other staff, six
/// leaders. The IT group is hidden; its own questions' flags must not appear.
#[test]
fn a_one_person_it_group_gives_nothing_of_its_own_away() {
    let mut members = team(&[(Role::Msp, 6), (Role::Other, 6), (Role::Leadership, 6)], 9);
    let mut worried = sample::healthy(Role::InternalIt);
    worried.set("tp_job", Answer::Likert(5));
    members.push(member_from_response(worried));
    let t = aggregate(i(), &members, 5);
    let it = &t.roles[Role::InternalIt.code() as usize];
    assert_eq!(it.hidden, Some(Hidden::TooFew));
    let job_fear = i().red_flags().iter().position(|f| f.id == "job_fear").unwrap();
    assert!(t.flags.iter().all(|f| f.rule != job_fear), "{:?}", t.flags);
    assert!(!t.flags_assessed.contains(&job_fear));
    assert!(t.dimensions[Dimension::Threat.index()].score.is_none(), "threat is internal IT's alone");
    assert!(t.withheld.contains(&Role::InternalIt));
    let html = crate::markup::team::team(i(), crate::i18n::Locale::En, &Collected::default(), &t, None, None);
    assert!(!html.contains("could cost them their job"), "the flag text is not shown");
}

/// The property of the issue: for any team with a hidden role group, replacing that group's
/// answers with any other valid answers changes none of the output that rests on that role's
/// answers alone: its own questions' flags, the dimensions only it is asked, its group figures,
/// and the same parts of the team summary link.
fn role_exclusive(t: &TeamReport, role: Role) -> String {
    let own = |item: usize| i().items[item].roles == crate::instrument::RoleSet(1 << role.code());
    let flags: Vec<_> = t.flags.iter().filter(|f| own(i().red_flags()[f.rule].answers.item)).collect();
    let dims: Vec<_> =
        t.dimensions.iter().filter(|d| Role::ALL.iter().all(|r| *r == role || !i().scores(*r, d.dimension))).collect();
    let group = &t.roles[role.code() as usize];
    format!("{flags:?} {dims:?} {:?} {:?}", group.means, group.hidden)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(60))]

    #[test]
    fn a_hidden_group_s_own_answers_change_nothing_shown(
        sizes in proptest::array::uniform4(0usize..9),
        seed in any::<u64>(),
        other_seed in any::<u64>(),
    ) {
        let plan: Vec<(Role, usize)> = Role::ALL.into_iter().zip(sizes).collect();
        let members = team(&plan, seed);
        let t = aggregate(i(), &members, 5);
        for g in t.roles.iter().filter(|g| g.hidden.is_some() && g.n > 0) {
            // Replace the hidden group's members by others of the same role.
            let mut rng = Rng::new(other_seed);
            let replaced: Vec<Member> = members
                .iter()
                .map(|m| if m.role() == Some(g.role) { member_from_response(sample::random(&mut rng, g.role)) } else { m.clone() })
                .collect();
            let u = aggregate(i(), &replaced, 5);
            prop_assert_eq!(role_exclusive(&t, g.role), role_exclusive(&u, g.role));
            // The summary link too: decoded, its role-exclusive parts are the same.
            let (a, b) = (
                crate::team_link::decode(&format!("#t={}", crate::team_link::encode(i(), &t))).unwrap(),
                crate::team_link::decode(&format!("#t={}", crate::team_link::encode(i(), &u))).unwrap(),
            );
            prop_assert_eq!(role_exclusive(&a, g.role), role_exclusive(&b, g.role));
            // And a group too small to be shown is never a column or a majority anywhere.
            prop_assert!(t.ownership.iter().all(|r| r.majority.iter().all(|m| m.role != g.role)));
            prop_assert!(t.gaps.iter().all(|x| x.higher.role != g.role && x.lower.role != g.role));
        }
    }

    /// Whatever the team, a hidden group of one moves a team score by at most its weight: one of
    /// the `pooled` hidden members sharing one of the score's `groups` places (so at most
    /// 100 / threshold points when the pool is all there is, and far less beside shown groups).
    #[test]
    fn one_hidden_person_cannot_tip_the_headline(sizes in proptest::array::uniform4(5usize..9), seed in any::<u64>()) {
        let mut plan: Vec<(Role, usize)> = Role::ALL.into_iter().zip(sizes).collect();
        plan[0].1 = 1;
        let mut members = team(&plan[1..], seed);
        // The same questions answered (so the same people contribute to each figure), at the two
        // extremes.
        let mut low = sample::healthy(Role::InternalIt);
        let mut high = sample::healthy(Role::InternalIt);
        for item in i().items_for(Role::InternalIt) {
            if let crate::instrument::ItemKind::Likert { reverse } = item.kind {
                low.set(item.id, Answer::Likert(if reverse { 5 } else { 1 }));
                high.set(item.id, Answer::Likert(if reverse { 1 } else { 5 }));
            }
        }
        members.push(member_from_response(low));
        let a = aggregate(i(), &members, 5);
        members.pop();
        members.push(member_from_response(high));
        let b = aggregate(i(), &members, 5);
        for (x, y) in a.dimensions.iter().zip(&b.dimensions) {
            if let (Some(sx), Some(sy)) = (x.score, y.score) {
                prop_assert_eq!((x.groups, x.pooled), (y.groups, y.pooled));
                let bound = if x.pooled == 0 { 0.0 } else { 100.0 / (x.groups * x.pooled) as f64 };
                prop_assert!(x.pooled == 0 || x.pooled >= 5, "a pool below the threshold: {x:?}");
                prop_assert!(bound <= 100.0 / 5.0 + 1e-9);
                prop_assert!((sx - sy).abs() <= bound + 1e-9, "{:?}: {} vs {} (bound {})", x.dimension, sx, sy, bound);
            }
        }
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
                r.set(item.id, Answer::Likert(if reverse { 5 } else { 1 }));
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
                r.set(item.id, Answer::Likert(if reverse { 6 - v } else { v }));
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
        r.set("ow_matrix.backup", Answer::Owner(owner));
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
        r.set("ow_matrix.backup", Answer::Owner(owner));
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
    let full = sample::healthy(Role::Msp);
    let summary = encode_summary(&score(i(), &sample::healthy(Role::Leadership))).unwrap();
    let mut text = String::new();
    for seed in 0..4 {
        text.push_str(&link(&sample::random(&mut Rng::new(seed), Role::InternalIt)));
        text.push('\n');
    }
    text.push_str(&format!("{}\nhttps://x.test/#r={summary}\n", link(&full)));
    let c = collect(&text);
    let t = aggregate(i(), &c.members, 3);
    assert_eq!((t.n, t.n_full), (6, 5));
    let trust = t.dimensions[Dimension::Trust.index()].spread.unwrap();
    assert_eq!(trust.n, 6, "the summary link's scores count");
    assert!(t.ownership.iter().all(|r| r.answered() <= 5), "only full links answer the matrix");
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
