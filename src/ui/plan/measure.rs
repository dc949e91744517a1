//! Step 3: KPIs with baseline, target and dated measurements, each drawn as a chart;
//! suggestions from the criteria the account was selected for.

use leptos::html;
use leptos::prelude::*;

use crate::charts::{self, canvas::paint, KpiSeries};
use crate::domain::criteria::Criterion;
use crate::domain::plan::{
    suggested_kpis, upsert, validate_measurement, Direction, Invalid, ItemRef, Kpi, KpiDraft, KpiKind, Trend,
};
use crate::i18n::t;
use crate::platform::new_id;
use crate::ui::fields::{field, focus, options, DeleteButton, EditButton, FormButtons, Kind};
use crate::ui::plan::use_plan;
use crate::ui::state::use_app;

/// The chart data of a KPI.
pub fn kpi_series(k: &Kpi) -> KpiSeries {
    let first = k.measurements.first().map(|m| m.date);
    let last = k.target_date.or(k.measurements.last().map(|m| m.date));
    KpiSeries {
        points: k.measurements.iter().map(|m| (m.date.day_number(), m.value)).collect(),
        baseline: k.baseline,
        target: k.target,
        target_day: k.target_date.map(|d| d.day_number()),
        first_label: first.map(|d| d.to_string()).unwrap_or_default(),
        last_label: last.filter(|l| Some(*l) != first).map(|d| d.to_string()).unwrap_or_default(),
        target_label: (t().plan.target_line)(&charts::short_number(k.target)),
    }
}

#[component]
pub fn Measure() -> impl IntoView {
    let ctx = use_plan();
    let state = use_app();
    let t = t();

    let name = RwSignal::new(String::new());
    let unit = RwSignal::new(String::new());
    let kind = RwSignal::new(KpiKind::Custom.slug().to_string());
    let criterion = RwSignal::new(String::new());
    let baseline = RwSignal::new(String::new());
    let target = RwSignal::new(String::new());
    let target_date = RwSignal::new(String::new());
    let direction = RwSignal::new(Direction::Higher.slug().to_string());
    let errors = RwSignal::new(Vec::<Invalid>::new());
    let editing = RwSignal::new(None::<String>);
    let reset = move || {
        for s in [name, unit, baseline, target, target_date, criterion] {
            s.set(String::new());
        }
        kind.set(KpiKind::Custom.slug().to_string());
        direction.set(Direction::Higher.slug().to_string());
        errors.set(Vec::new());
        editing.set(None);
    };
    let on_edit = Callback::new(move |k: Kpi| {
        name.set(k.name.clone());
        unit.set(k.unit.clone());
        kind.set(k.kind.slug().to_string());
        criterion.set(k.criterion.map(|c| c.slug().to_string()).unwrap_or_default());
        baseline.set(crate::domain::account::format_plain(k.baseline));
        target.set(crate::domain::account::format_plain(k.target));
        target_date.set(k.target_date.map(|d| d.to_string()).unwrap_or_default());
        direction.set(k.direction.slug().to_string());
        editing.set(Some(k.id));
        focus("kpi-name");
    });

    let suggestions = move || {
        let score = ctx.account_id.with_value(|id| state.ranked(id))?.score;
        let existing: Vec<Option<Criterion>> =
            ctx.plan.with(|p| p.iter().flat_map(|p| p.kpis.iter()).map(|k| k.criterion).collect());
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
                            view! {
                                <button
                                    type="button"
                                    class="button-secondary"
                                    on:click=move |_| {
                                        name.set(label.to_string());
                                        kind.set(s.kind.slug().to_string());
                                        criterion.set(s.criterion.slug().to_string());
                                        unit.set(if s.kind == KpiKind::Satisfaction { "points".into() } else { "%".into() });
                                    }
                                >
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
        let draft = KpiDraft {
            name: name.get(),
            unit: unit.get(),
            kind: kind.get(),
            criterion: criterion.get(),
            baseline: baseline.get(),
            target: target.get(),
            target_date: target_date.get(),
            direction: direction.get(),
        };
        match draft.validate(editing.get().unwrap_or_else(new_id)) {
            Ok(mut k) => {
                let saved = ctx.edit(|p| {
                    // An edit changes the definition, never the measurements.
                    if let Some(old) = p.kpis.iter().find(|x| x.id == k.id) {
                        k.measurements = old.measurements.clone();
                    }
                    upsert(&mut p.kpis, k, |x| &x.id);
                });
                if saved {
                    reset();
                }
            }
            Err(es) => errors.set(es),
        }
    };
    let criterion_options = std::sync::Arc::new(move || {
        let mut opts = vec![(String::new(), t.plan.no_link.to_string())];
        opts.extend(Criterion::ALL.iter().map(|c| (c.slug().to_string(), (t.criterion)(*c).to_string())));
        opts
    });
    let cards = move || {
        ctx.plan.with(|p| {
            p.iter()
                .flat_map(|p| p.kpis.iter())
                .map(|k| view! { <KpiCard kpi=k.clone() on_edit=on_edit /> })
                .collect_view()
        })
    };

    view! {
        <section class="panel">
            <h2>{t.plan.kpis_title}</h2>
            <p class="hint">{t.plan.kpis_help}</p>
            {suggestions}
            <form class="form-grid add-form" novalidate=true on:submit=submit>
                {field("kpi", "name", t.plan.kpi_name, name, errors, Kind::Text)}
                {field("kpi", "unit", t.plan.unit, unit, errors, Kind::Text)}
                {field("kpi", "kind", t.plan.kind_label, kind, errors, Kind::Select(options(KpiKind::ALL, KpiKind::slug, t.plan.kpi_kind)))}
                {field("kpi", "criterion", t.plan.tracks, criterion, errors, Kind::Select(criterion_options))}
                {field("kpi", "baseline", t.plan.baseline, baseline, errors, Kind::Number)}
                {field("kpi", "target", t.plan.target, target, errors, Kind::Number)}
                {field("kpi", "direction", t.plan.direction_label, direction, errors, Kind::Select(options(Direction::ALL, Direction::slug, t.plan.direction)))}
                {field("kpi", "target_date", t.plan.target_date, target_date, errors, Kind::Date)}
                <FormButtons editing=editing add_label=t.plan.add_kpi on_cancel=Callback::new(move |_| reset()) />
            </form>
        </section>
        <div class="kpi-cards">{cards}</div>
    }
}

#[component]
fn KpiCard(kpi: Kpi, on_edit: Callback<Kpi>) -> impl IntoView {
    let ctx = use_plan();
    let state = use_app();
    let t = t();
    let canvas = NodeRef::<html::Canvas>::new();
    let series = kpi_series(&kpi);
    let height = 200.0;
    Effect::new(move |_| {
        state.viewport.track();
        if let Some(el) = canvas.get() {
            paint(&el, height, |area, scale| charts::draw_kpi(area, &series, false, scale));
        }
    });
    let kpi_id = StoredValue::new(kpi.id.clone());
    let trend = kpi.trend();
    let off = kpi.off_target(ctx.today);
    let facts = [
        kpi.latest()
            .map(|m| (t.plan.latest)(&format!("{} {}", charts::short_number(m.value), kpi.unit), &m.date.to_string())),
        kpi.progress().map(t.plan.progress),
        (trend != Trend::Unknown).then(|| format!("{} {}", (t.plan.trend_mark)(trend), (t.plan.trend)(trend))),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ");

    let date = RwSignal::new(ctx.today.to_string());
    let value = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<Invalid>::new());
    let form_id = format!("measure-{}", kpi.id);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match validate_measurement(&date.get(), &value.get(), ctx.today) {
            Ok(m) => {
                errors.set(Vec::new());
                let done = ctx.edit(|p| {
                    if let Some(k) = p.kpis.iter_mut().find(|k| kpi_id.with_value(|id| &k.id == id)) {
                        k.record(m);
                    }
                });
                if done {
                    value.set(String::new());
                }
            }
            Err(es) => errors.set(es),
        }
    };
    let measurements = kpi
        .measurements
        .iter()
        .rev()
        .map(|m| {
            let date = m.date;
            view! {
                <li>
                    <span>{m.date.to_string()}</span>
                    <span class="num">{format!("{} {}", charts::short_number(m.value), kpi.unit)}</span>
                    <DeleteButton
                        what=format!("{} {}", kpi.name, m.date)
                        on_delete=Callback::new(move |_| {
                            use_app().delete_plan_item(&ctx.account_id.get_value(), &ItemRef::Measurement(kpi_id.get_value(), date))
                        })
                    />
                </li>
            }
        })
        .collect_view();

    view! {
        <section class="panel kpi-card">
            <header class="item-head">
                <h3>{kpi.name.clone()}</h3>
                {off.then(|| view! { <span class="chip chip-bad">{t.plan.off_target}</span> })}
                <EditButton
                    what=kpi.name.clone()
                    on_edit={
                        let k = kpi.clone();
                        Callback::new(move |_| on_edit.run(k.clone()))
                    }
                />
                <DeleteButton
                    what=kpi.name.clone()
                    on_delete=Callback::new(move |_| use_app().delete_plan_item(&ctx.account_id.get_value(), &ItemRef::Kpi(kpi_id.get_value())))
                />
            </header>
            <p class="meta">{if facts.is_empty() { t.plan.no_measurements.to_string() } else { facts }}</p>
            <figure class="chart">
                <canvas node_ref=canvas style=format!("height:{height}px") role="img" aria-label=(t.plan.chart_of)(&kpi.name)></canvas>
            </figure>
            <div class="kpi-bottom">
                <form class="inline-form" novalidate=true on:submit=submit aria-label=format!("{} · {}", t.plan.add_measurement, kpi.name)>
                    {field(&form_id, "date", t.plan.measured_on, date, errors, Kind::Date)}
                    {field(&form_id, "value", t.plan.value, value, errors, Kind::Number)}
                    <button type="submit" class="button-secondary">{t.plan.add_measurement}</button>
                </form>
                <details>
                    <summary>{format!("{} ({})", t.plan.measurements, kpi.measurements.len())}</summary>
                    <ul class="simple-list">{measurements}</ul>
                </details>
            </div>
        </section>
    }
}
