//! Tidy tests: invariants of the source itself, checked like any other test.
//!
//! - The pure core (`core/`) depends on and imports no browser crate.
//! - Every Rust file of every crate (the core's library, build script, tests, examples and
//!   benches; the app; the results module; the browser tests) starts with a `//!` line saying
//!   what it owns.
//! - Browser systems (storage, the URL and history, fetch, the clipboard, postMessage, the
//!   navigator) are reached only through `src/adapters/` in the app, the screens of the three
//!   on-demand modules (`results/src/screen.rs`, `team/src/screen.rs`, `setup/src/screen.rs`),
//!   kiosk mode (`results/src/kiosk.rs`, `team/src/kiosk.rs`), the team module's round keys
//!   (`team/src/keys.rs`) and the modules' shared language fetch and copying (`module/src/locale.rs`,
//!   `module/src/copy.rs`);
//!   components touch only the DOM they render.

use std::path::{Path, PathBuf};

const BROWSER_CRATES: [&str; 6] = ["leptos", "web_sys", "web-sys", "gloo", "wasm_bindgen", "wasm-bindgen"];

/// The folders whose Rust files must each start with a `//!` line.
const DOCUMENTED: [&str; 11] = [
    "core/src",
    "core/build",
    "core/tests",
    "core/examples",
    "core/benches",
    "src",
    "results/src",
    "team/src",
    "setup/src",
    "module/src",
    "tests",
];

/// Each browser system, and the spellings (web-sys, gloo and Leptos) that reach it. DOM calls are
/// deliberately not listed: finding and changing elements, focus, listeners on the app's own
/// elements, animation frames and the console are how components show what they render.
const BROWSER_SYSTEMS: [(&str, &[&str]); 6] = [
    (
        "storage",
        &["local_storage", "session_storage", "LocalStorage", "SessionStorage", "gloo_storage", "indexed_db", "cookie"],
    ),
    // `location()` and `history()` match web-sys's `window.location()` and Leptos's `location()`
    // helper alike; the fragment's events are URL changes too.
    ("the URL and history", &["location()", "history()", "hashchange", "popstate"]),
    ("fetch", &["fetch_with", "gloo_net", "XmlHttpRequest", "EventSource", "WebSocket"]),
    ("the clipboard", &["clipboard", "Clipboard"]),
    ("postMessage", &["post_message", "MessageEvent"]),
    ("the navigator", &["navigator()"]),
];

/// Where browser systems may be reached: the app's adapters, each on-demand module's screen, the
/// team module's round keys (kept in storage), and the fetching of the modules' language files.
const ADAPTERS: [&str; 9] = [
    "src/adapters",
    "results/src/screen.rs",
    "results/src/kiosk.rs",
    "team/src/screen.rs",
    "team/src/keys.rs",
    "team/src/kiosk.rs",
    "setup/src/screen.rs",
    "module/src/locale.rs",
    "module/src/copy.rs",
];

/// The browser code the scan reads: the app and the four crates of the on-demand modules.
const BROWSER_CODE: [&str; 5] = ["src", "results/src", "team/src", "setup/src", "module/src"];

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

/// Every `.rs` file under `dir`, leaving out installed npm packages.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let p = entry.path();
        if p.is_dir() {
            if p.file_name().is_some_and(|n| n != "node_modules") {
                rust_files(&p, out);
            }
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// The lines of `file` that are code (comment lines, `//`, `///` and `//!`, are left out, so a
/// comment may name what it explains), numbered from 1.
fn code_lines(file: &Path) -> Vec<(usize, String)> {
    let text = std::fs::read_to_string(file).unwrap();
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim_start().starts_with("//"))
        .map(|(n, l)| (n + 1, l.to_string()))
        .collect()
}

/// The browser system a line of code reaches, and the spelling that does it, if any.
fn browser_system(line: &str) -> Option<(&'static str, &'static str)> {
    BROWSER_SYSTEMS.iter().find_map(|(system, calls)| calls.iter().find(|c| line.contains(*c)).map(|c| (*system, *c)))
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
    for dir in DOCUMENTED {
        rust_files(&repo().join(dir), &mut files);
    }
    // Each folder is really scanned: a moved folder must not turn this test into a no-op.
    for dir in DOCUMENTED {
        assert!(files.iter().any(|f| f.starts_with(repo().join(dir))), "no Rust file found in {dir}");
    }
    let undocumented: Vec<String> = files
        .iter()
        .filter(|f| !std::fs::read_to_string(f).unwrap().starts_with("//!"))
        .map(|f| format!("{} does not start with a `//!` line", f.strip_prefix(repo()).unwrap_or(f).display()))
        .collect();
    assert!(undocumented.is_empty(), "\n{}", undocumented.join("\n"));
}

#[test]
fn browser_systems_are_reached_only_through_the_adapters() {
    let root = repo();
    let allowed = |f: &Path| ADAPTERS.iter().any(|a| f.starts_with(root.join(a)));
    let mut files = Vec::new();
    for dir in BROWSER_CODE {
        rust_files(&root.join(dir), &mut files);
    }
    // Every place the list allows still exists: a moved file must not leave a stale permission.
    for a in ADAPTERS {
        assert!(root.join(a).exists(), "ADAPTERS names {a}, which does not exist");
    }
    let (adapters, others): (Vec<PathBuf>, Vec<PathBuf>) = files.into_iter().partition(|f| allowed(f));
    assert!(others.len() > 5, "the scan found the components");

    let mut violations = Vec::new();
    for f in &others {
        for (n, line) in code_lines(f) {
            if let Some((system, call)) = browser_system(&line) {
                let file = f.strip_prefix(&root).unwrap_or(f).display();
                violations
                    .push(format!("{file}:{n}: reaches {system} (`{call}`) outside the adapters: {}", line.trim()));
            }
        }
    }
    assert!(
        violations.is_empty(),
        "browser systems are reached only through the places ADAPTERS lists; move these into one:\n{}",
        violations.join("\n")
    );

    // The list still names how the adapters really reach each system: an API renamed in web-sys
    // would otherwise leave a spelling that matches nothing, anywhere.
    for (system, _) in BROWSER_SYSTEMS {
        let used = adapters
            .iter()
            .flat_map(|f| code_lines(f))
            .any(|(_, l)| browser_system(&l).is_some_and(|(s, _)| s == system));
        assert!(used, "no adapter reaches {system} with a listed call: is BROWSER_SYSTEMS out of date?");
    }
}
