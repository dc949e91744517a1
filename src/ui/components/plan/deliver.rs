//! Step 2: actions and commitments (who, which team, when), and service agreements.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::plan::{
    Action, ActionField, ActionStatus, Agreement, AgreementField, ItemRef, Objective, StatusChange, Team,
};
use crate::i18n::{t, Label};
use crate::ui::components::form::{options, status_select, Control, DeleteButton, EditButton, FormButtons, FormState};
use crate::ui::components::keyed::{keyed, Item};
use crate::ui::components::plan::use_plan;
use crate::ui::components::widgets::WhyLink;
use crate::ui::route::Topic;

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
    let form = FormState::<Action>::new("action", ctx.today);
    form.guard(t.plan.actions_title);
    // Work to do first, by due date; done last.
    let actions: Signal<Vec<Action>> = Memo::new(move |_| {
        ctx.plan.with(|p| {
            let mut v: Vec<Action> = p.iter().flat_map(|p| p.actions.iter().cloned()).collect();
            v.sort_by_key(|a| (a.status == ActionStatus::Done, a.due.is_none(), a.due));
            v
        })
    })
    .into();
    let on_edit = Callback::new(move |a: Action| form.load(&a.id, &a));
    let rows = keyed(actions, |a: &Action| a.id.clone(), move |a| view! { <ActionRow action=a on_edit=on_edit /> });
    let objective_options = Arc::new(move || {
        let mut opts = vec![(String::new(), t.plan.no_link.to_string())];
        ctx.plan
            .with(|p| opts.extend(p.iter().flat_map(|p| p.objectives.iter()).map(|o| (o.id.clone(), o.what.clone()))));
        opts
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        ctx.save_item(form);
    };
    view! {
        <section class="panel">
            <h2>{t.plan.actions_title}</h2>
            <p class="hint">{t.plan.actions_help}<WhyLink topic=Topic::Steps /></p>
            <Show when=move || actions.with(Vec::is_empty)>
                <p class="hint">{t.plan.none_yet}</p>
            </Show>
            <div class="table-wrap" class:hidden=move || actions.with(Vec::is_empty)>
                <table class="plain">
                    <thead>
                        <tr>
                            <th scope="col">{ActionField::Title.label()}</th>
                            <th scope="col">{ActionField::Objective.label()}</th>
                            <th scope="col">{ActionField::Owner.label()}</th>
                            <th scope="col">{ActionField::Team.label()}</th>
                            <th scope="col" class="num">{ActionField::Due.label()}</th>
                            <th scope="col">{ActionField::Status.label()}</th>
                            <th scope="col"><span class="visually-hidden">{t.confirm_delete}</span></th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <form class="form-grid add-form" novalidate=true on:submit=submit>
                {form.field(ActionField::Title, Control::Text)}
                {form.field(ActionField::Objective, Control::Select(objective_options))}
                {form.field(ActionField::Owner, Control::Text)}
                {form.field(ActionField::Team, Control::Select(options(Team::ALL, Team::slug, t.plan.team)))}
                {form.field(ActionField::Due, Control::Date)}
                {form.field(ActionField::Status, Control::Select(options(ActionStatus::ALL, ActionStatus::slug, t.plan.action_status)))}
                <FormButtons editing=form.editing add_label=t.plan.add_action on_cancel=Callback::new(move |_| form.reset()) />
            </form>
        </section>
    }
}

#[component]
fn ActionRow(action: Item<Action>, on_edit: Callback<Action>) -> impl IntoView {
    let ctx = use_plan();
    let t = t();
    let today = ctx.today;
    let id = StoredValue::new(action.with_untracked(|a| a.id.clone()));
    let title = Signal::derive(move || action.with(|a| a.title.clone()));
    let status = Signal::derive(move || action.with(|a| a.status));
    // What the row shows; the status select and the buttons stay put, so a select keeps
    // its focus while it is used.
    let cells = move || {
        action.with(|a| {
            let objective = a.objective_id.as_ref().and_then(|o| {
                ctx.plan.with(|p| p.as_ref().and_then(|p| p.item::<Objective>(o)).map(|o| o.what.clone()))
            });
            let overdue = a.overdue(today);
            view! {
                <td>
                    <span class="item-title">{a.title.clone()}</span>
                    {overdue.then(|| view! { <span class="chip chip-bad">{t.plan.overdue}</span> })}
                </td>
                <td>{objective}</td>
                <td>{a.owner.clone()}</td>
                <td>{(t.plan.team)(a.team)}</td>
                <td class="num">{a.due.map(t.date)}</td>
            }
        })
    };
    view! {
        <tr class:overdue=move || action.with(|a| a.overdue(today))>
            {cells}
            <td>
                {status_select(
                    format!("action-status-{}", id.get_value()),
                    (t.plan.status_of)(&title.get_untracked()),
                    true,
                    ActionStatus::ALL,
                    ActionStatus::slug,
                    t.plan.action_status,
                    status,
                    move |s| {
                        ctx.edit(|p| {
                            p.set_status(StatusChange::Action(id.get_value(), s));
                        });
                    },
                )}
            </td>
            <td class="row-actions">
                <EditButton what=title on_edit=Callback::new(move |_| on_edit.run(action.get_untracked())) />
                <DeleteButton
                    what=title
                    on_delete=Callback::new(move |_| ctx.state.delete_plan_item(&ctx.account_id.get_value(), &ItemRef::Action(id.get_value())))
                />
            </td>
        </tr>
    }
}

#[component]
fn Agreements() -> impl IntoView {
    let ctx = use_plan();
    let t = t();
    let form = FormState::<Agreement>::new("agreement", ctx.today);
    form.guard(t.plan.agreements_title);
    let agreements = ctx.list(|p| &p.agreements);
    let list = keyed(
        agreements,
        |g: &Agreement| g.id.clone(),
        move |g| {
            let text = Signal::derive(move || g.with(|g| g.text.clone()));
            let id = StoredValue::new(g.with_untracked(|g| g.id.clone()));
            view! {
                <li>
                    {text}
                    <DeleteButton
                        what=text
                        on_delete=Callback::new(move |_| ctx.state.delete_plan_item(&ctx.account_id.get_value(), &ItemRef::Agreement(id.get_value())))
                    />
                </li>
            }
        },
    );
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        ctx.save_item(form);
    };
    view! {
        <section class="panel">
            <h2>{t.plan.agreements_title}</h2>
            <p class="hint">{t.plan.agreements_help}</p>
            <ul class="simple-list">{list}</ul>
            <form class="inline-form" novalidate=true on:submit=submit>
                {form.field(AgreementField::Text, Control::Text)}
                <button type="submit" class="button-secondary">{t.plan.add_agreement}</button>
            </form>
        </section>
    }
}
