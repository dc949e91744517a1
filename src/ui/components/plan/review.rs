//! The SWOT of our position in the account, and the plan's review rhythm.

use leptos::prelude::*;

use crate::domain::plan::{ItemRef, Quadrant, Review, ReviewField, SwotEntry, SwotField};
use crate::i18n::t;
use crate::ui::components::form::{save_state, Control, DeleteButton, FormState};
use crate::ui::components::keyed::keyed;
use crate::ui::components::plan::use_plan;
use crate::ui::components::widgets::WhyLink;
use crate::ui::route::Topic;

#[component]
pub fn SwotSection() -> impl IntoView {
    let t = t();
    view! {
        <section class="panel">
            <h2>{(t.plan.tab)(crate::ui::route::Section::Swot)}</h2>
            <p class="hint">{t.plan.swot_help}<WhyLink topic=Topic::Swot /></p>
            <div class="swot">{Quadrant::ALL.into_iter().map(|q| view! { <QuadrantBox quadrant=q /> }).collect_view()}</div>
        </section>
    }
}

#[component]
fn QuadrantBox(quadrant: Quadrant) -> impl IntoView {
    let ctx = use_plan();
    let t = t();
    let q = quadrant;
    let form = FormState::<SwotEntry>::new(format!("swot-{}", q.slug()), ctx.today);
    form.guard((t.plan.quadrant)(q));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(edited) = form.submit(None) {
            if ctx.edit(|p| p.swot.list_mut(q).push(edited.record.0)) {
                form.reset();
            }
        }
    };
    let entries: Signal<Vec<String>> =
        Memo::new(move |_| ctx.plan.with(|p| p.as_ref().map(|p| p.swot.list(q).clone()).unwrap_or_default())).into();
    // A line is its own key: identical lines are interchangeable.
    let list = keyed(
        entries,
        |s: &String| s.clone(),
        move |s| {
            let text = Signal::derive(move || s.get());
            view! {
                <li>
                    <span>{text}</span>
                    <DeleteButton
                        what=text
                        on_delete=Callback::new(move |_| {
                            ctx.state.delete_plan_item(&ctx.account_id.get_value(), &ItemRef::Swot(q, s.get_untracked()))
                        })
                    />
                </li>
            }
        },
    );
    view! {
        <div class=format!("quadrant q-{}", q.slug())>
            <h3>{(t.plan.quadrant)(q)}</h3>
            <ul class="simple-list">{list}</ul>
            <form class="inline-form" novalidate=true on:submit=submit>
                {form.field_labelled(SwotField::Entry, (t.plan.new_entry)(q).to_string(), Control::Text)}
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
    let form = FormState::<Review>::showing("review", &current, ctx.today);
    let saving = form.autosave(
        t.plan.review_title,
        move || ctx.plan.with(|p| p.as_ref().map(|p| p.review)),
        move |review| ctx.edit(|p| p.review = review),
    );
    view! {
        <section class="panel narrow">
            <div class="panel-head">
                <h2>{t.plan.review_title}</h2>
                {save_state(saving)}
            </div>
            <p class="hint">{t.plan.review_help}</p>
            <form class="form-grid" novalidate=true on:submit=|ev| ev.prevent_default()>
                {form.field(ReviewField::Next, Control::Date)}
                {form.field(ReviewField::Cadence, Control::Whole)}
            </form>
        </section>
    }
}
