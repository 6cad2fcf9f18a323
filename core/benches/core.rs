//! The core's benchmark (not a timed test): scoring one response, encoding and decoding one
//! share link, and link lengths. Prints a table and writes JSON to `bench/out/core.json`.
//!
//! `cargo bench -p overlap-core --bench core`

use overlap_core::aggregate;
use overlap_core::instrument::{Instrument, Role};
use overlap_core::sample::{self, Rng};
use overlap_core::score;
use overlap_core::share::{decode, encode_full, encode_summary};
use std::hint::black_box;
use std::time::Instant;

/// Median time per call in microseconds over `rounds` rounds of `per_round` calls.
fn median_us(rounds: usize, per_round: usize, mut f: impl FnMut(usize)) -> f64 {
    let mut samples: Vec<f64> = (0..rounds)
        .map(|r| {
            let start = Instant::now();
            for i in 0..per_round {
                f(r * per_round + i);
            }
            start.elapsed().as_secs_f64() * 1e6 / per_round as f64
        })
        .collect();
    samples.sort_by(|a, b| a.total_cmp(b));
    samples[samples.len() / 2]
}

fn main() {
    let i = Instrument::current();
    let mut rng = Rng::new(42);
    let responses: Vec<_> = (0..1000).map(|_| sample::random_any(&mut rng)).collect();
    let links: Vec<String> = responses.iter().map(|r| format!("#r={}", encode_full(r).unwrap())).collect();

    let score_us = median_us(31, 1000, |k| {
        black_box(score(i, black_box(&responses[k % responses.len()])));
    });
    let encode_us = median_us(31, 1000, |k| {
        black_box(encode_full(black_box(&responses[k % responses.len()])).unwrap());
    });
    let decode_us = median_us(31, 1000, |k| {
        black_box(decode(black_box(&links[k % links.len()])).unwrap());
    });
    let pasted = links.join("\n");
    let team_ms = median_us(11, 1, |_| {
        let c = aggregate::collect(black_box(&pasted));
        black_box(aggregate::aggregate(i, &c.members, aggregate::DEFAULT_THRESHOLD));
    }) / 1000.0;
    let full_len = Role::ALL.iter().map(|r| encode_full(&sample::healthy(*r)).unwrap().len()).max().unwrap();
    let summary_len =
        Role::ALL.iter().map(|r| encode_summary(&score(i, &sample::healthy(*r))).unwrap().len()).max().unwrap();

    // Completion time per role: the project's estimator (`overlap_core::estimate`), in English.
    let minutes: Vec<(Role, f64)> = Role::ALL
        .iter()
        .map(|role| (*role, overlap_core::estimate::estimate(i, *role, overlap_core::i18n::Locale::En).minutes))
        .collect();
    let rows = [
        ("score one response", format!("{score_us:.2} µs")),
        ("encode one full link", format!("{encode_us:.2} µs")),
        ("decode one full link", format!("{decode_us:.2} µs")),
        ("decode + aggregate 1,000 links", format!("{team_ms:.2} ms")),
        ("full link length (fully answered)", format!("{full_len} chars after #r=")),
        ("summary link length", format!("{summary_len} chars after #r=")),
    ];
    println!("{:<36} value", "core benchmark (median)");
    for (k, v) in &rows {
        println!("{k:<36} {v}");
    }
    for (role, m) in &minutes {
        println!("{:<36} {m:.1} min", format!("estimated completion, {}", role.id()));
    }
    let json = format!(
        "{{\n  \"score_us\": {score_us:.3},\n  \"encode_full_us\": {encode_us:.3},\n  \"decode_full_us\": {decode_us:.3},\n  \"aggregate_1000_links_ms\": {team_ms:.3},\n  \"full_link_chars\": {full_len},\n  \"summary_link_chars\": {summary_len},\n  \"estimated_minutes\": {{{}}}\n}}\n",
        minutes.iter().map(|(r, m)| format!("\"{}\": {m:.1}", r.id())).collect::<Vec<_>>().join(", ")
    );
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../bench/out");
    if std::fs::create_dir_all(&out).is_ok() {
        let _ = std::fs::write(out.join("core.json"), json);
    }
}
