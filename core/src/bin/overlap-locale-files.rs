//! Writes each non-English language's text to two files in a folder: its survey text to
//! `overlap-<code>.txt` and its results text to `overlap-<code>-results.txt`. The folder is
//! Trunk's staging folder when run as its build hook (`TRUNK_STAGING_DIR`), else the one given as
//! the only argument. Both WebAssembly modules bundle English only: the app fetches a language's
//! survey file when that language is chosen (`Locale::install` checks it), and the results module
//! fetches both when it must draw in it (`Locale::install_results` checks the second).

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
        let files =
            [(locale.file_name(), locale.file_text()), (locale.results_file_name(), locale.results_file_text())];
        for (name, text) in files {
            let path = dir.join(name);
            if let Err(e) = std::fs::write(&path, text) {
                eprintln!("overlap-locale-files: cannot write {}: {e}", path.display());
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}
