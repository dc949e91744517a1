//! Step 1: promotion expectations, then objectives (what, why, how).

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::plan::{
    ItemRef, Kpi, Objective, ObjectiveField, ObjectiveStatus, Perspective, Promotion, PromotionField, StatusChange,
};
use crate::i18n::{t, Label};
use crate::ui::components::form::{
    options, save_state, status_select, Control, DeleteButton, EditButton, FormButtons, FormState,
};
use crate::ui::components::keyed::{keyed, Item};
use crate::ui::components::plan::use_plan;
use crate::ui::components::widgets::WhyLink;
use crate::ui::route::Topic;

#[component]
pub fn Goals() -> impl IntoView {
    view! {
        <PromotionForm />
        <Objectives />
    }
}

#[component]
fn PromotionForm() -> impl IntoView {
    let ctx = use_plan();
    let t = t();
    let current = ctx.plan.get_untracked().map(|p| p.promotion).unwrap_or_default();
    let form = FormState::<Promotion>::showing("promotion", &current, ctx.today);
    let saving = form.autosave(
        t.plan.promotion_title,
        move || ctx.plan.with(|p| p.as_ref().map(|p| p.promotion.clone())),
        move |record| ctx.edit(|plan| plan.promotion = record),
    );
    view! {
        <section class="panel">
            <div class="panel-head">
                <h2>{t.plan.promotion_title}</h2>
                {save_state(saving)}
            </div>
            <p class="hint">{t.plan.promotion_help}</p>
            <form class="form-grid" novalidate=true on:submit=|ev| ev.prevent_default()>
                {form.field(PromotionField::PromotedOn, Control::Date)}
                {form.field(PromotionField::ToldOn, Control::Date)}
                {form.field(PromotionField::Internal, Control::Area)}
                {form.field(PromotionField::External, Control::Area)}
            </form>
        </section>
    }
}

#[component]
fn Objectives() -> impl IntoView {
    let ctx = use_plan();
    let t = t();
    let form = FormState::<Objective>::new("objective", ctx.today);
    form.guard(t.plan.objectives_title);
    let objectives = ctx.list(|p| &p.objectives);
    let on_edit = Callback::new(move |o: Objective| form.load(&o.id, &o));
    let list = keyed(
        objectives,
        |o: &Objective| o.id.clone(),
        move |o| view! { <ObjectiveItem objective=o on_edit=on_edit /> },
    );
    let kpi_options = Arc::new(move || {
        let mut opts = vec![(String::new(), t.plan.no_link.to_string())];
        ctx.plan.with(|p| opts.extend(p.iter().flat_map(|p| p.kpis.iter()).map(|k| (k.id.clone(), k.name.clone()))));
        opts
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        ctx.save_item(form);
    };
    view! {
        <section class="panel">
            <h2>{t.plan.objectives_title}</h2>
            <p class="hint">{t.plan.objectives_help}<WhyLink topic=Topic::Steps /></p>
            <div class="items">
                <Show when=move || objectives.with(Vec::is_empty)>
                    <p class="hint">{t.plan.none_yet}</p>
                </Show>
                {list}
            </div>
            <form class="form-grid add-form" novalidate=true on:submit=submit>
                {form.field(ObjectiveField::What, Control::Text)}
                {form.field(ObjectiveField::Owner, Control::Text)}
                {form.field(ObjectiveField::Why, Control::Text)}
                {form.field(ObjectiveField::How, Control::Text)}
                {form.field(ObjectiveField::Perspective, Control::Select(options(Perspective::ALL, Perspective::slug, t.plan.perspective)))}
                {form.field(ObjectiveField::Target, Control::Date)}
                {form.field(ObjectiveField::Status, Control::Select(options(ObjectiveStatus::ALL, ObjectiveStatus::slug, t.plan.objective_status)))}
                {form.field(ObjectiveField::Kpi, Control::Select(kpi_options))}
                <FormButtons editing=form.editing add_label=t.plan.add_objective on_cancel=Callback::new(move |_| form.reset()) />
            </form>
        </section>
    }
}

#[component]
fn ObjectiveItem(objective: Item<Objective>, on_edit: Callback<Objective>) -> impl IntoView {
    let ctx = use_plan();
    let t = t();
    let today = ctx.today;
    let id = StoredValue::new(objective.with_untracked(|o| o.id.clone()));
    let what = Signal::derive(move || objective.with(|o| o.what.clone()));
    let status = Signal::derive(move || objective.with(|o| o.status));
    let body = move || {
        objective.with(|o| {
            let meta = (t.list)(&[
                (t.plan.perspective)(o.perspective).to_string(),
                o.owner.clone(),
                o.target.map(t.date).unwrap_or_default(),
            ]);
            view! {
                {(!o.why.is_empty()).then(|| view! { <p>{(t.field_value)(ObjectiveField::Why.label(), &o.why)}</p> })}
                {(!o.how.is_empty()).then(|| view! { <p>{(t.field_value)(ObjectiveField::How.label(), &o.how)}</p> })}
                <p class="meta">{meta}</p>
            }
        })
    };
    // What the plan around the objective says about it.
    let facts = move || {
        let o = objective.get();
        let (live, thin, kpi) = ctx.plan.with(|p| {
            p.as_ref().map_or((0, false, None), |p| {
                let kpi = o.kpi_id.as_ref().and_then(|k| p.item::<Kpi>(k)).map(|k| k.name.clone());
                (p.live_actions(&o.id), p.is_thin(&o), kpi)
            })
        });
        view! {
            <span class="meta">{(t.plan.actions_count)(live)}</span>
            {kpi.map(|k| view! { <span class="meta">{(t.field_value)(ObjectiveField::Kpi.label(), &k)}</span> })}
            {o.at_risk(today).then(|| view! { <span class="chip chip-bad">{t.plan.at_risk}</span> })}
            {thin.then(|| view! { <span class="chip chip-warn">{t.plan.thin_objective}</span> })}
        }
    };
    view! {
        <article class="item">
            <header>
                <h3>{what}</h3>
                <EditButton what=what on_edit=Callback::new(move |_| on_edit.run(objective.get_untracked())) />
                <DeleteButton
                    what=what
                    on_delete=Callback::new(move |_| ctx.state.delete_plan_item(&ctx.account_id.get_value(), &ItemRef::Objective(id.get_value())))
                />
            </header>
            {body}
            <div class="item-foot">
                {status_select(
                    format!("objective-status-{}", id.get_value()),
                    ObjectiveField::Status.label().to_string(),
                    false,
                    ObjectiveStatus::ALL,
                    ObjectiveStatus::slug,
                    t.plan.objective_status,
                    status,
                    move |s| {
                        ctx.edit(|p| {
                            p.set_status(StatusChange::Objective(id.get_value(), s));
                        });
                    },
                )}
                {facts}
            </div>
        </article>
    }
}
