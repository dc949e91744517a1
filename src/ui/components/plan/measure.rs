//! Step 3: KPIs with baseline, target and dated measurements, each drawn as a chart;
//! suggestions from the criteria the account was selected for.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::criteria::Criterion;
use crate::domain::plan::{
    suggested_kpis, Direction, ItemRef, Kpi, KpiField, KpiKind, Measurement, MeasurementField, Trend,
};
use crate::i18n::t;
use crate::ui::components::chart::kpi_chart;
use crate::ui::components::form::{options, Control, DeleteButton, EditButton, FormButtons, FormState};
use crate::ui::components::keyed::{keyed, Item};
use crate::ui::components::plan::use_plan;
use crate::ui::components::widgets::WhyLink;
use crate::ui::route::Topic;

#[component]
pub fn Measure() -> impl IntoView {
    let ctx = use_plan();
    let t = t();
    let form = FormState::<Kpi>::new("kpi", ctx.today);
    form.guard(t.plan.kpis_title);
    let kpis = ctx.list(|p| &p.kpis);
    let on_edit = Callback::new(move |k: Kpi| form.load(&k.id, &k));

    let suggestions = move || {
        let score = ctx.account_id.with_value(|id| ctx.state.ranked(id))?.score;
        let existing: Vec<Option<Criterion>> = kpis.with(|ks| ks.iter().map(|k| k.criterion).collect());
        let list: Vec<_> =
            suggested_kpis(&score).into_iter().filter(|s| !existing.contains(&Some(s.criterion))).collect();
        (!list.is_empty()).then(|| {
            view! {
                <div class="suggestions">
                    <p class="hint">{t.plan.suggestions}</p>
                    {list
                        .into_iter()
                        .map(|s| {
                            let label = (t.plan.suggestion_name)(s.criterion);
                            let take = move |_| {
                                form.set(KpiField::Name, label.to_string());
                                form.set(KpiField::Kind, s.kind.slug().to_string());
                                form.set(KpiField::Criterion, s.criterion.slug().to_string());
                                form.set(KpiField::Unit, (t.plan.suggestion_unit)(s.kind).to_string());
                            };
                            view! {
                                <button type="button" class="button-secondary" on:click=take>
                                    {(t.plan.use_suggestion)(label)}
                                </button>
                            }
                        })
                        .collect_view()}
                </div>
            }
        })
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        ctx.save_item(form);
    };
    let criterion_options = Arc::new(move || {
        let mut opts = vec![(String::new(), t.plan.no_link.to_string())];
        opts.extend(Criterion::ALL.iter().map(|c| (c.slug().to_string(), (t.criterion)(*c).to_string())));
        opts
    });
    let cards = keyed(kpis, |k: &Kpi| k.id.clone(), move |k| view! { <KpiCard kpi=k on_edit=on_edit /> });

    view! {
        <section class="panel">
            <h2>{t.plan.kpis_title}</h2>
            <p class="hint">{t.plan.kpis_help}<WhyLink topic=Topic::Steps /></p>
            {suggestions}
            <form class="form-grid add-form" novalidate=true on:submit=submit>
                {form.field(KpiField::Name, Control::Text)}
                {form.field(KpiField::Unit, Control::Text)}
                {form.field(KpiField::Kind, Control::Select(options(KpiKind::ALL, KpiKind::slug, t.plan.kpi_kind)))}
                {form.field(KpiField::Criterion, Control::Select(criterion_options))}
                {form.field(KpiField::Baseline, Control::Number)}
                {form.field(KpiField::Target, Control::Number)}
                {form.field(KpiField::Direction, Control::Select(options(Direction::ALL, Direction::slug, t.plan.direction)))}
                {form.field(KpiField::TargetDate, Control::Date)}
                <FormButtons editing=form.editing add_label=t.plan.add_kpi on_cancel=Callback::new(move |_| form.reset()) />
            </form>
        </section>
        <div class="kpi-cards">{cards}</div>
    }
}

#[component]
fn KpiCard(kpi: Item<Kpi>, on_edit: Callback<Kpi>) -> impl IntoView {
    let ctx = use_plan();
    let t = t();
    let kpi_id = StoredValue::new(kpi.with_untracked(|k| k.id.clone()));
    let name = Signal::derive(move || kpi.with(|k| k.name.clone()));
    let facts = move || {
        kpi.with(|k| {
            let trend = k.trend();
            let parts: Vec<String> = [
                k.latest().map(|m| {
                    (t.plan.latest)(&(t.plan.quantity)(&(t.number_short)(m.value), &k.unit), &(t.date_long)(m.date))
                }),
                k.progress().map(t.plan.progress),
                (trend != Trend::Unknown).then(|| (t.plan.trend_line)(trend)),
            ]
            .into_iter()
            .flatten()
            .collect();
            if parts.is_empty() {
                t.plan.no_measurements.to_string()
            } else {
                (t.list)(&parts)
            }
        })
    };
    let off = move || kpi.with(|k| k.off_target(ctx.today));

    // The measurement form lives as long as the card: a value typed here survives any edit
    // of the plan elsewhere.
    let form = FormState::<Measurement>::new(format!("measure-{}", kpi_id.get_value()), ctx.today);
    form.guard(t.plan.add_measurement);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(edited) = form.submit(None) else { return };
        let m = edited.record;
        let done = ctx.edit(|p| {
            if let Some(k) = p.kpis.iter_mut().find(|k| kpi_id.with_value(|id| &k.id == id)) {
                k.record(m);
            }
        });
        if done {
            // The next measurement is often from the same day.
            form.restart(&[MeasurementField::Date]);
        }
    };
    let measurements = move || {
        kpi.with(|k| {
            k.measurements
                .iter()
                .rev()
                .map(|m| {
                    let date = m.date;
                    let what = (t.plan.measurement_of)(&k.name, &(t.date_long)(m.date));
                    view! {
                        <li>
                            <span>{(t.date)(m.date)}</span>
                            <span class="num">{(t.plan.quantity)(&(t.number_short)(m.value), &k.unit)}</span>
                            <DeleteButton
                                what=what
                                on_delete=Callback::new(move |_| {
                                    ctx.state.delete_plan_item(&ctx.account_id.get_value(), &ItemRef::Measurement(kpi_id.get_value(), date))
                                })
                            />
                        </li>
                    }
                })
                .collect_view()
        })
    };

    view! {
        <section class="panel kpi-card">
            <header class="item-head">
                <h3>{name}</h3>
                {move || off().then(|| view! { <span class="chip chip-bad">{t.plan.off_target}</span> })}
                <EditButton what=name on_edit=Callback::new(move |_| on_edit.run(kpi.get_untracked())) />
                <DeleteButton
                    what=name
                    on_delete=Callback::new(move |_| ctx.state.delete_plan_item(&ctx.account_id.get_value(), &ItemRef::Kpi(kpi_id.get_value())))
                />
            </header>
            <p class="meta">{facts}</p>
            <figure class="chart">{kpi_chart(ctx.state, kpi, 200.0, false)}</figure>
            <div class="kpi-bottom">
                <form class="inline-form" novalidate=true on:submit=submit aria-label=move || name.with(|n| (t.plan.add_measurement_to)(n))>
                    {form.field(MeasurementField::Date, Control::Date)}
                    {form.field(MeasurementField::Value, Control::Number)}
                    <button type="submit" class="button-secondary">{t.plan.add_measurement}</button>
                </form>
                <details>
                    <summary>{move || (t.plan.measurements_count)(kpi.with(|k| k.measurements.len()))}</summary>
                    <ul class="simple-list">{measurements}</ul>
                </details>
            </div>
        </section>
    }
}
