//! Prints our instrument as a SurveyJS survey definition (JSON), so the benchmark can render the
//! same questions, in the same order and wording, with SurveyJS for a side-by-side measurement.
//!
//! `cargo run -p overlap-core --example surveyjs_json -- internal_it > survey.json`

use overlap_core::export::q;
use overlap_core::i18n::Locale;
use overlap_core::instrument::{Instrument, ItemKind, Role, CHECKLIST_ANSWERS};
use overlap_core::present;

fn main() {
    let role = std::env::args().nth(1).and_then(|r| Role::from_id(&r)).unwrap_or(Role::InternalIt);
    let i = Instrument::current();
    let l = Locale::En;
    let likert: Vec<String> =
        (1..=5).map(|v| q(l.t(&format!("ui.likert.{v}")))).chain([q(l.t("ui.dont_know"))]).collect();
    let mut pages = Vec::new();
    for (s, section) in i.sections.iter().enumerate() {
        let mut elements = Vec::new();
        for item in i.section_items(s, role) {
            let title = q(l.t(&format!("item.{}.text", item.id)));
            let el = match item.kind {
                ItemKind::Likert { .. } => format!(
                    r#"{{"type":"radiogroup","name":{},"title":{title},"colCount":6,"choices":[{}]}}"#,
                    q(item.id),
                    likert.join(",")
                ),
                ItemKind::Choice { options, .. } => {
                    let choices: Vec<String> = options
                        .iter()
                        .map(|o| {
                            format!(r#"{{"value":{},"text":{}}}"#, q(o), q(l.t(&format!("item.{}.opt.{o}", item.id))))
                        })
                        .collect();
                    format!(
                        r#"{{"type":"radiogroup","name":{},"title":{title},"choices":[{}]}}"#,
                        q(item.id),
                        choices.join(",")
                    )
                }
                ItemKind::Matrix { areas, owners, .. } => {
                    let cols: Vec<(String, String)> =
                        owners.iter().map(|o| (o.id().to_string(), present::owner_text(l, *o).to_string())).collect();
                    grid(item.id, &title, "area", areas, &cols)
                }
                ItemKind::Checklist { parts, .. } => {
                    let cols: Vec<(String, String)> = (0..3u8)
                        .map(|a| (CHECKLIST_ANSWERS[a as usize].to_string(), present::checklist_text(l, a).to_string()))
                        .collect();
                    grid(item.id, &title, "part", parts, &cols)
                }
            };
            elements.push(el);
        }
        pages.push(format!(
            r#"{{"name":{},"title":{},"description":{},"elements":[{}]}}"#,
            q(section.id),
            q(l.t(&format!("section.{}.title", section.id))),
            q(l.t(&format!("section.{}.intro", section.id))),
            elements.join(",")
        ));
    }
    println!(
        r#"{{"title":{},"showProgressBar":"top","progressBarType":"pages","pages":[{}]}}"#,
        q(l.t("ui.welcome.title")),
        pages.join(",")
    );
}

/// A SurveyJS matrix question: one row per area or part, one column per answer.
fn grid(id: &str, title: &str, row_kind: &str, rows: &[&str], cols: &[(String, String)]) -> String {
    let l = Locale::En;
    let rows: Vec<String> = rows
        .iter()
        .map(|a| format!(r#"{{"value":{},"text":{}}}"#, q(a), q(l.t(&format!("item.{id}.{row_kind}.{a}")))))
        .collect();
    let cols: Vec<String> = cols.iter().map(|(v, t)| format!(r#"{{"value":{},"text":{}}}"#, q(v), q(t))).collect();
    format!(
        r#"{{"type":"matrix","name":{},"title":{title},"rows":[{}],"columns":[{}]}}"#,
        q(id),
        rows.join(","),
        cols.join(",")
    )
}
