//! Scoring tests of version 2's rules: roles scored only on what they can judge, answers as the
//! only triggers of advice (a property test), the phase's first action, the barrier's margin,
//! checklists, "not applicable" and the matrix's unwritten shared ownership.

use crate::instrument::{
    Dimension, Instrument, ItemKind, Owner, Phase, Role, Selector, Slot, CHECKLIST_NO, CHECKLIST_YES,
};
use crate::response::{Answer, Response};
use crate::sample::{self, Rng};
use crate::scoring::*;
use proptest::prelude::*;

fn v2() -> &'static Instrument {
    Instrument::by_version(2).unwrap()
}

fn choice(id: &str, option: &str) -> Answer {
    let Some(ItemKind::Choice { options, .. }) = v2().item(id).map(|i| &i.kind) else { panic!("{id} is not a choice") };
    Answer::Choice(options.iter().position(|o| *o == option).unwrap_or_else(|| panic!("{id} has no {option}")) as u8)
}

/// The slot of an answer named as inputs name it (`ow_matrix.backup`).
#[track_caller]
fn slot(name: &str) -> Slot {
    v2().slot_named(name).unwrap_or_else(|| panic!("no answer `{name}` in version 2"))
}

fn healthy_with(role: Role, changes: &[(&str, Answer)]) -> Response {
    let mut r = sample::healthy_in(v2(), role);
    for (k, a) in changes {
        r.set(slot(k), *a);
    }
    r
}

fn action_ids(report: &Report) -> Vec<&'static str> {
    report.actions.iter().map(|a| a.id).collect()
}

/// Every unhealthy answer a role can give to the dimensions in `dims` (Likert at the unhealthy
/// end, the worst scored option, gaps in the matrix, nothing in writing).
fn unhealthy(role: Role, dims: &[Dimension]) -> Response {
    let mut r = sample::healthy_in(v2(), role);
    for item in v2().items_for(role).filter(|i| i.dimension.is_some_and(|d| dims.contains(&d))) {
        match item.kind {
            ItemKind::Likert { reverse } => r.set(Slot(item.slot), Answer::Likert(if reverse { 5 } else { 1 })),
            ItemKind::Choice { scores, .. } => {
                let worst = (0..scores.len()).filter(|k| scores[*k] >= 0).min_by_key(|&k| scores[k]).unwrap();
                r.set(Slot(item.slot), Answer::Choice(worst as u8));
            }
            ItemKind::Matrix { .. } => item.slots().for_each(|k| r.set(k, Answer::Owner(Owner::Nobody))),
            ItemKind::Checklist { .. } => item.slots().for_each(|k| r.set(k, Answer::Choice(CHECKLIST_NO))),
        }
    }
    r
}

#[test]
fn each_role_is_scored_only_where_it_can_judge() {
    let i = v2();
    for role in Role::ALL {
        let report = score(i, &sample::healthy_in(i, role));
        let mut scored = 0;
        for d in &report.dimensions {
            let judged = i.scores(role, d.dimension);
            assert_eq!(d.asked, judged, "{role:?} {:?}", d.dimension);
            if judged {
                scored += 1;
                assert!(d.score.is_some(), "{role:?} {:?}", d.dimension);
                assert!(d.items >= 5, "{role:?} {:?}: {} items", d.dimension, d.items);
                assert!(d.range.is_some_and(|r| (3..=20).contains(&r)), "{role:?} {:?}: {:?}", d.dimension, d.range);
            } else {
                assert_eq!((d.score, d.shown), (None, 0), "{role:?} {:?} is hearsay", d.dimension);
            }
        }
        assert!(scored >= 5, "{role:?}");
        if role == Role::InternalIt {
            assert_eq!(scored, 9);
        }
    }
}

#[test]
fn advice_follows_the_answers_in_the_issue_s_examples() {
    // Credentials already in a vault, procedures undocumented: the vault is not advised, the
    // written procedures are, and "why" quotes the answer.
    let r = healthy_with(
        Role::InternalIt,
        &[
            ("kn_creds", choice("kn_creds", "vault")),
            ("kn_procs", choice("kn_procs", "little")),
            ("kn_quirks", Answer::Likert(5)),
        ],
    );
    let report = score(v2(), &r);
    let ids = action_ids(&report);
    assert!(!ids.contains(&"credential_vault"), "{ids:?}");
    let tribal = report.actions.iter().find(|a| a.id == "capture_tribal_knowledge").expect("advised");
    assert_eq!(tribal.trigger, Trigger::Answer { slot: slot("kn_procs"), answer: choice("kn_procs", "little") });
    let why = crate::present::trigger_text(v2(), crate::i18n::Locale::En, &report, tribal.trigger);
    assert!(why.contains("Very little") && why.contains("routine IT work"), "{why}");

    // All four parts of the commitment in writing: no "written guarantee", even with job fear.
    let mut written = healthy_with(Role::InternalIt, &[("tp_job", Answer::Likert(5))]);
    for key in ["ld_written.positions", "ld_written.duration", "ld_written.ends", "ld_written.roles"] {
        written.set_named(key, Answer::Choice(CHECKLIST_YES));
    }
    assert!(!action_ids(&score(v2(), &written)).contains(&"written_guarantee"));
    // One part missing: advised, quoting that part.
    written.set_named("ld_written.duration", Answer::Choice(CHECKLIST_NO));
    let report = score(v2(), &written);
    let g = report.actions.iter().find(|a| a.id == "written_guarantee").expect("advised");
    assert_eq!(g.trigger, Trigger::Answer { slot: slot("ld_written.duration"), answer: Answer::Choice(CHECKLIST_NO) });

    // Other staff are never asked about the commitment, so never told to write one.
    for role in [Role::Other, Role::Msp] {
        let report = score(v2(), &unhealthy(role, &Dimension::ALL));
        assert!(!action_ids(&report).contains(&"written_guarantee"), "{role:?}");
    }
}

#[test]
fn the_phase_changes_the_first_action() {
    let tense = unhealthy(Role::Msp, &Dimension::FRICTION);
    let with_months = |option: &str| {
        let mut r = tense.clone();
        r.set_named("ctx_months2", choice("ctx_months2", option));
        score(v2(), &r)
    };
    let (early, late) = (with_months("lt2"), with_months("m12p"));
    assert_eq!((early.phase, late.phase), (Phase::Orientation, Phase::Optimization));
    assert_eq!(early.phase_reading, PhaseReading::Tense);
    assert_eq!(early.actions[0].id, "settle_in_checkpoint");
    assert_eq!(late.actions[0].id, "relationship_reset");
    assert!(matches!(late.actions[0].trigger, Trigger::Phase { slot: s, .. } if s == slot("ctx_months2")));
    // Calm friction: neither phase action.
    let calm = score(v2(), &sample::healthy_in(v2(), Role::Msp));
    assert!(!action_ids(&calm).iter().any(|a| *a == "settle_in_checkpoint" || *a == "relationship_reset"));
}

#[test]
fn the_barrier_is_named_only_beyond_its_margin() {
    #[track_caller]
    fn check(scores: [Option<u8>; 3], range: u8, expected: (Option<Dimension>, Option<Dimension>)) {
        let dims: Vec<DimensionScore> = Dimension::ALL[..3]
            .iter()
            .zip(scores)
            .map(|(d, s)| DimensionScore { score: s, range: Some(range), ..DimensionScore::empty(*d, true) })
            .collect();
        assert_eq!(barrier_with_margin(&dims), expected, "{scores:?} ± {range}");
    }
    use Dimension::{Leadership as L, Threat as T, Trust as R};
    check([Some(40), Some(20), Some(90)], 10, (Some(L), None));
    // 55 ± 10 might be 60: no barrier stands out; the lowest below the line is named.
    check([Some(55), Some(45), Some(90)], 10, (None, Some(T)));
    check([Some(55), Some(58), Some(90)], 10, (None, Some(L)));
    // A later dimension is never named in place of the first below the line.
    check([Some(70), Some(52), Some(10)], 10, (None, Some(R)));
    check([Some(70), Some(80), Some(90)], 10, (None, None));
    check([None, Some(49), Some(90)], 10, (Some(T), None));
}

#[test]
fn checklists_score_written_parts_and_flag_nothing_in_writing() {
    let mut r = sample::healthy_in(v2(), Role::Leadership);
    let keys = ["ld_written.positions", "ld_written.duration", "ld_written.ends", "ld_written.roles"];
    for (k, a) in keys.iter().zip([CHECKLIST_YES, CHECKLIST_NO, CHECKLIST_NO, 2]) {
        r.set(slot(k), Answer::Choice(a));
    }
    let report = score(v2(), &r);
    let item = v2().item("ld_written").unwrap();
    assert_eq!(item_score(item, &r).0.map(|s| s.round()), Some(33.0), "1 of 3 answered parts in writing");
    assert!(report.red_flags.iter().all(|f| f.id != "no_written_commitment"));
    for k in keys {
        r.set_named(k, Answer::Choice(CHECKLIST_NO));
    }
    let report = score(v2(), &r);
    assert!(report.red_flags.iter().any(|f| f.id == "no_written_commitment"));
}

#[test]
fn not_applicable_is_neither_scored_nor_held_against_confidence() {
    let full = score(v2(), &sample::healthy_in(v2(), Role::InternalIt));
    let r = healthy_with(
        Role::InternalIt,
        &[("ld_choice", Answer::NotApplicable), ("rd_owner2", choice("rd_owner2", "na"))],
    );
    let report = score(v2(), &r);
    let ld = report.dimension(Dimension::Leadership);
    assert_eq!((ld.not_applicable, ld.dont_know, ld.score), (1, 0, Some(100)));
    assert_eq!(ld.items, 4);
    assert_eq!(report.dimension(Dimension::Readiness).not_applicable, 1);
    assert_eq!(report.confidence.percent(), full.confidence.percent());
    assert_eq!(report.confidence.not_applicable, 2);
    // An item that does not offer it refuses it.
    let bad = healthy_with(Role::InternalIt, &[("tp_job", Answer::NotApplicable)]);
    assert!(score(v2(), &bad).problems.contains(&Problem::InvalidValue(slot("tp_job"))));
}

#[test]
fn shared_with_nothing_written_is_a_gap() {
    let r = healthy_with(Role::InternalIt, &[("ow_matrix.backup", Answer::Owner(Owner::SharedUnwritten))]);
    let report = score(v2(), &r);
    let backup = report.ownership.iter().find(|(a, _)| v2().matrix().keys()[*a] == "ow_matrix.backup").unwrap();
    assert_eq!(backup.1, Some(Owner::SharedUnwritten));
    assert_eq!(report.ownership_gaps().count(), 1);
    assert!(report.red_flags.iter().any(|f| f.id == "backup_unowned"));
    let item = v2().matrix();
    let areas = if let ItemKind::Matrix { areas, .. } = item.kind { areas.len() } else { 0 };
    let expected = (areas as f64 - 1.0) * 100.0 / areas as f64;
    assert_eq!(item_score(item, &r).0, Some(expected));
}

/// The property of the issue: for any response, every action offered has one of its trigger
/// answers present (to an item the respondent's role is shown) and none of its "already done"
/// answers; phase actions only in their phase with tense friction.
fn advice_follows_answers(i: &'static Instrument, r: &Response) -> Result<(), String> {
    let report = score(i, r);
    for a in &report.actions {
        let rule = &i.actions()[a.rule];
        let triggered = rule.triggers.iter().find_map(|t| matching_answer(i, t, r));
        let (key, answer) = triggered.ok_or(format!("{} offered with no trigger present", a.id))?;
        if let Some(role) = r.role {
            if !i.slot_item(key).is_some_and(|(it, _)| it.roles.contains(role)) {
                return Err(format!("{} triggered by {key:?}, which {role:?} is not asked", a.id));
            }
        }
        match a.trigger {
            Trigger::Answer { slot: k, answer: an } | Trigger::Phase { slot: k, answer: an } => {
                if (k, an) != (key, answer) {
                    return Err(format!("{}: why quotes {k:?}, but the first trigger present is {key:?}", a.id));
                }
                if r.get(k) != Some(an) {
                    return Err(format!("{}: why quotes an answer not given", a.id));
                }
            }
            other => return Err(format!("{}: rules 2 trigger {other:?}", a.id)),
        }
        if rule.in_place.iter().any(|t| matching_answer(i, t, r).is_some()) {
            return Err(format!("{} offered although its answers say it is done", a.id));
        }
        if !rule.phases.is_empty()
            && (!rule.phases.contains(&report.phase) || report.phase_reading != PhaseReading::Tense)
        {
            return Err(format!("{} offered outside its phase or calm", a.id));
        }
    }
    if report.actions.len() > MAX_ACTIONS {
        return Err("too many actions".into());
    }
    Ok(())
}

fn arbitrary_v2_answer() -> impl Strategy<Value = Answer> {
    prop_oneof![
        (1u8..=5).prop_map(Answer::Likert),
        Just(Answer::DontKnow),
        Just(Answer::NotApplicable),
        (0u8..6).prop_map(Answer::Choice),
        (0usize..7).prop_map(|i| Answer::Owner(Owner::ALL[i])),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn every_action_offered_has_its_trigger_and_none_of_its_done_answers(seed in any::<u64>()) {
        let mut rng = Rng::new(seed);
        let role = Role::ALL[rng.below(4) as usize];
        let r = sample::random_in(v2(), &mut rng, role);
        prop_assert_eq!(advice_follows_answers(v2(), &r), Ok(()));
    }

    #[test]
    fn advice_follows_answers_whatever_the_keys_and_values(
        role in proptest::option::of(0u8..4),
        answers in proptest::collection::vec(
            ((0..v2().slot_count as u16).prop_map(Slot), arbitrary_v2_answer()),
            0..90,
        ),
    ) {
        let mut r = Response::new(v2(), role.and_then(Role::from_code));
        for (k, a) in answers {
            r.set(k, a);
        }
        prop_assert_eq!(advice_follows_answers(v2(), &r), Ok(()));
        let report = score(v2(), &r);
        for d in &report.dimensions {
            prop_assert!(d.answered + d.dont_know + d.not_applicable <= d.shown);
        }
    }
}

#[test]
fn every_action_can_be_offered_to_some_role() {
    // No action is dead: for each, some role's unhealthy (or, for fallbacks, healthy) answers
    // in some phase offer it.
    let i = v2();
    let mut seen = std::collections::BTreeSet::new();
    for role in Role::ALL {
        for months in ["lt2", "m12p"] {
            for base in [unhealthy(role, &Dimension::ALL), sample::healthy_in(i, role)] {
                let mut r = base;
                r.set_named("ctx_months2", choice("ctx_months2", months));
                seen.extend(action_ids(&score(i, &r)));
                // And each action on its own, by giving just one of its triggers.
                for rule in i.actions() {
                    let mut single = sample::healthy_in(i, role);
                    single.set_named("ctx_months2", choice("ctx_months2", months));
                    let t = &rule.triggers[0];
                    let item = &i.items[t.item];
                    if !item.roles.contains(role) {
                        continue;
                    }
                    let key = match t.part {
                        Selector::Whole => item.id,
                        Selector::One(k) => item.keys()[k],
                        Selector::Any | Selector::All => item.keys()[0],
                    };
                    let answer = match item.kind {
                        ItemKind::Likert { .. } => Answer::Likert(t.values[0]),
                        ItemKind::Choice { .. } | ItemKind::Checklist { .. } => Answer::Choice(t.values[0]),
                        ItemKind::Matrix { .. } => Answer::Owner(Owner::from_code(t.values[0]).unwrap()),
                    };
                    single.set_named(key, answer);
                    seen.extend(action_ids(&score(i, &single)));
                }
            }
        }
    }
    for rule in i.actions() {
        assert!(seen.contains(rule.id), "{} is never offered", rule.id);
    }
}

/// The issue's case: an internal IT person who strongly agrees the MSP could cost them their job,
/// everything else healthy. The flag, the band, the risk and what to fix first must agree.
#[test]
fn a_job_fear_answer_is_not_drowned_by_healthy_answers() {
    let r = healthy_with(Role::InternalIt, &[("tp_job", Answer::Likert(5))]);
    let report = score(v2(), &r);
    assert!(report.red_flags.iter().any(|f| f.id == "job_fear"));
    let threat = report.dimension(Dimension::Threat);
    assert!(threat.capped && threat.band() <= Some(Band::AtRisk), "{threat:?}");
    assert!(report.risk >= Some(RiskLevel::Elevated), "{:?}", report.risk);
    assert_eq!(report.barrier, Some(Dimension::Threat));
    assert_eq!(report.barrier_reason, Some(BarrierReason::Critical));
    assert_eq!(report.lowest, None, "never 'no single blocker' beside a critical answer");
    // A summary link carries the cap, so its headline reads the same.
    let link = crate::share::encode_summary(&report).unwrap();
    let crate::share::Shared::Summary(summary) = crate::share::decode(&format!("r={link}")).unwrap() else { panic!() };
    assert_eq!(
        (summary.risk, summary.barrier, summary.dimension(Dimension::Threat).band()),
        (report.risk, report.barrier, threat.band())
    );
}

proptest! {
    /// Whatever else was answered, a critical answer is never contradicted by the headline: its
    /// dimension's band is at most "At risk", something is named to fix first (never "no single
    /// blocker"), and on a resistance dimension the risk is at least "Elevated".
    #[test]
    fn no_headline_contradicts_a_critical_answer(seed in any::<u64>(), extreme in any::<bool>()) {
        let mut rng = Rng::new(seed);
        let role = Role::ALL[rng.below(4) as usize];
        let r = if extreme { sample::extreme(role, rng.below(2) == 0) } else { sample::random_in(v2(), &mut rng, role) };
        let report = score(v2(), &r);
        for f in &report.red_flags {
            let rule = &v2().red_flags()[f.rule];
            let (true, Some(d)) = (rule.critical, rule.dimension) else { continue };
            let dim = report.dimension(d);
            prop_assert!(dim.capped);
            prop_assert!(dim.band().is_none_or(|b| b <= CRITICAL_CAP), "{} band {:?}", d.id(), dim.band());
            prop_assert!(report.barrier.is_some() && report.lowest.is_none(), "{:?}", report.barrier);
            if Dimension::RESISTANCE.contains(&d) {
                prop_assert!(report.risk >= Some(CRITICAL_RISK_FLOOR), "risk {:?}", report.risk);
            }
        }
        // And nothing is capped without a critical answer.
        for d in &report.dimensions {
            let raised = report.red_flags.iter().any(|f| {
                let rule = &v2().red_flags()[f.rule];
                rule.critical && rule.dimension == Some(d.dimension)
            });
            prop_assert_eq!(d.capped, raised, "{}", d.dimension.id());
        }
    }

    /// Actions fit the reader: only what the reader's role can do or ask for, each once, and
    /// phase-bound actions only in their phase.
    #[test]
    fn actions_fit_the_reader(seed in any::<u64>()) {
        let mut rng = Rng::new(seed);
        let role = Role::ALL[rng.below(4) as usize];
        let report = score(v2(), &sample::random_in(v2(), &mut rng, role));
        let mut seen = Vec::new();
        for a in &report.actions {
            let rule = &v2().actions()[a.rule];
            prop_assert!(rule.offer_to.contains(role), "{} offered to {}", rule.id, role.id());
            prop_assert!(!seen.contains(&a.rule), "{} twice", rule.id);
            seen.push(a.rule);
            prop_assert!(rule.phases.is_empty() || rule.phases.contains(&report.phase), "{} in {:?}", rule.id, report.phase);
            prop_assert!(rule.actor.is_some(), "{} names nobody", rule.id);
        }
    }
}

/// No sentence of one action's text repeats in another's, and only a phase-bound action speaks
/// of the time since the engagement started.
#[test]
fn action_texts_say_each_thing_once_and_time_only_in_their_phase() {
    use crate::i18n::Locale;
    let mut sentences: Vec<(&str, String)> = Vec::new();
    for rule in v2().actions() {
        for key in [rule.title, rule.detail, rule.done] {
            let text = Locale::En.t(key);
            for s in text.split(". ").map(|s| s.trim_end_matches('.').to_lowercase()).filter(|s| s.len() > 20) {
                if let Some((other, _)) = sentences.iter().find(|(id, x)| *x == s && *id != rule.id) {
                    panic!("`{}` and `{other}` both say: {s}", rule.id);
                }
                sentences.push((rule.id, s));
            }
        }
        let words = ["this early", "early wins", "six months", "first months", "after a year", "settling"];
        let text = [rule.title, rule.detail, rule.done].map(|k| Locale::En.t(k).to_lowercase()).join(" ");
        if rule.phases.is_empty() {
            for w in words {
                assert!(!text.contains(w), "`{}` speaks of time (`{w}`) but is offered in every phase", rule.id);
            }
        }
    }
}
