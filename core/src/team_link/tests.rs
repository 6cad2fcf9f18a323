//! Team summary links: round trip of the shown figures, nothing of hidden groups, errors.

use crate::aggregate::{aggregate, member_from_response};
use crate::instrument::{Instrument, Role};
use crate::sample::{self, Rng};
use crate::share::LinkError;
use crate::team_link::*;

fn team(sizes: &[(Role, usize)]) -> crate::aggregate::TeamReport {
    let mut rng = Rng::new(77);
    let members: Vec<_> = sizes
        .iter()
        .flat_map(|(r, n)| (0..*n).map(|_| member_from_response(sample::random(&mut rng, *r))).collect::<Vec<_>>())
        .collect();
    aggregate(Instrument::current(), &members, 5)
}

#[test]
fn the_shown_figures_round_trip_to_half_a_point() {
    let t = team(&[(Role::InternalIt, 7), (Role::Msp, 6), (Role::Leadership, 5), (Role::Other, 2)]);
    let link = encode(Instrument::current(), &t);
    let s = decode(&format!("https://x.test/#t={link}")).unwrap();
    assert_eq!((s.n, s.n_full, s.threshold, s.suppressed), (t.n, t.n_full, 5, false));
    let close = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() <= 0.05,
        (a, b) => a.is_none() && b.is_none(),
    };
    for (a, b) in t.dimensions.iter().zip(&s.dimensions) {
        assert!(close(a.score, b.score), "{a:?} {b:?}");
        assert!(close(a.spread.map(|s| s.median), b.spread.map(|s| s.median)));
        assert_eq!(a.spread.map(|s| s.n), b.spread.map(|s| s.n));
    }
    assert_eq!(s.barrier, t.barrier);
    for (a, b) in t.roles.iter().zip(&s.roles) {
        assert_eq!((a.role, a.n, a.shown), (b.role, b.n, b.shown));
        assert_eq!(a.means.len(), b.means.len());
    }
    assert_eq!(s.flags, t.flags);
    assert_eq!(s.withheld, t.withheld);
    for (a, b) in t.gaps.iter().take(MAX_GAPS).zip(&s.gaps) {
        assert_eq!(
            (a.dimension, a.higher.role, a.lower.role, a.gap),
            (b.dimension, b.higher.role, b.lower.role, b.gap)
        );
        assert!((a.size - b.size).abs() <= 0.1);
    }
    for (a, b) in t.ownership.iter().zip(&s.ownership) {
        assert_eq!((a.area, a.gap, a.disagreement), (b.area, b.gap, b.disagreement));
        let m = |r: &crate::aggregate::AreaRow| {
            r.majority.iter().map(|m| (m.role, m.owner, m.agree, m.of)).collect::<Vec<_>>()
        };
        assert_eq!(m(a), m(b));
    }
    assert!(link.len() < 700, "{} chars", link.len());
}

#[test]
fn hidden_groups_travel_without_figures() {
    let t = team(&[(Role::InternalIt, 7), (Role::Msp, 6), (Role::Other, 2)]);
    let s = decode(&format!("#t={}", encode(Instrument::current(), &t))).unwrap();
    let other = s.roles.iter().find(|g| g.role == Role::Other).unwrap();
    assert!(!other.shown && other.n == 0, "hidden, with no size: {other:?}");
    assert!(other.means.is_empty());
    assert!(s.roles.iter().filter(|g| !g.shown).all(|g| g.means.is_empty() && g.n == 0));
    // The team total counts the shown groups only.
    assert_eq!(s.n, 13);
    assert!(s.ownership.iter().all(|r| r.majority.iter().all(|m| s.roles[m.role.code() as usize].is_shown())));
}

#[test]
fn a_suppressed_team_travels_as_suppressed() {
    let t = team(&[(Role::InternalIt, 3)]);
    assert!(t.suppressed);
    let s = decode(&format!("#t={}", encode(Instrument::current(), &t))).unwrap();
    assert!(s.suppressed);
    assert!(s.dimensions.iter().all(|d| d.score.is_none() && d.spread.is_none()));
}

/// A team link made by the first release (version 1's layout, written here bit by bit as that
/// release wrote it) still opens: medians as the team score, groups, marks and flag counts.
#[test]
fn a_first_release_team_link_still_opens() {
    use crate::share::BitWriter;
    let v1 = Instrument::by_version(1).unwrap();
    let mut w = BitWriter::default();
    w.push(1, 6);
    w.push(5, 6);
    w.push(12, 10);
    w.push(10, 10);
    w.push(0, 1);
    for d in 0..9u32 {
        for v in [100 + d, 80, 120] {
            w.push(v, 8);
        }
        w.push(12, 10);
    }
    for (n, hidden) in [(6u32, 0u32), (6, 0), (0, 0), (0, 0)] {
        w.push(n, 10);
        w.push(hidden, 2);
        if n > 0 {
            for _ in 0..9 {
                w.push(110, 8);
            }
        }
    }
    for area in 0..9 {
        w.push((area == 0) as u32, 1);
        w.push((area == 1) as u32, 1);
    }
    for f in 0..v1.red_flags().len() {
        w.push(if f == 2 { 3 } else { 0 }, 10);
    }
    let s = decode(&format!("#t={}", w.finish())).unwrap();
    assert_eq!((s.instrument_version, s.n, s.n_full), (1, 12, 10));
    assert_eq!(s.dimensions[0].score, Some(50.0));
    assert_eq!(s.dimensions[0].spread.map(|x| (x.q1, x.q3)), Some((40.0, 60.0)));
    assert!(s.roles[0].is_shown() && s.roles[1].is_shown());
    assert!(s.ownership[0].gap && s.ownership[1].disagreement && !s.ownership[2].gap);
    assert_eq!(s.flags, vec![crate::aggregate::FlagCount { rule: 2, count: 3, of: 10 }]);
    assert_eq!(s.barrier, Some(crate::instrument::Dimension::ALL[0]));
}

#[test]
fn bad_team_links_say_what_is_wrong() {
    let t = team(&[(Role::InternalIt, 6)]);
    let link = encode(Instrument::current(), &t);
    assert_eq!(decode("#r=abc").err(), Some(LinkError::NotOverlap));
    assert_eq!(decode("#t=a+b").err(), Some(LinkError::Garbled));
    assert_eq!(
        decode(&format!("#t={}", &link[..10])).err().map(|e| e == LinkError::Truncated || e == LinkError::Altered),
        Some(true)
    );
    let mut edited: Vec<char> = link.chars().collect();
    edited[20] = if edited[20] == 'A' { 'B' } else { 'A' };
    assert_eq!(decode(&format!("#t={}", edited.iter().collect::<String>())).err(), Some(LinkError::Altered));
}

proptest::proptest! {
    /// The app's quick check agrees with the full decode: whatever decodes passes the check, and
    /// whatever the check refuses, decode refuses for the same reason.
    #[test]
    fn the_quick_check_agrees_with_decode(pos in 0usize..200, byte in 0u8..128, cut in 0usize..200) {
        let t = team(&[(Role::InternalIt, 6), (Role::Msp, 5)]);
        let link = format!("t={}", encode(Instrument::current(), &t));
        let mut bytes = link.clone().into_bytes();
        let i = 2 + pos % (bytes.len() - 2);
        bytes[i] = byte;
        let edited = String::from_utf8_lossy(&bytes).to_string();
        let short = &link[..2 + cut % (link.len() - 2)];
        for text in [link.as_str(), edited.as_str(), short] {
            match (check(text), decode(text)) {
                (Ok(()), _) => {}
                (Err(e), Err(d)) => proptest::prop_assert_eq!(e, d),
                (Err(e), Ok(_)) => proptest::prop_assert!(false, "check refused {text:?} ({e:?}) but it decodes"),
            }
            if decode(text).is_ok() {
                proptest::prop_assert!(check(text).is_ok());
            }
        }
    }
}
