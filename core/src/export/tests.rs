//! Export tests: CSV shape and escaping, JSON that a parser reads back to the same figures.

use crate::export::*;
use crate::i18n::Locale;
use crate::instrument::{Instrument, Role};
use crate::sample;
use crate::scoring::score;
use crate::share::{self, Shared};

#[test]
fn csv_has_a_header_and_one_row_per_dimension() {
    let report = score(Instrument::current(), &sample::healthy(Role::Msp));
    let text = csv(&report, Locale::En);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "dimension,name,score,margin,band,answered,dont_know,not_applicable,shown");
    assert_eq!(lines.len(), 10);
    assert!(lines[1].starts_with("leadership,"));
}

#[test]
fn csv_cells_are_quoted_and_never_formulas() {
    assert_eq!(csv_cell("plain"), "plain");
    assert_eq!(csv_cell("a,b"), "\"a,b\"");
    assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
    assert_eq!(csv_cell("=SUM(A1)"), "'=SUM(A1)");
}

#[test]
fn json_round_trips_to_the_same_scores() {
    let r = sample::random_any(&mut sample::Rng::new(3));
    let report = score(Instrument::current(), &r);
    let text = json(Instrument::current(), &r, &report, Locale::En);
    let v: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    let scores: Vec<Option<u64>> = v["dimensions"].as_array().unwrap().iter().map(|d| d["score"].as_u64()).collect();
    assert_eq!(scores, report.dimensions.iter().map(|d| d.score.map(u64::from)).collect::<Vec<_>>());
    assert_eq!(v["answers"].as_object().unwrap().len(), r.len());
    // The payload in the export reproduces the response, hence the same report.
    let payload = v["link_payload"].as_str().unwrap();
    let Ok(Shared::Full(back)) = share::decode(&format!("r={payload}")) else { panic!("payload decodes") };
    assert_eq!(score(Instrument::current(), &back), report);
}

#[test]
fn json_strings_are_escaped() {
    assert_eq!(q("a\"b\\c\n"), "\"a\\\"b\\\\c\\n\"");
    assert_eq!(q("\u{1}"), "\"\\u0001\"");
}
