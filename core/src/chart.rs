//! Charts drawn with plotters: each is written once, generic over `DrawingBackend`, and rendered
//! to an SVG string with `SVGBackend::with_string` for inline use in the page and in tests.
//!
//! Charts take already-translated rows (the same rows the data table beside each chart shows),
//! so the numbers in a chart and its table cannot disagree.
//!
//! Every colour a chart draws with is in [`PALETTE`]. plotters writes it as a presentation
//! attribute (`fill="#1F2328"`): the light look, and what the SVG shows where no stylesheet
//! applies. style/overlap.css matches each colour by that attribute and recolours it through a
//! `--ov-chart-*` custom property, so charts follow the dark colour scheme and print light; the
//! page's strict CSP (`style-src 'self'`) rules out inline styles, and a stylesheet rule beats a
//! presentation attribute. `chart/tests.rs` checks that every colour a chart can draw has its
//! rule and token, and the contrast of the dark and print values.

use crate::instrument::Phase;
use crate::scoring::Band;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// One row of a dimension profile: what both the chart and its data table show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProfileRow {
    pub label: String,
    pub score: Option<u8>,
    pub band: Option<Band>,
    /// The band's label, or the "not enough answers" (or "not asked of your role") text.
    pub band_label: String,
    /// The score's margin, ± points, drawn as a whisker around the bar's end.
    pub range: Option<u8>,
}

impl ProfileRow {
    /// The value as printed in the chart and the table: "72 ± 10", "72" or "–".
    pub fn value_text(&self) -> String {
        match (self.score, self.range) {
            (Some(s), Some(r)) => format!("{s} ± {r}"),
            (Some(s), None) => s.to_string(),
            (None, _) => "–".to_string(),
        }
    }
}

/// The chart background (the light theme's surface).
pub const BACKGROUND: RGBColor = RGBColor(0xff, 0xff, 0xff);
/// Text, the median tick, the current phase's outline and marker.
pub const INK: RGBColor = RGBColor(0x1f, 0x23, 0x28);
/// Gridlines and the team view's interquartile bars.
pub const GRID: RGBColor = RGBColor(0xd0, 0xd5, 0xdb);
/// The phase timeline's segments other than the current one (ink text on them).
pub const TRACK: RGBColor = RGBColor(0xe8, 0xed, 0xf3);
/// Text on a coloured mark (the current phase, the team view's role markers). The same value as
/// [`BACKGROUND`], so the stylesheet tells them apart by element: `rect` vs `text`.
pub const ON_COLOUR: RGBColor = RGBColor(0xff, 0xff, 0xff);
/// Band colours, chosen for at least 4.5:1 contrast against white (WCAG AA for text too).
pub const CRITICAL: RGBColor = RGBColor(0xb4, 0x23, 0x18);
pub const AT_RISK: RGBColor = RGBColor(0x9a, 0x4a, 0x00);
pub const WORKABLE: RGBColor = RGBColor(0x1d, 0x5f, 0xa8);
pub const STRONG: RGBColor = RGBColor(0x06, 0x6f, 0x44);
pub const NO_SCORE: RGBColor = RGBColor(0x5f, 0x66, 0x70);
/// The radar's area and the current phase: the default accent, which is also the Workable band's
/// blue (one colour, one rule). The configured accent is not used here, so a chart's colours
/// never collide with each other whatever a deployment configures.
pub const ACCENT: RGBColor = WORKABLE;
/// The fourth role group's marker; the other three reuse band colours.
pub const VIOLET: RGBColor = RGBColor(0x6b, 0x3f, 0xa0);

/// Every chart colour, once per value, with the element it is limited to (`""`: any) and the
/// custom property style/overlap.css recolours it with. A colour drawn but missing here, or
/// missing its rule in the stylesheet, fails `chart/tests.rs`.
pub const PALETTE: [(RGBColor, &str, &str); 11] = [
    (BACKGROUND, "rect", "--ov-chart-bg"),
    (ON_COLOUR, "text", "--ov-chart-on-colour"),
    (INK, "", "--ov-chart-ink"),
    (GRID, "", "--ov-chart-grid"),
    (TRACK, "", "--ov-chart-track"),
    (CRITICAL, "", "--ov-chart-critical"),
    (AT_RISK, "", "--ov-chart-at-risk"),
    (WORKABLE, "", "--ov-chart-workable"),
    (STRONG, "", "--ov-chart-strong"),
    (NO_SCORE, "", "--ov-chart-no-score"),
    (VIOLET, "", "--ov-chart-violet"),
];

/// The colour of a band's bar, value and radar point.
pub fn band_color(band: Option<Band>) -> RGBColor {
    match band {
        Some(Band::Critical) => CRITICAL,
        Some(Band::AtRisk) => AT_RISK,
        Some(Band::Workable) => WORKABLE,
        Some(Band::Strong) => STRONG,
        None => NO_SCORE,
    }
}

const FONT: FontFamily = FontFamily::SansSerif;

/// plotters' SVG backend writes `font-size` as the requested size divided by 1.24; this asks
/// for the size that comes out as `px` CSS pixels.
fn px(px: f64) -> f64 {
    px * 1.24
}

pub const BARS_WIDTH: u32 = 640;
const BAR_ROW: u32 = 34;
const BAR_TOP: u32 = 28;

pub fn bars_height(rows: usize) -> u32 {
    BAR_TOP + BAR_ROW * rows as u32 + 12
}

type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Horizontal bars, one per dimension, coloured and labelled by band with the value printed.
pub fn draw_bars<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, rows: &[ProfileRow]) -> DrawResult<DB> {
    root.fill(&BACKGROUND)?;
    let (x0, x1) = (190i32, 500i32);
    let scale = |v: u8| x0 + (x1 - x0) * v as i32 / 100;
    // Gridlines at each band boundary, labelled, so the bands read without colour.
    for v in [0u8, 40, 60, 80, 100] {
        let x = scale(v);
        root.draw(&PathElement::new(vec![(x, BAR_TOP as i32 - 6), (x, bars_height(rows.len()) as i32 - 10)], GRID))?;
        root.draw(&Text::new(
            v.to_string(),
            (x, 14),
            (FONT, px(12.0)).into_font().color(&INK).pos(Pos::new(HPos::Center, VPos::Center)),
        ))?;
    }
    for (i, row) in rows.iter().enumerate() {
        let y = BAR_TOP as i32 + (i as u32 * BAR_ROW) as i32;
        let mid = y + BAR_ROW as i32 / 2;
        root.draw(&Text::new(
            row.label.clone(),
            (x0 - 10, mid),
            (FONT, px(14.0)).into_font().color(&INK).pos(Pos::new(HPos::Right, VPos::Center)),
        ))?;
        let color = band_color(row.band);
        if let Some(score) = row.score {
            root.draw(&Rectangle::new(
                [(x0, y + 7), (scale(score).max(x0 + 2), y + BAR_ROW as i32 - 7)],
                color.filled(),
            ))?;
        }
        let end = row.score.map_or(0, |s| s.saturating_add(row.range.unwrap_or(0)).min(100));
        root.draw(&Text::new(
            format!("{} · {}", row.value_text(), row.band_label),
            (scale(end) + 8, mid),
            (FONT, px(13.0)).into_font().color(&color).pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
    }
    root.present()
}

/// Wider than tall: labels at the sides need room beyond the circle.
pub const RADAR_SIZE: (u32, u32) = (580, 420);

/// A radar of the scored dimensions (drawn only with three or more), rings at 20-point steps.
pub fn draw_radar<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, rows: &[ProfileRow]) -> DrawResult<DB> {
    root.fill(&BACKGROUND)?;
    let (cx, cy) = (RADAR_SIZE.0 as f64 / 2.0, RADAR_SIZE.1 as f64 / 2.0);
    let r = cy - 70.0;
    let n = rows.len().max(1) as f64;
    let at = |i: usize, v: f64| -> (i32, i32) {
        let a = std::f64::consts::TAU * i as f64 / n - std::f64::consts::FRAC_PI_2;
        ((cx + r * v / 100.0 * a.cos()).round() as i32, (cy + r * v / 100.0 * a.sin()).round() as i32)
    };
    for ring in [20.0, 40.0, 60.0, 80.0, 100.0] {
        let mut pts: Vec<(i32, i32)> = (0..rows.len()).map(|i| at(i, ring)).collect();
        pts.push(at(0, ring));
        root.draw(&PathElement::new(pts, GRID))?;
    }
    for (i, row) in rows.iter().enumerate() {
        root.draw(&PathElement::new(vec![at(i, 0.0), at(i, 100.0)], GRID))?;
        let (lx, ly) = at(i, 118.0);
        let h = if (lx - cx as i32).abs() < 8 {
            HPos::Center
        } else if lx < cx as i32 {
            HPos::Right
        } else {
            HPos::Left
        };
        root.draw(&Text::new(
            format!("{} {}", row.label, row.score.map_or_else(|| "–".to_string(), |s| s.to_string())),
            (lx, ly),
            (FONT, px(15.0)).into_font().color(&INK).pos(Pos::new(h, VPos::Center)),
        ))?;
    }
    let pts: Vec<(i32, i32)> =
        rows.iter().enumerate().filter_map(|(i, row)| row.score.map(|s| at(i, s as f64))).collect();
    root.draw(&Polygon::new(pts.clone(), ACCENT.mix(0.25).filled()))?;
    let mut outline = pts.clone();
    if let Some(first) = pts.first() {
        outline.push(*first);
    }
    root.draw(&PathElement::new(outline, ACCENT.stroke_width(2)))?;
    for (i, row) in rows.iter().enumerate() {
        if let Some(s) = row.score {
            root.draw(&Circle::new(at(i, s as f64), 4, band_color(row.band).filled()))?;
        }
    }
    root.present()
}

/// One phase on the timeline, translated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhaseSegment {
    pub phase: Phase,
    pub name: String,
    pub span: String,
}

pub const PHASE_WIDTH: u32 = 640;
pub const PHASE_HEIGHT: u32 = 120;

/// The Orientation -> Optimization timeline with the organisation's phase marked; the marked
/// segment is also outlined and labelled, so it does not rely on colour.
pub fn draw_phase<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    segments: &[PhaseSegment],
    current: Phase,
    marker: &str,
) -> DrawResult<DB> {
    root.fill(&BACKGROUND)?;
    let n = segments.len().max(1) as i32;
    let w = (PHASE_WIDTH as i32 - 20) / n;
    for (i, seg) in segments.iter().enumerate() {
        let x = 10 + w * i as i32;
        let here = seg.phase == current;
        let fill = if here { ACCENT } else { TRACK };
        let text = if here { ON_COLOUR } else { INK };
        root.draw(&Rectangle::new([(x + 2, 40), (x + w - 2, 96)], fill.filled()))?;
        if here {
            root.draw(&Rectangle::new([(x, 38), (x + w, 98)], INK.stroke_width(2)))?;
            root.draw(&Text::new(
                marker.to_string(),
                (x + w / 2, 20),
                (FONT, px(13.0)).into_font().color(&INK).pos(Pos::new(HPos::Center, VPos::Center)),
            ))?;
            root.draw(&Polygon::new(vec![(x + w / 2 - 7, 30), (x + w / 2 + 7, 30), (x + w / 2, 38)], INK.filled()))?;
        }
        root.draw(&Text::new(
            seg.name.clone(),
            (x + w / 2, 60),
            (FONT, px(14.0)).into_font().color(&text).pos(Pos::new(HPos::Center, VPos::Center)),
        ))?;
        root.draw(&Text::new(
            seg.span.clone(),
            (x + w / 2, 80),
            (FONT, px(12.0)).into_font().color(&text).pos(Pos::new(HPos::Center, VPos::Center)),
        ))?;
    }
    root.present()
}

/// One dimension of the team view: the spread of scores and each shown role group's mean.
#[derive(Clone, Debug, PartialEq)]
pub struct TeamRow {
    pub label: String,
    /// (q1, median, q3), when any score exists.
    pub spread: Option<(f64, f64, f64)>,
    /// (short role label, mean) per shown role group.
    pub roles: Vec<(String, Option<f64>)>,
}

/// Colours per role position; roles also differ by their letter, so colour is never the only cue.
pub const ROLE_COLORS: [RGBColor; 4] = [WORKABLE, AT_RISK, STRONG, VIOLET];

/// The team picture per dimension: a grey bar for the interquartile range, a dark tick at the
/// median, and one lettered marker per shown role group at its mean. Distance between markers
/// is the perception gap.
pub fn draw_team<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, rows: &[TeamRow]) -> DrawResult<DB> {
    root.fill(&BACKGROUND)?;
    let (x0, x1) = (190i32, 600i32);
    let scale = |v: f64| x0 + ((x1 - x0) as f64 * v.clamp(0.0, 100.0) / 100.0).round() as i32;
    for v in [0u8, 40, 60, 80, 100] {
        let x = scale(v as f64);
        root.draw(&PathElement::new(vec![(x, BAR_TOP as i32 - 6), (x, bars_height(rows.len()) as i32 - 10)], GRID))?;
        root.draw(&Text::new(
            v.to_string(),
            (x, 14),
            (FONT, px(12.0)).into_font().color(&INK).pos(Pos::new(HPos::Center, VPos::Center)),
        ))?;
    }
    for (i, row) in rows.iter().enumerate() {
        let y = BAR_TOP as i32 + (i as u32 * BAR_ROW) as i32;
        let mid = y + BAR_ROW as i32 / 2;
        root.draw(&Text::new(
            row.label.clone(),
            (x0 - 10, mid),
            (FONT, px(14.0)).into_font().color(&INK).pos(Pos::new(HPos::Right, VPos::Center)),
        ))?;
        if let Some((q1, median, q3)) = row.spread {
            root.draw(&Rectangle::new(
                [(scale(q1), y + 10), (scale(q3).max(scale(q1) + 2), y + BAR_ROW as i32 - 10)],
                GRID.filled(),
            ))?;
            root.draw(&Rectangle::new(
                [(scale(median) - 1, y + 5), (scale(median) + 1, y + BAR_ROW as i32 - 5)],
                INK.filled(),
            ))?;
        }
        for (k, (letter, mean)) in row.roles.iter().enumerate() {
            if let Some(m) = mean {
                let c = ROLE_COLORS[k % 4];
                root.draw(&Circle::new((scale(*m), mid), 8, c.filled()))?;
                root.draw(&Text::new(
                    letter.clone(),
                    (scale(*m), mid),
                    (FONT, px(10.0)).into_font().color(&ON_COLOUR).pos(Pos::new(HPos::Center, VPos::Center)),
                ))?;
            }
        }
    }
    root.present()
}

/// Renders a chart to an accessible SVG string: `role="img"`, a `<title>` and a `<desc>`, and a
/// `viewBox` so it scales to its container. `id` must be unique in the page.
pub fn to_svg<F>(size: (u32, u32), id: &str, title: &str, desc: &str, draw: F) -> String
where
    F: FnOnce(&DrawingArea<SVGBackend, Shift>) -> Result<(), DrawingAreaErrorKind<std::io::Error>>,
{
    let mut buf = String::new();
    {
        let root = SVGBackend::with_string(&mut buf, size).into_drawing_area();
        // Drawing into a String cannot fail for I/O reasons; an error would leave a partial
        // chart, which is still valid SVG and still titled, so it is not worth surfacing.
        let _ = draw(&root);
    }
    let open_end = buf.find('>').unwrap_or(0);
    let head = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" class="ov-chart" role="img" aria-labelledby="{id}-t {id}-d" focusable="false"><title id="{id}-t">{t}</title><desc id="{id}-d">{d}</desc>"#,
        w = size.0,
        h = size.1,
        t = escape(title),
        d = escape(desc),
    );
    format!("{head}{}", &buf[open_end + 1..])
}

/// Escapes text for SVG/XML content and attributes, with the same rules as the HTML markup.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    crate::markup::html::escape_into(&mut out, s);
    out
}

#[cfg(test)]
mod tests;
