//! The one-screen summary: goals, next actions, KPIs with sparklines, SWOT.

use leptos::html;
use leptos::prelude::*;

use crate::charts::{self, canvas::paint};
use crate::domain::plan::{ActionStatus, Kpi, ObjectiveStatus, Quadrant};
use crate::i18n::t;
use crate::ui::plan::measure::kpi_series;
use crate::ui::plan::use_plan;
use crate::ui::route::{Route, Section};
use crate::ui::state::use_app;

const SHOWN: usize = 5;

#[component]
pub fn Summary() -> impl IntoView {
    let ctx = use_plan();
    let t = t();
    let today = ctx.today;
    let more_link = move |n: usize, section: Section| {
        (n > SHOWN).then(|| {
            view! { <a class="more" href=Route::Plan(ctx.account_id.get_value(), section).href()>{(t.plan.more)(n - SHOWN)}</a> }
        })
    };

    let goals = move || {
        ctx.plan.with(|p| {
            let Some(p) = p else { return ().into_any() };
            let mut live: Vec<_> = p.objectives.iter().filter(|o| o.status != ObjectiveStatus::Dropped).collect();
            live.sort_by_key(|o| (o.status == ObjectiveStatus::Done, !o.at_risk(today), o.target));
            if live.is_empty() {
                return view! { <p class="hint">{t.plan.none_yet}</p> }.into_any();
            }
            let n = live.len();
            view! {
                <ul class="summary-list">
                    {live
                        .into_iter()
                        .take(SHOWN)
                        .map(|o| {
                            let risk = o.at_risk(today);
                            let thin = p.live_actions(&o.id) < 2 && o.status != ObjectiveStatus::Done;
                            view! {
                                <li>
                                    <span class=format!("chip status-{}", o.status.slug())>{(t.plan.objective_status)(o.status)}</span>
                                    <span class="item-title">{o.what.clone()}</span>
                                    {risk.then(|| view! { <span class="chip chip-bad">{t.plan.at_risk}</span> })}
                                    {thin.then(|| view! { <span class="chip chip-warn">{t.plan.thin_objective}</span> })}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
                {more_link(n, Section::Goals)}
            }
            .into_any()
        })
    };

    let actions = move || {
        ctx.plan.with(|p| {
            let Some(p) = p else { return ().into_any() };
            let mut pending: Vec<_> = p.actions.iter().filter(|a| a.status != ActionStatus::Done).collect();
            pending.sort_by_key(|a| (a.due.is_none(), a.due));
            if pending.is_empty() {
                return view! { <p class="hint">{t.plan.none_yet}</p> }.into_any();
            }
            let n = pending.len();
            view! {
                <ul class="summary-list">
                    {pending
                        .into_iter()
                        .take(SHOWN)
                        .map(|a| {
                            let overdue = a.overdue(today);
                            view! {
                                <li class:overdue=overdue>
                                    <span class="item-title">{a.title.clone()}</span>
                                    <span class="meta">{a.owner.clone()}</span>
                                    <span class="meta">{a.due.map(|d| d.to_string())}</span>
                                    {overdue.then(|| view! { <span class="chip chip-bad">{t.plan.overdue}</span> })}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
                {more_link(n, Section::Deliver)}
            }
            .into_any()
        })
    };

    let kpis = move || {
        ctx.plan.with(|p| {
            let Some(p) = p else { return ().into_any() };
            if p.kpis.is_empty() {
                return view! { <p class="hint">{t.plan.none_yet}</p> }.into_any();
            }
            view! {
                <ul class="summary-list kpi-list">
                    {p.kpis.iter().map(|k| view! { <KpiLine kpi=k.clone() /> }).collect_view()}
                </ul>
            }
            .into_any()
        })
    };

    let swot = move || {
        ctx.plan.with(|p| {
            let Some(p) = p else { return ().into_any() };
            view! {
                <div class="swot-mini">
                    {Quadrant::ALL
                        .into_iter()
                        .map(|q| {
                            let list = p.swot.list(q).clone();
                            view! {
                                <div class=format!("quadrant q-{}", q.slug())>
                                    <h4>{(t.plan.quadrant)(q)}</h4>
                                    <ul>{list.into_iter().take(3).map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
                                </div>
                            }
                        })
                        .collect_view()}
                </div>
            }
            .into_any()
        })
    };

    let needs_line = move || {
        let state = use_app();
        let potential =
            state.workspace.with(|w| ctx.account_id.with_value(|id| w.find(id).and_then(|a| a.fields.potential)));
        let open = ctx.plan.with(|p| p.as_ref().map_or(0.0, |p| p.open_needs_value()));
        (open > 0.0).then(|| view! { <p class="hint">{(t.plan.open_needs)(&(t.money)(open), &(t.money)(potential.unwrap_or(0.0)))}</p> })
    };

    view! {
        <div class="summary-grid">
            <section class="panel">
                <h2><a href=move || Route::Plan(ctx.account_id.get_value(), Section::Goals).href()>{t.plan.sum_goals}</a></h2>
                {goals}
            </section>
            <section class="panel">
                <h2><a href=move || Route::Plan(ctx.account_id.get_value(), Section::Deliver).href()>{t.plan.sum_actions}</a></h2>
                {actions}
            </section>
            <section class="panel">
                <h2><a href=move || Route::Plan(ctx.account_id.get_value(), Section::Measure).href()>{t.plan.sum_kpis}</a></h2>
                {kpis}
            </section>
            <section class="panel">
                <h2><a href=move || Route::Plan(ctx.account_id.get_value(), Section::Swot).href()>{t.plan.sum_swot}</a></h2>
                {swot}
                {needs_line}
            </section>
        </div>
    }
}

/// A KPI in one line: name, latest against target, progress and a sparkline.
#[component]
fn KpiLine(kpi: Kpi) -> impl IntoView {
    let t = t();
    let ctx = use_plan();
    let state = use_app();
    let canvas = NodeRef::<html::Canvas>::new();
    let series = kpi_series(&kpi);
    Effect::new(move |_| {
        state.viewport.track();
        if let Some(el) = canvas.get() {
            paint(&el, 32.0, |area, scale| charts::draw_kpi(area, &series, true, scale));
        }
    });
    let off = kpi.off_target(ctx.today);
    let progress = kpi.progress().map(t.plan.progress);
    let latest = kpi
        .latest()
        .map(|m| format!("{} / {} {}", charts::short_number(m.value), charts::short_number(kpi.target), kpi.unit));
    view! {
        <li class="kpi-line">
            <span class="item-title">{kpi.name.clone()}</span>
            <canvas class="sparkline" node_ref=canvas style="height:32px" role="img" aria-label=(t.plan.chart_of)(&kpi.name)></canvas>
            <span class="meta">{latest.unwrap_or_else(|| t.plan.no_measurements.to_string())}</span>
            <span class="meta">{progress}</span>
            {off.then(|| view! { <span class="chip chip-bad">{t.plan.off_target}</span> })}
        </li>
    }
}
