//! The portfolio matrix on a canvas, shared by the overview and the portfolio page. Hovering
//! a bubble names the account; clicking it opens the account. `highlight` is shared with
//! whatever lists the same accounts, so focusing a list entry lights up its bubble.

use leptos::prelude::*;

use crate::charts::matrix::{draw_matrix, Bubble, MatrixTexts, Spot};
use crate::domain::account::{Account, Stage};
use crate::domain::portfolio::{place, Quadrant};
use crate::domain::scoring::Tier;
use crate::i18n::t;
use crate::ui::components::chart::{canvas_chart, pointer_canvas};
use crate::ui::route::Route;
use crate::ui::state::AppState;

/// One account on the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    pub id: String,
    pub quadrant: Quadrant,
    pub bubble: Bubble,
}

pub fn quadrant_slot(q: Quadrant) -> usize {
    Quadrant::ALL.iter().position(|x| *x == q).unwrap_or(3)
}

/// The placed accounts (as chart points) and the (id, name) of those that could not be
/// placed, filtered by owner, sector and tier ("" = all).
pub fn points(state: AppState, owner: &str, sector: &str, tier: &str) -> (Vec<Point>, Vec<(String, String)>) {
    state.workspace.with(|w| {
        state.ranking.with(|ranking| {
            let keep = |a: &Account, t: Tier| {
                (owner.is_empty() || a.fields.owner == owner)
                    && (sector.is_empty() || a.fields.sector == sector)
                    && (tier.is_empty() || t.slug() == tier)
            };
            let (placed, unplaced) = place(&w.accounts, ranking, &w.scoring.weights, keep);
            let points = placed
                .into_iter()
                .map(|p| {
                    let a = &w.accounts[p.index];
                    Point {
                        id: a.id.clone(),
                        quadrant: p.quadrant,
                        bubble: Bubble {
                            name: a.fields.name.clone(),
                            attractiveness: p.attractiveness,
                            stage: p.stage.number(),
                            revenue: p.revenue,
                            quadrant: quadrant_slot(p.quadrant),
                            highlighted: false,
                        },
                    }
                })
                .collect();
            let unplaced =
                unplaced.into_iter().map(|i| (w.accounts[i].id.clone(), w.accounts[i].fields.name.clone())).collect();
            (points, unplaced)
        })
    })
}

fn matrix_texts() -> MatrixTexts<'static> {
    let tp = &t().portfolio;
    MatrixTexts {
        y_axis: tp.axis_attractiveness,
        x_axis: tp.axis_strength,
        quadrants: Quadrant::ALL.map(tp.quadrant),
        stages: Stage::ALL.map(tp.stage),
    }
}

/// The matrix as an SVG image (`data:` address) `w`×`h` CSS pixels, for print, where the
/// canvas would print at screen resolution.
pub fn matrix_image(points: &[Point], w: u32, h: u32) -> String {
    let bubbles: Vec<Bubble> = points.iter().map(|p| p.bubble.clone()).collect();
    let svg = crate::charts::to_svg(w, h, |area| draw_matrix(area, &bubbles, &matrix_texts(), 1.0).map(|_| ()));
    crate::charts::svg_data_url(&svg)
}

#[component]
pub fn MatrixChart(points: Memo<Vec<Point>>, highlight: RwSignal<Option<String>>, height: f64) -> impl IntoView {
    let state = crate::ui::state::use_app();
    // Where the last drawing put each bubble, in CSS pixels, for hit-testing.
    let spots = StoredValue::new(Vec::<Spot>::new());
    let tp = &t().portfolio;
    let bubbles = move || {
        let lit = highlight.get();
        points.with(|ps| {
            ps.iter()
                .map(|p| Bubble { highlighted: lit.as_deref() == Some(p.id.as_str()), ..p.bubble.clone() })
                .collect::<Vec<_>>()
        })
    };
    let draw = move |area: &crate::ui::components::chart::Area, bubbles: &Vec<Bubble>, scale: f64| {
        let drawn = draw_matrix(area, bubbles, &matrix_texts(), scale)?;
        let css = drawn.into_iter().map(|sp| Spot { x: sp.x / scale, y: sp.y / scale, r: sp.r / scale, label: None });
        spots.set_value(css.collect());
        Ok(())
    };
    let chart = canvas_chart(state, Signal::stored(height), tp.matrix_label.to_string(), "", false, bubbles, draw);
    // The bubble under the pointer: the smallest one that contains it (small ones are on top).
    let at = move |x: f64, y: f64| -> Option<String> {
        let hit = spots.with_value(|spots| {
            spots
                .iter()
                .enumerate()
                .filter(|(_, s)| (s.x - x).powi(2) + (s.y - y).powi(2) <= (s.r + 2.0).powi(2))
                .min_by(|a, b| a.1.r.total_cmp(&b.1.r))
                .map(|(i, _)| i)
        })?;
        points.with_untracked(|ps| ps.get(hit).map(|p| p.id.clone()))
    };
    let tip = move |id: &String| {
        let i = points.with(|ps| ps.iter().position(|p| p.id == *id))?;
        let spot = spots.with_value(|s| s.get(i).copied())?;
        let text = points.with(|ps| {
            let b = &ps[i].bubble;
            let stage = Stage::ALL.get(b.stage.saturating_sub(1) as usize).map_or("", |s| (tp.stage)(*s));
            (tp.bubble)(&b.name, b.attractiveness, stage)
        });
        Some((text, (spot.x, spot.y, spot.r)))
    };
    let pick = move |id: String| state.navigate(Route::Account(id));
    view! {
        <figure class="chart matrix">
            {pointer_canvas(chart, highlight, at, tip, pick, Signal::stored(None))}
            <figcaption>{tp.matrix_help}</figcaption>
        </figure>
    }
}
