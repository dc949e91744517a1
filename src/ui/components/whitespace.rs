//! Whitespace on screen: the catalogue of offerings (Portfolio page), an account's grid of
//! offerings × status with a value (account page), the evidence it gives two criteria, and the
//! portfolio heat map of key accounts × offerings. The sums are `domain::whitespace`'s.

use leptos::prelude::*;

use crate::domain::account::format_plain;
use crate::domain::number::parse_number;
use crate::domain::scoring::Tier;
use crate::domain::whitespace::{in_use, whitespace_value, CellStatus, Offering, OfferingField};
use crate::i18n::t;
use crate::platform::{now_ms, today};
use crate::ui::components::form::{Control, DeleteButton, EditButton, FormButtons, FormState};
use crate::ui::components::keyed::{keyed, Item};
use crate::ui::route::Route;
use crate::ui::state::{use_app, Undo};

/// The account's whitespace value and offerings in use, or `None` without a catalogue.
pub fn evidence(id: StoredValue<String>) -> Memo<Option<(f64, usize)>> {
    let state = use_app();
    Memo::new(move |_| {
        state.workspace.with(|w| {
            if w.offerings.is_empty() {
                return None;
            }
            let a = id.with_value(|id| w.find(id))?;
            Some((whitespace_value(&a.whitespace, &w.offerings), in_use(&a.whitespace, &w.offerings)))
        })
    })
}

/// The account page's grid: one row per offering of the catalogue.
#[component]
pub fn WhitespaceGrid(id: StoredValue<String>) -> impl IntoView {
    let state = use_app();
    let t = t();
    let offerings: Signal<Vec<Offering>> = Memo::new(move |_| state.workspace.with(|w| w.offerings.clone())).into();
    let totals = evidence(id);
    let rows =
        move || keyed(offerings, |o: &Offering| o.id.clone(), move |o| view! { <CellRow offering=o account=id /> });
    view! {
        <section class="panel whitespace" aria-labelledby="whitespace-title">
            <h2 id="whitespace-title">{t.whitespace.title}</h2>
            <p class="hint">{t.whitespace.help}</p>
            <Show
                when=move || offerings.with(|o| !o.is_empty())
                fallback=move || view! {
                    <p class="empty-note">{t.whitespace.no_catalogue} " " <a href=Route::Portfolio.href()>{t.whitespace.to_catalogue}</a></p>
                }
            >
                <div class="table-wrap">
                    <table class="plain whitespace-grid">
                        <thead>
                            <tr>
                                <th scope="col">{t.whitespace.col_offering}</th>
                                <th scope="col">{t.whitespace.col_status}</th>
                                <th scope="col" class="num">{t.whitespace.col_value}</th>
                            </tr>
                        </thead>
                        <tbody>{rows()}</tbody>
                    </table>
                </div>
                <p class="whitespace-total">
                    {move || totals.get().map(|(value, used)| (t.whitespace.total)(&(t.money)(value, state.currency.get()), used))}
                </p>
            </Show>
        </section>
    }
}

#[component]
fn CellRow(offering: Item<Offering>, account: StoredValue<String>) -> impl IntoView {
    let state = use_app();
    let t = t();
    let oid = StoredValue::new(offering.with_untracked(|o| o.id.clone()));
    let cell = Memo::new(move |_| {
        state.workspace.with(|w| {
            account
                .with_value(|a| w.find(a))
                .and_then(|a| oid.with_value(|o| a.whitespace.iter().find(|c| &c.id == o).cloned()))
        })
    });
    let problem = RwSignal::new(false);
    let status_id = move || oid.with_value(|o| format!("ws-status-{o}"));
    let value_id = move || oid.with_value(|o| format!("ws-value-{o}"));
    let save = move |status: Option<CellStatus>, value: Option<f64>| {
        state.workspace.update(|w| {
            account.with_value(|a| oid.with_value(|o| w.set_cell(a, o, status, value, now_ms())));
        });
    };
    let on_status = move |ev: leptos::ev::Event| {
        let status = CellStatus::from_slug(&event_target_value(&ev));
        save(status, cell.with_untracked(|c| c.as_ref().and_then(|c| c.value)));
    };
    let on_value = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        let value = if text.trim().is_empty() { Ok(None) } else { parse_number(&text).map(Some) };
        match value {
            Ok(v) if v.is_none_or(|v| v >= 0.0) => {
                problem.set(false);
                let status = cell.with_untracked(|c| c.as_ref().map(|c| c.status)).unwrap_or(CellStatus::DEFAULT);
                save(Some(status), v);
            }
            _ => problem.set(true),
        }
    };
    let name = move || offering.with(|o| o.name.clone());
    let typical =
        move || offering.with(|o| o.typical_value.map(|v| (t.whitespace.typical)(&(t.money)(v, state.currency.get()))));
    view! {
        <tr class=move || cell.with(|c| c.as_ref().map_or("ws-unset".to_string(), |c| format!("ws-{}", c.status.slug())))>
            <th scope="row">
                <span class="ws-name">{name}</span>
                <span class="meta">{move || offering.with(|o| o.family.clone())}</span>
            </th>
            <td>
                <label class="visually-hidden" for=status_id>{move || (t.whitespace.status_of)(&name())}</label>
                <select id=status_id on:change=on_status>
                    <option value="" selected=move || cell.with(Option::is_none)>{t.whitespace.unset}</option>
                    {CellStatus::ALL
                        .iter()
                        .map(|&s| view! {
                            <option value=s.slug() selected=move || cell.with(|c| c.as_ref().is_some_and(|c| c.status == s))>
                                {(t.whitespace.status)(s)}
                            </option>
                        })
                        .collect_view()}
                </select>
            </td>
            <td class="num">
                <label class="visually-hidden" for=value_id>{move || (t.whitespace.value_of)(&name())}</label>
                <input
                    id=value_id
                    type="text"
                    inputmode="decimal"
                    placeholder=typical
                    aria-invalid=move || problem.get().to_string()
                    prop:value=move || cell.with(|c| c.as_ref().and_then(|c| c.value).map(format_plain).unwrap_or_default())
                    on:change=on_value
                />
                <Show when=move || problem.get()>
                    <p class="field-error" role="alert">{t.whitespace.bad_value}</p>
                </Show>
            </td>
        </tr>
    }
}

/// The catalogue of offerings, with the one form pattern: add, edit, delete with undo.
#[component]
pub fn CatalogueEditor() -> impl IntoView {
    let state = use_app();
    let t = t();
    let form = FormState::<Offering>::new("offering", today());
    form.guard(t.whitespace.catalogue_title);
    let offerings: Signal<Vec<Offering>> = Memo::new(move |_| state.workspace.with(|w| w.offerings.clone())).into();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let current =
            form.record_id().and_then(|id| offerings.with_untracked(|os| os.iter().find(|o| o.id == id).cloned()));
        let Some(edited) = form.submit(current.as_ref()) else { return };
        state.workspace.update(|w| w.save_offering(edited.record));
        form.reset();
    };
    let on_edit = Callback::new(move |o: Offering| form.load(&o.id, &o));
    let list =
        keyed(offerings, |o: &Offering| o.id.clone(), move |o| view! { <OfferingItem offering=o on_edit=on_edit /> });
    view! {
        <section class="panel catalogue" aria-labelledby="catalogue-title">
            <h2 id="catalogue-title">{t.whitespace.catalogue_title}</h2>
            <p class="hint">{t.whitespace.catalogue_help}</p>
            <div class="items">{list}</div>
            <form class="form-grid add-form" novalidate=true on:submit=submit>
                {form.field(OfferingField::Name, Control::Text)}
                {form.field(OfferingField::Family, Control::Text)}
                {form.field(OfferingField::TypicalValue, Control::Number)}
                <FormButtons editing=form.editing add_label=t.whitespace.add_offering on_cancel=Callback::new(move |_| form.reset()) />
            </form>
        </section>
    }
}

#[component]
fn OfferingItem(offering: Item<Offering>, on_edit: Callback<Offering>) -> impl IntoView {
    let state = use_app();
    let t = t();
    let what = Signal::derive(move || offering.with(|o| o.name.clone()));
    let delete = move |_| {
        let id = offering.with_untracked(|o| o.id.clone());
        let mut removed = None;
        state.workspace.update(|w| removed = w.remove_offering(&id));
        if let Some((at, o)) = removed {
            state.show_undo(t.whitespace.deleted.to_string(), Undo::Offering { at, offering: Box::new(o) });
        }
    };
    view! {
        <article class="item offering">
            <header>
                <h3>{move || offering.with(|o| o.name.clone())}</h3>
                <span class="meta">{move || offering.with(|o| o.family.clone())}</span>
                <span class="meta">{move || offering.with(|o| o.typical_value.map(|v| (t.whitespace.typical)(&(t.money)(v, state.currency.get()))))}</span>
                <EditButton what=what on_edit=Callback::new(move |_| on_edit.run(offering.get_untracked())) />
                <DeleteButton what=what on_delete=Callback::new(delete) />
            </header>
        </article>
    }
}

/// Key accounts × offerings: where to cross-sell. Each row's whitespace value at its end, the
/// largest first.
#[component]
pub fn HeatMap() -> impl IntoView {
    let state = use_app();
    let t = t();
    let data = Memo::new(move |_| {
        state.workspace.with(|w| {
            state.ranking.with(|r| {
                let mut rows: Vec<(String, String, Vec<Option<CellStatus>>, f64)> = r
                    .iter()
                    .filter(|x| x.standing().tier == Tier::Key)
                    .filter_map(|x| w.accounts.get(x.index))
                    .map(|a| {
                        let cells = w
                            .offerings
                            .iter()
                            .map(|o| a.whitespace.iter().find(|c| c.id == o.id).map(|c| c.status))
                            .collect();
                        (a.id.clone(), a.fields.name.clone(), cells, whitespace_value(&a.whitespace, &w.offerings))
                    })
                    .collect();
                rows.sort_by(|a, b| b.3.total_cmp(&a.3));
                (w.offerings.iter().map(|o| o.name.clone()).collect::<Vec<_>>(), rows)
            })
        })
    });
    move || {
        let (offerings, rows) = data.get();
        if offerings.is_empty() {
            return None;
        }
        let currency = state.currency.get();
        Some(view! {
            <section class="panel heat-map">
                <h2>{t.whitespace.heat_title}</h2>
                <p class="hint">{t.whitespace.heat_help}</p>
                {rows.is_empty().then(|| view! { <p class="empty-note">{t.whitespace.heat_empty}</p> })}
                <div class="table-wrap">
                    <table class="plain heat">
                        <thead>
                            <tr>
                                <th scope="col">{t.col_account}</th>
                                {offerings.into_iter().map(|o| view! { <th scope="col">{o}</th> }).collect_view()}
                                <th scope="col" class="num">{t.whitespace.col_whitespace}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {rows.into_iter().map(|(id, name, cells, value)| view! {
                                <tr>
                                    <th scope="row"><a href=Route::Account(id).href()>{name}</a></th>
                                    {cells.into_iter().map(|c| {
                                        let class = c.map_or("heat-cell ws-unset".to_string(), |s| format!("heat-cell ws-{}", s.slug()));
                                        let text = c.map_or(String::new(), |s| (t.whitespace.status)(s).to_string());
                                        view! { <td class=class>{text}</td> }
                                    }).collect_view()}
                                    <td class="num">{(t.money)(value, currency)}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </section>
        })
    }
}
