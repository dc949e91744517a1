//! `#/plans`: every plan with what needs attention; those first (`domain::views::plans`).

use leptos::prelude::*;

use crate::domain::views::plans::{plan_rows, PlanRow};
use crate::i18n::t;
use crate::platform::today;
use crate::ui::components::health::HealthDot;
use crate::ui::components::keyed::keyed;
use crate::ui::components::widgets::TierBadge;
use crate::ui::route::{Route, Section};
use crate::ui::state::use_app;

#[component]
pub fn PlansPage() -> impl IntoView {
    let state = use_app();
    let t = t();
    let today = today();
    let rows: Signal<Vec<PlanRow>> =
        Memo::new(move |_| state.workspace.with(|w| state.ranking.with(|ranking| plan_rows(w, ranking, today)))).into();
    let body = keyed(
        rows,
        |r: &PlanRow| r.id.clone(),
        move |r| {
            view! { <tr class:attention=move || r.with(|r| r.health.needs_attention())>{move || r.with(plan_cells)}</tr> }
        },
    );
    view! {
        <section class="page">
            <div class="page-head">
                <div>
                    <h1>{t.plan.overview_title}</h1>
                    <p class="lead">{t.plan.overview_intro}</p>
                </div>
            </div>
            <Show when=move || rows.with(Vec::is_empty)>
                <p class="panel hint">{t.plan.overview_empty}</p>
            </Show>
            <div class="table-wrap" class:hidden=move || rows.with(Vec::is_empty)>
                <table class="ranked plans-table">
                    <thead>
                        <tr>
                            <th scope="col">{t.col_account}</th>
                            <th scope="col">{t.col_tier}</th>
                            <th scope="col">{t.plan.col_health}</th>
                            <th scope="col">{t.plan.col_next_review}</th>
                            <th scope="col" class="num">{t.plan.col_overdue}</th>
                            <th scope="col" class="num">{t.plan.col_at_risk}</th>
                            <th scope="col" class="num">{t.plan.col_off_target}</th>
                            <th scope="col" class="num">{t.plan.col_updated}</th>
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        </section>
    }
}

fn plan_cells(r: &PlanRow) -> AnyView {
    let t = t();
    let h = r.health;
    let count = |n: usize| view! { <td class="num" class:bad={n > 0}>{n.to_string()}</td> };
    view! {
        <td>
            <a href=Route::Plan(r.id.clone(), Section::Summary).href()>{r.name.clone()}</a>
            {h.stale.then(|| view! { <span class="chip chip-warn">{t.plan.stale}</span> })}
        </td>
        <td><TierBadge standing=r.standing /></td>
        <td><HealthDot health=h /></td>
        <td class:bad=h.review_overdue>{r.next_review.map(t.date).unwrap_or_else(|| t.not_ranked.into())}</td>
        {count(h.overdue_actions)}
        {count(h.objectives_at_risk)}
        {count(h.kpis_off_target)}
        <td class="num" class:bad=h.stale>{h.days_since_update.to_string()}</td>
    }
    .into_any()
}
