//! Step 1: promotion expectations, then objectives (what, why, how).

use leptos::prelude::*;

use crate::domain::plan::{upsert, validate_promotion, Invalid, ItemRef, ObjectiveDraft, ObjectiveStatus, Perspective};
use crate::i18n::t;
use crate::platform::new_id;
use crate::ui::fields::{field, focus, options, status_select, DeleteButton, EditButton, FormButtons, Kind};
use crate::ui::plan::use_plan;
use crate::ui::state::use_app;

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
    let text = |d: Option<crate::domain::date::Date>| RwSignal::new(d.map(|d| d.to_string()).unwrap_or_default());
    let promoted_on = text(current.promoted_on);
    let told_on = text(current.client_told_on);
    let internal = RwSignal::new(current.internal);
    let external = RwSignal::new(current.external);
    let errors = RwSignal::new(Vec::<Invalid>::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match validate_promotion(&promoted_on.get(), &internal.get(), &external.get(), &told_on.get()) {
            Ok(p) => {
                errors.set(Vec::new());
                if ctx.edit(|plan| plan.promotion = p) {
                    use_app().notify(t.saved);
                }
            }
            Err(es) => errors.set(es),
        }
    };
    view! {
        <section class="panel">
            <h2>{t.plan.promotion_title}</h2>
            <p class="hint">{t.plan.promotion_help}</p>
            <form class="form-grid" novalidate=true on:submit=submit>
                {field("promotion", "promoted_on", t.plan.promoted_on, promoted_on, errors, Kind::Date)}
                {field("promotion", "told_on", t.plan.told_on, told_on, errors, Kind::Date)}
                {field("promotion", "internal", t.plan.internal, internal, errors, Kind::Area)}
                {field("promotion", "external", t.plan.external, external, errors, Kind::Area)}
                <div class="form-actions field-wide">
                    <button type="submit" class="button-secondary">{t.plan.save_promotion}</button>
                </div>
            </form>
        </section>
    }
}

#[component]
fn Objectives() -> impl IntoView {
    let ctx = use_plan();
    let t = t();
    let today = ctx.today;
    let what = RwSignal::new(String::new());
    let why = RwSignal::new(String::new());
    let how = RwSignal::new(String::new());
    let perspective = RwSignal::new(Perspective::Ours.slug().to_string());
    let owner = RwSignal::new(String::new());
    let target = RwSignal::new(String::new());
    let status = RwSignal::new(ObjectiveStatus::NotStarted.slug().to_string());
    let kpi_id = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<Invalid>::new());
    let editing = RwSignal::new(None::<String>);
    let reset = move || {
        for s in [what, why, how, owner, target, kpi_id] {
            s.set(String::new());
        }
        perspective.set(Perspective::Ours.slug().to_string());
        status.set(ObjectiveStatus::NotStarted.slug().to_string());
        errors.set(Vec::new());
        editing.set(None);
    };
    let list = move || {
        ctx.plan.with(|p| {
            let Some(p) = p else { return ().into_any() };
            if p.objectives.is_empty() {
                return view! { <p class="hint">{t.plan.none_yet}</p> }.into_any();
            }
            p.objectives
                .iter()
                .map(|o| {
                    let id = StoredValue::new(o.id.clone());
                    let live = p.live_actions(&o.id);
                    let thin = live < 2 && !matches!(o.status, ObjectiveStatus::Done | ObjectiveStatus::Dropped);
                    let risk = o.at_risk(today);
                    let kpi = o.kpi_id.as_ref().and_then(|k| p.kpis.iter().find(|x| &x.id == k)).map(|k| k.name.clone());
                    let current_status = o.status;
                    let select_id = format!("objective-status-{}", o.id);
                    let meta = [(t.plan.perspective)(o.perspective).to_string(), o.owner.clone(), o.target.map(|d| d.to_string()).unwrap_or_default()]
                        .into_iter()
                        .filter(|s| !s.is_empty())
                        .collect::<Vec<_>>()
                        .join(" · ");
                    view! {
                        <article class="item">
                            <header>
                                <h3>{o.what.clone()}</h3>
                                <EditButton
                                    what=o.what.clone()
                                    on_edit={
                                        let o = o.clone();
                                        Callback::new(move |_| {
                                            what.set(o.what.clone());
                                            why.set(o.why.clone());
                                            how.set(o.how.clone());
                                            perspective.set(o.perspective.slug().to_string());
                                            owner.set(o.owner.clone());
                                            target.set(o.target.map(|d| d.to_string()).unwrap_or_default());
                                            status.set(o.status.slug().to_string());
                                            kpi_id.set(o.kpi_id.clone().unwrap_or_default());
                                            editing.set(Some(o.id.clone()));
                                            focus("objective-what");
                                        })
                                    }
                                />
                                <DeleteButton
                                    what=o.what.clone()
                                    on_delete=Callback::new(move |_| {
                                        use_app().delete_plan_item(&ctx.account_id.get_value(), &ItemRef::Objective(id.get_value()))
                                    })
                                />
                            </header>
                            {(!o.why.is_empty()).then(|| view! { <p><strong>{t.plan.why} ": "</strong>{o.why.clone()}</p> })}
                            {(!o.how.is_empty()).then(|| view! { <p><strong>{t.plan.how} ": "</strong>{o.how.clone()}</p> })}
                            <p class="meta">{meta}</p>
                            <div class="item-foot">
                                {status_select(
                                    select_id,
                                    t.plan.status_label.to_string(),
                                    false,
                                    ObjectiveStatus::ALL,
                                    ObjectiveStatus::slug,
                                    t.plan.objective_status,
                                    current_status,
                                    move |s| {
                                        ctx.edit(|p| {
                                            if let Some(o) = p.objectives.iter_mut().find(|o| id.with_value(|id| &o.id == id)) {
                                                o.status = s;
                                            }
                                        });
                                    },
                                )}
                                <span class="meta">{(t.plan.actions_count)(live)}</span>
                                {kpi.map(|k| view! { <span class="meta">{t.plan.linked_kpi} ": " {k}</span> })}
                                {risk.then(|| view! { <span class="chip chip-bad">{t.plan.at_risk}</span> })}
                                {thin.then(|| view! { <span class="chip chip-warn">{t.plan.thin_objective}</span> })}
                            </div>
                        </article>
                    }
                })
                .collect_view()
                .into_any()
        })
    };

    let kpi_options = std::sync::Arc::new(move || {
        let mut opts = vec![(String::new(), t.plan.no_link.to_string())];
        ctx.plan.with(|p| opts.extend(p.iter().flat_map(|p| p.kpis.iter()).map(|k| (k.id.clone(), k.name.clone()))));
        opts
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = ObjectiveDraft {
            what: what.get(),
            why: why.get(),
            how: how.get(),
            perspective: perspective.get(),
            owner: owner.get(),
            target: target.get(),
            status: status.get(),
            kpi_id: kpi_id.get(),
        };
        match draft.validate(editing.get().unwrap_or_else(new_id)) {
            Ok(o) => {
                if ctx.edit(|p| upsert(&mut p.objectives, o, |x| &x.id)) {
                    reset();
                }
            }
            Err(es) => errors.set(es),
        }
    };

    view! {
        <section class="panel">
            <h2>{t.plan.objectives_title}</h2>
            <p class="hint">{t.plan.objectives_help}</p>
            <div class="items">{list}</div>
            <form class="form-grid add-form" novalidate=true on:submit=submit>
                {field("objective", "what", t.plan.what, what, errors, Kind::Text)}
                {field("objective", "owner", t.plan.owner, owner, errors, Kind::Text)}
                {field("objective", "why", t.plan.why, why, errors, Kind::Text)}
                {field("objective", "how", t.plan.how, how, errors, Kind::Text)}
                {field("objective", "perspective", t.plan.perspective_label, perspective, errors, Kind::Select(options(Perspective::ALL, Perspective::slug, t.plan.perspective)))}
                {field("objective", "target", t.plan.target_date, target, errors, Kind::Date)}
                {field("objective", "status", t.plan.status_label, status, errors, Kind::Select(options(ObjectiveStatus::ALL, ObjectiveStatus::slug, t.plan.objective_status)))}
                {field("objective", "kpi_id", t.plan.linked_kpi, kpi_id, errors, Kind::Select(kpi_options))}
                <FormButtons editing=editing add_label=t.plan.add_objective on_cancel=Callback::new(move |_| reset()) />
            </form>
        </section>
    }
}
