//! The portfolio matrix page: the chart, filters, and the same accounts as a list by
//! quadrant for keyboard and screen-reader users. Hovering a bubble or focusing its list
//! entry names the account; clicking either opens it.

use leptos::html;
use leptos::prelude::*;

use crate::charts::canvas::paint;
use crate::charts::matrix::{draw_matrix, Bubble, MatrixTexts, Spot};
use crate::domain::portfolio::{place, Quadrant, Stage};
use crate::domain::scoring::Tier;
use crate::i18n::t;
use crate::ui::accounts::NeedsAccounts;
use crate::ui::fields::{distinct_options, filter_select};
use crate::ui::route::Route;
use crate::ui::state::{use_app, AppState};

/// One account on the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    pub id: String,
    pub quadrant: Quadrant,
    pub bubble: Bubble,
}

fn quadrant_slot(q: Quadrant) -> usize {
    Quadrant::ALL.iter().position(|x| *x == q).unwrap_or(3)
}

/// The placed accounts (as chart points) and how many could not be placed, filtered by
/// owner, sector and tier ("" = all).
pub fn points(state: AppState, owner: &str, sector: &str, tier: &str) -> (Vec<Point>, Vec<(String, String)>) {
    state.workspace.with(|w| {
        state.ranking.with(|ranking| {
            let keep = |a: &crate::domain::account::Account, t: Tier| {
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

/// The matrix on a canvas. `highlight` is shared with whatever lists the same accounts.
#[component]
pub fn MatrixChart(points: Memo<Vec<Point>>, highlight: RwSignal<Option<String>>, height: f64) -> impl IntoView {
    let state = use_app();
    let canvas = NodeRef::<html::Canvas>::new();
    // Where the last drawing put each bubble, in CSS pixels, for hit-testing.
    let spots = StoredValue::new(Vec::<Spot>::new());
    let tp = &t().portfolio;
    Effect::new(move |_| {
        state.viewport.track();
        let Some(el) = canvas.get() else { return };
        let lit = highlight.get();
        let bubbles: Vec<Bubble> = points.with(|ps| {
            ps.iter()
                .map(|p| Bubble { highlighted: lit.as_deref() == Some(p.id.as_str()), ..p.bubble.clone() })
                .collect()
        });
        let texts = MatrixTexts {
            y_axis: tp.axis_attractiveness,
            x_axis: tp.axis_strength,
            quadrants: Quadrant::ALL.map(tp.quadrant),
            stages: Stage::ALL.map(tp.stage),
        };
        let mut drawn = Vec::new();
        let mut scale = 1.0;
        paint(&el, height, |area, s| {
            scale = s;
            draw_matrix(area, &bubbles, &texts, s).map(|out| drawn = out)
        });
        let css: Vec<Spot> = drawn
            .into_iter()
            .map(|sp| Spot { x: sp.x / scale, y: sp.y / scale, r: sp.r / scale, label: None })
            .collect();
        spots.set_value(css);
    });
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
    let on_move = move |ev: leptos::ev::MouseEvent| {
        let id = at(ev.offset_x() as f64, ev.offset_y() as f64);
        if highlight.get_untracked() != id {
            highlight.set(id);
        }
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if let Some(id) = at(ev.offset_x() as f64, ev.offset_y() as f64) {
            state.navigate(Route::Account(id));
        }
    };
    let tip = move || {
        let id = highlight.get()?;
        let i = points.with(|ps| ps.iter().position(|p| p.id == id))?;
        let spot = spots.with_value(|s| s.get(i).copied())?;
        let text = points.with(|ps| {
            let b = &ps[i].bubble;
            let stage = Stage::ALL.get(b.stage.saturating_sub(1) as usize).map_or("", |s| (tp.stage)(*s));
            (tp.bubble)(&b.name, b.attractiveness, stage)
        });
        let style = format!("left:{:.0}px;top:{:.0}px", spot.x, (spot.y - spot.r - 6.0).max(0.0));
        Some(view! { <div class="bubble-tip" style=style aria-hidden="true">{text}</div> })
    };
    view! {
        <figure class="chart matrix">
            <div class="matrix-canvas">
                <canvas
                    node_ref=canvas
                    style=format!("height:{height}px")
                    role="img"
                    aria-label=tp.matrix_label
                    class:pointing=move || highlight.with(Option::is_some)
                    on:mousemove=on_move
                    on:mouseleave=move |_| highlight.set(None)
                    on:click=on_click
                ></canvas>
                {tip}
            </div>
            <figcaption>{tp.matrix_help}</figcaption>
        </figure>
    }
}

#[component]
pub fn PortfolioPage() -> impl IntoView {
    view! { <NeedsAccounts><Matrix /></NeedsAccounts> }
}

#[component]
fn Matrix() -> impl IntoView {
    let state = use_app();
    let t = t();
    let tp = &t.portfolio;
    let (owner, sector, tier) =
        (RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()));
    let data = Memo::new(move |_| points(state, &owner.read(), &sector.read(), &tier.read()));
    let pts = Memo::new(move |_| data.with(|d| d.0.clone()));
    let highlight = RwSignal::new(None::<String>);
    // Filter options depend on the accounts only, never on the scoring.
    let distinct = move |field: fn(&crate::domain::account::AccountFields) -> &String| {
        state.workspace.with(|w| distinct_options(w.accounts.iter().map(|a| field(&a.fields))))
    };

    let list = move || {
        Quadrant::ALL
            .into_iter()
            .map(|q| {
                let entries = pts.with(|ps| {
                    let mut v: Vec<(String, String)> =
                        ps.iter().filter(|p| p.quadrant == q).map(|p| (p.id.clone(), p.bubble.name.clone())).collect();
                    v.sort_by_key(|(_, n)| n.to_lowercase());
                    v
                });
                let items = if entries.is_empty() {
                    view! { <li class="muted">{tp.none_here}</li> }.into_any()
                } else {
                    entries
                        .into_iter()
                        .map(|(id, name)| {
                            let (focus_id, hover_id, lit_id) = (id.clone(), id.clone(), id.clone());
                            view! {
                                <li class:lit=move || highlight.with(|h| h.as_deref() == Some(lit_id.as_str()))>
                                    <a
                                        href=Route::Account(id).href()
                                        on:focus=move |_| highlight.set(Some(focus_id.clone()))
                                        on:mouseenter=move |_| highlight.set(Some(hover_id.clone()))
                                        on:blur=move |_| highlight.set(None)
                                        on:mouseleave=move |_| highlight.set(None)
                                    >
                                        {name}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()
                        .into_any()
                };
                view! {
                    <section class=format!("quadrant quadrant-{}", quadrant_slot(q))>
                        <h3>{(tp.quadrant)(q)}</h3>
                        <p class="hint">{(tp.stance)(q)}</p>
                        <ul>{items}</ul>
                    </section>
                }
            })
            .collect_view()
    };
    let unplaced = move || {
        let missing = data.with(|d| d.1.clone());
        (!missing.is_empty()).then(|| {
            view! {
                <details class="unplaced">
                    <summary>{(tp.unplaced)(missing.len())}</summary>
                    <ul>
                        {missing
                            .into_iter()
                            .map(|(id, name)| view! { <li><a href=Route::Account(id).href()>{name}</a></li> })
                            .collect_view()}
                    </ul>
                </details>
            }
        })
    };

    view! {
        <section class="page portfolio">
            <div class="page-head">
                <h1>{tp.matrix_title}</h1>
            </div>
            <div class="filters">
                {filter_select(t.filter_owner, "matrix-owner", owner, Box::new(move || distinct(|f| &f.owner)))}
                {filter_select(t.filter_sector, "matrix-sector", sector, Box::new(move || distinct(|f| &f.sector)))}
                {filter_select(t.filter_tier, "matrix-tier", tier, Box::new(move || Tier::ALL.iter().map(|&x| (x.slug().to_string(), (t.tier)(x).to_string())).collect()))}
            </div>
            <div class="matrix-layout">
                <div class="panel">
                    <Show when=move || pts.with(|p| !p.is_empty()) fallback=move || view! { <p class="empty-note">{tp.matrix_empty}</p> }>
                        <MatrixChart points=pts highlight=highlight height=520.0 />
                    </Show>
                    {unplaced}
                </div>
                <nav class="panel matrix-list" aria-label=tp.list_title>
                    <h2>{tp.list_title}</h2>
                    {list}
                </nav>
            </div>
        </section>
    }
}
