//! Old links keep working: every link in `tests/fixtures/links-v*.tsv`, made by a released
//! instrument version, must decode to the report recorded beside it.

use overlap_core::share::{decode, fixture_summary, Shared};

#[test]
fn every_released_link_decodes_to_its_recorded_report() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap().flatten() {
        let text = std::fs::read_to_string(entry.path()).unwrap();
        for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.starts_with('#') && !l.is_empty()) {
            let mut parts = line.split('\t');
            let (level, payload, expected) = (parts.next().unwrap(), parts.next().unwrap(), parts.next().unwrap());
            let shared = decode(&format!("#r={payload}"))
                .unwrap_or_else(|e| panic!("{}:{}: {e:?}", entry.path().display(), n + 1));
            assert_eq!(level == "full", matches!(shared, Shared::Full(_)), "line {}", n + 1);
            let report = shared.report();
            // A summary carries no flags or actions from flags, so compare the shared part.
            let got = fixture_summary(&report);
            let (want, got) = if level == "summary" {
                (strip_detail(expected), strip_detail(&got))
            } else {
                (expected.to_string(), got)
            };
            assert_eq!(got, want, "{}:{}", entry.path().display(), n + 1);
            checked += 1;
        }
    }
    assert!(checked >= 40, "only {checked} fixture links");
}

/// The figures a summary link carries: everything before the flags.
fn strip_detail(s: &str) -> String {
    s.split(" flags=").next().unwrap_or(s).to_string()
}
