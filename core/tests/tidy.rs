//! Tidy tests: invariants of the source itself, checked like any other test.
//!
//! - The pure core (`core/`) depends on and imports no browser crate.
//! - Every Rust module in the repository starts with a `//!` line saying what it owns.

use std::path::{Path, PathBuf};

const BROWSER_CRATES: [&str; 6] = ["leptos", "web_sys", "web-sys", "gloo", "wasm_bindgen", "wasm-bindgen"];

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let p = entry.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn the_core_imports_no_browser_crate() {
    let mut files = Vec::new();
    rust_files(&repo().join("core/src"), &mut files);
    assert!(files.len() > 5);
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        for (n, line) in text.lines().enumerate() {
            let l = line.trim_start();
            for c in BROWSER_CRATES {
                let c = c.replace('-', "_");
                assert!(
                    !(l.starts_with(&format!("use {c}")) || l.contains(&format!("{c}::"))),
                    "{}:{}: the pure core must not use `{c}`",
                    f.display(),
                    n + 1
                );
            }
        }
    }
    let manifest = std::fs::read_to_string(repo().join("core/Cargo.toml")).unwrap();
    for line in manifest.lines().filter(|l| !l.trim_start().starts_with('#')) {
        for c in BROWSER_CRATES {
            assert!(!line.trim_start().starts_with(c), "core/Cargo.toml depends on `{c}`: {line}");
        }
    }
}

#[test]
fn every_module_says_what_it_owns() {
    let mut files = Vec::new();
    rust_files(&repo().join("core/src"), &mut files);
    rust_files(&repo().join("src"), &mut files);
    rust_files(&repo().join("tests"), &mut files);
    for f in files.into_iter().filter(|f| !f.components().any(|c| c.as_os_str() == "node_modules")) {
        let text = std::fs::read_to_string(&f).unwrap();
        assert!(text.starts_with("//!"), "{} does not start with a `//!` line", f.display());
    }
}
