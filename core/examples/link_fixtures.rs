//! Prints share-link fixtures for the current instrument version: one line per link with the
//! report it must decode to. Run once per released version and commit the output as
//! `core/tests/fixtures/links-v<N>.tsv`; `tests/old_links.rs` then checks those links forever.
//!
//! `cargo run -p overlap-core --example link_fixtures > core/tests/fixtures/links-v1.tsv`
//!
//! When a deliberate change of the reading rules changes what a released link's report says
//! (not its scores), `--rerecord FILE` prints the file again with a fourth column, the report as
//! this build reads it, keeping the third (as released); `tests/old_links.rs` then checks that
//! the scores in both columns agree and that the link reads as the fourth says.

use overlap_core::instrument::{Instrument, Role};
use overlap_core::sample::{self, Rng};
use overlap_core::score;
use overlap_core::share::{encode_full, encode_summary};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let [_, flag, file] = args.as_slice() {
        if flag == "--rerecord" {
            return rerecord(file);
        }
    }
    let i = Instrument::current();
    println!("# Share links made by instrument v{}, with the report each must decode to.", i.version);
    println!("# level\tpayload\texpected");
    let mut responses = vec![];
    for role in Role::ALL {
        responses.push(sample::healthy(role));
        responses.push(sample::dont_know(role));
    }
    let mut rng = Rng::new(20_261_123);
    for _ in 0..12 {
        responses.push(sample::random_any(&mut rng));
    }
    for r in &responses {
        let report = score(i, r);
        let expected = overlap_core::share::fixture_summary(&report);
        println!("full\t{}\t{expected}", encode_full(r).expect("current version encodes"));
        println!("summary\t{}\t{expected}", encode_summary(&report).expect("current version encodes"));
    }
}

/// Prints `file` with each link's report as this build reads it in a fourth column.
fn rerecord(file: &str) {
    let text = std::fs::read_to_string(file).expect("a fixture file");
    for line in text.lines() {
        if line.starts_with("# level") {
            println!("# level\tpayload\tas released\tas read now");
            continue;
        }
        if line.starts_with('#') || line.is_empty() {
            println!("{line}");
            continue;
        }
        let mut parts = line.split('\t');
        let (level, payload, released) = (parts.next().unwrap(), parts.next().unwrap(), parts.next().unwrap());
        let shared = overlap_core::share::decode(&format!("#r={payload}")).expect("a released link decodes");
        let now = overlap_core::share::fixture_summary(&shared.report());
        println!("{level}\t{payload}\t{released}\t{now}");
    }
}
