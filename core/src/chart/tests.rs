//! Chart tests: structure of the SVG (element counts, label text), not pixel positions.

use crate::chart::*;
use crate::instrument::Phase;
use crate::scoring::Band;

fn rows() -> Vec<ProfileRow> {
    vec![
        ProfileRow {
            label: "Leadership".into(),
            score: Some(82),
            band: Some(Band::Strong),
            band_label: "Strong".into(),
            range: Some(9),
        },
        ProfileRow {
            label: "Threat".into(),
            score: Some(35),
            band: Some(Band::Critical),
            band_label: "Critical".into(),
            range: None,
        },
        ProfileRow {
            label: "Trust & <tone>".into(),
            score: None,
            band: None,
            band_label: "Not enough answers".into(),
            range: None,
        },
        ProfileRow {
            label: "Knowledge".into(),
            score: Some(61),
            band: Some(Band::Workable),
            band_label: "Workable".into(),
            range: Some(12),
        },
    ]
}

fn count(svg: &str, needle: &str) -> usize {
    svg.matches(needle).count()
}

/// The trimmed contents of every `<text>` element.
fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| Some(t.split_once('>')?.1.split_once("</text>")?.0.trim().to_string()))
        .collect()
}

#[test]
fn bars_have_one_bar_per_scored_row_and_every_label() {
    let rows = rows();
    let svg = to_svg((BARS_WIDTH, bars_height(rows.len())), "p", "Profile", "Scores", |a| draw_bars(a, &rows));
    // One background rect plus one bar per scored row.
    assert_eq!(count(&svg, "<rect"), 1 + 3, "{svg}");
    let texts = texts(&svg);
    for row in &rows {
        assert!(texts.contains(&escape(&row.label)), "label {}", row.label);
        assert!(texts.contains(&format!("{} · {}", row.value_text(), row.band_label)), "value {}", row.label);
    }
    // Band gridlines 0, 40, 60, 80, 100 are labelled.
    for v in ["0", "40", "60", "80", "100"] {
        assert!(texts.contains(&v.to_string()), "gridline {v}");
    }
    assert_eq!(texts.len(), 5 + 2 * rows.len());
}

#[test]
fn charts_are_titled_images() {
    let rows = rows();
    let svg = to_svg(RADAR_SIZE, "r", "A & B", "desc", |a| draw_radar(a, &rows));
    assert!(svg.starts_with("<svg"));
    assert!(svg.contains(r#"role="img""#));
    assert!(svg.contains(r#"<title id="r-t">A &amp; B</title>"#));
    assert!(svg.contains(r#"aria-labelledby="r-t r-d""#));
    assert_eq!(count(&svg, "<svg"), 1);
    assert!(svg.trim_end().ends_with("</svg>"));
}

#[test]
fn radar_marks_each_scored_dimension() {
    let rows = rows();
    let svg = to_svg(RADAR_SIZE, "r", "t", "d", |a| draw_radar(a, &rows));
    assert_eq!(count(&svg, "<circle"), 3);
    assert_eq!(count(&svg, "<polygon"), 1);
    let texts = texts(&svg);
    assert!(texts.contains(&"Knowledge 61".to_string()), "{texts:?}");
    assert!(texts.contains(&"Trust &amp; &lt;tone&gt; –".to_string()), "{texts:?}");
}

#[test]
fn phase_chart_marks_the_current_phase() {
    let segs: Vec<PhaseSegment> = Phase::TIMELINE
        .iter()
        .map(|p| PhaseSegment { phase: *p, name: p.id().to_string(), span: "m".into() })
        .collect();
    let svg = to_svg((PHASE_WIDTH, PHASE_HEIGHT), "ph", "Phase", "d", |a| {
        draw_phase(a, &segs, Phase::Adjustment, "You are here")
    });
    assert_eq!(count(&svg, "You are here"), 1);
    for p in Phase::TIMELINE {
        assert!(svg.contains(p.id()));
    }
    let none = to_svg((PHASE_WIDTH, PHASE_HEIGHT), "ph", "Phase", "d", |a| {
        draw_phase(a, &segs, Phase::Unknown, "You are here")
    });
    assert_eq!(count(&none, "You are here"), 0);
}
