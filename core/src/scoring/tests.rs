//! Scoring tests of the first release's rules, on instrument version 1 (its links must keep
//! scoring exactly as they did): table-driven checks through one helper per feature, personas,
//! and properties. Version 2's rules are tested in `tests_v2.rs`.

use crate::instrument::{Dimension, Instrument, ItemKind, Owner, Phase, Role, Slot};
use crate::response::{Answer, Response};
use crate::sample::{self, Rng};
use crate::scoring::*;
use proptest::prelude::*;

fn instrument() -> &'static Instrument {
    Instrument::by_version(1).unwrap()
}

/// The slot of an answer named as inputs name it (`own_matrix.backup`).
#[track_caller]
fn slot(name: &str) -> Slot {
    instrument().slot_named(name).unwrap_or_else(|| panic!("no answer `{name}` in version 1"))
}

fn choice(id: &str, option: &str) -> (String, Answer) {
    let Some(ItemKind::Choice { options, .. }) = instrument().item(id).map(|i| &i.kind) else {
        panic!("{id} is not a choice item")
    };
    let i = options.iter().position(|o| *o == option).unwrap_or_else(|| panic!("{id} has no option {option}"));
    (id.to_string(), Answer::Choice(i as u8))
}

/// A healthy response for `role` with some answers replaced.
fn healthy_with(role: Role, changes: &[(String, Answer)]) -> Response {
    let mut r = sample::healthy_in(instrument(), role);
    for (k, a) in changes {
        r.set(slot(k), *a);
    }
    r
}

#[track_caller]
fn check_dimension(response: &Response, dim: Dimension, expected: Option<u8>) {
    let report = score(instrument(), response);
    assert_eq!(report.dimension(dim).score, expected, "{dim:?}: {:?}", report.dimension(dim));
}

#[test]
fn bands_and_risk_levels_have_documented_edges() {
    #[track_caller]
    fn check(score: u8, band: Band) {
        assert_eq!(Band::of(score), band, "{score}");
    }
    check(0, Band::Critical);
    check(39, Band::Critical);
    check(40, Band::AtRisk);
    check(59, Band::AtRisk);
    check(60, Band::Workable);
    check(79, Band::Workable);
    check(80, Band::Strong);
    check(100, Band::Strong);
    assert_eq!(RiskLevel::of(24), RiskLevel::Low);
    assert_eq!(RiskLevel::of(25), RiskLevel::Guarded);
    assert_eq!(RiskLevel::of(45), RiskLevel::Elevated);
    assert_eq!(RiskLevel::of(65), RiskLevel::High);
}

#[test]
fn likert_items_score_by_keying() {
    // Internal IT sees tp_job (reverse keyed: agreeing is fear). All else healthy.
    let all_healthy = sample::healthy_in(instrument(), Role::InternalIt);
    check_dimension(&all_healthy, Dimension::Threat, Some(100));
    // One of three threat items at "neither" (50) -> mean of 100, 100, 50 = 83.
    let r = healthy_with(Role::InternalIt, &[("tp_job".into(), Answer::Likert(3))]);
    let n = instrument().section_items(2, Role::InternalIt).count();
    assert!(n >= 2);
    let report = score(instrument(), &r);
    let d = report.dimension(Dimension::Threat);
    let expected = ((d.answered as f64 - 1.0) * 100.0 + 50.0) / d.answered as f64;
    assert_eq!(d.score, Some(expected.round() as u8));
}

#[test]
fn dont_know_is_never_a_midpoint() {
    // Replacing an answer by "don't know" removes it from the mean instead of pulling to 50.
    let r = healthy_with(Role::InternalIt, &[("tp_job".into(), Answer::DontKnow)]);
    let report = score(instrument(), &r);
    let d = report.dimension(Dimension::Threat);
    assert_eq!(d.score, Some(100));
    assert_eq!(d.dont_know, 1);
}

#[test]
fn a_dimension_with_too_few_answers_is_not_scored() {
    let mut r = Response::new(instrument(), Some(Role::Other));
    let first = instrument()
        .items_for(Role::Other)
        .find(|i| i.dimension == Some(Dimension::Trust) && matches!(i.kind, ItemKind::Likert { .. }))
        .unwrap();
    r.set_named(first.id, Answer::Likert(5));
    let report = score(instrument(), &r);
    assert_eq!(report.dimension(Dimension::Trust).score, None);
    assert_eq!(report.dimension(Dimension::Trust).answered, 1);
    assert_eq!(report.readiness, None);
    assert_eq!(report.risk, None);
}

#[test]
fn the_matrix_scores_named_owners_and_lists_gaps() {
    let mut r = sample::healthy_in(instrument(), Role::Leadership);
    r.set_named("own_matrix.backup", Answer::Owner(Owner::Nobody));
    r.set_named("own_matrix.email", Answer::Owner(Owner::DontKnow));
    let report = score(instrument(), &r);
    let gaps: Vec<(usize, Owner)> = report.ownership_gaps().collect();
    assert_eq!(gaps, vec![(0, Owner::Nobody), (1, Owner::DontKnow)]);
    assert!(report.red_flags.iter().any(|f| f.id == "backup_unowned" && f.slot == slot("own_matrix.backup")));
    // 7 named of 8 answered areas: the matrix item scores 88, pulling ownership below 100.
    let own = report.dimension(Dimension::Ownership);
    assert!(own.score.is_some_and(|s| s < 100), "{own:?}");
    assert_eq!(own.dont_know, 1);
}

#[test]
fn the_barrier_is_the_first_low_dimension_in_order() {
    let mut r = sample::healthy_in(instrument(), Role::InternalIt);
    // Make trust and knowledge low; trust comes first in the prerequisite order.
    for item in instrument().items_for(Role::InternalIt) {
        if matches!(item.dimension, Some(Dimension::Trust) | Some(Dimension::Knowledge)) {
            if let ItemKind::Likert { reverse } = item.kind {
                r.set_named(item.id, Answer::Likert(if reverse { 5 } else { 1 }));
            }
            if let ItemKind::Choice { scores, .. } = item.kind {
                let worst = (0..scores.len() - 1).min_by_key(|&k| scores[k]).unwrap();
                r.set_named(item.id, Answer::Choice(worst as u8));
            }
        }
    }
    let report = score(instrument(), &r);
    assert_eq!(report.barrier, Some(Dimension::Trust));
    assert!(matches!(report.actions[0].trigger, Trigger::Barrier(Dimension::Trust)));
}

#[test]
fn the_phase_changes_the_reading_of_the_same_friction() {
    let mut tense = sample::healthy_in(instrument(), Role::Msp);
    for item in instrument().items_for(Role::Msp) {
        if item.dimension.is_some_and(|d| Dimension::FRICTION.contains(&d)) {
            if let ItemKind::Likert { reverse } = item.kind {
                tense.set_named(item.id, Answer::Likert(if reverse { 5 } else { 1 }));
            }
        }
    }
    let (month1, month14) = {
        let mut a = tense.clone();
        a.set_named("ctx_months", Answer::Choice(0));
        let mut b = tense.clone();
        b.set_named("ctx_months", Answer::Choice(3));
        (score(instrument(), &a), score(instrument(), &b))
    };
    assert_eq!(month1.phase, Phase::Orientation);
    assert_eq!(month14.phase, Phase::Optimization);
    assert_eq!(month1.friction, month14.friction);
    assert_eq!(month1.phase_reading, PhaseReading::Tense);
    assert!(month1.phase.friction_is_expected());
    assert!(!month14.phase.friction_is_expected());
}

#[test]
fn persona_healthy_organisation() {
    for role in Role::ALL {
        let report = score(instrument(), &sample::healthy_in(instrument(), role));
        assert_eq!(report.risk, Some(RiskLevel::Low), "{role:?}");
        assert!(report.red_flags.is_empty(), "{role:?}: {:?}", report.red_flags);
        assert_eq!(report.barrier, None, "{role:?}");
        assert_eq!(report.confidence.level(), ConfidenceLevel::High);
        assert!(report.actions.len() >= MIN_ACTIONS, "{role:?}");
        assert!(report.actions.iter().all(|a| a.trigger == Trigger::Fallback));
        assert!(report.problems.is_empty(), "{role:?}: {:?}", report.problems);
        assert!(report.readiness.is_some_and(|r| r >= 80));
    }
}

/// Internal IT: sole credential control, undocumented procedures, fear for their job, and the
/// rest of the picture a guarded, resistant team shows.
#[test]
fn persona_internal_it_holding_the_keys() {
    let mut changes =
        vec![choice("kn_creds", "one_person"), choice("kn_procs", "little"), ("tp_job".to_string(), Answer::Likert(5))];
    for item in instrument().items_for(Role::InternalIt) {
        let resist = item.dimension.is_some_and(|d| Dimension::RESISTANCE.contains(&d));
        if let (true, ItemKind::Likert { reverse }) = (resist, &item.kind) {
            if item.id != "tp_job" {
                changes.push((item.id.to_string(), Answer::Likert(if *reverse { 4 } else { 2 })));
            }
        }
    }
    let report = score(instrument(), &healthy_with(Role::InternalIt, &changes));
    let flags: Vec<&str> = report.red_flags.iter().map(|f| f.id).collect();
    assert!(flags.contains(&"creds_single"), "{flags:?}");
    assert!(flags.contains(&"procs_undocumented"), "{flags:?}");
    assert!(flags.contains(&"job_fear"), "{flags:?}");
    assert!(matches!(report.risk, Some(RiskLevel::Elevated | RiskLevel::High)), "{:?}", report.resistance);
    assert!(report.actions.iter().any(|a| a.id == "written_guarantee"), "{:?}", report.actions);
    assert!((MIN_ACTIONS..=MAX_ACTIONS).contains(&report.actions.len()));
    // The flag names the answer that raised it.
    let creds = report.red_flags.iter().find(|f| f.id == "creds_single").unwrap();
    assert_eq!((creds.slot, creds.answer), (slot("kn_creds"), choice("kn_creds", "one_person").1));
}

#[test]
fn persona_dont_know_everywhere_is_low_confidence_not_a_middling_score() {
    for role in Role::ALL {
        let report = score(instrument(), &sample::dont_know_in(instrument(), role));
        assert_eq!(report.confidence.level(), ConfidenceLevel::Low);
        assert_eq!(report.confidence.answered, 0);
        assert!(report.dimensions.iter().all(|d| d.score.is_none()));
        assert_eq!(report.readiness, None);
        assert_eq!(report.risk, None);
        assert_eq!(report.phase, Phase::Unknown);
        // The matrix "don't know" answers are all gaps.
        assert_eq!(report.ownership_gaps().count(), report.ownership.len());
        assert!(report.actions.len() >= MIN_ACTIONS);
    }
}

#[test]
fn problems_are_reported_not_fatal() {
    let mut r = Response::new(instrument(), None);
    r.instrument_version = 9;
    let beyond = Slot(instrument().slot_count as u16 + 3);
    r.set(beyond, Answer::Likert(3));
    r.set(slot("tp_job"), Answer::Likert(9));
    r.set(slot("kn_creds"), Answer::Choice(42));
    r.set(slot("own_matrix.backup"), Answer::Likert(2));
    let report = score(instrument(), &r);
    assert!(report.problems.contains(&Problem::NoRole));
    assert!(report.problems.contains(&Problem::VersionMismatch { instrument: 1, response: 9 }));
    assert!(report.problems.contains(&Problem::InvalidValue(beyond)));
    assert!(report.problems.contains(&Problem::InvalidValue(slot("tp_job"))));
    assert!(report.problems.contains(&Problem::InvalidValue(slot("kn_creds"))));
    assert!(report.problems.contains(&Problem::InvalidValue(slot("own_matrix.backup"))));
    let mut msp = Response::new(instrument(), Some(Role::Msp));
    msp.set(slot("tp_job"), Answer::Likert(5));
    let report = score(instrument(), &msp);
    assert!(report.problems.contains(&Problem::NotShownToRole(slot("tp_job"))));
    assert!(report.red_flags.is_empty(), "a hidden item must not raise a flag");
}

#[test]
fn an_empty_response_yields_an_empty_report() {
    let report = score(instrument(), &Response::new(instrument(), Some(Role::Other)));
    assert_eq!(report.readiness, None);
    assert_eq!(report.confidence.percent(), 0);
    assert_eq!(report.dimensions.len(), 9);
    assert!(report.actions.len() >= MIN_ACTIONS);
}

fn arbitrary_answer() -> impl Strategy<Value = Answer> {
    prop_oneof![
        any::<u8>().prop_map(Answer::Likert),
        Just(Answer::DontKnow),
        any::<u8>().prop_map(Answer::Choice),
        (0usize..6).prop_map(|i| Answer::Owner(Owner::ALL[i])),
    ]
}

fn arbitrary_slot() -> impl Strategy<Value = Slot> {
    (0u16..instrument().slot_count as u16 + 8).prop_map(Slot)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn any_response_yields_a_valid_report(
        role in proptest::option::of(0u8..4),
        version in any::<u8>(),
        answers in proptest::collection::vec((arbitrary_slot(), arbitrary_answer()), 0..80),
    ) {
        let mut r = Response::new(instrument(), role.and_then(Role::from_code));
        r.instrument_version = version;
        for (k, a) in answers {
            r.set(k, a);
        }
        let report = score(instrument(), &r);
        prop_assert_eq!(report.dimensions.len(), 9);
        for d in &report.dimensions {
            prop_assert!(d.score.is_none_or(|s| s <= 100));
            prop_assert!(d.answered + d.dont_know <= d.shown);
        }
        prop_assert!(report.readiness.is_none_or(|s| s <= 100));
        prop_assert!(report.resistance.is_none_or(|s| s <= 100));
        prop_assert!(report.confidence.percent() <= 100);
        prop_assert!(report.actions.len() <= MAX_ACTIONS);
        prop_assert!(report.actions.len() >= MIN_ACTIONS.min(3));
        prop_assert_eq!(score(instrument(), &r), report, "deterministic");
    }

    #[test]
    fn random_valid_responses_have_no_problems(seed in any::<u64>()) {
        let mut rng = Rng::new(seed);
        let role = Role::ALL[rng.below(4) as usize];
        let r = sample::random_in(instrument(), &mut rng, role);
        let report = score(instrument(), &r);
        prop_assert!(report.problems.is_empty(), "{:?}", report.problems);
        if let Some(b) = report.barrier {
            let named = report.dimension(b);
            match report.barrier_reason {
                Some(crate::scoring::BarrierReason::Below) => {
                    prop_assert!(named.score.is_some_and(|s| s < BARRIER_THRESHOLD));
                    for d in Dimension::ALL.iter().take_while(|d| **d != b) {
                        let earlier = report.dimension(*d);
                        prop_assert!(earlier.score.is_none_or(|s| s >= BARRIER_THRESHOLD) && !earlier.capped);
                    }
                }
                Some(crate::scoring::BarrierReason::Critical) => {
                    prop_assert!(named.capped);
                    for d in Dimension::ALL.iter().take_while(|d| **d != b) {
                        prop_assert!(!report.dimension(*d).capped);
                    }
                }
                None => prop_assert!(false, "a barrier without a reason"),
            }
        }
    }
}
