//! Step 4: a meetings log whose follow-ups become actions in one click, and future needs
//! followed from identified to won or lost.

use leptos::prelude::*;

use crate::domain::plan::{upsert, Invalid, ItemRef, MeetingDraft, NeedDraft, NeedStatus};
use crate::i18n::t;
use crate::platform::new_id;
use crate::ui::fields::{field, focus, options, status_select, DeleteButton, EditButton, FormButtons, Kind};
use crate::ui::plan::use_plan;
use crate::ui::state::use_app;

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
    let date = RwSignal::new(ctx.today.to_string());
    let attendees = RwSignal::new(String::new());
    let summary = RwSignal::new(String::new());
    let follow_ups = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<Invalid>::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = MeetingDraft {
            date: date.get(),
            attendees: attendees.get(),
            summary: summary.get(),
            follow_ups: follow_ups.get(),
        };
        match draft.validate(new_id()) {
            Ok(m) => {
                errors.set(Vec::new());
                // Newest first.
                if ctx.edit(|p| p.meetings.insert(0, m)) {
                    for s in [attendees, summary, follow_ups] {
                        s.set(String::new());
                    }
                }
            }
            Err(es) => errors.set(es),
        }
    };
    let list = move || {
        ctx.plan.with(|p| {
            p.iter()
                .flat_map(|p| p.meetings.iter())
                .map(|m| {
                    let id = StoredValue::new(m.id.clone());
                    let follow = m
                        .follow_ups
                        .iter()
                        .enumerate()
                        .map(|(i, f)| {
                            let done = f.action_id.is_some();
                            view! {
                                <li>
                                    <span>{f.text.clone()}</span>
                                    {if done {
                                        view! { <span class="chip chip-ok">{t.plan.is_action}</span> }.into_any()
                                    } else {
                                        view! {
                                            <button
                                                type="button"
                                                class="button-link"
                                                on:click=move |_| {
                                                    let done = ctx.edit(|p| {
                                                        id.with_value(|id| p.follow_up_to_action(id, i, new_id(), None));
                                                    });
                                                    if done {
                                                        use_app().notify(t.plan.action_created);
                                                    }
                                                }
                                            >
                                                {t.plan.make_action}
                                            </button>
                                        }
                                        .into_any()
                                    }}
                                </li>
                            }
                        })
                        .collect_view();
                    view! {
                        <article class="item">
                            <header>
                                <h3>{m.date.to_string()}</h3>
                                <span class="meta">{m.attendees.clone()}</span>
                                <DeleteButton
                                    what=format!("{} {}", t.plan.meeting_date, m.date)
                                    on_delete=Callback::new(move |_| {
                                        use_app().delete_plan_item(&ctx.account_id.get_value(), &ItemRef::Meeting(id.get_value()))
                                    })
                                />
                            </header>
                            <p>{m.summary.clone()}</p>
                            <ul class="follow-ups">{follow}</ul>
                        </article>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="panel">
            <h2>{t.plan.meetings_title}</h2>
            <p class="hint">{t.plan.meetings_help}</p>
            <form class="form-grid add-form" novalidate=true on:submit=submit>
                {field("meeting", "date", t.plan.meeting_date, date, errors, Kind::Date)}
                {field("meeting", "attendees", t.plan.attendees, attendees, errors, Kind::Text)}
                {field("meeting", "summary", t.plan.summary, summary, errors, Kind::Area)}
                {field("meeting", "follow_ups", t.plan.follow_ups, follow_ups, errors, Kind::Area)}
                <div class="form-actions field-wide">
                    <button type="submit" class="button-primary">{t.plan.log_meeting}</button>
                </div>
            </form>
            <div class="items">{list}</div>
        </section>
    }
}

#[component]
fn Needs() -> impl IntoView {
    let ctx = use_plan();
    let state = use_app();
    let t = t();
    let need = RwSignal::new(String::new());
    let heard = RwSignal::new(String::new());
    let timeframe = RwSignal::new(String::new());
    let solution = RwSignal::new(String::new());
    let value = RwSignal::new(String::new());
    let status = RwSignal::new(NeedStatus::Identified.slug().to_string());
    let errors = RwSignal::new(Vec::<Invalid>::new());
    let editing = RwSignal::new(None::<String>);
    let reset = move || {
        for s in [need, heard, timeframe, solution, value] {
            s.set(String::new());
        }
        status.set(NeedStatus::Identified.slug().to_string());
        errors.set(Vec::new());
        editing.set(None);
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = NeedDraft {
            need: need.get(),
            heard: heard.get(),
            timeframe: timeframe.get(),
            solution: solution.get(),
            value: value.get(),
            status: status.get(),
        };
        match draft.validate(editing.get().unwrap_or_else(new_id)) {
            Ok(n) => {
                if ctx.edit(|p| upsert(&mut p.needs, n, |x| &x.id)) {
                    reset();
                }
            }
            Err(es) => errors.set(es),
        }
    };
    let totals = move || {
        let potential =
            state.workspace.with(|w| ctx.account_id.with_value(|id| w.find(id).and_then(|a| a.fields.potential)));
        let open = ctx.plan.with(|p| p.as_ref().map_or(0.0, |p| p.open_needs_value()));
        view! { <p class="totals">{(t.plan.open_needs)(&(t.money)(open), &(t.money)(potential.unwrap_or(0.0)))}</p> }
    };
    let list = move || {
        ctx.plan.with(|p| {
            p.iter()
                .flat_map(|p| p.needs.iter())
                .map(|n| {
                    let id = StoredValue::new(n.id.clone());
                    let current = n.status;
                    let loaded = n.clone();
                    let select_id = format!("need-status-{}", n.id);
                    let meta = [n.heard.clone(), n.timeframe.clone(), n.value.map(t.money).unwrap_or_default()]
                        .into_iter()
                        .filter(|s| !s.is_empty())
                        .collect::<Vec<_>>()
                        .join(" · ");
                    view! {
                        <article class="item">
                            <header>
                                <h3>{n.need.clone()}</h3>
                                <EditButton
                                    what=n.need.clone()
                                    on_edit=Callback::new(move |_| {
                                        let n = &loaded;
                                        need.set(n.need.clone());
                                        heard.set(n.heard.clone());
                                        timeframe.set(n.timeframe.clone());
                                        solution.set(n.solution.clone());
                                        value.set(n.value.map(crate::domain::account::format_plain).unwrap_or_default());
                                        status.set(n.status.slug().to_string());
                                        editing.set(Some(n.id.clone()));
                                        focus("need-need");
                                    })
                                />
                                <DeleteButton
                                    what=n.need.clone()
                                    on_delete=Callback::new(move |_| {
                                        use_app().delete_plan_item(&ctx.account_id.get_value(), &ItemRef::Need(id.get_value()))
                                    })
                                />
                            </header>
                            {(!n.solution.is_empty()).then(|| view! { <p><strong>{t.plan.solution} ": "</strong>{n.solution.clone()}</p> })}
                            <p class="meta">{meta}</p>
                            <div class="item-foot">
                                {status_select(
                                    select_id,
                                    t.plan.status_label.to_string(),
                                    false,
                                    NeedStatus::ALL,
                                    NeedStatus::slug,
                                    t.plan.need_status,
                                    current,
                                    move |s| {
                                        ctx.edit(|p| {
                                            if let Some(n) = p.needs.iter_mut().find(|n| id.with_value(|id| &n.id == id)) {
                                                n.status = s;
                                            }
                                        });
                                    },
                                )}
                            </div>
                        </article>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="panel">
            <h2>{t.plan.needs_title}</h2>
            <p class="hint">{t.plan.needs_help}</p>
            {totals}
            <div class="items">{list}</div>
            <form class="form-grid add-form" novalidate=true on:submit=submit>
                {field("need", "need", t.plan.need, need, errors, Kind::Text)}
                {field("need", "heard", t.plan.heard, heard, errors, Kind::Text)}
                {field("need", "timeframe", t.plan.timeframe, timeframe, errors, Kind::Text)}
                {field("need", "value", t.plan.estimated_value, value, errors, Kind::Number)}
                {field("need", "solution", t.plan.solution, solution, errors, Kind::Text)}
                {field("need", "status", t.plan.status_label, status, errors, Kind::Select(options(NeedStatus::ALL, NeedStatus::slug, t.plan.need_status)))}
                <FormButtons editing=editing add_label=t.plan.add_need on_cancel=Callback::new(move |_| reset()) />
            </form>
        </section>
    }
}
