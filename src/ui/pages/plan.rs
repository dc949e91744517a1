//! `#/accounts/<id>/plan[/<section>]`: one account's key-account plan — a header with its
//! health, tabs for the one-screen summary and the method's four steps (plus SWOT and
//! review), and the section shown.

use leptos::prelude::*;

use crate::i18n::t;
use crate::platform::today;
use crate::ui::components::health::HealthBox;
use crate::ui::components::plan::{
    anticipate, deliver, goals, held, measure, review, sheet, start, summary, PlanCtx, PromoteButton,
};
use crate::ui::components::widgets::{Missing, TierBadge};
use crate::ui::route::{Route, Section};
use crate::ui::state::use_app;

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

#[component]
fn NoPlan(id: String) -> impl IntoView {
    view! {
        <section class="page missing">
            <p>{t().plan.no_plan}</p>
            <PromoteButton account_id=StoredValue::new(id) />
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
    let health = Memo::new(move |_| state.workspace.with(|w| account_id.with_value(|id| w.plan_health(id, today))));
    provide_context(PlanCtx { state, account_id, plan, health, today });

    let name = Memo::new(move |_| {
        state
            .workspace
            .with(|w| account_id.with_value(|id| w.find(id).map(|a| a.fields.name.clone()).unwrap_or_default()))
    });
    let tier = move || account_id.with_value(|id| state.ranked(id)).map(|x| x.standing());

    // Printing: the one-page sheet on A4, or laid out as a 16:9 slide. The class is set first
    // and the dialog opened on the next frame, so the sheet is laid out the chosen way.
    let slide = RwSignal::new(false);
    let print = move |as_slide: bool| {
        slide.set(as_slide);
        request_animation_frame(crate::platform::print);
    };

    let tab = move |s: Section| {
        let href = Route::Plan(account_id.get_value(), s).href();
        view! {
            <a href=href class:current=s == section aria-current=(s == section).then_some("page")>
                {(t.plan.tab)(s)}
            </a>
        }
    };

    view! {
        <section class="page plan">
            <nav class="crumbs">
                <a href=Route::Plans.href()>{t.plan.nav_plans}</a>
                <a href=move || Route::Account(account_id.get_value()).href()>{move || name.get()}</a>
            </nav>
            <div class="page-head">
                <div>
                    <h1>{move || (t.plan.plan_of)(&name.get())}</h1>
                    <p class="lead">
                        {move || tier().map(|tier| view! { <TierBadge standing=tier /> })}
                        {move || {
                            health.get().map(|h| {
                                let review = plan.with(|p| p.as_ref().and_then(|p| p.review.next));
                                view! {
                                    <span class="meta">{(t.plan.updated_days_ago)(h.days_since_update)}</span>
                                    {review.map(|d| view! { <span class="meta">{(t.plan.next_review_on)(&(t.date_long)(d))}</span> })}
                                    {h.stale.then(|| view! { <span class="chip chip-warn">{t.plan.stale}</span> })}
                                    {h.review_overdue.then(|| view! { <span class="chip chip-warn">{t.plan.review_overdue}</span> })}
                                }
                            })
                        }}
                    </p>
                </div>
                <div class="plan-head-side">
                    {move || health.get().map(|h| view! { <HealthBox health=h /> })}
                    <div class="print-actions">
                        <button type="button" class="button-secondary" on:click=move |_| print(false)>{t.sheet.print}</button>
                        <button type="button" class="button-secondary" on:click=move |_| print(true)>{t.sheet.print_slide}</button>
                    </div>
                    <start::SaveTemplate />
                </div>
            </div>
            // An empty plan offers a start: a template, or another plan's structure.
            <Show when=move || plan.with(|p| p.as_ref().is_some_and(crate::domain::template::is_blank))>
                <start::StartPanel />
            </Show>
            <nav class="tabs" aria-label=t.plan.sections>{Section::ALL.into_iter().map(tab).collect_view()}</nav>
            {match section {
                Section::Summary => view! { <summary::Summary /> }.into_any(),
                Section::Goals => view! { <goals::Goals /> }.into_any(),
                Section::Deliver => view! { <deliver::Deliver /> }.into_any(),
                Section::Measure => view! { <measure::Measure /> }.into_any(),
                Section::Anticipate => view! { <anticipate::Anticipate /> }.into_any(),
                Section::Swot => view! { <review::SwotSection /> }.into_any(),
                Section::Review => view! {
                    <held::HeldReviews />
                    <review::ReviewSection />
                }
                .into_any(),
            }}
            <sheet::PlanSheetView slide=slide.into() />
        </section>
    }
}
