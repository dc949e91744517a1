//! The one-screen summary: goals, next actions, KPIs with sparklines, SWOT.

use leptos::prelude::*;

use crate::domain::plan::{Action, ActionStatus, Kpi, Objective, ObjectiveStatus, Quadrant};
use crate::domain::stakeholder::coverage;
use crate::i18n::t;
use crate::ui::components::chart::kpi_chart;
use crate::ui::components::keyed::{keyed, Item};
use crate::ui::components::plan::use_plan;
use crate::ui::components::stakeholders::CoverageList;
use crate::ui::route::{Route, Section};

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

    // Live goals, what needs attention first.
    let goals = Memo::new(move |_| {
        ctx.plan.with(|p| {
            let Some(p) = p else { return (Vec::new(), 0) };
            let mut live: Vec<(Objective, bool)> = p
                .objectives
                .iter()
                .filter(|o| o.status != ObjectiveStatus::Dropped)
                .map(|o| (o.clone(), p.is_thin(o)))
                .collect();
            live.sort_by_key(|(o, _)| (o.status == ObjectiveStatus::Done, !o.at_risk(today), o.target));
            let n = live.len();
            live.truncate(SHOWN);
            (live, n)
        })
    });
    let goal_items = keyed(
        Signal::derive(move || goals.with(|g| g.0.clone())),
        |(o, _): &(Objective, bool)| o.id.clone(),
        move |item| {
            view! {
                <li>
                    {move || item.with(|(o, thin)| {
                        view! {
                            <span class=format!("chip status-{}", o.status.slug())>{(t.plan.objective_status)(o.status)}</span>
                            <span class="item-title">{o.what.clone()}</span>
                            {o.at_risk(today).then(|| view! { <span class="chip chip-bad">{t.plan.at_risk}</span> })}
                            {thin.then(|| view! { <span class="chip chip-warn">{t.plan.thin_objective}</span> })}
                        }
                    })}
                </li>
            }
        },
    );

    let actions = Memo::new(move |_| {
        ctx.plan.with(|p| {
            let Some(p) = p else { return (Vec::new(), 0) };
            let mut pending: Vec<Action> =
                p.actions.iter().filter(|a| a.status != ActionStatus::Done).cloned().collect();
            pending.sort_by_key(|a| (a.due.is_none(), a.due));
            let n = pending.len();
            pending.truncate(SHOWN);
            (pending, n)
        })
    });
    let action_items = keyed(
        Signal::derive(move || actions.with(|a| a.0.clone())),
        |a: &Action| a.id.clone(),
        move |a| {
            view! {
                <li class:overdue=move || a.with(|a| a.overdue(today))>
                    {move || a.with(|a| view! {
                        <span class="item-title">{a.title.clone()}</span>
                        <span class="meta">{a.owner.clone()}</span>
                        <span class="meta">{a.due.map(t.date)}</span>
                        {a.overdue(today).then(|| view! { <span class="chip chip-bad">{t.plan.overdue}</span> })}
                    })}
                </li>
            }
        },
    );

    let kpis = ctx.list(|p| &p.kpis);
    let kpi_lines = keyed(kpis, |k: &Kpi| k.id.clone(), move |k| view! { <KpiLine kpi=k /> });

    let swot = move || {
        ctx.plan.with(|p| {
            let p = p.as_ref()?;
            Some(
                Quadrant::ALL
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
                    .collect_view(),
            )
        })
    };

    let needs_line = move || {
        let potential =
            ctx.state.workspace.with(|w| ctx.account_id.with_value(|id| w.find(id).and_then(|a| a.fields.potential)));
        let open = ctx.plan.with(|p| p.as_ref().map_or(0.0, |p| p.open_needs_value()));
        (open > 0.0).then(|| view! { <p class="hint">{(t.plan.open_needs)(&(t.money)(open, ctx.state.currency.get()), &(t.money)(potential.unwrap_or(0.0), ctx.state.currency.get()))}</p> })
    };
    let section_link = move |s: Section| Route::Plan(ctx.account_id.get_value(), s).href();
    // Who we know there, judged by the coverage rules (the map itself is on the account page).
    let gaps = Memo::new(move |_| {
        ctx.state.workspace.with(|w| {
            ctx.account_id.with_value(|id| w.find(id).map(|a| coverage(&a.stakeholders, today)).unwrap_or_default())
        })
    });
    let people_link = Route::Account(ctx.account_id.get_value()).href();

    view! {
        <div class="summary-grid">
            <section class="panel">
                <h2><a href=section_link(Section::Goals)>{t.plan.sum_goals}</a></h2>
                <Show when=move || goals.with(|g| g.1 == 0)><p class="hint">{t.plan.none_yet}</p></Show>
                <ul class="summary-list">{goal_items}</ul>
                {move || more_link(goals.with(|g| g.1), Section::Goals)}
            </section>
            <section class="panel">
                <h2><a href=section_link(Section::Deliver)>{t.plan.sum_actions}</a></h2>
                <Show when=move || actions.with(|a| a.1 == 0)><p class="hint">{t.plan.none_yet}</p></Show>
                <ul class="summary-list">{action_items}</ul>
                {move || more_link(actions.with(|a| a.1), Section::Deliver)}
            </section>
            <section class="panel">
                <h2><a href=section_link(Section::Measure)>{t.plan.sum_kpis}</a></h2>
                <Show when=move || kpis.with(Vec::is_empty)><p class="hint">{t.plan.none_yet}</p></Show>
                <ul class="summary-list kpi-list">{kpi_lines}</ul>
            </section>
            <section class="panel">
                <h2><a href=section_link(Section::Swot)>{t.plan.sum_swot}</a></h2>
                <div class="swot-mini">{swot}</div>
                {needs_line}
            </section>
            <section class="panel">
                <h2><a href=people_link>{t.people.title}</a></h2>
                <CoverageList gaps=gaps />
            </section>
        </div>
    }
}

/// A KPI in one line: name, latest against target, progress and a sparkline.
#[component]
fn KpiLine(kpi: Item<Kpi>) -> impl IntoView {
    let t = t();
    let ctx = use_plan();
    let facts = move || {
        kpi.with(|k| {
            let latest = k
                .latest()
                .map(|m| (t.plan.against_target)(&(t.number_short)(m.value), &(t.number_short)(k.target), &k.unit))
                .unwrap_or_else(|| t.plan.no_measurements.to_string());
            view! {
                <span class="meta">{latest}</span>
                <span class="meta">{k.progress().map(t.plan.progress)}</span>
                {k.off_target(ctx.today).then(|| view! { <span class="chip chip-bad">{t.plan.off_target}</span> })}
            }
        })
    };
    view! {
        <li class="kpi-line">
            <span class="item-title">{move || kpi.with(|k| k.name.clone())}</span>
            {kpi_chart(ctx.state, kpi, 32.0, true)}
            {facts}
        </li>
    }
}
