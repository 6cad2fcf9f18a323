//! Prints our instrument as a SurveyJS survey definition (JSON), so the benchmark can render the
//! same questions, in the same order and wording, with SurveyJS for a side-by-side measurement.
//!
//! `cargo run -p overlap-core --example surveyjs_json -- internal_it > survey.json`

use overlap_core::export::q;
use overlap_core::i18n::{key, Key, Locale};
use overlap_core::instrument::{Instrument, ItemKind, Role, CHECKLIST_ANSWERS};
use overlap_core::present;

fn main() {
    let role = std::env::args().nth(1).and_then(|r| Role::from_id(&r)).unwrap_or(Role::InternalIt);
    let i = Instrument::current();
    let l = Locale::En;
    let likert: Vec<String> =
        key::ui::likert::ANSWER.iter().map(|k| q(l.t(*k))).chain([q(l.t(key::ui::DONT_KNOW))]).collect();
    let mut pages = Vec::new();
    for (s, section) in i.sections.iter().enumerate() {
        let mut elements = Vec::new();
        for item in i.section_items(s, role) {
            let title = q(l.t(item.text));
            let el = match item.kind {
                ItemKind::Likert { .. } => format!(
                    r#"{{"type":"radiogroup","name":{},"title":{title},"colCount":6,"choices":[{}]}}"#,
                    q(item.id),
                    likert.join(",")
                ),
                ItemKind::Choice { options, labels, .. } => {
                    let choices: Vec<String> = options
                        .iter()
                        .zip(labels)
                        .map(|(o, k)| format!(r#"{{"value":{},"text":{}}}"#, q(o), q(l.t(*k))))
                        .collect();
                    format!(
                        r#"{{"type":"radiogroup","name":{},"title":{title},"choices":[{}]}}"#,
                        q(item.id),
                        choices.join(",")
                    )
                }
                ItemKind::Matrix { areas, owners, labels, .. } => {
                    let cols: Vec<(String, String)> =
                        owners.iter().map(|o| (o.id().to_string(), present::owner_text(l, *o).to_string())).collect();
                    grid(item.id, &title, areas, labels, &cols)
                }
                ItemKind::Checklist { parts, labels, .. } => {
                    let cols: Vec<(String, String)> = (0..3u8)
                        .map(|a| (CHECKLIST_ANSWERS[a as usize].to_string(), present::checklist_text(l, a).to_string()))
                        .collect();
                    grid(item.id, &title, parts, labels, &cols)
                }
            };
            elements.push(el);
        }
        pages.push(format!(
            r#"{{"name":{},"title":{},"description":{},"elements":[{}]}}"#,
            q(section.id),
            q(l.t(section.title)),
            q(l.t(section.intro)),
            elements.join(",")
        ));
    }
    println!(
        r#"{{"title":{},"showProgressBar":"top","progressBarType":"pages","pages":[{}]}}"#,
        q(l.t(key::ui::welcome::TITLE)),
        pages.join(",")
    );
}

/// A SurveyJS matrix question: one row per area or part, one column per answer.
fn grid(id: &str, title: &str, rows: &[&str], labels: &[Key], cols: &[(String, String)]) -> String {
    let l = Locale::En;
    let rows: Vec<String> =
        rows.iter().zip(labels).map(|(a, k)| format!(r#"{{"value":{},"text":{}}}"#, q(a), q(l.t(*k)))).collect();
    let cols: Vec<String> = cols.iter().map(|(v, t)| format!(r#"{{"value":{},"text":{}}}"#, q(v), q(t))).collect();
    format!(
        r#"{{"type":"matrix","name":{},"title":{title},"rows":[{}],"columns":[{}]}}"#,
        q(id),
        rows.join(","),
        cols.join(",")
    )
}
