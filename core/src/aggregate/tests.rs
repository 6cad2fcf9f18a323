//! Aggregation tests on small, hand-checked sets, plus properties of the anonymity rules.

use crate::aggregate::*;
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
}

fn team(roles: &[(Role, usize)], seed: u64) -> Vec<Member> {
    let mut rng = Rng::new(seed);
    roles
        .iter()
        .flat_map(|(role, n)| (0..*n).map(|_| *role).collect::<Vec<_>>())
        .map(|role| member_from_response(sample::random(&mut rng, role)))
        .collect()
}

#[test]
fn gaps_rank_role_differences_by_size() {
    // Internal IT answers as worried as possible, leadership as healthy as possible.
    let mut members: Vec<Member> = (0..5).map(|_| member_from_response(sample::healthy(Role::Leadership))).collect();
    for _ in 0..5 {
        let mut r = sample::healthy(Role::InternalIt);
        for key in r.answers.clone().keys() {
            if let Some(Answer::Likert(v)) = r.get(key) {
                r.set(key.clone(), Answer::Likert(6 - v));
            }
        }
        members.push(member_from_response(r));
    }
    let t = aggregate(Instrument::current(), &members, 5);
    assert!(!t.suppressed);
    let top = t.gaps[0];
    assert_eq!((top.higher, top.lower), (Role::Leadership, Role::InternalIt));
    assert!(t.gaps.windows(2).all(|w| w[0].size >= w[1].size));
    let it = t.roles.iter().find(|g| g.role == Role::InternalIt).unwrap();
    let lead = t.roles.iter().find(|g| g.role == Role::Leadership).unwrap();
    let d = top.dimension.index();
    assert_eq!(top.size, lead.means[d].unwrap() - it.means[d].unwrap());
}

#[test]
fn medians_and_barrier_come_from_the_members_scores() {
    let members = team(&[(Role::InternalIt, 4), (Role::Msp, 4)], 9);
    let t = aggregate(Instrument::current(), &members, 3);
    for (d, s) in &t.dimensions {
        let mut v: Vec<f64> = members.iter().filter_map(|m| m.report.dimension(*d).score.map(f64::from)).collect();
        v.sort_by(|a, b| a.total_cmp(b));
        if let Some(s) = s {
            assert_eq!(s.n, v.len());
            let mid = if v.len() % 2 == 1 { v[v.len() / 2] } else { (v[v.len() / 2 - 1] + v[v.len() / 2]) / 2.0 };
            assert_eq!(s.median, mid, "{d:?}");
        }
    }
    let expected = t.dimensions.iter().find(|(_, s)| s.is_some_and(|s| s.median < 60.0)).map(|(d, _)| *d);
    assert_eq!(t.barrier, expected);
}

#[test]
fn summary_links_count_for_scores_but_not_for_answers() {
    let full = sample::healthy(Role::Msp);
    let summary = encode_summary(&score(Instrument::current(), &sample::healthy(Role::Leadership))).unwrap();
    let mut text = String::new();
    for seed in 0..4 {
        text.push_str(&link(&sample::random(&mut Rng::new(seed), Role::InternalIt)));
        text.push('\n');
    }
    text.push_str(&format!("{}\nhttps://x.test/#r={summary}\n", link(&full)));
    let c = collect(&text);
    let t = aggregate(Instrument::current(), &c.members, 3);
    assert_eq!((t.n, t.n_full), (6, 5));
    // Trust is asked of every role, so all six count, the summary link's scores included.
    let trust = t.dimensions[Dimension::Trust.index()].1.unwrap();
    assert_eq!(trust.n, 6, "the summary link's scores count");
    let answered: usize = t.ownership[0].counts.iter().sum();
    assert!(answered <= 5, "only full links answer the matrix");
}

#[test]
fn too_few_respondents_show_nothing() {
    let members = team(&[(Role::InternalIt, 2)], 1);
    let t = aggregate(Instrument::current(), &members, 5);
    assert!(t.suppressed);
    assert!(t.dimensions.iter().all(|(_, s)| s.is_none()));
    assert!(t.ownership.is_empty() && t.flags.is_empty() && t.gaps.is_empty());
    assert!(t.roles.iter().all(|g| g.means.is_empty()));
}

#[test]
fn alpha_needs_ten_complete_responses() {
    let few = aggregate(Instrument::current(), &team(&[(Role::InternalIt, 9)], 2), 3);
    assert!(few.alpha.iter().all(|a| a.value.is_none()));
    let many = aggregate(Instrument::current(), &team(&[(Role::InternalIt, 30)], 2), 3);
    assert!(many.alpha.iter().any(|a| a.value.is_some() && a.n >= ALPHA_MIN_N && a.items >= 2));
}

#[test]
fn change_reports_deltas_and_what_closed_or_opened() {
    let before = aggregate(Instrument::current(), &team(&[(Role::InternalIt, 6), (Role::Msp, 6)], 5), 5);
    let healthy: Vec<Member> = (0..12)
        .map(|i| member_from_response(sample::healthy(if i % 2 == 0 { Role::InternalIt } else { Role::Msp })))
        .collect();
    let after = aggregate(Instrument::current(), &healthy, 5);
    let c = change(&before, &after);
    assert!(c.deltas.iter().all(|(_, d)| d.is_none_or(|d| d >= 0.0)));
    assert!(c.flags_opened.is_empty());
    assert_eq!(c.flags_closed.len(), before.flags.len());
    assert!(c.gaps_opened.is_empty());
}
