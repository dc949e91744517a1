//! The SWOT of our position in the account, and the plan's review rhythm.

use leptos::prelude::*;

use crate::domain::account::Problem;
use crate::domain::plan::{validate_review, Invalid, ItemRef, Quadrant};
use crate::i18n::t;
use crate::ui::fields::{field, DeleteButton, Kind};
use crate::ui::plan::use_plan;
use crate::ui::state::use_app;

#[component]
pub fn SwotSection() -> impl IntoView {
    let t = t();
    view! {
        <section class="panel">
            <h2>{t.plan.tab_swot}</h2>
            <p class="hint">{t.plan.swot_help}</p>
            <div class="swot">{Quadrant::ALL.into_iter().map(|q| view! { <QuadrantBox quadrant=q /> }).collect_view()}</div>
        </section>
    }
}

#[component]
fn QuadrantBox(quadrant: Quadrant) -> impl IntoView {
    let ctx = use_plan();
    let t = t();
    let q = quadrant;
    let entry = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<Invalid>::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = entry.get().trim().to_string();
        if text.is_empty() {
            errors.set(vec![Invalid { field: "entry", problem: Problem::Required }]);
            return;
        }
        errors.set(Vec::new());
        if ctx.edit(|p| p.swot.list_mut(q).push(text)) {
            entry.set(String::new());
        }
    };
    let list = move || {
        ctx.plan.with(|p| {
            p.iter()
                .flat_map(|p| p.swot.list(q).iter().enumerate())
                .map(|(i, s)| {
                    view! {
                        <li>
                            <span>{s.clone()}</span>
                            <DeleteButton
                                what=s.clone()
                                on_delete=Callback::new(move |_| use_app().delete_plan_item(&ctx.account_id.get_value(), &ItemRef::Swot(q, i)))
                            />
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let form = format!("swot-{}", q.slug());
    view! {
        <div class=format!("quadrant q-{}", q.slug())>
            <h3>{(t.plan.quadrant)(q)}</h3>
            <ul class="simple-list">{list}</ul>
            <form class="inline-form" novalidate=true on:submit=submit>
                {field(&form, "entry", (t.plan.new_entry)(q), entry, errors, Kind::Text)}
                <button type="submit" class="button-secondary">{(t.plan.add_entry)(q)}</button>
            </form>
        </div>
    }
}

#[component]
pub fn ReviewSection() -> impl IntoView {
    let ctx = use_plan();
    let t = t();
    let current = ctx.plan.get_untracked().map(|p| p.review).unwrap_or_default();
    let next = RwSignal::new(current.next.map(|d| d.to_string()).unwrap_or_default());
    let cadence = RwSignal::new(current.cadence_days.map(|d| d.to_string()).unwrap_or_default());
    let errors = RwSignal::new(Vec::<Invalid>::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match validate_review(&next.get(), &cadence.get()) {
            Ok(r) => {
                errors.set(Vec::new());
                if ctx.edit(|p| p.review = r) {
                    use_app().notify(t.saved);
                }
            }
            Err(es) => errors.set(es),
        }
    };
    view! {
        <section class="panel narrow">
            <h2>{t.plan.review_title}</h2>
            <p class="hint">{t.plan.review_help}</p>
            <form class="form-grid" novalidate=true on:submit=submit>
                {field("review", "next", t.plan.next_review, next, errors, Kind::Date)}
                {field("review", "cadence", t.plan.cadence, cadence, errors, Kind::Number)}
                <div class="form-actions field-wide">
                    <button type="submit" class="button-primary">{t.plan.save_review}</button>
                </div>
            </form>
        </section>
    }
}
