//! Prints the simulated reliability and validity of the current instrument (the model in
//! MEASUREMENT.md): a Markdown table per role × dimension, then how well the barrier point finds
//! the true barrier. The seed is fixed, so the output is the same on every machine.
//!
//! `cargo run -p overlap-core --release --example validity` prints the current version's table;
//! `-- --version 1` another version's; `-- --write` also writes the version's precision table
//! (`core/instrument/precision/v<N>.toml`), which the product reads for each score's margin.

use overlap_core::instrument::{Dimension, Instrument};
use overlap_core::simulate::{
    barrier_study, precision_toml, product_barrier, score_barrier, validity, BarrierRow, VALIDITY_N as N,
    VALIDITY_SEED as SEED,
};

fn percent(x: f64) -> String {
    format!("{:.1}%", 100.0 * x)
}

fn barrier_line(label: &str, r: &BarrierRow) -> String {
    let of = |k: usize| percent(k as f64 / r.n.max(1) as f64);
    format!(
        "- {label}: {} of reports name a barrier; of those, {} name the true one. True barrier for {}; \
         missed (true barrier, none named) {}; false alarms (named, none true) {}.",
        percent(r.named_share()),
        r.correct_share().map_or("-".to_string(), percent),
        of(r.truly_blocked),
        of(r.missed),
        of(r.false_alarms),
    )
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let version = args.iter().position(|a| a == "--version").and_then(|i| args.get(i + 1)?.parse::<u8>().ok());
    let instrument = match version {
        Some(v) => Instrument::by_version(v).unwrap_or_else(|_| panic!("no instrument version {v}")),
        None => Instrument::current(),
    };
    println!("Instrument v{}, N = {N} per role, seed {SEED}.\n", instrument.version);
    let cells = validity(instrument, N, SEED);
    println!("| role | dimension | k | alpha | Spearman | SD | SE |");
    println!("|---|---|---:|---:|---:|---:|---:|");
    for c in &cells {
        println!(
            "| {} | {} | {} | {} | {:.2} | {:.1} | {:.1} |",
            c.role.id(),
            c.dimension.id(),
            c.k,
            c.alpha.map_or("-".to_string(), |a| format!("{a:.2}")),
            c.spearman,
            c.sd,
            c.se
        );
    }
    if args.iter().any(|a| a == "--write") {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(format!("instrument/precision/v{}.toml", instrument.version));
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, precision_toml(instrument, &cells)).unwrap();
        eprintln!("wrote {}", path.display());
    }
    if let Some(low) = cells.iter().min_by(|a, b| a.spearman.total_cmp(&b.spearman)) {
        println!("\nLowest Spearman: {:.3} ({} / {}).", low.spearman, low.role.id(), low.dimension.id());
    }
    let alphas: Vec<f64> = cells.iter().filter_map(|c| c.alpha).collect();
    if let (Some(lo), Some(hi)) = (alphas.iter().copied().reduce(f64::min), alphas.iter().copied().reduce(f64::max)) {
        println!("Alpha range: {lo:.2} to {hi:.2}.");
    }

    let study = barrier_study(instrument, N, SEED, score_barrier);
    println!("\nBarrier study (traits correlated at 0.5, the barriers the product's scores name):\n");
    for r in &study.rows {
        println!("{}", barrier_line(r.role.map_or("all roles", |r| r.id()), r));
    }
    let total = study.total();
    println!("{}", barrier_line("all roles", &total));
    // Every barrier the report names, a critical answer's included: how many more reports name
    // one, and how often that is still the first failing trait.
    let all = barrier_study(instrument, N, SEED, product_barrier).total();
    println!("{}", barrier_line("all roles, critical answers included", &all));
    // A rule that ignores the answers and always names the first dimension: the product's rule
    // is only informative to the extent that it beats this.
    let first = barrier_study(instrument, N, SEED, |_| Some(Dimension::ALL[0])).total();
    println!("{}", barrier_line(&format!("baseline, always {}", Dimension::ALL[0].id()), &first));
    println!("\nEstimated completion (overlap_core::estimate: words at 238 a minute in English, scaled by each language's words for the same text; 4 s per answer), minutes:\n");
    use overlap_core::i18n::Locale;
    println!("| role | answers | English | Spanish | German | French |");
    println!("|---|---:|---:|---:|---:|---:|");
    for role in overlap_core::Role::ALL {
        let m = |l: Locale| overlap_core::estimate::estimate(instrument, role, l);
        let [en, es, de, fr] = Locale::ALL.map(m);
        println!(
            "| {} | {} | {:.1} | {:.1} | {:.1} | {:.1} |",
            role.id(),
            en.answers,
            en.minutes,
            es.minutes,
            de.minutes,
            fr.minutes
        );
    }
    println!("\nHeadline barrier, all roles (named by the product / true):\n");
    for d in Dimension::ALL {
        println!("- {}: {} / {}", d.id(), total.named_as[d.index()], total.true_as[d.index()]);
    }
}
