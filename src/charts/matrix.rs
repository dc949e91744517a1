//! The portfolio matrix: attractiveness up, relationship stage to the right, bubble area
//! for current revenue. The layout is a pure function of the data and the canvas size, so
//! the page can hit-test the mouse against the same positions the drawing used.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{font, INK, MUTED, TRACK};

/// One account on the matrix.
#[derive(Clone, Debug, PartialEq)]
pub struct Bubble {
    pub name: String,
    /// 0–100.
    pub attractiveness: f64,
    /// 1–5.
    pub stage: u8,
    pub revenue: f64,
    /// Index of its quadrant in the drawing's colour order (Strategic, Star, Status, Streamline).
    pub quadrant: usize,
    /// Hovered or focused: drawn with an outline and always labelled.
    pub highlighted: bool,
}

/// Texts drawn on the matrix.
pub struct MatrixTexts<'a> {
    pub y_axis: &'a str,
    pub x_axis: &'a str,
    /// Strategic, Star, Status, Streamline.
    pub quadrants: [&'a str; 4],
    /// Stage names, 1 to 5.
    pub stages: [&'a str; 5],
}

/// Where a bubble and its label landed, in the backend's pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spot {
    pub x: f64,
    pub y: f64,
    pub r: f64,
    /// The label's box (left, top, right, bottom), when it had room.
    pub label: Option<(f64, f64, f64, f64)>,
}

pub const QUADRANT_COLORS: [RGBColor; 4] =
    [RGBColor(37, 99, 235), RGBColor(13, 148, 136), RGBColor(217, 119, 6), RGBColor(107, 114, 128)];

/// The plotting area inside the axes: (left, top, right, bottom).
pub fn plot_box(w: f64, h: f64, scale: f64) -> (f64, f64, f64, f64) {
    (56.0 * scale, 16.0 * scale, w - 16.0 * scale, h - 52.0 * scale)
}

/// The y of an attractiveness (0–100), leaving room inside the box so that bubbles at 0
/// or 100 are not cut off.
pub fn y_of(attractiveness: f64, h: f64, scale: f64) -> f64 {
    let (_, t, _, b) = plot_box(0.0, h, scale);
    let pad = 18.0 * scale;
    b - pad - (b - t - 2.0 * pad) * attractiveness.clamp(0.0, 100.0) / 100.0
}

/// The x where the weak stages (1–2) end and the strong ones (3–5) begin, and the y of
/// attractiveness 50.
pub fn dividers(w: f64, h: f64, scale: f64) -> (f64, f64) {
    let (l, _, r, _) = plot_box(w, h, scale);
    (l + (r - l) * 2.0 / 5.0, y_of(50.0, h, scale))
}

fn overlaps(a: (f64, f64, f64, f64), b: (f64, f64, f64, f64)) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

/// Positions, sizes and label boxes of the bubbles for a `w` × `h` canvas.
pub fn layout(bubbles: &[Bubble], w: f64, h: f64, scale: f64) -> Vec<Spot> {
    let (l, t, r, b) = plot_box(w, h, scale);
    let col = (r - l) / 5.0;
    let max_revenue = bubbles.iter().map(|b| b.revenue).fold(0.0, f64::max);
    let (r_min, r_max) = (4.0 * scale, (col * 0.3).clamp(8.0 * scale, 30.0 * scale));
    let mut spots: Vec<Spot> = bubbles
        .iter()
        .map(|bu| {
            let share = if max_revenue > 0.0 { (bu.revenue / max_revenue).max(0.0) } else { 0.0 };
            let stage = bu.stage.clamp(1, 5) as f64;
            Spot {
                x: l + col * (stage - 0.5),
                y: y_of(bu.attractiveness, h, scale),
                // Area, not radius, is proportional to revenue.
                r: r_min + (r_max - r_min) * share.sqrt(),
                label: None,
            }
        })
        .collect();
    // Bubbles of one stage at a similar height would hide each other: push them apart
    // sideways, within their column, a few rounds.
    for _ in 0..24 {
        for i in 0..spots.len() {
            for j in (i + 1)..spots.len() {
                if bubbles[i].stage != bubbles[j].stage {
                    continue;
                }
                let (a, c) = (spots[i], spots[j]);
                let (dx, dy) = (c.x - a.x, c.y - a.y);
                let need = (a.r + c.r) * 0.85;
                let dist = (dx * dx + dy * dy).sqrt();
                if dist < need {
                    let push = (need - dist) / 2.0 + 0.5;
                    let dir = if dx.abs() < 0.01 {
                        if i % 2 == 0 {
                            1.0
                        } else {
                            -1.0
                        }
                    } else {
                        dx.signum()
                    };
                    spots[i].x -= dir * push;
                    spots[j].x += dir * push;
                }
            }
        }
        for (s, bu) in spots.iter_mut().zip(bubbles) {
            let centre = l + col * (bu.stage.clamp(1, 5) as f64 - 0.5);
            s.x = s.x.clamp(centre - col / 2.0 + s.r, centre + col / 2.0 - s.r);
        }
    }
    // Labels: highlighted first, then by size; beside the bubble where there is room,
    // else none (the list beside the chart names every account).
    let mut order: Vec<usize> = (0..bubbles.len()).collect();
    order.sort_by(|&a, &c| {
        (bubbles[c].highlighted, bubbles[c].revenue)
            .partial_cmp(&(bubbles[a].highlighted, bubbles[a].revenue))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let circles: Vec<(f64, f64, f64, f64)> =
        spots.iter().map(|s| (s.x - s.r, s.y - s.r, s.x + s.r, s.y + s.r)).collect();
    // The quadrant names sit in each cell's top-left corner.
    let (xm, ym) = dividers(w, h, scale);
    let mut taken: Vec<(f64, f64, f64, f64)> =
        [(l, t), (xm, t), (l, ym), (xm, ym)].iter().map(|&(x, y)| (x, y, x + 90.0 * scale, y + 24.0 * scale)).collect();
    for i in order {
        let s = spots[i];
        let tw = bubbles[i].name.chars().count() as f64 * 6.4 * scale + 4.0 * scale;
        let th = 15.0 * scale;
        let gap = 3.0 * scale;
        let candidates = [
            (s.x + s.r + gap, s.y - th / 2.0),
            (s.x - s.r - gap - tw, s.y - th / 2.0),
            (s.x - tw / 2.0, s.y - s.r - gap - th),
            (s.x - tw / 2.0, s.y + s.r + gap),
        ];
        let fits = |rect: (f64, f64, f64, f64)| {
            rect.0 >= l
                && rect.2 <= r
                && rect.1 >= t
                && rect.3 <= b
                && !taken.iter().any(|o| overlaps(*o, rect))
                && !circles.iter().enumerate().any(|(k, c)| k != i && overlaps(*c, rect))
        };
        if let Some(rect) = candidates.iter().map(|&(x, y)| (x, y, x + tw, y + th)).find(|r| fits(*r)) {
            taken.push(rect);
            spots[i].label = Some(rect);
        }
    }
    spots
}

/// Draws the matrix; returns where every bubble went (see [`layout`]).
pub fn draw_matrix<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    bubbles: &[Bubble],
    texts: &MatrixTexts,
    scale: f64,
) -> Result<Vec<Spot>, DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&WHITE)?;
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (w as f64, h as f64);
    let (l, t, r, b) = plot_box(w, h, scale);
    let (xm, ym) = dividers(w, h, scale);
    let px = |v: f64| v as i32;

    // Quadrant tints and names: Star top-left, Strategic top-right, Streamline bottom-left,
    // Status bottom-right.
    let cells = [(1, l, t, xm, ym), (0, xm, t, r, ym), (3, l, ym, xm, b), (2, xm, ym, r, b)];
    for (q, x0, y0, x1, y1) in cells {
        area.draw(&Rectangle::new([(px(x0), px(y0)), (px(x1), px(y1))], QUADRANT_COLORS[q].mix(0.06).filled()))?;
        area.draw(&Text::new(
            texts.quadrants[q].to_string(),
            (px(x0 + 8.0 * scale), px(y0 + 8.0 * scale)),
            font(13.0, scale, QUADRANT_COLORS[q], Pos::new(HPos::Left, VPos::Top)),
        ))?;
    }
    area.draw(&PathElement::new(vec![(px(xm), px(t)), (px(xm), px(b))], TRACK.stroke_width(scale.max(1.0) as u32)))?;
    area.draw(&PathElement::new(vec![(px(l), px(ym)), (px(r), px(ym))], TRACK.stroke_width(scale.max(1.0) as u32)))?;
    area.draw(&Rectangle::new([(px(l), px(t)), (px(r), px(b))], MUTED.mix(0.5).stroke_width(1)))?;

    // Axes: attractiveness 0, 50, 100; the five stages.
    for v in [0.0, 50.0, 100.0] {
        let y = y_of(v, h, scale);
        area.draw(&Text::new(
            format!("{v:.0}"),
            (px(l - 6.0 * scale), px(y)),
            font(11.0, scale, MUTED, Pos::new(HPos::Right, VPos::Center)),
        ))?;
    }
    let col = (r - l) / 5.0;
    // A stage's name where its column is wide enough (about 6 px a character at 11 px), else
    // just its number ("3 Cooperative" → "3"): on a phone the names would run into each other.
    let fits = texts.stages.iter().all(|n| n.chars().count() as f64 * 6.2 * scale <= col - 4.0 * scale);
    for (i, name) in texts.stages.iter().enumerate() {
        let shown = if fits { name } else { name.split(' ').next().unwrap_or(name) };
        area.draw(&Text::new(
            shown.to_string(),
            (px(l + col * (i as f64 + 0.5)), px(b + 6.0 * scale)),
            font(11.0, scale, MUTED, Pos::new(HPos::Center, VPos::Top)),
        ))?;
    }
    area.draw(&Text::new(
        texts.x_axis.to_string(),
        (px((l + r) / 2.0), px(h - 6.0 * scale)),
        font(12.0, scale, INK, Pos::new(HPos::Center, VPos::Bottom)),
    ))?;
    area.draw(&Text::new(
        texts.y_axis.to_string(),
        (px(14.0 * scale), px((t + b) / 2.0)),
        font(12.0, scale, INK, Pos::new(HPos::Center, VPos::Center)).transform(FontTransform::Rotate270),
    ))?;

    let spots = layout(bubbles, w, h, scale);
    // Big bubbles first, so small ones stay visible on top.
    let mut order: Vec<usize> = (0..bubbles.len()).collect();
    order.sort_by(|&a, &c| spots[c].r.partial_cmp(&spots[a].r).unwrap_or(std::cmp::Ordering::Equal));
    for i in order {
        let (s, bu) = (spots[i], &bubbles[i]);
        let color = QUADRANT_COLORS[bu.quadrant.min(3)];
        area.draw(&Circle::new((px(s.x), px(s.y)), px(s.r), color.mix(0.55).filled()))?;
        let outline = if bu.highlighted { INK.stroke_width((2.5 * scale) as u32) } else { color.stroke_width(1) };
        area.draw(&Circle::new((px(s.x), px(s.y)), px(s.r), outline))?;
    }
    for (s, bu) in spots.iter().zip(bubbles) {
        if let Some((x0, y0, _, y1)) = s.label {
            let size = if bu.highlighted { 12.5 } else { 12.0 };
            area.draw(&Text::new(
                bu.name.clone(),
                (px(x0 + 2.0 * scale), px((y0 + y1) / 2.0)),
                font(size, scale, INK, Pos::new(HPos::Left, VPos::Center)),
            ))?;
        }
    }
    Ok(spots)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bubble(name: &str, attractiveness: f64, stage: u8, revenue: f64) -> Bubble {
        let strong = stage >= 3;
        let high = attractiveness >= 50.0;
        let quadrant = match (high, strong) {
            (true, true) => 0,
            (true, false) => 1,
            (false, true) => 2,
            (false, false) => 3,
        };
        Bubble { name: name.into(), attractiveness, stage, revenue, quadrant, highlighted: false }
    }

    fn texts() -> MatrixTexts<'static> {
        MatrixTexts {
            y_axis: "Attractiveness",
            x_axis: "Our strength",
            quadrants: ["Strategic", "Star", "Status", "Streamline"],
            stages: ["1", "2", "3", "4", "5"],
        }
    }

    fn draw(bubbles: &[Bubble], w: u32, h: u32) -> (String, Vec<Spot>) {
        let mut out = String::new();
        let spots;
        {
            let area = SVGBackend::with_string(&mut out, (w, h)).into_drawing_area();
            spots = draw_matrix(&area, bubbles, &texts(), 1.0).unwrap();
            area.present().unwrap();
        }
        (out, spots)
    }

    /// Which quadrant a point falls in on the drawing: 0 Strategic, 1 Star, 2 Status, 3 Streamline.
    fn quadrant_at(s: &Spot, w: f64, h: f64) -> usize {
        let (xm, ym) = dividers(w, h, 1.0);
        match (s.y < ym, s.x > xm) {
            (true, true) => 0,
            (true, false) => 1,
            (false, true) => 2,
            (false, false) => 3,
        }
    }

    #[test]
    fn every_account_is_a_bubble_in_its_own_quadrant() {
        let bubbles = vec![
            bubble("Cartech", 82.0, 3, 640_000.0),
            bubble("Vicom", 35.0, 4, 2_400_000.0),
            bubble("Helios", 70.0, 1, 120_000.0),
            bubble("Atlas", 20.0, 2, 90_000.0),
            bubble("Rijnland", 55.0, 5, 800_000.0),
        ];
        let (svg, spots) = draw(&bubbles, 800, 520);
        // Each bubble is a filled circle plus an outline.
        assert_eq!(svg.matches("<circle").count(), 2 * bubbles.len());
        for (b, s) in bubbles.iter().zip(&spots) {
            assert_eq!(quadrant_at(s, 800.0, 520.0), b.quadrant, "{} at {s:?}", b.name);
        }
        // Area follows revenue: Vicom (largest) is the biggest bubble.
        let biggest = spots.iter().enumerate().max_by(|a, b| a.1.r.total_cmp(&b.1.r)).unwrap().0;
        assert_eq!(bubbles[biggest].name, "Vicom");
        for name in ["Strategic", "Star", "Status", "Streamline", "Cartech", "Vicom"] {
            assert!(svg.contains(&format!(">{name}<")) || svg.contains(&format!(">\n{name}")), "{name} drawn");
        }
    }

    #[test]
    fn labels_never_overlap_and_crowds_are_spread() {
        // Thirty accounts crowded at stage 3 around attractiveness 60.
        let bubbles: Vec<Bubble> =
            (0..30).map(|i| bubble(&format!("Account {i}"), 58.0 + (i % 5) as f64, 3, 100_000.0 + i as f64)).collect();
        let spots = layout(&bubbles, 800.0, 520.0, 1.0);
        let labels: Vec<_> = spots.iter().filter_map(|s| s.label).collect();
        let (xm, ym) = dividers(800.0, 520.0, 1.0);
        let (l, t, _, _) = plot_box(800.0, 520.0, 1.0);
        for corner in [(l, t), (xm, t), (l, ym), (xm, ym)] {
            let name = (corner.0, corner.1, corner.0 + 80.0, corner.1 + 18.0);
            assert!(!labels.iter().any(|b| overlaps(name, *b)), "a label covers a quadrant name");
        }
        assert!(!labels.is_empty() && labels.len() < bubbles.len(), "some labelled, not all: {}", labels.len());
        for (i, a) in labels.iter().enumerate() {
            for b in &labels[i + 1..] {
                assert!(!overlaps(*a, *b), "{a:?} overlaps {b:?}");
            }
        }
        // Spread sideways but kept in stage 3's column.
        let (l, _, r, _) = plot_box(800.0, 520.0, 1.0);
        let col = (r - l) / 5.0;
        let xs: Vec<f64> = spots.iter().map(|s| s.x).collect();
        assert!(xs.iter().all(|&x| x > l + 2.0 * col && x < l + 3.0 * col));
        assert!(xs.iter().cloned().fold(f64::MIN, f64::max) - xs.iter().cloned().fold(f64::MAX, f64::min) > col / 3.0);
    }

    #[test]
    fn a_highlighted_bubble_is_labelled_first_and_outlined() {
        let mut bubbles: Vec<Bubble> =
            (0..12).map(|i| bubble(&format!("Account {i}"), 60.0, 3, 1_000_000.0 - i as f64)).collect();
        bubbles[11].highlighted = true;
        let spots = layout(&bubbles, 800.0, 520.0, 1.0);
        assert!(spots[11].label.is_some(), "the smallest, hovered bubble still gets its label");
        let (svg, _) = draw(&bubbles, 800, 520);
        assert!(svg.contains("stroke-width=\"2\""), "an outline for the highlighted bubble");
    }

    /// The stages' names under the axis where they fit, their numbers on a phone.
    #[test]
    fn stage_names_shorten_to_numbers_when_the_columns_are_narrow() {
        let named = MatrixTexts {
            stages: ["1 Exploratory", "2 Basic", "3 Cooperative", "4 Interdependent", "5 Integrated"],
            ..texts()
        };
        let svg_at = |w: u32| {
            let mut out = String::new();
            {
                let area = SVGBackend::with_string(&mut out, (w, 520)).into_drawing_area();
                draw_matrix(&area, &[bubble("Cartech", 80.0, 3, 1.0)], &named, 1.0).unwrap();
                area.present().unwrap();
            }
            out
        };
        let wide = svg_at(1100);
        assert!(wide.contains("4 Interdependent") && wide.contains("1 Exploratory"));
        let phone = svg_at(340);
        assert!(!phone.contains("Interdependent") && !phone.contains("Exploratory"), "names dropped");
        assert!(phone.contains(">\n4\n<") && phone.contains(">\n1\n<"), "numbers kept");
    }
}
