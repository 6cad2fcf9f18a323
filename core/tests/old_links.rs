//! Old links keep working: every link in `tests/fixtures/links-v*.tsv`, made by a released
//! instrument version, must decode to the report recorded beside it, with the same scores it had
//! when it was made.
//!
//! Each line holds the report as released and, when a deliberate change of the reading rules
//! changed what the report says (critical answers, issue 23: its risk, what to fix first, which
//! actions fit the reader), the report as read now. Scores, flags, phase and confidence never
//! change: the test checks the two columns agree on them.

use overlap_core::share::{decode, fixture_summary, Shared};

#[test]
fn every_released_link_decodes_to_its_recorded_report() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap().flatten() {
        let text = std::fs::read_to_string(entry.path()).unwrap();
        for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.starts_with('#') && !l.is_empty()) {
            let mut parts = line.split('\t');
            let (level, payload, released) = (parts.next().unwrap(), parts.next().unwrap(), parts.next().unwrap());
            let expected = parts.next().unwrap_or(released);
            let shared_part = |s: &str| if level == "summary" { strip_detail(s) } else { s.to_string() };
            assert_eq!(
                scores(&shared_part(released)),
                scores(&shared_part(expected)),
                "{}:{}: the scores read now differ from the scores as released",
                entry.path().display(),
                n + 1
            );
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

/// The scores, flags, phase and confidence of a recorded report: everything but the reading
/// (risk, what to fix first, actions).
fn scores(s: &str) -> String {
    s.split(' ')
        .filter(|f| !["risk=", "barrier=", "actions="].iter().any(|p| f.starts_with(p)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The figures a summary link carries: everything before the flags.
fn strip_detail(s: &str) -> String {
    s.split(" flags=").next().unwrap_or(s).to_string()
}
