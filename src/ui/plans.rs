//! The plan overview: every plan with what needs attention; stale and overdue first.

use leptos::prelude::*;

use crate::domain::plan::PlanHealth;
use crate::domain::scoring::Tier;
use crate::i18n::t;
use crate::platform::today;
use crate::ui::plan::HealthDot;
use crate::ui::route::{Route, Section};
use crate::ui::state::use_app;
use crate::ui::widgets::TierBadge;

#[derive(Clone, Debug, PartialEq)]
struct Row {
    id: String,
    name: String,
    tier: Tier,
    health: PlanHealth,
    next_review: Option<String>,
}

#[component]
pub fn PlansPage() -> impl IntoView {
    let state = use_app();
    let t = t();
    let today = today();
    let rows = Memo::new(move |_| {
        state.workspace.with(|w| {
            state.ranking.with(|ranking| {
                let mut rows: Vec<Row> = w
                    .plans
                    .iter()
                    .filter_map(|p| {
                        let index = w.accounts.iter().position(|a| a.id == p.account_id)?;
                        let tier = ranking.iter().find(|r| r.index == index).map_or(Tier::Incomplete, |r| r.score.tier);
                        Some(Row {
                            id: p.account_id.clone(),
                            name: w.accounts[index].fields.name.clone(),
                            tier,
                            health: p.health(today),
                            next_review: p.review.next.map(|d| d.to_string()),
                        })
                    })
                    .collect();
                // What needs attention first: stale or overdue plans, then by health.
                rows.sort_by_key(|r| {
                    let attention = r.health.stale || r.health.overdue_actions > 0;
                    (!attention, r.health.score, r.name.to_lowercase())
                });
                rows
            })
        })
    });
    let body = move || {
        rows.get()
            .into_iter()
            .map(|r| {
                let h = r.health;
                let attention = h.stale || h.overdue_actions > 0;
                let count = |n: usize| view! { <td class="num" class:bad={n > 0}>{n.to_string()}</td> };
                view! {
                    <tr class:attention=attention>
                        <td>
                            <a href=Route::Plan(r.id.clone(), Section::Summary).href()>{r.name.clone()}</a>
                            {h.stale.then(|| view! { <span class="chip chip-warn">{t.plan.stale}</span> })}
                        </td>
                        <td><TierBadge tier=r.tier /></td>
                        <td><HealthDot health=h /></td>
                        <td class:bad=h.review_overdue>{r.next_review.clone().unwrap_or_else(|| t.not_ranked.into())}</td>
                        {count(h.overdue_actions)}
                        {count(h.objectives_at_risk)}
                        {count(h.kpis_off_target)}
                        <td class="num" class:bad=h.stale>{h.days_since_update.to_string()}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <section class="page">
            <div class="page-head">
                <div>
                    <h1>{t.plan.overview_title}</h1>
                    <p class="lead">{t.plan.overview_intro}</p>
                </div>
            </div>
            <Show
                when=move || rows.with(|r| !r.is_empty())
                fallback=move || view! { <p class="panel hint">{t.plan.overview_empty}</p> }
            >
                <div class="table-wrap">
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
            </Show>
        </section>
    }
}
