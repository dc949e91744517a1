//! Charts on the page. [`canvas_chart`] is the one canvas host: a `<canvas>` and an effect
//! that repaints it whenever the data it reads or the window size changes. The charts below
//! only say what to draw.

use leptos::html;
use leptos::prelude::*;
use plotters::coord::Shift;
use plotters::prelude::DrawingArea;
use plotters_canvas::CanvasBackend;

use crate::charts::{self, canvas::paint, ContributionBar, DrawResult, KpiSeries, RankPair};
use crate::domain::criteria::Criterion;
use crate::domain::plan::Kpi;
use crate::domain::portfolio::{charted, revenue_moves, Move};
use crate::domain::scoring::{AccountScore, ScoringSettings, Tier};
use crate::domain::workspace::Workspace;
use crate::i18n::t;
use crate::ui::components::keyed::Item;
use crate::ui::state::{use_app, AppState};

/// How many accounts the rank comparison shows at most: beyond that it turns to mush.
pub const RANK_CHART_MAX: usize = 15;

pub type Area = DrawingArea<CanvasBackend, Shift>;

/// A canvas of the given CSS height that paints `data` with `draw`. `data` is read in an
/// effect, so the chart repaints when it changes; so does a window resize. A repaint waits
/// until the next frame is painted; with `deferred`, so does the first paint, so that what is
/// above the chart comes first (on a cold start, and when a weight change reorders a long
/// table above it).
pub fn canvas_chart<T, D, F>(
    state: AppState,
    height: Signal<f64>,
    label: String,
    class: &'static str,
    deferred: bool,
    data: D,
    draw: F,
) -> impl IntoView
where
    T: 'static,
    D: Fn() -> T + 'static,
    F: Fn(&Area, &T, f64) -> DrawResult<CanvasBackend> + Clone + 'static,
{
    let canvas = NodeRef::<html::Canvas>::new();
    Effect::new(move |painted: Option<bool>| {
        state.viewport.track();
        let Some(el) = canvas.get() else { return false };
        let (h, data) = (height.get(), data());
        let draw = draw.clone();
        let paint_now = move || {
            paint(&el, h, |area, scale| draw(area, &data, scale));
        };
        // A repaint (the data changed with an edit) always waits: at once, reading the canvas's
        // width laid out the page the edit had just changed (1.4 ms of a revenue edit at 10,000).
        if deferred || painted == Some(true) {
            // After the next frame is painted: the page's layout is then done, so the canvas's
            // width is read without forcing the browser to lay out the page once more.
            request_animation_frame(move || set_timeout(paint_now, std::time::Duration::ZERO));
        } else {
            paint_now();
        }
        true
    });
    view! {
        <canvas node_ref=canvas class=class style=move || format!("height:{}px", height.get()) role="img" aria-label=label></canvas>
    }
}

/// What each criterion adds to an account's score.
#[component]
pub fn ContributionChart(score: Signal<Option<AccountScore>>, settings: Signal<ScoringSettings>) -> impl IntoView {
    let t = t();
    let bars = move || {
        let (score, settings) = (score.get()?, settings.get());
        let bars: Vec<ContributionBar> = Criterion::ALL
            .iter()
            .map(|&c| {
                let cs = score.get(c);
                let max = settings.weights.get(c);
                ContributionBar {
                    label: (t.criterion)(c).to_string(),
                    points: cs.rating.map(|_| cs.points),
                    max,
                    value_text: match cs.rating {
                        Some(_) => (t.points)(cs.points, max),
                        None => (t.tier)(Tier::Incomplete).to_string(),
                    },
                }
            })
            .collect();
        Some(bars)
    };
    let chart = canvas_chart(
        use_app(),
        Signal::stored(5.0 * 40.0),
        t.chart_contrib_title.to_string(),
        "",
        false,
        bars,
        |area, bars: &Option<Vec<ContributionBar>>, scale| match bars {
            Some(bars) => charts::draw_contributions(area, bars, scale),
            None => Ok(()),
        },
    );
    view! {
        <figure class="chart">
            {chart}
            <figcaption>{t.chart_contrib_caption}</figcaption>
        </figure>
    }
}

/// Revenue won per quarter, from an account's deal history.
#[component]
pub fn QuarterChart(deals: Signal<Option<crate::domain::deals::DealSummary>>) -> impl IntoView {
    let t = t();
    let state = use_app();
    let bars = move || {
        let currency = state.currency.get();
        deals.get().map(|d| {
            d.quarters
                .iter()
                .enumerate()
                .map(|(i, &value)| {
                    let (year, quarter) = crate::domain::deals::quarter_label(d.as_of, i);
                    charts::QuarterBar {
                        label: (t.crm.quarter)(year, quarter),
                        value,
                        value_text: (t.crm.money_short)(value, currency),
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    let chart = canvas_chart(
        state,
        Signal::stored(charts::QUARTERS_HEIGHT),
        t.crm.quarters_title.to_string(),
        "",
        false,
        bars,
        |area, bars: &Option<Vec<charts::QuarterBar>>, scale| match bars {
            Some(bars) => charts::draw_quarters(area, bars, scale),
            None => Ok(()),
        },
    );
    view! {
        <figure class="chart">
            {chart}
            <figcaption>{t.crm.quarters_caption}</figcaption>
        </figure>
    }
}

/// Rank by revenue against rank by score, for the top accounts by either.
#[component]
pub fn RankShiftChart() -> impl IntoView {
    let state = use_app();
    let pairs = Memo::new(move |_| {
        state.workspace.with(|ws| {
            state.ranking.with(|ranking| {
                let decided_key = |i: usize| ranking.iter().any(|r| r.index == i && r.standing().tier == Tier::Key);
                rank_pairs(ws, &charted(&revenue_moves(ranking), RANK_CHART_MAX), decided_key)
            })
        })
    });
    let t = t();
    view! {
        <RankPairsChart pairs=pairs left=t.chart_by_revenue right=t.chart_by_score label=t.chart_rank_title caption=t.chart_rank_caption />
    }
}

/// Chart lines for rank moves; `emphasise` draws an account's line bolder.
pub fn rank_pairs(ws: &Workspace, moves: &[Move], emphasise: impl Fn(usize) -> bool) -> Vec<RankPair> {
    moves
        .iter()
        .filter_map(|m| {
            Some(RankPair {
                name: ws.accounts.get(m.index)?.fields.name.clone(),
                revenue_rank: m.before?,
                score_rank: m.after?,
                gained: m.gained(),
                emphasised: emphasise(m.index),
            })
        })
        .collect()
}

/// Two rankings side by side, a line per account (rank by revenue against rank by score, or
/// rank now against rank with the what-if settings).
#[component]
pub fn RankPairsChart(
    pairs: Memo<Vec<RankPair>>,
    left: &'static str,
    right: &'static str,
    label: &'static str,
    caption: &'static str,
) -> impl IntoView {
    let height = Signal::derive(move || charts::rank_shift_height(pairs.with(Vec::len)));
    let chart = canvas_chart(
        use_app(),
        height,
        label.to_string(),
        "",
        true,
        move || pairs.get(),
        move |area, pairs: &Vec<RankPair>, scale| charts::draw_rank_shift(area, pairs, left, right, scale),
    );
    view! {
        <figure class="chart">
            {chart}
            {(!caption.is_empty()).then(|| view! { <figcaption>{caption}</figcaption> })}
        </figure>
    }
}

/// The chart data of a KPI.
pub fn kpi_series(k: &Kpi) -> KpiSeries {
    let first = k.measurements.first().map(|m| m.date);
    let last = k.target_date.or(k.measurements.last().map(|m| m.date));
    KpiSeries {
        points: k.measurements.iter().map(|m| (m.date.day_number(), m.value)).collect(),
        baseline: k.baseline,
        target: k.target,
        target_day: k.target_date.map(|d| d.day_number()),
        first_label: first.map(|d| (t().date)(d)).unwrap_or_default(),
        last_label: last.filter(|l| Some(*l) != first).map(|d| (t().date)(d)).unwrap_or_default(),
        target_label: (t().plan.target_line)(&(t().number_short)(k.target)),
        baseline_text: (t().number_short)(k.baseline),
        target_text: (t().number_short)(k.target),
    }
}

/// A KPI's measurements against its target: a full chart, or a sparkline (`compact`).
pub fn kpi_chart(state: AppState, kpi: Item<Kpi>, height: f64, compact: bool) -> impl IntoView {
    let label = (t().plan.chart_of)(&kpi.with_untracked(|k| k.name.clone()));
    canvas_chart(
        state,
        Signal::stored(height),
        label,
        if compact { "sparkline" } else { "" },
        false,
        move || kpi.with(kpi_series),
        move |area, series: &KpiSeries, scale| charts::draw_kpi(area, series, compact, scale),
    )
}

/// A chart that answers the pointer (the portfolio matrix, the org chart): moving over it lights
/// the item `at` finds under the pointer and shows its tip, leaving puts it out, and a click picks
/// it. `tip` gives the text and the spot (centre and radius, CSS pixels) the tip sits above.
pub fn pointer_canvas<K: Clone + PartialEq + Send + Sync + 'static>(
    chart: impl IntoView + 'static,
    lit: RwSignal<Option<K>>,
    at: impl Fn(f64, f64) -> Option<K> + Copy + 'static,
    tip: impl Fn(&K) -> Option<(String, (f64, f64, f64))> + Send + Sync + 'static,
    pick: impl Fn(K) + 'static,
    min_width: Signal<Option<f64>>,
) -> impl IntoView {
    let on_move = move |ev: leptos::ev::MouseEvent| {
        let hit = at(ev.offset_x() as f64, ev.offset_y() as f64);
        if lit.with_untracked(|l| *l != hit) {
            lit.set(hit);
        }
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if let Some(k) = at(ev.offset_x() as f64, ev.offset_y() as f64) {
            pick(k);
        }
    };
    let tip = move || {
        let (text, (x, y, r)) = lit.with(|l| l.as_ref().and_then(&tip))?;
        let style = format!("left:{x:.0}px;top:{:.0}px", (y - r - 6.0).max(0.0));
        Some(view! { <div class="bubble-tip" style=style aria-hidden="true">{text}</div> })
    };
    view! {
        <div
            class="matrix-canvas"
            class:pointing=move || lit.with(Option::is_some)
            style=move || min_width.get().map(|w| format!("min-width:{w:.0}px"))
            on:mousemove=on_move
            on:mouseleave=move |_| lit.set(None)
            on:click=on_click
        >
            {chart}
            {tip}
        </div>
    }
}

/// An account's score and tier over time (`domain::history`), today's value included.
#[component]
pub fn ScoreHistory(id: StoredValue<String>, ranked: Memo<Option<crate::domain::scoring::Ranked>>) -> impl IntoView {
    use crate::domain::history::{record, ScorePoint};
    let t = t();
    let state = use_app();
    let today = crate::platform::today();
    // The recorded points with today's value as it stands (recorded a moment after it settles).
    let points = Memo::new(move |_| {
        let mut h = state.workspace.with(|w| id.with_value(|id| w.find(id).map(|a| a.history.clone())))?;
        if h.is_empty() {
            return None;
        }
        if let Some(r) = ranked.get() {
            record(&mut h, ScorePoint(today, r.score.shown(), r.standing().tier));
        }
        Some(h)
    });
    let series = move || {
        let thresholds = state.workspace.with(|w| w.scoring.thresholds);
        points.get().map(|h| charts::HistorySeries {
            points: h
                .iter()
                .map(|p| (p.day().day_number(), p.score(), Tier::ALL.iter().position(|x| *x == p.tier()).unwrap_or(3)))
                .collect(),
            key: thresholds.key(),
            watch: thresholds.watch(),
            key_label: (t.tier)(Tier::Key).to_string(),
            watch_label: (t.tier)(Tier::Watch).to_string(),
            first_label: h.first().map(|p| (t.date_long)(p.day())).unwrap_or_default(),
            last_label: h.last().map(|p| (t.date_long)(p.day())).unwrap_or_default(),
        })
    };
    let summary = move || {
        points.with(|h| {
            let h = h.as_ref()?;
            let (first, last) = (h.first()?, h.last()?);
            let change = Some(i32::from(last.score()?) - i32::from(first.score()?));
            Some((t.held.history_summary)(
                last.score(),
                &(t.date_long)(first.day()),
                change.filter(|_| first.score().is_some()),
            ))
        })
    };
    let chart = canvas_chart(
        state,
        Signal::stored(charts::HISTORY_HEIGHT),
        t.held.history_title.to_string(),
        "",
        true,
        series,
        |area, s: &Option<charts::HistorySeries>, scale| match s {
            Some(s) => charts::draw_history(area, s, scale),
            None => Ok(()),
        },
    );
    view! {
        <section class="panel history-panel">
            <h2>{t.held.history_title}</h2>
            <Show when=move || points.with(Option::is_some) fallback=move || view! { <p class="hint">{t.held.history_empty}</p> }>
                <p class="history-summary">{summary}</p>
            </Show>
            <figure class="chart" class:hidden=move || points.with(Option::is_none)>{chart}</figure>
        </section>
    }
}
