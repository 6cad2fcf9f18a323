//! Share-link codec tests: round trips, lengths, every error case, and a million mutations.

use crate::instrument::{Instrument, Role};
use crate::response::Answer;
use crate::sample::{self, Rng};
use crate::scoring::score;
use crate::share::*;
use proptest::prelude::*;

fn full(seed: u64) -> crate::Response {
    sample::random_any(&mut Rng::new(seed))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn full_links_round_trip(seed in any::<u64>()) {
        let r = full(seed);
        let link = encode_full(&r).unwrap();
        prop_assert_eq!(decode(&format!("#r={link}")), Ok(Shared::Full(r)));
    }

    #[test]
    fn summary_links_round_trip_to_the_same_headline(seed in any::<u64>()) {
        let r = full(seed);
        let report = score(Instrument::current(), &r);
        let link = encode_summary(&report).unwrap();
        let Ok(Shared::Summary(s)) = decode(&format!("r={link}")) else {
            return Err(TestCaseError::fail("summary did not decode"));
        };
        prop_assert_eq!(&s.dimensions, &report.dimensions);
        prop_assert_eq!(s.readiness, report.readiness);
        prop_assert_eq!(s.risk, report.risk);
        prop_assert_eq!(s.barrier, report.barrier);
        prop_assert_eq!(s.phase, report.phase);
        prop_assert_eq!(s.confidence, report.confidence);
        prop_assert_eq!(s.role, report.role);
    }

    #[test]
    fn arbitrary_text_never_panics(s in ".{0,80}") {
        let _ = decode(&s);
        let _ = find_links(&s);
    }
}

#[test]
fn a_fully_answered_link_fits_in_64_characters() {
    for role in Role::ALL {
        let link = encode_full(&sample::healthy(role)).unwrap();
        assert!(link.len() <= 64, "{role:?}: {} chars", link.len());
        let summary = encode_summary(&score(Instrument::current(), &sample::healthy(role))).unwrap();
        assert!(summary.len() <= 64, "summary {role:?}: {} chars", summary.len());
    }
    let i = Instrument::current();
    for role in Role::ALL {
        assert!(byte_len(i, false, Some(role)).div_ceil(3) * 4 <= 64 + 3);
    }
}

#[test]
fn links_of_the_exact_length_are_the_only_valid_ones() {
    for role in Role::ALL {
        let link = encode_full(&sample::healthy(role)).unwrap();
        assert_eq!(
            base64::Engine::decode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, &link).unwrap().len(),
            byte_len(Instrument::current(), false, Some(role))
        );
        let summary = encode_summary(&score(Instrument::current(), &sample::healthy(role))).unwrap();
        assert_eq!(
            base64::Engine::decode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, &summary).unwrap().len(),
            byte_len(Instrument::current(), true, Some(role))
        );
    }
}

#[test]
fn errors_say_what_is_wrong() {
    let link = encode_full(&sample::healthy(Role::InternalIt)).unwrap();
    #[track_caller]
    fn check(input: &str, expected: LinkError) {
        assert_eq!(decode(input), Err(expected), "{input}");
    }
    check("https://example.com/overlap/", LinkError::NotOverlap);
    check("#team", LinkError::NotOverlap);
    check("", LinkError::NotOverlap);
    check("#r=", LinkError::Truncated);
    check(&format!("#r={}", &link[..link.len() - 6]), LinkError::Truncated);
    check(&format!("#r={}", &link[..5]), LinkError::Truncated);
    check(&format!("#r={}+/", &link[..link.len() - 2]), LinkError::Garbled);
    check(&format!("#r={link}AAAA"), LinkError::Altered);
    // Flip one character in the middle: the checksum catches it.
    let mut chars: Vec<char> = link.chars().collect();
    let mid = chars.len() / 2;
    chars[mid] = if chars[mid] == 'A' { 'B' } else { 'A' };
    check(&format!("#r={}", chars.iter().collect::<String>()), LinkError::Altered);
}

#[test]
fn a_link_from_a_newer_version_is_named_as_such() {
    // Build a well-formed link whose version field says 9.
    let mut bytes = vec![9u8 << 2, 0, 0, 0];
    let sum = crc::Crc::<u16>::new(&crc::CRC_16_XMODEM).checksum(&bytes);
    bytes.extend_from_slice(&sum.to_be_bytes());
    let link = base64::Engine::encode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, &bytes);
    assert_eq!(decode(&format!("#r={link}")), Err(LinkError::UnknownVersion(9)));
}

#[test]
fn encoding_leaves_out_answers_that_do_not_fit() {
    let mut r = sample::healthy(Role::Leadership);
    // A value the item cannot hold, and an answer to an item leadership is not asked.
    assert!(r.set_named("tr_rely", Answer::Likert(9)));
    assert!(r.set_named("tp_job", Answer::Likert(3)));
    let link = encode_full(&r).unwrap();
    let Ok(Shared::Full(back)) = decode(&format!("#r={link}")) else { panic!("decodes") };
    assert_eq!((back.get_named("tr_rely"), back.get_named("tp_job")), (None, None));
    assert_eq!(back.len(), r.len() - 2);
}

#[test]
fn find_links_picks_payloads_out_of_prose() {
    let a = encode_full(&full(1)).unwrap();
    let b = encode_full(&full(2)).unwrap();
    let text = format!("Here: https://x.test/#r={a}, and\nhttps://x.test/overlap/#r={b}\n#team\n");
    assert_eq!(find_links(&text), vec![format!("r={a}"), format!("r={b}")]);
}

/// Mutates valid links a million times (bit flips, truncations, insertions, other base64
/// alphabets, random strings) and checks that decoding never panics and never accepts an
/// altered link as a different valid response without its checksum agreeing.
#[test]
fn a_million_mutated_links_never_panic() {
    let started = std::time::Instant::now();
    let mut rng = Rng::new(0x0f0e_71a9);
    let seeds: Vec<String> = (0..64u64)
        .flat_map(|s| {
            let r = full(s);
            [encode_full(&r).unwrap(), encode_summary(&score(Instrument::current(), &r)).unwrap()]
        })
        .collect();
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+/=.~%#";
    let mut accepted = 0u32;
    let total = 1_000_000u32;
    for n in 0..total {
        let base = &seeds[rng.below(seeds.len() as u64) as usize];
        let mut bytes = base.as_bytes().to_vec();
        match n % 6 {
            0 => {
                let i = rng.below(bytes.len() as u64) as usize;
                bytes[i] = ALPHABET[rng.below(ALPHABET.len() as u64) as usize];
            }
            1 => bytes.truncate(rng.below(bytes.len() as u64) as usize),
            2 => {
                let i = rng.below(bytes.len() as u64 + 1) as usize;
                bytes.insert(i, ALPHABET[rng.below(ALPHABET.len() as u64) as usize]);
            }
            3 => {
                for b in bytes.iter_mut() {
                    *b = match *b {
                        b'-' => b'+',
                        b'_' => b'/',
                        b => b,
                    };
                }
                bytes.push(b'=');
            }
            4 => {
                let len = rng.below(70) as usize;
                bytes = (0..len).map(|_| ALPHABET[rng.below(ALPHABET.len() as u64) as usize]).collect();
            }
            _ => {
                let i = rng.below(bytes.len() as u64) as usize;
                let j = rng.below(bytes.len() as u64) as usize;
                bytes.swap(i, j);
            }
        }
        let text = String::from_utf8(bytes).unwrap();
        if decode(&format!("#r={text}")).is_ok() && text != *base {
            accepted += 1;
        }
    }
    eprintln!(
        "share fuzz: {total} mutated links decoded in {:.2?}, {accepted} accepted as other valid links",
        started.elapsed()
    );
    // Swaps of equal characters and a lucky CRC collision can yield a valid link; anything
    // beyond a handful in a million would mean the checksum is not doing its job.
    assert!(accepted < 200, "{accepted} mutated links were accepted");
}

proptest! {
    /// The app's quick check agrees with the full decode on every text, valid or not.
    #[test]
    fn the_quick_check_agrees_with_decode(seed in any::<u64>(), cut in 0usize..80, flip in 0usize..80, noise in ".{0,12}") {
        let mut rng = crate::sample::Rng::new(seed);
        let r = crate::sample::random_any(&mut rng);
        let full = encode_full(&r).unwrap();
        let summary = encode_summary(&score(Instrument::current(), &r)).unwrap();
        for link in [full, summary] {
            let mut bytes = link.clone().into_bytes();
            let at = flip % bytes.len().max(1);
            if let Some(b) = bytes.get_mut(at) {
                *b = if *b == b'A' { b'B' } else { b'A' };
            }
            let flipped = String::from_utf8(bytes).unwrap();
            for text in [link.clone(), link[..cut.min(link.len())].to_string(), flipped, format!("{link}{noise}")] {
                let text = format!("#r={text}");
                prop_assert_eq!(check(&text), decode(&text).map(|_| ()));
            }
        }
    }
}
