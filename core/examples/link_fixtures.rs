//! Prints share-link fixtures for the current instrument version: one line per link with the
//! report it must decode to. Run once per released version and commit the output as
//! `core/tests/fixtures/links-v<N>.tsv`; `tests/old_links.rs` then checks those links forever.
//!
//! `cargo run -p overlap-core --example link_fixtures > core/tests/fixtures/links-v1.tsv`

use overlap_core::instrument::{Instrument, Role};
use overlap_core::sample::{self, Rng};
use overlap_core::score;
use overlap_core::share::{encode_full, encode_summary};

fn main() {
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
