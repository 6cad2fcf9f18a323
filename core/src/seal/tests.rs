//! Sealed links: they open with the round's secret key to exactly the plain link's bytes, for
//! every kind of link, and never without it; any changed character is rejected; a link for
//! another round is told apart from a damaged one.

use super::*;
use crate::instrument::{Instrument, Role};
use crate::sample::{self, Rng};
use crate::share::{self, Shared};
use proptest::prelude::*;

fn key(seed: u8) -> SecretRoundKey {
    SecretRoundKey::from_random([seed; KEY_BYTES])
}

fn plain_links() -> Vec<String> {
    let mut out = Vec::new();
    for role in Role::ALL {
        let r = sample::healthy(role);
        out.push(format!("r={}", share::encode_full(&r).unwrap()));
        out.push(format!("r={}", share::encode_summary(&crate::score(Instrument::current(), &r)).unwrap()));
    }
    // A link of the first release's version.
    let v1 = sample::healthy_in(Instrument::by_version(1).unwrap(), Role::Msp);
    out.push(format!("r={}", share::encode_full(&v1).unwrap()));
    out
}

#[test]
fn every_kind_of_link_opens_to_the_same_bytes_and_the_same_scores() {
    let k = key(7);
    for (n, plain) in plain_links().into_iter().enumerate() {
        let sealed = k.public().seal_link(&plain, [n as u8; 32]).expect("seals");
        assert!(sealed.starts_with("s=") && is_sealed(&sealed) && !sealed.contains(&plain[2..]));
        let opened = open_link(&format!("https://x.example/#{sealed}"), &[key(1), k.clone()]).expect("opens");
        assert_eq!(opened, plain, "the plain link's bytes");
        let (a, b) = (share::decode(&plain).unwrap(), share::decode(&opened).unwrap());
        assert_eq!(a.report(), b.report());
        assert!(matches!((a, b), (Shared::Full(_), Shared::Full(_)) | (Shared::Summary(_), Shared::Summary(_))));
    }
}

#[test]
fn the_tag_is_the_fingerprint_and_another_round_is_told_from_damage() {
    let (mine, other) = (key(2), key(3));
    let plain = format!("r={}", share::encode_full(&sample::healthy(Role::InternalIt)).unwrap());
    let sealed = mine.public().seal_link(&plain, [9; 32]).unwrap();
    let tag = tag_of(&sealed).unwrap();
    assert_eq!(tag.to_uppercase(), mine.public().fingerprint_text().replace('-', ""));
    assert_eq!(mine.public().fingerprint_text().len(), 14, "three groups of four, two dashes");
    assert_eq!(open_link(&sealed, std::slice::from_ref(&other)), Err(SealError::OtherRound));
    assert_eq!(open_link(&sealed, &[]), Err(SealError::OtherRound));
    assert_eq!(open_link(&plain, std::slice::from_ref(&mine)), Err(SealError::NotSealed));
    let cut = &sealed[..sealed.len() - 5];
    assert_eq!(open_link(cut, std::slice::from_ref(&mine)), Err(SealError::Damaged));
    assert_eq!(open_link("s=zz.AAAA", &[mine]), Err(SealError::Damaged));
}

#[test]
fn keys_read_back_and_a_malformed_one_is_refused() {
    let k = key(5);
    assert_eq!(SecretRoundKey::parse(&k.to_text()).unwrap(), k);
    assert_eq!(RoundKey::parse(&k.public().to_text()).unwrap(), k.public());
    assert_eq!(k.to_text().len(), KEY_CHARS);
    for bad in ["", "abc", &"A".repeat(44), &"!".repeat(43)] {
        assert_eq!(RoundKey::parse(bad), Err(SealError::NotAKey), "{bad:?}");
    }
    assert_eq!(format!("{k:?}"), "SecretRoundKey(..)", "a secret never shows in a debug message");
}

/// The standard test vector's shape: an X25519 public key derived from a secret, as libsodium
/// derives it (RFC 7748, section 6.1, Alice's key pair).
#[test]
fn the_public_key_is_x25519_of_the_secret() {
    let hex = |s: &str| -> [u8; 32] {
        let v: Vec<u8> = (0..32).map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap()).collect();
        v.try_into().unwrap()
    };
    let secret = SecretRoundKey(hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"));
    assert_eq!(secret.public().0, hex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a"));
}

proptest! {
    /// Without the round's secret key a sealed link never decodes, whatever keys are tried.
    #[test]
    fn a_sealed_link_never_opens_without_its_key(seed in any::<u64>(), tries in proptest::collection::vec(any::<[u8; 32]>(), 1..4)) {
        let mut rng = Rng::new(seed);
        let plain = format!("r={}", share::encode_full(&sample::random_any(&mut rng)).unwrap());
        let k = key((seed % 250) as u8 + 1);
        let sealed = k.public().seal_link(&plain, [(seed % 256) as u8; 32]).unwrap();
        let others: Vec<SecretRoundKey> = tries.into_iter().map(SecretRoundKey).filter(|o| *o != k).collect();
        prop_assert!(open_link(&sealed, &others).is_err());
        prop_assert!(share::decode(&sealed).is_err(), "a sealed link is not a result link");
    }

    /// Any one changed character is rejected: as another round's link (the tag) or as damaged
    /// (the box), never opened to something else.
    #[test]
    fn any_changed_character_is_rejected(seed in any::<u64>(), at in any::<prop::sample::Index>(), to in "[A-Za-z0-9_-]") {
        let mut rng = Rng::new(seed);
        let plain = format!("r={}", share::encode_full(&sample::random_any(&mut rng)).unwrap());
        let k = key(11);
        let sealed = k.public().seal_link(&plain, [3; 32]).unwrap();
        let i = 2 + at.index(sealed.len() - 2);
        let mut changed = sealed.clone().into_bytes();
        prop_assume!(changed[i] != b'.' && changed[i] as char != to.chars().next().unwrap());
        changed[i] = to.as_bytes()[0];
        let changed = String::from_utf8(changed).unwrap();
        match open_link(&changed, &[k]) {
            // A change in the last character can land in base64's unused low bits: the same bytes.
            Ok(opened) => prop_assert_eq!(opened, plain),
            Err(e) => prop_assert!(matches!(e, SealError::Damaged | SealError::OtherRound), "{e:?}"),
        }
    }
}

/// A sealed link's length says nothing: every role, every level and both instrument versions
/// give links of one length, because what is sealed is padded to [`PADDED_BYTES`].
#[test]
fn every_sealed_link_is_the_same_length() {
    let k = key(11).public();
    let mut plain = plain_links();
    // The most a link can carry: every role answering everything at either end, and at random.
    let mut rng = Rng::new(3);
    for role in Role::ALL {
        for r in [sample::extreme(role, true), sample::extreme(role, false), sample::complete(&mut rng, role)] {
            plain.push(format!("r={}", share::encode_full(&r).unwrap()));
            plain.push(format!("r={}", share::encode_summary(&crate::score(Instrument::current(), &r)).unwrap()));
        }
    }
    let lengths: std::collections::BTreeSet<usize> =
        plain.iter().map(|p| k.seal_link(p, [1; 32]).expect("every link fits the padding").len()).collect();
    assert_eq!(lengths.len(), 1, "one length for every sealed link: {lengths:?}");
    let longest = plain.iter().map(|p| wire::decode(&p[2..]).unwrap().len()).max().unwrap();
    assert!(longest < PADDED_BYTES, "the longest plain link ({longest} bytes) fits with its length byte");
}

/// A box that opens but whose length byte does not fit what it holds was not sealed by Overlap:
/// it is refused as damaged, not read as a shorter or longer link.
#[test]
fn a_box_with_a_wrong_length_byte_is_damaged() {
    let secret = key(12);
    let mut padded = vec![200u8];
    padded.resize(PADDED_BYTES, 0);
    let sealed = PublicKey::from(secret.public().0).seal(&mut Bytes([4; 32], 0), &padded).unwrap();
    let link = [FRAGMENT_PREFIX, &secret.public().tag(), ".", &wire::encode(&sealed)].concat();
    assert_eq!(open_link(&link, &[secret]), Err(SealError::Damaged));
}
