//! Build script: validates the instruments (`instrument/v*.toml`, with their simulated precision
//! in `instrument/precision/`) and the locale files (`../locales/*.toml`), then writes them as
//! static Rust data into OUT_DIR.
//!
//! Three steps, each its own module: [`raw`] loads the files, [`check`] validates them (every
//! problem is collected, then the build fails with a message naming the item or key), and
//! [`emit`] writes the tables. The browser then ships plain static data and no TOML parser. The
//! vocabularies (dimensions, roles, owners, phases) come from the core itself
//! (`src/instrument/names.rs`), so the data and the enums cannot disagree.

#[path = "../src/i18n/hash.rs"]
mod hash;
#[path = "../src/instrument/names.rs"]
mod names;
#[path = "../src/i18n/tiers.rs"]
mod tiers;

mod check;
mod emit;
mod locales;
mod raw;

use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    let locale_dir = manifest.join("../locales");
    for watched in ["instrument", "build", "src/i18n/tiers.rs", "src/i18n/hash.rs", "src/instrument/names.rs"] {
        println!("cargo:rerun-if-changed={watched}");
    }
    println!("cargo:rerun-if-changed={}", locale_dir.display());

    let mut errors = Vec::new();
    let instruments = raw::load_instruments(&manifest.join("instrument"), &mut errors);
    check::instruments(&instruments, &mut errors);
    let keys = check::required_keys(&instruments);
    let locales = raw::load_locales(&locale_dir, &mut errors);
    locales::check(&locales, &keys, &mut errors);
    let (index, first_tier) = locales::index(&locales, &check::current_item_keys(&instruments));
    let typed_keys = locales::emit_keys(&locales, &index, &mut errors);

    if !errors.is_empty() {
        for e in &errors {
            println!("cargo:warning={e}");
        }
        panic!("invalid instrument or locale data:\n  {}", errors.join("\n  "));
    }
    let mut code = String::new();
    // Later versions' carry tables name the first release's items and options.
    let v1 = instruments.iter().find(|l| l.raw.version == 1).map(|l| &l.raw);
    for instrument in &instruments {
        emit::instrument(instrument, v1, &index, &mut code);
    }
    emit::instrument_list(&instruments, &mut code);
    locales::emit(&locales, &keys, &index, first_tier, &mut code);
    std::fs::write(out.join("generated.rs"), code).unwrap();
    std::fs::write(out.join("keys.rs"), typed_keys).unwrap();
}
