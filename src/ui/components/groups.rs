//! Account groups on screen: the account page's group panel (its parent, set by name or CRM
//! id with the refusal next to the field; its subsidiaries and the group's rolled-up figures;
//! the group plan that covers it) and the accounts page's table of groups. The rules live in
//! `domain::groups`.

use leptos::prelude::*;

use crate::domain::groups::{covering_plan, find_reference, group_of, groups, subsidiaries, GroupProblem};
use crate::i18n::t;
use crate::platform::now_ms;
use crate::ui::route::{Route, Section};
use crate::ui::state::use_app;

/// Names offered while typing a parent: at most this many.
const SUGGESTIONS: usize = 20;

#[component]
pub fn GroupPanel(id: StoredValue<String>) -> impl IntoView {
    let state = use_app();
    let t = t();
    let typed = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<GroupProblem>);
    let index =
        Memo::new(move |_| state.workspace.with(|w| id.with_value(|id| w.accounts.iter().position(|a| &a.id == id))));
    let link = move |i: usize| {
        state.workspace.with(|w| {
            w.accounts.get(i).map(|a| (Route::Account(a.id.clone()).href(), a.fields.name.clone())).unwrap_or_default()
        })
    };
    let parent = Memo::new(move |_| {
        state.workspace.with(|w| {
            let i = index.get()?;
            let p = w.accounts[i].parent.as_deref()?;
            w.accounts.iter().position(|a| a.id == p)
        })
    });
    let group =
        Memo::new(move |_| state.workspace.with(|w| index.get().and_then(|i| group_of(&w.accounts, &w.offerings, i))));
    let kids = Memo::new(move |_| {
        state.workspace.with(|w| index.get().map(|i| subsidiaries(&w.accounts, i)).unwrap_or_default())
    });
    let covered =
        Memo::new(move |_| state.workspace.with(|w| index.get().and_then(|i| covering_plan(&w.accounts, &w.plans, i))));
    let suggestions = Memo::new(move |_| {
        let text = typed.get().trim().to_lowercase();
        if text.is_empty() {
            return Vec::new();
        }
        state.workspace.with_untracked(|w| {
            let me = index.get_untracked();
            w.accounts
                .iter()
                .enumerate()
                .filter(|(i, a)| Some(*i) != me && a.fields.name.to_lowercase().contains(&text))
                .take(SUGGESTIONS)
                .map(|(_, a)| a.fields.name.clone())
                .collect::<Vec<_>>()
        })
    });
    let set = move |parent: Option<String>| {
        let mut result = Ok(false);
        state.workspace.update(|w| result = id.with_value(|id| w.set_parent(id, parent.as_deref(), now_ms())));
        match result {
            Ok(_) => {
                problem.set(None);
                typed.set(String::new());
                state.notify(t.groups.updated);
            }
            Err(p) => problem.set(Some(p)),
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let found = state.workspace.with_untracked(|w| {
            typed.with_untracked(|text| find_reference(&w.accounts, text).map(|i| w.accounts[i].id.clone()))
        });
        match found {
            Some(p) => set(Some(p)),
            None => problem.set(Some(GroupProblem::Unknown)),
        }
    };
    view! {
        <section class="panel group-panel" aria-labelledby="group-title">
            <h2 id="group-title">{t.groups.title}</h2>
            <p class="hint">{t.groups.help}</p>
            {move || parent.get().map(|p| {
                let (href, name) = link(p);
                view! {
                    <p class="group-parent">
                        {t.groups.part_of} " " <a href=href>{name}</a> " "
                        <button type="button" class="button-link" on:click=move |_| set(None)>{t.groups.remove}</button>
                    </p>
                }
            })}
            {move || covered.get().map(|p| {
                let (_, name) = link(p);
                let href = state.workspace.with(|w| Route::Plan(w.accounts[p].id.clone(), Section::Summary).href());
                view! { <p class="hint">{(t.groups.covered_by)(&name)} " " <a href=href>{t.plan.open_plan}</a></p> }
            })}
            <form class="group-form" novalidate=true on:submit=submit>
                <div class="field">
                    <label for="group-parent">{t.groups.parent_label}</label>
                    <input
                        id="group-parent"
                        type="text"
                        list="group-parent-names"
                        autocomplete="off"
                        aria-describedby="group-parent-message group-parent-hint"
                        aria-invalid=move || problem.with(Option::is_some).to_string()
                        prop:value=move || typed.get()
                        on:input=move |ev| {
                            typed.set(event_target_value(&ev));
                            problem.set(None);
                        }
                    />
                    <datalist id="group-parent-names">
                        {move || suggestions.get().into_iter().map(|n| view! { <option value=n></option> }).collect_view()}
                    </datalist>
                    <p class="field-error" id="group-parent-message" role="alert">{move || problem.get().map(t.groups.problem)}</p>
                    <p class="hint" id="group-parent-hint">{t.groups.parent_hint}</p>
                </div>
                <button type="submit" class="button-secondary">{t.groups.set}</button>
            </form>
            {move || group.get().map(|g| {
                let currency = state.currency.get();
                view! {
                    <p class="group-rollup">{(t.groups.rollup)(g.members.len() + 1, &(t.money)(g.revenue, currency), &(t.money)(g.potential, currency), &(t.money)(g.whitespace, currency))}</p>
                }
            })}
            <Show when=move || kids.with(|k| !k.is_empty())>
                <h3>{t.groups.subsidiaries}</h3>
                <ul class="subsidiaries">
                    {move || kids.get().into_iter().map(|i| {
                        let (href, name) = link(i);
                        view! { <li><a href=href>{name}</a></li> }
                    }).collect_view()}
                </ul>
            </Show>
        </section>
    }
}

/// The accounts page's groups: one row per group at the top, its figures rolled up.
#[component]
pub fn GroupsTable() -> impl IntoView {
    let state = use_app();
    let t = t();
    let rows = Memo::new(move |_| {
        state.workspace.with(|w| {
            groups(&w.accounts, &w.offerings)
                .into_iter()
                .map(|g| {
                    let a = &w.accounts[g.parent];
                    let members: Vec<String> = g.members.iter().map(|&i| w.accounts[i].fields.name.clone()).collect();
                    (a.id.clone(), a.fields.name.clone(), members, g.revenue, g.potential, g.whitespace)
                })
                .collect::<Vec<_>>()
        })
    });
    move || {
        (!rows.with(Vec::is_empty)).then(|| {
            let currency = state.currency.get();
            view! {
                <section class="panel groups">
                    <h2>{t.groups.table_title}</h2>
                    <div class="table-wrap">
                        <table class="plain groups-table">
                            <thead>
                                <tr>
                                    <th scope="col">{t.groups.col_group}</th>
                                    <th scope="col">{t.groups.col_members}</th>
                                    <th scope="col" class="num">{t.groups.col_revenue}</th>
                                    <th scope="col" class="num">{t.groups.col_potential}</th>
                                    <th scope="col" class="num">{t.groups.col_whitespace}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {rows.get().into_iter().map(|(id, name, members, revenue, potential, whitespace)| view! {
                                    <tr>
                                        <th scope="row"><a href=Route::Account(id).href()>{name}</a></th>
                                        <td>{(t.groups.members)(&members)}</td>
                                        <td class="num">{(t.money)(revenue, currency)}</td>
                                        <td class="num">{(t.money)(potential, currency)}</td>
                                        <td class="num">{(t.money)(whitespace, currency)}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                </section>
            }
        })
    }
}
