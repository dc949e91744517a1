//! Step 2: actions and commitments (who, which team, when), and service agreements.

use leptos::prelude::*;

use crate::domain::account::Problem;
use crate::domain::plan::{upsert, ActionDraft, ActionStatus, Agreement, Invalid, ItemRef, Team};
use crate::i18n::t;
use crate::platform::new_id;
use crate::ui::fields::{field, focus, options, status_select, DeleteButton, EditButton, FormButtons, Kind};
use crate::ui::plan::use_plan;
use crate::ui::state::use_app;

#[component]
pub fn Deliver() -> impl IntoView {
    view! {
        <Actions />
        <Agreements />
    }
}

#[component]
fn Actions() -> impl IntoView {
    let ctx = use_plan();
    let t = t();
    let today = ctx.today;
    let title = RwSignal::new(String::new());
    let owner = RwSignal::new(String::new());
    let team = RwSignal::new(Team::Sales.slug().to_string());
    let due = RwSignal::new(String::new());
    let status = RwSignal::new(ActionStatus::Open.slug().to_string());
    let objective_id = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<Invalid>::new());
    let editing = RwSignal::new(None::<String>);
    let reset = move || {
        for s in [title, owner, due, objective_id] {
            s.set(String::new());
        }
        team.set(Team::Sales.slug().to_string());
        status.set(ActionStatus::Open.slug().to_string());
        errors.set(Vec::new());
        editing.set(None);
    };
    let rows = move || {
        ctx.plan.with(|p| {
            let Some(p) = p else { return Vec::new() };
            let mut actions: Vec<_> = p.actions.iter().collect();
            // Work to do first, by due date; done last.
            actions.sort_by_key(|a| (a.status == ActionStatus::Done, a.due.is_none(), a.due));
            actions
                .into_iter()
                .map(|a| {
                    let id = StoredValue::new(a.id.clone());
                    let objective = a.objective_id.as_ref().and_then(|o| p.objectives.iter().find(|x| &x.id == o)).map(|o| o.what.clone());
                    let overdue = a.overdue(today);
                    let current_status = a.status;
                    let select_id = format!("action-status-{}", a.id);
                    let row_title = a.title.clone();
                    view! {
                        <tr class:overdue=overdue>
                            <td>
                                <span class="item-title">{a.title.clone()}</span>
                                {overdue.then(|| view! { <span class="chip chip-bad">{t.plan.overdue}</span> })}
                            </td>
                            <td>{objective.unwrap_or_default()}</td>
                            <td>{a.owner.clone()}</td>
                            <td>{(t.plan.team)(a.team)}</td>
                            <td class="num">{a.due.map(|d| d.to_string()).unwrap_or_default()}</td>
                            <td>
                                {status_select(
                                    select_id,
                                    format!("{} {}", t.plan.status_label, row_title),
                                    true,
                                    ActionStatus::ALL,
                                    ActionStatus::slug,
                                    t.plan.action_status,
                                    current_status,
                                    move |s| {
                                        ctx.edit(|p| {
                                            if let Some(a) = p.actions.iter_mut().find(|a| id.with_value(|id| &a.id == id)) {
                                                a.status = s;
                                            }
                                        });
                                    },
                                )}
                            </td>
                            <td class="row-actions">
                                <EditButton
                                    what=a.title.clone()
                                    on_edit={
                                        let a = a.clone();
                                        Callback::new(move |_| {
                                            title.set(a.title.clone());
                                            owner.set(a.owner.clone());
                                            team.set(a.team.slug().to_string());
                                            due.set(a.due.map(|d| d.to_string()).unwrap_or_default());
                                            status.set(a.status.slug().to_string());
                                            objective_id.set(a.objective_id.clone().unwrap_or_default());
                                            editing.set(Some(a.id.clone()));
                                            focus("action-title");
                                        })
                                    }
                                />
                                <DeleteButton
                                    what=a.title.clone()
                                    on_delete=Callback::new(move |_| {
                                        use_app().delete_plan_item(&ctx.account_id.get_value(), &ItemRef::Action(id.get_value()))
                                    })
                                />
                            </td>
                        </tr>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    let empty = move || ctx.plan.with(|p| p.as_ref().is_some_and(|p| p.actions.is_empty()));

    let objective_options = std::sync::Arc::new(move || {
        let mut opts = vec![(String::new(), t.plan.no_link.to_string())];
        ctx.plan
            .with(|p| opts.extend(p.iter().flat_map(|p| p.objectives.iter()).map(|o| (o.id.clone(), o.what.clone()))));
        opts
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = ActionDraft {
            title: title.get(),
            owner: owner.get(),
            team: team.get(),
            due: due.get(),
            status: status.get(),
            objective_id: objective_id.get(),
        };
        match draft.validate(editing.get().unwrap_or_else(new_id)) {
            Ok(a) => {
                if ctx.edit(|p| upsert(&mut p.actions, a, |x| &x.id)) {
                    reset();
                }
            }
            Err(es) => errors.set(es),
        }
    };

    view! {
        <section class="panel">
            <h2>{t.plan.actions_title}</h2>
            <p class="hint">{t.plan.actions_help}</p>
            <Show when=move || !empty() fallback=move || view! { <p class="hint">{t.plan.none_yet}</p> }>
                <div class="table-wrap">
                    <table class="plain">
                        <thead>
                            <tr>
                                <th scope="col">{t.plan.action_title}</th>
                                <th scope="col">{t.plan.for_objective}</th>
                                <th scope="col">{t.plan.owner}</th>
                                <th scope="col">{t.plan.team_label}</th>
                                <th scope="col" class="num">{t.plan.due}</th>
                                <th scope="col">{t.plan.status_label}</th>
                                <th scope="col"><span class="visually-hidden">{t.confirm_delete}</span></th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </Show>
            <form class="form-grid add-form" novalidate=true on:submit=submit>
                {field("action", "title", t.plan.action_title, title, errors, Kind::Text)}
                {field("action", "objective_id", t.plan.for_objective, objective_id, errors, Kind::Select(objective_options))}
                {field("action", "owner", t.plan.owner, owner, errors, Kind::Text)}
                {field("action", "team", t.plan.team_label, team, errors, Kind::Select(options(Team::ALL, Team::slug, t.plan.team)))}
                {field("action", "due", t.plan.due, due, errors, Kind::Date)}
                {field("action", "status", t.plan.status_label, status, errors, Kind::Select(options(ActionStatus::ALL, ActionStatus::slug, t.plan.action_status)))}
                <FormButtons editing=editing add_label=t.plan.add_action on_cancel=Callback::new(move |_| reset()) />
            </form>
        </section>
    }
}

#[component]
fn Agreements() -> impl IntoView {
    let ctx = use_plan();
    let t = t();
    let text = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<Invalid>::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let value = text.get().trim().to_string();
        if value.is_empty() {
            errors.set(vec![Invalid { field: "text", problem: Problem::Required }]);
            return;
        }
        errors.set(Vec::new());
        if ctx.edit(|p| p.agreements.push(Agreement { id: new_id(), text: value })) {
            text.set(String::new());
        }
    };
    let list = move || {
        ctx.plan.with(|p| {
            p.iter()
                .flat_map(|p| p.agreements.iter())
                .map(|g| {
                    let id = StoredValue::new(g.id.clone());
                    view! {
                        <li>
                            {g.text.clone()}
                            <DeleteButton
                                what=g.text.clone()
                                on_delete=Callback::new(move |_| {
                                    use_app().delete_plan_item(&ctx.account_id.get_value(), &ItemRef::Agreement(id.get_value()))
                                })
                            />
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="panel">
            <h2>{t.plan.agreements_title}</h2>
            <p class="hint">{t.plan.agreements_help}</p>
            <ul class="simple-list">{list}</ul>
            <form class="inline-form" novalidate=true on:submit=submit>
                {field("agreement", "text", t.plan.agreement, text, errors, Kind::Text)}
                <button type="submit" class="button-secondary">{t.plan.add_agreement}</button>
            </form>
        </section>
    }
}
