//! Step 4: a meetings log whose follow-ups become actions in one click, and future needs
//! followed from identified to won or lost.

use leptos::prelude::*;

use crate::domain::plan::{ItemRef, Meeting, MeetingField, Need, NeedField, NeedStatus, StatusChange};
use crate::i18n::{t, Label};
use crate::platform::{new_id, now_ms};
use crate::ui::components::form::{
    clash_text, options, status_select, Control, DeleteButton, EditButton, FormButtons, FormState,
};
use crate::ui::components::keyed::{keyed, Item};
use crate::ui::components::plan::use_plan;
use crate::ui::components::widgets::WhyLink;
use crate::ui::route::Topic;

#[component]
pub fn Anticipate() -> impl IntoView {
    view! {
        <Meetings />
        <Needs />
    }
}

#[component]
fn Meetings() -> impl IntoView {
    let ctx = use_plan();
    let t = t();
    let form = FormState::<Meeting>::new("meeting", ctx.today);
    form.guard(t.plan.meetings_title);
    let meetings = ctx.list(|p| &p.meetings);
    let on_edit = Callback::new(move |m: Meeting| form.load(&m.id, &m));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let current = form
            .record_id()
            .and_then(|id| ctx.plan.with_untracked(|p| p.as_ref().and_then(|p| p.item::<Meeting>(&id).cloned())));
        let Some(edited) = form.submit(current.as_ref()) else { return };
        let (m, is_new) = (edited.record, current.is_none());
        let (attendees, date) = (m.attendees.clone(), m.date);
        // The log reads newest first.
        let saved = ctx.edit(|p| if is_new { p.meetings.insert(0, m) } else { p.save(m) });
        if saved {
            // Who attended was in touch that day: the stakeholder map's freshness follows.
            let mut met = 0;
            ctx.state.workspace.update(|w| met = w.met(&ctx.account_id.get_value(), &attendees, date, now_ms()));
            if let Some(text) = clash_text(&edited.clashes) {
                ctx.state.notify(text);
            } else if met > 0 {
                ctx.state.notify((t.people.met)(met));
            }
            form.reset();
        }
    };
    let list =
        keyed(meetings, |m: &Meeting| m.id.clone(), move |m| view! { <MeetingItem meeting=m on_edit=on_edit /> });
    view! {
        <section class="panel">
            <h2>{t.plan.meetings_title}</h2>
            <p class="hint">{t.plan.meetings_help}<WhyLink topic=Topic::Steps /></p>
            <form class="form-grid add-form" novalidate=true on:submit=submit>
                {form.field(MeetingField::Date, Control::Date)}
                {form.field(MeetingField::Attendees, Control::Text)}
                <AttendeePicker form=form />
                {form.field(MeetingField::Summary, Control::Area)}
                {form.field(MeetingField::FollowUps, Control::Area)}
                <FormButtons editing=form.editing add_label=t.plan.log_meeting on_cancel=Callback::new(move |_| form.reset()) />
            </form>
            <div class="items">{list}</div>
        </section>
    }
}

/// The account's stakeholders as buttons that add their name to the meeting's attendees.
#[component]
fn AttendeePicker(form: FormState<Meeting>) -> impl IntoView {
    let ctx = use_plan();
    let t = t();
    let names = Memo::new(move |_| {
        ctx.state.workspace.with(|w| {
            ctx.account_id.with_value(|id| {
                w.find(id)
                    .map(|a| a.stakeholders.iter().map(|p| p.name.clone()).collect::<Vec<_>>())
                    .unwrap_or_default()
            })
        })
    });
    let listed = move |name: &str| {
        form.value(MeetingField::Attendees).split([',', ';', '\n']).any(|x| x.trim().eq_ignore_ascii_case(name.trim()))
    };
    move || {
        (!names.with(Vec::is_empty)).then(|| {
            view! {
                <div class="attendee-picker full" role="group" aria-label=t.plan.pick_attendees>
                    <span class="hint">{t.plan.pick_attendees}</span>
                    {names
                        .get()
                        .into_iter()
                        .map(|name| {
                            let n = name.clone();
                            let on = move || listed(&n);
                            let add = name.clone();
                            view! {
                                <button type="button" class="toggle" aria-pressed=move || on().to_string() on:click=move |_| {
                                    if !listed(&add) {
                                        let now = form.value(MeetingField::Attendees);
                                        let next = if now.trim().is_empty() { add.clone() } else { format!("{}, {}", now.trim_end(), add) };
                                        form.set(MeetingField::Attendees, next);
                                    }
                                }>{name}</button>
                            }
                        })
                        .collect_view()}
                </div>
            }
        })
    }
}

#[component]
fn MeetingItem(meeting: Item<Meeting>, on_edit: Callback<Meeting>) -> impl IntoView {
    let ctx = use_plan();
    let t = t();
    let id = StoredValue::new(meeting.with_untracked(|m| m.id.clone()));
    let what = Signal::derive(move || meeting.with(|m| (t.plan.meeting_on)(&(t.date_long)(m.date))));
    let follow_ups = move || {
        meeting.with(|m| {
            m.follow_ups
                .iter()
                .enumerate()
                .map(|(i, f)| {
                    let done = f.action_id.is_some();
                    let make = move |_| {
                        let made = ctx.edit(|p| {
                            id.with_value(|id| p.follow_up_to_action(id, i, new_id(), None));
                        });
                        if made {
                            ctx.state.notify(t.plan.action_created);
                        }
                    };
                    view! {
                        <li>
                            <span>{f.text.clone()}</span>
                            {if done {
                                view! { <span class="chip chip-ok">{t.plan.is_action}</span> }.into_any()
                            } else {
                                view! { <button type="button" class="button-link" on:click=make>{t.plan.make_action}</button> }.into_any()
                            }}
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <article class="item">
            <header>
                <h3>{move || meeting.with(|m| (t.date_long)(m.date))}</h3>
                <span class="meta">{move || meeting.with(|m| m.attendees.clone())}</span>
                <EditButton what=what on_edit=Callback::new(move |_| on_edit.run(meeting.get_untracked())) />
                <DeleteButton
                    what=what
                    on_delete=Callback::new(move |_| ctx.state.delete_plan_item(&ctx.account_id.get_value(), &ItemRef::Meeting(id.get_value())))
                />
            </header>
            <p>{move || meeting.with(|m| m.summary.clone())}</p>
            <ul class="follow-ups">{follow_ups}</ul>
        </article>
    }
}

#[component]
fn Needs() -> impl IntoView {
    let ctx = use_plan();
    let t = t();
    let form = FormState::<Need>::new("need", ctx.today);
    form.guard(t.plan.needs_title);
    let needs = ctx.list(|p| &p.needs);
    let on_edit = Callback::new(move |n: Need| form.load(&n.id, &n));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        ctx.save_item(form);
    };
    let totals = move || {
        let potential =
            ctx.state.workspace.with(|w| ctx.account_id.with_value(|id| w.find(id).and_then(|a| a.fields.potential)));
        let open = ctx.plan.with(|p| p.as_ref().map_or(0.0, |p| p.open_needs_value()));
        view! { <p class="totals">{(t.plan.open_needs)(&(t.money)(open, ctx.state.currency.get()), &(t.money)(potential.unwrap_or(0.0), ctx.state.currency.get()))}</p> }
    };
    let list = keyed(needs, |n: &Need| n.id.clone(), move |n| view! { <NeedItem need=n on_edit=on_edit /> });
    view! {
        <section class="panel">
            <h2>{t.plan.needs_title}</h2>
            <p class="hint">{t.plan.needs_help}</p>
            {totals}
            <div class="items">{list}</div>
            <form class="form-grid add-form" novalidate=true on:submit=submit>
                {form.field(NeedField::Need, Control::Text)}
                {form.field(NeedField::Heard, Control::Text)}
                {form.field(NeedField::Timeframe, Control::Text)}
                {form.field_hinted(NeedField::Value, Control::Number, (t.amount_hint)(ctx.state.currency.get_untracked()))}
                {form.field(NeedField::Solution, Control::Text)}
                {form.field(NeedField::Status, Control::Select(options(NeedStatus::ALL, NeedStatus::slug, t.plan.need_status)))}
                <FormButtons editing=form.editing add_label=t.plan.add_need on_cancel=Callback::new(move |_| form.reset()) />
            </form>
        </section>
    }
}

#[component]
fn NeedItem(need: Item<Need>, on_edit: Callback<Need>) -> impl IntoView {
    let ctx = use_plan();
    let t = t();
    let id = StoredValue::new(need.with_untracked(|n| n.id.clone()));
    let title = Signal::derive(move || need.with(|n| n.need.clone()));
    let body = move || {
        need.with(|n| {
            let meta = (t.list)(&[n.heard.clone(), n.timeframe.clone(), n.value.map(|v| (t.money)(v, ctx.state.currency.get())).unwrap_or_default()]);
            view! {
                {(!n.solution.is_empty()).then(|| view! { <p>{(t.field_value)(NeedField::Solution.label(), &n.solution)}</p> })}
                <p class="meta">{meta}</p>
            }
        })
    };
    let status = Signal::derive(move || need.with(|n| n.status));
    view! {
        <article class="item">
            <header>
                <h3>{title}</h3>
                <EditButton what=title on_edit=Callback::new(move |_| on_edit.run(need.get_untracked())) />
                <DeleteButton
                    what=title
                    on_delete=Callback::new(move |_| ctx.state.delete_plan_item(&ctx.account_id.get_value(), &ItemRef::Need(id.get_value())))
                />
            </header>
            {body}
            <div class="item-foot">
                {status_select(
                    format!("need-status-{}", id.get_value()),
                    NeedField::Status.label().to_string(),
                    false,
                    NeedStatus::ALL,
                    NeedStatus::slug,
                    t.plan.need_status,
                    status,
                    move |s| {
                        ctx.edit(|p| {
                            p.set_status(StatusChange::Need(id.get_value(), s));
                        });
                    },
                )}
            </div>
        </article>
    }
}
