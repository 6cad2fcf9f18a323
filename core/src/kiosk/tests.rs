//! Kiosk mode's rules: the collection holds sealed links only and its order does not follow
//! arrival; the settings read back; the idle timer; what ends a session.

use super::*;
use crate::seal::SecretRoundKey;
use proptest::prelude::*;

fn secret(n: u8) -> SecretRoundKey {
    SecretRoundKey::from_random([n; 32])
}

/// A person's plain result link (`r=...`) and the same result sealed to round key `n`.
fn plain_and_sealed(seed: u64, n: u8) -> (String, String) {
    let mut rng = crate::sample::Rng::new(seed);
    let response = crate::sample::complete(&mut rng, crate::Role::InternalIt);
    let plain = [crate::share::FRAGMENT_PREFIX, &crate::share::encode_full(&response).unwrap()].concat();
    let sealed = secret(n).public().seal_link(&plain, [seed as u8 ^ 0x5a; 32]).unwrap();
    (plain, sealed)
}

/// A text with a sealed link's shape (tag and box), for tests of order only: sealing is slow in
/// a debug build.
fn shaped(i: u64) -> String {
    format!("s={:0w$x}.AAAA{i}", i, w = 2 * crate::seal::FINGERPRINT_BYTES)
}

#[test]
fn the_collection_refuses_a_plain_link_and_drops_one_when_read() {
    let (plain, sealed) = plain_and_sealed(1, 7);
    let mut c = Collection::default();
    assert_eq!(c.insert(&plain, 0), Err(NotSealed));
    assert_eq!(c.insert(&["https://x.example/#", &plain].concat(), 0), Err(NotSealed));
    assert_eq!(c.insert("s=not-a-link", 0), Err(NotSealed));
    assert!(c.is_empty());
    c.insert(&sealed, 0).unwrap();
    // Stored text someone edited to hold plain links, or damage, reads back sealed links only.
    let read = Collection::parse(&[plain.as_str(), "\n", &c.to_text(), "garbage\n", "r=AAAA\n"].concat());
    assert_eq!(read.links(), std::slice::from_ref(&sealed));
    assert!(!read.to_text().contains(&plain[2..]));
}

proptest! {
    /// Whatever people answer, what the collection stores never contains their plain payload.
    #[test]
    fn a_stored_collection_never_holds_a_plain_payload(seeds in proptest::collection::vec(any::<u64>(), 1..8), r in any::<u32>()) {
        let mut c = Collection::default();
        for (i, seed) in seeds.iter().enumerate() {
            let (plain, sealed) = plain_and_sealed(*seed, 3);
            prop_assert!(c.insert(&plain, r).is_err());
            c.insert(&sealed, r.wrapping_mul(i as u32 + 1)).unwrap();
            let stored = c.to_text();
            prop_assert!(!stored.contains(&plain[2..]));
            prop_assert!(!stored.contains("r="));
        }
        prop_assert_eq!(Collection::parse(&c.to_text()), c);
    }
}

/// The random places that pick position `i` of `places` (multiply-shift), one per place.
fn pick(i: u64, places: u64) -> u32 {
    // The smallest 32-bit number whose multiply-shift lands on `i`.
    ((i << 32).div_ceil(places)) as u32
}

#[test]
fn the_collections_order_is_independent_of_arrival() {
    // Every sequence of random places, for each order of arrival of three people: each final
    // order appears exactly once for every arrival order, so the stored order says nothing about
    // who came when.
    let links: Vec<String> = (0..3).map(shaped).collect();
    let arrivals = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]];
    let mut seen_by_arrival = Vec::new();
    for arrival in arrivals {
        let mut finals = Vec::new();
        for a in 0..1 {
            for b in 0..2 {
                for c in 0..3 {
                    let mut col = Collection::default();
                    for (person, (place, places)) in arrival.iter().zip([(a, 1), (b, 2), (c, 3)]) {
                        col.insert(&links[*person], pick(place, places)).unwrap();
                    }
                    finals.push(col.links().to_vec());
                }
            }
        }
        finals.sort();
        let distinct = finals.windows(2).all(|w| w[0] != w[1]);
        assert!(distinct && finals.len() == 6, "every order exactly once");
        seen_by_arrival.push(finals);
    }
    assert!(seen_by_arrival.windows(2).all(|w| w[0] == w[1]));
}

#[test]
fn random_places_cover_every_position() {
    for places in 1..40u64 {
        for i in 0..places {
            let mut c = Collection::default();
            for k in 0..places - 1 {
                c.insert(&shaped(k + 100), 0).unwrap();
            }
            let new = shaped(999);
            c.insert(&new, pick(i, places)).unwrap();
            assert_eq!(c.links().iter().position(|l| *l == new), Some(i as usize));
        }
    }
    // The largest random number still lands inside.
    let mut c = Collection::default();
    c.insert(&shaped(5), u32::MAX).unwrap();
    c.insert(&shaped(6), u32::MAX).unwrap();
    assert_eq!(c.len(), 2);
}

#[test]
fn a_changed_answer_replaces_the_persons_entry() {
    let (_, first) = plain_and_sealed(1, 2);
    let (_, second) = plain_and_sealed(2, 2);
    let mut c = Collection::default();
    c.insert(&first, 7).unwrap();
    c.remove(&first);
    c.insert(&second, 7).unwrap();
    assert_eq!(c.links(), [second]);
}

#[test]
fn settings_read_back_and_refuse_damage() {
    let s = Settings { key: secret(1).public(), pin: Some(PinHash::new("2468", [3; 16])), idle: 120 };
    let text = s.to_text();
    assert_eq!(Settings::parse(&text), Some(s.clone()));
    assert!(!text.contains("2468"), "the PIN is stored hashed");
    let without = Settings { pin: None, ..s.clone() };
    assert_eq!(Settings::parse(&without.to_text()), Some(without));
    for bad in [
        text.replace("overlap-kiosk 1", "overlap-kiosk 2"),
        text.replace("idle: 120", "idle: 20"),
        text.replace("idle: 120", "idle: 601"),
        text.replace("key: ", "key: x"),
        text.replace("pin: ", "pin: zz"),
        String::new(),
    ] {
        assert_eq!(Settings::parse(&bad), None, "{bad}");
    }
}

#[test]
fn the_pin_or_the_rounds_secret_key_ends_a_session_and_nothing_else_does() {
    let held = HeldKey { label: "Acme".into(), secret: secret(1) };
    let s = Settings { key: held.secret.public(), pin: Some(PinHash::new("2468", [9; 16])), idle: 90 };
    assert!(s.unlocks("2468"));
    assert!(s.unlocks(" 2468 "));
    assert!(s.unlocks(&held.to_file()));
    assert!(s.unlocks(&held.secret.to_text()));
    for wrong in ["", "2469", "24680", &secret(2).to_text(), &held.secret.public().to_text(), "overlap-round-key 1"] {
        assert!(!s.unlocks(wrong), "{wrong}");
    }
    // Without a PIN (a session started from the deployment's key), only the key file ends it.
    let no_pin = Settings { pin: None, ..s };
    assert!(!no_pin.unlocks("2468"));
    assert!(no_pin.unlocks(&held.to_file()));
}

#[test]
fn pins_and_idle_times_in_range() {
    for ok in ["1234", "00000000", "987654"] {
        assert!(pin_ok(ok), "{ok}");
    }
    for bad in ["", "123", "123456789", "12a4", "１２３４", "12 34"] {
        assert!(!pin_ok(bad), "{bad}");
    }
    for (text, seconds) in [("90", 90), ("30", 30), ("600", 600)] {
        assert_eq!(idle_seconds_text(text), Some(seconds));
    }
    assert_eq!(idle_seconds_text(" 120 "), Some(120));
    for bad in ["", "29", "601", "90.0", "-90", "1e2", "0090", "x"] {
        assert_eq!(idle_seconds_text(bad), None, "{bad}");
    }
}

#[test]
fn the_countdown_follows_the_idle_time() {
    assert_eq!(idle(90, 0), Idle::Quiet);
    assert_eq!(idle(90, 89), Idle::Quiet);
    assert_eq!(idle(90, 90), Idle::Countdown(30));
    assert_eq!(idle(90, 110), Idle::Countdown(10));
    assert_eq!(idle(90, 119), Idle::Countdown(1));
    assert_eq!(idle(90, 120), Idle::Reset);
    assert_eq!(idle(30, u32::MAX), Idle::Reset);
}
