//! Charts. Draw functions are generic over plotters' `DrawingBackend`, take plain data
//! and a pixel `scale` (the device pixel ratio, so text and lines stay sharp on high-DPI
//! screens), and know nothing of the browser: native tests render them to SVG. Only
//! [`canvas`] touches a `<canvas>`.

pub mod canvas;
pub mod matrix;
pub mod org;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

pub type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

const INK: RGBColor = RGBColor(31, 41, 55);
const MUTED: RGBColor = RGBColor(107, 114, 128);
const TRACK: RGBColor = RGBColor(229, 231, 235);
const RISE: RGBColor = RGBColor(21, 128, 61);
const FALL: RGBColor = RGBColor(185, 28, 28);
const SAME: RGBColor = RGBColor(156, 163, 175);

/// One colour per criterion, in [`crate::domain::criteria::Criterion::ALL`] order.
pub const CRITERION_COLORS: [RGBColor; 5] = [
    RGBColor(37, 99, 235),
    RGBColor(13, 148, 136),
    RGBColor(124, 58, 237),
    RGBColor(217, 119, 6),
    RGBColor(219, 39, 119),
];

/// One bar of the score breakdown.
#[derive(Clone, Debug, PartialEq)]
pub struct ContributionBar {
    pub label: String,
    /// Points added to the 0–100 score; `None` when the criterion is unrated.
    pub points: Option<f64>,
    /// The criterion's weight: the most points it can add.
    pub max: u8,
    /// Text drawn after the bar, e.g. "12.0 of 25 points".
    pub value_text: String,
}

/// Draws into an SVG document `w`×`h` (CSS pixels) for print, where a canvas would print at
/// screen resolution. Nothing when the drawing fails.
pub fn to_svg(
    w: u32,
    h: u32,
    draw: impl for<'a, 'b> FnOnce(&'b DrawingArea<SVGBackend<'a>, Shift>) -> DrawResult<SVGBackend<'a>>,
) -> String {
    let mut out = String::new();
    let drawn = {
        let area = SVGBackend::with_string(&mut out, (w, h)).into_drawing_area();
        draw(&area).is_ok() && area.present().is_ok()
    };
    if drawn {
        out
    } else {
        String::new()
    }
}

/// An SVG document as a `data:` address for an `<img>`: the page shows it without ever
/// parsing it as markup of its own (no inner HTML), and an image runs no script.
pub fn svg_data_url(svg: &str) -> String {
    let mut out = String::from("data:image/svg+xml;charset=utf-8,");
    for b in svg.bytes() {
        if b.is_ascii_alphanumeric() || b" -_.!~*'()/:;=,".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn font(size: f64, scale: f64, color: RGBColor, pos: Pos) -> TextStyle<'static> {
    ("sans-serif", size * scale).into_font().color(&color).pos(pos)
}

/// Horizontal bars: per criterion, a grey track as long as its weight and a coloured
/// bar for the points it adds. Tracks share one scale so weights compare visually.
pub fn draw_contributions<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    bars: &[ContributionBar],
    scale: f64,
) -> DrawResult<DB> {
    area.fill(&WHITE)?;
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (w as f64, h as f64);
    let label_w = 150.0 * scale;
    let value_w = 140.0 * scale;
    let bar_x0 = label_w;
    let bar_span = (w - label_w - value_w).max(10.0);
    let row_h = h / bars.len().max(1) as f64;
    let bar_h = (row_h * 0.5).min(22.0 * scale);
    let widest = bars.iter().map(|b| b.max).max().unwrap_or(1).max(1) as f64;
    let px = |v: f64| (bar_x0 + bar_span * v / widest) as i32;
    let left_mid = Pos::new(HPos::Left, VPos::Center);

    for (i, bar) in bars.iter().enumerate() {
        let mid = row_h * (i as f64 + 0.5);
        let (top, bottom) = ((mid - bar_h / 2.0) as i32, (mid + bar_h / 2.0) as i32);
        let color = CRITERION_COLORS[i % CRITERION_COLORS.len()];
        area.draw(&Text::new(bar.label.clone(), (0, mid as i32), font(13.0, scale, INK, left_mid)))?;
        area.draw(&Rectangle::new([(px(0.0), top), (px(bar.max as f64), bottom)], TRACK.filled()))?;
        if let Some(points) = bar.points {
            if points > 0.0 {
                area.draw(&Rectangle::new([(px(0.0), top), (px(points.min(bar.max as f64)), bottom)], color.filled()))?;
            }
        }
        let text_color = if bar.points.is_some() { INK } else { MUTED };
        let text_x = px(bar.max as f64) + (8.0 * scale) as i32;
        area.draw(&Text::new(bar.value_text.clone(), (text_x, mid as i32), font(12.0, scale, text_color, left_mid)))?;
    }
    Ok(())
}

/// One account in the rank comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct RankPair {
    pub name: String,
    pub revenue_rank: u32,
    pub score_rank: u32,
    /// Places gained (positive, drawn green) or lost (red) — the same figure the tables beside
    /// the chart show as arrows, so chart and table always agree.
    pub gained: i64,
    /// Drawn bolder: the account is a key account.
    pub emphasised: bool,
}

/// Pixel height the rank comparison needs for `n` accounts at scale 1.
pub fn rank_shift_height(n: usize) -> f64 {
    56.0 + 24.0 * n.max(1) as f64
}

/// A slope chart: accounts ordered by revenue on the left and by score on the right,
/// a line joining each account's two places. Rising lines are green, falling red.
pub fn draw_rank_shift<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    pairs: &[RankPair],
    left_title: &str,
    right_title: &str,
    scale: f64,
) -> DrawResult<DB> {
    area.fill(&WHITE)?;
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (w as f64, h as f64);
    let top = 44.0 * scale;
    let bottom = h - 12.0 * scale;
    let label_w = (w * 0.3).min(220.0 * scale);
    let (x_left, x_right) = (label_w, w - label_w);
    let n = pairs.len();
    let step = if n > 1 { (bottom - top) / (n - 1) as f64 } else { 0.0 };

    // Places are positions within the shown set, so ties and gaps do not overlap.
    let mut by_revenue: Vec<usize> = (0..n).collect();
    by_revenue.sort_by_key(|&i| (pairs[i].revenue_rank, i));
    let mut by_score: Vec<usize> = (0..n).collect();
    by_score.sort_by_key(|&i| (pairs[i].score_rank, i));
    let mut left_y = vec![0.0; n];
    let mut right_y = vec![0.0; n];
    for (place, &i) in by_revenue.iter().enumerate() {
        left_y[i] = top + step * place as f64;
    }
    for (place, &i) in by_score.iter().enumerate() {
        right_y[i] = top + step * place as f64;
    }

    let title_y = (16.0 * scale) as i32;
    area.draw(&Text::new(
        left_title.to_string(),
        (x_left as i32, title_y),
        font(13.0, scale, MUTED, Pos::new(HPos::Right, VPos::Center)),
    ))?;
    area.draw(&Text::new(
        right_title.to_string(),
        (x_right as i32, title_y),
        font(13.0, scale, MUTED, Pos::new(HPos::Left, VPos::Center)),
    ))?;

    let gap = 10.0 * scale;
    for (i, p) in pairs.iter().enumerate() {
        let color = match p.gained {
            g if g > 0 => RISE,
            g if g < 0 => FALL,
            _ => SAME,
        };
        let width = if p.emphasised { 3.0 } else { 1.5 } * scale;
        let (l, r) = ((x_left + gap) as i32, (x_right - gap) as i32);
        area.draw(&PathElement::new(
            vec![(l, left_y[i] as i32), (r, right_y[i] as i32)],
            color.stroke_width(width.max(1.0) as u32),
        ))?;
        area.draw(&Circle::new((l, left_y[i] as i32), (3.0 * scale) as i32, color.filled()))?;
        area.draw(&Circle::new((r, right_y[i] as i32), (3.0 * scale) as i32, color.filled()))?;
        let size = if p.emphasised { 13.5 } else { 12.5 };
        // Names shortened to the room beside the lines (about 0.6 em a character), so a long
        // one is never cut off at the chart's edge on a phone.
        let room = ((label_w - 6.0 * scale) / (size * 0.6 * scale)).floor().max(4.0) as usize;
        let name = shorten(&p.name, room.saturating_sub(4));
        let left_text = format!("{name}  {}", p.revenue_rank);
        let right_text = format!("{}  {name}", p.score_rank);
        area.draw(&Text::new(
            left_text,
            (x_left as i32, left_y[i] as i32),
            font(size, scale, INK, Pos::new(HPos::Right, VPos::Center)),
        ))?;
        area.draw(&Text::new(
            right_text,
            (x_right as i32, right_y[i] as i32),
            font(size, scale, INK, Pos::new(HPos::Left, VPos::Center)),
        ))?;
    }
    Ok(())
}

/// `name` cut to `max` characters with an ellipsis when it is longer.
fn shorten(name: &str, max: usize) -> String {
    if name.chars().count() <= max.max(1) {
        name.to_string()
    } else {
        let kept: String = name.chars().take(max.max(2) - 1).collect();
        format!("{}…", kept.trim_end())
    }
}

/// A KPI's measurements against its baseline and target.
#[derive(Clone, Debug, PartialEq)]
pub struct KpiSeries {
    /// (day number, value), in date order.
    pub points: Vec<(i32, f64)>,
    pub baseline: f64,
    pub target: f64,
    pub target_day: Option<i32>,
    /// Labels under the first and last day of the x axis (full chart only).
    pub first_label: String,
    pub last_label: String,
    pub target_label: String,
    /// The baseline and the target as the axis writes them (short, in the user's language).
    pub baseline_text: String,
    pub target_text: String,
}

const LINE: RGBColor = RGBColor(37, 99, 235);
const TARGET: RGBColor = RGBColor(21, 128, 61);

/// `1234567` → `1.2M`, `12345` → `12k`, `7.25` → `7.3`: axis labels stay short.
pub fn short_number(v: f64) -> String {
    let a = v.abs();
    if a >= 1e6 {
        format!("{:.1}M", v / 1e6)
    } else if a >= 1e4 {
        format!("{:.0}k", v / 1e3)
    } else if a >= 100.0 || v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

/// The measurements as a line with dots, the target as a green line (and a ring at the
/// target date), the baseline as a grey line. `compact` draws a sparkline: no labels.
pub fn draw_kpi<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    s: &KpiSeries,
    compact: bool,
    scale: f64,
) -> DrawResult<DB> {
    area.fill(&WHITE)?;
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (w as f64, h as f64);
    let (left, right, top, bottom) =
        if compact { (2.0, 2.0, 3.0, 3.0) } else { (48.0 * scale, 16.0 * scale, 14.0 * scale, 24.0 * scale) };
    let (x0, x1, y0, y1) = (left, w - right, top, h - bottom);

    let mut days: Vec<i32> = s.points.iter().map(|p| p.0).collect();
    days.extend(s.target_day);
    let (d_min, d_max) = match (days.iter().min(), days.iter().max()) {
        (Some(&a), Some(&b)) if b > a => (a as f64, b as f64),
        (Some(&a), _) => (a as f64 - 1.0, a as f64 + 1.0),
        _ => (0.0, 1.0),
    };
    let values = s.points.iter().map(|p| p.1).chain([s.baseline, s.target]);
    let (mut v_min, mut v_max) = values.fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)));
    // Also when the values are equal (or, impossibly, not comparable).
    if v_max.partial_cmp(&v_min) != Some(std::cmp::Ordering::Greater) {
        v_min -= 1.0;
        v_max += 1.0;
    }
    let pad = (v_max - v_min) * 0.08;
    let (v_min, v_max) = (v_min - pad, v_max + pad);
    let px = |d: f64| (x0 + (x1 - x0) * (d - d_min) / (d_max - d_min)) as i32;
    let py = |v: f64| (y1 - (y1 - y0) * (v - v_min) / (v_max - v_min)) as i32;
    let thin = (1.0 * scale).max(1.0) as u32;

    area.draw(&PathElement::new(
        vec![(x0 as i32, py(s.baseline)), (x1 as i32, py(s.baseline))],
        SAME.stroke_width(thin),
    ))?;
    area.draw(&PathElement::new(
        vec![(x0 as i32, py(s.target)), (x1 as i32, py(s.target))],
        TARGET.stroke_width(thin),
    ))?;
    if let Some(td) = s.target_day {
        area.draw(&Circle::new((px(td as f64), py(s.target)), (4.0 * scale) as i32, TARGET.stroke_width(thin * 2)))?;
    }
    let line: Vec<(i32, i32)> = s.points.iter().map(|&(d, v)| (px(d as f64), py(v))).collect();
    area.draw(&PathElement::new(line.clone(), LINE.stroke_width((2.0 * scale) as u32)))?;
    let dot = if compact { 1.5 } else { 3.5 } * scale;
    for p in line {
        area.draw(&Circle::new(p, dot as i32, LINE.filled()))?;
    }
    if !compact {
        let right_mid = Pos::new(HPos::Right, VPos::Center);
        for (v, text) in [(s.baseline, &s.baseline_text), (s.target, &s.target_text)] {
            area.draw(&Text::new(
                text.as_str(),
                ((x0 - 6.0 * scale) as i32, py(v)),
                font(11.0, scale, MUTED, right_mid),
            ))?;
        }
        area.draw(&Text::new(
            s.target_label.clone(),
            ((x0 + 4.0 * scale) as i32, py(s.target) - (8.0 * scale) as i32),
            font(11.0, scale, TARGET, Pos::new(HPos::Left, VPos::Center)),
        ))?;
        let below = (y1 + 14.0 * scale) as i32;
        area.draw(&Text::new(
            s.first_label.clone(),
            (x0 as i32, below),
            font(11.0, scale, MUTED, Pos::new(HPos::Left, VPos::Center)),
        ))?;
        area.draw(&Text::new(
            s.last_label.clone(),
            (x1 as i32, below),
            font(11.0, scale, MUTED, Pos::new(HPos::Right, VPos::Center)),
        ))?;
    }
    Ok(())
}

/// An account's score history: a step line on the 0–100 scale (it holds its value until the
/// next change), a dot per recorded day in its tier's colour, the key and watch thresholds
/// as dashed lines. Days are day numbers; the last point is today.
#[derive(Clone, Debug, PartialEq)]
pub struct HistorySeries {
    /// (day, score, tier index in `Tier::ALL` order); no score while incomplete.
    pub points: Vec<(i32, Option<u8>, usize)>,
    pub key: u8,
    pub watch: u8,
    pub key_label: String,
    pub watch_label: String,
    pub first_label: String,
    pub last_label: String,
}

/// Key, watch, standard, incomplete.
pub const TIER_COLORS: [RGBColor; 4] =
    [RGBColor(30, 64, 175), RGBColor(180, 83, 9), RGBColor(107, 114, 128), RGBColor(209, 213, 219)];

/// Pixel height of the history chart at scale 1.
pub const HISTORY_HEIGHT: f64 = 150.0;

pub fn draw_history<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    s: &HistorySeries,
    scale: f64,
) -> DrawResult<DB> {
    area.fill(&WHITE)?;
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (w as f64, h as f64);
    let (x0, x1, y0, y1) = (34.0 * scale, w - 12.0 * scale, 10.0 * scale, h - 24.0 * scale);
    let (d_min, d_max) = match (s.points.first(), s.points.last()) {
        (Some(a), Some(b)) if b.0 > a.0 => (a.0 as f64, b.0 as f64),
        (Some(a), _) => (a.0 as f64 - 1.0, a.0 as f64 + 1.0),
        _ => (0.0, 1.0),
    };
    let px = |d: f64| (x0 + (x1 - x0) * (d - d_min) / (d_max - d_min)) as i32;
    let py = |v: f64| (y1 - (y1 - y0) * v / 100.0) as i32;
    let thin = (1.0 * scale).max(1.0) as u32;
    let muted = font(10.0, scale, MUTED, Pos::new(HPos::Right, VPos::Center));
    for (v, label, color) in [(s.key, &s.key_label, TIER_COLORS[0]), (s.watch, &s.watch_label, TIER_COLORS[1])] {
        let y = py(f64::from(v));
        let dash = (6.0 * scale) as i32;
        let mut x = x0 as i32;
        while x < x1 as i32 {
            area.draw(&PathElement::new(
                vec![(x, y), ((x + dash / 2).min(x1 as i32), y)],
                color.mix(0.6).stroke_width(thin),
            ))?;
            x += dash;
        }
        area.draw(&Text::new(v.to_string(), ((x0 - 6.0 * scale) as i32, y), muted.clone()))?;
        area.draw(&Text::new(
            label.clone(),
            ((x1 - 2.0 * scale) as i32, y - (7.0 * scale) as i32),
            font(10.0, scale, color, Pos::new(HPos::Right, VPos::Center)),
        ))?;
    }
    area.draw(&PathElement::new(vec![(x0 as i32, y1 as i32), (x1 as i32, y1 as i32)], TRACK.stroke_width(thin)))?;
    // The step line: each value holds until the next point; gaps while unscored.
    let scored: Vec<(i32, u8)> = s.points.iter().filter_map(|p| Some((p.0, p.1?))).collect();
    for pair in s.points.windows(2) {
        if let (Some(a), Some(_)) = (pair[0].1, pair[1].1) {
            let (xa, xb, y) = (px(pair[0].0 as f64), px(pair[1].0 as f64), py(f64::from(a)));
            let yb = py(f64::from(pair[1].1.unwrap_or(a)));
            area.draw(&PathElement::new(vec![(xa, y), (xb, y), (xb, yb)], LINE.stroke_width((2.0 * scale) as u32)))?;
        }
    }
    let dot = (4.0 * scale) as i32;
    for p in &s.points {
        let color = TIER_COLORS[p.2.min(3)];
        match p.1 {
            Some(v) => area.draw(&Circle::new((px(p.0 as f64), py(f64::from(v))), dot, color.filled()))?,
            None => area.draw(&Circle::new((px(p.0 as f64), y1 as i32), dot, color.stroke_width(thin)))?,
        }
    }
    if scored.is_empty() && s.points.is_empty() {
        return Ok(());
    }
    let below = (y1 + 14.0 * scale) as i32;
    area.draw(&Text::new(
        s.first_label.clone(),
        (x0 as i32, below),
        font(11.0, scale, MUTED, Pos::new(HPos::Left, VPos::Center)),
    ))?;
    area.draw(&Text::new(
        s.last_label.clone(),
        (x1 as i32, below),
        font(11.0, scale, MUTED, Pos::new(HPos::Right, VPos::Center)),
    ))?;
    Ok(())
}

/// One quarter of won revenue.
#[derive(Clone, Debug, PartialEq)]
pub struct QuarterBar {
    /// Under the bar: "Q1 '26".
    pub label: String,
    pub value: f64,
    /// Above the bar: "€1.2M".
    pub value_text: String,
}

/// Pixel height of the quarter chart at scale 1.
pub const QUARTERS_HEIGHT: f64 = 160.0;

/// Vertical bars, one per quarter, oldest left, on one scale from zero; the amount above
/// each bar (none above an empty quarter), the quarter below.
pub fn draw_quarters<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    bars: &[QuarterBar],
    scale: f64,
) -> DrawResult<DB> {
    area.fill(&WHITE)?;
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (w as f64, h as f64);
    let (top, bottom) = (22.0 * scale, 22.0 * scale);
    let base = h - bottom;
    let slot = w / bars.len().max(1) as f64;
    let bar_w = (slot * 0.6).min(48.0 * scale);
    let max = bars.iter().map(|b| b.value).fold(0.0_f64, f64::max);
    let thin = (1.0 * scale).max(1.0) as u32;
    area.draw(&PathElement::new(vec![(0, base as i32), (w as i32, base as i32)], TRACK.stroke_width(thin)))?;
    let centre = Pos::new(HPos::Center, VPos::Center);
    for (i, b) in bars.iter().enumerate() {
        let mid = slot * (i as f64 + 0.5);
        if max > 0.0 && b.value > 0.0 {
            let bar_h = ((base - top) * b.value / max).max(1.0);
            let (x0, x1) = ((mid - bar_w / 2.0) as i32, (mid + bar_w / 2.0) as i32);
            area.draw(&Rectangle::new([(x0, (base - bar_h) as i32), (x1, base as i32)], LINE.filled()))?;
            area.draw(&Text::new(
                b.value_text.clone(),
                (mid as i32, (base - bar_h - 10.0 * scale) as i32),
                font(11.0, scale, INK, centre),
            ))?;
        }
        area.draw(&Text::new(
            b.label.clone(),
            (mid as i32, (base + 12.0 * scale) as i32),
            font(11.0, scale, MUTED, centre),
        ))?;
    }
    Ok(())
}

#[cfg(test)]
mod svg_tests {
    use super::*;

    #[test]
    fn a_kpi_chart_prints_as_an_escaped_svg_image() {
        let series = KpiSeries {
            points: vec![(0, 1.0), (30, 4.0)],
            baseline: 0.0,
            target: 10.0,
            target_day: Some(90),
            first_label: "1 Jan".into(),
            last_label: "<b>&\"#%".into(),
            target_label: "Target 10".into(),
            baseline_text: "0".into(),
            target_text: "10".into(),
        };
        let svg = to_svg(320, 120, |area| draw_kpi(area, &series, false, 1.0));
        assert!(svg.starts_with("<svg") && svg.contains("Target 10"), "{svg}");
        let url = svg_data_url(&svg);
        assert!(url.starts_with("data:image/svg+xml;charset=utf-8,%3Csvg"));
        // Nothing in it can end the attribute, start markup or cut the address short.
        assert!(!url.contains(['<', '>', '"', '#', '&']), "{url}");
        assert!(url.contains("%26lt;b%26gt;%26amp;"), "the label is escaped as text: {url}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn svg(width: u32, height: u32, draw: impl FnOnce(&DrawingArea<SVGBackend, Shift>)) -> String {
        let mut out = String::new();
        {
            let area = SVGBackend::with_string(&mut out, (width, height)).into_drawing_area();
            draw(&area);
            area.present().unwrap();
        }
        out
    }

    /// The text nodes of an SVG, trimmed.
    fn texts(svg: &str) -> Vec<String> {
        svg.split("<text")
            .skip(1)
            .filter_map(|t| Some(t.split_once('>')?.1.split("</text>").next()?.trim().to_string()))
            .collect()
    }

    fn bars() -> Vec<ContributionBar> {
        [(Some(10.0), 10), (Some(0.0), 20), (Some(12.5), 25), (None, 20), (Some(25.0), 25)]
            .into_iter()
            .enumerate()
            .map(|(i, (points, max))| ContributionBar {
                label: format!("C{i}"),
                points,
                max,
                value_text: format!("v{i}"),
            })
            .collect()
    }

    #[test]
    fn quarters_draw_a_bar_per_quarter_with_revenue_on_one_scale() {
        let bars: Vec<QuarterBar> = [4.0, 0.0, 2.0, 1.0]
            .into_iter()
            .enumerate()
            .map(|(i, value)| QuarterBar { label: format!("Q{}", i + 1), value, value_text: format!("€{value}") })
            .collect();
        let out = svg(400, 160, |a| draw_quarters(a, &bars, 1.0).unwrap());
        // The background and three bars: an empty quarter draws none, and no amount.
        assert_eq!(out.matches("<rect").count(), 1 + 3);
        assert_eq!(texts(&out), vec!["€4", "Q1", "Q2", "€2", "Q3", "€1", "Q4"]);
        let heights: Vec<f64> = out
            .split("<rect")
            .skip(2)
            .map(|r| r.split("height=\"").nth(1).unwrap().split('"').next().unwrap().parse().unwrap())
            .collect();
        assert_eq!(heights.len(), 3);
        assert!(
            (heights[0] / heights[1] - 2.0).abs() < 0.05 && (heights[1] / heights[2] - 2.0).abs() < 0.1,
            "{heights:?}"
        );
        // Nothing won at all: a baseline and the quarters, no bars.
        let empty: Vec<QuarterBar> = bars.iter().map(|b| QuarterBar { value: 0.0, ..b.clone() }).collect();
        assert_eq!(svg(400, 160, |a| draw_quarters(a, &empty, 1.0).unwrap()).matches("<rect").count(), 1);
    }

    #[test]
    fn contributions_draw_a_track_per_criterion_and_a_bar_per_positive_score() {
        let out = svg(600, 200, |a| draw_contributions(a, &bars(), 1.0).unwrap());
        // 1 background + 5 tracks + 3 bars (zero and unrated draw none).
        assert_eq!(out.matches("<rect").count(), 1 + 5 + 3);
        let texts = texts(&out);
        for i in 0..5 {
            assert!(texts.contains(&format!("C{i}")) && texts.contains(&format!("v{i}")), "{texts:?}");
        }
        // A full bar is as long as its track: the last criterion (25 of 25).
        let widths: Vec<&str> = out
            .split("<rect")
            .skip(1)
            .map(|r| r.split("width=\"").nth(1).unwrap().split('"').next().unwrap())
            .collect();
        assert_eq!(widths[widths.len() - 1], widths[widths.len() - 2]);
    }

    #[test]
    fn rank_shift_colours_rises_and_falls() {
        let pairs = vec![
            RankPair { name: "Vicom".into(), revenue_rank: 1, score_rank: 3, gained: -2, emphasised: false },
            RankPair { name: "Mid".into(), revenue_rank: 2, score_rank: 2, gained: 0, emphasised: false },
            RankPair { name: "Cartech".into(), revenue_rank: 3, score_rank: 1, gained: 2, emphasised: true },
        ];
        let out = svg(700, rank_shift_height(3) as u32, |a| {
            draw_rank_shift(a, &pairs, "By revenue", "By score", 1.0).unwrap()
        });
        assert_eq!(out.matches("<polyline").count(), 3);
        let rise = format!("#{:02X}{:02X}{:02X}", RISE.0, RISE.1, RISE.2);
        let fall = format!("#{:02X}{:02X}{:02X}", FALL.0, FALL.1, FALL.2);
        let lines: Vec<&str> = out.split("<polyline").skip(1).collect();
        assert!(lines[0].contains(&fall), "Vicom falls: {}", lines[0]);
        assert!(lines[2].contains(&rise), "Cartech rises: {}", lines[2]);
        let texts = texts(&out);
        for expected in ["Cartech  3", "1  Cartech", "Vicom  1", "3  Vicom", "By revenue", "By score"] {
            assert!(texts.iter().any(|t| t == expected), "{expected} missing from {texts:?}");
        }
        // On a phone a long name is shortened rather than cut off at the edge.
        let long = vec![RankPair { name: "Delta Retail Group International".into(), ..pairs[0].clone() }];
        let narrow =
            self::texts(&svg(340, rank_shift_height(1) as u32, |a| draw_rank_shift(a, &long, "L", "R", 1.0).unwrap()));
        assert!(narrow.iter().any(|t| t.starts_with("Delta") && t.contains('…') && t.ends_with("  1")), "{narrow:?}");
        assert_eq!(shorten("Vicom", 10), "Vicom");
        assert_eq!(shorten("Noordzee Logistics", 9), "Noordzee…");
    }

    /// The what-if page's chart and table tell one story: every line's colour is the arrow the
    /// table shows for that account (both come from `Move::gained`). With the sample and revenue
    /// volume at 60 %, Helios Energy rises a place in the table while other accounts pass it on
    /// the chart's left side — its line must still be green.
    #[test]
    fn the_what_if_chart_colours_agree_with_the_table_arrows() {
        use crate::domain::criteria::Criterion;
        use crate::domain::portfolio::{charted, moves};
        use crate::domain::scoring::rank;
        let ws = crate::domain::sample::sample_portfolio(0);
        let before = rank(&ws.accounts, &ws.scoring);
        let mut settings = ws.scoring;
        settings.weights.set(Criterion::RevenueVolume, 60);
        let after = rank(&ws.accounts, &settings);
        let all = moves(&before, &after);
        let shown = charted(&all, 15);
        let pairs: Vec<RankPair> = shown
            .iter()
            .map(|m| RankPair {
                name: ws.accounts[m.index].fields.name.clone(),
                revenue_rank: m.before.unwrap(),
                score_rank: m.after.unwrap(),
                gained: m.gained(),
                emphasised: false,
            })
            .collect();
        let out = svg(700, rank_shift_height(pairs.len()) as u32, |a| {
            draw_rank_shift(a, &pairs, "Now", "Then", 1.0).unwrap()
        });
        let colour = |c: RGBColor| format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2);
        let lines: Vec<&str> = out.split("<polyline").skip(1).collect();
        assert_eq!(lines.len(), pairs.len());
        for (line, pair) in lines.iter().zip(&pairs) {
            // The table's arrow for this account: ▲ when it gains, ▼ when it loses.
            let arrow = crate::i18n::EN.portfolio.move_mark;
            let expected = match arrow(pair.gained).trim() {
                "▲" => RISE,
                "▼" => FALL,
                _ => SAME,
            };
            assert!(
                line.contains(&colour(expected)),
                "{}: table says {:?}, chart drew {line}",
                pair.name,
                arrow(pair.gained)
            );
        }
        assert!(
            pairs.iter().any(|p| p.gained > 0) && pairs.iter().any(|p| p.gained < 0),
            "the example moves both ways"
        );
    }

    fn series(points: &[(i32, f64)]) -> KpiSeries {
        KpiSeries {
            points: points.to_vec(),
            baseline: 30.0,
            target: 60.0,
            target_day: Some(200),
            first_label: "2026-01-01".into(),
            last_label: "2026-07-20".into(),
            target_label: "Target 60".into(),
            baseline_text: short_number(30.0),
            target_text: short_number(60.0),
        }
    }

    #[test]
    fn kpi_chart_draws_a_dot_per_measurement_and_target_labels() {
        let out = svg(500, 220, |a| draw_kpi(a, &series(&[(0, 30.0), (30, 41.0), (90, 47.0)]), false, 1.0).unwrap());
        let blue = format!("#{:02X}{:02X}{:02X}", LINE.0, LINE.1, LINE.2);
        // Three filled dots in the line colour, one ring at the target date.
        assert_eq!(out.matches("<circle").count(), 4);
        assert_eq!(out.split("<circle").skip(1).filter(|c| c.contains(&format!("fill=\"{blue}\""))).count(), 3);
        let labels = texts(&out);
        for expected in ["30", "60", "Target 60", "2026-01-01", "2026-07-20"] {
            assert!(labels.iter().any(|t| t == expected), "{expected} missing from {labels:?}");
        }
        // The sparkline has no text at all.
        let spark = svg(120, 32, |a| draw_kpi(a, &series(&[(0, 30.0), (30, 41.0)]), true, 1.0).unwrap());
        assert!(texts(&spark).is_empty());
        assert_eq!(spark.matches("<circle").count(), 3);
    }

    #[test]
    fn a_history_chart_draws_a_dot_per_recorded_day_in_its_tiers_colour() {
        let series = HistorySeries {
            points: vec![(0, Some(60), 1), (90, Some(72), 0), (120, None, 3), (150, Some(75), 0)],
            key: 70,
            watch: 50,
            key_label: "Key account".into(),
            watch_label: "Watch list".into(),
            first_label: "1 Jun".into(),
            last_label: "Today".into(),
        };
        let out = svg(480, 150, |a| draw_history(a, &series, 1.0).unwrap());
        let hex = |c: RGBColor| format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2);
        assert_eq!(out.matches("<circle").count(), 4);
        let key_dots =
            out.split("<circle").skip(1).filter(|c| c.contains(&format!("fill=\"{}\"", hex(TIER_COLORS[0])))).count();
        assert_eq!(key_dots, 2);
        let labels = texts(&out);
        for expected in ["70", "50", "Key account", "Watch list", "1 Jun", "Today"] {
            assert!(labels.iter().any(|t| t == expected), "{expected} missing from {labels:?}");
        }
        svg(300, 100, |a| {
            draw_history(a, &HistorySeries { points: vec![], ..series.clone() }, 2.0).unwrap();
        });
    }

    #[test]
    fn short_numbers() {
        assert_eq!(
            [
                short_number(1_234_567.0),
                short_number(12_345.0),
                short_number(7.25),
                short_number(250.0),
                short_number(-3.0)
            ],
            ["1.2M", "12k", "7.2", "250", "-3"]
        );
    }

    #[test]
    fn empty_data_draws_without_error() {
        svg(300, 100, |a| draw_kpi(a, &series(&[]), false, 1.0).unwrap());
        svg(300, 100, |a| draw_kpi(a, &series(&[(5, 1.0)]), true, 2.0).unwrap());
        svg(300, 100, |a| draw_rank_shift(a, &[], "L", "R", 2.0).unwrap());
        svg(300, 100, |a| draw_contributions(a, &[], 2.0).unwrap());
    }
}
