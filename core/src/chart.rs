//! Charts drawn with plotters: each is written once, generic over `DrawingBackend`, and rendered
//! as inline SVG straight into the page's markup by [`Svg`], a small backend of our own.
//!
//! plotters' own SVG backend writes every opacity and font size through Rust's float
//! formatting, which cost the results module about 14 KB of WebAssembly for numbers that are
//! whole here; [`Svg`] writes integers and escapes text with the markup's escaper, into the same
//! buffer as the rest of the screen.
//!
//! Charts take already-translated rows (the same rows the data table beside each chart shows),
//! so the numbers in a chart and its table cannot disagree.
//!
//! Every colour a chart draws with is in [`PALETTE`]. plotters writes it as a presentation
//! attribute (`fill="#1F2328"`): the light look, and what the SVG shows where no stylesheet
//! applies. style/overlap-results.css matches each colour by that attribute and recolours it through a
//! `--ov-chart-*` custom property, so charts follow the dark colour scheme and print light; the
//! page's strict CSP (`style-src 'self'`) rules out inline styles, and a stylesheet rule beats a
//! presentation attribute. `chart/tests.rs` checks that every colour a chart can draw has its
//! rule and token, and the contrast of the dark and print values.

use crate::instrument::Phase;
use crate::markup::html::Html;
use crate::scoring::Band;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind};

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
        use crate::markup::html::push_uint;
        let mut out = String::new();
        match (self.score, self.range) {
            (Some(s), r) => {
                push_uint(&mut out, s as u64);
                if let Some(r) = r {
                    out.push_str(" ± ");
                    push_uint(&mut out, r as u64);
                }
            }
            (None, _) => out.push('–'),
        }
        out
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
/// custom property style/overlap-results.css recolours it with. A colour drawn but missing here, or
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

/// The bar charts' and the phase chart's width. Narrow on purpose: the charts are drawn for a
/// phone (about 280 CSS pixels wide at 360), and a page caps their width (`.ov-figure`), so the
/// type, at least [`MIN_FONT`] here, never renders below 12 CSS pixels.
pub const BARS_WIDTH: u32 = 300;
/// The smallest type any chart writes (in the chart's own units).
pub const MIN_FONT: f64 = 14.0;
/// Each row: its label on one line, its bar and value on the next.
const BAR_ROW: u32 = 46;
const BAR_TOP: u32 = 26;
/// Where a bar's zero and hundred are.
const BAR_X0: i32 = 4;
const BAR_X1: i32 = 164;

pub fn bars_height(rows: usize) -> u32 {
    BAR_TOP + BAR_ROW * rows as u32 + 6
}

type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// The gridlines at each band boundary, labelled along the top, so bands read without colour.
fn band_grid<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, rows: usize) -> DrawResult<DB> {
    let scale = |v: u8| BAR_X0 + (BAR_X1 - BAR_X0) * v as i32 / 100;
    for v in [0u8, 40, 60, 80, 100] {
        let x = scale(v);
        root.draw(&PathElement::new(vec![(x, BAR_TOP as i32 - 4), (x, bars_height(rows) as i32 - 6)], GRID))?;
        let h = if v == 0 { HPos::Left } else { HPos::Center };
        root.draw(&Text::new(
            crate::markup::html::uint_string(v as u64),
            (x, 10),
            (FONT, px(MIN_FONT)).into_font().color(&INK).pos(Pos::new(h, VPos::Center)),
        ))?;
    }
    Ok(())
}

/// Horizontal bars, one per dimension, coloured and labelled by band with the value printed.
pub fn draw_bars<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, rows: &[ProfileRow]) -> DrawResult<DB> {
    root.fill(&BACKGROUND)?;
    band_grid(root, rows.len())?;
    let scale = |v: u8| BAR_X0 + (BAR_X1 - BAR_X0) * v as i32 / 100;
    for (i, row) in rows.iter().enumerate() {
        let y = BAR_TOP as i32 + (i as u32 * BAR_ROW) as i32;
        root.draw(&Text::new(
            row.label.clone(),
            (BAR_X0, y + 10),
            (FONT, px(15.0)).into_font().color(&INK).pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
        let color = band_color(row.band);
        if let Some(score) = row.score {
            root.draw(&Rectangle::new([(BAR_X0, y + 22), (scale(score).max(BAR_X0 + 2), y + 38)], color.filled()))?;
        }
        root.draw(&Text::new(
            [row.value_text().as_str(), " · ", row.band_label.as_str()].concat(),
            (BAR_X1 + 6, y + 30),
            (FONT, px(MIN_FONT)).into_font().color(&color).pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
    }
    root.present()
}

/// Wider than tall: labels at the sides need room beyond the circle. On a phone the radar is
/// not shown (the bars below it carry the same numbers in type that stays legible).
pub const RADAR_SIZE: (u32, u32) = (580, 420);

/// A radar of the scored dimensions (drawn only with three or more), rings at 20-point steps.
pub fn draw_radar<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, rows: &[ProfileRow]) -> DrawResult<DB> {
    root.fill(&BACKGROUND)?;
    let (cx, cy) = (RADAR_SIZE.0 as f64 / 2.0, RADAR_SIZE.1 as f64 / 2.0);
    let r = cy - 70.0;
    let n = rows.len().max(1) as f64;
    let at = |i: usize, v: f64| -> (i32, i32) {
        let (sin, cos) = sin_cos(i as f64 / n - 0.25);
        ((cx + r * v / 100.0 * cos).round() as i32, (cy + r * v / 100.0 * sin).round() as i32)
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
            [
                row.label.as_str(),
                " ",
                row.score.map_or_else(|| "–".to_string(), |s| crate::markup::html::uint_string(s as u64)).as_str(),
            ]
            .concat(),
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
    root.draw(&PathElement::new(outline, Color::stroke_width(&ACCENT, 2)))?;
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

pub const PHASE_WIDTH: u32 = BARS_WIDTH;
/// One row per phase on the timeline.
const PHASE_ROW: i32 = 46;
pub const PHASE_HEIGHT: u32 = 4 * PHASE_ROW as u32 + 8;

/// The Orientation -> Optimization timeline, top to bottom, with the organisation's phase
/// marked: filled, outlined, and labelled with the marker text, so it does not rely on colour.
pub fn draw_phase<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    segments: &[PhaseSegment],
    current: Phase,
    marker: &str,
) -> DrawResult<DB> {
    root.fill(&BACKGROUND)?;
    let w = PHASE_WIDTH as i32;
    for (i, seg) in segments.iter().enumerate() {
        let y = 4 + PHASE_ROW * i as i32;
        let here = seg.phase == current;
        let (fill, text) = if here { (ACCENT, ON_COLOUR) } else { (TRACK, INK) };
        root.draw(&Rectangle::new([(2, y + 2), (w - 2, y + PHASE_ROW - 2)], fill.filled()))?;
        if here {
            root.draw(&Rectangle::new([(1, y + 1), (w - 1, y + PHASE_ROW - 1)], Color::stroke_width(&INK, 2)))?;
        }
        let name = if here { [seg.name.as_str(), " · ", marker].concat() } else { seg.name.clone() };
        root.draw(&Text::new(
            name,
            (10, y + 15),
            (FONT, px(15.0)).into_font().color(&text).pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
        root.draw(&Text::new(
            seg.span.clone(),
            (10, y + 33),
            (FONT, px(MIN_FONT)).into_font().color(&text).pos(Pos::new(HPos::Left, VPos::Center)),
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
    // The team rows use the whole width for the scale: the values are in the tables.
    let (x0, x1) = (BAR_X0 + 8, BARS_WIDTH as i32 - 12);
    let scale = |v: f64| x0 + ((x1 - x0) as f64 * v.clamp(0.0, 100.0) / 100.0).round() as i32;
    for v in [0u8, 40, 60, 80, 100] {
        let x = scale(v as f64);
        root.draw(&PathElement::new(vec![(x, BAR_TOP as i32 - 4), (x, bars_height(rows.len()) as i32 - 6)], GRID))?;
        root.draw(&Text::new(
            crate::markup::html::uint_string(v as u64),
            (x, 10),
            (FONT, px(MIN_FONT)).into_font().color(&INK).pos(Pos::new(HPos::Center, VPos::Center)),
        ))?;
    }
    for (i, row) in rows.iter().enumerate() {
        let y = BAR_TOP as i32 + (i as u32 * BAR_ROW) as i32;
        root.draw(&Text::new(
            row.label.clone(),
            (BAR_X0, y + 10),
            (FONT, px(15.0)).into_font().color(&INK).pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
        let mid = y + 31;
        if let Some((q1, median, q3)) = row.spread {
            root.draw(&Rectangle::new([(scale(q1), mid - 6), (scale(q3).max(scale(q1) + 2), mid + 6)], GRID.filled()))?;
            root.draw(&Rectangle::new([(scale(median) - 1, mid - 10), (scale(median) + 1, mid + 10)], INK.filled()))?;
        }
        for (k, (letter, mean)) in row.roles.iter().enumerate() {
            if let Some(m) = mean {
                let c = ROLE_COLORS[k % 4];
                root.draw(&Circle::new((scale(*m), mid), 10, c.filled()))?;
                root.draw(&Text::new(
                    letter.clone(),
                    (scale(*m), mid),
                    (FONT, px(MIN_FONT)).into_font().color(&ON_COLOUR).pos(Pos::new(HPos::Center, VPos::Center)),
                ))?;
            }
        }
    }
    root.present()
}

/// The sine and cosine of an angle given in turns (1 = a full circle). A short series instead of
/// `f64::sin` and `cos`, which would bring a math library into the WebAssembly for a radar whose
/// points are rounded to whole pixels; the error is below 1e-7.
pub fn sin_cos(turns: f64) -> (f64, f64) {
    let sin = |t: f64| {
        // Into [-1/4, 1/4] of a turn by the symmetries of the sine, then its Taylor series.
        let t = t - t.floor();
        let t = if t > 0.75 {
            t - 1.0
        } else if t > 0.25 {
            0.5 - t
        } else {
            t
        };
        let x = t * std::f64::consts::TAU;
        let x2 = x * x;
        x * (1.0
            - x2 / 6.0
                * (1.0 - x2 / 20.0 * (1.0 - x2 / 42.0 * (1.0 - x2 / 72.0 * (1.0 - x2 / 110.0 * (1.0 - x2 / 156.0))))))
    };
    (sin(turns), sin(turns + 0.25))
}

/// Writes a chart as accessible inline SVG into `o`: `role="img"`, a `<title>` and a `<desc>`,
/// and a `viewBox` so it scales to its container. `id` must be unique in the page.
pub fn svg<F>(o: &mut Html, size: (u32, u32), id: &'static str, title: &str, desc: &str, draw: F)
where
    F: FnOnce(&DrawingArea<Svg<'_>, Shift>) -> Result<(), DrawingAreaErrorKind<std::fmt::Error>>,
{
    crate::markup::html::html!(o;
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 "# (size.0) " " (size.1)
        r#"" class="ov-chart" role="img" aria-labelledby=""# (id) "-t " (id) r#"-d" focusable="false"><title id=""#
        (id) r#"-t">"# (title) r#"</title><desc id=""# (id) r#"-d">"# (desc) "</desc>"
    );
    {
        let root = Svg { out: o, size }.into_drawing_area();
        // Drawing into the buffer cannot fail; an error would leave a partial chart, which is
        // still valid SVG and still titled, so it is not worth surfacing.
        let _ = draw(&root);
    }
    o.raw("</svg>");
}

/// The profile's bars, in the page.
pub fn bars(o: &mut Html, title: &str, desc: &str, rows: &[ProfileRow]) {
    svg(o, (BARS_WIDTH, bars_height(rows.len())), "ov-bars", title, desc, |a| draw_bars(a, rows));
}

/// The profile's radar, in the page.
pub fn radar(o: &mut Html, title: &str, desc: &str, rows: &[ProfileRow]) {
    svg(o, RADAR_SIZE, "ov-radar", title, desc, |a| draw_radar(a, rows));
}

/// The phase timeline, in the page.
pub fn phase(o: &mut Html, title: &str, desc: &str, segments: &[PhaseSegment], current: Phase, marker: &str) {
    svg(o, (PHASE_WIDTH, PHASE_HEIGHT), "ov-phase", title, desc, |a| draw_phase(a, segments, current, marker));
}

/// The team picture, in the page.
pub fn team(o: &mut Html, title: &str, desc: &str, rows: &[TeamRow]) {
    svg(o, (BARS_WIDTH, bars_height(rows.len())), "ov-team-chart", title, desc, |a| draw_team(a, rows));
}

/// A chart as a string (tests look at its structure).
#[cfg(test)]
pub fn to_svg<F>(size: (u32, u32), id: &'static str, title: &str, desc: &str, draw: F) -> String
where
    F: FnOnce(&DrawingArea<Svg<'_>, Shift>) -> Result<(), DrawingAreaErrorKind<std::fmt::Error>>,
{
    let mut o = Html::new();
    svg(&mut o, size, id, title, desc, draw);
    o.into_string()
}

/// plotters' drawing backend for our charts: SVG elements appended to the page's markup, with
/// whole numbers only and every text escaped. Colours are written as plotters writes them
/// (`fill="#1F2328"`), which is what the stylesheet recolours for the dark scheme and print.
pub struct Svg<'a> {
    out: &'a mut Html,
    size: (u32, u32),
}

impl Svg<'_> {
    fn num(&mut self, n: i32) {
        self.out.int(n as i64);
    }

    fn attr(&mut self, name: &'static str, n: i32) {
        self.out.raw(" ");
        self.out.raw(name);
        self.out.raw("=\"");
        self.num(n);
        self.out.raw("\"");
    }

    /// ` fill="#RRGGBB"` (or stroke), and an opacity when it is not 1, in hundredths.
    fn paint(&mut self, name: &'static str, color: BackendColor) {
        const HEX: &str = "0123456789ABCDEF";
        self.out.raw(" ");
        self.out.raw(name);
        self.out.raw("=\"#");
        for c in [color.rgb.0, color.rgb.1, color.rgb.2] {
            for d in [(c >> 4) as usize, (c & 15) as usize] {
                self.out.raw(&HEX[d..d + 1]);
            }
        }
        self.out.raw("\"");
        if color.alpha < 1.0 {
            let hundredths = ((color.alpha.clamp(0.0, 1.0) * 100.0).round() as u64).min(99);
            self.out.raw(if hundredths < 10 { " opacity=\"0.0" } else { " opacity=\"0." });
            self.out.uint(hundredths);
            self.out.raw("\"");
        }
    }

    fn points(&mut self, points: impl IntoIterator<Item = BackendCoord>) {
        self.out.raw(" points=\"");
        for (i, (x, y)) in points.into_iter().enumerate() {
            if i > 0 {
                self.out.raw(" ");
            }
            self.num(x);
            self.out.raw(",");
            self.num(y);
        }
        self.out.raw("\"");
    }
}

type SvgResult = Result<(), DrawingErrorKind<std::fmt::Error>>;

impl DrawingBackend for Svg<'_> {
    type ErrorType = std::fmt::Error;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> SvgResult {
        Ok(())
    }

    fn present(&mut self) -> SvgResult {
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> SvgResult {
        self.draw_rect(point, (point.0 + 1, point.1 + 1), &color, true)
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> SvgResult {
        self.draw_path([from, to], style)
    }

    fn draw_rect<S: BackendStyle>(&mut self, a: BackendCoord, b: BackendCoord, style: &S, fill: bool) -> SvgResult {
        self.out.raw("<rect");
        self.attr("x", a.0);
        self.attr("y", a.1);
        self.attr("width", b.0 - a.0);
        self.attr("height", b.1 - a.1);
        if fill {
            self.paint("fill", style.color());
        } else {
            self.out.raw(r#" fill="none""#);
            self.paint("stroke", style.color());
            self.attr("stroke-width", style.stroke_width() as i32);
        }
        self.out.raw("/>");
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> SvgResult {
        self.out.raw(r#"<polyline fill="none""#);
        self.paint("stroke", style.color());
        self.attr("stroke-width", style.stroke_width() as i32);
        self.points(path);
        self.out.raw("/>");
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(&mut self, c: BackendCoord, radius: u32, style: &S, fill: bool) -> SvgResult {
        self.out.raw("<circle");
        self.attr("cx", c.0);
        self.attr("cy", c.1);
        self.attr("r", radius as i32);
        if fill {
            self.paint("fill", style.color());
        } else {
            self.out.raw(r#" fill="none""#);
            self.paint("stroke", style.color());
        }
        self.out.raw("/>");
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, vert: I, style: &S) -> SvgResult {
        self.out.raw("<polygon");
        self.paint("fill", style.color());
        self.points(vert);
        self.out.raw("/>");
        Ok(())
    }

    fn draw_text<T: BackendTextStyle>(&mut self, text: &str, style: &T, pos: BackendCoord) -> SvgResult {
        self.out.raw("<text");
        self.attr("x", pos.0);
        self.attr("y", pos.1);
        self.out.raw(match style.anchor().v_pos {
            VPos::Top => r#" dy="0.76em""#,
            VPos::Center => r#" dy="0.5ex""#,
            VPos::Bottom => r#" dy="-0.5ex""#,
        });
        self.out.raw(match style.anchor().h_pos {
            HPos::Left => r#" text-anchor="start""#,
            HPos::Right => r#" text-anchor="end""#,
            HPos::Center => r#" text-anchor="middle""#,
        });
        // Sizes are asked for in CSS pixels times 1.24 (`px`), as plotters' own backend reads them.
        self.out.raw(r#" font-family="sans-serif""#);
        self.attr("font-size", (style.size() / 1.24).round() as i32);
        self.paint("fill", style.color());
        self.out.raw(">");
        self.out.text(text);
        self.out.raw("</text>");
        Ok(())
    }
}

#[cfg(test)]
mod tests;
