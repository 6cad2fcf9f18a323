//! Team summary links: round trip of the shown figures, nothing of hidden groups, errors.

use crate::aggregate::{aggregate, member_from_response, Hidden};
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
    assert_eq!((s.report.n, s.report.n_full, s.report.threshold, s.report.suppressed), (t.n, t.n_full, 5, false));
    for ((_, a), (_, b)) in t.dimensions.iter().zip(&s.report.dimensions) {
        let (a, b) = (a.unwrap(), b.unwrap());
        assert!((a.median - b.median).abs() <= 0.25 && a.n == b.n);
    }
    assert_eq!(s.report.barrier, t.barrier);
    for (a, b) in t.roles.iter().zip(&s.report.roles) {
        assert_eq!((a.role, a.n, a.hidden), (b.role, b.n, b.hidden));
        assert_eq!(a.means.len(), b.means.len());
    }
    assert_eq!(s.report.flags, t.flags);
    assert_eq!(s.gaps, t.ownership.iter().filter(|r| r.gap).map(|r| r.area).collect::<Vec<_>>());
    assert!(link.len() < 200, "{} chars", link.len());
}

#[test]
fn hidden_groups_travel_without_figures() {
    let t = team(&[(Role::InternalIt, 7), (Role::Msp, 6), (Role::Other, 2)]);
    let s = decode(&format!("#t={}", encode(Instrument::current(), &t))).unwrap();
    let other = s.report.roles.iter().find(|g| g.role == Role::Other).unwrap();
    assert_eq!(other.hidden, Some(Hidden::TooFew));
    assert!(other.means.is_empty());
    assert!(s.report.roles.iter().filter(|g| g.hidden.is_some()).all(|g| g.means.is_empty()));
}

#[test]
fn a_suppressed_team_travels_as_suppressed() {
    let t = team(&[(Role::InternalIt, 3)]);
    assert!(t.suppressed);
    let s = decode(&format!("#t={}", encode(Instrument::current(), &t))).unwrap();
    assert!(s.report.suppressed);
    assert!(s.report.dimensions.iter().all(|(_, d)| d.is_none()));
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
