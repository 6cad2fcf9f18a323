//! Chart tests: structure of the SVG (element counts, label text), not pixel positions.

use crate::chart::*;
use crate::instrument::Phase;
use crate::scoring::Band;
use plotters::style::RGBColor;

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
        assert!(
            texts.contains(&crate::markup::Html::build(|o| o.text(&row.label)).into_string()),
            "label {}",
            row.label
        );
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

// The palette against style/overlap.css and style/overlap-results.css: charts follow the colour scheme through one rule per
// colour there, so a colour drawn without its rule would stay light in the dark theme.

// The chart rules live in the results module's stylesheet; its design tokens in the first load's.
const CSS: &str =
    concat!(include_str!("../../../style/overlap.css"), include_str!("../../../style/overlap-results.css"));

fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// Every chart, drawn so that every colour it can use appears: each band and no score, a
/// current and an unknown phase, four role groups with a spread.
fn every_chart() -> Vec<String> {
    let mut rows = rows();
    rows.push(ProfileRow {
        label: "Ownership".into(),
        score: Some(45),
        band: Some(Band::AtRisk),
        band_label: "At risk".into(),
        range: Some(8),
    });
    let segs: Vec<PhaseSegment> = Phase::TIMELINE
        .iter()
        .map(|p| PhaseSegment { phase: *p, name: p.id().to_string(), span: "m".into() })
        .collect();
    let team = vec![TeamRow {
        label: "Trust".into(),
        spread: Some((40.0, 55.0, 70.0)),
        roles: ["I", "M", "L", "O"]
            .iter()
            .zip([30.0, 50.0, 70.0, 90.0])
            .map(|(l, m)| (l.to_string(), Some(m)))
            .collect(),
    }];
    let mut out = vec![
        to_svg((BARS_WIDTH, bars_height(rows.len())), "b", "t", "d", |a| draw_bars(a, &rows)),
        to_svg(RADAR_SIZE, "r", "t", "d", |a| draw_radar(a, &rows)),
        to_svg((BARS_WIDTH, bars_height(team.len())), "tm", "t", "d", |a| draw_team(a, &team)),
    ];
    for current in [Phase::Adjustment, Phase::Unknown] {
        out.push(to_svg((PHASE_WIDTH, PHASE_HEIGHT), "ph", "t", "d", |a| draw_phase(a, &segs, current, "here")));
    }
    out
}

/// (element, attribute, value) of every `fill` and `stroke` colour in the SVG.
fn colours(svg: &str) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for tag in svg.split('<').skip(1) {
        let tag = tag.split('>').next().unwrap_or("");
        let name: String = tag.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        for attr in ["fill", "stroke"] {
            if let Some((_, rest)) = tag.split_once(&format!(" {attr}=\"")) {
                let value = rest.split('"').next().unwrap_or("");
                if value != "none" {
                    out.push((name.clone(), attr.to_string(), value.to_string()));
                }
            }
        }
    }
    out
}

/// The declarations of every block, at the start of a line, that opens with `prelude` (both
/// stylesheets have a `:root` and a dark `@media` block; a nested `  :root {` is not matched).
fn blocks(css: &str, prelude: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (start, _) in css.match_indices(prelude).filter(|(i, _)| *i == 0 || css.as_bytes()[i - 1] == b'\n') {
        out.extend(declared(block_at(css, start, prelude)));
    }
    assert!(!out.is_empty(), "no `{prelude}` declarations in the stylesheets");
    out
}

/// The content of the block that opens at `start`.
fn block_at<'a>(css: &'a str, start: usize, prelude: &str) -> &'a str {
    let open = start + css[start..].find('{').unwrap() + 1;
    let mut depth = 1;
    for (i, c) in css[open..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ => {}
        }
        if depth == 0 {
            return &css[open..open + i];
        }
    }
    panic!("unclosed `{prelude}`")
}

/// Custom property declarations: (name, value) in source order.
type Decls = [(String, String)];

/// The custom properties declared in a block (`--ov-x: value`), not those only used in it.
fn declared(block: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (at, _) in block.match_indices("--ov-") {
        let name: String = block[at..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
        let rest = block[at + name.len()..].trim_start();
        if let Some(value) = rest.strip_prefix(':') {
            let value = value.split([';', '}']).next().unwrap().trim();
            out.push((name, value.to_string()));
        }
    }
    out
}

/// A token's colour in a cascade of scopes (first match wins), following `var()`.
fn resolve(token: &str, scopes: &[&Decls]) -> (u8, u8, u8) {
    let value = scopes
        .iter()
        .find_map(|s| s.iter().rev().find(|(n, _)| n == token).map(|(_, v)| v.clone()))
        .unwrap_or_else(|| panic!("{token} is not declared in this scope"));
    if let Some(inner) = value.strip_prefix("var(") {
        return resolve(inner.split([',', ')']).next().unwrap().trim(), scopes);
    }
    let long = match value.len() {
        4 => value.chars().flat_map(|c| if c == '#' { vec![c] } else { vec![c, c] }).collect(),
        _ => value.clone(),
    };
    crate::config::parse_hex(&long).unwrap_or_else(|| panic!("{token}: `{value}` is not a colour"))
}

fn token_of(colour: &str, element: &str) -> &'static str {
    PALETTE
        .iter()
        .find(|(c, el, _)| hex(*c) == colour && (el.is_empty() || *el == element))
        .map(|(_, _, t)| *t)
        .unwrap_or_else(|| panic!("{colour} on <{element}> is drawn but not in chart::PALETTE"))
}

/// The declarations of the rule whose selector is exactly `selector`.
fn rule<'a>(selector: &str) -> Option<&'a str> {
    let at = CSS.find(&format!("{selector} {{"))?;
    let body = &CSS[at + selector.len() + 2..];
    Some(body.split('}').next().unwrap())
}

#[test]
fn every_chart_colour_has_a_rule_and_a_token_in_the_stylesheet() {
    let drawn: std::collections::BTreeSet<_> = every_chart().iter().flat_map(|s| colours(s)).collect();
    // Every palette colour is drawn by some chart, so the set above covers what a chart can show.
    for (c, el, token) in PALETTE {
        assert!(drawn.iter().any(|(e, _, v)| *v == hex(c) && (el.is_empty() || e == el)), "{token} is never drawn");
    }
    for (element, attr, colour) in &drawn {
        let token = token_of(colour, element);
        let limited = PALETTE.iter().any(|(c, el, _)| hex(*c) == *colour && *el == element.as_str());
        let selector = if limited {
            format!(".ov-chart {element}[{attr}=\"{colour}\"]")
        } else {
            format!(".ov-chart [{attr}=\"{colour}\"]")
        };
        let body = rule(&selector).unwrap_or_else(|| panic!("style/overlap-results.css has no rule `{selector}`"));
        assert!(body.contains(&format!("{attr}: var({token})")), "`{selector}` must set {attr}: var({token}): {body}");
    }
}

#[test]
fn chart_tokens_keep_their_contrast_in_light_dark_and_print() {
    use crate::config::{contrast, MIN_CONTRAST};
    let light = blocks(CSS, ":root {");
    let dark = blocks(CSS, "@media (prefers-color-scheme: dark) {");
    let print = blocks(CSS, "@media print {");
    // Print must set every chart token itself: under a dark preference the dark values would
    // otherwise reach the paper.
    let scopes: [(&str, Vec<&Decls>); 3] = [
        ("light", vec![light.as_slice()]),
        ("dark", vec![dark.as_slice(), light.as_slice()]),
        ("print", vec![print.as_slice()]),
    ];
    for (_, _, token) in PALETTE {
        assert!(print.iter().any(|(n, v)| n == token && v.starts_with('#')), "print does not set {token}");
    }
    // The light values are the colours plotters writes, so a chart looks the same where the
    // stylesheet does not reach it.
    for (c, _, token) in PALETTE {
        assert_eq!(resolve(token, &[&light]), (c.0, c.1, c.2), "{token} in the light theme");
    }
    let texts: std::collections::BTreeSet<&str> = every_chart()
        .iter()
        .flat_map(|s| colours(s))
        .filter(|(e, a, _)| e == "text" && a == "fill")
        .map(|(e, _, v)| token_of(&v, &e))
        .collect();
    let on_marks: Vec<&str> = [ACCENT].iter().chain(ROLE_COLORS.iter()).map(|c| token_of(&hex(*c), "circle")).collect();
    for (mode, scope) in &scopes {
        let get = |t: &str| resolve(t, scope);
        let bg = get("--ov-chart-bg");
        for t in texts.iter().filter(|t| **t != "--ov-chart-on-colour") {
            let ratio = contrast(get(t), bg);
            assert!(ratio >= MIN_CONTRAST, "{mode}: {t} on the chart background is {ratio:.2}:1");
        }
        let ratio = contrast(get("--ov-chart-ink"), get("--ov-chart-track"));
        assert!(ratio >= MIN_CONTRAST, "{mode}: ink on the phase track is {ratio:.2}:1");
        for mark in &on_marks {
            let ratio = contrast(get("--ov-chart-on-colour"), get(mark));
            assert!(ratio >= MIN_CONTRAST, "{mode}: text on {mark} is {ratio:.2}:1");
        }
    }
    // Print is light: a white background and black ink, whatever the screen's scheme.
    assert_eq!(resolve("--ov-chart-bg", &[&print]), (0xff, 0xff, 0xff));
    assert_eq!(resolve("--ov-chart-ink", &[&print]), (0, 0, 0));
}
