//! Tests of the compiled instrument: the invariants share links and scoring rely on.

use crate::instrument::*;

#[test]
fn current_is_the_newest_version() {
    let newest = Instrument::all().iter().map(|i| i.version).max();
    assert_eq!(newest, Some(Instrument::current().version));
}

#[test]
fn unknown_versions_are_named() {
    assert_eq!(Instrument::by_version(63).err(), Some(UnknownVersion(63)));
    assert!(Instrument::by_version(1).is_ok());
}

#[test]
fn sections_follow_the_prerequisite_order() {
    let i = Instrument::current();
    assert_eq!(i.sections[0].dimension, None);
    let dims: Vec<Dimension> = i.sections.iter().filter_map(|s| s.dimension).collect();
    assert_eq!(dims, Dimension::ALL.to_vec());
}

#[test]
fn ids_round_trip_through_codes() {
    for r in Role::ALL {
        assert_eq!(Role::from_code(r.code()), Some(r));
        assert_eq!(Role::from_id(r.id()), Some(r));
    }
    for d in Dimension::ALL {
        assert_eq!(Dimension::from_index(d.index()), Some(d));
        assert_eq!(Dimension::from_id(d.id()), Some(d));
    }
    for o in Owner::ALL {
        assert_eq!(Owner::from_code(o.code()), Some(o));
    }
    assert_eq!(Owner::from_code(0), None);
    assert_eq!(Role::from_code(4), None);
}

/// The bound: every role finishes within 10 minutes by the project's estimator, with
/// about 60 answers at most (matrix areas and checklist parts one each).
#[test]
fn every_role_finishes_within_ten_minutes() {
    let i = Instrument::current();
    for role in Role::ALL {
        for locale in crate::i18n::Locale::ALL {
            let e = crate::estimate::estimate(i, role, locale);
            assert!(
                e.minutes <= 10.0,
                "{role:?} {locale:?}: {:.1} min ({} words, {} answers)",
                e.minutes,
                e.words,
                e.answers
            );
            assert!(e.answers <= 62, "{role:?}: {} answers", e.answers);
        }
    }
}

#[test]
fn summary_counts_fit_their_bits() {
    // Summary links store shown/answered/don't-know per dimension in five bits (version 1) or
    // six (version 2).
    let i = Instrument::current();
    for role in Role::ALL {
        for d in Dimension::ALL {
            let units: usize = i
                .items_for(role)
                .filter(|it| it.dimension == Some(d) && it.is_scored())
                .map(|it| it.answer_count())
                .sum();
            assert!(units < 32, "{role:?} {d:?}: {units} units");
        }
    }
}
