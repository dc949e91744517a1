//! The relationship map: an org chart drawn from the reporting lines that
//! `domain::stakeholder::org_chart` lays out. Attitude is the colour, influence the size, and
//! each person's name and our relationship owner are written under them, cut to the width of
//! their own slot so that labels never overlap. The layout in pixels is a pure function, so
//! the page hit-tests the mouse against the same positions the drawing used.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{font, INK, MUTED, TRACK};

/// One person on the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Person {
    pub name: String,
    /// "Owner: …", or nothing.
    pub owner: String,
    /// 1–5.
    pub influence: u8,
    /// Index into [`ATTITUDE_COLORS`] (champion … blocker).
    pub attitude: usize,
    /// From `org_chart`: row and slot.
    pub depth: usize,
    pub slot: f64,
    pub highlighted: bool,
}

/// Champion, supporter, neutral, sceptic, blocker.
pub const ATTITUDE_COLORS: [RGBColor; 5] = [
    RGBColor(21, 128, 61),
    RGBColor(13, 148, 136),
    RGBColor(107, 114, 128),
    RGBColor(217, 119, 6),
    RGBColor(185, 28, 28),
];

/// A slot is never narrower than this (CSS pixels): a tree that needs more room than its box
/// is drawn as an outline instead (or, where that is not wanted, scrolls sideways).
pub const MIN_SLOT: f64 = 132.0;
const ROW: f64 = 96.0;
const TOP: f64 = 30.0;
/// Average advance of a character at the label size, generous for capitals.
const CHAR: f64 = 7.2;
/// The outline: one person per row, reports indented under their manager.
const LINE: f64 = 46.0;
const INDENT: f64 = 26.0;
/// The largest circle's radius (influence 5), so the outline's first column fits it.
const MAX_R: f64 = 18.5;

/// How the chart is drawn: a tree (`slot` is a column, `depth` a row), or for a narrow box
/// an outline (`slot` is the row, `depth` the indent) that grows downwards only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OrgShape {
    Tree,
    Outline,
}

/// The width and height (CSS pixels) the chart needs at least: for a tree, this many slots
/// and rows; for an outline, `slots` people in rows (any width will do).
pub fn org_size(shape: OrgShape, slots: f64, rows: usize) -> (f64, f64) {
    match shape {
        OrgShape::Tree => (slots.max(1.0) * MIN_SLOT, rows.max(1) as f64 * ROW + 16.0),
        OrgShape::Outline => (0.0, slots.max(1.0) * LINE + 8.0),
    }
}

/// Where a person and their two label lines landed, in the backend's pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct Spot {
    pub x: f64,
    pub y: f64,
    pub r: f64,
    /// The label's box (left, top, right, bottom).
    pub label: (f64, f64, f64, f64),
    /// The label lines as drawn (cut to fit).
    pub lines: (String, String),
}

/// Cuts `text` to fit `width` pixels, with an ellipsis.
fn fit(text: &str, width: f64, scale: f64) -> String {
    let room = (width / (CHAR * scale)).floor().max(1.0) as usize;
    if text.chars().count() <= room {
        text.to_string()
    } else {
        let mut s: String = text.chars().take(room.saturating_sub(1)).collect();
        s.push('…');
        s
    }
}

/// The layout in pixels for a chart `w` wide.
pub fn org_layout(shape: OrgShape, people: &[Person], w: f64, scale: f64) -> Vec<Spot> {
    match shape {
        OrgShape::Tree => tree_layout(people, w, scale),
        OrgShape::Outline => outline_layout(people, w, scale),
    }
}

/// One person per row; the indent shrinks for a deep chart so that names keep room.
fn outline_layout(people: &[Person], w: f64, scale: f64) -> Vec<Spot> {
    let deepest = people.iter().map(|p| p.depth).max().unwrap_or(0).max(1) as f64;
    let indent = (INDENT * scale).min(w * 0.35 / deepest);
    people
        .iter()
        .map(|p| {
            let x = (4.0 + MAX_R) * scale + indent * p.depth as f64;
            let y = (LINE / 2.0 + LINE * p.slot) * scale;
            let r = (6.0 + 2.5 * f64::from(p.influence.clamp(1, 5))) * scale;
            let left = x + (MAX_R + 6.0) * scale;
            let room = (w - left - 4.0 * scale).max(CHAR * scale);
            let lines = (fit(&p.name, room, scale), fit(&p.owner, room, scale));
            let widest = lines.0.chars().count().max(lines.1.chars().count()) as f64 * CHAR * scale;
            let top = if lines.1.is_empty() { y - 8.0 * scale } else { y - 16.0 * scale };
            let label = (left, top, left + widest.min(room), top + 32.0 * scale);
            Spot { x, y, r, label, lines }
        })
        .collect()
}

fn tree_layout(people: &[Person], w: f64, scale: f64) -> Vec<Spot> {
    let slots = people.iter().map(|p| p.slot + 1.0).fold(1.0, f64::max);
    let slot = w / slots;
    people
        .iter()
        .map(|p| {
            let x = slot * (p.slot + 0.5);
            let y = (TOP + ROW * p.depth as f64) * scale;
            let r = (6.0 + 2.5 * f64::from(p.influence.clamp(1, 5))) * scale;
            let room = slot - 8.0 * scale;
            let lines = (fit(&p.name, room, scale), fit(&p.owner, room, scale));
            let widest = lines.0.chars().count().max(lines.1.chars().count()) as f64 * CHAR * scale;
            let half = (widest / 2.0).min(room / 2.0);
            let top = y + 20.0 * scale;
            let label = (x - half, top, x + half, top + 32.0 * scale);
            Spot { x, y, r, label, lines }
        })
        .collect()
}

/// Draws the chart: lines from each manager to their reports (`lines`: pairs of indices,
/// report then manager), then the people. Returns where everyone went.
pub fn draw_org<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    shape: OrgShape,
    people: &[Person],
    lines: &[(usize, usize)],
    scale: f64,
) -> Result<Vec<Spot>, DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&WHITE)?;
    let (w, _) = area.dim_in_pixel();
    let spots = org_layout(shape, people, w as f64, scale);
    let px = |v: f64| v as i32;
    for &(report, boss) in lines {
        let (Some(a), Some(b)) = (spots.get(boss), spots.get(report)) else { continue };
        let path = match shape {
            // Down from under the manager's label, across, and down into the report.
            OrgShape::Tree => {
                let mid = (a.label.3 + b.y - b.r) / 2.0;
                vec![(px(a.x), px(a.label.3)), (px(a.x), px(mid)), (px(b.x), px(mid)), (px(b.x), px(b.y - b.r))]
            }
            // Down from the manager's circle, then across into the report's.
            OrgShape::Outline => vec![(px(a.x), px(a.y + a.r)), (px(a.x), px(b.y)), (px(b.x - b.r), px(b.y))],
        };
        area.draw(&PathElement::new(path, TRACK.mix(1.0).stroke_width((1.5 * scale).max(1.0) as u32)))?;
    }
    // Labels are centred under the circle in a tree, and start right of it in an outline.
    let outline = shape == OrgShape::Outline;
    let anchor = if outline { HPos::Left } else { HPos::Center };
    for (p, s) in people.iter().zip(&spots) {
        let text_x = if outline { s.label.0 } else { s.x };
        let color = ATTITUDE_COLORS[p.attitude.min(4)];
        area.draw(&Circle::new((px(s.x), px(s.y)), px(s.r), color.mix(0.8).filled()))?;
        let outline = if p.highlighted { INK.stroke_width((2.5 * scale) as u32) } else { color.stroke_width(1) };
        area.draw(&Circle::new((px(s.x), px(s.y)), px(s.r), outline))?;
        area.draw(&Text::new(
            s.lines.0.clone(),
            (px(text_x), px(s.label.1)),
            font(12.5, scale, INK, Pos::new(anchor, VPos::Top)),
        ))?;
        if !s.lines.1.is_empty() {
            area.draw(&Text::new(
                s.lines.1.clone(),
                (px(text_x), px(s.label.1 + 16.0 * scale)),
                font(11.0, scale, MUTED, Pos::new(anchor, VPos::Top)),
            ))?;
        }
    }
    Ok(spots)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::stakeholder::{chart_lines, org_chart, org_outline, Stakeholder};

    fn line(id: &str, name: &str, boss: Option<&str>) -> Stakeholder {
        Stakeholder { id: id.into(), name: name.into(), reports_to: boss.map(Into::into), ..Stakeholder::default() }
    }

    fn people(map: &[Stakeholder]) -> (Vec<Person>, Vec<(usize, usize)>) {
        placed_people(map, org_chart(map))
    }

    /// The people as the page draws them for a placement (tree or outline), in list order.
    fn placed_people(
        map: &[Stakeholder],
        placed: Vec<crate::domain::stakeholder::Placed>,
    ) -> (Vec<Person>, Vec<(usize, usize)>) {
        let mut out: Vec<Person> = placed
            .iter()
            .map(|p| Person {
                name: map[p.index].name.clone(),
                owner: "Owner: Sanne Bakker".into(),
                influence: 5,
                attitude: 2,
                depth: p.depth,
                slot: p.x,
                highlighted: false,
            })
            .collect();
        // Back in list order, as the page draws them.
        let mut order: Vec<(usize, Person)> = placed.iter().map(|p| p.index).zip(out.drain(..)).collect();
        order.sort_by_key(|(i, _)| *i);
        (order.into_iter().map(|(_, p)| p).collect(), chart_lines(map, &placed))
    }

    fn draw(people: &[Person], lines: &[(usize, usize)], w: u32, h: u32) -> (String, Vec<Spot>) {
        draw_as(OrgShape::Tree, people, lines, w, h)
    }

    fn draw_as(shape: OrgShape, people: &[Person], lines: &[(usize, usize)], w: u32, h: u32) -> (String, Vec<Spot>) {
        let mut out = String::new();
        let spots;
        {
            let area = SVGBackend::with_string(&mut out, (w, h)).into_drawing_area();
            spots = draw_org(&area, shape, people, lines, 1.0).unwrap();
            area.present().unwrap();
        }
        (out, spots)
    }

    fn overlaps(a: (f64, f64, f64, f64), b: (f64, f64, f64, f64)) -> bool {
        a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
    }

    #[test]
    fn everyone_drawn_once_with_lines_along_reporting() {
        let map = [
            line("ceo", "Marieke Jansen", None),
            line("cfo", "Pieter de Boer", Some("ceo")),
            line("buy", "Karin Visser", Some("cfo")),
            line("it", "Tom Mulder", Some("ceo")),
            line("ops", "Anouk Smit", Some("ceo")),
        ];
        let (ps, lines) = people(&map);
        let (w, h) = org_size(OrgShape::Tree, 3.0, 3);
        let (svg, spots) = draw(&ps, &lines, w as u32, h as u32);
        // A filled circle and an outline per person; each name written once.
        assert_eq!(svg.matches("<circle").count(), 2 * map.len());
        for p in &map {
            assert_eq!(svg.matches(&p.name).count(), 1, "{} drawn once", p.name);
        }
        // One line per reporting line, from the manager down to the report.
        assert_eq!(svg.matches("<polyline").count(), 4);
        for &(report, boss) in &lines {
            assert_eq!(map[report].reports_to.as_deref(), Some(map[boss].id.as_str()));
            assert!(spots[boss].y < spots[report].y, "{} is drawn above {}", map[boss].name, map[report].name);
        }
    }

    #[test]
    fn labels_never_overlap_even_when_crowded() {
        // Twelve people reporting to one, with long names, on a narrow chart.
        let mut map = vec![line("boss", "Directeur Inkoop en Logistiek Benelux", None)];
        for i in 0..12 {
            map.push(line(&format!("p{i}"), &format!("Medewerker met een lange naam {i}"), Some("boss")));
        }
        let (ps, lines) = people(&map);
        for w in [320.0, 800.0, org_size(OrgShape::Tree, 12.0, 2).0] {
            let (_, spots) = draw(&ps, &lines, w as u32, 260);
            for (i, a) in spots.iter().enumerate() {
                for b in &spots[i + 1..] {
                    assert!(!overlaps(a.label, b.label), "{:?} overlaps {:?} at {w}", a.lines, b.lines);
                }
            }
        }
    }

    #[test]
    fn an_outline_fits_a_phone_with_names_in_full() {
        // Four levels, four people across: a tree would need 4 slots (528 px).
        let map = [
            line("ceo", "Marieke Jansen", None),
            line("cfo", "Pieter de Boer", Some("ceo")),
            line("buy", "Karin Visser", Some("cfo")),
            line("ctl", "Joost van Dijk", Some("buy")),
            line("it", "Tom Mulder", Some("ceo")),
            line("ops", "Anouk Smit", Some("ceo")),
        ];
        let (ps, lines) = placed_people(&map, org_outline(&map));
        let (w, h) = (320.0, org_size(OrgShape::Outline, map.len() as f64, 4).1);
        let (svg, spots) = draw_as(OrgShape::Outline, &ps, &lines, w as u32, h as u32);
        assert_eq!(svg.matches("<polyline").count(), 5, "one line per reporting line");
        for (p, s) in map.iter().zip(&spots) {
            assert_eq!(s.lines.0, p.name, "the name is written in full");
            assert!(s.label.2 <= w && s.x - s.r >= 0.0 && s.y + s.r <= h, "{} fits the box: {s:?}", p.name);
        }
        for (i, a) in spots.iter().enumerate() {
            for b in &spots[i + 1..] {
                assert!(!overlaps(a.label, b.label), "{:?} overlaps {:?}", a.lines, b.lines);
            }
        }
        // A report is drawn under and right of their manager.
        for &(report, boss) in &lines {
            assert!(spots[report].y > spots[boss].y && spots[report].x > spots[boss].x);
        }
    }
}
