//! Writes each non-English language's survey text to `overlap-<code>.txt` in a folder: Trunk's
//! staging folder when run as its build hook (`TRUNK_STAGING_DIR`), else the folder given as
//! the only argument. The app bundles English and fetches another language's file only when
//! that language is chosen (`Locale::install` checks it).

use overlap_core::i18n::Locale;
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(dir) = std::env::args().nth(1).or_else(|| std::env::var("TRUNK_STAGING_DIR").ok()).map(PathBuf::from)
    else {
        eprintln!("usage: overlap-locale-files <folder> (or set TRUNK_STAGING_DIR)");
        return ExitCode::FAILURE;
    };
    for locale in Locale::ALL.into_iter().filter(|l| *l != Locale::En) {
        let path = dir.join(locale.file_name());
        if let Err(e) = std::fs::write(&path, locale.file_text()) {
            eprintln!("overlap-locale-files: cannot write {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
