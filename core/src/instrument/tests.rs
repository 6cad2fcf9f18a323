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

#[test]
fn every_role_sees_a_survey_of_eight_to_ten_minutes() {
    // About 15 seconds per answer unit; the matrix areas count one each.
    let i = Instrument::current();
    for role in Role::ALL {
        let units: usize = i.items_for(role).map(|it| it.answer_keys().len()).sum();
        assert!((30..=52).contains(&units), "{role:?} sees {units} answer units");
    }
}

#[test]
fn summary_counts_fit_their_five_bits() {
    // Share links store shown/answered/don't-know per dimension in five bits.
    let i = Instrument::current();
    for role in Role::ALL {
        for d in Dimension::ALL {
            let units: usize = i
                .items_for(role)
                .filter(|it| it.dimension == Some(d) && it.is_scored())
                .map(|it| it.answer_keys().len())
                .sum();
            assert!(units < 32, "{role:?} {d:?}: {units} units");
        }
    }
}
