//! One account's key-account plan: a header with its health, tabs for the one-screen
//! summary and the method's four steps (plus SWOT and review), and the section shown.

mod anticipate;
mod deliver;
mod goals;
mod measure;
mod review;
mod summary;

use leptos::prelude::*;

use crate::domain::date::Date;
use crate::domain::plan::{Plan, PlanHealth};
use crate::i18n::t;
use crate::platform::{now_ms, today};
use crate::ui::app::Missing;
use crate::ui::route::{Route, Section};
use crate::ui::state::use_app;
use crate::ui::widgets::TierBadge;

/// What every section of one plan page shares, provided by context.
#[derive(Clone, Copy)]
pub struct PlanCtx {
    pub account_id: StoredValue<String>,
    pub plan: Memo<Option<Plan>>,
    pub health: Memo<Option<PlanHealth>>,
    pub today: Date,
}

impl PlanCtx {
    /// Changes this plan (see `AppState::edit_plan`).
    pub fn edit(&self, change: impl FnOnce(&mut Plan)) -> bool {
        use_app().edit_plan(&self.account_id.get_value(), change)
    }
}

pub fn use_plan() -> PlanCtx {
    expect_context::<PlanCtx>()
}

#[component]
pub fn PlanPage(id: String, section: Section) -> impl IntoView {
    let state = use_app();
    let lookup = id.clone();
    let exists = Memo::new(move |_| state.workspace.with(|w| (w.find(&lookup).is_some(), w.plan(&lookup).is_some())));
    move || match exists.get() {
        (true, true) => view! { <PlanView id=id.clone() section=section /> }.into_any(),
        (true, false) => view! { <NoPlan id=id.clone() /> }.into_any(),
        _ => view! { <Missing text=t().account_missing /> }.into_any(),
    }
}

/// Promotes an account: starts its plan and opens it.
pub fn promote(account_id: &str) {
    let state = use_app();
    state.workspace.update(|w| {
        w.promote(account_id, today(), now_ms());
    });
    state.notify(t().plan.promoted);
    state.navigate(Route::Plan(account_id.to_string(), Section::Goals));
}

#[component]
fn NoPlan(id: String) -> impl IntoView {
    let t = t();
    let id = StoredValue::new(id);
    view! {
        <section class="page missing">
            <p>{t.plan.no_plan}</p>
            <button type="button" class="button-primary" on:click=move |_| promote(&id.get_value())>{t.plan.promote}</button>
        </section>
    }
}

#[component]
fn PlanView(id: String, section: Section) -> impl IntoView {
    let state = use_app();
    let t = t();
    let today = today();
    let account_id = StoredValue::new(id);
    let plan = Memo::new(move |_| state.workspace.with(|w| account_id.with_value(|id| w.plan(id).cloned())));
    let health = Memo::new(move |_| plan.with(|p| p.as_ref().map(|p| p.health(today))));
    let ctx = PlanCtx { account_id, plan, health, today };
    provide_context(ctx);

    let name = Memo::new(move |_| {
        state
            .workspace
            .with(|w| account_id.with_value(|id| w.find(id).map(|a| a.fields.name.clone()).unwrap_or_default()))
    });
    let tier = move || account_id.with_value(|id| state.ranked(id)).map(|x| x.score.tier);

    let tab = move |s: Section| {
        let title = match s {
            Section::Summary => t.plan.tab_summary,
            Section::Goals => t.plan.tab_goals,
            Section::Deliver => t.plan.tab_deliver,
            Section::Measure => t.plan.tab_measure,
            Section::Anticipate => t.plan.tab_anticipate,
            Section::Swot => t.plan.tab_swot,
            Section::Review => t.plan.tab_review,
        };
        let href = Route::Plan(account_id.get_value(), s).href();
        view! {
            <a href=href class:current=s == section aria-current=(s == section).then_some("page")>
                {title}
            </a>
        }
    };

    view! {
        <section class="page plan">
            <nav class="crumbs">
                <a href=Route::Plans.href()>{t.plan.nav_plans}</a>
                " · "
                <a href=move || Route::Account(account_id.get_value()).href()>{move || name.get()}</a>
            </nav>
            <div class="page-head">
                <div>
                    <h1>{move || (t.plan.plan_of)(&name.get())}</h1>
                    <p class="lead">
                        {move || tier().map(|tier| view! { <TierBadge tier=tier /> })}
                        {move || {
                            health.get().map(|h| {
                                let review = plan.with(|p| p.as_ref().and_then(|p| p.review.next));
                                view! {
                                    <span class="meta">{(t.plan.updated_days_ago)(h.days_since_update)}</span>
                                    {review.map(|d| view! { <span class="meta">{(t.plan.next_review_on)(&d.to_string())}</span> })}
                                    {h.stale.then(|| view! { <span class="chip chip-warn">{t.plan.stale}</span> })}
                                    {h.review_overdue.then(|| view! { <span class="chip chip-warn">{t.plan.review_overdue}</span> })}
                                }
                            })
                        }}
                    </p>
                </div>
                {move || health.get().map(|h| view! { <HealthBox health=h /> })}
            </div>
            <nav class="tabs" aria-label=t.plan.sections>{Section::ALL.into_iter().map(tab).collect_view()}</nav>
            {match section {
                Section::Summary => view! { <summary::Summary /> }.into_any(),
                Section::Goals => view! { <goals::Goals /> }.into_any(),
                Section::Deliver => view! { <deliver::Deliver /> }.into_any(),
                Section::Measure => view! { <measure::Measure /> }.into_any(),
                Section::Anticipate => view! { <anticipate::Anticipate /> }.into_any(),
                Section::Swot => view! { <review::SwotSection /> }.into_any(),
                Section::Review => view! { <review::ReviewSection /> }.into_any(),
            }}
        </section>
    }
}

#[component]
pub fn HealthBox(health: PlanHealth) -> impl IntoView {
    let t = t();
    view! {
        <div class=format!("score-box health health-{}", health.band.slug())>
            <span class="score-label">{t.plan.health}</span>
            <span class="score-value">
                {health.score.to_string()}
                <span class="trend" title=(t.plan.trend)(health.trend)>{(t.plan.trend_mark)(health.trend)}</span>
            </span>
            <span class="score-ranks">{(t.plan.band)(health.band)} " · " {(t.plan.trend)(health.trend)}</span>
        </div>
    }
}

/// A small coloured dot and score, for tables.
#[component]
pub fn HealthDot(health: PlanHealth) -> impl IntoView {
    let t = t();
    let label = format!("{} {} ({})", t.plan.health, health.score, (t.plan.band)(health.band));
    view! {
        <span class=format!("health-dot health-{}", health.band.slug()) title=label.clone() aria-label=label>
            {health.score.to_string()}
        </span>
    }
}
